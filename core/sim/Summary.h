// The outcome of a run as cli.md's `summary` describes it.
#pragma once

#include "sim/Simulation.h"
#include "model/Trace.h"

#include <cstdint>
#include <vector>

namespace uintr::sim {

struct DeliveredInterrupt {
    std::int64_t t;
    int cpu;
    int task;
    int vector;
};

struct SpuriousNotification {
    std::int64_t t;
    int cpu;
    int vector;
};

struct RunSummary {
    std::vector<DeliveredInterrupt> userInterrupts;
    std::vector<SpuriousNotification> spurious;
    std::vector<std::uint64_t> uis; // per CPU; meaningful only when the feature exists
    bool hasUisLine = true;         // no UIS line without the CPU feature
    std::uint64_t ipisSent = 0;
    std::uint64_t faults = 0;
    std::vector<PendingVectors> pendingAtEnd;
    std::int64_t endTime = 0;
};

// `finalState` is the simulation after run(); `trace` what it recorded.
RunSummary summarize(const model::Trace& trace, const Simulation& finalState);

} // namespace uintr::sim
