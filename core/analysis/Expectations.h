// The `expect` block of a scenario (docs/expect.md): assertions on a run that `uintr-sim check`
// verifies. Patterns are matched against the same JSON that `run --json` prints, so a teacher
// can copy an event from the trace into the expectation.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Summary.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace uintr::analysis {

struct ExpectIssue {
    std::string path; // JSON pointer inside the scenario, e.g. "/expect/spurious"
    std::string message;
};

// Every failed expectation, in the order of the block; empty when the run meets them all.
std::vector<ExpectIssue> checkExpectations(const scenario::Scenario& sc, const model::Trace& trace,
                                           const sim::RunSummary& summary);

} // namespace uintr::analysis
