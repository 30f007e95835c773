// The events of one run, in the order they happened (the total order of scenario-format.md).
#pragma once

#include "model/TraceEvent.h"

#include <vector>

namespace uintr::model {

struct Trace {
    std::vector<TraceEvent> events;
    std::int64_t endTime() const { return events.empty() ? 0 : events.back().t; }
};

} // namespace uintr::model
