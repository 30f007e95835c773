// One whole run with its trace and summary: what the CLI's run/check and the tests need when
// they do not look at intermediate states (for those, see Recording).
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Simulation.h"
#include "sim/Summary.h"

namespace uintr::sim {

struct RunResult {
    model::Trace trace;
    RunSummary summary;
    bool hitStepLimit = false;
};

inline RunResult runScenario(const scenario::Scenario& sc) {
    RunResult r;
    Simulation s(sc);
    s.setTrace(&r.trace);
    s.run();
    r.hitStepLimit = s.hitStepLimit();
    r.summary = summarize(r.trace, s);
    return r;
}

} // namespace uintr::sim
