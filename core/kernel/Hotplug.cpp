// CPU hot-plug (scenario-format.md "CPU entries"). An IPI to an offline CPU is lost (the engine
// says so); the review's objection to v1's uintr_wait is that a sleeper's NDST still names the
// dead CPU, so its wake-up IPI goes nowhere. `reviewed` moves every sleeping receiver's NDST to
// an online CPU when one goes offline.
#include "arch/Upid.h"
#include "kernel/LinuxKernel.h"

namespace uintr::kernel {

using arch::Upid;
using model::TraceEvent;

void LinuxKernel::cpuOffline(int cpu, int entry) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    c.online = false;
    const int id = p_->record(TraceEvent::cpuOnline(cpu, false, entry));
    if (variant() != Variant::Reviewed) return;
    int target = -1;
    for (std::size_t i = 0; i < mach.cpus.size() && target < 0; ++i)
        if (mach.cpus[i].online) target = static_cast<int>(i);
    if (target < 0) return;
    const arch::LogicalProcessor& to = mach.cpus[target].lp;
    const std::uint64_t here = Upid::encodeNdst(c.lp.apicId, c.lp.apicMode);
    for (std::size_t i = 0; i < mach.tasks.size(); ++i) {
        model::TaskState& t = mach.tasks[i];
        if (t.status != model::TaskStatus::Blocked || !t.receiver) continue;
        Upid u = Upid::load(mach.memory, t.upid).value_or(Upid{});
        if (u.ndst() != here) continue;
        u.setNdst(Upid::encodeNdst(to.apicId, to.apicMode));
        (void)u.store(mach.memory, t.upid);
        p_->record(TraceEvent::ndstMoved(target, static_cast<int>(i), u.ndst(), id));
    }
}

void LinuxKernel::cpuOnline(int cpu, int entry) {
    m().cpus[cpu].online = true;
    p_->record(TraceEvent::cpuOnline(cpu, true, entry));
    p_->cpuBecameIdle(cpu);
}

} // namespace uintr::kernel
