#include "sim/Recording.h"

#include <algorithm>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

Recording::Recording(scenario::Scenario scenario, std::uint32_t checkpointEvery)
    : scenario_(std::make_shared<const scenario::Scenario>(std::move(scenario))),
      every_(std::max<std::uint32_t>(1, checkpointEvery)) {
    Simulation sim(*scenario_);
    checkpoints_.push_back(sim);
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

model::Machine Recording::machineAfterEvent(int event) const {
    const int n = static_cast<int>(trace_.events.size());
    if (event < 0 || n == 0) return stateAfterStep(0).state();
    event = std::min(event, n - 1);
    const std::uint32_t step = trace_.events[static_cast<std::size_t>(event)].step;
    // The last event of its step: everything the step did afterwards counts too.
    if (event + 1 >= n || trace_.events[static_cast<std::size_t>(event) + 1].step != step)
        return stateAfterStep(step).state();
    Simulation sim = stateAfterStep(step - 1);
    model::Machine after;
    sim.snapshotAtEvent(event, &after);
    sim.step();
    return after;
}

std::uint32_t Recording::lastStepAtOrBefore(std::int64_t t) const {
    const auto it = std::upper_bound(stepTimes_.begin(), stepTimes_.end(), t);
    return static_cast<std::uint32_t>(it - stepTimes_.begin());
}

Simulation Recording::stateAt(std::int64_t t) const {
    return stateAfterStep(lastStepAtOrBefore(t));
}

} // namespace uintr::sim
