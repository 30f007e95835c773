#include "sim/Summary.h"

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

RunSummary summarize(const Trace& trace, const Simulation& finalState) {
    RunSummary s;
    for (const TraceEvent& e : trace.events) {
        if (e.kind == EventKind::UserInterruptDelivered)
            s.userInterrupts.push_back({e.t, e.cpu, e.task, e.vector});
        else if (e.kind == EventKind::SpuriousNotification)
            s.spurious.push_back({e.t, e.cpu, e.vector});
    }
    const Machine& m = finalState.state();
    for (const CpuState& c : m.cpus)
        s.uis.push_back(c.uis);
    s.hasUisLine = finalState.scenarioRef().machine.uintrSupported;
    s.ipisSent = m.counters.ipisSent;
    s.faults = m.counters.faults;
    s.pendingAtEnd = finalState.pending();
    s.endTime = trace.endTime();
    return s;
}

} // namespace uintr::sim
