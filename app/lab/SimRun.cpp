#include "SimRun.h"

#include "analysis/Verdict.h"

#include <algorithm>

namespace uintr::lab {

SimRun::SimRun(scenario::Scenario scenario)
    : recording_(std::move(scenario)), layout_(recording_.scenario(), recording_.trace()),
      density_(recording_.trace(), layout_.cpuCount()) {
    judge();
}

SimRun::SimRun(scenario::Scenario scenario, const SimRun& previous, std::int64_t changedAt)
    : recording_(std::move(scenario), previous.recording(), changedAt),
      layout_(recording_.scenario(), recording_.trace()),
      density_(recording_.trace(), layout_.cpuCount()) {
    judge();
}

void SimRun::judge() {
    for (const auto& line :
         analysis::verdict(recording_.scenario(), recording_.trace(), recording_.summary()))
        verdict_ << QString::fromStdString(line);
}

const analysis::CausalityGraph& SimRun::causality() const {
    if (!causality_) causality_ = std::make_unique<analysis::CausalityGraph>(trace());
    return *causality_;
}

int SimRun::lastEventAtOrBefore(qint64 t) const {
    const auto& ev = trace().events;
    const auto it = std::upper_bound(ev.begin(), ev.end(), t,
                                     [](qint64 v, const model::TraceEvent& e) { return v < e.t; });
    return static_cast<int>(it - ev.begin()) - 1;
}

int SimRun::firstEventAfter(qint64 t) const {
    const int i = lastEventAtOrBefore(t) + 1;
    return i < eventCount() ? i : -1;
}

} // namespace uintr::lab
