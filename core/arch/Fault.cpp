#include "arch/Fault.h"

namespace uintr::arch {

const char* toString(FaultKind kind) {
    switch (kind) {
    case FaultKind::UD:
        return "#UD";
    case FaultKind::GP:
        return "#GP";
    case FaultKind::PF:
        return "#PF";
    }
    return "?";
}

const char* toString(FaultReason reason) {
    switch (reason) {
    case FaultReason::NoCpuFeature:
        return "no_cpu_feature";
    case FaultReason::Cr4UintrClear:
        return "cr4_uintr_clear";
    case FaultReason::NotLongMode:
        return "not_64bit_mode";
    case FaultReason::SendDisabled:
        return "tt_not_valid";
    case FaultReason::IndexPastUittsz:
        return "index_past_uittsz";
    case FaultReason::UittEntryInvalid:
        return "uitt_entry_invalid";
    case FaultReason::UittReservedBits:
        return "uitt_reserved_bits";
    case FaultReason::UittVectorReserved:
        return "uitt_vector_reserved";
    case FaultReason::UpidAddrMisaligned:
        return "upidaddr_misaligned";
    case FaultReason::UpidReservedBits:
        return "upid_reserved_bits";
    case FaultReason::NonCanonical:
        return "non_canonical";
    case FaultReason::MsrReservedBits:
        return "msr_reserved_bits";
    case FaultReason::UinvNotZero:
        return "uinv_not_zero";
    case FaultReason::HandlerNonCanonical:
        return "handler_non_canonical";
    case FaultReason::UnknownMsr:
        return "unknown_msr";
    case FaultReason::NotPrivileged:
        return "not_privileged";
    case FaultReason::UnmappedAddress:
        return "unmapped_address";
    case FaultReason::NoPendingVector:
        return "no_pending_vector";
    }
    return "?";
}

const char* describe(FaultReason reason) {
    switch (reason) {
    case FaultReason::NoCpuFeature:
        return "the CPU does not support user interrupts (CPUID.7.0:EDX[5] = 0)";
    case FaultReason::Cr4UintrClear:
        return "CR4.UINTR is 0";
    case FaultReason::NotLongMode:
        return "not in 64-bit mode";
    case FaultReason::SendDisabled:
        return "IA32_UINTR_TT bit 0 is 0: SENDUIPI is disabled";
    case FaultReason::IndexPastUittsz:
        return "the UITT index is greater than UITTSZ";
    case FaultReason::UittEntryInvalid:
        return "the UITT entry is not valid (V = 0)";
    case FaultReason::UittReservedBits:
        return "a reserved bit of the UITT entry is set";
    case FaultReason::UittVectorReserved:
        return "the UITT entry's UV is 64 or more (bits 15:14 are reserved)";
    case FaultReason::UpidAddrMisaligned:
        return "the UITT entry's UPIDADDR is not 64-byte aligned";
    case FaultReason::UpidReservedBits:
        return "a reserved bit of the UPID is set (bits 15:2 or 31:24)";
    case FaultReason::NonCanonical:
        return "the address is not canonical";
    case FaultReason::MsrReservedBits:
        return "a reserved bit of the MSR is set";
    case FaultReason::UinvNotZero:
        return "XRSTORS of the UINTR component while UINV is not 0";
    case FaultReason::HandlerNonCanonical:
        return "IA32_UINTR_HANDLER is not canonical";
    case FaultReason::UnknownMsr:
        return "the MSR does not exist on this CPU";
    case FaultReason::NotPrivileged:
        return "RDMSR/WRMSR at CPL 3";
    case FaultReason::UnmappedAddress:
        return "the address is outside simulated memory";
    case FaultReason::NoPendingVector:
        return "delivery with UIRR = 0 (a model error)";
    }
    return "?";
}

} // namespace uintr::arch
