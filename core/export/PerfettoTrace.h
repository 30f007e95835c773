// A run in the Chrome JSON trace format ("Trace Event Format") that ui.perfetto.dev and
// chrome://tracing open: one track per CPU (a thread of one process) with the task, switch, idle
// and handler slices the timeline draws; instant events for SENDUIPI, notification processing,
// spurious notifications and deliveries; and one flow arrow (ph "s" → "f", bound to the
// enclosing slices) for every IPI that arrived. Timestamps are µs with ns precision, so that
// nothing of the model's integer nanoseconds is rounded away.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <ostream>

namespace uintr::exporting {

// Deterministic: the same run gives the same bytes.
void writePerfettoJson(std::ostream& out, const scenario::Scenario& sc, const model::Trace& trace);

} // namespace uintr::exporting
