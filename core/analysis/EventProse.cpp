#include "analysis/EventProse.h"

#include "arch/Fault.h"

#include <cstdio>

namespace uintr::analysis {

using model::EventKind;

std::string hexUpper(std::uint64_t value) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llX", static_cast<unsigned long long>(value));
    return buf;
}

namespace {

// "{3, 5}" → "3 and 5"; the vectors of a PIR or UIRR as words.
std::string vectorWords(std::uint64_t bits) {
    std::string out;
    int count = 0;
    for (int v = 0; v < 64; ++v)
        if (bits & (std::uint64_t{1} << v)) ++count;
    int seen = 0;
    for (int v = 0; v < 64; ++v) {
        if (!(bits & (std::uint64_t{1} << v))) continue;
        if (seen > 0) out += seen + 1 == count ? " and " : ", ";
        out += std::to_string(v);
        ++seen;
    }
    return out.empty() ? "none" : out;
}

std::string cpu(int c) {
    return "CPU " + std::to_string(c);
}

} // namespace

std::string eventTitle(EventKind kind) {
    switch (kind) {
    case EventKind::ContextSwitch:
        return "context switch";
    case EventKind::SendUipi:
        return "SENDUIPI";
    case EventKind::PirPosted:
        return "PIR post";
    case EventKind::IpiSent:
        return "notification IPI";
    case EventKind::IpiSuppressed:
        return "suppressed IPI";
    case EventKind::IpiArrived:
        return "IPI arrival";
    case EventKind::NotificationProcessed:
        return "notification processing";
    case EventKind::SpuriousNotification:
        return "spurious notification (UIS +1)"; // the badge it is drawn with
    case EventKind::KernelVector:
        return "kernel vector";
    case EventKind::SelfIpi:
        return "self-IPI";
    case EventKind::UserInterruptDelivered:
        return "user-interrupt delivery";
    case EventKind::Uiret:
        return "UIRET";
    case EventKind::Stui:
        return "STUI";
    case EventKind::Clui:
        return "CLUI";
    case EventKind::Testui:
        return "TESTUI";
    case EventKind::Blocked:
        return "uintr_wait";
    case EventKind::Woken:
        return "wake-up";
    case EventKind::Fault:
        return "fault";
    case EventKind::OpDeferred:
        return "deferred operation";
    case EventKind::SnSet:
        return "SN set";
    case EventKind::SnCleared:
        return "SN cleared";
    case EventKind::Xsaves:
        return "XSAVES";
    case EventKind::Xrstors:
        return "XRSTORS";
    case EventKind::UinvRestored:
        return "UINV restore";
    case EventKind::WaitReturned:
        return "uintr_wait return";
    case EventKind::Exit:
        return "exit";
    case EventKind::IpiLost:
        return "lost IPI";
    case EventKind::SwitchIgnored:
        return "ignored switch";
    default:
        return std::string(model::kindName(kind));
    }
}

std::string eventProse(const model::TraceEvent& e, const scenario::Scenario& sc) {
    const std::string task = sc.taskName(e.task);
    const std::string other = sc.taskName(e.other);
    const std::string vec = hexUpper(static_cast<std::uint64_t>(e.vector < 0 ? 0 : e.vector));
    switch (e.kind) {
    case EventKind::ContextSwitch:
        if (e.flags & model::kFlagInitial)
            return task + " runs on " + cpu(e.cpu) + " from the start.";
        return "The scheduler switches " + cpu(e.cpu) + " from " + other + " to " + task +
               ((e.flags & model::kFlagWakeup) ? " (woken)." : ".");
    case EventKind::SendUipi:
        return task + " executes SENDUIPI through UITT entry " + std::to_string(e.value) +
               (e.vector >= 0 ? " (user vector " + std::to_string(e.vector) + ")." : ".");
    case EventKind::PirPosted:
        return "PIR bit " + std::to_string(e.vector) + " is posted in " + task +
               "'s UPID (PIR now holds " + vectorWords(e.value) + ").";
    case EventKind::IpiSent:
        return "ON is set and the notification IPI (vector " + vec + ") leaves for " +
               cpu(e.other) + ".";
    case EventKind::IpiSuppressed:
        return std::string("No IPI is sent: the UPID's ") + (e.reason == 0 ? "SN" : "ON") +
               " bit is set" +
               (e.reason == 0 ? " (the receiver is not running)." : " (one is already pending).");
    case EventKind::IpiArrived:
        return "The IPI (vector " + vec + ") reaches " + cpu(e.cpu) + "'s local APIC.";
    case EventKind::NotificationProcessed:
        return "Vector " + vec + " matches UINV, so the CPU processes the notification: ON is " +
               "cleared and PIR (" + vectorWords(e.value) + ") moves into UIRR.";
    case EventKind::SpuriousNotification:
        return "Vector " + vec + " does not match UINV (" + hexUpper(e.value) +
               "), so the CPU takes it through the IDT: the kernel's spurious handler counts "
               "UIS +1.";
    case EventKind::KernelVector:
        return "Vector " + vec +
               " goes through the IDT to the kernel, which wakes the task "
               "blocked in uintr_wait.";
    case EventKind::SelfIpi:
        return "PIR still holds " + vectorWords(e.value) + ", so the kernel sends " + task +
               " a self-IPI (vector " + vec + ").";
    case EventKind::UserInterruptDelivered:
        return "User interrupt " + std::to_string(e.vector) + " is delivered to " + task +
               "'s handler (UIF cleared).";
    case EventKind::Uiret:
        return task + "'s handler returns with UIRET (UIF set again).";
    case EventKind::Stui:
        return task + " executes STUI: UIF = 1.";
    case EventKind::Clui:
        return task + " executes CLUI: UIF = 0, delivery is masked.";
    case EventKind::Testui:
        return task + " executes TESTUI: UIF is " + ((e.flags & model::kFlagCf) ? "1." : "0.");
    case EventKind::Blocked:
        return task + " blocks in uintr_wait; the kernel points the UPID's NV at " + vec + ".";
    case EventKind::Woken:
        return task + " is woken: the kernel sets SN, restores NV and makes it runnable.";
    case EventKind::Fault:
        return task + " faults: " + arch::toString(static_cast<arch::FaultKind>(e.faultKind)) +
               ", " + arch::describe(static_cast<arch::FaultReason>(e.reason)) + ".";
    case EventKind::OpDeferred:
        return task + "'s operation waits until " + task + " runs again.";
    case EventKind::SnSet:
        return "Switching " + task + " out, the kernel sets SN in its UPID.";
    case EventKind::SnCleared:
        return "Switching " + task + " in, the kernel writes NDST = " + hexUpper(e.value) +
               " and clears SN.";
    case EventKind::Xsaves:
        if (e.flags & model::kFlagSecondSave)
            return "A second XSAVES saves UINV = 0 over " + task + "'s good value.";
        return "XSAVES saves " + task + "'s UINTR state (UINV " + vec + ") and clears UINV.";
    case EventKind::Xrstors:
        return "XRSTORS restores " + task + "'s UINTR state: UINV = " + vec + ".";
    case EventKind::UinvRestored:
        return "The kernel puts UINV = " + vec + " back for " + task + ".";
    case EventKind::WaitReturned:
        return task + "'s uintr_wait returns at once.";
    case EventKind::Exit:
        return task + " exits.";
    case EventKind::IpiLost:
        return "The IPI is lost: no CPU has APIC ID " + std::to_string(e.value) + ".";
    case EventKind::SwitchIgnored:
        return "The switch to " + task + " cannot happen and is ignored.";
    default:
        return eventTitle(e.kind) + ".";
    }
}

} // namespace uintr::analysis
