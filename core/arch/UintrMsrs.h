// The UINTR MSRs of one logical processor (uintr-reference.md §1 MSR table; SDM "User-Interrupt
// State and MSRs"), with their architectural numbers and the WRMSR rules.
#pragma once

#include "arch/Canonical.h"
#include "arch/Fault.h"

#include <cstdint>
#include <optional>

namespace uintr::arch {

namespace msr {
inline constexpr std::uint32_t IA32_UINTR_RR = 0x985;
inline constexpr std::uint32_t IA32_UINTR_HANDLER = 0x986;
inline constexpr std::uint32_t IA32_UINTR_STACKADJUST = 0x987;
inline constexpr std::uint32_t IA32_UINTR_MISC = 0x988;
inline constexpr std::uint32_t IA32_UINTR_PD = 0x989;
inline constexpr std::uint32_t IA32_UINTR_TT = 0x98A;
const char* name(std::uint32_t number); // "IA32_UINTR_RR" …, nullptr when not a UINTR MSR
} // namespace msr

struct UintrMsrs {
    static constexpr std::uint64_t kMiscReserved = 0xFFFF'FF00'0000'0000ULL; // bits 63:40
    static constexpr std::uint64_t kPdReserved = 0x3FULL;                    // bits 5:0
    static constexpr std::uint64_t kTtReserved = 0xEULL;                     // bits 3:1

    std::uint64_t rr = 0; // UIRR
    std::uint64_t handler = 0;
    std::uint64_t stackAdjust = 0;
    std::uint64_t misc = 0;
    std::uint64_t pd = 0;
    std::uint64_t tt = 0;

    std::uint32_t uittsz() const { return static_cast<std::uint32_t>(misc); }
    std::uint8_t uinv() const { return static_cast<std::uint8_t>(misc >> 32); }
    void setUinv(std::uint8_t v) { misc = (misc & ~(0xFFULL << 32)) | (std::uint64_t{v} << 32); }
    void setUittsz(std::uint32_t v) { misc = (misc & ~0xFFFF'FFFFULL) | v; }
    bool ttValid() const { return tt & 1; }
    std::uint64_t uittAddress() const { return tt & ~0xFULL; }

    // The WRMSR checks of §1: #GP(0) on a non-canonical address (HANDLER, STACKADJUST, PD, TT)
    // or a reserved bit (MISC 63:40, PD 5:0, TT 3:1). Unchanged on a fault.
    static MaybeFault checkWrite(std::uint32_t number, std::uint64_t value);
    MaybeFault write(std::uint32_t number, std::uint64_t value);
    std::optional<std::uint64_t> read(std::uint32_t number) const;

    friend bool operator==(const UintrMsrs&, const UintrMsrs&) = default;
};

} // namespace uintr::arch
