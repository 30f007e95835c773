#include "SvgRaster.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <algorithm>
#include <cmath>

namespace uintr::raster {

bool isPngPath(const QString& path) {
    return path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
}

namespace {
QSize scaledSize(const QSvgRenderer& renderer, double scale) {
    return (QSizeF(renderer.defaultSize()) * scale).toSize();
}

QString sizeProblem(QSize natural, double scale) {
    const QSizeF size = QSizeF(natural) * scale;
    if (size.width() <= kMaxPngSide && size.height() <= kMaxPngSide &&
        size.width() * size.height() <= double(kMaxPngPixels))
        return {};
    const double side = double(std::max(natural.width(), natural.height()));
    const double area = double(natural.width()) * double(natural.height());
    const double fits = std::min(kMaxPngSide / side, std::sqrt(double(kMaxPngPixels) / area));
    return QStringLiteral("a PNG of %1 × %2 px at scale %3 is larger than the limit (%4 px a "
                          "side, %5 Mpx); the largest scale that fits is %6: use --scale, "
                          "--from/--to, or SVG")
        .arg(qRound64(size.width()))
        .arg(qRound64(size.height()))
        .arg(scale)
        .arg(kMaxPngSide)
        .arg(kMaxPngPixels / (1024 * 1024))
        .arg(std::floor(fits * 100) / 100);
}
} // namespace

QString pngTooLarge(const QByteArray& svg, double scale) {
    const QSvgRenderer renderer(svg);
    return renderer.isValid() ? sizeProblem(renderer.defaultSize(), scale) : QString();
}

bool svgToPng(const QByteArray& svg, double scale, QByteArray& png, QString& error) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        error = QStringLiteral("PNG needs the GUI application object (QGuiApplication)");
        return false;
    }
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        error = QStringLiteral("QtSvg cannot read the generated SVG");
        return false;
    }
    if (const QString big = sizeProblem(renderer.defaultSize(), scale); !big.isEmpty()) {
        error = big;
        return false;
    }
    const QSize size = scaledSize(renderer, scale);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        error =
            QStringLiteral("cannot allocate a %1 × %2 image").arg(size.width()).arg(size.height());
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                               QPainter::SmoothPixmapTransform);
        renderer.render(&painter);
    }
    png.clear();
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        error = QStringLiteral("cannot encode the PNG");
        return false;
    }
    return true;
}

} // namespace uintr::raster
