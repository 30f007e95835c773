// One dimension of the race explorer: a value of the scenario that varies over a range of
// nanoseconds. `explore --vary` spells it (docs/explore.md):
//   ID                                  entry ID's time over 0 .. the scenario's last entry
//   ID=FROM..TO[:STEP]  ID.at=FROM..TO  entry ID's time over a range
//   machine.ipi_latency_ns=100..800     a machine or kernel parameter (kParameters)
//   ID.duration_ns=FROM..TO[:STEP]      the duration of a kernel-path op (syscall, kernel_fpu)
// Each value is set on a copy of the scenario; the engine never sees the axis.
#pragma once

#include "scenario/Scenario.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace uintr::analysis {

struct Axis {
    enum class Kind : std::uint8_t { EntryAt, EntryDuration, Parameter };
    Kind kind = Kind::EntryAt;
    int entry = -1;     // EntryAt, EntryDuration
    int parameter = -1; // Parameter: index into kParameters
    std::string name;   // as the user names it: "send", "machine.ipi_latency_ns"
    std::int64_t from = 0, to = 0, step = 1; // inclusive range

    std::int64_t count() const { return (to - from) / step + 1; }
    std::int64_t valueAt(std::int64_t index) const { return from + index * step; }
};

// The machine and kernel parameters an axis may vary: times in ns, with the ranges
// scenario-format.md allows. One row per parameter; the loader's checks are the authority.
struct ParameterInfo {
    std::string_view name;
    std::int64_t min, max;
    std::int64_t (*get)(const scenario::Scenario&);
    void (*set)(scenario::Scenario&, std::int64_t);
};
extern const std::vector<ParameterInfo> kParameters;

// Parses one --vary argument against `sc`; an error message names the problem.
std::variant<Axis, std::string> parseAxis(const scenario::Scenario& sc, std::string_view spec);

std::int64_t axisValue(const scenario::Scenario& sc, const Axis& a);
void setAxisValue(scenario::Scenario& sc, const Axis& a, std::int64_t value);

// The value's name in the scenario: "send.at", "machine.ipi_latency_ns" (JSON keys, titles).
std::string axisKey(const scenario::Scenario& sc, const Axis& a);

} // namespace uintr::analysis
