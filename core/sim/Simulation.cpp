#include "sim/Simulation.h"

#include "kernel/LinuxKernel.h"

#include <algorithm>

namespace uintr::sim {

using scenario::OpKind;
using scenario::TimelineEntry;

Simulation::Simulation(const scenario::Scenario& scenario) : scenario_(&scenario) {
    auto order = std::make_shared<std::vector<int>>(scenario.timeline.size());
    for (std::size_t i = 0; i < order->size(); ++i)
        (*order)[i] = static_cast<int>(i);
    std::stable_sort(order->begin(), order->end(), [&](int a, int b) {
        return scenario.timeline[a].at < scenario.timeline[b].at;
    });
    order_ = std::move(order);
    heap_.reserve(64);
    kernel::LinuxKernel(*this).registerTasks();
}

bool Simulation::finished() const {
    return heap_.empty() && nextEntry_ >= order_->size();
}

void Simulation::run() {
    while (step()) {
    }
}

bool Simulation::step() {
    if (finished()) return false;
    if (steps_ >= kStepLimit) {
        hitStepLimit_ = true;
        return false;
    }
    ++steps_;
    const bool haveEntry = nextEntry_ < order_->size();
    const std::int64_t entryAt =
        haveEntry ? scenario_->timeline[(*order_)[nextEntry_]].at : INT64_MAX;
    // Hardware events of an instant come before the timeline entries of that instant.
    if (!heap_.empty() && heap_.front().t <= entryAt) {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        const HwEvent e = heap_.back();
        heap_.pop_back();
        now_ = e.t;
        handleHardware(e);
    } else {
        now_ = entryAt;
        handleEntry((*order_)[nextEntry_++]);
    }
    return true;
}

int Simulation::record(TraceEvent event) {
    event.t = now_;
    event.step = steps_;
    if (trace_) trace_->events.push_back(event);
    return eventCount_++;
}

void Simulation::push(HwEvent e) {
    e.seq = nextSeq_++; // the order in which they were caused
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), later);
}

void Simulation::sendIpi(int fromCpu, std::uint32_t apicId, std::uint8_t vector, int cause) {
    const int target = machine_.cpuWithApicId(apicId);
    if (target < 0) {
        TraceEvent lost;
        lost.kind = EventKind::IpiLost;
        lost.cpu = fromCpu;
        lost.vector = vector;
        lost.value = apicId;
        lost.cause = cause;
        record(lost);
        return;
    }
    push({now_ + scenario_->machine.ipiLatencyNs, 0, HwKind::IpiArrival, target, -1,
          static_cast<std::int16_t>(vector), 0, cause});
}

void Simulation::scheduleSwitchComplete(int cpu, std::int64_t at) {
    push({at, 0, HwKind::SwitchComplete, cpu, -1, -1, 0, -1});
}

void Simulation::handleHardware(const HwEvent& e) {
    switch (e.kind) {
    case HwKind::IpiArrival: {
        CpuState& c = machine_.cpus[e.cpu];
        c.lp.apic.accept(static_cast<std::uint8_t>(e.vector));
        TraceEvent arrived;
        arrived.kind = EventKind::IpiArrived;
        arrived.cpu = e.cpu;
        arrived.task = c.task;
        arrived.vector = e.vector;
        arrived.cause = e.cause;
        dispatchInterrupts(e.cpu, record(arrived));
        break;
    }
    case HwKind::HandlerReturn:
        handlerReturn(e.task, e.generation);
        break;
    case HwKind::SwitchComplete: {
        kernel::LinuxKernel(*this).finishSwitch(e.cpu);
        // Switches that arrived while this one was in progress, in their order. Once one of them
        // starts a new switch the rest keep waiting: the trace already said so (one op_deferred).
        std::vector<int> waiting;
        waiting.swap(machine_.cpus[e.cpu].pendingSwitches);
        for (std::size_t i = 0; i < waiting.size(); ++i) {
            if (machine_.cpus[e.cpu].switching) {
                auto& queue = machine_.cpus[e.cpu].pendingSwitches;
                queue.insert(queue.begin(), waiting.begin() + static_cast<long>(i), waiting.end());
                break;
            }
            handleContextSwitch(waiting[i], -1);
        }
        break;
    }
    }
}

void Simulation::handleEntry(int entry) {
    const TimelineEntry& e = scenario_->timeline[entry];
    if (e.kind == TimelineEntry::Kind::ContextSwitch)
        handleContextSwitch(entry, -1);
    else
        executeOp(entry, false, -1);
}

void Simulation::handleContextSwitch(int entry, int cause) {
    const TimelineEntry& e = scenario_->timeline[entry];
    CpuState& c = machine_.cpus[e.cpu];
    if (c.switching) {
        // The CPU is inside the kernel's switch: this one follows when it completes.
        TraceEvent wait;
        wait.kind = EventKind::OpDeferred;
        wait.cpu = e.cpu;
        wait.task = e.runTask;
        wait.entry = entry;
        wait.reason = static_cast<std::uint8_t>(DeferReason::InSwitch);
        record(wait);
        c.pendingSwitches.push_back(entry);
        return;
    }
    const int next = e.runTask;
    auto ignore = [&](IgnoreReason why) {
        TraceEvent ev;
        ev.kind = EventKind::SwitchIgnored;
        ev.cpu = e.cpu;
        ev.task = next;
        ev.entry = entry;
        ev.cause = cause;
        ev.reason = static_cast<std::uint8_t>(why);
        record(ev);
    };
    if (next == -1 && c.task == -1) return ignore(IgnoreReason::AlreadyIdle);
    if (next != -1) {
        const TaskState& t = machine_.tasks[next];
        if (next == c.task) return ignore(IgnoreReason::AlreadyRunning);
        if (t.status == TaskStatus::Blocked) return ignore(IgnoreReason::Blocked);
        if (t.status == TaskStatus::Exited) return ignore(IgnoreReason::Exited);
        if (t.status == TaskStatus::Running || t.status == TaskStatus::SwitchingIn)
            return ignore(IgnoreReason::RunningElsewhere);
    }
    TraceEvent sw;
    sw.kind = EventKind::ContextSwitch;
    sw.cpu = e.cpu;
    sw.task = next;
    sw.other = c.task;
    sw.entry = entry;
    sw.cause = cause;
    const bool initial = now_ == 0 && !c.everUsed && c.task == -1 && next != -1;
    if (initial) sw.flags = kFlagInitial;
    const int id = record(sw);
    kernel::LinuxKernel k(*this);
    if (initial)
        k.placeInitially(e.cpu, next, id);
    else
        k.contextSwitch(e.cpu, next, id);
}

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
    return true;
}

void Simulation::executeOp(int entry, bool deferred, int cause) {
    const TimelineEntry& e = scenario_->timeline[entry];
    const int task = e.task;
    DeferReason why{};
    if (!taskCanRunOps(task, &why)) {
        if (!deferred) {
            TraceEvent wait;
            wait.kind = EventKind::OpDeferred;
            wait.cpu = machine_.tasks[task].cpu;
            wait.task = task;
            wait.entry = entry;
            wait.op = static_cast<std::int16_t>(e.op);
            wait.reason = static_cast<std::uint8_t>(why);
            record(wait);
            machine_.tasks[task].deferred.push_back(entry);
        }
        return;
    }
    const int cpu = machine_.tasks[task].cpu;
    arch::LogicalProcessor& lp = machine_.cpus[cpu].lp;
    TraceEvent ev;
    ev.cpu = cpu;
    ev.task = task;
    ev.entry = entry;
    ev.cause = cause;
    ev.op = static_cast<std::int16_t>(e.op);
    if (deferred) ev.flags = kFlagDeferred;
    auto fault = [&](const arch::Fault& f, int opEvent) {
        ++machine_.counters.faults;
        TraceEvent fe = ev;
        setFault(fe, f);
        fe.value = e.uittIndex;
        fe.cause = opEvent;
        fe.flags = 0;
        record(fe);
    };
    switch (e.op) {
    case OpKind::SendUipi: {
        ev.kind = EventKind::SendUipi;
        ev.value = e.uittIndex;
        const auto result = lp.senduipi(e.uittIndex, machine_.memory);
        if (result.ok()) ev.vector = result.value().userVector;
        const int id = record(ev);
        if (!result.ok()) return fault(result.fault(), id);
        postAndNotify(cpu, task, result.value(), id);
        return;
    }
    case OpKind::Stui: {
        ev.kind = EventKind::Stui;
        if (auto f = lp.stui()) return fault(*f, record(ev));
        tryDeliver(cpu, record(ev));
        return;
    }
    case OpKind::Clui: {
        ev.kind = EventKind::Clui;
        if (auto f = lp.clui()) return fault(*f, record(ev));
        record(ev);
        return;
    }
    case OpKind::Testui: {
        ev.kind = EventKind::Testui;
        const auto r = lp.testui();
        if (!r.ok()) return fault(r.fault(), record(ev));
        if (r.value().cf) ev.flags |= kFlagCf;
        record(ev);
        return;
    }
    case OpKind::UintrWait:
        kernel::LinuxKernel(*this).uintrWait(task, cause);
        return;
    case OpKind::Exit:
        kernel::LinuxKernel(*this).exitTask(task, cause);
        return;
    }
}

// The outcome of a SENDUIPI that did not fault (§2.4-2.5): the post, then the IPI or the reason
// there is none.
void Simulation::postAndNotify(int cpu, int sender, const arch::SendUipiOutcome& out,
                               int sendEvent) {
    const int receiver = machine_.taskOwningUpid(out.upidAddress);
    TraceEvent posted;
    posted.kind = EventKind::PirPosted;
    posted.cpu = cpu;
    posted.task = receiver;
    posted.other = sender;
    posted.vector = out.userVector;
    posted.value = out.upidAfter.pir;
    posted.cause = sendEvent;
    const int postId = record(posted);
    if (receiver >= 0) {
        TaskState& r = machine_.tasks[receiver];
        r.pirCause[out.userVector] = postId;
        if (r.postedAt[out.userVector] < 0) r.postedAt[out.userVector] = now_;
    }

    TraceEvent ev;
    ev.cpu = cpu;
    ev.task = sender;
    ev.other = receiver;
    ev.cause = postId;
    if (!out.notify) {
        ev.kind = EventKind::IpiSuppressed;
        ev.reason = static_cast<std::uint8_t>(
            out.suppression == arch::Suppression::BySn ? SuppressReason::Sn : SuppressReason::On);
        ev.vector = out.notificationVector;
        record(ev);
        return;
    }
    ev.kind = EventKind::IpiSent;
    ev.vector = out.notificationVector;
    ev.value = out.upidAfter.ndst();
    ev.other = machine_.cpuWithApicId(out.destinationApicId);
    ++machine_.counters.ipisSent;
    sendIpi(cpu, out.destinationApicId, out.notificationVector, record(ev));
}

void Simulation::dispatchInterrupts(int cpu, int cause) {
    CpuState& c = machine_.cpus[cpu];
    int last = cause;
    while (auto vector = c.lp.apic.deliverable()) {
        c.lp.apic.acknowledge(*vector);
        if (c.lp.isUserNotification(*vector)) {
            const int owner = machine_.taskOwningUpid(c.lp.msrs.pd);
            const auto r = c.lp.processNotification(machine_.memory);
            TraceEvent ev;
            ev.cpu = cpu;
            ev.task = owner;
            ev.cause = cause;
            ev.vector = *vector;
            if (!r.ok()) {
                setFault(ev, r.fault());
                last = record(ev);
                continue;
            }
            ev.kind = EventKind::NotificationProcessed;
            ev.value = r.value().movedToUirr;
            last = record(ev);
            if (owner >= 0)
                for (unsigned v = 0; v < 64; ++v)
                    if (ev.value >> v & 1) machine_.tasks[owner].uirrCause[v] = last;
        } else {
            kernel::LinuxKernel(*this).handleIdtVector(cpu, *vector, cause);
            last = eventCount_ - 1;
        }
    }
    tryDeliver(cpu, last);
}

// §3 recognition and delivery on a CPU whose running task is not already in its handler.
void Simulation::tryDeliver(int cpu, int cause) {
    CpuState& c = machine_.cpus[cpu];
    if (c.task < 0 || c.switching) return;
    TaskState& t = machine_.tasks[c.task];
    if (t.inHandler || !c.lp.userInterruptRecognized()) return;
    const auto r = c.lp.deliver(machine_.memory);
    TraceEvent ev;
    ev.cpu = cpu;
    ev.task = c.task;
    if (!r.ok()) {
        ++machine_.counters.faults;
        setFault(ev, r.fault());
        ev.cause = cause;
        record(ev);
        return;
    }
    const std::uint8_t vector = r.value().vector;
    ev.kind = EventKind::UserInterruptDelivered;
    ev.vector = vector;
    ev.cause = t.uirrCause[vector];
    ev.cause2 = cause;
    ev.value = c.lp.msrs.rr; // what is still requested after this one
    const int id = record(ev);
    ++machine_.counters.delivered;
    if (t.postedAt[vector] >= 0) {
        const std::int64_t delay = now_ - t.postedAt[vector];
        Counters& n = machine_.counters;
        if (n.minDeliveryDelayNs < 0 || delay < n.minDeliveryDelayNs) n.minDeliveryDelayNs = delay;
        n.maxDeliveryDelayNs = std::max(n.maxDeliveryDelayNs, delay);
        t.postedAt[vector] = -1;
    }
    t.uirrCause[vector] = -1;
    t.inHandler = true;
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
    arch::LogicalProcessor& lp = machine_.cpus[cpu].lp;
    lp.rsp += 8; // the handler pops the vector before UIRET (§3)
    TraceEvent ev;
    ev.cpu = cpu;
    ev.task = task;
    ev.vector = t.handlerVector;
    ev.cause = t.handlerEvent;
    ev.kind = EventKind::Uiret;
    if (auto f = lp.uiret(machine_.memory)) setFault(ev, *f);
    const int id = record(ev);
    t.inHandler = false;
    t.handlerVector = -1;
    tryDeliver(cpu, id);
    if (!t.inHandler) runDeferredOps(task, id);
}

void Simulation::taskResumed(int task, int cause) {
    TaskState& t = machine_.tasks[task];
    if (t.inHandler) {
        t.handlerEndsAt = now_ + t.handlerRemaining;
        push({t.handlerEndsAt, 0, HwKind::HandlerReturn, t.cpu, task, -1, t.handlerGeneration,
              t.handlerEvent});
        return;
    }
    tryDeliver(t.cpu, cause);
    runDeferredOps(task, cause);
}

void Simulation::runDeferredOps(int task, int cause) {
    TaskState& t = machine_.tasks[task];
    DeferReason why{};
    std::size_t done = 0;
    while (done < t.deferred.size() && taskCanRunOps(task, &why)) {
        const int entry = t.deferred[done++];
        executeOp(entry, true, cause);
    }
    t.deferred.erase(t.deferred.begin(), t.deferred.begin() + static_cast<long>(done));
}

std::vector<PendingVectors> Simulation::pending() const {
    std::vector<PendingVectors> out;
    for (std::size_t i = 0; i < machine_.tasks.size(); ++i) {
        const TaskState& t = machine_.tasks[i];
        if (!t.receiver) continue;
        PendingVectors p;
        p.task = static_cast<int>(i);
        if (auto u = arch::Upid::load(machine_.memory, t.upid)) p.pir = u->pir;
        p.uirr = machine_.uirrOf(p.task);
        out.push_back(p);
    }
    return out;
}

std::vector<Simulation::InFlight> Simulation::inFlight() const {
    std::vector<InFlight> out;
    for (const HwEvent& e : heap_)
        if (e.kind == HwKind::IpiArrival)
            out.push_back({e.t, e.cpu, static_cast<std::uint8_t>(e.vector)});
    std::sort(out.begin(), out.end(), [](const InFlight& a, const InFlight& b) {
        return a.arrival != b.arrival ? a.arrival < b.arrival : a.cpu < b.cpu;
    });
    return out;
}

} // namespace uintr::sim
