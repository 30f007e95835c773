// The one way an exported SVG becomes a PNG, for `uintr-sim render -o OUT.png` and the app's
// File ▸ Export: QtSvg draws the document (render::writeSvg's output) onto a white image `scale`
// times its size, which is then encoded as PNG. Both therefore give the same picture.
#pragma once

#include <QByteArray>
#include <QString>

namespace uintr::raster {

// True when `path` ends in ".png" (any case).
bool isPngPath(const QString& path);

// `svg` rendered at `scale` (pixels per SVG pixel) and encoded as PNG into `png`. Needs a
// QGuiApplication (fonts, a paint engine). On failure: false, and `error` says why in one line.
bool svgToPng(const QByteArray& svg, double scale, QByteArray& png, QString& error);

} // namespace uintr::raster
