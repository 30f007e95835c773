#include "analysis/RaceStrip.h"

#include <algorithm>

namespace uintr::analysis {

std::optional<std::vector<Window>> stripWindows(const scenario::Scenario& sc, Axis axis,
                                                const SweepOptions& options,
                                                std::int64_t maxPoints) {
    const std::int64_t span = axis.to - axis.from + 1;
    axis.step =
        std::max<std::int64_t>(1, (span + maxPoints - 1) / std::max<std::int64_t>(1, maxPoints));
    const std::int64_t end = axis.to;
    axis.to = axis.from + (span - 1) / axis.step * axis.step;
    auto result = sweep(sc, {axis}, options);
    auto* grid = std::get_if<Grid>(&result);
    if (!grid || grid->cancelled) return std::nullopt;
    std::vector<Window> coarse = windows(*grid);
    if (axis.step == 1 && axis.to == end) return coarse;

    // Each boundary to the ns: the outcome at `lo` is the left window's, at `hi` not.
    scenario::Scenario probe = sc;
    const auto at = [&](std::int64_t t) {
        setAxisValue(probe, axis, t);
        return runOutcome(probe);
    };
    // The range's last ns is always sampled: a window ending the range is never lost.
    if (axis.to != end) {
        const Outcome last = at(end);
        if (!last.sameWindow(coarse.back().outcome)) coarse.push_back({end, end, last});
    }
    std::vector<Window> out;
    for (std::size_t i = 0; i < coarse.size(); ++i) {
        if (options.cancel && options.cancel->load()) return std::nullopt;
        Window w = coarse[i];
        if (!out.empty()) w.from = out.back().to + 1;
        if (i + 1 < coarse.size()) {
            std::int64_t lo = coarse[i].to, hi = coarse[i + 1].from;
            while (hi - lo > 1) {
                const std::int64_t mid = lo + (hi - lo) / 2;
                (at(mid).sameWindow(w.outcome) ? lo : hi) = mid;
            }
            w.to = lo;
        } else {
            w.to = end;
        }
        out.push_back(w);
    }
    return out;
}

} // namespace uintr::analysis
