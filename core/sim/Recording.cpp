#include "sim/Recording.h"

#include <algorithm>
#include <cstdint>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

// A checkpoint is a whole machine (tens of KiB with its memory): a long run spaces them out to at
// least one per 16 timeline entries' worth of steps, so that they stay a few bytes an event.
Recording::Recording(scenario::Scenario scenario, std::uint32_t checkpointEvery)
    : scenario_(std::make_shared<const scenario::Scenario>(std::move(scenario))),
      every_(std::max({std::uint32_t{1}, checkpointEvery,
                       static_cast<std::uint32_t>(scenario_->timeline.size() / 16)})) {
    Simulation sim(*scenario_);
    checkpoints_.push_back(sim);
    runFrom(std::move(sim));
}

Recording::Recording(scenario::Scenario scenario, const Recording& previous, std::int64_t changedAt,
                     std::int64_t stopAfter)
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
    resumedEvents_ = static_cast<std::size_t>(sim.eventCount());
    const auto& events = previous.trace_.events;
    trace_.events.assign(events.begin(), events.begin() + sim.eventCount());
    stepOffsets_.assign(previous.stepOffsets_.begin(), previous.stepOffsets_.begin() + sim.steps());
    for (const auto& far : previous.farSteps_)
        if (far.first <= sim.steps()) farSteps_.push_back(far);
    runFrom(std::move(sim), stopAfter);
}

void Recording::runFrom(Simulation sim, std::int64_t stopAfter) {
    sim.setTrace(&trace_);
    while (true) {
        if (sim.now() > stopAfter) {
            partial_ = true;
            break;
        }
        if (!sim.step()) break;
        const std::int64_t offset = sim.now() - checkpoints_[(sim.steps() - 1) / every_].now();
        if (offset < UINT32_MAX) {
            stepOffsets_.push_back(static_cast<std::uint32_t>(offset));
        } else {
            stepOffsets_.push_back(UINT32_MAX);
            farSteps_.emplace_back(sim.steps(), sim.now());
        }
        if (sim.steps() % every_ == 0) {
            checkpoints_.push_back(sim);
            checkpoints_.back().setTrace(nullptr);
        }
    }
    hitStepLimit_ = sim.hitStepLimit();
    steps_ = sim.steps();
    if (!partial_) summary_ = summarize(trace_, sim);
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

std::int64_t Recording::stepTime(std::uint32_t step) const {
    const std::uint32_t offset = stepOffsets_[step - 1];
    if (offset != UINT32_MAX) return checkpoints_[(step - 1) / every_].now() + offset;
    const auto far = std::lower_bound(farSteps_.begin(), farSteps_.end(),
                                      std::pair<std::uint32_t, std::int64_t>{step, INT64_MIN});
    return far->second;
}

std::uint32_t Recording::lastStepAtOrBefore(std::int64_t t) const {
    // Step times never decrease: the largest step at or before t, by bisection.
    std::uint32_t lo = 0, hi = steps_; // stepTime(lo) <= t (step 0: before everything)
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo + 1) / 2;
        if (stepTime(mid) <= t)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

Simulation Recording::stateAt(std::int64_t t) const {
    return stateAfterStep(lastStepAtOrBefore(t));
}

} // namespace uintr::sim
