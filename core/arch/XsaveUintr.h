// The UINTR state component of XSAVES/XRSTORS: supervisor component 14 (XFEATURE_UINTR), 48
// bytes (uintr-reference.md §1 and §4; SDM vol. 1 "User Interrupt State"): HANDLER,
// STACKADJUST, MISC with UIF in bit 63, PD, RR, TT.
#pragma once

#include "arch/PhysicalMemory.h"
#include "arch/UintrMsrs.h"

#include <array>
#include <cstdint>
#include <optional>

namespace uintr::arch {

struct XsaveUintr {
    static constexpr unsigned kComponent = 14;
    static constexpr std::size_t kSize = 48;
    static constexpr std::uint64_t kUifBit = std::uint64_t{1} << 63;
    // MISC bits 62:40 are reserved in the image (63 is UIF).
    static constexpr std::uint64_t kImageMiscReserved = 0x7FFF'FF00'0000'0000ULL;

    UintrMsrs msrs; // misc without the UIF bit
    bool uif = false;

    std::array<std::uint64_t, 6> toQuadwords() const;
    static XsaveUintr fromQuadwords(const std::array<std::uint64_t, 6>& q);

    static std::optional<XsaveUintr> load(const PhysicalMemory& memory, std::uint64_t address);
    MaybeFault store(PhysicalMemory& memory, std::uint64_t address) const;

    friend bool operator==(const XsaveUintr&, const XsaveUintr&) = default;
};

} // namespace uintr::arch
