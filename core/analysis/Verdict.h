// The one-paragraph answer to "what happened?" that the app shows above the timeline and the
// CLI prints under the trace, e.g. "Spurious notification on CPU 0: the IPI arrived 200 ns after
// receiver was switched out (UINV cleared); delivered at 3300 ns after switch-in."
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Summary.h"

#include <string>
#include <vector>

namespace uintr::analysis {

std::vector<std::string> verdict(const scenario::Scenario& sc, const model::Trace& trace,
                                 const sim::RunSummary& summary);

} // namespace uintr::analysis
