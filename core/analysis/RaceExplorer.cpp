#include "analysis/RaceExplorer.h"

#include "scenario/ScenarioIO.h"
#include "sim/Simulation.h"

#include <algorithm>

namespace uintr::analysis {

Outcome runOutcome(const scenario::Scenario& sc) {
    sim::Simulation s(sc);
    s.run();
    return {s.state().counters.spurious, s.state().counters.delivered, true};
}

std::variant<ExploreResult, std::string> explore(const scenario::Scenario& sc,
                                                 const ExploreRequest& request) {
    const int entry = sc.findEntry(request.entryId);
    if (entry < 0) return "no timeline entry has id '" + request.entryId + "'";
    std::int64_t span = 0;
    for (const auto& e : sc.timeline)
        span = std::max(span, e.at);
    const std::int64_t from = request.from.value_or(0);
    const std::int64_t to = request.to.value_or(span);
    if (from < 0 || to < from)
        return "the range " + std::to_string(from) + ".." + std::to_string(to) + " is empty";
    if (to - from + 1 > request.maxRuns)
        return "the range has " + std::to_string(to - from + 1) + " ns; at most " +
               std::to_string(request.maxRuns) + " runs are allowed";

    ExploreResult result;
    result.vary = request.entryId;
    scenario::Scenario varied = sc; // one copy; only the moved entry's time changes per run
    for (std::int64_t t = from; t <= to; ++t) {
        varied.timeline[static_cast<std::size_t>(entry)].at = t;
        Outcome o;
        if (scenario::checkConsistency(varied))
            o.valid = false;
        else
            o = runOutcome(varied);
        ++result.runs;
        if (!result.windows.empty() && result.windows.back().outcome == o)
            result.windows.back().to = t;
        else
            result.windows.push_back({t, t, o});
    }
    return result;
}

} // namespace uintr::analysis
