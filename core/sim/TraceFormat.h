// The two faces of a trace: readable text for a reviewer's terminal and mail, and the
// `uintr-trace/1` JSON of cli.md for scripts. Both are byte-stable for a given run.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "sim/Summary.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace uintr::sim {

std::vector<int> bitList(std::uint64_t bits); // set bits, lowest first
std::string vectorsText(std::uint64_t bits);  // "{3,9}"
std::string hexText(std::uint64_t value);     // "0xec"
// The changes of one switch_uintr_return run (model::uintr_return bits), by name.
std::vector<std::string> uintrReturnChanges(std::uint64_t changed);

nlohmann::ordered_json eventToJson(const model::TraceEvent& e, const scenario::Scenario& sc);
nlohmann::ordered_json summaryToJson(const RunSummary& s, const scenario::Scenario& sc);
std::string traceToJson(const model::Trace& trace, const RunSummary& s,
                        const scenario::Scenario& sc);
// The same bytes, written event by event: a run of millions of events never holds its whole
// JSON document in memory (uintr-sim run --json).
void writeTraceJson(std::ostream& out, const model::Trace& trace, const RunSummary& s,
                    const scenario::Scenario& sc);

// One line of explanation for an event, e.g. "uitt_index=0 vector=3".
std::string describeEvent(const model::TraceEvent& e, const scenario::Scenario& sc);
std::string traceToText(const model::Trace& trace, const RunSummary& s,
                        const scenario::Scenario& sc);

} // namespace uintr::sim
