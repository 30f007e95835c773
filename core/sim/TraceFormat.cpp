#include "sim/TraceFormat.h"

#include "arch/Fault.h"

#include <cstdio>
#include <sstream>

namespace uintr::sim {

using namespace model; // the machine state and trace vocabulary this engine writes

using nlohmann::ordered_json;

std::vector<int> bitList(std::uint64_t bits) {
    std::vector<int> out;
    for (int v = 0; v < 64; ++v)
        if (bits >> v & 1) out.push_back(v);
    return out;
}

namespace {
ordered_json taskOrNull(const scenario::Scenario& sc, int task) {
    return task >= 0 ? ordered_json(sc.tasks[static_cast<std::size_t>(task)].name)
                     : ordered_json(nullptr);
}
const char* opName(int op) {
    return op >= 0 ? scenario::toString(static_cast<scenario::OpKind>(op)) : "";
}
std::string hex(std::uint64_t v) {
    return hexText(v);
}
} // namespace

std::vector<std::string> uintrReturnChanges(std::uint64_t changed) {
    namespace c = uintr_return;
    static constexpr std::pair<std::uint64_t, const char*> kNames[] = {
        {c::kXrstors, "xrstors"}, {c::kUinvRestored, "uinv"}, {c::kNdstChanged, "ndst"},
        {c::kSnCleared, "sn"},    {c::kSelfIpi, "self_ipi"},
    };
    std::vector<std::string> out;
    for (const auto& [bit, name] : kNames)
        if (changed & bit) out.emplace_back(name);
    return out;
}

std::string hexText(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string vectorsText(std::uint64_t bits) {
    std::string s = "{";
    bool first = true;
    for (int v : bitList(bits)) {
        s += (first ? "" : ",") + std::to_string(v);
        first = false;
    }
    return s + "}";
}

ordered_json eventToJson(const TraceEvent& e, const scenario::Scenario& sc) {
    ordered_json j;
    j["t"] = e.t;
    j["cpu"] = e.cpu >= 0 ? ordered_json(e.cpu) : ordered_json(nullptr);
    j["task"] = taskOrNull(sc, e.task);
    j["kind"] = std::string(kindName(e.kind));
    const auto fault = static_cast<arch::FaultReason>(e.reason);
    switch (e.kind) {
    case EventKind::ContextSwitch:
        j["from"] = taskOrNull(sc, e.other);
        if (e.flags & kFlagInitial) j["initial"] = true;
        if (e.flags & kFlagWakeup) j["wakeup"] = true;
        break;
    case EventKind::SendUipi:
        j["uitt_index"] = e.value;
        if (e.vector >= 0) j["vector"] = e.vector;
        break;
    case EventKind::PirPosted:
        j["vector"] = e.vector;
        j["sender"] = taskOrNull(sc, e.other);
        j["pir"] = bitList(e.value);
        break;
    case EventKind::IpiSent:
        j["vector"] = e.vector;
        j["target_cpu"] = e.other;
        j["ndst"] = e.value;
        break;
    case EventKind::IpiSuppressed:
        j["vector"] = e.vector;
        j["reason"] = std::string(toString(static_cast<SuppressReason>(e.reason)));
        j["receiver"] = taskOrNull(sc, e.other);
        break;
    case EventKind::NotificationProcessed:
        j["vector"] = e.vector;
        j["moved"] = bitList(e.value);
        break;
    case EventKind::SpuriousNotification:
        j["vector"] = e.vector;
        j["uinv"] = e.value;
        break;
    case EventKind::SelfIpi:
        j["vector"] = e.vector;
        j["pir"] = bitList(e.value);
        break;
    case EventKind::UserInterruptDelivered:
        j["vector"] = e.vector;
        j["uirr"] = bitList(e.value);
        break;
    case EventKind::Testui:
        j["cf"] = (e.flags & kFlagCf) != 0;
        break;
    case EventKind::Fault:
        j["fault"] = arch::toString(static_cast<arch::FaultKind>(e.faultKind));
        j["reason"] = arch::toString(fault);
        if (e.op >= 0) j["op"] = opName(e.op);
        if (e.op == static_cast<int>(scenario::OpKind::SendUipi)) j["uitt_index"] = e.value;
        break;
    case EventKind::OpDeferred:
        if (e.op >= 0) j["op"] = opName(e.op);
        j["reason"] = std::string(toString(static_cast<DeferReason>(e.reason)));
        break;
    case EventKind::SnCleared:
        j["ndst"] = e.value;
        break;
    case EventKind::Xsaves:
        j["uinv_saved"] = e.vector;
        if (e.flags & kFlagSecondSave) j["second_save"] = true;
        break;
    case EventKind::Xrstors:
        j["uinv"] = e.vector;
        j["uirr"] = bitList(e.value);
        break;
    case EventKind::WaitReturned:
        j["reason"] = std::string(toString(static_cast<WaitReturnReason>(e.reason)));
        break;
    case EventKind::IpiLost:
        j["vector"] = e.vector;
        j["apic_id"] = e.value;
        j["reason"] = std::string(toString(static_cast<IpiLostReason>(e.reason)));
        break;
    case EventKind::KernelEnter:
        j["op"] = opName(e.op);
        j["duration_ns"] = e.value;
        break;
    case EventKind::KernelReturn:
        j["op"] = opName(e.op);
        break;
    case EventKind::UintrReturn:
        j["path"] = std::string(toString(static_cast<ReturnPath>(e.reason)));
        j["changed"] = uintrReturnChanges(e.value);
        break;
    case EventKind::UittEntryCleared:
        j["uitt_index"] = e.value;
        break;
    case EventKind::SyscallRejected:
        j["op"] = opName(e.op);
        j["reason"] = std::string(toString(static_cast<RejectReason>(e.reason)));
        break;
    case EventKind::VectorLost:
        j["vector"] = e.vector;
        if (e.flags & kFlagAtEnd) j["at_end"] = true;
        break;
    case EventKind::NdstMoved:
        j["ndst"] = e.value;
        break;
    case EventKind::SwitchIgnored:
        j["reason"] = std::string(toString(static_cast<IgnoreReason>(e.reason)));
        break;
    case EventKind::IpiArrived:
    case EventKind::IrqReturn:
    case EventKind::KernelVector:
    case EventKind::Uiret:
    case EventKind::Blocked:
    case EventKind::UinvRestored:
        if (e.vector >= 0) j["vector"] = e.vector;
        break;
    default:
        break;
    }
    if (e.flags & kFlagDeferred) j["deferred"] = true;
    if (e.entry >= 0 && !sc.timeline[static_cast<std::size_t>(e.entry)].id.empty())
        j["id"] = sc.timeline[static_cast<std::size_t>(e.entry)].id;
    return j;
}

ordered_json summaryToJson(const RunSummary& s, const scenario::Scenario& sc) {
    ordered_json j;
    ordered_json delivered = ordered_json::array();
    for (const auto& d : s.userInterrupts)
        delivered.push_back(
            {{"t", d.t}, {"cpu", d.cpu}, {"task", taskOrNull(sc, d.task)}, {"vector", d.vector}});
    j["user_interrupts"] = delivered;
    ordered_json spurious = ordered_json::array();
    for (const auto& x : s.spurious)
        spurious.push_back({{"t", x.t}, {"cpu", x.cpu}, {"vector", x.vector}});
    j["spurious"] = spurious;
    ordered_json proc = ordered_json::object();
    if (s.hasUisLine) proc["UIS"] = s.uis;
    j["proc_interrupts"] = proc;
    j["ipis_sent"] = s.ipisSent;
    j["faults"] = s.faults;
    ordered_json pending = ordered_json::array();
    for (const auto& p : s.pendingAtEnd)
        pending.push_back(
            {{"task", taskOrNull(sc, p.task)}, {"pir", bitList(p.pir)}, {"uirr", bitList(p.uirr)}});
    j["pending_at_end"] = pending;
    ordered_json blocked = ordered_json::array();
    for (int task : s.blockedAtEnd)
        blocked.push_back(taskOrNull(sc, task));
    j["blocked_at_end"] = blocked;
    ordered_json lost = ordered_json::array();
    for (const auto& l : s.lost)
        lost.push_back({{"t", l.t},
                        {"task", taskOrNull(sc, l.task)},
                        {"vector", l.vector},
                        {"cause", l.cause}});
    j["lost"] = lost;
    j["vectors"] = {{"posted", s.vectors.posted},
                    {"delivered", s.vectors.delivered},
                    {"coalesced", s.vectors.coalesced},
                    {"lost", s.vectors.lost}};
    j["switch_uintr_return"] = {{"runs", s.uintrReturnRuns},
                                {"changed_nothing", s.uintrReturnUnchanged}};
    j["stopped"] = {{"t", s.stoppedAt}, {"reason", toString(s.stopReason)}};
    j["end_time"] = s.endTime;
    return j;
}

namespace {
// `j` as dump(2) writes it, every line after the first indented `indent` more, so that a member
// streamed alone reads exactly as inside the whole document.
void writeIndented(std::ostream& out, const ordered_json& j, std::size_t indent) {
    const std::string text = j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
    const std::string pad(indent, ' ');
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
        out << std::string_view(text).substr(from, nl + 1 - from) << pad;
    out << std::string_view(text).substr(from);
}
} // namespace

void writeTraceJson(std::ostream& out, const Trace& trace, const RunSummary& s,
                    const scenario::Scenario& sc) {
    ordered_json head;
    head["format"] = "uintr-trace/1";
    head["title"] = sc.title;
    head["kernel"] = scenario::toString(sc.kernel.variant);
    out << "{\n";
    for (auto it = head.begin(); it != head.end(); ++it) {
        out << "  " << ordered_json(it.key()).dump() << ": ";
        writeIndented(out, it.value(), 2);
        out << ",\n";
    }
    out << "  \"events\": [";
    const char* separator = "\n    ";
    for (const TraceEvent& e : trace.events) {
        if (!out) return; // the caller reports the failed write; writing more would be in vain
        out << separator;
        writeIndented(out, eventToJson(e, sc), 4);
        separator = ",\n    ";
    }
    out << (trace.events.empty() ? "],\n" : "\n  ],\n") << "  \"summary\": ";
    writeIndented(out, summaryToJson(s, sc), 2);
    out << "\n}\n";
}

std::string traceToJson(const Trace& trace, const RunSummary& s, const scenario::Scenario& sc) {
    std::ostringstream out;
    writeTraceJson(out, trace, s, sc);
    return out.str();
}

std::string describeEvent(const TraceEvent& e, const scenario::Scenario& sc) {
    std::ostringstream o;
    const std::string other = sc.taskName(e.other);
    switch (e.kind) {
    case EventKind::ContextSwitch:
        o << sc.taskName(e.other) << " -> " << sc.taskName(e.task);
        if (e.flags & kFlagInitial) o << " (running at time 0)";
        if (e.flags & kFlagWakeup) o << " (woken task scheduled)";
        break;
    case EventKind::SendUipi:
        o << "uitt_index=" << e.value;
        if (e.vector >= 0) o << " vector=" << e.vector;
        break;
    case EventKind::PirPosted:
        o << "PIR bit " << e.vector << " of " << sc.taskName(e.task) << "'s UPID (PIR now "
          << vectorsText(e.value) << ")";
        break;
    case EventKind::IpiSent:
        o << "vector " << hex(static_cast<std::uint64_t>(e.vector)) << " -> CPU " << e.other
          << " (NDST " << hex(e.value) << "), ON set";
        break;
    case EventKind::IpiSuppressed:
        o << "no IPI: UPID." << (e.reason == 0 ? "SN" : "ON") << " is set";
        break;
    case EventKind::IpiArrived:
        o << "vector " << hex(static_cast<std::uint64_t>(e.vector)) << " reaches the local APIC";
        break;
    case EventKind::NotificationProcessed:
        o << "vector " << hex(static_cast<std::uint64_t>(e.vector)) << " == UINV: ON cleared, PIR "
          << vectorsText(e.value) << " -> UIRR, EOI";
        break;
    case EventKind::SpuriousNotification:
        o << "vector " << hex(static_cast<std::uint64_t>(e.vector)) << " != UINV (" << hex(e.value)
          << "): IDT -> kernel, UIS +1";
        break;
    case EventKind::KernelVector:
        o << "vector " << hex(static_cast<std::uint64_t>(e.vector))
          << " through the IDT: uintr_wait wake-up walk";
        break;
    case EventKind::SelfIpi:
        o << "PIR " << vectorsText(e.value) << " pending: self-IPI "
          << hex(static_cast<std::uint64_t>(e.vector));
        break;
    case EventKind::UserInterruptDelivered:
        o << "vector " << e.vector << " to the handler, UIF = 0";
        break;
    case EventKind::Uiret:
        o << "handler of vector " << e.vector << " returns, UIF = 1";
        break;
    case EventKind::Stui:
        o << "UIF = 1";
        break;
    case EventKind::Clui:
        o << "UIF = 0";
        break;
    case EventKind::Testui:
        o << "CF = " << ((e.flags & kFlagCf) ? 1 : 0);
        break;
    case EventKind::Blocked:
        o << "uintr_wait: UPID.NV = " << hex(static_cast<std::uint64_t>(e.vector)) << ", sleeps";
        break;
    case EventKind::Woken:
        o << "UPID.ON set: SN = 1, NV restored, task runnable";
        break;
    case EventKind::Fault:
        o << arch::toString(static_cast<arch::FaultKind>(e.faultKind)) << ": "
          << arch::describe(static_cast<arch::FaultReason>(e.reason));
        // rfc-v1's UITTSZ = 256 lets index 256 through the size check (scenario-format.md).
        if (e.op == static_cast<int>(scenario::OpKind::SendUipi) && e.value == 256 &&
            static_cast<arch::FaultReason>(e.reason) != arch::FaultReason::IndexPastUittsz)
            o << " (index 256 passed UITTSZ = 256: the entry read is the 16 bytes after the table)";
        break;
    case EventKind::OpDeferred:
        o << (e.op >= 0 ? opName(e.op) : "context switch") << " waits ("
          << toString(static_cast<DeferReason>(e.reason)) << ")";
        break;
    case EventKind::SnSet:
        o << "switch_uintr_prepare: UPID.SN = 1";
        break;
    case EventKind::SnCleared:
        o << "NDST = " << hex(e.value) << ", UPID.SN = 0";
        break;
    case EventKind::Xsaves:
        if (e.flags & kFlagSecondSave)
            o << "second XSAVES saves UINV = 0 over the good value";
        else
            o << "UINTR state saved (UINV " << hex(static_cast<std::uint64_t>(e.vector)) << "), "
              << (e.value == 0 ? "UINV cleared" : "UINV kept live (xsaves_clears_uinv: false)");
        break;
    case EventKind::Xrstors:
        o << "UINTR state restored, UINV = " << hex(static_cast<std::uint64_t>(e.vector))
          << ", UIRR " << vectorsText(e.value);
        break;
    case EventKind::UinvRestored:
        o << "UINV = " << hex(static_cast<std::uint64_t>(e.vector));
        break;
    case EventKind::WaitReturned:
        o << "uintr_wait returns at once (" << toString(static_cast<WaitReturnReason>(e.reason))
          << ")";
        break;
    case EventKind::Exit:
        o << "task exits";
        break;
    case EventKind::IpiLost:
        if (static_cast<IpiLostReason>(e.reason) == IpiLostReason::Offline)
            o << "vector " << hex(static_cast<std::uint64_t>(e.vector))
              << " lost: the target CPU is offline";
        else
            o << "no CPU has APIC ID " << e.value;
        break;
    case EventKind::KernelEnter:
        o << opName(e.op) << " for " << e.value << " ns"
          << (e.op == static_cast<int>(scenario::OpKind::KernelFpu)
                  ? ": kernel_fpu_begin saves the UINTR state"
                  : ": the task enters the kernel");
        break;
    case EventKind::KernelReturn:
        o << opName(e.op) << " returns to user mode";
        break;
    case EventKind::UintrReturn: {
        o << "switch_uintr_return after " << toString(static_cast<ReturnPath>(e.reason)) << ": ";
        const auto changes = uintrReturnChanges(e.value);
        if (changes.empty()) o << "changed nothing";
        for (std::size_t i = 0; i < changes.size(); ++i)
            o << (i ? ", " : "") << changes[i];
        break;
    }
    case EventKind::IrqReturn:
        o << "the IDT handler of vector " << hex(static_cast<std::uint64_t>(e.vector))
          << " returns";
        break;
    case EventKind::UittEntryCleared:
        o << "UITT entry " << e.value << ": V = 0";
        break;
    case EventKind::UittTornDown:
        o << "last UITT entry gone: IA32_UINTR_TT = 0";
        break;
    case EventKind::HandlerUnregistered:
        o << "UINV, PD, HANDLER, STACKADJUST, UIRR = 0; UPID.SN = 1";
        break;
    case EventKind::SyscallRejected:
        o << opName(e.op) << " fails (" << toString(static_cast<RejectReason>(e.reason)) << ")";
        break;
    case EventKind::VectorLost:
        o << "vector " << e.vector << " of " << sc.taskName(e.task) << " lost"
          << ((e.flags & kFlagAtEnd) ? " (still orphaned in a UIRR when time ran out)" : "");
        break;
    case EventKind::CpuOffline:
        o << "CPU " << e.cpu << " goes offline";
        break;
    case EventKind::CpuOnline:
        o << "CPU " << e.cpu << " comes online";
        break;
    case EventKind::NdstMoved:
        o << "sleeper's NDST moved to " << hex(e.value);
        break;
    case EventKind::SwitchIgnored:
        o << "switch not done: " << toString(static_cast<IgnoreReason>(e.reason));
        break;
    default:
        break;
    }
    (void)other;
    return o.str();
}

std::string traceToText(const Trace& trace, const RunSummary& s, const scenario::Scenario& sc) {
    std::ostringstream o;
    char line[512];
    o << "# " << sc.title << "\n";
    o << "# kernel " << scenario::toString(sc.kernel.variant) << ", " << sc.machine.cpus
      << " CPU(s), " << scenario::toString(sc.machine.apicMode) << ", IPI latency "
      << sc.machine.ipiLatencyNs << " ns, UINTR "
      << (!sc.machine.uintrSupported ? "absent"
          : sc.machine.uintrEnabled  ? "on"
                                     : "available but not enabled")
      << "\n";
    std::snprintf(line, sizeof line, "%12s  %-4s %-12s %-25s %s\n", "t (ns)", "cpu", "task",
                  "event", "details");
    o << line;
    for (const TraceEvent& e : trace.events) {
        const std::string cpu = e.cpu >= 0 ? std::to_string(e.cpu) : "-";
        const std::string task = e.task >= 0 ? sc.taskName(e.task) : "-";
        std::snprintf(line, sizeof line, "%12lld  %-4s %-12s %-25s ", static_cast<long long>(e.t),
                      cpu.c_str(), task.c_str(), std::string(kindName(e.kind)).c_str());
        o << line << describeEvent(e, sc) << "\n";
    }
    o << "\nsummary: " << s.userInterrupts.size() << " user interrupt(s) delivered, "
      << s.spurious.size() << " spurious notification(s), " << s.ipisSent
      << " IPI(s) sent by SENDUIPI, " << s.faults << " fault(s), " << s.lost.size()
      << " vector(s) lost\n";
    o << "stopped at " << s.stoppedAt << " ns (" << toString(s.stopReason) << ")\n";
    o << "switch_uintr_return: " << s.uintrReturnRuns << " run(s), " << s.uintrReturnUnchanged
      << " changed nothing\n";
    if (s.hasUisLine) {
        o << "/proc/interrupts:\n      ";
        for (int c : s.onlineCpus) {
            std::snprintf(line, sizeof line, "%10s ", ("CPU" + std::to_string(c)).c_str());
            o << line;
        }
        o << "\n UIS: ";
        for (auto n : s.uis) {
            std::snprintf(line, sizeof line, "%10llu ", static_cast<unsigned long long>(n));
            o << line;
        }
        o << "  User-interrupt spurious event\n";
    } else {
        o << "/proc/interrupts: no UIS line (user interrupts not available and enabled)\n";
    }
    for (const auto& l : s.lost)
        o << "lost: vector " << l.vector << " of " << sc.taskName(l.task) << " at " << l.t
          << " ns (" << l.cause << ")\n";
    for (int task : s.blockedAtEnd)
        o << "never woken: " << sc.taskName(task) << " still sleeps in uintr_wait\n";
    bool any = false;
    for (const auto& p : s.pendingAtEnd) {
        if (!p.pir && !p.uirr) continue;
        o << (any ? "" : "pending at end:\n") << "  " << sc.taskName(p.task) << ": PIR "
          << vectorsText(p.pir) << " UIRR " << vectorsText(p.uirr) << "\n";
        any = true;
    }
    if (!any) o << "pending at end: nothing\n";
    return o.str();
}

} // namespace uintr::sim
