// The timeline's bulk layers, each one scene-graph node fed by the shared geometry that
// TimelineView holds (render::TimelineGeometry for the viewport): the task segments, the IPI
// arrows, the markers and the per-column density of crowded lanes. They redraw when the layout
// (or the highlight) changes; what needs text — task names, arrow labels — stays in QML
// delegates over the same models, few because they are filtered to what has room for text.
// The hands (hover, click, drag) hit-test the same geometry in C++ (TimelineView::markerAt).
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
    // The software backend's image node; by default the triangles of build(), painted.
    virtual QSGNode* softwareNode(QSGNode* old, QImage& image) const;
    // The model whose dataChanged (the highlight: Why, the playhead's event) repaints the layer.
    virtual const QAbstractItemModel* highlighted() const { return nullptr; }
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
    const QAbstractItemModel* highlighted() const override;
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

// Every marker in view, each the SVG export's glyph for its kind (render::glyphShape): a
// context switch is a bar across its lane (wider with a grip on top when it can be dragged),
// SENDUIPI a triangle, delivery a disc, the spurious notification a larger diamond on top of
// the others. The playhead's event wears a ring (a switch: the playhead's colour), the Why chain
// a highlighter stroke behind, the rest of the run is dimmed while a chain is shown.
// (The base spelt in full: moc records it as written, and qmllint needs it qualified.)
class MarkersItem : public uintr::lab::TimelineLayer {
    Q_OBJECT
    QML_ELEMENT
    // Colours of the app's theme that the render palette does not hold.
    Q_PROPERTY(QColor playheadColor MEMBER playhead_ NOTIFY coloursChanged)
    Q_PROPERTY(QColor highlightColor MEMBER highlight_ NOTIFY coloursChanged)
    Q_PROPERTY(QColor highlightEdge MEMBER highlightEdge_ NOTIFY coloursChanged)
  public:
    explicit MarkersItem(QQuickItem* parent = nullptr);

    // One glyph as drawn, in drawing order (switches, then the others, spurious last).
    struct Glyph {
        int row = -1; // in the view's MarkerModel
        render::MarkerKind kind = render::MarkerKind::Other;
        double x = 0, y = 0, laneY0 = 0, laneY1 = 0;
        bool draggable = false, current = false, inWhy = false, dimmed = false;
    };
    std::vector<Glyph> glyphs() const;
    // The same, for tests and tools: {kind, x, y, laneY0, laneY1, draggable, current, inWhy,
    // dimmed} per glyph, kind by its trace name.
    Q_INVOKABLE QVariantList drawnGlyphs() const;

  Q_SIGNALS:
    void coloursChanged();

  protected:
    void build(std::vector<QSGGeometry::ColoredPoint2D>& out) const override;
    QSGNode* softwareNode(QSGNode* old, QImage& image) const override;
    const QAbstractItemModel* highlighted() const override;

  private:
    QColor playhead_{0x11, 0x11, 0x11};
    QColor highlight_{0xff, 0xe2, 0x7a};
    QColor highlightEdge_{0xb0, 0x7d, 0x00};
};

} // namespace uintr::lab
