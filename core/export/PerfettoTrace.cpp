#include "export/PerfettoTrace.h"

#include "render/MarkerText.h"
#include "render/TimelineGeometry.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

namespace uintr::exporting {

namespace {

using model::EventKind;

constexpr int kPid = 1; // one process: the simulated machine; one thread per CPU

// µs with three decimals: the trace format's unit, the model's nanoseconds kept exactly.
std::string micros(std::int64_t ns) {
    std::string frac = std::to_string(ns % 1000);
    frac.insert(0, 3 - frac.size(), '0');
    return std::to_string(ns / 1000) + "." + frac;
}

std::string quoted(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The kinds the brief asks to see as instants (the rest is folded into slices and flows).
bool isInstant(EventKind k) {
    return k == EventKind::SendUipi || k == EventKind::NotificationProcessed ||
           k == EventKind::SpuriousNotification || k == EventKind::UserInterruptDelivered ||
           k == EventKind::IpiSuppressed || k == EventKind::Fault;
}

struct Slice {
    int cpu;
    std::int64_t t0, t1;
    std::string name, cat;
};

} // namespace

void writePerfettoJson(std::ostream& out, const scenario::Scenario& sc, const model::Trace& trace) {
    const render::TimelineLayout layout(sc, trace);
    out << "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"uintr-sim export-perfetto\""
        << ",\"title\":" << quoted(sc.title) << "},\"traceEvents\":[\n";
    bool first = true;
    auto begin = [&]() -> std::ostream& {
        out << (first ? "" : ",\n");
        first = false;
        return out;
    };
    begin() << "{\"ph\":\"M\",\"pid\":" << kPid
            << ",\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":"
            << quoted("UINTR Lab: " + sc.title) << "}}";
    for (int cpu = 0; cpu < layout.cpuCount(); ++cpu) {
        begin() << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << cpu
                << ",\"name\":\"thread_name\",\"args\":{\"name\":\"CPU " << cpu << "\"}}";
        begin() << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << cpu
                << ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" << cpu << "}}";
    }

    // Slices: the lanes as drawn. A handler lies inside its task's slice: parents first at equal
    // starts (longer first), so a viewer nests them.
    std::vector<Slice> slices;
    for (int cpu = 0; cpu < layout.cpuCount(); ++cpu) {
        for (const auto* list : {&layout.runSegments(cpu), &layout.runHandlers(cpu)})
            for (const render::Segment& s : *list) {
                if (s.t1 <= s.t0) continue;
                std::string cat = s.kind == render::SegmentKind::Task      ? "task"
                                  : s.kind == render::SegmentKind::Handler ? "handler"
                                  : s.kind == render::SegmentKind::Kernel  ? "kernel"
                                                                           : "idle";
                slices.push_back({cpu, s.t0, s.t1, s.label, std::move(cat)});
            }
    }
    std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
        return std::tuple(a.cpu, a.t0, b.t1) < std::tuple(b.cpu, b.t0, a.t1);
    });
    for (const Slice& s : slices)
        begin() << "{\"ph\":\"X\",\"pid\":" << kPid << ",\"tid\":" << s.cpu
                << ",\"ts\":" << micros(s.t0) << ",\"dur\":" << micros(s.t1 - s.t0) << ",\"cat\":\""
                << s.cat << "\",\"name\":" << quoted(s.name) << "}";

    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const model::TraceEvent& e = trace.events[i];
        if (e.cpu < 0 || !isInstant(e.kind)) continue;
        begin() << "{\"ph\":\"i\",\"s\":\"t\",\"pid\":" << kPid << ",\"tid\":" << e.cpu
                << ",\"ts\":" << micros(e.t) << ",\"cat\":\"" << model::kindName(e.kind)
                << "\",\"name\":" << quoted(render::markerLabel(e, sc))
                << ",\"args\":{\"event\":" << i << ",\"task\":" << quoted(sc.taskName(e.task))
                << ",\"vector\":" << e.vector << "}}";
    }

    // Flows: one per IPI that arrived, from the send to the arrival, each end bound to the
    // slice around it ("bp":"e"), which the lanes always provide (idle included).
    for (const render::Arrow& a : layout.runArrows()) {
        if (a.arrivedEvent < 0) continue;
        const auto& sent = trace.events[static_cast<std::size_t>(a.sentEvent)];
        const std::string name =
            quoted((a.self ? "self-" : "") + render::markerLabel(sent, sc)); // "IPI 0xec"
        begin() << "{\"ph\":\"s\",\"bp\":\"e\",\"id\":" << a.sentEvent << ",\"pid\":" << kPid
                << ",\"tid\":" << a.fromCpu << ",\"ts\":" << micros(a.t0)
                << ",\"cat\":\"ipi\",\"name\":" << name << "}";
        begin() << "{\"ph\":\"f\",\"bp\":\"e\",\"id\":" << a.sentEvent << ",\"pid\":" << kPid
                << ",\"tid\":" << a.toCpu << ",\"ts\":" << micros(a.t1)
                << ",\"cat\":\"ipi\",\"name\":" << name << "}";
    }
    out << "\n]}\n";
}

} // namespace uintr::exporting
