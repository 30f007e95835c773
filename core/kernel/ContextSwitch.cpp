// The scheduler's side: switch_uintr_prepare and the XSAVES of the FPU switch on the way out
// (uintr-reference.md §4, §5), the switch itself, and where a woken task runs.
#include "arch/Upid.h"
#include "kernel/LinuxKernel.h"

#include <algorithm>

namespace uintr::kernel {

using arch::Upid;
using model::TaskStatus;
using model::TraceEvent;

namespace {
Upid loadUpid(const model::Machine& m, std::uint64_t address) {
    return Upid::load(m.memory, address).value_or(Upid{});
}
} // namespace

void LinuxKernel::placeInitially(int cpu, int task, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    model::TaskState& t = mach.tasks[task];
    c.everUsed = true;
    // Already running: its registers hold its state, UINV programmed, SN clear, NDST here.
    if (cr4Uintr()) (void)c.lp.xrstors(mach.memory, t.xsave);
    t.stateSaved = false;
    t.savedSinceReturn = false;
    if (t.registered) {
        Upid u = loadUpid(mach, t.upid);
        u.setNdst(Upid::encodeNdst(c.lp.apicId, c.lp.apicMode));
        u.setSn(false);
        (void)u.store(mach.memory, t.upid);
    }
    runOnCpu(cpu, task);
    // A post that came before the placement (an earlier entry at time 0) is announced as on
    // any return to user space.
    if (t.registered && loadUpid(mach, t.upid).pir != 0)
        returnToUser(cpu, task, model::ReturnPath::SwitchIn, cause);
    p_->taskResumed(task, cause);
}

void LinuxKernel::contextSwitch(int cpu, int next, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    c.everUsed = true;
    if (c.task != -1) switchOut(cpu, cause);
    if (next != -1) {
        mach.tasks[next].status = TaskStatus::SwitchingIn;
        mach.tasks[next].cpu = cpu;
        mach.tasks[next].wokenOrder = 0;
    }
    const std::int64_t duration = p_->scenario().kernel.contextSwitchNs;
    if (duration == 0) {
        if (next != -1)
            switchIn(cpu, next, cause);
        else
            p_->cpuBecameIdle(cpu);
        return;
    }
    c.switching = true;
    c.switchTarget = next;
    c.switchEvent = cause;
    c.switchDoneAt = p_->now() + duration;
    p_->scheduleSwitchComplete(cpu, c.switchDoneAt);
}

void LinuxKernel::finishSwitch(int cpu) {
    model::CpuState& c = m().cpus[cpu];
    c.switching = false;
    const int next = c.switchTarget;
    c.switchTarget = -1;
    if (next != -1)
        switchIn(cpu, next, c.switchEvent);
    else
        p_->cpuBecameIdle(cpu);
}

void LinuxKernel::saveState(int cpu, int task, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    model::TaskState& t = mach.tasks[task];
    if (t.stateSaved) return; // TIF_NEED_FPU_LOAD: already in memory, no second save
    t.stateSaved = true;
    t.savedSinceReturn = true;
    if (!cr4Uintr()) return; // component 14 is not enabled in IA32_XSS
    const std::uint8_t uinv = c.lp.msrs.uinv();
    (void)c.lp.xsaves(mach.memory, t.xsave);
    const int saved =
        p_->record(TraceEvent::xsaves(cpu, task, uinv, c.lp.msrs.uinv(), false, cause));
    // Only a save that really cleared a vector explains a later mismatch.
    if (uinv != 0 && c.lp.msrs.uinv() == 0) c.lastUinvChange = saved;
    if (t.registered && variant() == Variant::MiscRestoreBug) {
        // §4: a second save before the restore stores the already-cleared UINV over the good
        // value, and this kernel does not put the vector back on the way to user space.
        const std::uint8_t again = c.lp.msrs.uinv();
        (void)c.lp.xsaves(mach.memory, t.xsave);
        const int id =
            p_->record(TraceEvent::xsaves(cpu, task, again, c.lp.msrs.uinv(), true, cause));
        if (again == 0) c.lastUinvChange = id;
    }
}

// switch_uintr_prepare and the XSAVES of the FPU switch (uintr-reference.md §4, §5).
void LinuxKernel::switchOut(int cpu, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    const int task = c.task;
    model::TaskState& t = mach.tasks[task];
    t.rip = c.lp.rip;
    t.rsp = c.lp.rsp;
    t.rflags = c.lp.rflags;
    if (t.inHandler) {
        // The handler is preempted: it resumes, for the time it has left, when the task returns.
        t.handlerRemaining = std::max<std::int64_t>(0, t.handlerEndsAt - p_->now());
        ++t.handlerGeneration;
        t.uiretDue = false;
        t.handlerSuspended = true;
    }
    // A task sleeping in uintr_wait keeps SN clear, or no IPI would ever wake it.
    if (t.registered && cr4Uintr() && t.status != TaskStatus::Blocked &&
        variant() != Variant::NoSn) {
        Upid u = loadUpid(mach, t.upid);
        u.setSn(true); // a locked OR: a plain store could undo a concurrent SENDUIPI (§2.4)
        (void)u.store(mach.memory, t.upid);
        p_->record(TraceEvent::make(model::EventKind::SnSet, cpu, task, cause));
    }
    saveState(cpu, task, cause);
    c.lp.cpl = arch::Cpl::Kernel;
    c.task = -1;
    t.cpu = -1;
    t.lastCpu = cpu;
    if (t.status == TaskStatus::Running) t.status = TaskStatus::Ready;
}

void LinuxKernel::switchIn(int cpu, int task, int cause) {
    model::TaskState& t = m().tasks[task];
    runOnCpu(cpu, task);
    if (t.inKernel) {
        // Switched out inside a syscall: it returns to user mode at the later of the syscall's
        // end and this switch-in (scenario-format.md "Time and order").
        if (p_->now() >= t.kernelEndsAt) finishKernelReturn(task, cause);
        return;
    }
    returnToUser(cpu, task, model::ReturnPath::SwitchIn, cause);
    p_->taskResumed(task, cause);
}

// The general-purpose context the kernel saved goes back into the CPU.
void LinuxKernel::runOnCpu(int cpu, int task) {
    model::CpuState& c = m().cpus[cpu];
    model::TaskState& t = m().tasks[task];
    c.lp.rip = t.rip;
    c.lp.rsp = t.rsp;
    c.lp.rflags = t.rflags;
    c.lp.cpl = t.inKernel ? arch::Cpl::Kernel : arch::Cpl::User;
    c.task = task;
    t.status = TaskStatus::Running;
    t.cpu = cpu;
    t.wokenOrder = 0;
}

bool LinuxKernel::idle(int cpu) const {
    const model::CpuState& c = m().cpus[cpu];
    return c.online && c.task == -1 && !c.switching && !c.inIrq;
}

int LinuxKernel::pickCpuFor(int task) const {
    const int last = m().tasks[task].lastCpu;
    if (last >= 0 && idle(last)) return last;
    for (std::size_t i = 0; i < m().cpus.size(); ++i)
        if (idle(static_cast<int>(i))) return static_cast<int>(i);
    return -1;
}

// A task woken from uintr_wait runs on its last CPU if that is online and idle, else on the
// lowest idle online CPU, else when a CPU goes idle or a context switch names it.
void LinuxKernel::runWokenTasks() {
    model::Machine& mach = m();
    for (;;) {
        int next = -1;
        for (std::size_t i = 0; i < mach.tasks.size(); ++i) {
            const model::TaskState& t = mach.tasks[i];
            if (t.wokenOrder != 0 && t.status == TaskStatus::Ready &&
                (next < 0 || t.wokenOrder < mach.tasks[next].wokenOrder))
                next = static_cast<int>(i);
        }
        if (next < 0) return;
        const int cpu = pickCpuFor(next);
        if (cpu < 0) return;
        const int sw = p_->record(TraceEvent::contextSwitch(
            cpu, next, -1, mach.tasks[next].wokenEvent, model::kFlagWakeup));
        contextSwitch(cpu, next, sw);
    }
}

} // namespace uintr::kernel
