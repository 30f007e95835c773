// The deterministic discrete-event engine: integer nanoseconds, hardware events (IPI arrivals,
// handler returns, switch completions, the kernel's timers) before timeline entries at the same
// instant, each group in the order it was caused / written (scenario-format.md "Time and
// order"). A run stops when nothing is left, or at `end_ns` / the 100 us horizon.
//
// A Simulation is a value: copying it copies the whole machine and the pending events, which is
// how the recording keeps checkpoints and how the race explorer re-runs from a point. It does no
// I/O; the only allocations inside a run are the event heap and the trace it appends to.
#pragma once

#include "kernel/LinuxKernel.h"
#include "kernel/Platform.h"
#include "model/Machine.h"
#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace uintr::sim {

struct PendingVectors {
    int task = -1;
    std::uint64_t pir = 0;
    std::uint64_t uirr = 0;
};

// cli.md summary.stopped.reason
enum class StopReason : std::uint8_t { Running, Idle, EndNs, Horizon };
const char* toString(StopReason r);

class Simulation final : private kernel::Platform {
  public:
    // Timeline entries by (at, file order): the order in which a run consumes them.
    using EntryOrder = std::shared_ptr<const std::vector<int>>;
    static EntryOrder entryOrder(const scenario::Scenario& scenario);

    // `scenario` must outlive the simulation and its copies.
    explicit Simulation(const scenario::Scenario& scenario);

    // Points this simulation (a checkpoint of a run of another scenario) at `scenario`, whose
    // timeline differs from the old one only in entries whose old and new times are both later
    // than now(): what was done so far is the same, what is left comes from `scenario`.
    // `order` is entryOrder(scenario), computed once for every checkpoint that is rebound.
    void rebind(const scenario::Scenario& scenario, EntryOrder order);

    // Where events go; nullptr runs silently (checkpoint replays, the race explorer).
    void setTrace(model::Trace* trace) { trace_ = trace; }
    // Copies the machine into *out the moment event `index` (counted over the whole run) is
    // recorded: the state after that event, inside its engine step (the engine and the kernel
    // change state, then record what they did). Recording::machineAfterEvent uses it.
    void snapshotAtEvent(int index, model::Machine* out) {
        snapshotAt_ = index;
        snapshot_ = out;
    }

    bool step(); // one engine step; false when nothing is left to do
    void run();  // to the end (or to the step limit)

    std::int64_t now() const override { return now_; }
    std::uint32_t steps() const { return steps_; }
    int eventCount() const { return eventCount_; }
    bool finished() const { return stopReason_ != StopReason::Running; }
    bool hitStepLimit() const { return hitStepLimit_; }
    StopReason stopReason() const { return stopReason_; }
    // summary.stopped.t: the stop time, or the last event's time when the run went idle.
    std::int64_t stoppedAt() const { return stoppedAt_; }
    const model::Machine& state() const { return machine_; }
    const scenario::Scenario& scenarioRef() const { return *scenario_; }
    bool printsUisLine() const;

    // What each receiver still has posted (PIR) or requested (UIRR) now.
    std::vector<PendingVectors> pending() const;
    // cli.md: "every posted vector is delivered, pending at the end, or lost" — checked by the
    // engine itself. Empty when it holds; else which task's account does not add up.
    std::string accountingError() const;
    // IPIs in flight now: for the inspector.
    struct InFlight {
        std::int64_t arrival;
        int cpu;
        std::uint8_t vector;
    };
    std::vector<InFlight> inFlight() const;

    static constexpr std::uint32_t kStepLimit = 50'000'000;

  private:
    enum class HwKind : std::uint8_t {
        IpiArrival,
        HandlerReturn,
        SwitchComplete,
        IrqReturn,
        KernelReturn
    };
    struct HwEvent {
        std::int64_t t;
        std::uint64_t seq;
        HwKind kind;
        std::int32_t cpu;
        std::int32_t task;
        std::int16_t vector;
        std::uint32_t generation;
        std::int32_t cause;
    };
    static bool later(const HwEvent& a, const HwEvent& b) {
        return a.t != b.t ? a.t > b.t : a.seq > b.seq;
    }

    // The one kernel of the run. It keeps a pointer to its platform, which must follow this
    // value when it is copied (checkpoints, the explorer), hence the binding on every use.
    kernel::LinuxKernel& kernel() {
        kernel_.bind(*this);
        return kernel_;
    }

    // kernel::Platform
    model::Machine& machine() override { return machine_; }
    const scenario::Scenario& scenario() const override { return *scenario_; }
    int record(model::TraceEvent event) override;
    void sendIpi(int fromCpu, std::uint32_t apicId, std::uint8_t vector, int cause,
                 std::int64_t latencyNs) override;
    void scheduleSwitchComplete(int cpu, std::int64_t at) override;
    void scheduleIrqReturn(int cpu, std::int64_t at) override;
    void scheduleKernelReturn(int task, std::int64_t at) override;
    void taskResumed(int task, int cause) override;
    void cpuBecameIdle(int cpu) override;
    void runWaitingEntries(int cpu) override;

    // Simulation.cpp: the loop, the clock, timeline entries for CPUs.
    void push(HwEvent e);
    void handleHardware(const HwEvent& e);
    void handleEntry(int entry);
    // A switch or CPU entry: runs, is ignored, or waits (false) for the CPU's switch, IDT
    // handler or kernel_fpu window; `retry`: it was already waiting (and said so).
    bool tryCpuEntry(int entry, bool retry);
    void handleContextSwitch(int entry);
    void handleCpuOnline(int entry);
    void afterIrq(int cpu, int cause);
    void stop(StopReason why, std::int64_t at);

    // SimulationOps.cpp: task operations.
    void executeOp(int entry, bool deferred, int cause);
    void postAndNotify(int cpu, int sender, const arch::SendUipiOutcome& out, int sendEvent);
    void runDeferredOps(int task, int cause);
    bool taskCanRunOps(int task, model::DeferReason* why) const;

    // SimulationInterrupts.cpp: the local APIC, notification processing, delivery, UIRET.
    void arrive(int cpu, std::uint8_t vector, int cause);
    void dispatchInterrupts(int cpu, int cause);
    int processNotification(int cpu, std::uint8_t vector, int cause);
    void tryDeliver(int cpu, int cause);
    void handlerReturn(int task, std::uint32_t generation);
    void resumeAfterInterrupt(int task, int cause);

    const scenario::Scenario* scenario_;
    EntryOrder order_; // timeline entries by (at, file order)
    std::size_t nextEntry_ = 0;
    std::vector<HwEvent> heap_;
    std::uint64_t nextSeq_ = 0;
    std::int64_t now_ = 0;
    std::int64_t stopTime_ = 0;
    std::int64_t lastEventAt_ = 0;
    std::int64_t stoppedAt_ = 0;
    std::uint32_t steps_ = 0;
    int eventCount_ = 0;
    bool hitStepLimit_ = false;
    StopReason stopReason_ = StopReason::Running;
    model::Machine machine_;
    kernel::LinuxKernel kernel_;
    model::Trace* trace_ = nullptr;
    int snapshotAt_ = -1;
    model::Machine* snapshot_ = nullptr;
};

} // namespace uintr::sim
