#include "kernel/LinuxKernel.h"

#include "arch/UittEntry.h"
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"

#include <algorithm>

namespace uintr::kernel {

using arch::Upid;
using model::EventKind;
using model::TaskStatus;
using model::TraceEvent;

namespace {
// Addresses the RFC's registration would produce for a user program: text and a red zone the
// kernel skips with STACKADJUST = 128 (uintr_register_handler, OS_ABI_REDZONE).
constexpr std::uint64_t kUserTextBase = 0x0000000000401000ULL;
constexpr std::uint64_t kHandlerBase = 0x0000000000402000ULL;
constexpr std::uint64_t kStackAdjust = 128;
constexpr std::size_t kUserStackBytes = 1024;
constexpr std::uint32_t kUittszAll = 255; // the RFC allocates 256 entries: UITTSZ = 255

arch::ApicMode archMode(scenario::ApicMode m) {
    return m == scenario::ApicMode::XApic ? arch::ApicMode::XApic : arch::ApicMode::X2Apic;
}

Upid loadUpid(const model::Machine& m, std::uint64_t address) {
    return Upid::load(m.memory, address).value_or(Upid{});
}
} // namespace

TraceEvent LinuxKernel::event(EventKind kind, int cpu, int task, int cause) const {
    TraceEvent e;
    e.kind = kind;
    e.cpu = cpu;
    e.task = task;
    e.cause = cause;
    return e;
}

void LinuxKernel::registerTasks() {
    model::Machine& m = p_.machine();
    const scenario::Scenario& sc = p_.scenario();
    const auto mode = archMode(sc.machine.apicMode);

    m.cpus.resize(static_cast<std::size_t>(sc.machine.cpus));
    for (std::size_t i = 0; i < m.cpus.size(); ++i) {
        arch::LogicalProcessor& lp = m.cpus[i].lp;
        lp.apicId = static_cast<std::uint32_t>(i); // CPU n has APIC ID n
        lp.apicMode = mode;
        lp.cpuidUintr = supported();
        lp.cr4Uintr = supported(); // the kernel sets CR4.UINTR at boot where the feature exists
        lp.cpl = arch::Cpl::Kernel;
    }

    m.tasks.resize(sc.tasks.size());
    for (const auto& c : sc.connections)
        m.tasks[static_cast<std::size_t>(c.sender)].sender = true;

    for (std::size_t i = 0; i < m.tasks.size(); ++i) {
        model::TaskState& t = m.tasks[i];
        t.receiver = sc.tasks[i].receiver;
        t.xsave = m.memory.allocate(arch::PhysicalMemory::Region::Kernel, 64, 64);
        const std::uint64_t stack =
            m.memory.allocate(arch::PhysicalMemory::Region::User, kUserStackBytes, 16);
        t.rsp = stack + kUserStackBytes - 64;
        t.rip = kUserTextBase + 0x1000 * i;
        t.rflags = arch::rflags::Reserved1 | arch::rflags::IF;

        arch::XsaveUintr image;
        if (t.receiver) {
            // The RFC aligns the 16-byte UPID to 64 bytes.
            t.upid = m.memory.allocate(arch::PhysicalMemory::Region::Kernel, 64, Upid::kAlignment);
            Upid u;
            u.setNv(sc.machine.notificationVector);
            u.setNdst(Upid::encodeNdst(0, mode));
            // A receiver starts switched out (scenario-format.md "Time and order").
            u.setSn(variant() != Variant::NoSn);
            (void)u.store(m.memory, t.upid);
            if (supported()) {
                image.msrs.handler = kHandlerBase + 0x100 * i;
                image.msrs.stackAdjust = kStackAdjust;
                image.msrs.setUinv(sc.machine.notificationVector);
                image.msrs.pd = t.upid;
                image.uif = true; // the program executed STUI after registering
            }
        }
        if (t.sender) {
            t.uitt = m.memory.allocate(arch::PhysicalMemory::Region::Kernel,
                                       256 * arch::UittEntry::kSize, 64);
            if (supported()) {
                image.msrs.setUittsz(kUittszAll);
                image.msrs.tt = t.uitt | 1;
            }
        }
        (void)image.store(m.memory, t.xsave);
    }
    for (const auto& c : sc.connections) {
        const auto& s = m.tasks[static_cast<std::size_t>(c.sender)];
        const auto& r = m.tasks[static_cast<std::size_t>(c.receiver)];
        const auto entry = arch::UittEntry::make(static_cast<std::uint8_t>(c.vector), r.upid);
        (void)entry.store(m.memory, s.uitt + arch::UittEntry::kSize * c.uittIndex);
    }
}

void LinuxKernel::placeInitially(int cpu, int task, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    model::TaskState& t = m.tasks[task];
    c.everUsed = true;
    if (supported()) (void)c.lp.xrstors(m.memory, t.xsave);
    if (t.receiver) {
        Upid u = loadUpid(m, t.upid);
        u.setNdst(Upid::encodeNdst(c.lp.apicId, c.lp.apicMode));
        u.setSn(false);
        (void)u.store(m.memory, t.upid);
    }
    runOnCpu(cpu, task);
    if (t.receiver && supported() && loadUpid(m, t.upid).pir != 0)
        switchUintrReturn(cpu, task, cause);
    p_.taskResumed(task, cause);
}

void LinuxKernel::contextSwitch(int cpu, int next, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    c.everUsed = true;
    if (c.task != -1) switchOut(cpu, cause);
    if (next != -1) {
        m.tasks[next].status = TaskStatus::SwitchingIn;
        m.tasks[next].cpu = cpu;
    }
    const std::int64_t duration = p_.scenario().kernel.contextSwitchNs;
    if (duration == 0) {
        if (next != -1) switchIn(cpu, next, cause);
        return;
    }
    c.switching = true;
    c.switchTarget = next;
    c.switchEvent = cause;
    c.switchDoneAt = p_.now() + duration;
    p_.scheduleSwitchComplete(cpu, c.switchDoneAt);
}

void LinuxKernel::finishSwitch(int cpu) {
    model::CpuState& c = p_.machine().cpus[cpu];
    c.switching = false;
    const int next = c.switchTarget;
    c.switchTarget = -1;
    if (next != -1) switchIn(cpu, next, c.switchEvent);
}

// switch_uintr_prepare and the XSAVES of the FPU switch (uintr-reference.md §5, §4).
void LinuxKernel::switchOut(int cpu, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    const int task = c.task;
    model::TaskState& t = m.tasks[task];
    t.rip = c.lp.rip;
    t.rsp = c.lp.rsp;
    t.rflags = c.lp.rflags;
    if (t.inHandler) {
        // The handler is preempted: it resumes, for the time it has left, when the task returns.
        t.handlerRemaining = std::max<std::int64_t>(0, t.handlerEndsAt - p_.now());
        ++t.handlerGeneration;
    }
    if (supported()) {
        // A task sleeping in uintr_wait keeps SN clear, or no IPI would ever wake it.
        if (t.receiver && t.status != TaskStatus::Blocked && variant() != Variant::NoSn) {
            Upid u = loadUpid(m, t.upid);
            u.setSn(true); // a locked OR: a plain store could undo a concurrent SENDUIPI (§2.4)
            (void)u.store(m.memory, t.upid);
            p_.record(event(EventKind::SnSet, cpu, task, cause));
        }
        TraceEvent saved = event(EventKind::Xsaves, cpu, task, cause);
        saved.vector = c.lp.msrs.uinv();
        (void)c.lp.xsaves(m.memory, t.xsave);
        const int savedId = p_.record(saved);
        // Only a save that really cleared a vector explains a later mismatch.
        if (saved.vector != 0) c.lastUinvChange = savedId;
        if (t.receiver && variant() == Variant::MiscRestoreBug) {
            // §4: a second save before the restore stores the already-cleared UINV = 0 over the
            // good value, and this kernel does not put the vector back on the way to user space.
            (void)c.lp.xsaves(m.memory, t.xsave);
            TraceEvent again = event(EventKind::Xsaves, cpu, task, cause);
            again.vector = 0;
            again.flags = model::kFlagSecondSave;
            c.lastUinvChange = p_.record(again);
        }
    }
    c.lp.cpl = arch::Cpl::Kernel;
    c.task = -1;
    t.cpu = -1;
    t.lastCpu = cpu;
    if (t.status == TaskStatus::Running) t.status = TaskStatus::Ready;
}

void LinuxKernel::switchIn(int cpu, int task, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    model::TaskState& t = m.tasks[task];
    if (supported()) {
        if (auto fault = c.lp.xrstors(m.memory, t.xsave)) {
            TraceEvent e = event(EventKind::Fault, cpu, task, cause);
            model::setFault(e, *fault);
            p_.record(e);
        } else {
            TraceEvent e = event(EventKind::Xrstors, cpu, task, cause);
            e.vector = c.lp.msrs.uinv();
            e.value = c.lp.msrs.rr;
            const int id = p_.record(e);
            if (c.lp.msrs.uinv() != 0) c.lastUinvChange = id;
        }
    }
    runOnCpu(cpu, task);
    if (t.receiver && supported()) switchUintrReturn(cpu, task, cause);
    p_.taskResumed(task, cause);
}

// The general-purpose context the kernel saved goes back into the CPU, which returns to CPL 3.
void LinuxKernel::runOnCpu(int cpu, int task) {
    model::CpuState& c = p_.machine().cpus[cpu];
    model::TaskState& t = p_.machine().tasks[task];
    c.lp.rip = t.rip;
    c.lp.rsp = t.rsp;
    c.lp.rflags = t.rflags;
    c.lp.cpl = arch::Cpl::User;
    c.task = task;
    t.status = TaskStatus::Running;
    t.cpu = cpu;
}

// switch_uintr_return (uintr-reference.md §5): UINV back if clear, NDST = this CPU, SN clear,
// and a self-IPI when PIR holds posts, so that the hardware moves them (doing it by hand would
// race with concurrent SENDUIPIs).
void LinuxKernel::switchUintrReturn(int cpu, int task, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    model::TaskState& t = m.tasks[task];
    const auto& mc = p_.scenario().machine;
    if (c.lp.msrs.uinv() == 0 && variant() != Variant::MiscRestoreBug) {
        c.lp.msrs.setUinv(mc.notificationVector);
        TraceEvent e = event(EventKind::UinvRestored, cpu, task, cause);
        e.vector = mc.notificationVector;
        c.lastUinvChange = p_.record(e);
    }
    Upid u = loadUpid(m, t.upid);
    u.setNdst(Upid::encodeNdst(c.lp.apicId, c.lp.apicMode));
    u.setSn(false);
    (void)u.store(m.memory, t.upid);
    TraceEvent cleared = event(EventKind::SnCleared, cpu, task, cause);
    cleared.value = u.ndst();
    p_.record(cleared);
    if (u.pir != 0) {
        TraceEvent self = event(EventKind::SelfIpi, cpu, task, cause);
        self.vector = mc.notificationVector;
        self.value = u.pir;
        self.cause2 = t.pirCause[static_cast<std::size_t>(arch::highestBit(u.pir))];
        const int id = p_.record(self);
        ++m.counters.selfIpis;
        p_.sendIpi(cpu, c.lp.apicId, mc.notificationVector, id);
    }
}

void LinuxKernel::handleIdtVector(int cpu, std::uint8_t vector, int cause) {
    model::Machine& m = p_.machine();
    model::CpuState& c = m.cpus[cpu];
    const auto& mc = p_.scenario().machine;
    c.lp.apic.eoi(); // both handlers only acknowledge the APIC first
    if (vector == mc.notificationVector) {
        // sysvec_uintr_spurious_interrupt: ack and count on the UIS line.
        ++c.uis;
        ++m.counters.spurious;
        TraceEvent e = event(EventKind::SpuriousNotification, cpu, c.task, cause);
        e.vector = vector;
        e.value = c.lp.msrs.uinv();
        e.cause2 = c.lastUinvChange;
        p_.record(e);
        return;
    }
    ++c.kernelNotifications;
    TraceEvent e = event(EventKind::KernelVector, cpu, c.task, cause);
    e.vector = vector;
    const int id = p_.record(e);
    if (vector == mc.kernelVector) wakeBlockedTasks(cpu, id);
}

// sysvec_uintr_kernel_notification → uintr_wake_up_process: walk the whole global list and wake
// every sleeper whose UPID has ON set (the reviewer's objection: one vector, a global walk).
void LinuxKernel::wakeBlockedTasks(int cpu, int cause) {
    model::Machine& m = p_.machine();
    const auto& mc = p_.scenario().machine;
    std::vector<int> sleepers;
    for (std::size_t i = 0; i < m.tasks.size(); ++i)
        if (m.tasks[i].status == TaskStatus::Blocked) sleepers.push_back(static_cast<int>(i));
    std::sort(sleepers.begin(), sleepers.end(),
              [&](int a, int b) { return m.tasks[a].blockedOrder < m.tasks[b].blockedOrder; });
    for (int task : sleepers) {
        model::TaskState& t = m.tasks[task];
        Upid u = loadUpid(m, t.upid);
        if (!u.on()) continue;
        u.setSn(true);
        u.setNv(mc.notificationVector);
        (void)u.store(m.memory, t.upid);
        t.status = TaskStatus::Ready;
        const int woken = p_.record(event(EventKind::Woken, cpu, task, cause));
        const int target = pickCpuFor(task);
        if (target < 0) continue; // runnable; a later context switch runs it
        TraceEvent sw = event(EventKind::ContextSwitch, target, task, woken);
        sw.other = -1;
        sw.flags = model::kFlagWakeup;
        contextSwitch(target, task, p_.record(sw));
    }
}

int LinuxKernel::pickCpuFor(int task) const {
    const model::Machine& m = const_cast<Platform&>(p_).machine();
    auto idle = [&](int cpu) { return m.cpus[cpu].task == -1 && !m.cpus[cpu].switching; };
    const int last = m.tasks[task].lastCpu;
    if (last >= 0 && idle(last)) return last;
    for (std::size_t i = 0; i < m.cpus.size(); ++i)
        if (idle(static_cast<int>(i))) return static_cast<int>(i);
    return -1;
}

void LinuxKernel::uintrWait(int task, int cause) {
    model::Machine& m = p_.machine();
    model::TaskState& t = m.tasks[task];
    const int cpu = t.cpu;
    model::CpuState& c = m.cpus[cpu];
    auto returnAtOnce = [&](model::WaitReturnReason why, std::uint64_t value) {
        TraceEvent e = event(EventKind::WaitReturned, cpu, task, cause);
        e.reason = static_cast<std::uint8_t>(why);
        e.value = value;
        p_.record(e);
    };
    if (!supported()) return returnAtOnce(model::WaitReturnReason::NoFeature, 0);
    if (!t.receiver) return returnAtOnce(model::WaitReturnReason::NotReceiver, 0);
    Upid u = loadUpid(m, t.upid);
    // Something already posted or requested: sleeping now would wait for an IPI that has been
    // sent already (the later series checks this too).
    if (c.lp.msrs.rr != 0 || u.pir != 0)
        return returnAtOnce(model::WaitReturnReason::Pending, c.lp.msrs.rr | u.pir);
    const auto kv = p_.scenario().machine.kernelVector;
    u.setNv(kv);
    (void)u.store(m.memory, t.upid);
    t.status = TaskStatus::Blocked;
    t.blockedOrder = m.nextBlockedOrder++;
    TraceEvent blocked = event(EventKind::Blocked, cpu, task, cause);
    blocked.vector = kv;
    const int id = p_.record(blocked);
    TraceEvent sw = event(EventKind::ContextSwitch, cpu, -1, id);
    sw.other = task;
    contextSwitch(cpu, -1, p_.record(sw));
}

void LinuxKernel::exitTask(int task, int cause) {
    model::Machine& m = p_.machine();
    model::TaskState& t = m.tasks[task];
    const int cpu = t.cpu;
    const int id = p_.record(event(EventKind::Exit, cpu, task, cause));
    TraceEvent sw = event(EventKind::ContextSwitch, cpu, -1, id);
    sw.other = task;
    const int swId = p_.record(sw);
    contextSwitch(cpu, -1, swId);
    t.status = TaskStatus::Exited;
}

} // namespace uintr::kernel
