#include "analysis/Expectations.h"

#include "sim/TraceFormat.h"

namespace uintr::analysis {

using nlohmann::ordered_json;

namespace {
// Every key of the pattern is in the candidate with an equal value.
bool matches(const ordered_json& pattern, const ordered_json& candidate) {
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
        auto found = candidate.find(it.key());
        if (found == candidate.end() || *found != it.value()) return false;
    }
    return true;
}

// One line a reviewer can read: a long list (a storm's spurious notifications) is shortened.
std::string compact(const ordered_json& j) {
    constexpr std::size_t kMax = 400;
    std::string text = j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    if (text.size() > kMax) {
        text.resize(kMax);
        text += "… (" + std::to_string(j.is_array() ? j.size() : 1) +
                (j.is_array() ? " entries)" : " value)");
    }
    return text;
}

void checkList(const std::string& path, const ordered_json& want, const ordered_json& got,
               std::vector<ExpectIssue>& out) {
    if (want.is_number_integer()) {
        if (got.size() != want.get<std::size_t>())
            out.push_back({path, "expected " + compact(want) + ", got " +
                                     std::to_string(got.size()) + ": " + compact(got)});
        return;
    }
    if (want.size() != got.size()) {
        out.push_back({path, "expected " + std::to_string(want.size()) + " entries, got " +
                                 std::to_string(got.size()) + ": " + compact(got)});
        return;
    }
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!matches(want[i], got[i]))
            out.push_back({path + "/" + std::to_string(i),
                           "expected " + compact(want[i]) + ", got " + compact(got[i])});
}
} // namespace

std::vector<ExpectIssue> checkExpectations(const scenario::Scenario& sc, const model::Trace& trace,
                                           const sim::RunSummary& summary) {
    std::vector<ExpectIssue> out;
    if (!sc.expect) return out;
    const ordered_json s = sim::summaryToJson(summary, sc);
    std::vector<ordered_json> events;
    events.reserve(trace.events.size());
    for (const auto& e : trace.events)
        events.push_back(sim::eventToJson(e, sc));

    for (auto it = sc.expect->begin(); it != sc.expect->end(); ++it) {
        const std::string& key = it.key();
        const std::string path = "/expect/" + key;
        const ordered_json& want = it.value();
        if (key == "user_interrupts" || key == "spurious" || key == "lost") {
            checkList(path, want, s[key], out);
        } else if (key == "stopped" || key == "switch_uintr_return" || key == "vectors") {
            // A pattern: the keys it names must match (e.g. { "reason": "horizon" }).
            if (!matches(want, s[key]))
                out.push_back({path, "expected " + compact(want) + ", got " + compact(s[key])});
        } else if (key == "blocked_at_end") {
            if (s[key] != want)
                out.push_back({path, "expected " + compact(want) + ", got " + compact(s[key])});
        } else if (key == "ipis_sent" || key == "faults") {
            if (s[key] != want)
                out.push_back({path, "expected " + compact(want) + ", got " + compact(s[key])});
        } else if (key == "proc_interrupts") {
            if (s[key] != want)
                out.push_back({path, "expected " + compact(want) + ", got " + compact(s[key])});
        } else if (key == "pending_at_end") {
            // Only receivers that still hold something are listed.
            ordered_json holding = ordered_json::array();
            for (const auto& p : s["pending_at_end"])
                if (!p["pir"].empty() || !p["uirr"].empty()) holding.push_back(p);
            checkList(path, want, holding, out);
        } else if (key == "events") {
            // A subsequence: each pattern matches an event after the previous pattern's match.
            std::size_t from = 0;
            for (std::size_t i = 0; i < want.size(); ++i) {
                std::size_t at = from;
                while (at < events.size() && !matches(want[i], events[at]))
                    ++at;
                if (at == events.size()) {
                    out.push_back({path + "/" + std::to_string(i),
                                   "no event matches " + compact(want[i]) +
                                       (i ? " after the previous expected event" : "")});
                    break;
                }
                from = at + 1;
            }
        } else if (key == "no_events") {
            for (std::size_t i = 0; i < want.size(); ++i)
                for (const auto& e : events)
                    if (matches(want[i], e)) {
                        out.push_back({path + "/" + std::to_string(i),
                                       "an event matches " + compact(want[i]) + ": " + compact(e)});
                        break;
                    }
        }
    }
    return out;
}

} // namespace uintr::analysis
