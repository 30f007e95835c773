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

} // namespace uintr::model
