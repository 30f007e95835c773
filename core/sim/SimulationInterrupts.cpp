// The receiving CPU (uintr-reference.md §3, §7): an IPI reaches the local APIC, the core takes
// the highest deliverable vector — a user-interrupt notification when it equals UINV, else the
// kernel's IDT handler — and a pending user interrupt is delivered when recognised.
#include "sim/Simulation.h"

#include <algorithm>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

void Simulation::arrive(int cpu, std::uint8_t vector, int cause) {
    CpuState& c = machine_.cpus[cpu];
    if (!c.online) {
        // scenario-format.md "CPU entries": an IPI whose target is offline is lost.
        record(TraceEvent::ipiLost(cpu, vector, c.lp.apicId, IpiLostReason::Offline, cause));
        return;
    }
    c.lp.apic.accept(vector);
    const int id = record(TraceEvent::ipiArrived(cpu, c.task, vector, cause));
    // While the kernel's IDT handler runs, the vector waits in IRR (a second arrival of the same
    // vector merges into it) until the handler returns.
    if (!c.inIrq) dispatchInterrupts(cpu, id);
}

void Simulation::dispatchInterrupts(int cpu, int cause) {
    CpuState& c = machine_.cpus[cpu];
    int last = cause;
    while (!c.inIrq) {
        const auto vector = c.lp.apic.deliverable();
        if (!vector) break;
        c.lp.apic.acknowledge(*vector);
        if (c.lp.isUserNotification(*vector))
            last = processNotification(cpu, *vector, cause);
        else
            last = kernel().handleIdtVector(cpu, *vector, cause);
    }
    tryDeliver(cpu, last);
}

// §3 notification processing, at any CPL. The moved bits belong to the task whose UPID PD
// names; if the registers hold a saved state (only with machine.xsaves_clears_uinv = false)
// they sit in a UIRR no task will load: orphans, lost at the next XRSTORS here.
int Simulation::processNotification(int cpu, std::uint8_t vector, int cause) {
    CpuState& c = machine_.cpus[cpu];
    const int owner = machine_.taskOwningUpid(c.lp.msrs.pd);
    const std::uint64_t before = c.lp.msrs.rr;
    const auto r = c.lp.processNotification(machine_.memory);
    if (!r.ok()) {
        const TraceEvent at = TraceEvent::notificationProcessed(cpu, owner, vector, 0, cause);
        return record(TraceEvent::fault(at, r.fault(), cause));
    }
    const std::uint64_t moved = r.value().movedToUirr;
    const int id = record(TraceEvent::notificationProcessed(cpu, owner, vector, moved, cause));
    if (owner < 0) return id;
    TaskState& o = machine_.tasks[owner];
    // A bit already requested in UIRR merges with the one moved onto it.
    o.vectors.coalesced += static_cast<std::uint64_t>(popcount(moved & before));
    const std::uint64_t fresh = moved & ~before;
    const bool live = c.task == owner && !o.stateSaved;
    if (!live && fresh != 0) {
        c.orphanUirr |= fresh;
        c.orphanOwner = owner;
    }
    for (unsigned v = 0; v < 64; ++v)
        if (fresh >> v & 1) o.uirrCause[v] = id;
    return id;
}

// §3 recognition and delivery, for the task in user mode on this CPU.
void Simulation::tryDeliver(int cpu, int cause) {
    CpuState& c = machine_.cpus[cpu];
    if (c.task < 0 || c.switching || c.inIrq) return;
    TaskState& t = machine_.tasks[c.task];
    if (t.inHandler || t.inKernel || t.stateSaved || !c.lp.userInterruptRecognized()) return;
    const auto r = c.lp.deliver(machine_.memory);
    if (!r.ok()) {
        record(TraceEvent::fault(
            TraceEvent::make(EventKind::UserInterruptDelivered, cpu, c.task, cause), r.fault(),
            cause));
        return;
    }
    const std::uint8_t vector = r.value().vector;
    const int id = record(
        TraceEvent::delivered(cpu, c.task, vector, c.lp.msrs.rr, t.uirrCause[vector], cause));
    ++machine_.counters.delivered;
    ++t.vectors.delivered;
    if (t.postedAt[vector] >= 0) {
        const std::int64_t delay = now_ - t.postedAt[vector];
        Counters& n = machine_.counters;
        if (n.minDeliveryDelayNs < 0 || delay < n.minDeliveryDelayNs) n.minDeliveryDelayNs = delay;
        n.maxDeliveryDelayNs = std::max(n.maxDeliveryDelayNs, delay);
        t.postedAt[vector] = -1;
    }
    t.uirrCause[vector] = -1;
    t.inHandler = true;
    t.uiretDue = false;
    t.handlerVector = vector;
    t.handlerEvent = id;
    t.handlerEndsAt = now_ + scenario_->kernel.handlerNs;
    push({t.handlerEndsAt, 0, HwKind::HandlerReturn, cpu, c.task, -1, t.handlerGeneration, id});
}

void Simulation::handlerReturn(int task, std::uint32_t generation) {
    TaskState& t = machine_.tasks[task];
    if (generation != t.handlerGeneration || t.status != TaskStatus::Running || !t.inHandler)
        return; // the handler was preempted; its resumption was scheduled anew
    const int cpu = t.cpu;
    if (machine_.cpus[cpu].inIrq) {
        t.uiretDue = true; // UIRET after the kernel's IDT handler returns to the user handler
        return;
    }
    t.uiretDue = false;
    arch::LogicalProcessor& lp = machine_.cpus[cpu].lp;
    lp.rsp += 8; // the handler pops the vector before UIRET (§3)
    const TraceEvent ev = TraceEvent::uiret(cpu, task, t.handlerVector, t.handlerEvent);
    int id;
    if (auto f = lp.uiret(machine_.memory))
        id = record(TraceEvent::fault(ev, *f, t.handlerEvent));
    else
        id = record(ev);
    t.inHandler = false;
    t.handlerVector = -1;
    tryDeliver(cpu, id);
    if (!t.inHandler) runDeferredOps(task, id);
}

void Simulation::taskResumed(int task, int cause) {
    TaskState& t = machine_.tasks[task];
    if (t.inHandler && t.handlerSuspended) {
        t.handlerSuspended = false;
        t.handlerEndsAt = now_ + t.handlerRemaining;
        push({t.handlerEndsAt, 0, HwKind::HandlerReturn, t.cpu, task, -1, t.handlerGeneration,
              t.handlerEvent});
        return;
    }
    if (t.inHandler) return; // delivered on the way back (a self-IPI taken at once)
    tryDeliver(t.cpu, cause);
    runDeferredOps(task, cause);
}

// Back in user mode after the IDT handler: the user handler goes on (its UIRET, if it came due
// meanwhile, happens now), else delivery and the waiting ops.
void Simulation::resumeAfterInterrupt(int task, int cause) {
    TaskState& t = machine_.tasks[task];
    if (t.inHandler) {
        if (t.uiretDue) handlerReturn(task, t.handlerGeneration);
        return;
    }
    tryDeliver(t.cpu, cause);
    runDeferredOps(task, cause);
}

} // namespace uintr::sim
