#include "TimelineLayers.h"

#include "SceneTriangles.h"
#include "render/GlyphShape.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <algorithm>
#include <cmath>

namespace uintr::lab {

TimelineLayer::TimelineLayer(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
}

void TimelineLayer::setView(TimelineView* view) {
    if (view == view_) return;
    for (const auto& c : connections_)
        disconnect(c);
    connections_.clear();
    view_ = view;
    if (view_) {
        connections_ << connect(view_, &TimelineView::layoutChanged, this, &QQuickItem::update);
        if (const auto* model = highlighted())
            connections_ << connect(model, &QAbstractItemModel::dataChanged, this,
                                    &QQuickItem::update);
    }
    update();
    Q_EMIT viewChanged();
}

void TimelineLayer::setDark(bool dark) {
    if (dark == dark_) return;
    dark_ = dark;
    update();
    Q_EMIT darkChanged();
}

void TimelineLayer::setUiScale(double scale) {
    if (qFuzzyCompare(scale, scale_)) return;
    scale_ = scale;
    update();
    Q_EMIT darkChanged();
}

QSGNode* TimelineLayer::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    // Qt Quick's software backend (no GPU: this build machine, CI, `--screenshot` offscreen)
    // draws no custom geometry: there the same triangles are painted into one image node.
    if (window() &&
        window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software) {
        // Two canvases in turn: the one painted two frames ago is free again (its texture
        // went when the last frame's replaced it).
        flip_ = !flip_;
        return softwareNode(old, images_[flip_]);
    }
    scene::Triangles out;
    if (view_) build(out);
    return scene::node(old, out);
}

QSGNode* TimelineLayer::softwareNode(QSGNode* old, QImage& image) const {
    scene::Triangles out;
    if (view_) build(out);
    return scene::imageNode(old, out, *window(), boundingRect(), image);
}

// --- segments
void SegmentsItem::build(scene::Triangles& out) const {
    const auto& p = palette();
    const QColor kernelFill(p.kernelFill), kernelStroke(p.kernelStroke), idle(p.idleStroke),
        ink(p.ink);
    for (const render::Segment& s : view_->segments()->rows()) {
        const double x1 = std::max(s.x1, s.x0 + 1); // a sliver still shows
        const auto& task =
            p.tasks[static_cast<std::size_t>(std::max(s.task, 0)) % render::kTaskColours];
        switch (s.kind) {
        case render::SegmentKind::Task:
            scene::quad(out, s.x0, s.y0, x1, s.y1, QColor(s.task >= 0 ? task.fill : p.laneBg));
            scene::frame(out, s.x0, s.y0, x1, s.y1, 2 * scale_,
                         QColor(s.task >= 0 ? task.stroke : p.idleStroke));
            break;
        case render::SegmentKind::Handler:
            scene::quad(out, s.x0, s.y0, x1, s.y1, QColor(task.handler));
            scene::frame(out, s.x0, s.y0, x1, s.y1, 1.5 * scale_, ink);
            break;
        case render::SegmentKind::Kernel:
            scene::quad(out, s.x0, s.y0, x1, s.y1, kernelFill);
            // The kernel's hatching, as the SVG draws it: diagonals every 8 px.
            for (double x = s.x0 - (s.y1 - s.y0); x < x1; x += 8 * scale_) {
                const double a = std::max(x, s.x0), b = std::min(x + (s.y1 - s.y0), x1);
                if (b > a)
                    scene::line(out, a, s.y1 - (a - x), b, s.y1 - (b - x), scale_, kernelStroke);
            }
            scene::frame(out, s.x0, s.y0, x1, s.y1, 2 * scale_, kernelStroke);
            break;
        case render::SegmentKind::Idle:
            scene::frame(out, s.x0, s.y0, x1, s.y1, scale_, idle);
            break;
        }
    }
}

// --- arrows
void ArrowsItem::build(scene::Triangles& out) const {
    const auto& p = palette();
    const QColor ipi(p.ipi), spurious(p.spurious);
    const double head = 12 * scale_;
    const render::Viewport v = view_->viewport();
    const auto& rows = view_->arrows()->rows();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const render::Arrow& a = rows[r];
        const bool why = view_->arrows()->emphasised(static_cast<int>(r));
        const double dim = view_->arrows()->dimmed(static_cast<int>(r)) ? 0.3 : 1.0;
        QColor c = a.spurious ? spurious : ipi;
        c.setAlphaF(dim);
        const double w = (why ? 4.5 : 2.5) * scale_;
        // The core's line (render::arrowPath, the SVG's too), in pieces so that a spurious one
        // can be dashed: every other piece left out.
        constexpr int kPieces = render::kSelfLoopSamples;
        auto [px, py] = render::arrowPointAt(a, v, 0);
        double lastX = px, lastY = py;
        for (int i = 1; i <= kPieces; ++i) {
            const auto [x, y] = render::arrowPointAt(a, v, static_cast<double>(i) / kPieces);
            if (!a.spurious || i % 2 == 1) scene::line(out, px, py, x, y, w, c);
            lastX = px;
            lastY = py;
            px = x;
            py = y;
        }
        // The head, along the last piece.
        const double angle = std::atan2(a.y1 - lastY, a.x1 - lastX);
        scene::triangle(out, a.x1, a.y1, a.x1 - head * std::cos(angle - 0.4),
                        a.y1 - head * std::sin(angle - 0.4), a.x1 - head * std::cos(angle + 0.4),
                        a.y1 - head * std::sin(angle + 0.4), c);
    }
}

const QAbstractItemModel* ArrowsItem::highlighted() const {
    // The highlight (Why, the playhead's event) changes the arrows' emphasis.
    return view_ ? view_->arrows() : nullptr;
}

// --- density
void DensityItem::build(scene::Triangles& out) const {
    const auto& p = palette();
    const QColor colours[render::kDensityKinds] = {
        QColor(p.spurious),
        QColor(p.markers[static_cast<std::size_t>(render::MarkerKind::Delivered)]), QColor(p.ipi)};
    // Rows from the top of the lane: IPIs, deliveries, spurious.
    const int rowOf[render::kDensityKinds] = {2, 1, 0};
    for (const auto& lane : view_->denseLaneRows()) {
        const auto& d = lane.density;
        // A veil over the lane's segments, so the bars read against one background.
        scene::quad(out, d.x0, lane.y0, width(), lane.y1, QColor(p.background), 0.8);
        const double row = (lane.y1 - lane.y0) / 3.0;
        const double maxRoot = std::sqrt(std::max<double>(1, d.max));
        for (std::size_t k = 0; k < render::kDensityKinds; ++k) {
            const double bottom = lane.y0 + row * (rowOf[k] + 1) - 1;
            for (std::size_t col = 0; col < d.counts[k].size(); ++col) {
                const auto n = d.counts[k][col];
                if (n == 0) continue;
                const double h = std::max(2.0, (row - 2) * std::sqrt(double(n)) / maxRoot);
                const double x0 = d.x0 + static_cast<double>(col) * d.columnPx;
                scene::quad(out, x0, bottom - h, x0 + d.columnPx, bottom, colours[k]);
            }
        }
    }
}

// --- markers
namespace {

// Where a layer's shapes go: triangles for a GPU node, a QPainter for the software backend's
// image. MarkersItem draws through it once, so both backends draw the same glyphs.
class Canvas {
  public:
    virtual ~Canvas() = default;
    virtual void fill(const QPolygonF& polygon, const QColor& c) = 0;
    virtual void stroke(const QPolygonF& points, bool closed, double w, const QColor& c) = 0;
};

class TriangleCanvas : public Canvas {
  public:
    explicit TriangleCanvas(scene::Triangles& out) : out_(out) {}
    void fill(const QPolygonF& polygon, const QColor& c) override { scene::fan(out_, polygon, c); }
    void stroke(const QPolygonF& points, bool closed, double w, const QColor& c) override {
        scene::stroke(out_, points, closed, w, c);
    }

  private:
    scene::Triangles& out_;
};

class PainterCanvas : public Canvas {
  public:
    explicit PainterCanvas(QPainter& p) : p_(p) { p_.setRenderHint(QPainter::Antialiasing); }
    void fill(const QPolygonF& polygon, const QColor& c) override {
        p_.setPen(Qt::NoPen);
        p_.setBrush(c);
        p_.drawPolygon(polygon, Qt::WindingFill); // the hourglass: both lobes, as SVG's nonzero
    }
    void stroke(const QPolygonF& points, bool closed, double w, const QColor& c) override {
        p_.setPen(QPen(c, w, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p_.setBrush(Qt::NoBrush);
        if (closed)
            p_.drawPolygon(points);
        else
            p_.drawPolyline(points);
    }

  private:
    QPainter& p_;
};

// Measures only: the box the software image must cover.
class BoxCanvas : public Canvas {
  public:
    void fill(const QPolygonF& polygon, const QColor&) override {
        box = box.united(polygon.boundingRect());
    }
    void stroke(const QPolygonF& points, bool, double w, const QColor&) override {
        box = box.united(points.boundingRect().adjusted(-w, -w, w, w));
    }
    QRectF box;
};

QColor faded(QColor c, bool dimmed) {
    if (dimmed) c.setAlphaF(c.alphaF() * 0.3);
    return c;
}

QPolygonF circle(double cx, double cy, double r) {
    // Enough corners that the outline stays round at any presentation scale.
    const int n = std::clamp(static_cast<int>(r * 2), 16, 64);
    QPolygonF out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * i / n;
        out << QPointF(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    return out;
}

QPolygonF roundedRect(const QRectF& rect, double r) {
    r = std::min({r, rect.width() / 2, rect.height() / 2});
    QPolygonF out;
    const QPointF centres[4] = {{rect.right() - r, rect.top() + r},
                                {rect.right() - r, rect.bottom() - r},
                                {rect.left() + r, rect.bottom() - r},
                                {rect.left() + r, rect.top() + r}};
    for (int c = 0; c < 4; ++c)
        for (int i = 0; i <= 4; ++i) {
            const double a = M_PI / 2 * (c - 1) + M_PI / 2 * i / 4;
            out << centres[c] + QPointF(r * std::cos(a), r * std::sin(a));
        }
    return out;
}

// A highlighter stroke: filled, with an edge.
void marker(Canvas& canvas, const QRectF& rect, double radius, const QColor& fill,
            const QColor& edge, double w) {
    const QPolygonF outline = roundedRect(rect, radius);
    canvas.fill(outline, fill);
    canvas.stroke(outline, true, w, edge);
}

struct GlyphStyle {
    double scale = 1;
    QColor tint, background;
    double widen = 0; // px added to a bar across the lane
    QColor barTint;   // the bar's colour (the playhead's for the current switch)
};

// One part of render::glyphShape at the marker, scaled. `halo`: only a background-coloured rim
// around it, so that a glyph reads on any segment (the screen's answer to the SVG's white
// lane background).
void part(Canvas& canvas, const render::GlyphPart& gp, const MarkersItem::Glyph& g,
          const GlyphStyle& st, bool halo) {
    const double s = st.scale;
    const double baseY = gp.fromLaneTop ? g.laneY0 : g.y;
    const auto at = [&](int i) {
        const auto& p = gp.points[static_cast<std::size_t>(i)];
        return QPointF(g.x + p.x * s, baseY + p.y * s);
    };
    const double w = render::glyphStrokeWidth(gp.style) * s;
    const double rim = w + 2 * s;
    QColor tint = st.tint;
    QPolygonF shape;
    switch (gp.primitive) {
    case render::GlyphPrimitive::Strokes:
        for (int i = 0; i + 1 < gp.count; i += 2)
            canvas.stroke(QPolygonF{at(i), at(i + 1)}, false, halo ? rim : w,
                          halo ? st.background : tint);
        return;
    case render::GlyphPrimitive::Polygon:
        for (int i = 0; i < gp.count; ++i)
            shape << at(i);
        break;
    case render::GlyphPrimitive::Circle:
        shape = circle(at(0).x(), at(0).y(), gp.radius * s);
        break;
    case render::GlyphPrimitive::Rect: {
        double x0 = at(0).x(), width = gp.points[1].x * s;
        const double height = gp.spansLane ? g.laneY1 - g.laneY0 : gp.points[1].y * s;
        if (gp.spansLane) { // the bar across the lane: wider when it can be dragged
            x0 -= st.widen / 2;
            width += st.widen;
            tint = st.barTint;
        }
        shape = QPolygonF(QRectF(x0, at(0).y(), width, height));
        shape.removeLast(); // QPolygonF(QRectF) closes itself
        break;
    }
    }
    if (halo) {
        canvas.stroke(shape, true, rim, st.background);
        return;
    }
    switch (gp.style) {
    case render::GlyphStyle::Filled:
        canvas.fill(shape, tint);
        canvas.stroke(shape, true, w, tint);
        break;
    case render::GlyphStyle::Hollow:
        canvas.fill(shape, st.background);
        canvas.stroke(shape, true, w, tint);
        break;
    case render::GlyphStyle::Line:
        canvas.stroke(shape, true, w, tint);
        break;
    }
}

} // namespace

MarkersItem::MarkersItem(QQuickItem* parent) : TimelineLayer(parent) {
    connect(this, &MarkersItem::coloursChanged, this, &QQuickItem::update);
}

const QAbstractItemModel* MarkersItem::highlighted() const {
    return view_ ? view_->markers() : nullptr;
}

std::vector<MarkersItem::Glyph> MarkersItem::glyphs() const {
    std::vector<Glyph> out;
    if (!view_) return out;
    const MarkerModel& model = *view_->markers();
    out.reserve(static_cast<std::size_t>(model.count()));
    for (int row = 0; row < model.count(); ++row) {
        const render::Marker& m = model.marker(row);
        out.push_back({row, m.kind, m.x, m.y, model.laneY0(row), model.laneY1(row), m.entry >= 0,
                       model.current(row), model.inWhy(row), model.dimmed(row)});
    }
    // Switches at the bottom, the spurious notification on top (it is what the lesson is about).
    const auto layer = [](const Glyph& g) {
        return g.kind == render::MarkerKind::ContextSwitch ? 0
               : g.kind == render::MarkerKind::Spurious    ? 2
                                                           : 1;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const Glyph& a, const Glyph& b) { return layer(a) < layer(b); });
    return out;
}

QVariantList MarkersItem::drawnGlyphs() const {
    QVariantList out;
    for (const Glyph& g : glyphs())
        out << QVariantMap{{QStringLiteral("kind"), markerKindString(g.kind)},
                           {QStringLiteral("x"), g.x},
                           {QStringLiteral("y"), g.y},
                           {QStringLiteral("laneY0"), g.laneY0},
                           {QStringLiteral("laneY1"), g.laneY1},
                           {QStringLiteral("draggable"), g.draggable},
                           {QStringLiteral("current"), g.current},
                           {QStringLiteral("inWhy"), g.inWhy},
                           {QStringLiteral("dimmed"), g.dimmed}};
    return out;
}

namespace {
void drawGlyphs(Canvas& canvas, const std::vector<MarkersItem::Glyph>& glyphs,
                const render::Palette& p, double s, const QColor& playhead, const QColor& highlight,
                const QColor& highlightEdge) {
    const QColor background(p.background);
    for (const MarkersItem::Glyph& g : glyphs) {
        GlyphStyle st;
        st.scale = s;
        st.tint = faded(QColor(p.markers[static_cast<std::size_t>(g.kind)]), g.dimmed);
        st.background = faded(background, g.dimmed);
        const auto shape = render::glyphShape(g.kind);
        if (g.kind == render::MarkerKind::ContextSwitch) {
            if (g.inWhy)
                marker(canvas, QRectF(g.x - 8 * s, g.laneY0, 16 * s, g.laneY1 - g.laneY0), 4 * s,
                       highlight, highlightEdge, 1);
            // The bar: 3 px as exported, 5 when a hand can take it, 7 at the playhead.
            st.widen = (g.current ? 4 : g.draggable ? 2 : 0) * s;
            st.barTint = g.current ? faded(playhead, g.dimmed) : st.tint;
            for (const auto& gp : shape)
                if (gp.spansLane) part(canvas, gp, g, st, false);
            // The grip a hand reaches for, over the bar's top; the export's notch on it.
            if (g.draggable)
                marker(canvas, QRectF(g.x - 8 * s, g.laneY0 - 5 * s, 16 * s, 12 * s), 3 * s,
                       st.background, st.tint, 2 * s);
            for (const auto& gp : shape)
                if (!gp.spansLane) part(canvas, gp, g, st, false);
            continue;
        }
        if (g.inWhy) {
            const render::GlyphBox b = render::glyphBox(g.kind);
            marker(canvas,
                   QRectF(QPointF(g.x + b.x0 * s - 4 * s, g.y + b.y0 * s - 2 * s),
                          QPointF(g.x + b.x1 * s + 4 * s, g.y + b.y1 * s + 2 * s)),
                   4 * s, highlight, highlightEdge, 1);
        }
        for (const auto& gp : shape)
            part(canvas, gp, g, st, true);
        for (const auto& gp : shape)
            part(canvas, gp, g, st, false);
        if (g.current) // the playhead's event: a ring around it
            canvas.stroke(circle(g.x, g.y, (g.kind == render::MarkerKind::Spurious ? 18 : 15) * s),
                          true, 2 * s, faded(playhead, g.dimmed));
    }
}
} // namespace

void MarkersItem::build(scene::Triangles& out) const {
    TriangleCanvas canvas(out);
    drawGlyphs(canvas, glyphs(), palette(), scale_, playhead_, highlight_, highlightEdge_);
}

QSGNode* MarkersItem::softwareNode(QSGNode* old, QImage& image) const {
    const auto all = glyphs();
    BoxCanvas box;
    drawGlyphs(box, all, palette(), scale_, playhead_, highlight_, highlightEdge_);
    return scene::imageNode(old, *window(), boundingRect(), box.box, image, [&](QPainter& p) {
        PainterCanvas canvas(p);
        drawGlyphs(canvas, all, palette(), scale_, playhead_, highlight_, highlightEdge_);
    });
}

} // namespace uintr::lab
