// The events of one run, in the order they happened (the total order of scenario-format.md).
#pragma once

#include "model/TraceEvent.h"

#include <boost/container/deque.hpp>
#include <boost/container/options.hpp>

namespace uintr::model {

// Events in blocks of 1024 (57 KiB): a run appends without ever copying what it has, and a
// million-event trace holds 56 bytes an event, where a doubling vector reserves up to twice that
// (docs/app.md "Memory"). Random access and iterators as a vector's.
using EventList =
    boost::container::deque<TraceEvent, void,
                            boost::container::deque_options_t<boost::container::block_size<1024u>>>;

struct Trace {
    EventList events;
    std::int64_t endTime() const { return events.empty() ? 0 : events.back().t; }
};

} // namespace uintr::model
