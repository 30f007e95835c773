// What the kernel model needs from the engine: the machine, the clock, the trace, and the
// interconnect. The engine implements it; the kernel never sees the event queue.
#pragma once

#include "scenario/Scenario.h"
#include "model/Machine.h"
#include "model/TraceEvent.h"

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
    // An IPI written to the ICR of `fromCpu` now; it reaches the target after the latency.
    virtual void sendIpi(int fromCpu, std::uint32_t apicId, std::uint8_t vector, int cause) = 0;
    // Completion of a context switch that takes kernel.context_switch_ns.
    virtual void scheduleSwitchComplete(int cpu, std::int64_t at) = 0;
    // The task just started running on its CPU: resume its handler, deliver, run waiting ops.
    virtual void taskResumed(int task, int cause) = 0;
};

} // namespace uintr::kernel
