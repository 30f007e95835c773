#include "model/TraceEvent.h"

#include <array>

namespace uintr::model {

std::string_view kindName(EventKind kind) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(EventKind::Count)> names{
        "context_switch",
        "senduipi",
        "pir_posted",
        "ipi_sent",
        "ipi_suppressed",
        "ipi_arrived",
        "notification_processed",
        "spurious_notification",
        "kernel_vector",
        "self_ipi",
        "user_interrupt_delivered",
        "uiret",
        "stui",
        "clui",
        "testui",
        "blocked",
        "woken",
        "fault",
        "op_deferred",
        "sn_set",
        "sn_cleared",
        "xsaves",
        "xrstors",
        "uinv_restored",
        "wait_returned",
        "exit",
        "ipi_lost",
        "switch_ignored",
        "kernel_enter",
        "kernel_return",
        "switch_uintr_return",
        "irq_return",
        "uitt_entry_cleared",
        "uitt_torn_down",
        "handler_unregistered",
        "syscall_rejected",
        "vector_lost",
        "cpu_offline",
        "cpu_online",
        "ndst_moved",
    };
    const auto i = static_cast<std::size_t>(kind);
    return i < names.size() ? names[i] : "unknown";
}

std::string_view toString(DeferReason r) {
    switch (r) {
    case DeferReason::NotRunning:
        return "not_running";
    case DeferReason::InHandler:
        return "in_handler";
    case DeferReason::InSwitch:
        return "in_switch";
    case DeferReason::InKernel:
        return "in_kernel";
    case DeferReason::InIrq:
        return "in_irq";
    case DeferReason::CpuBusy:
        return "cpu_busy";
    case DeferReason::InKernelFpu:
        return "in_kernel_fpu";
    }
    return "?";
}

std::string_view toString(SuppressReason r) {
    return r == SuppressReason::Sn ? "sn" : "on";
}

std::string_view toString(IgnoreReason r) {
    switch (r) {
    case IgnoreReason::Blocked:
        return "blocked";
    case IgnoreReason::Exited:
        return "exited";
    case IgnoreReason::RunningElsewhere:
        return "running_elsewhere";
    case IgnoreReason::AlreadyRunning:
        return "already_running";
    case IgnoreReason::AlreadyIdle:
        return "already_idle";
    case IgnoreReason::CpuOffline:
        return "cpu_offline";
    case IgnoreReason::AlreadyOnline:
        return "already_online";
    case IgnoreReason::AlreadyOffline:
        return "already_offline";
    }
    return "?";
}

std::string_view toString(WaitReturnReason r) {
    switch (r) {
    case WaitReturnReason::Pending:
        return "pending";
    case WaitReturnReason::NotReceiver:
        return "not_receiver";
    case WaitReturnReason::NoFeature:
        return "no_feature";
    }
    return "?";
}

std::string_view toString(IpiLostReason r) {
    return r == IpiLostReason::Offline ? "cpu_offline" : "no_such_apic_id";
}

std::string_view toString(RejectReason r) {
    switch (r) {
    case RejectReason::NoFeature:
        return "no_feature";
    case RejectReason::NotRegistered:
        return "not_registered";
    case RejectReason::BadIndex:
        return "bad_index";
    }
    return "?";
}

std::string_view toString(ReturnPath r) {
    switch (r) {
    case ReturnPath::SwitchIn:
        return "switch_in";
    case ReturnPath::Syscall:
        return "syscall";
    case ReturnPath::KernelFpu:
        return "kernel_fpu";
    case ReturnPath::Interrupt:
        return "interrupt";
    case ReturnPath::Wait:
        return "uintr_wait";
    }
    return "?";
}

// ---- Named constructors ----

TraceEvent TraceEvent::make(EventKind kind, int cpu, int task, int cause) {
    TraceEvent e;
    e.kind = kind;
    e.cpu = cpu;
    e.task = task;
    e.cause = cause;
    return e;
}

TraceEvent TraceEvent::contextSwitch(int cpu, int next, int prev, int cause, std::uint8_t flags) {
    TraceEvent e = make(EventKind::ContextSwitch, cpu, next, cause);
    e.other = prev;
    e.flags = flags;
    return e;
}

TraceEvent TraceEvent::sendUipi(int cpu, int task, std::uint64_t uittIndex, int userVector,
                                int cause) {
    TraceEvent e = make(EventKind::SendUipi, cpu, task, cause);
    e.value = uittIndex;
    e.vector = static_cast<std::int16_t>(userVector);
    return e;
}

TraceEvent TraceEvent::pirPosted(int cpu, int receiver, int sender, int userVector,
                                 std::uint64_t pir, int cause) {
    TraceEvent e = make(EventKind::PirPosted, cpu, receiver, cause);
    e.other = sender;
    e.vector = static_cast<std::int16_t>(userVector);
    e.value = pir;
    return e;
}

TraceEvent TraceEvent::ipiSent(int cpu, int sender, int targetCpu, std::uint8_t vector,
                               std::uint64_t ndst, int cause) {
    TraceEvent e = make(EventKind::IpiSent, cpu, sender, cause);
    e.other = targetCpu;
    e.vector = vector;
    e.value = ndst;
    return e;
}

TraceEvent TraceEvent::ipiSuppressed(int cpu, int sender, int receiver, std::uint8_t vector,
                                     SuppressReason why, int cause) {
    TraceEvent e = make(EventKind::IpiSuppressed, cpu, sender, cause);
    e.other = receiver;
    e.vector = vector;
    e.reason = static_cast<std::uint8_t>(why);
    return e;
}

TraceEvent TraceEvent::ipiArrived(int cpu, int task, std::uint8_t vector, int cause) {
    TraceEvent e = make(EventKind::IpiArrived, cpu, task, cause);
    e.vector = vector;
    return e;
}

TraceEvent TraceEvent::ipiLost(int cpu, std::uint8_t vector, std::uint64_t apicId,
                               IpiLostReason why, int cause) {
    TraceEvent e = make(EventKind::IpiLost, cpu, -1, cause);
    e.vector = vector;
    e.value = apicId;
    e.reason = static_cast<std::uint8_t>(why);
    return e;
}

TraceEvent TraceEvent::notificationProcessed(int cpu, int owner, std::uint8_t vector,
                                             std::uint64_t moved, int cause) {
    TraceEvent e = make(EventKind::NotificationProcessed, cpu, owner, cause);
    e.vector = vector;
    e.value = moved;
    return e;
}

TraceEvent TraceEvent::spuriousNotification(int cpu, int task, std::uint8_t vector,
                                            std::uint64_t uinv, int cause, int uinvChange) {
    TraceEvent e = make(EventKind::SpuriousNotification, cpu, task, cause);
    e.vector = vector;
    e.value = uinv;
    e.cause2 = uinvChange;
    return e;
}

TraceEvent TraceEvent::kernelVector(int cpu, int task, std::uint8_t vector, int cause) {
    TraceEvent e = make(EventKind::KernelVector, cpu, task, cause);
    e.vector = vector;
    return e;
}

TraceEvent TraceEvent::irqReturn(int cpu, int task, std::uint8_t vector, int cause) {
    TraceEvent e = make(EventKind::IrqReturn, cpu, task, cause);
    e.vector = vector;
    return e;
}

TraceEvent TraceEvent::selfIpi(int cpu, int task, std::uint8_t vector, std::uint64_t pir, int cause,
                               int post) {
    TraceEvent e = make(EventKind::SelfIpi, cpu, task, cause);
    e.vector = vector;
    e.value = pir;
    e.cause2 = post;
    return e;
}

TraceEvent TraceEvent::delivered(int cpu, int task, std::uint8_t vector, std::uint64_t uirrAfter,
                                 int request, int trigger) {
    TraceEvent e = make(EventKind::UserInterruptDelivered, cpu, task, request);
    e.vector = vector;
    e.value = uirrAfter;
    e.cause2 = trigger;
    return e;
}

TraceEvent TraceEvent::uiret(int cpu, int task, int vector, int cause) {
    TraceEvent e = make(EventKind::Uiret, cpu, task, cause);
    e.vector = static_cast<std::int16_t>(vector);
    return e;
}

// A fault of the operation or step `at` describes: the SDM's exception and the model's reason.
TraceEvent TraceEvent::fault(const TraceEvent& at, const arch::Fault& f, int cause) {
    TraceEvent e = make(EventKind::Fault, at.cpu, at.task, cause);
    e.entry = at.entry;
    e.op = at.op;
    e.value = at.kind == EventKind::SendUipi ? at.value : 0; // the SENDUIPI operand
    e.vector = at.vector;
    e.faultKind = static_cast<std::uint8_t>(f.kind);
    e.reason = static_cast<std::uint8_t>(f.reason);
    return e;
}

TraceEvent TraceEvent::opDeferred(int cpu, int task, int entry, int op, DeferReason why) {
    TraceEvent e = make(EventKind::OpDeferred, cpu, task, -1);
    e.entry = entry;
    e.op = static_cast<std::int16_t>(op);
    e.reason = static_cast<std::uint8_t>(why);
    return e;
}

TraceEvent TraceEvent::xsaves(int cpu, int task, std::uint8_t uinvSaved, std::uint8_t uinvAfter,
                              bool secondSave, int cause) {
    TraceEvent e = make(EventKind::Xsaves, cpu, task, cause);
    e.vector = uinvSaved;
    e.value = uinvAfter;
    e.flags = secondSave ? kFlagSecondSave : 0;
    return e;
}

TraceEvent TraceEvent::xrstors(int cpu, int task, std::uint8_t uinv, std::uint64_t uirr,
                               int cause) {
    TraceEvent e = make(EventKind::Xrstors, cpu, task, cause);
    e.vector = uinv;
    e.value = uirr;
    return e;
}

TraceEvent TraceEvent::uinvRestored(int cpu, int task, std::uint8_t uinv, int cause) {
    TraceEvent e = make(EventKind::UinvRestored, cpu, task, cause);
    e.vector = uinv;
    return e;
}

TraceEvent TraceEvent::snCleared(int cpu, int task, std::uint64_t ndst, int cause) {
    TraceEvent e = make(EventKind::SnCleared, cpu, task, cause);
    e.value = ndst;
    return e;
}

TraceEvent TraceEvent::uintrReturn(int cpu, int task, ReturnPath path, std::uint64_t changed,
                                   int cause) {
    TraceEvent e = make(EventKind::UintrReturn, cpu, task, cause);
    e.reason = static_cast<std::uint8_t>(path);
    e.value = changed;
    return e;
}

TraceEvent TraceEvent::blocked(int cpu, int task, std::uint8_t kernelVector, int cause) {
    TraceEvent e = make(EventKind::Blocked, cpu, task, cause);
    e.vector = kernelVector;
    return e;
}

TraceEvent TraceEvent::waitReturned(int cpu, int task, WaitReturnReason why, std::uint64_t pending,
                                    int cause) {
    TraceEvent e = make(EventKind::WaitReturned, cpu, task, cause);
    e.reason = static_cast<std::uint8_t>(why);
    e.value = pending;
    return e;
}

TraceEvent TraceEvent::switchIgnored(int cpu, int task, int entry, IgnoreReason why, int cause) {
    TraceEvent e = make(EventKind::SwitchIgnored, cpu, task, cause);
    e.entry = entry;
    e.reason = static_cast<std::uint8_t>(why);
    return e;
}

TraceEvent TraceEvent::kernelEnter(int cpu, int task, int op, std::int64_t durationNs, int entry,
                                   int cause) {
    TraceEvent e = make(EventKind::KernelEnter, cpu, task, cause);
    e.op = static_cast<std::int16_t>(op);
    e.value = static_cast<std::uint64_t>(durationNs);
    e.entry = entry;
    return e;
}

TraceEvent TraceEvent::kernelReturn(int cpu, int task, int op, int cause) {
    TraceEvent e = make(EventKind::KernelReturn, cpu, task, cause);
    e.op = static_cast<std::int16_t>(op);
    return e;
}

TraceEvent TraceEvent::uittEntryCleared(int cpu, int task, std::uint64_t uittIndex, int cause) {
    TraceEvent e = make(EventKind::UittEntryCleared, cpu, task, cause);
    e.value = uittIndex;
    return e;
}

TraceEvent TraceEvent::syscallRejected(int cpu, int task, int op, RejectReason why, int cause) {
    TraceEvent e = make(EventKind::SyscallRejected, cpu, task, cause);
    e.op = static_cast<std::int16_t>(op);
    e.reason = static_cast<std::uint8_t>(why);
    return e;
}

TraceEvent TraceEvent::vectorLost(int cpu, int owner, int userVector, int post, int cause,
                                  bool atEnd) {
    TraceEvent e = make(EventKind::VectorLost, cpu, owner, cause);
    e.vector = static_cast<std::int16_t>(userVector);
    e.cause2 = post;
    e.flags = atEnd ? kFlagAtEnd : 0;
    return e;
}

TraceEvent TraceEvent::cpuOnline(int cpu, bool online, int entry) {
    TraceEvent e = make(online ? EventKind::CpuOnline : EventKind::CpuOffline, cpu, -1, -1);
    e.entry = entry;
    return e;
}

TraceEvent TraceEvent::ndstMoved(int cpu, int task, std::uint64_t ndst, int cause) {
    TraceEvent e = make(EventKind::NdstMoved, cpu, task, cause);
    e.value = ndst;
    return e;
}

} // namespace uintr::model
