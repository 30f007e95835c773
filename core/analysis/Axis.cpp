#include "analysis/Axis.h"

#include "scenario/Limits.h"

#include <algorithm>
#include <charconv>

namespace uintr::analysis {

// A field of a scenario as a get/set pair, so the table stays plain data.
#define UINTR_PARAMETER(NAME, MIN, MAX, FIELD)                                                     \
    {                                                                                              \
        NAME, MIN, MAX, [](const scenario::Scenario& s) { return s.FIELD; },                       \
            [](scenario::Scenario& s, std::int64_t v) { s.FIELD = v; }                             \
    }
const std::vector<ParameterInfo> kParameters{
    UINTR_PARAMETER("machine.ipi_latency_ns", 0, scenario::limits::kMaxIpiLatencyNs,
                    machine.ipiLatencyNs),
    UINTR_PARAMETER("machine.self_ipi_latency_ns", 0, scenario::limits::kMaxIpiLatencyNs,
                    machine.selfIpiLatencyNs),
    UINTR_PARAMETER("kernel.context_switch_ns", 0, scenario::limits::kMaxDurationNs,
                    kernel.contextSwitchNs),
    UINTR_PARAMETER("kernel.handler_ns", 0, scenario::limits::kMaxDurationNs, kernel.handlerNs),
    UINTR_PARAMETER("kernel.irq_ns", 1, scenario::limits::kMaxDurationNs, kernel.irqNs),
};
#undef UINTR_PARAMETER

namespace {

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc() || r.ptr != end) return std::nullopt;
    return v;
}

bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// "FROM..TO" or "FROM..TO:STEP" into the axis.
std::optional<std::string> parseRange(std::string_view text, Axis& a) {
    const auto dots = text.find("..");
    if (dots == std::string_view::npos)
        return "expected a range FROM..TO[:STEP] in ns, not " + quoted(text);
    std::string_view toText = text.substr(dots + 2), stepText;
    if (const auto colon = toText.find(':'); colon != std::string_view::npos) {
        stepText = toText.substr(colon + 1);
        toText = toText.substr(0, colon);
    }
    const auto from = number(text.substr(0, dots));
    const auto to = number(toText);
    if (!from || !to || *from < 0 || *to < 0)
        return "the range " + quoted(text) + " needs two times in ns >= 0";
    if (*to < *from) return "the range " + quoted(text) + " is empty (TO is before FROM)";
    a.from = *from;
    a.to = *to;
    if (!stepText.empty()) {
        const auto step = number(stepText);
        if (!step || *step < 1) return "the step in " + quoted(text) + " must be an integer >= 1";
        a.step = *step;
    }
    return std::nullopt;
}

} // namespace

std::variant<Axis, std::string> parseAxis(const scenario::Scenario& sc, std::string_view spec) {
    Axis a;
    const auto eq = spec.find('=');
    const std::string_view key = spec.substr(0, eq);
    a.name = std::string(key);
    for (std::size_t i = 0; i < kParameters.size(); ++i)
        if (kParameters[i].name == key) {
            a.kind = Axis::Kind::Parameter;
            a.parameter = static_cast<int>(i);
        }
    if (a.kind == Axis::Kind::EntryAt) {
        a.entry = sc.findEntry(std::string(key));
        if (a.entry < 0 && endsWith(key, ".at")) {
            a.name = std::string(key.substr(0, key.size() - 3));
            a.entry = sc.findEntry(a.name);
        }
        if (a.entry < 0 && endsWith(key, ".duration_ns")) {
            const auto id = key.substr(0, key.size() - 12);
            a.entry = sc.findEntry(std::string(id));
            if (a.entry < 0) return "no timeline entry has the id " + quoted(id);
            const auto& e = sc.timeline[static_cast<std::size_t>(a.entry)];
            if (e.kind != scenario::TimelineEntry::Kind::TaskOp || !scenario::hasDuration(e.op))
                return "timeline entry " + quoted(id) +
                       " has no duration_ns (only syscall and kernel_fpu ops do)";
            a.kind = Axis::Kind::EntryDuration;
        }
        if (a.entry < 0) {
            return "no timeline entry has the id " + quoted(key) +
                   " and no machine or kernel parameter has that name";
        }
    }
    if (eq == std::string_view::npos) {
        if (a.kind != Axis::Kind::EntryAt)
            return quoted(key) + " needs a range: " + std::string(key) + "=FROM..TO[:STEP]";
        // An entry's time over the scenario's span, as cli.md's explore always did.
        a.from = 0;
        for (const auto& e : sc.timeline)
            a.to = std::max(a.to, e.at);
        return a;
    }
    if (auto problem = parseRange(spec.substr(eq + 1), a)) return *problem;
    if (a.kind == Axis::Kind::Parameter) {
        const auto& p = kParameters[static_cast<std::size_t>(a.parameter)];
        if (a.from < p.min || a.to > p.max)
            return std::string(p.name) + " must stay within " + std::to_string(p.min) + ".." +
                   std::to_string(p.max);
    } else if (a.kind == Axis::Kind::EntryDuration) {
        if (a.from < 1 || a.to > scenario::limits::kMaxDurationNs)
            return "duration_ns must stay within 1.." +
                   std::to_string(scenario::limits::kMaxDurationNs);
    } else if (a.to > scenario::limits::kMaxTimeNs) {
        return "times must stay within 0.." + std::to_string(scenario::limits::kMaxTimeNs);
    }
    return a;
}

std::int64_t axisValue(const scenario::Scenario& sc, const Axis& a) {
    if (a.kind == Axis::Kind::Parameter)
        return kParameters[static_cast<std::size_t>(a.parameter)].get(sc);
    const auto& e = sc.timeline[static_cast<std::size_t>(a.entry)];
    return a.kind == Axis::Kind::EntryDuration ? e.durationNs : e.at;
}

void setAxisValue(scenario::Scenario& sc, const Axis& a, std::int64_t value) {
    if (a.kind == Axis::Kind::Parameter)
        kParameters[static_cast<std::size_t>(a.parameter)].set(sc, value);
    else if (a.kind == Axis::Kind::EntryDuration)
        sc.timeline[static_cast<std::size_t>(a.entry)].durationNs = value;
    else
        sc.timeline[static_cast<std::size_t>(a.entry)].at = value;
}

std::string axisKey(const scenario::Scenario& sc, const Axis& a) {
    if (a.kind == Axis::Kind::Parameter)
        return std::string(kParameters[static_cast<std::size_t>(a.parameter)].name);
    return sc.timeline[static_cast<std::size_t>(a.entry)].id +
           (a.kind == Axis::Kind::EntryDuration ? ".duration_ns" : ".at");
}

} // namespace uintr::analysis
