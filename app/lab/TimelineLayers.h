// The timeline's bulk layers, each one scene-graph node fed by the shared geometry that
// TimelineView holds (render::TimelineGeometry for the viewport): the task segments, the IPI
// arrows and the per-column density of crowded lanes. They redraw when the layout (or the
// highlight) changes; what needs text — task names, arrow labels, markers — stays in QML
// delegates over the same models, few because they are filtered to what has room for text.
#pragma once

#include "TimelineView.h"
#include "render/Palette.h"

#include <QImage>
#include <QQuickItem>
#include <QSGGeometry>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace uintr::lab {

class TimelineLayer : public QQuickItem {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(uintr::lab::TimelineView* view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(double uiScale READ uiScale WRITE setUiScale NOTIFY darkChanged)
  public:
    explicit TimelineLayer(QQuickItem* parent = nullptr);
    TimelineView* view() const { return view_; }
    void setView(TimelineView* view);
    bool dark() const { return dark_; }
    void setDark(bool dark);
    double uiScale() const { return scale_; }
    void setUiScale(double scale);

  Q_SIGNALS:
    void viewChanged();
    void darkChanged();

  protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    // The layer's triangles for the current layout.
    virtual void build(std::vector<QSGGeometry::ColoredPoint2D>& out) const = 0;
    const render::Palette& palette() const { return render::palette(dark_); }

    TimelineView* view_ = nullptr;
    bool dark_ = false;
    double scale_ = 1.0;

  private:
    QList<QMetaObject::Connection> connections_;
    QImage images_[2]; // the software backend's canvases (see updatePaintNode)
    bool flip_ = false;
};

// Task, handler, kernel and idle segments: fill and outline, in the SVG's colours.
class SegmentsItem : public uintr::lab::TimelineLayer {
    Q_OBJECT
    QML_ELEMENT
  public:
    using TimelineLayer::TimelineLayer;

  protected:
    void build(std::vector<QSGGeometry::ColoredPoint2D>& out) const override;
};

// IPIs in flight: a curve from the sending lane to the target lane (a loop above the lane for a
// self-IPI), dashed red when the arrival went to the kernel, wider on the Why chain.
class ArrowsItem : public uintr::lab::TimelineLayer {
    Q_OBJECT
    QML_ELEMENT
  public:
    using TimelineLayer::TimelineLayer;

  protected:
    void build(std::vector<QSGGeometry::ColoredPoint2D>& out) const override;
};

// Lanes denser than their pixels: per column, IPI arrivals (blue), deliveries (green) and
// spurious notifications (red) as bars whose height is the count against the busiest column on
// screen (square root, so that a single event still shows).
class DensityItem : public uintr::lab::TimelineLayer {
    Q_OBJECT
    QML_ELEMENT
  public:
    using TimelineLayer::TimelineLayer;

  protected:
    void build(std::vector<QSGGeometry::ColoredPoint2D>& out) const override;
};

} // namespace uintr::lab
