// The canonical form of a scenario: what the app saves after a drag and what a reviewer diffs.
// Keys in the order of scenario-format.md, every default written out, one task, connection,
// timeline entry or narration entry per line (so moving one entry changes one line), UTF-8 kept
// as is, and the expect block pretty-printed as written. Deterministic: the same scenario gives
// the same bytes.
//
// The keys the format gained later ("Operations" and "The way back to user space", 2026-12) are
// written only when they differ from their default, so that a file saved before they existed
// saves to the same bytes. Each sits beside the key it qualifies: self_ipi_latency_ns after
// ipi_latency_ns, uintr_enabled and xsaves_clears_uinv after uintr_supported, irq_ns after
// handler_ns, and end_ns after kernel, with the run's other parameters.
#include "scenario/ScenarioIO.h"

#include <functional>

namespace uintr::scenario {
namespace {

using Json = nlohmann::ordered_json;

// A JSON string literal. Invalid UTF-8 (possible only in a scenario built in code, never in a
// loaded one) becomes U+FFFD instead of throwing.
std::string quote(const std::string& s) {
    return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string member(const char* key, const std::string& jsonValue) {
    return std::string("\"") + key + "\": " + jsonValue;
}

std::string num(std::int64_t n) {
    return std::to_string(n);
}

// One entry per line: `{ "a": 1, "b": 2 }`.
std::string inlineObject(const std::vector<std::string>& members) {
    std::string out = "{ ";
    for (std::size_t i = 0; i < members.size(); ++i)
        out += (i ? ", " : "") + members[i];
    return out + " }";
}

template <typename T>
std::string list(const std::vector<T>& items, const std::function<std::string(const T&)>& line) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += "    " + line(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
    return out + "  ]";
}

std::string taskName(const Scenario& s, int index) {
    return quote(s.taskName(index));
}

std::string timelineLine(const Scenario& s, const TimelineEntry& e) {
    std::vector<std::string> m;
    if (!e.id.empty()) m.push_back(member("id", quote(e.id)));
    m.push_back(member("at", num(e.at)));
    switch (e.kind) {
    case TimelineEntry::Kind::ContextSwitch: {
        m.push_back(member("cpu", num(e.cpu)));
        const bool idle = e.runTask < 0 || e.runTask >= static_cast<int>(s.tasks.size());
        m.push_back(member("run", idle ? "null" : taskName(s, e.runTask)));
        break;
    }
    case TimelineEntry::Kind::CpuOnline:
        m.push_back(member("cpu", num(e.cpu)));
        m.push_back(member("online", e.online ? "true" : "false"));
        break;
    case TimelineEntry::Kind::TaskOp:
        m.push_back(member("task", taskName(s, e.task)));
        m.push_back(member("op", quote(toString(e.op))));
        if (hasUittIndex(e.op)) m.push_back(member("uitt_index", std::to_string(e.uittIndex)));
        if (hasDuration(e.op)) m.push_back(member("duration_ns", num(e.durationNs)));
        break;
    }
    return inlineObject(m);
}

const char* boolText(bool b) {
    return b ? "true" : "false";
}

std::string machineBlock(const MachineConfig& m) {
    const MachineConfig defaults;
    std::vector<std::string> lines{member("cpus", num(m.cpus)),
                                   member("apic_mode", quote(toString(m.apicMode))),
                                   member("ipi_latency_ns", num(m.ipiLatencyNs))};
    if (m.selfIpiLatencyNs != defaults.selfIpiLatencyNs)
        lines.push_back(member("self_ipi_latency_ns", num(m.selfIpiLatencyNs)));
    lines.push_back(member("uintr_supported", boolText(m.uintrSupported)));
    if (m.uintrEnabled != defaults.uintrEnabled)
        lines.push_back(member("uintr_enabled", boolText(m.uintrEnabled)));
    if (m.xsavesClearsUinv != defaults.xsavesClearsUinv)
        lines.push_back(member("xsaves_clears_uinv", boolText(m.xsavesClearsUinv)));
    lines.push_back(member("notification_vector", num(m.notificationVector)));
    lines.push_back(member("kernel_vector", num(m.kernelVector)));
    std::string out = "{\n";
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += "    " + lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    return out + "  }";
}

std::string kernelLine(const KernelConfig& k) {
    std::vector<std::string> m{member("variant", quote(toString(k.variant))),
                               member("context_switch_ns", num(k.contextSwitchNs)),
                               member("handler_ns", num(k.handlerNs))};
    if (k.irqNs != KernelConfig{}.irqNs) m.push_back(member("irq_ns", num(k.irqNs)));
    return inlineObject(m);
}

// nlohmann's two-space pretty print, shifted to sit one level deep. A string literal never holds
// a raw newline, so every '\n' in the dump is a line break.
std::string expectBlock(const Json& expect) {
    const std::string dumped = expect.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(dumped.size() + dumped.size() / 8);
    for (const char c : dumped) {
        if (c == '\n')
            out += "\n  ";
        else
            out += c;
    }
    return out;
}

} // namespace

std::string saveScenarioText(const Scenario& s) {
    std::vector<std::string> top{
        member("format", quote("uintr-scenario/1")), member("title", quote(s.title)),
        member("summary", quote(s.summary)),         member("machine", machineBlock(s.machine)),
        member("kernel", kernelLine(s.kernel)),
    };
    if (s.endNs) top.push_back(member("end_ns", num(*s.endNs)));
    const std::vector<std::string> rest{
        member("tasks", list<TaskSpec>(s.tasks,
                                       [](const TaskSpec& t) {
                                           return inlineObject(
                                               {member("name", quote(t.name)),
                                                member("receiver", boolText(t.receiver))});
                                       })),
        member("connections",
               list<ConnectionSpec>(s.connections,
                                    [&](const ConnectionSpec& c) {
                                        return inlineObject(
                                            {member("sender", taskName(s, c.sender)),
                                             member("receiver", taskName(s, c.receiver)),
                                             member("vector", num(c.vector)),
                                             member("uitt_index", num(c.uittIndex))});
                                    })),
        member("timeline",
               list<TimelineEntry>(s.timeline,
                                   [&](const TimelineEntry& e) { return timelineLine(s, e); })),
        member("narration", list<NarrationEntry>(
                                s.narration,
                                [](const NarrationEntry& n) {
                                    std::vector<std::string> members{member("at", num(n.at)),
                                                                     member("text", quote(n.text))};
                                    // Written only when set: a file without them is saved as it
                                    // was.
                                    if (!n.question.empty())
                                        members.push_back(member("question", quote(n.question)));
                                    if (!n.notes.empty())
                                        members.push_back(member("notes", quote(n.notes)));
                                    return inlineObject(members);
                                })),
    };
    top.insert(top.end(), rest.begin(), rest.end());
    if (s.expect) top.push_back(member("expect", expectBlock(*s.expect)));

    std::string out = "{\n";
    for (std::size_t i = 0; i < top.size(); ++i)
        out += "  " + top[i] + (i + 1 < top.size() ? ",\n" : "\n");
    return out + "}\n";
}

} // namespace uintr::scenario
