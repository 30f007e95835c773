// A large, valid, deterministic scenario for benchmarks and level-of-detail tests: receivers
// and senders in pairs across CPUs, with a steady rhythm of SENDUIPIs and context switches whose
// phases drift, so that every outcome (delivered, suppressed, spurious) occurs throughout.
#pragma once

#include "scenario/Scenario.h"

#include <cstdint>

namespace uintr::scenario {

struct StressShape {
    int cpus = 4;                 // even; CPU 2k runs receiver k, CPU 2k+1 its sender
    std::int64_t entries = 10000; // timeline entries (each makes ~3-8 trace events)
    std::int64_t periodNs = 500;  // time between two entries of one pair
    std::uint64_t seed = 1;
};

Scenario makeStressScenario(const StressShape& shape);

} // namespace uintr::scenario
