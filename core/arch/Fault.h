// Architectural faults as values: every operation of the model that can fault returns one of
// these instead of throwing, so the engine can put the fault in the trace and carry on.
#pragma once

#include <cstdint>
#include <optional>

namespace uintr::arch {

enum class FaultKind : std::uint8_t { UD, GP, PF };

// Why the fault happened, in the words of the SDM's exception lists.
enum class FaultReason : std::uint8_t {
    NoCpuFeature,        // CPUID.(EAX=7,ECX=0):EDX[5] = 0
    Cr4UintrClear,       // CR4.UINTR = 0
    NotLongMode,         // outside 64-bit mode
    SendDisabled,        // IA32_UINTR_TT[0] = 0: SENDUIPI is #UD, not #GP
    IndexPastUittsz,     // SENDUIPI reg > IA32_UINTR_MISC.UITTSZ
    UittEntryInvalid,    // UITT entry V = 0
    UittReservedBits,    // UITT entry bits 7:1 or 63:16 set
    UittVectorReserved,  // UITT entry UV >= 64 (bits 15:14)
    UpidAddrMisaligned,  // UITT entry UPIDADDR bits 5:0 not 0
    UpidReservedBits,    // UPID bits 15:2 or 31:24 set
    NonCanonical,        // WRMSR / XRSTORS of a non-canonical address
    MsrReservedBits,     // WRMSR / XRSTORS with a reserved bit set
    UinvNotZero,         // XRSTORS of the UINTR component while UINV != 0
    HandlerNonCanonical, // delivery with a non-canonical IA32_UINTR_HANDLER
    UnknownMsr,          // RDMSR/WRMSR of an MSR the CPU does not have
    NotPrivileged,       // RDMSR/WRMSR at CPL 3
    UnmappedAddress,     // a structure address outside simulated memory
    NoPendingVector,     // delivery asked for with UIRR = 0: a caller's error, never architectural
};

struct Fault {
    FaultKind kind;
    FaultReason reason;
    friend bool operator==(const Fault&, const Fault&) = default;
};

// "#UD" / "#GP" / "#PF", the spelling of the trace and the SDM.
const char* toString(FaultKind kind);
// A short machine-friendly token (trace JSON `reason`), e.g. "index_past_uittsz".
const char* toString(FaultReason reason);
// One sentence for people, citing the rule.
const char* describe(FaultReason reason);

using MaybeFault = std::optional<Fault>;

inline Fault ud(FaultReason r) {
    return {FaultKind::UD, r};
}
inline Fault gp(FaultReason r) {
    return {FaultKind::GP, r};
}

} // namespace uintr::arch
