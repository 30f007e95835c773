#include "RenderPalette.h"

#include "TimelineModels.h"
#include "render/MarkerText.h"
#include "render/Palette.h"

#include <optional>

namespace uintr::lab {

QColor RenderPalette::color(const QString& name, bool dark) const {
    const auto& p = render::palette(dark);
    const char* c = name == QLatin1String("background")     ? p.background
                    : name == QLatin1String("ink")          ? p.ink
                    : name == QLatin1String("muted")        ? p.muted
                    : name == QLatin1String("grid")         ? p.grid
                    : name == QLatin1String("laneBg")       ? p.laneBg
                    : name == QLatin1String("kernelFill")   ? p.kernelFill
                    : name == QLatin1String("kernelStroke") ? p.kernelStroke
                    : name == QLatin1String("idleStroke")   ? p.idleStroke
                    : name == QLatin1String("ipi")          ? p.ipi
                    : name == QLatin1String("spurious")     ? p.spurious
                                                            : nullptr;
    return c ? QColor(QLatin1String(c)) : QColor(Qt::magenta);
}

namespace {
const render::TaskColours* task(int index, bool dark) {
    if (index < 0) return nullptr;
    return &render::palette(dark).tasks[static_cast<std::size_t>(index) % render::kTaskColours];
}
} // namespace

QColor RenderPalette::taskFill(int index, bool dark) const {
    const auto* t = task(index, dark);
    return QColor(QLatin1String(t ? t->fill : render::palette(dark).kernelFill));
}

QColor RenderPalette::taskStroke(int index, bool dark) const {
    const auto* t = task(index, dark);
    return QColor(QLatin1String(t ? t->stroke : render::palette(dark).kernelStroke));
}

QColor RenderPalette::taskHandler(int index, bool dark) const {
    const auto* t = task(index, dark);
    return QColor(QLatin1String(t ? t->handler : render::palette(dark).kernelFill));
}

QColor RenderPalette::marker(const QString& kind, bool dark) const {
    for (std::size_t k = 0; k < render::kMarkerKindCount; ++k)
        if (markerKindString(static_cast<render::MarkerKind>(k)) == kind)
            return QColor(QLatin1String(render::palette(dark).markers[k]));
    return QColor(QLatin1String(render::palette(dark).ink));
}

namespace {
std::optional<render::MarkerKind> kindNamed(const QString& kind) {
    for (std::size_t k = 0; k < render::kMarkerKindCount; ++k)
        if (markerKindString(static_cast<render::MarkerKind>(k)) == kind)
            return static_cast<render::MarkerKind>(k);
    return std::nullopt;
}
QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

QString RenderPalette::title(const QString& kind) const {
    const auto k = kindNamed(kind);
    return text(render::markerTitle(k ? *k : render::MarkerKind::Other));
}

} // namespace uintr::lab
