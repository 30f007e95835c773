// The race explorer: re-simulates a scenario for every nanosecond of one entry's time and
// reports the maximal windows with the same outcome (cli.md `explore`). Each run copies nothing
// but the machine the engine sets up and traces nothing, so a sweep runs at engine speed.
#pragma once

#include "scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace uintr::analysis {

struct Outcome {
    std::uint64_t spurious = 0;
    std::uint64_t delivered = 0;
    bool valid = true; // false: the moved entry makes the scenario inconsistent there
    friend bool operator==(const Outcome&, const Outcome&) = default;
};

struct Window {
    std::int64_t from = 0;
    std::int64_t to = 0; // inclusive
    Outcome outcome;
};

struct ExploreResult {
    std::string vary;
    std::vector<Window> windows;
    std::uint64_t runs = 0;
};

// Sweeps entry `entryId` over [from, to] (default: 0 .. the scenario's last entry time).
// Returns an error message instead when the id is unknown or the range is empty or too large.
struct ExploreRequest {
    std::string entryId;
    std::optional<std::int64_t> from, to;
    std::int64_t maxRuns = 10'000'000;
};
std::variant<ExploreResult, std::string> explore(const scenario::Scenario& sc,
                                                 const ExploreRequest& request);

// One run's outcome, no trace: the explorer's inner loop, also used by the benchmark.
Outcome runOutcome(const scenario::Scenario& sc);

} // namespace uintr::analysis
