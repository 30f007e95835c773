// The kernel's side of user interrupts, as the 2021 RFC does it (uintr-reference.md §5), with
// the variants of scenario-format.md ("Kernel variants"): registration, the context-switch hooks
// (switch_uintr_prepare / XSAVES), every way back to user space (XRSTORS and
// switch_uintr_return), the IDT handlers of the notification vector (spurious, `UIS`) and of the
// kernel vector (uintr_wait wake-up), the syscalls (uintr_wait, unregister, exit), the kernel
// paths a reviewer asks about (syscall, kernel_fpu) and CPU hot-plug.
//
// One object serves a whole run; it keeps no state of its own (everything lives in the
// Machine), so a copied Simulation only has to point its kernel at itself (bind).
#pragma once

#include "kernel/Platform.h"

namespace uintr::kernel {

class LinuxKernel {
  public:
    void bind(Platform& platform) { p_ = &platform; }

    // Time 0: every task has registered (uintr_register_handler / uintr_register_sender).
    void registerTasks();

    // ---- The scheduler (ContextSwitch.cpp) ----
    // CPU `cpu` stops running its task and, after kernel.context_switch_ns, runs `next` (-1:
    // idle). `cause` is the context_switch event.
    void contextSwitch(int cpu, int next, int cause);
    // The time-0 placement of scenario-format.md: `task` is already on the CPU.
    void placeInitially(int cpu, int task, int cause);
    void finishSwitch(int cpu);
    // Woken tasks waiting for a CPU go to idle online CPUs (scenario-format.md "Time and order").
    void runWokenTasks();

    // ---- The way back to user space (ReturnToUser.cpp) ----
    // XRSTORS if the state was saved, then switch_uintr_return for a registered receiver (as
    // the variant decides). The caller resumes the task (delivery, waiting ops).
    void returnToUser(int cpu, int task, model::ReturnPath path, int cause);

    // ---- Interrupts (Interrupts.cpp) ----
    // An interrupt the core took through the IDT (not a user notification): the handler runs
    // for kernel.irq_ns. Returns the last event it recorded.
    int handleIdtVector(int cpu, std::uint8_t vector, int cause);
    // The handler's end; returns the irq_return event.
    int irqReturn(int cpu);

    // ---- Syscalls and kernel paths, from the running task (Syscalls.cpp) ----
    // Each records its events (with `entry`) and returns the last one; a syscall that returns
    // at once runs the way back to user space itself.
    int uintrWait(int task, int entry, int cause);
    int exitTask(int task, int entry, int cause);
    int unregisterHandler(int task, int entry, int cause);
    int unregisterSender(int task, std::uint64_t uittIndex, int entry, int cause);
    int enterKernel(int task, scenario::OpKind op, std::int64_t durationNs, int entry, int cause);
    // The syscall / kernel_fpu timer; the task returns to user mode if it is on its CPU.
    void kernelTimer(int task);
    // Finishes a return from syscall / kernel_fpu that was due: kernel_return, then the way back.
    void finishKernelReturn(int task, int cause);

    // ---- CPU hot-plug (Hotplug.cpp) ----
    void cpuOffline(int cpu, int entry);
    void cpuOnline(int cpu, int entry);

    // What the kernel configured: CR4.UINTR, the UIS line, UITTSZ.
    bool cr4Uintr() const;
    bool printsUisLine() const;
    std::uint32_t uittsz() const;

  private:
    using Variant = scenario::KernelVariant;
    void switchOut(int cpu, int cause);
    void switchIn(int cpu, int task, int cause);
    void runOnCpu(int cpu, int task);
    // XSAVES of the task's state (switch-out, kernel_fpu_begin), once until the next XRSTORS;
    // the misc-restore-bug variant saves twice.
    void saveState(int cpu, int task, int cause);
    // XRSTORS on the way back; returns its event (-1: none). Vectors orphaned in the live UIRR
    // (machine.xsaves_clears_uinv = false) are overwritten and lost.
    int restoreState(int cpu, int task, int cause);
    int switchUintrReturn(int cpu, int task, model::ReturnPath path, bool restored, int cause);
    void wakeBlockedTasks(int cpu, int cause);
    // uintr_unregister_handler's and uintr_free's part for a receiver.
    void dropHandler(int cpu, int task, int cause);
    void tearDownUitt(int cpu, int task, int cause);
    int pickCpuFor(int task) const;
    bool idle(int cpu) const;
    Variant variant() const { return p_->scenario().kernel.variant; }
    model::Machine& m() const { return p_->machine(); }

    Platform* p_ = nullptr;
};

} // namespace uintr::kernel
