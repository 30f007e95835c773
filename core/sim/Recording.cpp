#include "sim/Recording.h"

#include <algorithm>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

Recording::Recording(scenario::Scenario scenario, std::uint32_t checkpointEvery)
    : scenario_(std::make_shared<const scenario::Scenario>(std::move(scenario))),
      every_(std::max<std::uint32_t>(1, checkpointEvery)) {
    Simulation sim(*scenario_);
    checkpoints_.push_back(sim);
    runFrom(std::move(sim));
}

Recording::Recording(scenario::Scenario scenario, const Recording& previous, std::int64_t changedAt)
    : scenario_(std::make_shared<const scenario::Scenario>(std::move(scenario))),
      every_(previous.every_) {
    // The last checkpoint whose every step happened before changedAt (checkpoint 0 is time 0,
    // before any step: always usable unless the change is at time 0 itself).
    std::size_t k = 0;
    while (k + 1 < previous.checkpoints_.size() && previous.checkpoints_[k + 1].now() < changedAt)
        ++k;
    const auto order = Simulation::entryOrder(*scenario_);
    checkpoints_.reserve(k + 1);
    for (std::size_t i = 0; i <= k; ++i) {
        checkpoints_.push_back(previous.checkpoints_[i]);
        checkpoints_.back().rebind(*scenario_, order);
    }
    Simulation sim = checkpoints_.back();
    resumedAfter_ = sim.steps();
    const auto& events = previous.trace_.events;
    trace_.events.assign(events.begin(), events.begin() + sim.eventCount());
    stepTimes_.assign(previous.stepTimes_.begin(), previous.stepTimes_.begin() + sim.steps());
    runFrom(std::move(sim));
}

void Recording::runFrom(Simulation sim) {
    sim.setTrace(&trace_);
    while (sim.step()) {
        stepTimes_.push_back(sim.now());
        if (sim.steps() % every_ == 0) {
            checkpoints_.push_back(sim);
            checkpoints_.back().setTrace(nullptr);
        }
    }
    hitStepLimit_ = sim.hitStepLimit();
    steps_ = sim.steps();
    summary_ = summarize(trace_, sim);
}

Simulation Recording::stateAfterStep(std::uint32_t step) const {
    step = std::min(step, steps_);
    Simulation sim = checkpoints_[step / every_];
    sim.setTrace(nullptr);
    while (sim.steps() < step && sim.step()) {
    }
    return sim;
}

std::uint32_t Recording::lastStepAtOrBefore(std::int64_t t) const {
    const auto it = std::upper_bound(stepTimes_.begin(), stepTimes_.end(), t);
    return static_cast<std::uint32_t>(it - stepTimes_.begin());
}

Simulation Recording::stateAt(std::int64_t t) const {
    return stateAfterStep(lastStepAtOrBefore(t));
}

} // namespace uintr::sim
