#include "render/MarkerText.h"

#include "analysis/EventProse.h"
#include "arch/Fault.h"
#include "render/Palette.h"
#include "sim/TraceFormat.h"

#include <array>
#include <cstdio>
#include <optional>

namespace uintr::render {

using model::EventKind;

MarkerKind markerKindOf(EventKind kind) {
    switch (kind) {
    case EventKind::ContextSwitch:
        return MarkerKind::ContextSwitch;
    case EventKind::SendUipi:
        return MarkerKind::SendUipi;
    case EventKind::PirPosted:
        return MarkerKind::PirPosted;
    case EventKind::IpiSent:
        return MarkerKind::IpiSent;
    case EventKind::IpiSuppressed:
        return MarkerKind::IpiSuppressed;
    case EventKind::IpiArrived:
        return MarkerKind::IpiArrived;
    case EventKind::NotificationProcessed:
        return MarkerKind::NotificationProcessed;
    case EventKind::SpuriousNotification:
        return MarkerKind::Spurious;
    case EventKind::KernelVector:
        return MarkerKind::KernelVector;
    case EventKind::SelfIpi:
        return MarkerKind::SelfIpi;
    case EventKind::UserInterruptDelivered:
        return MarkerKind::Delivered;
    case EventKind::Uiret:
        return MarkerKind::Uiret;
    case EventKind::Stui:
        return MarkerKind::Stui;
    case EventKind::Clui:
        return MarkerKind::Clui;
    case EventKind::Testui:
        return MarkerKind::Testui;
    case EventKind::Blocked:
        return MarkerKind::Blocked;
    case EventKind::Woken:
        return MarkerKind::Woken;
    case EventKind::Fault:
        return MarkerKind::Fault;
    case EventKind::OpDeferred:
        return MarkerKind::Deferred;
    default:
        return MarkerKind::Other;
    }
}

namespace {
// The first trace event kind drawn as `kind` (none for Other: many kinds are drawn as it).
std::optional<EventKind> representative(MarkerKind kind) {
    static const auto table = [] {
        std::array<std::optional<EventKind>, kMarkerKindCount> t{};
        for (std::size_t e = static_cast<std::size_t>(EventKind::Count); e-- > 0;) {
            const auto k = static_cast<EventKind>(e);
            t[static_cast<std::size_t>(markerKindOf(k))] = k;
        }
        t[static_cast<std::size_t>(MarkerKind::Other)].reset();
        return t;
    }();
    return table[static_cast<std::size_t>(kind)];
}
} // namespace

std::string_view markerKindName(MarkerKind kind) {
    const auto e = representative(kind);
    return e ? model::kindName(*e) : std::string_view("other");
}

std::string markerTitle(MarkerKind kind) {
    const auto e = representative(kind);
    return e ? analysis::eventTitle(*e) : std::string("other event");
}

namespace {
// The reference's spelling (0xEC), as the Why chain writes it.
std::string hexVector(int v) {
    return analysis::hexUpper(static_cast<std::uint64_t>(v < 0 ? 0 : v));
}
} // namespace

std::string arrowLabel(const Arrow& a) {
    if (a.merged > 1) return std::to_string(a.merged) + " IPIs";
    return hexVector(a.vector) + " \xC2\xB7 " + formatTime(a.t1 - a.t0); // "0xEC · 300 ns"
}

std::string markerLabel(const model::TraceEvent& e, const scenario::Scenario& sc) {
    switch (e.kind) {
    case EventKind::ContextSwitch:
        return "\xE2\x86\x92 " + sc.taskName(e.task); // "→ name"
    case EventKind::SendUipi:
        return "SENDUIPI";
    case EventKind::PirPosted:
        return "PIR +" + std::to_string(e.vector);
    case EventKind::IpiSent:
        return "IPI " + hexVector(e.vector);
    case EventKind::IpiSuppressed:
        return e.reason == 0 ? "no IPI (SN)" : "no IPI (ON)";
    case EventKind::IpiArrived:
        return "IPI " + hexVector(e.vector);
    case EventKind::NotificationProcessed:
        return "PIR\xE2\x86\x92UIRR";
    case EventKind::SpuriousNotification:
        return "UIS +1";
    case EventKind::KernelVector:
        return "kernel " + hexVector(e.vector);
    case EventKind::SelfIpi:
        return "self-IPI";
    case EventKind::UserInterruptDelivered:
        return "deliver v" + std::to_string(e.vector);
    case EventKind::Uiret:
        return "UIRET";
    case EventKind::Stui:
        return "STUI";
    case EventKind::Clui:
        return "CLUI";
    case EventKind::Testui:
        return (e.flags & model::kFlagCf) ? "TESTUI CF=1" : "TESTUI CF=0";
    case EventKind::Blocked:
        return "uintr_wait";
    case EventKind::Woken:
        return "woken";
    case EventKind::Fault:
        return arch::toString(static_cast<arch::FaultKind>(e.faultKind));
    case EventKind::OpDeferred:
        return "waits";
    case EventKind::WaitReturned:
        return "wait returns";
    case EventKind::Exit:
        return "exit";
    case EventKind::IpiLost:
        return "IPI lost";
    case EventKind::SwitchIgnored:
        return "switch ignored";
    case EventKind::KernelEnter:
        return scenario::toString(static_cast<scenario::OpKind>(e.op)) + std::string(" ") +
               std::to_string(e.value) + " ns";
    case EventKind::KernelReturn:
        return "\xE2\x86\x92 user"; // "→ user"
    case EventKind::UintrReturn:
        return e.value == 0 ? "return: no change" : "switch_uintr_return";
    case EventKind::IrqReturn:
        return "IRQ end";
    case EventKind::UittEntryCleared:
        return "unregister UITT[" + std::to_string(e.value) + "]";
    case EventKind::UittTornDown:
        return "TT = 0";
    case EventKind::HandlerUnregistered:
        return "unregister handler";
    case EventKind::SyscallRejected:
        return scenario::toString(static_cast<scenario::OpKind>(e.op)) + std::string(" fails");
    case EventKind::VectorLost:
        return "lost v" + std::to_string(e.vector);
    case EventKind::CpuOffline:
        return "CPU " + std::to_string(e.cpu) + " offline";
    case EventKind::CpuOnline:
        return "CPU " + std::to_string(e.cpu) + " online";
    case EventKind::NdstMoved:
        return "NDST \xE2\x86\x92 " + hexVector(static_cast<int>(e.value));
    default:
        return std::string(model::kindName(e.kind));
    }
}

std::string markerTooltip(const std::vector<int>& events, const model::Trace& trace,
                          const scenario::Scenario& sc) {
    const model::TraceEvent& first = trace.events[static_cast<std::size_t>(events.front())];
    std::string s = formatTime(first.t);
    if (first.cpu >= 0) s += ", CPU " + std::to_string(first.cpu);
    s += ", " + sc.taskName(first.task) + ": ";
    bool head = true;
    for (int i : events) {
        const model::TraceEvent& e = trace.events[static_cast<std::size_t>(i)];
        if (!head) s += "; ";
        // Folded events may happen later (xrstors after a slow switch) or concern another task
        // (xsaves of the outgoing one): say so, or the line would mislead.
        if (e.t != first.t) s += "at " + formatTime(e.t) + " ";
        s += model::kindName(e.kind);
        if (!head && e.task != first.task) s += " (" + sc.taskName(e.task) + ")";
        const std::string what = sim::describeEvent(e, sc);
        if (!what.empty()) s += ": " + what;
        head = false;
    }
    return s;
}

std::string mergedTooltip(const Marker& first, std::int64_t lastT, int count) {
    return std::to_string(count) + " \xC3\x97 " + first.label + " on CPU " +
           std::to_string(first.cpu) + ", " + formatTime(first.t) + " \xE2\x80\x93 " +
           formatTime(lastT) + " (zoom in to see each)";
}

} // namespace uintr::render
