#include "SvgRaster.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace uintr::raster {

bool isPngPath(const QString& path) {
    return path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
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
    const QSize size = (QSizeF(renderer.defaultSize()) * scale).toSize();
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
