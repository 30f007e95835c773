// What a running task asks of the kernel (scenario-format.md "Operations"): uintr_wait, the
// unregister calls, exit (uintr_free), and the kernel paths a reviewer asks about — a syscall and
// in-kernel FPU use (kernel_fpu_begin/end), which saves the UINTR state without a context switch
// (the reviewer's follow-up of 25 Sep 2021, uintr-reference.md §5).
#include "arch/UittEntry.h"
#include "arch/Upid.h"
#include "kernel/LinuxKernel.h"

namespace uintr::kernel {

using arch::Upid;
using model::EventKind;
using model::ReturnPath;
using model::TaskStatus;
using model::TraceEvent;

namespace {
constexpr std::uint64_t kUittEntries = 256;

TraceEvent withEntry(TraceEvent e, int entry) {
    e.entry = entry;
    return e;
}
} // namespace

int LinuxKernel::uintrWait(int task, int entry, int cause) {
    model::Machine& mach = m();
    model::TaskState& t = mach.tasks[task];
    const int cpu = t.cpu;
    const auto& mc = p_->scenario().machine;
    auto returnAtOnce = [&](model::WaitReturnReason why, std::uint64_t pending) {
        const int id =
            p_->record(withEntry(TraceEvent::waitReturned(cpu, task, why, pending, cause), entry));
        returnToUser(cpu, task, ReturnPath::Wait, id);
        return id;
    };
    if (!cr4Uintr()) return returnAtOnce(model::WaitReturnReason::NoFeature, 0);
    if (!t.registered) return returnAtOnce(model::WaitReturnReason::NotReceiver, 0);
    Upid u = Upid::load(mach.memory, t.upid).value_or(Upid{});
    u.setNv(mc.kernelVector);
    (void)u.store(mach.memory, t.upid);
    if (variant() == Variant::Reviewed) {
        // The fix: after switching NV, look at PIR and UIRR; something already posted means the
        // IPI that announced it is gone (or suppressed by ON), so sleeping would never end.
        const std::uint64_t pending = u.pir | mach.uirrOf(task);
        if (pending != 0) {
            u.setNv(mc.notificationVector);
            (void)u.store(mach.memory, t.upid);
            return returnAtOnce(model::WaitReturnReason::Pending, pending);
        }
    }
    // v1 (patch 11/13) sleeps without looking: with ON already set, every later SENDUIPI is
    // suppressed by ON and nothing wakes the sleeper.
    t.status = TaskStatus::Blocked;
    t.blockedOrder = mach.nextBlockedOrder++;
    const int blocked =
        p_->record(withEntry(TraceEvent::blocked(cpu, task, mc.kernelVector, cause), entry));
    const int sw = p_->record(TraceEvent::contextSwitch(cpu, -1, task, blocked));
    contextSwitch(cpu, -1, sw);
    return sw;
}

int LinuxKernel::exitTask(int task, int entry, int cause) {
    model::Machine& mach = m();
    model::TaskState& t = mach.tasks[task];
    const int cpu = t.cpu;
    const int id =
        p_->record(withEntry(TraceEvent::make(EventKind::Exit, cpu, task, cause), entry));
    // uintr_free: a receiver as by uintr_unregister_handler, a sender's UITT torn down.
    if (t.registered) dropHandler(cpu, task, id);
    if (t.sender && mach.cpus[cpu].lp.msrs.ttValid()) tearDownUitt(cpu, task, id);
    t.status = TaskStatus::Exited;
    const int sw = p_->record(TraceEvent::contextSwitch(cpu, -1, task, id));
    contextSwitch(cpu, -1, sw);
    return sw;
}

// The RFC's uintr_unregister_handler: UINV, PD, HANDLER, STACKADJUST and UIRR zeroed (vectors in
// UIRR are lost), UPID.SN set; the UPID stays allocated while a UITT entry points at it.
void LinuxKernel::dropHandler(int cpu, int task, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    model::TaskState& t = mach.tasks[task];
    for (unsigned v = 0; v < 64; ++v) {
        if (!(c.lp.msrs.rr >> v & 1)) continue;
        ++t.vectors.lost;
        p_->record(
            TraceEvent::vectorLost(cpu, task, static_cast<int>(v), t.uirrCause[v], cause, false));
        t.uirrCause[v] = -1;
    }
    c.lp.msrs.setUinv(0);
    c.lp.msrs.pd = 0;
    c.lp.msrs.handler = 0;
    c.lp.msrs.stackAdjust = 0;
    c.lp.msrs.rr = 0;
    c.lastUinvChange = cause;
    Upid u = Upid::load(mach.memory, t.upid).value_or(Upid{});
    u.setSn(true);
    (void)u.store(mach.memory, t.upid);
    t.registered = false;
}

// teardown_uitt: the sender's table is freed and IA32_UINTR_TT cleared, so SENDUIPI is #UD.
void LinuxKernel::tearDownUitt(int cpu, int task, int cause) {
    arch::UintrMsrs& msrs = m().cpus[cpu].lp.msrs;
    msrs.tt = 0;
    msrs.setUittsz(0);
    p_->record(TraceEvent::make(EventKind::UittTornDown, cpu, task, cause));
}

int LinuxKernel::unregisterHandler(int task, int entry, int cause) {
    const int cpu = m().tasks[task].cpu;
    int id;
    if (!cr4Uintr() || !m().tasks[task].registered) {
        const auto why =
            cr4Uintr() ? model::RejectReason::NotRegistered : model::RejectReason::NoFeature;
        id = p_->record(withEntry(
            TraceEvent::syscallRejected(
                cpu, task, static_cast<int>(scenario::OpKind::UnregisterHandler), why, cause),
            entry));
    } else {
        id = p_->record(
            withEntry(TraceEvent::make(EventKind::HandlerUnregistered, cpu, task, cause), entry));
        dropHandler(cpu, task, id);
    }
    returnToUser(cpu, task, ReturnPath::Syscall, id);
    return id;
}

int LinuxKernel::unregisterSender(int task, std::uint64_t uittIndex, int entry, int cause) {
    model::Machine& mach = m();
    model::TaskState& t = mach.tasks[task];
    const int cpu = t.cpu;
    const int op = static_cast<int>(scenario::OpKind::UnregisterSender);
    auto reject = [&](model::RejectReason why) {
        return p_->record(withEntry(TraceEvent::syscallRejected(cpu, task, op, why, cause), entry));
    };
    int id;
    std::optional<arch::UittEntry> e;
    if (t.sender && uittIndex < kUittEntries)
        e = arch::UittEntry::load(mach.memory, t.uitt + arch::UittEntry::kSize * uittIndex);
    if (!cr4Uintr()) {
        id = reject(model::RejectReason::NoFeature);
    } else if (!e || !e->valid() || !mach.cpus[cpu].lp.msrs.ttValid()) {
        id = reject(model::RejectReason::BadIndex);
    } else {
        e->word0 &= ~std::uint64_t{1}; // V = 0: a later SENDUIPI with this index is #GP
        (void)e->store(mach.memory, t.uitt + arch::UittEntry::kSize * uittIndex);
        id =
            p_->record(withEntry(TraceEvent::uittEntryCleared(cpu, task, uittIndex, cause), entry));
        bool anyLeft = false;
        for (std::uint64_t i = 0; i < kUittEntries && !anyLeft; ++i) {
            const auto other =
                arch::UittEntry::load(mach.memory, t.uitt + arch::UittEntry::kSize * i);
            anyLeft = other && other->valid();
        }
        // RFC v1 __free_uitt_entry -> teardown_uitt when the last entry goes.
        if (!anyLeft) tearDownUitt(cpu, task, id);
    }
    returnToUser(cpu, task, ReturnPath::Syscall, id);
    return id;
}

int LinuxKernel::enterKernel(int task, scenario::OpKind op, std::int64_t durationNs, int entry,
                             int cause) {
    model::Machine& mach = m();
    model::TaskState& t = mach.tasks[task];
    const int cpu = t.cpu;
    const int id = p_->record(
        TraceEvent::kernelEnter(cpu, task, static_cast<int>(op), durationNs, entry, cause));
    t.inKernel = true;
    t.kernelOp = static_cast<std::int16_t>(op);
    t.kernelEndsAt = p_->now() + durationNs;
    t.kernelEvent = id;
    mach.cpus[cpu].lp.cpl = arch::Cpl::Kernel;
    if (op == scenario::OpKind::KernelFpu) {
        // kernel_fpu_begin: the task's state is saved (UINV cleared) although it stays current;
        // preemption is off until kernel_fpu_end.
        t.inKernelFpu = true;
        saveState(cpu, task, id);
    }
    p_->scheduleKernelReturn(task, t.kernelEndsAt);
    return id;
}

void LinuxKernel::kernelTimer(int task) {
    model::TaskState& t = m().tasks[task];
    if (!t.inKernel || p_->now() < t.kernelEndsAt) return;
    const bool fpuEnds = t.inKernelFpu;
    t.inKernelFpu = false;
    if (t.status != TaskStatus::Running) return; // returns at its next switch-in
    const int cpu = t.cpu;
    if (fpuEnds) {
        // kernel_fpu_end: a context switch that waited for the window runs now.
        p_->runWaitingEntries(cpu);
        // Switched out and back in meanwhile: that switch-in was its way back to user space.
        if (!t.inKernel || t.status != TaskStatus::Running || t.cpu != cpu) return;
    }
    if (m().cpus[cpu].inIrq) return; // right after the IDT handler returns
    finishKernelReturn(task, t.kernelEvent);
}

void LinuxKernel::finishKernelReturn(int task, int cause) {
    model::TaskState& t = m().tasks[task];
    const int cpu = t.cpu;
    t.inKernel = false;
    const auto op = static_cast<scenario::OpKind>(t.kernelOp);
    const int id = p_->record(TraceEvent::kernelReturn(cpu, task, t.kernelOp, cause));
    returnToUser(cpu, task,
                 op == scenario::OpKind::KernelFpu ? ReturnPath::KernelFpu : ReturnPath::Syscall,
                 id);
    p_->taskResumed(task, id);
}

} // namespace uintr::kernel
