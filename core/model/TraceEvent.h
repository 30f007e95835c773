// One step of the story a trace tells (cli.md "run --json"). Compact on purpose: a timeline of
// a million events must fit comfortably in memory and be cheap to scan.
#pragma once

#include "arch/Fault.h"

#include <cstdint>
#include <string_view>

namespace uintr::model {

enum class EventKind : std::uint8_t {
    // cli.md kinds
    ContextSwitch,
    SendUipi,
    PirPosted,
    IpiSent,
    IpiSuppressed,
    IpiArrived,
    NotificationProcessed,
    SpuriousNotification,
    KernelVector,
    SelfIpi,
    UserInterruptDelivered,
    Uiret,
    Stui,
    Clui,
    Testui,
    Blocked,
    Woken,
    Fault,
    // kinds added by this model (cli.md: "plus kinds added later")
    OpDeferred,    // a task operation waits: its task is not running (scenario-format.md)
    SnSet,         // switch_uintr_prepare: UPID.SN = 1 (locked)
    SnCleared,     // switch_uintr_return: NDST written, UPID.SN = 0
    Xsaves,        // UINTR state saved; UINV cleared in IA32_UINTR_MISC
    Xrstors,       // UINTR state restored
    UinvRestored,  // switch_uintr_return put the notification vector back in UINV
    WaitReturned,  // uintr_wait returned at once (something already pending, or no handler)
    Exit,          // the task exited
    IpiLost,       // an IPI to an APIC ID that no CPU has
    SwitchIgnored, // a context switch that cannot happen (task blocked, exited, elsewhere)
    Count
};

std::string_view kindName(EventKind kind); // the cli.md spelling, e.g. "ipi_suppressed"

// What `reason` means depends on the kind.
enum class DeferReason : std::uint8_t { NotRunning, InHandler, InSwitch };
enum class SuppressReason : std::uint8_t { Sn, On };
enum class IgnoreReason : std::uint8_t {
    Blocked,
    Exited,
    RunningElsewhere,
    AlreadyRunning,
    AlreadyIdle
};
enum class WaitReturnReason : std::uint8_t { Pending, NotReceiver, NoFeature };
std::string_view toString(DeferReason r);
std::string_view toString(SuppressReason r);
std::string_view toString(IgnoreReason r);
std::string_view toString(WaitReturnReason r);

struct TraceEvent {
    std::int64_t t = 0;
    std::int32_t cpu = -1;  // where it happened (-1: nowhere in particular)
    std::int32_t task = -1; // the task it concerns (-1: none / idle)
    EventKind kind = EventKind::ContextSwitch;
    std::uint8_t reason = 0; // DeferReason, SuppressReason, FaultReason, IgnoreReason…
    std::uint8_t faultKind = 0;
    std::uint8_t flags = 0;   // kind-specific bits, see kFlag*
    std::int16_t vector = -1; // user vector (0..63) or interrupt vector (32..255) by kind
    std::int16_t op = -1;     // scenario::OpKind for ops, faults and deferrals
    std::int32_t other = -1;  // context_switch: previous task; ipi_sent: target CPU;
                              // pir_posted / ipi_suppressed: the other task
    std::int32_t entry = -1;  // the scenario timeline entry that caused it, if any
    std::uint64_t value = 0;  // uitt_index, PIR bits moved, NDST, UIRR… by kind
    std::int32_t cause = -1;  // the event that made this one happen (causality graph)
    std::int32_t cause2 = -1; // a second cause: the condition that shaped the outcome
    std::uint32_t step = 0;   // the engine step that produced it (for state lookup)
};

// Makes `e` a `fault` event carrying the SDM's exception and the model's reason.
inline void setFault(TraceEvent& e, const arch::Fault& f) {
    e.kind = EventKind::Fault;
    e.faultKind = static_cast<std::uint8_t>(f.kind);
    e.reason = static_cast<std::uint8_t>(f.reason);
}

inline constexpr std::uint8_t kFlagInitial = 1;    // context_switch: placement at time 0
inline constexpr std::uint8_t kFlagWakeup = 2;     // context_switch: the kernel ran a woken task
inline constexpr std::uint8_t kFlagSecondSave = 4; // xsaves: the misc-restore-bug double save
inline constexpr std::uint8_t kFlagDeferred = 8;   // an op that ran after waiting
inline constexpr std::uint8_t kFlagCf = 16;        // testui: CF = 1

} // namespace uintr::model
