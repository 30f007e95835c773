// The timeline's colours from core (render/Palette.h), the very values the SVG export writes
// as CSS, so that screen and export agree. Colours are looked up with the `dark` flag passed in,
// which keeps QML bindings on Theme.dark live.
#pragma once

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class RenderPalette : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
  public:
    using QObject::QObject;

    // background, ink, muted, grid, laneBg, kernelFill, kernelStroke, idleStroke, ipi, spurious
    Q_INVOKABLE QColor color(const QString& name, bool dark) const;
    Q_INVOKABLE QColor taskFill(int task, bool dark) const;
    Q_INVOKABLE QColor taskStroke(int task, bool dark) const;
    Q_INVOKABLE QColor taskHandler(int task, bool dark) const;
    // By the marker kind's trace name ("senduipi", "spurious_notification" …).
    Q_INVOKABLE QColor marker(const QString& kind, bool dark) const;
    // What the legend and the tooltips call the kind (render::markerTitle).
    Q_INVOKABLE QString title(const QString& kind) const;
};

} // namespace uintr::lab
