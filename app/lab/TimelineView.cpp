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
    : QObject(parent), lanes_(this), segments_(this), markers_(this), currentMarkers_(this),
      arrows_(this), ticks_(this), labels_(this) {
    currentMarkers_.setSourceModel(&markers_);
    currentMarkers_.setFilterRole(MarkerModel::Current);
    currentMarkers_.setFilterFixedString(QStringLiteral("true")); // the role's bool as text
}

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
    v.text = {px(20), px(15), px(19), px(19), px(13), px(13)};
    v.tickSpacingPx = 110 * scale_; // the ruler's labels grow with the scale
    const int cpus = std::max(1, shownCpus());
    if (viewHeight_ > 0) {
        // The last lane keeps a gap below it too (for labels): n + 1 gaps, n lanes.
        const double slot = (viewHeight_ - v.rulerHeight) / (cpus + 0.3);
        v.laneGap = std::clamp(slot * 0.3, kGapMin * scale_, kGapMax * scale_);
        v.laneHeight = std::clamp(slot - v.laneGap, kLaneMin * scale_, kLaneMax * scale_);
    }
    v.width = std::max(width_, v.labelWidth + 50);
    return v;
}

int TimelineView::shownCpus() const {
    const int cpus = run_ ? run_->layout().cpuCount() : 1;
    int shown = 0;
    for (int cpu = 0; cpu < cpus; ++cpu)
        shown += !(static_cast<std::size_t>(cpu) < hidden_.size() && hidden_[cpu]);
    return shown;
}

int TimelineView::hiddenLanes() const {
    return static_cast<int>(std::count(hidden_.begin(), hidden_.end(), 1));
}

void TimelineView::setScrollY(double y) {
    y = std::clamp(y, 0.0, maxScrollY_);
    if (qFuzzyCompare(y + 1, scrollY_ + 1)) return;
    scrollY_ = y;
    relayout();
}

void TimelineView::setLaneHidden(int cpu, bool hidden) {
    if (cpu < 0 || cpu >= 4096) return;
    if (hidden_.size() <= static_cast<std::size_t>(cpu)) hidden_.resize(cpu + 1, 0);
    if (hidden && shownCpus() <= 1 && !hidden_[cpu]) return; // keep one lane to look at
    hidden_[cpu] = hidden;
    Q_EMIT viewportChanged();
    relayout();
}

void TimelineView::setLanePinned(int cpu, bool pinned) {
    if (cpu < 0 || cpu >= 4096) return;
    if (pinned_.size() <= static_cast<std::size_t>(cpu)) pinned_.resize(cpu + 1, 0);
    pinned_[cpu] = pinned;
    relayout();
}

bool TimelineView::lanePinned(int cpu) const {
    return cpu >= 0 && static_cast<std::size_t>(cpu) < pinned_.size() && pinned_[cpu];
}

void TimelineView::showAllLanes() {
    hidden_.clear();
    Q_EMIT viewportChanged();
    relayout();
}

// The core lays lanes out in CPU order from the top (render::TimelineLayout, shared with the
// SVG). On screen a user arranges them: pinned lanes first and fixed, the others below in CPU
// order and scrolled by scrollY, hidden ones left out. Every item moves with its lane; a lane
// scrolled under the pinned ones (or out of the window) is not produced at all, so a 64-CPU
// capture costs the lanes on screen, not 64.
void TimelineView::arrange(render::TimelineGeometry& g) {
    const auto& v = g.viewport;
    const int cpus = static_cast<int>(g.lanes.size());
    const double pitch = v.laneHeight + v.laneGap;
    std::vector<double> shift(static_cast<std::size_t>(cpus), 0);
    std::vector<char> shown(static_cast<std::size_t>(cpus), 0);
    int slot = 0;
    for (const bool pinnedPass : {true, false})
        for (int cpu = 0; cpu < cpus; ++cpu) {
            if (lanePinned(cpu) != pinnedPass) continue;
            if (static_cast<std::size_t>(cpu) < hidden_.size() && hidden_[cpu]) continue;
            const double top = v.rulerHeight + v.laneGap + slot * pitch;
            if (pinnedPass) pinnedBottom_ = top + pitch;
            shift[cpu] = top - g.lanes[cpu].y0;
            shown[cpu] = 1;
            ++slot;
        }
    int pinnedCount = 0;
    for (int cpu = 0; cpu < cpus; ++cpu)
        pinnedCount += shown[cpu] && lanePinned(cpu);
    if (pinnedCount == 0) pinnedBottom_ = v.rulerHeight;
    const double content = v.rulerHeight + v.laneGap + slot * pitch;
    const double window = viewHeight_ > 0 ? viewHeight_ : content;
    maxScrollY_ = std::max(0.0, content - window);
    scrollY_ = std::clamp(scrollY_, 0.0, maxScrollY_);
    for (int cpu = 0; cpu < cpus; ++cpu) {
        if (!shown[cpu] || lanePinned(cpu)) continue;
        shift[cpu] -= scrollY_;
        const double y0 = g.lanes[cpu].y0 + shift[cpu];
        // Under the pinned lanes or below the window: not drawn.
        if (y0 < pinnedBottom_ - 1 || y0 > window) shown[cpu] = 0;
    }
    const auto keep = [&](int cpu) { return cpu >= 0 && cpu < cpus && shown[cpu]; };
    std::erase_if(g.segments, [&](const render::Segment& s) { return !keep(s.cpu); });
    for (auto& s : g.segments) {
        s.y0 += shift[s.cpu];
        s.y1 += shift[s.cpu];
    }
    std::erase_if(g.markers, [&](const render::Marker& m) { return !keep(m.cpu); });
    for (auto& m : g.markers)
        m.y += shift[m.cpu];
    std::erase_if(g.arrows,
                  [&](const render::Arrow& a) { return !keep(a.fromCpu) || !keep(a.toCpu); });
    std::vector<render::Lane> lanes;
    for (auto lane : g.lanes)
        if (keep(lane.cpu)) {
            lane.y0 += shift[lane.cpu];
            lane.y1 += shift[lane.cpu];
            lanes.push_back(lane);
        }
    // An arrow leaves its lane on the side that faces the target lane, wherever it now is.
    for (auto& a : g.arrows) {
        const auto& from = g.lanes[a.fromCpu];
        const auto& to = g.lanes[a.toCpu];
        const double f0 = from.y0 + shift[a.fromCpu], f1 = from.y1 + shift[a.fromCpu];
        const double t0 = to.y0 + shift[a.toCpu], t1 = to.y1 + shift[a.toCpu];
        if (a.self) {
            a.y0 = a.y1 = f0;
        } else if (f0 < t0) {
            a.y0 = f1;
            a.y1 = t0;
        } else {
            a.y0 = f0;
            a.y1 = t1;
        }
    }
    g.lanes = std::move(lanes);
    g.height = content;
}

// A lane with more markers in view than glyphs fit across it shows its density (DensityItem)
// instead: its markers and the arrows that touch it are left out, and come back as the view
// zooms in far enough for them to be told apart.
void TimelineView::summarizeDenseLanes(render::TimelineGeometry& g) {
    dense_.clear();
    const auto& v = g.viewport;
    std::vector<char> dense;
    for (const auto& lane : g.lanes) {
        if (!run_->density().dense(lane.cpu, v)) continue;
        if (dense.size() <= static_cast<std::size_t>(lane.cpu)) dense.resize(lane.cpu + 1, 0);
        dense[lane.cpu] = 1;
        dense_.push_back(
            {run_->density().columns(lane.cpu, v, std::max(1.0, scale_)), lane.y0, lane.y1});
    }
    if (dense_.empty()) return;
    const auto isDense = [&](int cpu) {
        return cpu >= 0 && static_cast<std::size_t>(cpu) < dense.size() && dense[cpu];
    };
    std::erase_if(g.markers, [&](const render::Marker& m) { return isDense(m.cpu); });
    std::erase_if(g.arrows,
                  [&](const render::Arrow& a) { return isDense(a.fromCpu) || isDense(a.toCpu); });
}

int TimelineView::visibleItems() const {
    // Items QML instantiates: the segments, arrows, markers and density are one scene-graph
    // node each; every word is a label delegate.
    return lanes_.count() + labels_.count() + ticks_.count() + 4;
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

QPointF TimelineView::arrowPoint(double x0, double y0, double x1, double y1, bool self,
                                 double u) const {
    render::Arrow a;
    a.x0 = x0;
    a.y0 = y0;
    a.x1 = x1;
    a.y1 = y1;
    a.self = self;
    const auto [x, y] = render::arrowPointAt(a, viewport(), u);
    return {x, y};
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
    if (refit) { // another document: its lanes as they come
        hidden_.clear();
        pinned_.clear();
        scrollY_ = 0;
    }
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

void TimelineView::setVeil(qint64 t) {
    if (t == veil_) return;
    veil_ = t;
    relayout();
}

void TimelineView::cutAtVeil(render::TimelineGeometry& g) const {
    if (veil_ < 0) return;
    const double x = g.viewport.xOf(veil_);
    std::erase_if(g.markers, [&](const render::Marker& m) { return m.t >= veil_; });
    std::erase_if(g.segments, [&](const render::Segment& s) { return s.t0 >= veil_; });
    for (auto& s : g.segments)
        if (s.t1 > veil_) {
            s.t1 = veil_;
            s.x1 = std::min(s.x1, x);
        }
    // An IPI already in flight is part of the question; one sent later is not shown.
    std::erase_if(g.arrows, [&](const render::Arrow& a) { return a.t0 >= veil_; });
    for (auto& a : g.arrows) // its dashed red would tell how it ends
        if (a.t1 >= veil_) a.spurious = false;
}

void TimelineView::relayout() {
    if (!run_) return;
    auto v = viewport();
    v.labels = false; // placed below, on the lanes arrange() kept
    // Lanes denser than their pixels get their density (summarizeDenseLanes): the layout need
    // not walk their markers at all.
    std::vector<char> dense(static_cast<std::size_t>(run_->layout().cpuCount()), 0);
    for (int cpu = 0; cpu < run_->layout().cpuCount(); ++cpu)
        dense[static_cast<std::size_t>(cpu)] = run_->density().dense(cpu, v) ? 1 : 0;
    auto g = run_->layout().layout(v, dense);
    arrange(g);
    summarizeDenseLanes(g);
    cutAtVeil(g);
    // The words go where the segments and markers on screen are (labels index into them).
    render::placeLabels(g);
    height_ = g.height;
    markers_.setRows(std::move(g.markers), g.lanes);
    lanes_.setRows(std::move(g.lanes));
    labels_.setRows(std::move(g.labels), g.segments, g.arrows);
    segments_.setRows(std::move(g.segments));
    arrows_.setRows(std::move(g.arrows));
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
