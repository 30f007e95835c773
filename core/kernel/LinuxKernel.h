// The kernel's side of user interrupts, as the 2021 RFC does it (uintr-reference.md §5), with
// the teaching variants of scenario-format.md: registration, the context-switch hooks
// (switch_uintr_prepare / XSAVES, XRSTORS / switch_uintr_return), the handlers of the
// notification vector taken through the IDT (spurious, `UIS`) and of the kernel vector
// (uintr_wait wake-up), and blocking.
#pragma once

#include "kernel/Platform.h"

namespace uintr::kernel {

class LinuxKernel {
  public:
    explicit LinuxKernel(Platform& platform) : p_(platform) {}

    // Time 0: every task has registered (uintr_register_handler / uintr_register_sender).
    void registerTasks();

    // The scheduler's decision at `cause` (a context_switch event): CPU `cpu` stops running
    // its task and, after kernel.context_switch_ns, runs `next` (-1: idle).
    void contextSwitch(int cpu, int next, int cause);
    // The time-0 placement of scenario-format.md: `task` is already on the CPU.
    void placeInitially(int cpu, int task, int cause);
    void finishSwitch(int cpu);

    // An interrupt that the core took through the IDT (not a user notification).
    void handleIdtVector(int cpu, std::uint8_t vector, int cause);

    // Syscalls and exit, from the running task.
    void uintrWait(int task, int cause);
    void exitTask(int task, int cause);

  private:
    using Variant = scenario::KernelVariant;
    void switchOut(int cpu, int cause);
    void switchIn(int cpu, int task, int cause);
    void runOnCpu(int cpu, int task);
    void switchUintrReturn(int cpu, int task, int cause);
    void wakeBlockedTasks(int cpu, int cause);
    int pickCpuFor(int task) const;
    model::TraceEvent event(model::EventKind kind, int cpu, int task, int cause) const;
    bool supported() const { return p_.scenario().machine.uintrSupported; }
    Variant variant() const { return p_.scenario().kernel.variant; }

    Platform& p_;
};

} // namespace uintr::kernel
