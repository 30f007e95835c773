// LabController, File ▸ Export: the timeline as `uintr-sim render` draws it (render::writeSvg,
// from the geometry the screen uses), for the document on screen with its unsaved edits, in the
// window's palette, as SVG or as that SVG rendered to PNG (raster::svgToPng, the CLI's code).
#include "LabController.h"
#include "SvgRaster.h"
#include "render/SvgWriter.h"

#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <exception>

namespace uintr::lab {

namespace {
// "812 bytes", "16 KB", "1.9 MB": what the status line says about an exported file.
QString sizeText(qint64 bytes) {
    if (bytes < 1024) return LabController::tr("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024) return LabController::tr("%1 KB").arg((bytes + 512) / 1024);
    return LabController::tr("%1 MB").arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f',
                                          1);
}
} // namespace

void LabController::setDark(bool on) {
    if (on == dark_) return;
    dark_ = on;
    Q_EMIT exportChanged();
}

void LabController::setExportScale(double scale) {
    scale = std::clamp(scale, 0.1, 8.0);
    if (scale == exportScale_) return;
    exportScale_ = scale;
    Q_EMIT exportChanged();
}

bool LabController::exportFailed(const QString& path, const QString& line) {
    lastError_ = line;
    setStatus(tr("Not exported: %1").arg(line), true);
    Q_EMIT errorOccurred(tr("Cannot export %1").arg(QFileInfo(path).fileName()), line);
    return false;
}

bool LabController::exportTimeline(const QUrl& file, bool visibleWindowOnly, bool withNarration) {
    const QString path = file.isLocalFile()        ? file.toLocalFile()
                         : file.scheme().isEmpty() ? file.path()
                                                   : QString();
    if (path.isEmpty())
        return exportFailed(file.toString(), tr("%1: not a local file").arg(file.toString()));
    const auto run = document_.committed();
    if (!run) return exportFailed(path, tr("%1: no scenario is open").arg(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        return exportFailed(path, tr("%1: the name must end in .svg or .png").arg(path));

    render::SvgOptions options;
    if (visibleWindowOnly) {
        options.from = timeline_.t0();
        options.to = timeline_.t1();
    }
    options.dark = dark_;
    options.narration = withNarration;
    // The document (its scenario simulated), not a drag's preview.
    QByteArray bytes;
    try {
        bytes = QByteArray::fromStdString(render::writeSvg(run->scenario(), run->trace(), options));
    } catch (const std::exception& e) {
        return exportFailed(path, tr("%1: cannot draw the timeline: %2").arg(path, e.what()));
    }
    if (suffix == QLatin1String("png")) {
        QByteArray png;
        QString why;
        if (!raster::svgToPng(bytes, exportScale_, png, why))
            return exportFailed(path, QStringLiteral("%1: %2").arg(path, why));
        bytes = std::move(png);
    }
    // A temporary beside the target, renamed over it on commit: never half a picture, and a
    // failure leaves whatever was there before.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return exportFailed(path, QStringLiteral("%1: %2").arg(path, out.errorString()));
    setStatus(tr("Exported %1 (%2)").arg(QFileInfo(path).fileName(), sizeText(bytes.size())));
    return true;
}

} // namespace uintr::lab
