#include "analysis/Verdict.h"

#include <sstream>

namespace uintr::analysis {

using model::EventKind;
using model::TraceEvent;

namespace {
const TraceEvent* at(const model::Trace& trace, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < trace.events.size()
               ? &trace.events[static_cast<std::size_t>(index)]
               : nullptr;
}

// The receiver whose post an IPI announced: arrival <- ipi_sent/self_ipi <- pir_posted.
int receiverOf(const model::Trace& trace, const TraceEvent& arrival) {
    const TraceEvent* sent = at(trace, arrival.cause);
    if (!sent) return -1;
    if (sent->kind == EventKind::SelfIpi) return sent->task;
    if (sent->kind == EventKind::IpiSent) return sent->other;
    return -1;
}

std::string spuriousSentence(const scenario::Scenario& sc, const model::Trace& trace,
                             std::size_t index) {
    const TraceEvent& s = trace.events[index];
    std::ostringstream o;
    o << "Spurious notification on CPU " << s.cpu << " at " << s.t << " ns";
    const TraceEvent* arrival = at(trace, s.cause);
    const TraceEvent* cleared = at(trace, s.cause2);
    const TraceEvent* sent = arrival ? at(trace, arrival->cause) : nullptr;
    const char* what = sent && sent->kind == EventKind::SelfIpi ? "self-IPI" : "IPI";
    if (sent && cleared && (cleared->flags & model::kFlagSecondSave)) {
        // misc-restore-bug: the receiver may be running again, with the UINV = 0 it got back.
        o << ": the " << what << " sent at " << sent->t << " ns found UINV = 0, because a second"
          << " XSAVES at " << cleared->t << " ns saved the cleared UINV of "
          << sc.taskName(cleared->task) << " and XRSTORS brought it back as 0"
          << " (misc-restore-bug)";
    } else if (const TraceEvent* fpu = cleared ? at(trace, cleared->cause) : nullptr;
               sent && cleared && cleared->kind == EventKind::Xsaves && fpu &&
               fpu->kind == EventKind::KernelEnter) {
        // XSAVES without a context switch: the reviewer's follow-up (uintr-reference.md §5).
        o << ": the " << what << " sent at " << sent->t << " ns arrived while "
          << sc.taskName(cleared->task) << " was inside kernel_fpu, whose XSAVES at " << cleared->t
          << " ns cleared UINV without a context switch";
    } else if (sent && cleared && cleared->kind == EventKind::Xsaves && sent->t < cleared->t) {
        o << ": the " << what << " sent at " << sent->t << " ns arrived " << (s.t - cleared->t)
          << " ns after " << sc.taskName(cleared->task)
          << " was switched out (XSAVES cleared UINV)";
    } else if (sent && cleared && cleared->kind == EventKind::Xsaves) {
        // Sent after the save: SN was clear (no-sn, or a sleeper), so SENDUIPI notified the CPU
        // NDST still named, where UINV was already 0.
        o << ": the " << what << " was sent at " << sent->t << " ns, after "
          << sc.taskName(cleared->task) << " had left CPU " << cleared->cpu << " at " << cleared->t
          << " ns; SN was clear, so it went to the stale NDST, where XSAVES had"
          << " cleared UINV";
    } else if (sent && cleared && cleared->kind == EventKind::HandlerUnregistered) {
        o << ": the " << what << " sent at " << sent->t << " ns found UINV = 0, zeroed by "
          << sc.taskName(cleared->task) << "'s uintr_unregister_handler at " << cleared->t << " ns";
    } else if (sent) {
        o << ": vector " << s.vector << " did not match UINV " << s.value;
    }
    const int receiver = arrival ? receiverOf(trace, *arrival) : -1;
    if (receiver >= 0) {
        for (std::size_t j = index + 1; j < trace.events.size(); ++j) {
            const TraceEvent& d = trace.events[j];
            if (d.kind == EventKind::UserInterruptDelivered && d.task == receiver) {
                o << "; delivered to " << sc.taskName(receiver) << " at " << d.t
                  << " ns after it ran again";
                return o.str() + ".";
            }
        }
        o << "; " << sc.taskName(receiver) << " never got it before the end";
    }
    return o.str() + ".";
}
} // namespace

std::vector<std::string> verdict(const scenario::Scenario& sc, const model::Trace& trace,
                                 const sim::RunSummary& summary) {
    std::vector<std::string> out;
    // A storm repeats one explanation: the first few say why, one line counts the rest.
    constexpr std::size_t kExplained = 3;
    // One pass over the trace for what the sentences below need (a drag asks on every frame).
    std::vector<std::size_t> explained;
    std::size_t spurious = 0;
    std::int64_t lastSpurious = 0;
    std::vector<const model::TraceEvent*> lostOffline;
    std::vector<char> suppressedByOn(sc.tasks.size(), 0);
    const model::TraceEvent* firstSnSuppression = nullptr;
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const TraceEvent& e = trace.events[i];
        if (e.kind == EventKind::SpuriousNotification) {
            if (spurious++ < kExplained) explained.push_back(i);
            lastSpurious = e.t;
        } else if (e.kind == EventKind::IpiLost &&
                   e.reason == static_cast<int>(model::IpiLostReason::Offline)) {
            lostOffline.push_back(&e);
        } else if (e.kind == EventKind::IpiSuppressed) {
            // v1's uintr_wait sleeps without looking at ON: a notification already in flight
            // keeps ON set, and every later SENDUIPI is suppressed by it (uintr-reference.md §5).
            if (e.reason == static_cast<int>(model::SuppressReason::On) && e.other >= 0 &&
                static_cast<std::size_t>(e.other) < suppressedByOn.size())
                suppressedByOn[static_cast<std::size_t>(e.other)] = 1;
            if (e.reason == 0 && !firstSnSuppression) firstSnSuppression = &e;
        }
    }
    for (const std::size_t i : explained)
        out.push_back(spuriousSentence(sc, trace, i));
    if (spurious > kExplained)
        out.push_back("… and " + std::to_string(spurious - kExplained) +
                      " more spurious notifications, the last at " + std::to_string(lastSpurious) +
                      " ns: a storm (UIS " + std::to_string(spurious) + ").");
    if (summary.stopReason == sim::StopReason::Horizon ||
        summary.stopReason == sim::StopReason::EndNs)
        out.push_back(std::string("The run stopped at ") + std::to_string(summary.stoppedAt) +
                      " ns (" + sim::toString(summary.stopReason) + ") with events still due.");
    for (const auto& l : summary.lost)
        out.push_back("Vector " + std::to_string(l.vector) + " of " + sc.taskName(l.task) +
                      " was lost at " + std::to_string(l.t) + " ns (" + l.cause + ").");
    for (const auto* e : lostOffline)
        out.push_back("The IPI to CPU " + std::to_string(e->cpu) + " at " + std::to_string(e->t) +
                      " ns was lost: the CPU is offline.");
    for (int task : summary.blockedAtEnd) {
        const bool byOn = task >= 0 && static_cast<std::size_t>(task) < suppressedByOn.size() &&
                          suppressedByOn[static_cast<std::size_t>(task)];
        out.push_back(sc.taskName(task) + " still sleeps in uintr_wait: never woken" +
                      (byOn ? " (UPID.ON stayed set, so later SENDUIPIs sent no IPI)" : "") + ".");
    }
    if (spurious == 0) {
        std::ostringstream o;
        o << "No spurious notification: " << summary.userInterrupts.size()
          << " user interrupt(s) delivered";
        if (firstSnSuppression)
            o << "; SENDUIPI at " << firstSnSuppression->t << " ns found SN set, so no IPI left"
              << " the core and the post waited in PIR";
        out.push_back(o.str() + ".");
    }
    std::size_t stillPending = 0;
    for (const auto& p : summary.pendingAtEnd)
        stillPending += (p.pir || p.uirr) ? 1 : 0;
    if (stillPending)
        out.push_back(std::to_string(stillPending) +
                      " receiver(s) still hold posted or requested vectors at the end.");
    if (summary.faults) out.push_back(std::to_string(summary.faults) + " fault(s): see the trace.");
    return out;
}

} // namespace uintr::analysis
