// The outcome of a run as cli.md's `summary` describes it.
#pragma once

#include "model/Trace.h"
#include "sim/Simulation.h"

#include <cstdint>
#include <string>
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

// cli.md summary.lost: a user vector that vanished, and the event that destroyed it.
struct LostVector {
    std::int64_t t;
    int task;
    int vector;
    int causeEvent;    // -1: the end of the run
    std::string cause; // the destroying event's kind (e.g. "xrstors"), or "end"
};

struct RunSummary {
    std::vector<DeliveredInterrupt> userInterrupts;
    std::vector<SpuriousNotification> spurious;
    std::vector<int> onlineCpus;    // /proc/interrupts columns (for_each_online_cpu)
    std::vector<std::uint64_t> uis; // per online CPU
    bool hasUisLine = true;         // the kernel variant decides (scenario-format.md)
    std::uint64_t ipisSent = 0;
    std::uint64_t faults = 0;
    std::vector<PendingVectors> pendingAtEnd;
    std::vector<int> blockedAtEnd; // sleepers in uintr_wait when time ended
    std::vector<LostVector> lost;
    model::VectorAccount vectors; // all receivers together
    std::uint64_t uintrReturnRuns = 0;
    std::uint64_t uintrReturnUnchanged = 0; // runs that changed nothing (the cost objection)
    StopReason stopReason = StopReason::Idle;
    std::int64_t stoppedAt = 0;
    std::int64_t endTime = 0;
    std::string accountingError; // the engine's own check; empty when every vector is accounted
};

// `finalState` is the simulation after run(); `trace` what it recorded.
RunSummary summarize(const model::Trace& trace, const Simulation& finalState);

} // namespace uintr::sim
