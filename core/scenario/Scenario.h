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
};

struct MachineConfig {
    int cpus = 1;
    ApicMode apicMode = ApicMode::X2Apic;
    std::int64_t ipiLatencyNs = 200;
    bool uintrSupported = true;
    std::uint8_t notificationVector = 0xEC;
    std::uint8_t kernelVector = 0xEB;
};

struct KernelConfig {
    KernelVariant variant = KernelVariant::RfcV1;
    std::int64_t contextSwitchNs = 0;
    std::int64_t handlerNs = 200;
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

enum class OpKind : std::uint8_t { SendUipi, Clui, Stui, Testui, UintrWait, Exit };

struct TimelineEntry {
    enum class Kind : std::uint8_t { ContextSwitch, TaskOp };
    std::string id; // may be empty
    std::int64_t at = 0;
    Kind kind = Kind::ContextSwitch;
    // ContextSwitch
    int cpu = -1;
    int runTask = -1; // -1: idle (JSON null)
    // TaskOp
    int task = -1;
    OpKind op = OpKind::SendUipi;
    std::uint64_t uittIndex = 0; // the SENDUIPI register operand: any 64-bit value
};

struct NarrationEntry {
    std::int64_t at = 0;
    std::string text;
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
