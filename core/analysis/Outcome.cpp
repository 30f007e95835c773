#include "analysis/Outcome.h"

#include "scenario/ScenarioIO.h"
#include "sim/Simulation.h"

#include <bit>

namespace uintr::analysis {

const OutcomeClassInfo& info(OutcomeClass c) {
    return kOutcomeClasses[static_cast<std::size_t>(c)];
}

std::optional<OutcomeClass> outcomeClassFromName(std::string_view name) {
    for (const auto& i : kOutcomeClasses)
        if (i.name == name) return i.cls;
    return std::nullopt;
}

bool Outcome::has(OutcomeClass c) const {
    switch (c) {
    case OutcomeClass::Invalid:
        return !valid;
    case OutcomeClass::Quiet:
        return valid && delivered == 0 && pending == 0 && lost == 0;
    case OutcomeClass::Delivered:
        return valid && delivered > 0;
    case OutcomeClass::Late:
        return valid && maxDelayNs > lateAfterNs;
    case OutcomeClass::Pending:
        return valid && pending > 0;
    case OutcomeClass::Spurious:
        return valid && spurious > 0;
    case OutcomeClass::NeverWoken:
        return valid && neverWoken > 0;
    case OutcomeClass::Lost:
        return valid && lost > 0;
    case OutcomeClass::Storm:
        return valid && storm;
    }
    return false;
}

OutcomeClass Outcome::cls() const {
    // The worst first: the table is ordered from harmless to bad.
    for (auto i = kOutcomeClasses.size(); i-- > 1;)
        if (has(kOutcomeClasses[i].cls)) return kOutcomeClasses[i].cls;
    return OutcomeClass::Invalid;
}

bool Outcome::sameWindow(const Outcome& o) const {
    return valid == o.valid && spurious == o.spurious && delivered == o.delivered &&
           pending == o.pending && lost == o.lost && neverWoken == o.neverWoken &&
           storm == o.storm && cls() == o.cls();
}

Outcome classify(const sim::Simulation& finished) {
    const model::Machine& m = finished.state();
    Outcome o;
    o.spurious = m.counters.spurious;
    o.delivered = m.counters.delivered;
    o.minDelayNs = m.counters.minDeliveryDelayNs;
    o.maxDelayNs = m.counters.maxDeliveryDelayNs;
    o.lateAfterNs = finished.scenarioRef().machine.ipiLatencyNs;
    for (const sim::PendingVectors& p : finished.pending()) {
        o.pending += static_cast<std::uint64_t>(std::popcount(p.pir | p.uirr));
        // Blocked at the end is only ever uintr_wait; a posted vector means a wake-up was due.
        if (p.pir != 0 &&
            m.tasks[static_cast<std::size_t>(p.task)].status == model::TaskStatus::Blocked)
            ++o.neverWoken;
    }
    for (const model::TaskState& t : m.tasks)
        o.lost += t.vectors.lost;
    // A storm: the run was stopped (end_ns or the horizon), not idle, and spurious
    // notifications were still coming, one round every irq_ns + self-IPI latency
    // (scenario-format.md "The way back to user space").
    const auto& sc = finished.scenarioRef();
    const bool stopped = finished.stopReason() == sim::StopReason::Horizon ||
                         finished.stopReason() == sim::StopReason::EndNs;
    o.storm = (finished.hitStepLimit() && o.spurious > 0) ||
              (stopped && o.spurious >= 2 &&
               finished.stoppedAt() - m.counters.lastSpuriousAt <=
                   sc.kernel.irqNs + sc.machine.selfIpiLatencyNs);
    return o;
}

Outcome runOutcome(const scenario::Scenario& sc) {
    if (scenario::checkConsistency(sc)) return Outcome{.valid = false};
    sim::Simulation s(sc);
    s.run();
    return classify(s);
}

} // namespace uintr::analysis
