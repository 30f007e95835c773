// A finished run kept for looking at: the trace, the summary, and checkpoints (copies of the
// simulation every few steps) so that the full machine state at any instant is a copy plus a
// short replay — the inspector's time travel without storing a snapshot per event.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Simulation.h"
#include "sim/Summary.h"

#include <boost/container/deque.hpp>
#include <boost/container/options.hpp>
#include <cstdint>
#include <memory>
#include <vector>

namespace uintr::sim {

class Recording {
    // A step's time as an offset from its checkpoint's (4 bytes a step); an offset that does not
    // fit (a checkpoint interval spanning more than 4.29 s) is kept aside in farSteps_.
    using StepOffsets = boost::container::deque<
        std::uint32_t, void,
        boost::container::deque_options_t<boost::container::block_size<4096u>>>;

  public:
    // Runs `scenario` to the end. The recording keeps its own copy of the scenario. A checkpoint
    // (a whole machine: tens of KiB with its memory) every 2048 steps — or one per 16 timeline
    // entries, whichever is sparser — costs a few bytes an event and a replay of at most that
    // many steps per look-up.
    explicit Recording(scenario::Scenario scenario, std::uint32_t checkpointEvery = 2048);

    // The drag's re-simulation: a recording of `scenario`, which differs from previous.scenario()
    // only in the times of timeline entries whose old and new times are both >= changedAt.
    // The engine being deterministic, both runs are the same up to the last checkpoint before
    // changedAt: that checkpoint, the ones before it and the trace up to it are taken over, and
    // only the rest is simulated. The result is the recording a fresh run would make.
    // With `stopAfter`, the run stops at the first step later than that time (a drag's preview
    // simulates to the right edge of the view first): a partial recording, whose trace is the
    // beginning of the full one and whose summary is left empty.
    Recording(scenario::Scenario scenario, const Recording& previous, std::int64_t changedAt,
              std::int64_t stopAfter = kToTheEnd);
    static constexpr std::int64_t kToTheEnd = INT64_MAX;
    // The step the run was resumed after (0: simulated from the start) and the events it took
    // over from the previous recording's trace.
    std::uint32_t resumedAfterStep() const { return resumedAfter_; }
    std::size_t resumedEvents() const { return resumedEvents_; }
    bool partial() const { return partial_; }

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
    void runFrom(Simulation sim, std::int64_t stopAfter = kToTheEnd);
    std::int64_t stepTime(std::uint32_t step) const; // 1-based

    std::shared_ptr<const scenario::Scenario> scenario_;
    model::Trace trace_;
    RunSummary summary_;
    std::vector<Simulation> checkpoints_; // checkpoints_[k] is after k * every_ steps
    StepOffsets stepOffsets_; // [s - 1]: step s's time - checkpoint (s - 1) / every_'s time
    std::vector<std::pair<std::uint32_t, std::int64_t>> farSteps_; // (step, time), by step
    std::uint32_t every_;
    std::uint32_t resumedAfter_ = 0;
    std::size_t resumedEvents_ = 0;
    bool partial_ = false;
    std::uint32_t steps_ = 0;
    bool hitStepLimit_ = false;
};

} // namespace uintr::sim
