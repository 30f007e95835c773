// One step of the story a trace tells (cli.md "run --json"). Compact on purpose: a timeline of
// a million events must fit comfortably in memory and be cheap to scan.
//
// What the generic fields (`other`, `value`, `reason`, `vector`) mean depends on the kind; the
// named constructors below are the one place that says it, so the engine and the kernel never
// fill them by hand.
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
    OpDeferred,          // an operation or entry waits (scenario-format.md "Time and order")
    SnSet,               // switch_uintr_prepare: UPID.SN = 1 (locked)
    SnCleared,           // switch_uintr_return: NDST written, UPID.SN = 0
    Xsaves,              // UINTR state saved; UINV cleared in IA32_UINTR_MISC (§4)
    Xrstors,             // UINTR state restored
    UinvRestored,        // switch_uintr_return put the notification vector back in UINV
    WaitReturned,        // uintr_wait returned without sleeping
    Exit,                // the task exited (uintr_free)
    IpiLost,             // an IPI that reached no CPU (no such APIC ID, or the CPU is offline)
    SwitchIgnored,       // a context switch that cannot happen (task blocked, exited, elsewhere)
    KernelEnter,         // syscall / kernel_fpu: the task enters the kernel (CPL 0)
    KernelReturn,        // ... and returns to user mode
    UintrReturn,         // one run of switch_uintr_return (§5), with what it changed
    IrqReturn,           // the kernel's IDT handler for a UINTR vector returns after irq_ns
    UittEntryCleared,    // uintr_unregister_sender: the entry's V bit cleared
    UittTornDown,        // the sender's last entry went: IA32_UINTR_TT = 0
    HandlerUnregistered, // uintr_unregister_handler / uintr_free of a receiver
    SyscallRejected,     // a uintr_* syscall that returned an error and changed nothing
    VectorLost,          // a posted user vector destroyed (cli.md summary.lost)
    CpuOffline,          // a CPU taken offline
    CpuOnline,           // a CPU brought back
    NdstMoved,           // reviewed: a sleeper's NDST moved off a CPU going offline
    Count
};

std::string_view kindName(EventKind kind); // the cli.md spelling, e.g. "ipi_suppressed"

// What `reason` means depends on the kind.
enum class DeferReason : std::uint8_t {
    NotRunning,
    InHandler,
    InSwitch,
    InKernel,    // the task is in a syscall or kernel_fpu
    InIrq,       // the CPU runs the kernel's IDT handler
    CpuBusy,     // taking a CPU offline waits until it is idle
    InKernelFpu, // a switch waits for kernel_fpu_end (preemption is disabled)
};
enum class SuppressReason : std::uint8_t { Sn, On };
enum class IgnoreReason : std::uint8_t {
    Blocked,
    Exited,
    RunningElsewhere,
    AlreadyRunning,
    AlreadyIdle,
    CpuOffline,
    AlreadyOnline,
    AlreadyOffline,
};
enum class WaitReturnReason : std::uint8_t { Pending, NotReceiver, NoFeature };
enum class IpiLostReason : std::uint8_t { NoSuchApic, Offline };
enum class RejectReason : std::uint8_t { NoFeature, NotRegistered, BadIndex };
// Why switch_uintr_return ran: the ways back to user space (scenario-format.md).
enum class ReturnPath : std::uint8_t { SwitchIn, Syscall, KernelFpu, Interrupt, Wait };
// What a run of switch_uintr_return changed (UintrReturn's `value`); none: the reviewer's
// "what on earth has modified that MSR state? Nothing at all".
namespace uintr_return {
inline constexpr std::uint64_t kXrstors = 1;
inline constexpr std::uint64_t kUinvRestored = 2;
inline constexpr std::uint64_t kNdstChanged = 4;
inline constexpr std::uint64_t kSnCleared = 8;
inline constexpr std::uint64_t kSelfIpi = 16;
} // namespace uintr_return

std::string_view toString(DeferReason r);
std::string_view toString(SuppressReason r);
std::string_view toString(IgnoreReason r);
std::string_view toString(WaitReturnReason r);
std::string_view toString(IpiLostReason r);
std::string_view toString(RejectReason r);
std::string_view toString(ReturnPath r);

inline constexpr std::uint8_t kFlagInitial = 1;    // context_switch: placement at time 0
inline constexpr std::uint8_t kFlagWakeup = 2;     // context_switch: the kernel ran a woken task
inline constexpr std::uint8_t kFlagSecondSave = 4; // xsaves: the misc-restore-bug double save
inline constexpr std::uint8_t kFlagDeferred = 8;   // an op that ran after waiting
inline constexpr std::uint8_t kFlagCf = 16;        // testui: CF = 1
inline constexpr std::uint8_t kFlagAtEnd = 32;     // vector_lost: still orphaned when time ran out

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
    std::int32_t other = -1;  // a second task or CPU, by kind (see the constructors)
    std::int32_t entry = -1;  // the scenario timeline entry that caused it, if any
    std::uint64_t value = 0;  // uitt_index, PIR bits moved, NDST, UIRR… by kind
    std::int32_t cause = -1;  // the event that made this one happen (causality graph)
    std::int32_t cause2 = -1; // a second cause: the condition that shaped the outcome
    std::uint32_t step = 0;   // the engine step that produced it (for state lookup)

    // ---- Named constructors: one per kind, each the only place its fields are assigned. ----
    static TraceEvent make(EventKind kind, int cpu, int task, int cause);
    // `prev` was running, `next` runs now (-1: idle).
    static TraceEvent contextSwitch(int cpu, int next, int prev, int cause, std::uint8_t flags = 0);
    static TraceEvent sendUipi(int cpu, int task, std::uint64_t uittIndex, int userVector,
                               int cause);
    // `pir`: the UPID's PIR after the post.
    static TraceEvent pirPosted(int cpu, int receiver, int sender, int userVector,
                                std::uint64_t pir, int cause);
    static TraceEvent ipiSent(int cpu, int sender, int targetCpu, std::uint8_t vector,
                              std::uint64_t ndst, int cause);
    static TraceEvent ipiSuppressed(int cpu, int sender, int receiver, std::uint8_t vector,
                                    SuppressReason why, int cause);
    static TraceEvent ipiArrived(int cpu, int task, std::uint8_t vector, int cause);
    static TraceEvent ipiLost(int cpu, std::uint8_t vector, std::uint64_t apicId, IpiLostReason why,
                              int cause);
    // `moved`: the PIR bits ORed into UIRR.
    static TraceEvent notificationProcessed(int cpu, int owner, std::uint8_t vector,
                                            std::uint64_t moved, int cause);
    // `uinv`: what UINV held; `uinvChange`: the event that last changed it.
    static TraceEvent spuriousNotification(int cpu, int task, std::uint8_t vector,
                                           std::uint64_t uinv, int cause, int uinvChange);
    static TraceEvent kernelVector(int cpu, int task, std::uint8_t vector, int cause);
    static TraceEvent irqReturn(int cpu, int task, std::uint8_t vector, int cause);
    // `pir`: the posts the self-IPI is for; `post`: the event that posted the highest of them.
    static TraceEvent selfIpi(int cpu, int task, std::uint8_t vector, std::uint64_t pir, int cause,
                              int post);
    // `uirrAfter`: what is still requested after this one; `request`: the event that put the
    // vector in UIRR; `trigger`: what made delivery possible now.
    static TraceEvent delivered(int cpu, int task, std::uint8_t vector, std::uint64_t uirrAfter,
                                int request, int trigger);
    static TraceEvent uiret(int cpu, int task, int vector, int cause);
    static TraceEvent fault(const TraceEvent& at, const arch::Fault& f, int cause);
    static TraceEvent opDeferred(int cpu, int task, int entry, int op, DeferReason why);
    // `uinvAfter`: UINV once saved (0 unless machine.xsaves_clears_uinv is false).
    static TraceEvent xsaves(int cpu, int task, std::uint8_t uinvSaved, std::uint8_t uinvAfter,
                             bool secondSave, int cause);
    static TraceEvent xrstors(int cpu, int task, std::uint8_t uinv, std::uint64_t uirr, int cause);
    static TraceEvent uinvRestored(int cpu, int task, std::uint8_t uinv, int cause);
    static TraceEvent snCleared(int cpu, int task, std::uint64_t ndst, int cause);
    // `changed`: uintr_return::k* bits; 0 when the run changed nothing.
    static TraceEvent uintrReturn(int cpu, int task, ReturnPath path, std::uint64_t changed,
                                  int cause);
    static TraceEvent blocked(int cpu, int task, std::uint8_t kernelVector, int cause);
    static TraceEvent waitReturned(int cpu, int task, WaitReturnReason why, std::uint64_t pending,
                                   int cause);
    static TraceEvent switchIgnored(int cpu, int task, int entry, IgnoreReason why, int cause);
    static TraceEvent kernelEnter(int cpu, int task, int op, std::int64_t durationNs, int entry,
                                  int cause);
    static TraceEvent kernelReturn(int cpu, int task, int op, int cause);
    static TraceEvent uittEntryCleared(int cpu, int task, std::uint64_t uittIndex, int cause);
    static TraceEvent syscallRejected(int cpu, int task, int op, RejectReason why, int cause);
    // `bits`: the UIRR bits zeroed with it; `owner` is the task the vector was for.
    static TraceEvent vectorLost(int cpu, int owner, int userVector, int post, int cause,
                                 bool atEnd);
    static TraceEvent cpuOnline(int cpu, bool online, int entry);
    static TraceEvent ndstMoved(int cpu, int task, std::uint64_t ndst, int cause);
};

} // namespace uintr::model
