// What the kernel model needs from the engine: the machine, the clock, the trace, the
// interconnect and timers. The engine implements it; the kernel never sees the event queue.
#pragma once

#include "model/Machine.h"
#include "model/TraceEvent.h"
#include "scenario/Scenario.h"

#include <cstdint>

namespace uintr::kernel {

class Platform {
  public:
    virtual ~Platform() = default;
    virtual std::int64_t now() const = 0;
    virtual model::Machine& machine() = 0;
    virtual const scenario::Scenario& scenario() const = 0;
    // Appends to the trace (time and step filled in); returns the event's index.
    virtual int record(model::TraceEvent event) = 0;
    // An IPI written to the ICR of `fromCpu` now; it reaches the target after `latencyNs`. With
    // a latency of 0 it is taken at once, before anything else happens on the target.
    virtual void sendIpi(int fromCpu, std::uint32_t apicId, std::uint8_t vector, int cause,
                         std::int64_t latencyNs) = 0;
    // Timers: the end of a context switch, of the IDT handler, of a syscall / kernel_fpu.
    virtual void scheduleSwitchComplete(int cpu, std::int64_t at) = 0;
    virtual void scheduleIrqReturn(int cpu, std::int64_t at) = 0;
    virtual void scheduleKernelReturn(int task, std::int64_t at) = 0;
    // The task is back in user mode on its CPU: resume its handler or deliver, run waiting ops.
    virtual void taskResumed(int task, int cause) = 0;
    // The CPU has no task now: entries that waited for an idle CPU may run.
    virtual void cpuBecameIdle(int cpu) = 0;
    // kernel_fpu_end re-enabled preemption: context switches that waited for it may run.
    virtual void runWaitingEntries(int cpu) = 0;
};

} // namespace uintr::kernel
