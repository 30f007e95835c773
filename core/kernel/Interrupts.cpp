// The kernel's IDT handlers for the UINTR vectors (uintr-reference.md §5): the notification
// vector that found UINV different (sysvec_uintr_spurious_interrupt: ack, count on `UIS`) and
// the kernel vector of uintr_wait (sysvec_uintr_kernel_notification: ack, count, wake). Each
// runs for kernel.irq_ns with interrupts off (scenario-format.md "Time and order").
#include "arch/Upid.h"
#include "kernel/LinuxKernel.h"

#include <algorithm>

namespace uintr::kernel {

using arch::Upid;
using model::TaskStatus;
using model::TraceEvent;

int LinuxKernel::handleIdtVector(int cpu, std::uint8_t vector, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    const auto& sc = p_->scenario();
    c.lp.apic.eoi(); // both handlers acknowledge the APIC first
    int last;
    if (vector == sc.machine.notificationVector) {
        ++c.uis;
        ++mach.counters.spurious;
        mach.counters.lastSpuriousAt = p_->now();
        last = p_->record(TraceEvent::spuriousNotification(cpu, c.task, vector, c.lp.msrs.uinv(),
                                                           cause, c.lastUinvChange));
    } else {
        ++c.kernelNotifications;
        last = p_->record(TraceEvent::kernelVector(cpu, c.task, vector, cause));
        if (vector == sc.machine.kernelVector) wakeBlockedTasks(cpu, last);
    }
    c.inIrq = true;
    c.irqVector = vector;
    c.irqEvent = last;
    p_->scheduleIrqReturn(cpu, p_->now() + sc.kernel.irqNs);
    return last;
}

int LinuxKernel::irqReturn(int cpu) {
    model::CpuState& c = m().cpus[cpu];
    c.inIrq = false;
    const int id = p_->record(
        TraceEvent::irqReturn(cpu, c.task, static_cast<std::uint8_t>(c.irqVector), c.irqEvent));
    c.irqVector = -1;
    return id;
}

// uintr_wake_up_process: walk the whole global list and wake every sleeper whose UPID has ON set
// (the reviewer's objection: one vector, a global walk). A woken task is switched in when the
// handler returns.
void LinuxKernel::wakeBlockedTasks(int cpu, int cause) {
    model::Machine& mach = m();
    const auto& mc = p_->scenario().machine;
    std::vector<int> sleepers;
    for (std::size_t i = 0; i < mach.tasks.size(); ++i)
        if (mach.tasks[i].status == TaskStatus::Blocked) sleepers.push_back(static_cast<int>(i));
    std::sort(sleepers.begin(), sleepers.end(), [&](int a, int b) {
        return mach.tasks[a].blockedOrder < mach.tasks[b].blockedOrder;
    });
    for (int task : sleepers) {
        model::TaskState& t = mach.tasks[task];
        Upid u = Upid::load(mach.memory, t.upid).value_or(Upid{});
        if (!u.on()) continue;
        u.setSn(true);
        u.setNv(mc.notificationVector);
        (void)u.store(mach.memory, t.upid);
        t.status = TaskStatus::Ready;
        t.wokenOrder = mach.nextWokenOrder++;
        t.wokenEvent = p_->record(TraceEvent::make(model::EventKind::Woken, cpu, task, cause));
    }
}

} // namespace uintr::kernel
