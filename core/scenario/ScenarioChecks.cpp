// The document, machine, kernel, tasks, connections and narration rules of scenario-format.md
// ("Keys"). The timeline's rules live in TimelineChecks.cpp.
#include "scenario/ScenarioChecks.h"

#include "scenario/ExpectSchema.h"
#include "scenario/JsonPositions.h"

#include <array>

namespace uintr::scenario {
namespace {

using Json = ScenarioChecker::Json;
constexpr const char* kFormat = "uintr-scenario/1";
// In the canonical order of ScenarioWriter.cpp.
constexpr const char* kRootKeys = "format, title, summary, machine, kernel, end_ns, tasks, "
                                  "connections, timeline, narration, expect";
constexpr const char* kMachineKeys =
    "cpus, apic_mode, ipi_latency_ns, self_ipi_latency_ns, uintr_supported, uintr_enabled, "
    "xsaves_clears_uinv, notification_vector, kernel_vector";
constexpr const char* kKernelKeys = "variant, context_switch_ns, handler_ns, irq_ns";
constexpr const char* kTaskKeys = "name, receiver";
constexpr const char* kConnectionKeys = "sender, receiver, vector, uitt_index";
constexpr const char* kNarrationKeys = "at, text, notes, question";

struct UittSlots {
    std::array<int, limits::kUittEntries> owner{}; // connection index, -1 when free
    UittSlots() { owner.fill(-1); }
};

} // namespace

std::variant<Scenario, CheckError> ScenarioChecker::run(const Json& doc) {
    if (auto e = object(doc, "")) return *e;
    if (auto e = missing(doc, "", {"format", "tasks", "timeline"}, kRootKeys)) return *e;

    // Connections and the timeline refer to tasks and CPUs wherever those appear in the file:
    // check machine and tasks first, but report every error in its place in document order.
    Scenario s;
    Problem machineError, tasksError;
    if (const auto it = doc.find("machine"); it != doc.end())
        machineError = machine(*it, s.machine);
    if (const auto it = doc.find("tasks"); it != doc.end()) tasksError = tasks(*it, s.tasks);

    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        Problem e;
        if (key == "format") {
            std::string format;
            e = string(v, "", key, limits::kMaxTextBytes, format);
            if (!e && format != kFormat)
                e = at("", key,
                       "unsupported format " + quoteText(format) + "; expected '" + kFormat + "'");
        } else if (key == "title") {
            e = string(v, "", key, limits::kMaxTextBytes, s.title);
        } else if (key == "summary") {
            e = string(v, "", key, limits::kMaxTextBytes, s.summary);
        } else if (key == "machine") {
            e = machineError;
        } else if (key == "kernel") {
            e = kernel(v, s.kernel);
        } else if (key == "end_ns") {
            // "The way back to user space", `end_ns`: any time, also before some `at` (the
            // entries after it do not run).
            std::int64_t end = 0;
            e = integer(v, "", key, 0, limits::kMaxTimeNs, end);
            if (!e) s.endNs = end;
        } else if (key == "tasks") {
            e = tasksError;
        } else if (key == "connections") {
            e = connections(v, !tasksError, s.connections);
        } else if (key == "timeline") {
            e = timeline(v, !tasksError && !machineError, s);
        } else if (key == "narration") {
            e = narration(v, s.narration);
        } else if (key == "expect") {
            // Kept exactly as written; its shape is checked here, its meaning by
            // analysis/Expectations after a run.
            e = object(v, pointer("", key));
            if (!e) {
                if (auto bad = checkExpectShape(v))
                    e = CheckError{bad->pointer, bad->message, bad->atKey};
                else
                    s.expect = v;
            }
        } else {
            e = unknownKey("", key, kRootKeys);
        }
        if (e) return *e;
    }
    return s;
}

ScenarioChecker::Problem ScenarioChecker::machine(const Json& v, MachineConfig& out) const {
    const std::string path = "/machine";
    if (auto e = object(v, path)) return e;
    bool nvSeen = false, kvSeen = false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        const Json& m = it.value();
        std::int64_t n = 0;
        if (key == "cpus") {
            if (auto e = integer(m, path, key, 1, limits::kMaxCpus, n)) return e;
            out.cpus = static_cast<int>(n);
        } else if (key == "apic_mode") {
            std::string mode;
            if (auto e = string(m, path, key, limits::kMaxTextBytes, mode)) return e;
            if (mode != "xapic" && mode != "x2apic")
                return at(path, key,
                          "unknown apic_mode " + quoteText(mode) + "; expected one of " +
                              "xapic, x2apic");
            out.apicMode = mode == "xapic" ? ApicMode::XApic : ApicMode::X2Apic;
        } else if (key == "ipi_latency_ns") {
            if (auto e = integer(m, path, key, 0, limits::kMaxIpiLatencyNs, out.ipiLatencyNs))
                return e;
        } else if (key == "self_ipi_latency_ns") {
            if (auto e = integer(m, path, key, 0, limits::kMaxIpiLatencyNs, out.selfIpiLatencyNs))
                return e;
        } else if (key == "uintr_supported") {
            if (auto e = boolean(m, path, key, out.uintrSupported)) return e;
        } else if (key == "uintr_enabled") {
            // Never a load error, whatever uintr_supported says ("The way back to user space").
            if (auto e = boolean(m, path, key, out.uintrEnabled)) return e;
        } else if (key == "xsaves_clears_uinv") {
            if (auto e = boolean(m, path, key, out.xsavesClearsUinv)) return e;
        } else if (key == "notification_vector" || key == "kernel_vector") {
            if (auto e = integer(m, path, key, 32, 255, n)) return e;
            const bool nv = key == "notification_vector";
            (nv ? out.notificationVector : out.kernelVector) = static_cast<std::uint8_t>(n);
            (nv ? nvSeen : kvSeen) = true;
            // Compared at the later of the two (a default counts as earlier than any key).
            const char* other = nv ? "kernel_vector" : "notification_vector";
            const bool otherDone = !v.contains(other) || (nv ? kvSeen : nvSeen);
            if (otherDone && out.notificationVector == out.kernelVector)
                return at(path, key,
                          "notification_vector and kernel_vector must differ (both are " +
                              std::to_string(n) + ")");
        } else {
            return unknownKey(path, key, kMachineKeys);
        }
    }
    return {};
}

ScenarioChecker::Problem ScenarioChecker::kernel(const Json& v, KernelConfig& out) const {
    const std::string path = "/kernel";
    if (auto e = object(v, path)) return e;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        if (key == "variant") {
            std::string name;
            if (auto e = string(it.value(), path, key, limits::kMaxTextBytes, name)) return e;
            const auto variant = kernelVariantFromString(name);
            if (!variant)
                return at(path, key,
                          "unknown kernel variant " + quoteText(name) + "; expected one of " +
                              kernelVariantSpellings());
            out.variant = *variant;
        } else if (key == "context_switch_ns") {
            if (auto e =
                    integer(it.value(), path, key, 0, limits::kMaxDurationNs, out.contextSwitchNs))
                return e;
        } else if (key == "handler_ns") {
            if (auto e = integer(it.value(), path, key, 0, limits::kMaxDurationNs, out.handlerNs))
                return e;
        } else if (key == "irq_ns") {
            // An IDT handler takes time: 0 would let a storm run without time passing.
            if (auto e = integer(it.value(), path, key, 1, limits::kMaxDurationNs, out.irqNs))
                return e;
        } else {
            return unknownKey(path, key, kKernelKeys);
        }
    }
    return {};
}

ScenarioChecker::Problem ScenarioChecker::tasks(const Json& v, std::vector<TaskSpec>& out) {
    if (auto e = array(v, "/tasks", &kSectionLimits[0])) return e;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "/tasks/" + std::to_string(i);
        const Json& t = v[i];
        if (auto e = object(t, path)) return e;
        if (auto e = missing(t, path, {"name"}, kTaskKeys)) return e;
        TaskSpec task;
        for (auto it = t.begin(); it != t.end(); ++it) {
            const std::string& key = it.key();
            if (key == "name") {
                if (auto e = name(it.value(), path, key, task.name)) return e;
                if (const auto dup = taskIndex_.find(task.name); dup != taskIndex_.end())
                    return at(path, key,
                              "duplicate task name " + quoteText(task.name) + " (also /tasks/" +
                                  std::to_string(dup->second) + ")");
            } else if (key == "receiver") {
                if (auto e = boolean(it.value(), path, key, task.receiver)) return e;
            } else {
                return unknownKey(path, key, kTaskKeys);
            }
        }
        taskIndex_.emplace(task.name, static_cast<int>(i));
        taskIsReceiver_.push_back(task.receiver);
        out.push_back(std::move(task));
    }
    return {};
}

// "index: next free" (scenario-format.md, "Keys"): every explicit uitt_index is reserved first;
// then each connection without one takes, in file order, the lowest index its sender has free.
ScenarioChecker::Problem ScenarioChecker::connections(const Json& v, bool resolve,
                                                      std::vector<ConnectionSpec>& out) const {
    if (auto e = array(v, "/connections", &kSectionLimits[1])) return e;
    std::unordered_map<std::string, UittSlots> used; // by sender name: works unresolved too
    std::vector<const std::string*> senderNames;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "/connections/" + std::to_string(i);
        const Json& c = v[i];
        if (auto e = object(c, path)) return e;
        if (auto e = missing(c, path, {"sender", "receiver", "vector"}, kConnectionKeys)) return e;
        ConnectionSpec spec;
        for (auto it = c.begin(); it != c.end(); ++it) {
            const std::string& key = it.key();
            const Json& m = it.value();
            std::int64_t n = 0;
            if (key == "sender") {
                if (auto e = taskRef(m, path, key, resolve, spec.sender)) return e;
            } else if (key == "receiver") {
                if (auto e = taskRef(m, path, key, resolve, spec.receiver)) return e;
                if (resolve && !taskIsReceiver_[static_cast<std::size_t>(spec.receiver)])
                    return at(path, key,
                              "task " + quoteText(m.get_ref<const std::string&>()) +
                                  " is not a receiver (give it \"receiver\": true in /tasks/" +
                                  std::to_string(spec.receiver) + ")");
            } else if (key == "vector") {
                if (auto e = integer(m, path, key, 0, 63, n)) return e;
                spec.vector = static_cast<int>(n);
            } else if (key == "uitt_index") {
                if (auto e = integer(m, path, key, 0, limits::kUittEntries - 1, n)) return e;
                spec.uittIndex = static_cast<int>(n);
                spec.uittIndexGiven = true;
                // A sender that is not a string reports its own error at its own place.
                const Json& sender = c["sender"];
                if (!sender.is_string()) continue;
                const auto& name = sender.get_ref<const std::string&>();
                int& owner = used[name].owner[static_cast<std::size_t>(n)];
                if (owner >= 0)
                    return at(path, key,
                              "uitt_index " + std::to_string(n) + " of sender " + quoteText(name) +
                                  " is already used by /connections/" + std::to_string(owner));
                owner = static_cast<int>(i);
            } else {
                return unknownKey(path, key, kConnectionKeys);
            }
        }
        senderNames.push_back(&c["sender"].get_ref<const std::string&>());
        out.push_back(spec);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].uittIndexGiven) continue;
        auto& slots = used[*senderNames[i]].owner;
        std::size_t free = 0;
        while (free < slots.size() && slots[free] >= 0)
            ++free;
        if (free == slots.size())
            return CheckError{"/connections/" + std::to_string(i),
                              "no free uitt_index for sender " + quoteText(*senderNames[i]) +
                                  ": all " + std::to_string(limits::kUittEntries) +
                                  " entries are used (limits::kUittEntries)"};
        slots[free] = static_cast<int>(i);
        out[i].uittIndex = static_cast<int>(free);
    }
    return {};
}

ScenarioChecker::Problem ScenarioChecker::narration(const Json& v,
                                                    std::vector<NarrationEntry>& out) const {
    if (auto e = array(v, "/narration", &kSectionLimits[3])) return e;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "/narration/" + std::to_string(i);
        const Json& n = v[i];
        if (auto e = object(n, path)) return e;
        if (auto e = missing(n, path, {"at", "text"}, kNarrationKeys)) return e;
        NarrationEntry entry;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const std::string& key = it.key();
            if (key == "at") {
                if (auto e = integer(it.value(), path, key, 0, limits::kMaxTimeNs, entry.at))
                    return e;
            } else if (key == "text") {
                if (auto e = string(it.value(), path, key, limits::kMaxTextBytes, entry.text))
                    return e;
            } else if (key == "notes") {
                if (auto e = string(it.value(), path, key, limits::kMaxTextBytes, entry.notes))
                    return e;
            } else if (key == "question") {
                if (auto e = string(it.value(), path, key, limits::kMaxTextBytes, entry.question))
                    return e;
            } else {
                return unknownKey(path, key, kNarrationKeys);
            }
        }
        out.push_back(std::move(entry));
    }
    return {};
}

} // namespace uintr::scenario
