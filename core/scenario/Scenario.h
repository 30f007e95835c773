// The in-memory form of a `uintr-scenario/1` file (../shared/docs/scenario-format.md).
// Names are resolved to indices by the loader so that the engine never compares strings.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace uintr::scenario {

enum class ApicMode : std::uint8_t { XApic, X2Apic };

// Each variant is one answer to the 2021 review; see docs/kernel-variants.md.
enum class KernelVariant : std::uint8_t {
    RfcV1,          // the RFC: SN on switch-out, UINV put back and SN cleared on switch-in
    NoSn,           // switch-out leaves SN clear: SENDUIPI to an off-CPU task IPIs a stale NDST
    MiscRestoreBug, // UINV is lost across a switch: every later notification is spurious
    Reviewed,       // rfc-v1 with the fixes the review asked for (scenario-format.md)
};

// Without `end_ns`, a run stops this long after its last timeline entry (scenario-format.md,
// `end_ns`), so that a storm of spurious notifications ends and says why.
inline constexpr std::int64_t kHorizonNs = 100'000;

struct MachineConfig {
    int cpus = 1;
    ApicMode apicMode = ApicMode::X2Apic;
    std::int64_t ipiLatencyNs = 200;
    bool uintrSupported = true;
    std::uint8_t notificationVector = 0xEC;
    std::uint8_t kernelVector = 0xEB;
    std::int64_t selfIpiLatencyNs = 0; // switch_uintr_return's self-IPI
    bool uintrEnabled = true;          // CR4.UINTR = uintrSupported && uintrEnabled
    bool xsavesClearsUinv = true;      // false: the counterfactual hardware of the review
};

struct KernelConfig {
    KernelVariant variant = KernelVariant::RfcV1;
    std::int64_t contextSwitchNs = 0;
    std::int64_t handlerNs = 200;
    std::int64_t irqNs = 100; // the kernel's IDT handler for a UINTR vector
};

struct TaskSpec {
    std::string name;
    bool receiver = false;
};

struct ConnectionSpec {
    int sender = -1;   // task index
    int receiver = -1; // task index
    int vector = 0;    // user vector 0..63
    int uittIndex = 0; // resolved: "next free" when the file leaves it out
    bool uittIndexGiven = false;
};

enum class OpKind : std::uint8_t {
    SendUipi,
    Clui,
    Stui,
    Testui,
    UintrWait,
    Exit,
    // The kernel paths of scenario-format.md "Operations" (added 2026-12).
    Syscall,           // duration_ns in the kernel, then back to user mode
    KernelFpu,         // kernel_fpu_begin/end: XSAVES without a context switch
    UnregisterSender,  // uintr_unregister_sender(uitt_index)
    UnregisterHandler, // uintr_unregister_handler()
};
// Ops that carry `duration_ns`.
inline bool hasDuration(OpKind op) {
    return op == OpKind::Syscall || op == OpKind::KernelFpu;
}
// Ops that carry `uitt_index`.
inline bool hasUittIndex(OpKind op) {
    return op == OpKind::SendUipi || op == OpKind::UnregisterSender;
}

struct TimelineEntry {
    // CpuOnline: `{ "at", "cpu", "online": bool }` takes a CPU offline or brings it back.
    enum class Kind : std::uint8_t { ContextSwitch, TaskOp, CpuOnline };
    std::string id; // may be empty
    std::int64_t at = 0;
    Kind kind = Kind::ContextSwitch;
    // ContextSwitch, CpuOnline
    int cpu = -1;
    bool online = true; // CpuOnline
    int runTask = -1;   // -1: idle (JSON null)
    // TaskOp
    int task = -1;
    OpKind op = OpKind::SendUipi;
    std::uint64_t uittIndex = 0; // the SENDUIPI register operand: any 64-bit value
    std::int64_t durationNs = 0; // syscall, kernel_fpu: >= 1
};

struct NarrationEntry {
    std::int64_t at = 0;
    std::string text;
    // This project's additions (docs/scenarios.md, "Presenter keys"), both optional: what the
    // presenter reads (never shown to the class), and a question the lesson pauses on before the
    // step happens (a predict step).
    std::string notes;
    std::string question;
};

struct Scenario {
    std::string title;
    std::string summary;
    MachineConfig machine;
    KernelConfig kernel;
    std::vector<TaskSpec> tasks;
    std::vector<ConnectionSpec> connections;
    std::vector<TimelineEntry> timeline;
    std::vector<NarrationEntry> narration;
    std::optional<std::int64_t> endNs; // top-level `end_ns`
    // Kept as written: checked by analysis/Expectations, saved back unchanged.
    std::optional<nlohmann::ordered_json> expect;

    int findTask(const std::string& name) const {
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].name == name) return static_cast<int>(i);
        return -1;
    }
    int findEntry(const std::string& id) const {
        if (id.empty()) return -1;
        for (std::size_t i = 0; i < timeline.size(); ++i)
            if (timeline[i].id == id) return static_cast<int>(i);
        return -1;
    }
    // Events at or before this time run (scenario-format.md `end_ns`): `end_ns`, or the largest
    // `at` plus the 100 us horizon.
    std::int64_t stopTime() const {
        if (endNs) return *endNs;
        std::int64_t last = 0;
        for (const auto& e : timeline)
            last = e.at > last ? e.at : last;
        return last + kHorizonNs;
    }
    std::string taskName(int index) const {
        return index >= 0 && index < static_cast<int>(tasks.size()) ? tasks[index].name : "idle";
    }
};

const char* toString(KernelVariant v);
std::optional<KernelVariant> kernelVariantFromString(const std::string& s);
const char* toString(OpKind op);
std::optional<OpKind> opKindFromString(const std::string& s);
const char* toString(ApicMode m);

} // namespace uintr::scenario
