// An event told as a sentence a class can follow, for the Why chain: human names ("the
// spurious notification", not spurious_notification), task names, hex as the reference writes
// it (0xEC), one sentence per event. The trace's own one-liners (sim/TraceFormat) stay terse
// and byte-stable for reviewers' scripts; this is the teaching voice.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <string>

namespace uintr::analysis {

// "spurious notification", "SENDUIPI", "IPI sent": what an event kind is called on screen.
std::string eventTitle(model::EventKind kind);

// "receiver's notification IPI (vector 0xEC) arrived at CPU 0, but UINV was 0 (cleared when
// receiver was switched out), so the CPU took it through the IDT: the kernel counted UIS +1."
std::string eventProse(const model::TraceEvent& e, const scenario::Scenario& sc);

// "0xEC": the reference's spelling of a vector or value.
std::string hexUpper(std::uint64_t value);

} // namespace uintr::analysis
