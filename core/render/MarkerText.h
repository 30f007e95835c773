// What a timeline marker says: its kind (shape and colour), the short label drawn beside it, and
// the one-line tooltip. Kept apart from the geometry so that the wording can change without
// touching the level-of-detail code, and so that the SVG writer and the QML show the same words.
#pragma once

#include "model/Trace.h"
#include "render/TimelineGeometry.h"
#include "scenario/Scenario.h"

#include <string>
#include <vector>

namespace uintr::render {

MarkerKind markerKindOf(model::EventKind kind);

// Derived from markerKindOf and the trace's own names, so that no second table names the kinds:
// "spurious_notification" (cli.md's spelling, what the app's models and QML key on; "other"),
// and what the legend and the screen call it, analysis::eventTitle ("spurious notification").
std::string_view markerKindName(MarkerKind kind);
std::string markerTitle(MarkerKind kind);

// "SENDUIPI", "UIS +1", "→ other", "deliver v3"…: a few characters a lecture hall can read.
std::string markerLabel(const model::TraceEvent& e, const scenario::Scenario& sc);

// "1 300 ns, CPU 0, other: ipi_arrived: vector 0xec reaches …; spurious_notification: …".
// `events` are the marker's own event and those folded into it, in trace order.
std::string markerTooltip(const std::vector<int>& events, const model::Trace& trace,
                          const scenario::Scenario& sc);

// An IPI arrow's label: the vector it carries and its flight time, the race window
// ("0xEC · 300 ns"); "3 IPIs" for merged ones.
std::string arrowLabel(const Arrow& a);

// For a merged marker: "12 × SENDUIPI on CPU 1, 1 000 ns – 1 450 ns (zoom in to see each)".
std::string mergedTooltip(const Marker& first, std::int64_t lastT, int count);

} // namespace uintr::render
