// Narration that follows the run. A scenario's narration steps carry only `at` and `text`
// (scenario-format.md), written for the run of the file as it is. Each step is anchored to the
// events of that run at its `at` (its "anchor"), and the anchor is looked for again in an edited
// run (a dragged switch, another kernel variant): the step then happens at the anchor's new time,
// or no longer happens at all — and the app says so instead of telling the class something the
// screen contradicts.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <vector>

namespace uintr::analysis {

struct AnchoredStep {
    enum class Status : std::uint8_t {
        Unanchored, // no event at `at` in the original run: the step stays at its time
        Same,       // every anchor event happens, at the original time
        Moved,      // every anchor event happens, the first one at another time
        Gone,       // an anchor event does not happen in this run
    };
    int step = 0;        // index into Scenario::narration
    std::int64_t at = 0; // the file's time
    std::int64_t t = 0;  // where the step is in this run (`at` when Gone or Unanchored)
    Status status = Status::Unanchored;
    std::vector<int> events; // the anchor's events in this run (Same / Moved)
    int missing = -1;        // Gone: the first anchor event of the original run not found
};

// One entry per narration step, ordered by `t` (stable: file order at equal times), so the step
// at a playhead is the last one with t <= playhead. An event is found again by what it is: its
// kind, its task and the timeline entry it comes from, and how many such events came before it.
std::vector<AnchoredStep> anchorNarration(const scenario::Scenario& sc,
                                          const model::Trace& original, const model::Trace& run);

} // namespace uintr::analysis
