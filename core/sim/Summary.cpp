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
        else if (e.kind == EventKind::VectorLost)
            s.lost.push_back(
                {e.t, e.task, e.vector, e.cause,
                 e.cause >= 0 && static_cast<std::size_t>(e.cause) < trace.events.size()
                     ? std::string(kindName(trace.events[static_cast<std::size_t>(e.cause)].kind))
                     : std::string("end")});
    }
    const Machine& m = finalState.state();
    for (std::size_t c = 0; c < m.cpus.size(); ++c) {
        if (!m.cpus[c].online) continue;
        s.onlineCpus.push_back(static_cast<int>(c));
        s.uis.push_back(m.cpus[c].uis);
    }
    for (std::size_t i = 0; i < m.tasks.size(); ++i) {
        const TaskState& t = m.tasks[i];
        if (t.status == TaskStatus::Blocked) s.blockedAtEnd.push_back(static_cast<int>(i));
        s.vectors.posted += t.vectors.posted;
        s.vectors.delivered += t.vectors.delivered;
        s.vectors.coalesced += t.vectors.coalesced;
        s.vectors.lost += t.vectors.lost;
    }
    s.hasUisLine = finalState.printsUisLine();
    s.ipisSent = m.counters.ipisSent;
    s.faults = m.counters.faults;
    s.uintrReturnRuns = m.counters.uintrReturnRuns;
    s.uintrReturnUnchanged = m.counters.uintrReturnUnchanged;
    s.pendingAtEnd = finalState.pending();
    s.stopReason = finalState.stopReason();
    s.stoppedAt = finalState.stoppedAt();
    s.endTime = trace.endTime();
    s.accountingError = finalState.accountingError();
    return s;
}

} // namespace uintr::sim
