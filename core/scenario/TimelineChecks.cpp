// The timeline's rules (scenario-format.md, "Keys", "Time and order" and "Operations"): what an
// entry is, its keys, ids, and that a task never runs on two CPUs at once.
#include "scenario/ScenarioChecks.h"
#include "scenario/ScenarioIO.h"

#include <algorithm>

namespace uintr::scenario {
namespace {

using Json = ScenarioChecker::Json;

// The format does not constrain ids. They travel on command lines (`--set ID.at=NS`), so they are
// 1 to 64 printable ASCII characters other than '=' (which ends the ID in --set) and spaces.
constexpr std::size_t kMaxIdLength = 64;
constexpr const char* kSwitchKeys = "id, at, cpu, run";
constexpr const char* kCpuKeys = "id, at, cpu, online";
constexpr const char* kOpKeys = "id, at, task, op, uitt_index, duration_ns";
constexpr const char* kEntryKeys = "id, at, cpu, run, online, task, op, uitt_index, duration_ns";
using Kind = TimelineEntry::Kind;

const char* kindWords(Kind kind) {
    switch (kind) {
    case Kind::ContextSwitch:
        return "a context switch (cpu, run)";
    case Kind::CpuOnline:
        return "a CPU entry (cpu, online)";
    case Kind::TaskOp:
        break;
    }
    return "a task operation (task, op)";
}

// An argument key on an op that does not take it ("Operations": each op has its arguments).
CheckError notAnArgument(const std::string& path, std::string_view key, OpKind op) {
    const char* takes = hasUittIndex(op)  ? "takes uitt_index"
                        : hasDuration(op) ? "takes duration_ns"
                                          : "takes no arguments";
    return {ScenarioChecker::pointer(path, key),
            "unknown key " + quoteText(key) + " (" + quoteText(toString(op)) + " " + takes + ")",
            true};
}

bool isValidId(const std::string& id) {
    return !id.empty() && id.size() <= kMaxIdLength &&
           std::all_of(id.begin(), id.end(),
                       [](char c) { return c > ' ' && c < 0x7F && c != '='; });
}

} // namespace

ScenarioChecker::Problem ScenarioChecker::timeline(const Json& v, bool resolve, Scenario& s) const {
    if (auto e = array(v, "/timeline", &kSectionLimits[2])) return e;
    std::unordered_map<std::string_view, std::size_t> ids; // views into `v`, which outlives this
    ids.reserve(v.size());
    s.timeline.reserve(v.size());
    // Unresolved (machine or tasks are broken), a CPU can only be checked against the limit.
    const int cpus = resolve ? s.machine.cpus : limits::kMaxCpus;
    for (std::size_t i = 0; i < v.size(); ++i) {
        TimelineEntry entry;
        if (auto e = timelineEntry(v[i], i, resolve, cpus, ids, entry)) return e;
        s.timeline.push_back(std::move(entry));
    }
    if (!resolve) return {};
    if (const auto c = checkConsistency(s))
        return CheckError{"/timeline/" + std::to_string(c->entry) + "/run", c->message};
    return {};
}

ScenarioChecker::Problem
ScenarioChecker::timelineEntry(const Json& v, std::size_t index, bool resolve, int cpus,
                               std::unordered_map<std::string_view, std::size_t>& ids,
                               TimelineEntry& out) const {
    const std::string path = "/timeline/" + std::to_string(index);
    if (auto e = object(v, path)) return e;
    // The entry's own problems sit at its '{', before any of its members in document order.
    // Its kind comes from the keys only one kind has: `run`, `online`, `task`/`op`; an entry with
    // just `cpu` is taken as a context switch that lacks its `run`.
    const bool hasRun = v.contains("run");
    const bool hasOnline = v.contains("online");
    const bool isOp = v.contains("task") || v.contains("op");
    const bool onCpu = hasRun || hasOnline || v.contains("cpu");
    const Kind kind = isOp ? Kind::TaskOp : hasOnline ? Kind::CpuOnline : Kind::ContextSwitch;
    if (hasRun && hasOnline)
        return CheckError{path, std::string("an entry is either ") +
                                    kindWords(Kind::ContextSwitch) + " or " +
                                    kindWords(Kind::CpuOnline) + ", not both"};
    if (onCpu && isOp)
        return CheckError{path, std::string("an entry is either ") +
                                    kindWords(hasOnline ? Kind::CpuOnline : Kind::ContextSwitch) +
                                    " or " + kindWords(Kind::TaskOp) + ", not both"};
    if (!onCpu && !isOp)
        return CheckError{path, "an entry needs \"cpu\" and \"run\" (a context switch), \"cpu\" "
                                "and \"online\" (a CPU entry) or \"task\" and \"op\" (a task "
                                "operation)" +
                                    unknownKeyHint(v, kEntryKeys)};
    const char* keys = kind == Kind::TaskOp      ? kOpKeys
                       : kind == Kind::CpuOnline ? kCpuKeys
                                                 : kSwitchKeys;
    Problem absent;
    if (kind == Kind::TaskOp)
        absent = missing(v, path, {"at", "task", "op"}, keys);
    else if (kind == Kind::CpuOnline)
        absent = missing(v, path, {"at", "cpu", "online"}, keys);
    else
        absent = missing(v, path, {"at", "cpu", "run"}, keys);
    if (absent) return absent;
    std::optional<OpKind> op;
    if (const auto it = v.find("op"); it != v.end() && it->is_string())
        op = opKindFromString(it->get_ref<const std::string&>());
    // "Operations": each op's arguments are required. What the kernel or the hardware would do
    // with them (an index with no entry, unregister_handler of a task that registered none) is
    // simulated, not refused.
    if (op && hasUittIndex(*op))
        if (auto e = missing(v, path, {"uitt_index"}, keys)) return e;
    if (op && hasDuration(*op))
        if (auto e = missing(v, path, {"duration_ns"}, keys)) return e;

    out.kind = kind;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        const Json& m = it.value();
        std::int64_t n = 0;
        if (key == "id") {
            if (!m.is_string())
                return at(path, key, "expected a string, got " + std::string(jsonTypeWord(m)));
            const auto& id = m.get_ref<const std::string&>();
            if (!isValidId(id))
                return at(path, key,
                          quoteText(id) + " is not a valid id: use 1 to 64 printable ASCII "
                                          "characters other than '=' and spaces");
            const auto [first, inserted] = ids.try_emplace(id, index);
            if (!inserted)
                return at(path, key,
                          "duplicate id " + quoteText(id) + " (also /timeline/" +
                              std::to_string(first->second) + ")");
            out.id = id;
        } else if (key == "at") {
            if (auto e = integer(m, path, key, 0, limits::kMaxTimeNs, out.at)) return e;
        } else if (key == "cpu" && onCpu) {
            if (auto e = integer(m, path, key, 0, cpus - 1, n)) return e;
            out.cpu = static_cast<int>(n);
        } else if (key == "online" && kind == Kind::CpuOnline) {
            if (auto e = boolean(m, path, key, out.online)) return e;
        } else if (key == "run" && kind == Kind::ContextSwitch) {
            if (m.is_null())
                out.runTask = -1;
            else if (!m.is_string())
                return at(path, key,
                          "expected a task name or null, got " + std::string(jsonTypeWord(m)));
            else if (auto e = taskRef(m, path, key, resolve, out.runTask))
                return e;
        } else if (key == "task" && isOp) {
            if (auto e = taskRef(m, path, key, resolve, out.task)) return e;
        } else if (key == "op" && isOp) {
            if (!m.is_string())
                return at(path, key, "expected a string, got " + std::string(jsonTypeWord(m)));
            if (!op)
                return at(path, key,
                          "unknown op " + quoteText(m.get_ref<const std::string&>()) +
                              "; expected one of " + opSpellings());
            out.op = *op;
        } else if (key == "uitt_index" && isOp) {
            if (!op) continue; // the op reports its own error, at its own place
            if (!hasUittIndex(*op)) return notAnArgument(path, key, *op);
            // Any 64-bit register value: one past UITTSZ faults in the simulation, not here.
            if (auto e = u64(m, path, key, out.uittIndex)) return e;
        } else if (key == "duration_ns" && isOp) {
            if (!op) continue;
            if (!hasDuration(*op)) return notAnArgument(path, key, *op);
            // "Operations": >= 1. Bounded like every other step (limits::kMaxDurationNs).
            if (auto e = integer(m, path, key, 1, limits::kMaxDurationNs, out.durationNs)) return e;
        } else {
            return unknownKey(path, key, keys);
        }
    }
    return {};
}

// scenario-format.md, "Time and order": a task runs on at most one CPU at a time. Replays the
// context switches in time order, ties in file order (the order the engine uses). CPU entries
// take no part: one that takes a CPU offline waits until the CPU is idle ("Operations", CPU
// entries), so it never moves or stops a task.
std::optional<ConsistencyError> checkConsistency(const Scenario& scenario) {
    const auto& timeline = scenario.timeline;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < timeline.size(); ++i)
        if (timeline[i].kind == TimelineEntry::Kind::ContextSwitch) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return timeline[a].at < timeline[b].at; });

    const int cpus = std::max(scenario.machine.cpus, 0);
    const int tasks = static_cast<int>(scenario.tasks.size());
    std::vector<int> running(static_cast<std::size_t>(cpus), -1); // task on each CPU
    std::vector<int> where(static_cast<std::size_t>(tasks), -1);  // CPU of each task
    for (const std::size_t i : order) {
        const TimelineEntry& e = timeline[i];
        const int entry = static_cast<int>(i);
        if (e.cpu < 0 || e.cpu >= cpus)
            return ConsistencyError{entry, "CPU " + std::to_string(e.cpu) +
                                               " does not exist (the machine has " +
                                               std::to_string(cpus) + ")"};
        if (e.runTask < -1 || e.runTask >= tasks)
            return ConsistencyError{entry,
                                    "task #" + std::to_string(e.runTask) + " does not exist"};
        if (e.runTask >= 0) {
            const int other = where[static_cast<std::size_t>(e.runTask)];
            if (other >= 0 && other != e.cpu)
                return ConsistencyError{
                    entry, "task " +
                               quoteText(scenario.tasks[static_cast<std::size_t>(e.runTask)].name) +
                               " is already running on CPU " + std::to_string(other) + " at " +
                               std::to_string(e.at) + " ns; switch it out there first"};
        }
        int& current = running[static_cast<std::size_t>(e.cpu)];
        if (current >= 0) where[static_cast<std::size_t>(current)] = -1;
        current = e.runTask;
        if (current >= 0) where[static_cast<std::size_t>(current)] = e.cpu;
    }
    return std::nullopt;
}

} // namespace uintr::scenario
