// The events of one run, in the order they happened (the total order of scenario-format.md).
#pragma once

#include "sim/TraceEvent.h"

#include <vector>

namespace uintr::sim {

struct Trace {
    std::vector<TraceEvent> events;
    std::int64_t endTime() const { return events.empty() ? 0 : events.back().t; }
};

} // namespace uintr::sim
