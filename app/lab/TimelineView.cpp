#include "TimelineView.h"

#include <algorithm>
#include <cmath>

namespace uintr::lab {

namespace {
constexpr qint64 kMinSpanNs = 20; // closest zoom: 20 ns across the plot
constexpr double kHitPx = 12;     // how close a click must be to a marker, before scaling
constexpr double kSnapPx = 8;     // how close a drag must come to another event to snap
// Lanes share the height the window gives the timeline (before scaling): each CPU gets a slot,
// 30 % of it the gap above its lane (where IPI arrows cross: 16..40 px) and the rest the lane
// (a task name, a row of markers, the handler band: 40..150 px).
constexpr double kLaneMin = 40, kLaneMax = 150, kLaneDefault = 84;
constexpr double kGapMin = 16, kGapMax = 40, kRuler = 36, kLabel = 96;
} // namespace

TimelineView::TimelineView(QObject* parent)
    : QObject(parent), lanes_(this), segments_(this), markers_(this), arrows_(this), ticks_(this),
      labels_(this) {}

render::Viewport TimelineView::viewport() const {
    render::Viewport v;
    v.t0 = t0_;
    v.t1 = std::max(t1_, t0_ + 1);
    v.labelWidth = kLabel * scale_;
    v.rulerHeight = kRuler * scale_;
    v.laneGap = kGapMax * scale_;
    v.laneHeight = kLaneDefault * scale_;
    // Our glyphs are ~20 px and labelled: merge and stack at their size.
    v.markerMergePx = 14 * scale_;
    v.markerStackPx = 26 * scale_;
    // The words at the sizes Theme.qml draws them (fontBody, fontLarge, fontSmall), so the
    // core places them where they will be.
    const auto px = [this](double size) { return std::round(size * scale_); };
    v.text = {px(20), px(15), px(19), px(19), px(13)};
    v.tickSpacingPx = 110 * scale_; // the ruler's labels grow with the scale
    const int cpus = run_ ? std::max(1, run_->layout().cpuCount()) : 1;
    if (viewHeight_ > 0) {
        // The last lane keeps a gap below it too (for labels): n + 1 gaps, n lanes.
        const double slot = (viewHeight_ - v.rulerHeight) / (cpus + 0.3);
        v.laneGap = std::clamp(slot * 0.3, kGapMin * scale_, kGapMax * scale_);
        v.laneHeight = std::clamp(slot - v.laneGap, kLaneMin * scale_, kLaneMax * scale_);
    }
    v.width = std::max(width_, v.labelWidth + 50);
    return v;
}

int TimelineView::visibleItems() const {
    return lanes_.count() + segments_.count() + markers_.count() + arrows_.count() +
           ticks_.count() + labels_.count();
}

void TimelineView::setViewWidth(double width) {
    if (width <= 0 || qFuzzyCompare(width, width_)) return;
    width_ = width;
    Q_EMIT viewportChanged();
    Q_EMIT cursorsChanged();
    relayout();
}

void TimelineView::setViewHeight(double height) {
    if (height < 0 || qFuzzyCompare(height + 1, viewHeight_ + 1)) return;
    viewHeight_ = height;
    Q_EMIT viewportChanged();
    Q_EMIT cursorsChanged();
    relayout();
}

void TimelineView::setUiScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (qFuzzyCompare(scale, scale_)) return;
    scale_ = scale;
    Q_EMIT viewportChanged();
    Q_EMIT cursorsChanged();
    relayout();
}

double TimelineView::xOf(qint64 t) const {
    return viewport().xOf(t);
}

qint64 TimelineView::timeAt(double x) const {
    const auto v = viewport();
    return v.t0 + std::llround((x - v.labelWidth) / v.scale());
}

double TimelineView::laneCenterY(int cpu) const {
    for (const auto& lane : lanes_.rows())
        if (lane.cpu == cpu) return (lane.y0 + lane.y1) / 2;
    return -1;
}

void TimelineView::setRange(qint64 t0, qint64 t1) {
    const qint64 end = run_ ? std::max<qint64>(run_->endTime(), 100) : 1000;
    qint64 span = std::clamp<qint64>(t1 - t0, kMinSpanNs, maxSpan());
    // Keep some of the run on screen: never pan further than half a view past either end.
    t0 = std::clamp<qint64>(t0, -span / 2, end - span / 2);
    if (t0 == t0_ && t0 + span == t1_) return;
    t0_ = t0;
    t1_ = t0 + span;
    Q_EMIT viewportChanged();
    Q_EMIT cursorsChanged();
    relayout();
}

void TimelineView::zoomAt(double x, double factor) {
    if (factor <= 0) return;
    const auto v = viewport();
    const double plotX = std::clamp(x - v.labelWidth, 0.0, v.width - v.labelWidth);
    const double anchor = static_cast<double>(t0_) + plotX / v.scale();
    // Clamped here, not by setRange: the time under the pointer stays under it at the limits.
    const double span = std::clamp(static_cast<double>(t1_ - t0_) / factor,
                                   static_cast<double>(kMinSpanNs), static_cast<double>(maxSpan()));
    const double fraction = plotX / (v.width - v.labelWidth);
    const auto t0 = static_cast<qint64>(std::llround(anchor - fraction * span));
    setRange(t0, t0 + std::max<qint64>(std::llround(span), kMinSpanNs));
}

void TimelineView::panBy(double dx) {
    const auto dt = static_cast<qint64>(std::llround(dx / viewport().scale()));
    setRange(t0_ + dt, t1_ + dt);
}

// Zooming out stops at the whole run (what F shows): further out is empty plot.
qint64 TimelineView::maxSpan() const {
    if (!run_) return 1000;
    const auto v = fitted();
    return std::max<qint64>(v.t1 - v.t0, kMinSpanNs);
}

render::Viewport TimelineView::fitted() const {
    // The core's fit, with room on the right for the labels of the last markers.
    auto v = run_->layout().fit(viewport().width);
    v.t1 = v.t0 + (v.t1 - v.t0) * 108 / 100;
    return v;
}

void TimelineView::fit() {
    if (!run_) return;
    const auto v = fitted();
    setRange(v.t0, v.t1);
}

void TimelineView::showRange(qint64 from, qint64 to) {
    setRange(from, std::max(to, from + 1));
}

void TimelineView::setRun(std::shared_ptr<const SimRun> run, bool refit) {
    run_ = std::move(run);
    if (refit && run_) {
        const auto v = fitted();
        t0_ = v.t0;
        t1_ = v.t1;
        Q_EMIT viewportChanged();
        Q_EMIT cursorsChanged();
    }
    relayout();
}

void TimelineView::setCursors(qint64 playhead, qint64 markerA, qint64 markerB) {
    if (playhead == playhead_ && markerA == markerA_ && markerB == markerB_) return;
    playhead_ = playhead;
    markerA_ = markerA;
    markerB_ = markerB;
    Q_EMIT cursorsChanged();
}

void TimelineView::setHighlight(const Highlight* highlight) {
    markers_.setHighlight(highlight);
    arrows_.setHighlight(highlight);
}

void TimelineView::relayout() {
    if (!run_) return;
    auto g = run_->layout().layout(viewport());
    height_ = g.height;
    markers_.setRows(std::move(g.markers), g.lanes, g.viewport.width);
    lanes_.setRows(std::move(g.lanes));
    labels_.setRows(std::move(g.labels), g.segments);
    segments_.setRows(std::move(g.segments));
    arrows_.setRows(std::move(g.arrows), &run_->trace());
    ticks_.setRows(std::move(g.ticks));
    Q_EMIT layoutChanged();
}

const render::Marker* TimelineView::markerAt(double x, double y, bool draggableOnly) const {
    int cpu = -1;
    for (const auto& lane : lanes_.rows())
        if (y >= lane.y0 && y <= lane.y1) cpu = lane.cpu;
    if (cpu < 0) return nullptr;
    const double tolerance = kHitPx * scale_;
    const render::Marker* best = nullptr;
    double bestDistance = tolerance;
    for (int row = 0; row < markers_.count(); ++row) {
        const auto& m = markers_.marker(row);
        if (m.cpu != cpu || (draggableOnly && m.entry < 0)) continue;
        // Draggable markers win ties: they are what a hand reaches for.
        const double d = std::abs(m.x - x) + (m.entry >= 0 ? 0 : 0.5);
        if (d <= bestDistance) {
            bestDistance = d;
            best = &m;
        }
    }
    return best;
}

int TimelineView::draggableEntryAt(double x, double y) const {
    const auto* m = markerAt(x, y, true);
    return m ? m->entry : -1;
}

int TimelineView::eventAt(double x, double y) const {
    const auto* m = markerAt(x, y, false);
    return m ? m->event : -1;
}

QString TimelineView::tooltipAt(double x, double y) const {
    const auto* m = markerAt(x, y, false);
    if (!m) return {};
    QString tip = QString::fromStdString(m->tooltip);
    if (m->merged > 1) tip += QStringLiteral(" (+%1 more here; zoom in)").arg(m->merged - 1);
    if (m->entry >= 0) tip += QStringLiteral("\nDrag to move it along time.");
    return tip;
}

qint64 TimelineView::snapTime(int entry, double x) const {
    const qint64 raw = std::max<qint64>(0, timeAt(x));
    const auto* source = snapRun_ ? snapRun_.get() : run_.get();
    if (!source) return raw;
    const double pxPerNs = viewport().scale();
    const auto tolerance = static_cast<qint64>(kSnapPx * scale_ / pxPerNs);
    qint64 best = raw;
    qint64 bestDistance = tolerance + 1;
    const auto consider = [&](qint64 t) {
        const qint64 d = std::abs(t - raw);
        if (t >= 0 && d < bestDistance) {
            bestDistance = d;
            best = t;
        }
    };
    const auto& events = source->trace().events;
    auto it = std::lower_bound(events.begin(), events.end(), raw - tolerance,
                               [](const model::TraceEvent& e, qint64 v) { return e.t < v; });
    for (; it != events.end() && it->t <= raw + tolerance; ++it)
        if (it->entry != entry) consider(it->t);
    if (markerA_ >= 0) consider(markerA_);
    if (markerB_ >= 0) consider(markerB_);
    return best;
}

} // namespace uintr::lab
