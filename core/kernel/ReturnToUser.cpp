// Every return of a task to user mode (scenario-format.md "The way back to user space"): after a
// switch-in, a syscall or kernel_fpu, an interrupt taken in user mode, uintr_wait. The RFC calls
// switch_uintr_return from arch_exit_to_user_mode_prepare(), so v1 runs it on every one of them
// (uintr-reference.md §5); `reviewed` only when the state was saved since the last return.
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"
#include "kernel/LinuxKernel.h"

namespace uintr::kernel {

using arch::Upid;
using model::TraceEvent;
namespace changed = model::uintr_return;

int LinuxKernel::restoreState(int cpu, int task, int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    model::TaskState& t = mach.tasks[task];
    if (!t.stateSaved) return -1;
    t.stateSaved = false;
    if (!cr4Uintr()) return -1;
    const std::uint64_t orphans = c.orphanUirr;
    const int orphanOwner = c.orphanOwner;
    if (auto fault = c.lp.xrstors(mach.memory, t.xsave)) {
        const TraceEvent at = TraceEvent::make(model::EventKind::Xrstors, cpu, task, cause);
        return p_->record(TraceEvent::fault(at, *fault, cause));
    }
    const int id =
        p_->record(TraceEvent::xrstors(cpu, task, c.lp.msrs.uinv(), c.lp.msrs.rr, cause));
    if (c.lp.msrs.uinv() != 0) c.lastUinvChange = id;
    // machine.xsaves_clears_uinv = false: what was processed into the live UIRR after the save
    // is overwritten now (scenario-format.md; cli.md summary.lost).
    if (orphans != 0 && orphanOwner >= 0) {
        model::TaskState& owner = mach.tasks[orphanOwner];
        for (unsigned v = 0; v < 64; ++v) {
            if (!(orphans >> v & 1)) continue;
            ++owner.vectors.lost;
            p_->record(TraceEvent::vectorLost(cpu, orphanOwner, static_cast<int>(v),
                                              owner.uirrCause[v], id, false));
            owner.uirrCause[v] = -1;
        }
    }
    c.orphanUirr = 0;
    c.orphanOwner = -1;
    return id;
}

void LinuxKernel::returnToUser(int cpu, int task, model::ReturnPath path, int cause) {
    model::Machine& mach = m();
    model::TaskState& t = mach.tasks[task];
    mach.cpus[cpu].lp.cpl = arch::Cpl::User;
    if (!t.registered || !cr4Uintr()) {
        restoreState(cpu, task, cause); // the FPU restore of exit_to_user_mode
        t.savedSinceReturn = false;
        return;
    }
    // reviewed: "what on earth has modified that MSR state? Nothing at all" (review of v1).
    const bool run = variant() != Variant::Reviewed || t.savedSinceReturn;
    t.savedSinceReturn = false;
    if (!run) return;
    switchUintrReturn(cpu, task, path, t.stateSaved, cause);
}

// switch_uintr_return (uintr-reference.md §5): XRSTORS if the state was saved, UINV back if
// clear (not in misc-restore-bug), NDST = this CPU, SN clear, and a self-IPI when PIR holds
// posts, so that the hardware moves them (doing it by hand would race with concurrent
// SENDUIPIs). The run is recorded first with what it changes, then each change.
int LinuxKernel::switchUintrReturn(int cpu, int task, model::ReturnPath path, bool restore,
                                   int cause) {
    model::Machine& mach = m();
    model::CpuState& c = mach.cpus[cpu];
    model::TaskState& t = mach.tasks[task];
    const auto& mc = p_->scenario().machine;
    const std::uint64_t ndst = Upid::encodeNdst(c.lp.apicId, c.lp.apicMode);

    // What this run will change, from the state before it; the XRSTORS decides UINV.
    const Upid before = Upid::load(mach.memory, t.upid).value_or(Upid{});
    std::uint8_t uinv = c.lp.msrs.uinv();
    if (restore)
        if (const auto image = arch::XsaveUintr::load(mach.memory, t.xsave))
            uinv = image->msrs.uinv();
    const bool putUinvBack = uinv == 0 && variant() != Variant::MiscRestoreBug;
    std::uint64_t what = restore ? changed::kXrstors : 0;
    if (putUinvBack) what |= changed::kUinvRestored;
    if (before.ndst() != ndst) what |= changed::kNdstChanged;
    if (before.sn()) what |= changed::kSnCleared;
    if (before.pir != 0) what |= changed::kSelfIpi;
    ++mach.counters.uintrReturnRuns;
    if (what == 0) ++mach.counters.uintrReturnUnchanged;
    const int run = p_->record(TraceEvent::uintrReturn(cpu, task, path, what, cause));

    int last = run;
    if (restore) last = restoreState(cpu, task, run);
    if (putUinvBack && c.lp.msrs.uinv() == 0) {
        c.lp.msrs.setUinv(mc.notificationVector);
        last = c.lastUinvChange =
            p_->record(TraceEvent::uinvRestored(cpu, task, mc.notificationVector, run));
    }
    Upid u = Upid::load(mach.memory, t.upid).value_or(Upid{});
    u.setNdst(ndst);
    u.setSn(false);
    (void)u.store(mach.memory, t.upid);
    if (what & (changed::kNdstChanged | changed::kSnCleared))
        last = p_->record(TraceEvent::snCleared(cpu, task, u.ndst(), run));
    if (u.pir != 0) {
        const int post = t.pirCause[static_cast<std::size_t>(arch::highestBit(u.pir))];
        last = p_->record(TraceEvent::selfIpi(cpu, task, mc.notificationVector, u.pir, run, post));
        ++mach.counters.selfIpis;
        p_->sendIpi(cpu, c.lp.apicId, mc.notificationVector, last, mc.selfIpiLatencyNs);
    }
    return last;
}

} // namespace uintr::kernel
