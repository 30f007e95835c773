// One entry of the User Interrupt Target Table (uintr-reference.md §1; SDM "User-Interrupt
// Target Table"): 16 bytes, V in bit 0, UV in bits 15:8, UPIDADDR in bits 127:64.
#pragma once

#include "arch/Canonical.h"
#include "arch/Fault.h"
#include "arch/PhysicalMemory.h"

#include <array>
#include <cstdint>
#include <optional>

namespace uintr::arch {

struct UittEntry {
    static constexpr std::size_t kSize = 16;
    // Bits 7:1 and 63:16 of the first quadword are reserved; UV's bits 15:14 too (UV < 64).
    static constexpr std::uint64_t kReservedMask = 0xFFFF'FFFF'FFFF'00FEULL;

    std::uint64_t word0 = 0;
    std::uint64_t upidAddr = 0;

    bool valid() const { return word0 & 1; }
    std::uint8_t uv() const { return static_cast<std::uint8_t>(word0 >> 8); }

    static UittEntry make(std::uint8_t userVector, std::uint64_t upidAddress) {
        return UittEntry{1 | (std::uint64_t{userVector} << 8), upidAddress};
    }

    // The checks SENDUIPI makes on the entry it read (§2.3), in the SDM's order.
    MaybeFault check() const;

    std::array<std::uint8_t, kSize> encode() const;
    static UittEntry decode(const std::array<std::uint8_t, kSize>& bytes);
    static std::optional<UittEntry> load(const PhysicalMemory& memory, std::uint64_t address);
    MaybeFault store(PhysicalMemory& memory, std::uint64_t address) const;

    friend bool operator==(const UittEntry&, const UittEntry&) = default;
};

} // namespace uintr::arch
