// What one run came to, read from the engine's own accounting at the end of the run (its
// counters, the receivers' pending vectors, the tasks' states): the race explorer's unit. Nothing
// here looks at a trace, so explorer runs record none.
//
// The classes are ordered by how bad they are; a run's class is the worst that applies. A new
// class (from a new engine fact) is one enumerator, one row of kOutcomeClasses and one line in
// classify(): every view (the CLI's windows and maps, the app's strip and map, the SVG legend)
// reads the table.
#pragma once

#include "scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace uintr::sim {
class Simulation;
}

namespace uintr::analysis {

enum class OutcomeClass : std::uint8_t {
    Invalid,    // the varied value makes the scenario inconsistent (a task on two CPUs)
    Quiet,      // nothing was delivered and nothing is left over
    Delivered,  // every post delivered, none later than the IPI's latency after its SENDUIPI
    Late,       // every post delivered, at least one later than that
    Pending,    // a vector is still posted (PIR) or requested (UIRR) when time ends
    Spurious,   // a notification vector reached the kernel through the IDT (UIS +1)
    NeverWoken, // a task sleeps in uintr_wait at the end with a vector posted for it
    Lost,       // a posted vector vanished (summary.lost)
    Storm,      // the run stopped at its horizon with spurious notifications still recurring
};

struct OutcomeClassInfo {
    OutcomeClass cls;
    std::string_view name;  // the CLI's word (explore --json, --find), the SVG class suffix
    std::string_view label; // for people: "spurious", "never woken"
};
inline constexpr std::array<OutcomeClassInfo, 9> kOutcomeClasses{{
    {OutcomeClass::Invalid, "invalid", "not a valid scenario"},
    {OutcomeClass::Quiet, "quiet", "nothing delivered"},
    {OutcomeClass::Delivered, "delivered", "delivered"},
    {OutcomeClass::Late, "late", "delivered late"},
    {OutcomeClass::Pending, "pending", "pending at the end"},
    {OutcomeClass::Spurious, "spurious", "spurious"},
    {OutcomeClass::NeverWoken, "never-woken", "never woken"},
    {OutcomeClass::Lost, "lost", "lost"},
    {OutcomeClass::Storm, "storm", "storm"},
}};
const OutcomeClassInfo& info(OutcomeClass c);
std::optional<OutcomeClass> outcomeClassFromName(std::string_view name);

struct Outcome {
    bool valid = true;
    std::uint64_t spurious = 0;   // notification vectors taken through the IDT (UIS)
    std::uint64_t delivered = 0;  // user interrupts delivered to a handler
    std::uint64_t pending = 0;    // vectors posted (PIR) or requested (UIRR) at the end
    std::uint64_t lost = 0;       // vectors that vanished
    std::uint64_t neverWoken = 0; // sleepers in uintr_wait at the end with a vector posted
    bool storm = false;
    // Post-to-delivery delay over the run's deliveries (-1: none delivered).
    std::int64_t minDelayNs = -1, maxDelayNs = -1;
    // Beyond this delay a delivery is late: the SENDUIPI's IPI latency (the direct path).
    std::int64_t lateAfterNs = 0;

    OutcomeClass cls() const;
    bool has(OutcomeClass c) const; // for --find: the run shows this outcome (not only the worst)
    // Two runs are in the same window of a sweep when everything but the delays agrees (a
    // delay changes with every nanosecond a SENDUIPI moves).
    bool sameWindow(const Outcome& o) const;
};

// The outcome of a finished run (after Simulation::run()).
Outcome classify(const sim::Simulation& finished);

// One run of `sc` from time 0, no trace: the explorer's inner loop, also used by the benchmark.
// An inconsistent scenario (checkConsistency) gives an invalid outcome without running.
Outcome runOutcome(const scenario::Scenario& sc);

} // namespace uintr::analysis
