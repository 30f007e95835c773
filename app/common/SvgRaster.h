// The one way an exported SVG becomes a PNG, for `uintr-sim render -o OUT.png` and the app's
// File ▸ Export: QtSvg draws the document (render::writeSvg's output) onto a white image `scale`
// times its size, which is then encoded as PNG. Both therefore give the same picture.
#pragma once

#include <QByteArray>
#include <QString>

namespace uintr::raster {

// The largest PNG made: QPainter's raster engine draws at most 32,767 px along a side, and an
// ARGB32 image of 64 Mpx already takes 256 MB (a 256-CPU scenario at scale 8 asked for
// 12,800 × 276,640 px). Listed in docs/limits.md.
inline constexpr int kMaxPngSide = 32767;
inline constexpr qint64 kMaxPngPixels = 64LL * 1024 * 1024;

// "" when `svg` at `scale` fits those bounds; else one line saying the size, the bound and the
// largest scale that fits.
QString pngTooLarge(const QByteArray& svg, double scale);

// True when `path` ends in ".png" (any case).
bool isPngPath(const QString& path);

// `svg` rendered at `scale` (pixels per SVG pixel) and encoded as PNG into `png`. Needs a
// QGuiApplication (fonts, a paint engine). On failure (also when the image
// would be larger than pngTooLarge allows): false, and `error` says why in one line.
bool svgToPng(const QByteArray& svg, double scale, QByteArray& png, QString& error);

} // namespace uintr::raster
