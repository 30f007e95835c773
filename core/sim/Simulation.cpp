#include "sim/Simulation.h"

#include <algorithm>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes
using scenario::TimelineEntry;

const char* toString(StopReason r) {
    switch (r) {
    case StopReason::Running:
        return "running";
    case StopReason::Idle:
        return "idle";
    case StopReason::EndNs:
        return "end_ns";
    case StopReason::Horizon:
        return "horizon";
    }
    return "?";
}

Simulation::EntryOrder Simulation::entryOrder(const scenario::Scenario& scenario) {
    auto order = std::make_shared<std::vector<int>>(scenario.timeline.size());
    for (std::size_t i = 0; i < order->size(); ++i)
        (*order)[i] = static_cast<int>(i);
    std::stable_sort(order->begin(), order->end(), [&](int a, int b) {
        return scenario.timeline[a].at < scenario.timeline[b].at;
    });
    return order;
}

Simulation::Simulation(const scenario::Scenario& scenario)
    : scenario_(&scenario), order_(entryOrder(scenario)), stopTime_(scenario.stopTime()) {
    heap_.reserve(64);
    kernel().registerTasks();
}

void Simulation::rebind(const scenario::Scenario& scenario, EntryOrder order) {
    // The first nextEntry_ entries of both orders are the same: all of them are at or before
    // now(), and every entry that moved is later than now() in both timelines. The stop time
    // follows the timeline (its horizon is the last entry + 100 µs when end_ns is not given).
    scenario_ = &scenario;
    order_ = std::move(order);
    stopTime_ = scenario.stopTime();
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
    const std::int64_t next = heap_.empty() ? entryAt : std::min(heap_.front().t, entryAt);
    // scenario-format.md `end_ns`: events at or before the stop time run, then the run ends,
    // early when nothing is left (the last step accounts for what the end destroys).
    if (!haveEntry && heap_.empty()) {
        stop(StopReason::Idle, lastEventAt_);
        return true;
    }
    if (next > stopTime_) {
        stop(scenario_->endNs ? StopReason::EndNs : StopReason::Horizon, stopTime_);
        return true;
    }
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

// The end of time destroys what only the live registers held: vectors orphaned in a UIRR
// (machine.xsaves_clears_uinv = false) that no XRSTORS overwrote (cli.md summary.lost).
void Simulation::stop(StopReason why, std::int64_t at) {
    stopReason_ = why;
    // The losses of the end happen at the stop: the stop time, or for an idle run the last
    // event's (a stale timer may have moved the clock past it without recording anything).
    const std::int64_t clock = now_;
    now_ = why == StopReason::Idle ? lastEventAt_ : at;
    stoppedAt_ = now_;
    for (std::size_t cpu = 0; cpu < machine_.cpus.size(); ++cpu) {
        CpuState& c = machine_.cpus[cpu];
        if (c.orphanUirr == 0 || c.orphanOwner < 0) continue;
        TaskState& owner = machine_.tasks[c.orphanOwner];
        for (unsigned v = 0; v < 64; ++v) {
            if (!(c.orphanUirr >> v & 1)) continue;
            ++owner.vectors.lost;
            record(TraceEvent::vectorLost(static_cast<int>(cpu), c.orphanOwner, static_cast<int>(v),
                                          owner.uirrCause[v], -1, true));
        }
        c.orphanUirr = 0;
        c.orphanOwner = -1;
    }
    now_ = std::max(clock, now_); // the clock never runs back for the steps that follow
}

int Simulation::record(TraceEvent event) {
    event.t = now_;
    event.step = steps_;
    // Faults are counted where they are recorded, whoever records them (cli.md summary.faults).
    if (event.kind == EventKind::Fault) ++machine_.counters.faults;
    lastEventAt_ = now_;
    if (trace_) trace_->events.push_back(event);
    if (eventCount_ == snapshotAt_ && snapshot_) *snapshot_ = machine_;
    return eventCount_++;
}

bool Simulation::printsUisLine() const {
    return const_cast<Simulation*>(this)->kernel().printsUisLine();
}

void Simulation::push(HwEvent e) {
    e.seq = nextSeq_++; // the order in which they were caused
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), later);
}

void Simulation::sendIpi(int fromCpu, std::uint32_t apicId, std::uint8_t vector, int cause,
                         std::int64_t latencyNs) {
    const bool xapic = machine_.cpus[fromCpu].lp.apicMode == arch::ApicMode::XApic;
    const std::vector<int> targets = machine_.cpusForApicId(apicId, xapic);
    if (targets.empty()) {
        record(TraceEvent::ipiLost(fromCpu, vector, apicId, IpiLostReason::NoSuchApic, cause));
        return;
    }
    for (int target : targets) {
        if (latencyNs == 0 && target == fromCpu)
            arrive(target, vector, cause); // taken before the next user instruction
        else
            push({now_ + latencyNs, 0, HwKind::IpiArrival, target, -1,
                  static_cast<std::int16_t>(vector), 0, cause});
    }
}

void Simulation::scheduleSwitchComplete(int cpu, std::int64_t at) {
    push({at, 0, HwKind::SwitchComplete, cpu, -1, -1, 0, -1});
}

void Simulation::scheduleIrqReturn(int cpu, std::int64_t at) {
    push({at, 0, HwKind::IrqReturn, cpu, -1, -1, 0, -1});
}

void Simulation::scheduleKernelReturn(int task, std::int64_t at) {
    push({at, 0, HwKind::KernelReturn, -1, task, -1, 0, -1});
}

void Simulation::handleHardware(const HwEvent& e) {
    switch (e.kind) {
    case HwKind::IpiArrival:
        arrive(e.cpu, static_cast<std::uint8_t>(e.vector), e.cause);
        break;
    case HwKind::HandlerReturn:
        handlerReturn(e.task, e.generation);
        break;
    case HwKind::SwitchComplete:
        kernel().finishSwitch(e.cpu);
        runWaitingEntries(e.cpu);
        break;
    case HwKind::IrqReturn:
        afterIrq(e.cpu, kernel().irqReturn(e.cpu));
        break;
    case HwKind::KernelReturn:
        kernel().kernelTimer(e.task);
        break;
    }
}

// The IDT handler returned: interrupts latched meanwhile are taken, woken tasks find CPUs, the
// entries that waited run, and a task interrupted in user mode goes back there the RFC's way.
void Simulation::afterIrq(int cpu, int cause) {
    CpuState& c = machine_.cpus[cpu];
    const int interrupted = c.task; // what the IDT handler interrupted
    dispatchInterrupts(cpu, cause);
    if (c.inIrq) return;
    kernel().runWokenTasks();
    runWaitingEntries(cpu);
    if (c.inIrq || c.switching) return;
    // A switch-in meanwhile (a woken task, a waiting entry) was its own way back to user space.
    if (c.task != interrupted) return;
    if (c.task < 0) {
        cpuBecameIdle(cpu);
        return;
    }
    const int task = c.task;
    TaskState& t = machine_.tasks[task];
    if (t.inKernel) {
        // Back into the syscall; if it ended meanwhile, it returns to user mode now.
        if (!t.inKernelFpu && now_ >= t.kernelEndsAt) kernel().finishKernelReturn(task, cause);
        return;
    }
    kernel().returnToUser(cpu, task, ReturnPath::Interrupt, cause);
    resumeAfterInterrupt(task, cause);
}

void Simulation::handleEntry(int entry) {
    const TimelineEntry& e = scenario_->timeline[entry];
    if (e.kind == TimelineEntry::Kind::TaskOp)
        executeOp(entry, false, -1);
    else
        tryCpuEntry(entry, false);
}

bool Simulation::tryCpuEntry(int entry, bool retry) {
    const TimelineEntry& e = scenario_->timeline[entry];
    CpuState& c = machine_.cpus[e.cpu];
    const bool isSwitch = e.kind == TimelineEntry::Kind::ContextSwitch;
    std::optional<DeferReason> wait;
    if (c.switching)
        wait = DeferReason::InSwitch;
    else if (c.inIrq)
        wait = DeferReason::InIrq;
    else if (isSwitch && c.task >= 0 && machine_.tasks[c.task].inKernelFpu)
        wait = DeferReason::InKernelFpu; // kernel_fpu_begin disabled preemption
    else if (!retry && !c.waitingEntries.empty())
        wait = DeferReason::InSwitch; // keep the order of what already waits
    if (wait) {
        if (!retry) {
            record(TraceEvent::opDeferred(e.cpu, isSwitch ? e.runTask : -1, entry, -1, *wait));
            c.waitingEntries.push_back(entry);
        }
        return false;
    }
    if (isSwitch)
        handleContextSwitch(entry);
    else
        handleCpuOnline(entry);
    return true;
}

void Simulation::runWaitingEntries(int cpu) {
    std::vector<int> waiting;
    waiting.swap(machine_.cpus[cpu].waitingEntries);
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        if (!tryCpuEntry(waiting[i], true)) {
            // Still blocked (or a new switch started): the rest keep waiting, in order.
            auto& queue = machine_.cpus[cpu].waitingEntries;
            queue.insert(queue.begin(), waiting.begin() + static_cast<long>(i), waiting.end());
            return;
        }
    }
}

void Simulation::handleContextSwitch(int entry) {
    const TimelineEntry& e = scenario_->timeline[entry];
    CpuState& c = machine_.cpus[e.cpu];
    const int next = e.runTask;
    auto ignore = [&](IgnoreReason why) {
        record(TraceEvent::switchIgnored(e.cpu, next, entry, why, -1));
    };
    if (!c.online) return ignore(IgnoreReason::CpuOffline);
    if (next == -1 && c.task == -1) return ignore(IgnoreReason::AlreadyIdle);
    if (next != -1) {
        const TaskState& t = machine_.tasks[next];
        if (next == c.task) return ignore(IgnoreReason::AlreadyRunning);
        if (t.status == TaskStatus::Blocked) return ignore(IgnoreReason::Blocked);
        if (t.status == TaskStatus::Exited) return ignore(IgnoreReason::Exited);
        if (t.status == TaskStatus::Running || t.status == TaskStatus::SwitchingIn)
            return ignore(IgnoreReason::RunningElsewhere);
    }
    const bool initial = now_ == 0 && !c.everUsed && c.task == -1 && next != -1;
    TraceEvent sw = TraceEvent::contextSwitch(e.cpu, next, c.task, -1, initial ? kFlagInitial : 0);
    sw.entry = entry;
    const int id = record(sw);
    if (initial)
        kernel().placeInitially(e.cpu, next, id);
    else
        kernel().contextSwitch(e.cpu, next, id);
}

// scenario-format.md "CPU entries": offline waits until no task runs on the CPU.
void Simulation::handleCpuOnline(int entry) {
    const TimelineEntry& e = scenario_->timeline[entry];
    CpuState& c = machine_.cpus[e.cpu];
    auto ignore = [&](IgnoreReason why) {
        record(TraceEvent::switchIgnored(e.cpu, -1, entry, why, -1));
    };
    if (e.online) {
        if (c.online) return ignore(IgnoreReason::AlreadyOnline);
        kernel().cpuOnline(e.cpu, entry);
        return;
    }
    if (!c.online || c.offlineEntry >= 0) return ignore(IgnoreReason::AlreadyOffline);
    if (c.task >= 0) {
        record(TraceEvent::opDeferred(e.cpu, c.task, entry, -1, DeferReason::CpuBusy));
        c.offlineEntry = entry;
        return;
    }
    kernel().cpuOffline(e.cpu, entry);
}

void Simulation::cpuBecameIdle(int cpu) {
    CpuState& c = machine_.cpus[cpu];
    if (c.offlineEntry >= 0 && c.task < 0 && !c.switching && !c.inIrq) {
        const int entry = c.offlineEntry;
        c.offlineEntry = -1;
        kernel().cpuOffline(cpu, entry);
    }
    kernel().runWokenTasks();
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

std::string Simulation::accountingError() const {
    for (const PendingVectors& p : pending()) {
        const VectorAccount& a = machine_.tasks[p.task].vectors;
        const std::uint64_t ended = a.delivered + a.coalesced + a.lost +
                                    static_cast<std::uint64_t>(popcount(p.pir) + popcount(p.uirr));
        std::uint64_t orphaned = 0;
        for (const CpuState& c : machine_.cpus)
            if (c.orphanOwner == p.task)
                orphaned += static_cast<std::uint64_t>(popcount(c.orphanUirr));
        if (a.posted != ended + orphaned)
            return scenario_->taskName(p.task) + ": " + std::to_string(a.posted) + " posted, but " +
                   std::to_string(a.delivered) + " delivered + " + std::to_string(a.coalesced) +
                   " coalesced + " + std::to_string(a.lost) + " lost + " +
                   std::to_string(ended + orphaned - a.delivered - a.coalesced - a.lost) +
                   " pending";
    }
    return {};
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
