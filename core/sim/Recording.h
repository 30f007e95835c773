// A finished run kept for looking at: the trace, the summary, and checkpoints (copies of the
// simulation every few steps) so that the full machine state at any instant is a copy plus a
// short replay — the inspector's time travel without storing a snapshot per event.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Simulation.h"
#include "sim/Summary.h"

#include <memory>
#include <vector>

namespace uintr::sim {

class Recording {
  public:
    // Runs `scenario` to the end. The recording keeps its own copy of the scenario.
    explicit Recording(scenario::Scenario scenario, std::uint32_t checkpointEvery = 256);

    const scenario::Scenario& scenario() const { return *scenario_; }
    const model::Trace& trace() const { return trace_; }
    const RunSummary& summary() const { return summary_; }
    bool hitStepLimit() const { return hitStepLimit_; }
    std::uint32_t steps() const { return steps_; }

    // The simulation as it was after `step` engine steps (0: the registered machine at time 0).
    Simulation stateAfterStep(std::uint32_t step) const;
    // The state after everything that happens at or before time t.
    Simulation stateAt(std::int64_t t) const;
    // The machine right after event `event` (an index into the trace), even inside an engine
    // step that records several (SENDUIPI, PIR posted, IPI sent): stepping shows each one's
    // state. -1: the machine before the first event.
    model::Machine machineAfterEvent(int event) const;
    // The last step whose events happen at or before t (0 if none).
    std::uint32_t lastStepAtOrBefore(std::int64_t t) const;

  private:
    std::shared_ptr<const scenario::Scenario> scenario_;
    model::Trace trace_;
    RunSummary summary_;
    std::vector<Simulation> checkpoints_; // checkpoints_[k] is after k * every_ steps
    std::vector<std::int64_t> stepTimes_; // stepTimes_[s - 1]: the time of step s
    std::uint32_t every_;
    std::uint32_t steps_ = 0;
    bool hitStepLimit_ = false;
};

} // namespace uintr::sim
