#include "render/TimelineDensity.h"

#include <algorithm>
#include <cmath>

namespace uintr::render {

namespace {
std::int64_t countIn(const std::vector<std::int64_t>& times, std::int64_t t0, std::int64_t t1) {
    return std::lower_bound(times.begin(), times.end(), t1) -
           std::lower_bound(times.begin(), times.end(), t0);
}
} // namespace

DensityIndex::DensityIndex(const model::Trace& trace, int cpus)
    : lanes_(static_cast<std::size_t>(std::max(cpus, 0))) {
    using K = model::EventKind;
    for (const model::TraceEvent& e : trace.events) {
        if (e.cpu < 0 || e.cpu >= cpus) continue;
        Lane& lane = lanes_[static_cast<std::size_t>(e.cpu)];
        int kind = -1;
        if (e.kind == K::SpuriousNotification) kind = static_cast<int>(DensityKind::Spurious);
        if (e.kind == K::UserInterruptDelivered) kind = static_cast<int>(DensityKind::Delivered);
        if (e.kind == K::IpiArrived) kind = static_cast<int>(DensityKind::Ipi);
        if (kind >= 0) lane.times[static_cast<std::size_t>(kind)].push_back(e.t);
        if (kind >= 0 || e.kind == K::ContextSwitch || e.kind == K::SendUipi)
            lane.markers.push_back(e.t);
    }
    for (Lane& lane : lanes_) {
        lane.markers.shrink_to_fit();
        for (auto& t : lane.times)
            t.shrink_to_fit();
    }
}

std::int64_t DensityIndex::markersIn(int cpu, std::int64_t t0, std::int64_t t1) const {
    if (cpu < 0 || cpu >= static_cast<int>(lanes_.size())) return 0;
    return countIn(lanes_[static_cast<std::size_t>(cpu)].markers, t0, t1);
}

bool DensityIndex::dense(int cpu, const Viewport& v) const {
    const double glyphs = (v.width - v.labelWidth) / std::max(1.0, v.markerMergePx);
    return static_cast<double>(markersIn(cpu, v.t0, v.t1 + 1)) > glyphs;
}

LaneDensity DensityIndex::columns(int cpu, const Viewport& v, double columnPx) const {
    LaneDensity d;
    d.cpu = cpu;
    d.x0 = v.labelWidth;
    d.columnPx = std::max(1.0, columnPx);
    if (cpu < 0 || cpu >= static_cast<int>(lanes_.size())) return d;
    const Lane& lane = lanes_[static_cast<std::size_t>(cpu)];
    const auto n = static_cast<std::size_t>(std::ceil((v.width - v.labelWidth) / d.columnPx));
    for (std::size_t k = 0; k < kDensityKinds; ++k) {
        auto& out = d.counts[k];
        out.resize(n);
        const auto& times = lane.times[k];
        auto it = std::lower_bound(times.begin(), times.end(), v.t0);
        for (std::size_t c = 0; c < n; ++c) {
            // Column c covers [timeAt(left edge), timeAt(right edge)): each event in one column.
            const std::int64_t end = v.timeAt(d.x0 + static_cast<double>(c + 1) * d.columnPx);
            const auto next = std::lower_bound(it, times.end(), end);
            out[c] = static_cast<std::uint32_t>(next - it);
            d.max = std::max(d.max, out[c]);
            it = next;
        }
    }
    return d;
}

} // namespace uintr::render
