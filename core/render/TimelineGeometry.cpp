// The viewport half of the timeline: whole-run items (TimelineBuild.cpp) are culled to the
// visible window and merged where they would be smaller than `minFeaturePx`, so the work and the
// output of layout() follow the pixels, not the length of the trace.
#include "render/TimelineGeometry.h"

#include "render/MarkerText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace uintr::render {

std::int64_t Viewport::timeAt(double x) const {
    return t0 + static_cast<std::int64_t>(std::llround((x - labelWidth) / scale()));
}

namespace {

std::string grouped(std::int64_t v) {
    std::string digits = std::to_string(v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

// `ns` in a unit of `unitNs` with up to three decimals, trailing zeros dropped.
std::string inUnit(std::int64_t ns, std::int64_t unitNs, const char* unit) {
    const std::int64_t milli = unitNs / 1000; // one thousandth of the unit
    const std::int64_t rounded = (ns + milli / 2) / milli;
    std::string s = grouped(rounded / 1000);
    std::int64_t frac = rounded % 1000;
    if (frac != 0) {
        std::string f = std::to_string(frac);
        f.insert(0, 3 - f.size(), '0');
        while (f.back() == '0')
            f.pop_back();
        s += "." + f;
    }
    return s + " " + unit;
}

} // namespace

std::string formatTime(std::int64_t ns) {
    if (ns < 0) return "-" + formatTime(-ns);
    if (ns < 10'000) return grouped(ns) + " ns";
    if (ns < 10'000'000) return inUnit(ns, 1'000, "\xC2\xB5s"); // µs
    if (ns < 10'000'000'000) return inUnit(ns, 1'000'000, "ms");
    return inUnit(ns, 1'000'000'000, "s");
}

Viewport TimelineLayout::fit(double width) const {
    Viewport v;
    v.width = width;
    v.t0 = 0;
    // A margin so that the last marker and its label are not glued to the right edge.
    v.t1 = endTime_ + std::max<std::int64_t>(endTime_ / 20, 10);
    return v;
}

namespace {

double laneTop(const Viewport& v, int cpu) {
    return v.rulerHeight + v.laneGap + cpu * (v.laneHeight + v.laneGap);
}

// The handler band: the lower part of the lane, so the task's colour and name stay visible.
constexpr double kHandlerBand = 0.36;

void placeSegment(Segment& s, const Viewport& v, double y0, double y1) {
    s.x0 = std::max(v.xOf(s.t0), v.labelWidth);
    s.x1 = std::min(v.xOf(s.t1), v.width);
    s.y0 = y0;
    s.y1 = y1;
}

// Merges runs of adjacent segments too narrow to see into one item per `minFeaturePx`; the item
// takes the kind that covers most of its time and keeps a task only if all its parts share it.
class SegmentMerger {
  public:
    SegmentMerger(const Viewport& v, std::vector<Segment>& out) : v_(v), out_(out) {}

    void add(Segment s) {
        const bool small = s.x1 - s.x0 < v_.minFeaturePx;
        if (open_ && (!small || s.x0 - pending_.x1 >= v_.minFeaturePx ||
                      pending_.x1 - pending_.x0 >= v_.minFeaturePx))
            flush();
        if (!small) {
            out_.push_back(std::move(s));
            return;
        }
        if (!open_) {
            pending_ = std::move(s);
            open_ = true;
            time_.fill(0);
            time_[static_cast<std::size_t>(pending_.kind)] = pending_.t1 - pending_.t0;
            return;
        }
        pending_.t1 = s.t1;
        pending_.x1 = s.x1;
        pending_.merged += s.merged;
        if (s.task != pending_.task) pending_.task = -1;
        time_[static_cast<std::size_t>(s.kind)] += s.t1 - s.t0;
    }

    void flush() {
        if (!open_) return;
        open_ = false;
        if (pending_.merged > 1) {
            const auto most = std::max_element(time_.begin(), time_.end()) - time_.begin();
            pending_.kind = static_cast<SegmentKind>(most);
            if (pending_.kind == SegmentKind::Idle || pending_.kind == SegmentKind::Kernel)
                pending_.task = -1;
            pending_.label = std::to_string(pending_.merged) + " segments";
        }
        out_.push_back(std::move(pending_));
    }

  private:
    const Viewport& v_;
    std::vector<Segment>& out_;
    Segment pending_;
    bool open_ = false;
    std::array<std::int64_t, 4> time_{};
};

void layoutSegments(const std::vector<Segment>& all, const Viewport& v, double y0, double y1,
                    std::vector<Segment>& out) {
    // Sorted by t0 and by t1 (they do not overlap): the first visible one ends after t0.
    auto it = std::partition_point(all.begin(), all.end(),
                                   [&](const Segment& s) { return s.t1 <= v.t0; });
    SegmentMerger merger(v, out);
    for (; it != all.end() && it->t0 < v.t1; ++it) {
        Segment s = *it;
        placeSegment(s, v, y0, y1);
        merger.add(std::move(s));
    }
    merger.flush();
}

constexpr std::size_t kMarkerKinds = static_cast<std::size_t>(MarkerKind::Other) + 1;

// Markers that share a spot (a kernel vector, the wake-up and the self-IPI at one instant) step
// away from the middle in trace order: below, above, further below… A context switch is a bar
// across the lane and takes no step.
void stackMarkers(std::vector<Marker>& markers, std::size_t first, const Lane& lane,
                  const Viewport& v) {
    const double mid = (lane.y0 + lane.y1) / 2;
    const double step = std::min(26.0, (lane.y1 - lane.y0) / 4.5);
    const int slots = std::max(1, 2 * static_cast<int>((mid - lane.y0 - 12) / step) + 1);
    double spotX = 0;
    int inSpot = 0;
    for (std::size_t i = first; i < markers.size(); ++i) {
        Marker& m = markers[i];
        if (m.kind == MarkerKind::ContextSwitch) continue;
        if (inSpot == 0 || m.x - spotX >= v.markerStackPx) {
            spotX = m.x;
            inSpot = 0;
        }
        const int k = inSpot++ % slots; // 0, 1, 2, 3… → 0, +1, -1, +2…
        m.y = mid + step * ((k + 1) / 2) * (k % 2 == 1 ? 1 : -1);
    }
}

} // namespace

TimelineGeometry TimelineLayout::layout(const Viewport& viewport,
                                        const std::vector<char>& summarized) const {
    const auto isSummarized = [&](int cpu) {
        return cpu >= 0 && static_cast<std::size_t>(cpu) < summarized.size() &&
               summarized[static_cast<std::size_t>(cpu)];
    };
    TimelineGeometry g;
    Viewport v = viewport;
    if (v.t1 <= v.t0) v.t1 = v.t0 + 1;
    if (v.minFeaturePx <= 0) v.minFeaturePx = 1e-9; // no merging, but no division by zero
    g.viewport = v;
    const double glyphGap = std::max(v.minFeaturePx, v.markerMergePx);
    g.height = laneTop(v, cpus_);

    for (int cpu = 0; cpu < cpus_; ++cpu) {
        Lane lane;
        lane.cpu = cpu;
        lane.y0 = laneTop(v, cpu);
        lane.y1 = lane.y0 + v.laneHeight;
        lane.label = "CPU " + std::to_string(cpu);
        g.lanes.push_back(lane);
    }
    for (int cpu = 0; cpu < cpus_; ++cpu) {
        const Lane& lane = g.lanes[static_cast<std::size_t>(cpu)];
        layoutSegments(segmentsByCpu_[static_cast<std::size_t>(cpu)], v, lane.y0, lane.y1,
                       g.segments);
    }
    for (int cpu = 0; cpu < cpus_; ++cpu) {
        const Lane& lane = g.lanes[static_cast<std::size_t>(cpu)];
        layoutSegments(handlersByCpu_[static_cast<std::size_t>(cpu)], v,
                       lane.y1 - v.laneHeight * kHandlerBand, lane.y1, g.segments);
    }

    // Markers: one group per kind and lane while the next one is closer than glyphGap to the
    // group's first; a group of one keeps its own label, tooltip and drag entry.
    for (int cpu = 0; cpu < cpus_; ++cpu) {
        if (isSummarized(cpu)) continue;
        const Lane& lane = g.lanes[static_cast<std::size_t>(cpu)];
        std::array<int, kMarkerKinds> open;
        open.fill(-1);
        const std::size_t firstOut = g.markers.size();
        std::vector<std::int64_t> lastT;
        for (const auto all : markersOf(cpu)) {
            auto it = std::partition_point(all.begin(), all.end(),
                                           [&](const Marker& m) { return m.t < v.t0; });
            for (; it != all.end() && it->t <= v.t1; ++it) {
                const double x = v.xOf(it->t);
                int& group = open[static_cast<std::size_t>(it->kind)];
                if (group >= 0) {
                    Marker& m = g.markers[static_cast<std::size_t>(group)];
                    if (x - m.x < glyphGap) {
                        ++m.merged;
                        lastT[static_cast<std::size_t>(group) - firstOut] = it->t;
                        continue;
                    }
                }
                Marker m = *it;
                m.x = x;
                m.y = (lane.y0 + lane.y1) / 2;
                group = static_cast<int>(g.markers.size());
                lastT.push_back(m.t);
                g.markers.push_back(std::move(m));
            }
        }
        for (std::size_t i = firstOut; i < g.markers.size(); ++i) {
            Marker& m = g.markers[i];
            if (m.merged > 1) {
                m.tooltip = mergedTooltip(m, lastT[i - firstOut], m.merged);
                m.label += " \xC3\x97" + std::to_string(m.merged); // "SENDUIPI ×12"
                m.entry = -1; // one drag cannot move many entries
            } else {
                m.tooltip = tooltipFor(m);
            }
        }
        // Several kinds were grouped side by side: restore time order for the reader.
        std::stable_sort(g.markers.begin() + static_cast<std::ptrdiff_t>(firstOut), g.markers.end(),
                         [](const Marker& a, const Marker& b) {
                             return a.t != b.t ? a.t < b.t : a.event < b.event;
                         });
        stackMarkers(g.markers, firstOut, lane, v);
    }

    // Arrows: those whose flight overlaps the window, merged per (from, to, kind) like markers.
    struct OpenArrow {
        int from, to;
        bool self, spurious;
        std::size_t index;
    };
    std::vector<OpenArrow> openArrows;
    int unsummarized = 0;
    for (int cpu = 0; cpu < cpus_; ++cpu)
        unsummarized += !isSummarized(cpu);
    for (const auto all : allArrows()) {
        if (unsummarized == 0) break; // every arrow would touch a summarized lane
        auto it = std::partition_point(all.begin(), all.end(),
                                       [&](const Arrow& a) { return a.t0 < v.t0 - longestArrow_; });
        for (; it != all.end() && it->t0 <= v.t1; ++it) {
            if (it->t1 < v.t0 || isSummarized(it->fromCpu) || isSummarized(it->toCpu)) continue;
            Arrow a = *it;
            a.x0 = v.xOf(a.t0);
            a.x1 = v.xOf(a.t1);
            const Lane& from = g.lanes[static_cast<std::size_t>(a.fromCpu)];
            const Lane& to = g.lanes[static_cast<std::size_t>(a.toCpu)];
            if (a.fromCpu == a.toCpu) {
                a.y0 = a.y1 = from.y0;
            } else if (a.fromCpu < a.toCpu) {
                a.y0 = from.y1;
                a.y1 = to.y0;
            } else {
                a.y0 = from.y0;
                a.y1 = to.y1;
            }
            auto same = std::find_if(openArrows.begin(), openArrows.end(), [&](const OpenArrow& o) {
                return o.from == a.fromCpu && o.to == a.toCpu && o.self == a.self &&
                       o.spurious == a.spurious;
            });
            if (same != openArrows.end() && a.x0 - g.arrows[same->index].x0 < glyphGap) {
                Arrow& m = g.arrows[same->index];
                ++m.merged;
                m.x1 = std::max(m.x1, a.x1);
                m.t1 = std::max(m.t1, a.t1);
                continue;
            }
            if (same != openArrows.end())
                same->index = g.arrows.size();
            else
                openArrows.push_back({a.fromCpu, a.toCpu, a.self, a.spurious, g.arrows.size()});
            g.arrows.push_back(a);
        }
    }

    // The ruler: a major tick every 1, 2 or 5 × 10^k ns, at least tickSpacingPx apart.
    const double want = v.tickSpacingPx / v.scale();
    std::int64_t step = 1;
    for (std::int64_t p = 1;; p *= 10) {
        if (static_cast<double>(p) >= want) {
            step = p;
            break;
        }
        if (static_cast<double>(2 * p) >= want) {
            step = 2 * p;
            break;
        }
        if (static_cast<double>(5 * p) >= want) {
            step = 5 * p;
            break;
        }
        if (p > std::int64_t{1} << 60) {
            step = p;
            break;
        }
    }
    const std::int64_t minor = step % 5 == 0 ? step / 5 : (step % 2 == 0 ? step / 2 : step);
    std::int64_t t = v.t0 >= 0 ? (v.t0 + minor - 1) / minor * minor : v.t0 / minor * minor;
    for (; t <= v.t1; t += minor) {
        Tick tick;
        tick.t = t;
        tick.x = v.xOf(t);
        tick.major = t % step == 0;
        if (tick.major) tick.label = formatTime(t);
        g.ticks.push_back(std::move(tick));
    }
    if (v.labels) placeLabels(g);
    return g;
}

std::array<std::span<const Marker>, 2> TimelineLayout::markersOf(int cpu) const {
    const auto c = static_cast<std::size_t>(cpu);
    std::span<const Marker> theirs;
    if (prefix_) theirs = std::span(prefix_->markersByCpu_[c]).first(prefixMarkers_[c]);
    return {theirs, std::span(markersByCpu_[c])};
}

std::array<std::span<const Arrow>, 2> TimelineLayout::allArrows() const {
    std::span<const Arrow> theirs;
    if (prefix_) theirs = std::span(prefix_->arrows_).first(prefixArrows_);
    return {theirs, std::span(arrows_)};
}

std::string TimelineLayout::tooltipFor(const Marker& m) const {
    if (prefix_ && m.event < from_) return prefix_->tooltipFor(m);
    std::vector<int> events{m.event};
    const auto e = static_cast<std::size_t>(m.event - from_);
    for (int i = foldBegin_[e]; i < foldBegin_[e + 1]; ++i)
        events.push_back(folded_[static_cast<std::size_t>(i)]);
    std::sort(events.begin(), events.end());
    return markerTooltip(events, *trace_, *sc_);
}

TimelineGeometry layoutTimeline(const scenario::Scenario& sc, const model::Trace& trace,
                                const Viewport& viewport) {
    return TimelineLayout(sc, trace).layout(viewport);
}

} // namespace uintr::render
