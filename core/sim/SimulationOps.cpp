// Task operations of the timeline (scenario-format.md "Operations"): the user-interrupt
// instructions, executed by the CPU, and the syscalls and kernel paths, handed to the kernel.
// An operation whose task cannot run it now waits, and the trace says why.
#include "sim/Simulation.h"

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes
using scenario::OpKind;
using scenario::TimelineEntry;

bool Simulation::taskCanRunOps(int task, DeferReason* why) const {
    const TaskState& t = machine_.tasks[task];
    if (t.status == TaskStatus::SwitchingIn) {
        *why = DeferReason::InSwitch;
        return false;
    }
    if (t.status != TaskStatus::Running) {
        *why = DeferReason::NotRunning;
        return false;
    }
    if (t.inHandler) {
        *why = DeferReason::InHandler;
        return false;
    }
    if (t.inKernel) {
        *why = DeferReason::InKernel;
        return false;
    }
    if (machine_.cpus[t.cpu].inIrq) {
        *why = DeferReason::InIrq;
        return false;
    }
    return true;
}

void Simulation::executeOp(int entry, bool deferred, int cause) {
    const TimelineEntry& e = scenario_->timeline[entry];
    const int task = e.task;
    DeferReason why{};
    if (!taskCanRunOps(task, &why)) {
        if (!deferred) {
            record(TraceEvent::opDeferred(machine_.tasks[task].cpu, task, entry,
                                          static_cast<int>(e.op), why));
            machine_.tasks[task].deferred.push_back(entry);
        }
        return;
    }
    const int cpu = machine_.tasks[task].cpu;
    arch::LogicalProcessor& lp = machine_.cpus[cpu].lp;
    // The instruction's own event, as the trace shows it when it does not fault.
    auto instruction = [&](EventKind kind) {
        TraceEvent ev = TraceEvent::make(kind, cpu, task, cause);
        ev.entry = entry;
        ev.op = static_cast<std::int16_t>(e.op);
        if (deferred) ev.flags = kFlagDeferred;
        return ev;
    };
    // A faulting instruction did not execute: only the fault is recorded.
    auto fault = [&](EventKind kind, const arch::Fault& f) {
        record(TraceEvent::fault(instruction(kind), f, cause));
    };
    switch (e.op) {
    case OpKind::SendUipi: {
        TraceEvent ev = instruction(EventKind::SendUipi);
        ev.value = e.uittIndex;
        const auto result = lp.senduipi(e.uittIndex, machine_.memory);
        if (result.ok()) ev.vector = result.value().userVector;
        const int id = record(ev);
        if (!result.ok()) {
            record(TraceEvent::fault(ev, result.fault(), id));
            return;
        }
        postAndNotify(cpu, task, result.value(), id);
        return;
    }
    case OpKind::Stui:
        if (auto f = lp.stui()) return fault(EventKind::Stui, *f);
        tryDeliver(cpu, record(instruction(EventKind::Stui)));
        return;
    case OpKind::Clui:
        if (auto f = lp.clui()) return fault(EventKind::Clui, *f);
        record(instruction(EventKind::Clui));
        return;
    case OpKind::Testui: {
        const auto r = lp.testui();
        if (!r.ok()) return fault(EventKind::Testui, r.fault());
        TraceEvent ev = instruction(EventKind::Testui);
        if (r.value().cf) ev.flags |= kFlagCf;
        record(ev);
        return;
    }
    case OpKind::UintrWait:
        tryDeliver(cpu, kernel().uintrWait(task, entry, cause));
        return;
    case OpKind::Exit:
        kernel().exitTask(task, entry, cause);
        return;
    case OpKind::Syscall:
    case OpKind::KernelFpu:
        kernel().enterKernel(task, e.op, e.durationNs, entry, cause);
        return;
    case OpKind::UnregisterSender:
        tryDeliver(cpu, kernel().unregisterSender(task, e.uittIndex, entry, cause));
        return;
    case OpKind::UnregisterHandler:
        tryDeliver(cpu, kernel().unregisterHandler(task, entry, cause));
        return;
    }
}

// The outcome of a SENDUIPI that did not fault (§2.4-2.5): the post, then the IPI or the reason
// there is none.
void Simulation::postAndNotify(int cpu, int sender, const arch::SendUipiOutcome& out,
                               int sendEvent) {
    const int receiver = machine_.taskOwningUpid(out.upidAddress);
    const int postId = record(
        TraceEvent::pirPosted(cpu, receiver, sender, out.userVector, out.upidAfter.pir, sendEvent));
    if (receiver >= 0) {
        TaskState& r = machine_.tasks[receiver];
        ++r.vectors.posted;
        if (r.postedAt[out.userVector] < 0) r.postedAt[out.userVector] = now_;
        // PIR is a bitmap: a post into a bit already set becomes one interrupt with it.
        if (out.upidBefore.pir >> out.userVector & 1)
            ++r.vectors.coalesced;
        else
            r.pirCause[out.userVector] = postId;
    }
    if (!out.notify) {
        record(TraceEvent::ipiSuppressed(
            cpu, sender, receiver, out.notificationVector,
            out.suppression == arch::Suppression::BySn ? SuppressReason::Sn : SuppressReason::On,
            postId));
        return;
    }
    const bool xapic = machine_.cpus[cpu].lp.apicMode == arch::ApicMode::XApic;
    const auto targets = machine_.cpusForApicId(out.destinationApicId, xapic);
    const int id =
        record(TraceEvent::ipiSent(cpu, sender, targets.size() == 1 ? targets[0] : -1,
                                   out.notificationVector, out.upidAfter.ndst(), postId));
    ++machine_.counters.ipisSent;
    // Through the interconnect, also to the sender's own CPU (scenario-format.md).
    const std::int64_t latency = scenario_->machine.ipiLatencyNs;
    if (targets.empty()) {
        record(TraceEvent::ipiLost(cpu, out.notificationVector, out.destinationApicId,
                                   IpiLostReason::NoSuchApic, id));
        return;
    }
    for (int target : targets)
        push({now_ + latency, 0, HwKind::IpiArrival, target, -1,
              static_cast<std::int16_t>(out.notificationVector), 0, id});
}

void Simulation::runDeferredOps(int task, int cause) {
    TaskState& t = machine_.tasks[task];
    DeferReason why{};
    std::size_t done = 0;
    while (done < t.deferred.size() && taskCanRunOps(task, &why)) {
        const int entry = t.deferred[done++];
        executeOp(entry, true, cause);
    }
    // executeOp may have ended the task's run (wait, exit) but never adds to its own list.
    t.deferred.erase(t.deferred.begin(), t.deferred.begin() + static_cast<long>(done));
}

} // namespace uintr::sim
