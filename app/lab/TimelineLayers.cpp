#include "TimelineLayers.h"

#include "SceneTriangles.h"

#include <QQuickWindow>
#include <QSGRendererInterface>
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
        // The highlight (Why, the playhead's event) changes the arrows' emphasis only.
        connections_ << connect(view_->arrows(), &QAbstractItemModel::dataChanged, this,
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
    scene::Triangles out;
    if (view_) build(out);
    // Qt Quick's software backend (no GPU: this build machine, CI, `--screenshot` offscreen)
    // draws no custom geometry: there the same triangles are painted into one image node.
    if (window() &&
        window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software) {
        // Two canvases in turn: the one painted two frames ago is free again (its texture
        // went when the last frame's replaced it).
        flip_ = !flip_;
        return scene::imageNode(old, out, *window(), boundingRect(), images_[flip_]);
    }
    return scene::node(old, out);
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

} // namespace uintr::lab
