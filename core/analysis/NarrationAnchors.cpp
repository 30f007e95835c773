#include "analysis/NarrationAnchors.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace uintr::analysis {

namespace {

// What an event is, independently of when it happens: the n-th event of one kind that comes,
// through its chain of causes, from one timeline entry (the "send" SENDUIPI, the "switch-in"
// switch: a dragged entry keeps its index), for one task. The arrival of the self-IPI sent at
// switch-in is then never mistaken for the arrival of the SENDUIPI's IPI. The task is the one
// that happened to run for hardware events (an IPI arriving while `other` runs, or the receiver
// after an edit): they are found again by kind and origin alone as a fallback.
using Signature = std::tuple<int, int, int, int>; // kind, task (-2: any), origin entry, ordinal

struct Signatures {
    std::vector<Signature> exact, loose;
};

Signatures signatures(const model::Trace& trace) {
    std::map<std::tuple<int, int, int>, int> seen;
    std::vector<int> origin(trace.events.size(), -1);
    Signatures out;
    out.exact.reserve(trace.events.size());
    out.loose.reserve(trace.events.size());
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const auto& e = trace.events[i];
        if (e.entry >= 0)
            origin[i] = e.entry;
        else if (e.cause >= 0 && static_cast<std::size_t>(e.cause) < i)
            origin[i] = origin[static_cast<std::size_t>(e.cause)];
        const int kind = static_cast<int>(e.kind);
        out.exact.emplace_back(kind, e.task, origin[i], seen[{kind, e.task, origin[i]}]++);
        out.loose.emplace_back(kind, -2, origin[i], seen[{kind, -2, origin[i]}]++);
    }
    return out;
}

} // namespace

std::vector<AnchoredStep> anchorNarration(const scenario::Scenario& sc,
                                          const model::Trace& original, const model::Trace& run) {
    const auto before = signatures(original);
    std::map<Signature, int> now;
    {
        const auto sigs = signatures(run);
        for (std::size_t i = 0; i < sigs.exact.size(); ++i) {
            now.emplace(sigs.exact[i], static_cast<int>(i));
            now.emplace(sigs.loose[i], static_cast<int>(i));
        }
    }
    std::vector<AnchoredStep> steps;
    for (std::size_t s = 0; s < sc.narration.size(); ++s) {
        AnchoredStep step;
        step.step = static_cast<int>(s);
        step.at = step.t = sc.narration[s].at;
        const auto first =
            std::lower_bound(original.events.begin(), original.events.end(), step.at,
                             [](const model::TraceEvent& e, std::int64_t t) { return e.t < t; });
        for (auto it = first; it != original.events.end() && it->t == step.at; ++it) {
            const auto i = static_cast<std::size_t>(it - original.events.begin());
            auto found = now.find(before.exact[i]);
            if (found == now.end()) found = now.find(before.loose[i]);
            if (found == now.end()) {
                step.status = AnchoredStep::Status::Gone;
                step.missing = static_cast<int>(i);
                step.events.clear();
                break;
            }
            step.events.push_back(found->second);
            step.status = AnchoredStep::Status::Same;
        }
        if (step.status == AnchoredStep::Status::Same) {
            step.t = run.events[static_cast<std::size_t>(
                                    *std::min_element(step.events.begin(), step.events.end()))]
                         .t;
            if (step.t != step.at) step.status = AnchoredStep::Status::Moved;
        }
        steps.push_back(std::move(step));
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const AnchoredStep& a, const AnchoredStep& b) { return a.t < b.t; });
    return steps;
}

} // namespace uintr::analysis
