// UPID, the User Posted Interrupt Descriptor (uintr-reference.md §1; SDM "User Posted-Interrupt
// Descriptor"): 16 bytes, one per receiver. Kept as its two raw quadwords so that encode/decode
// is bit-exact and the inspector can show the bytes.
#pragma once

#include "arch/Canonical.h"
#include "arch/PhysicalMemory.h"

#include <array>
#include <cstdint>
#include <optional>

namespace uintr::arch {

enum class ApicMode : std::uint8_t { XApic, X2Apic };

struct Upid {
    static constexpr std::size_t kSize = 16;
    static constexpr std::size_t kAlignment = 64; // UPIDADDR bits 5:0 must be 0 (§1 UITT)
    static constexpr std::uint64_t kOn = bit(0);
    static constexpr std::uint64_t kSn = bit(1);
    // Bits 15:2 and 31:24 of the first quadword are reserved: SENDUIPI faults on them (§2.4).
    static constexpr std::uint64_t kReservedMask = 0x0000'0000'FF00'FFFCULL;

    std::uint64_t word0 = 0; // ON, SN, NV (23:16), NDST (63:32)
    std::uint64_t pir = 0;   // bits 127:64: one bit per user vector

    bool on() const { return word0 & kOn; }
    bool sn() const { return word0 & kSn; }
    std::uint8_t nv() const { return static_cast<std::uint8_t>(word0 >> 16); }
    std::uint32_t ndst() const { return static_cast<std::uint32_t>(word0 >> 32); }
    bool hasReservedBits() const { return word0 & kReservedMask; }

    void setOn(bool v) { word0 = v ? (word0 | kOn) : (word0 & ~kOn); }
    void setSn(bool v) { word0 = v ? (word0 | kSn) : (word0 & ~kSn); }
    void setNv(std::uint8_t v) { word0 = (word0 & ~(0xFFULL << 16)) | (std::uint64_t{v} << 16); }
    void setNdst(std::uint32_t v) { word0 = (word0 & 0xFFFF'FFFFULL) | (std::uint64_t{v} << 32); }

    // NDST holds the APIC ID in all 32 bits in x2APIC mode, in bits 15:8 in xAPIC mode (§1).
    static std::uint32_t encodeNdst(std::uint32_t apicId, ApicMode mode);
    static std::uint32_t apicIdFromNdst(std::uint32_t ndst, ApicMode mode);

    std::array<std::uint8_t, kSize> encode() const;
    static Upid decode(const std::array<std::uint8_t, kSize>& bytes);

    static std::optional<Upid> load(const PhysicalMemory& memory, std::uint64_t address);
    MaybeFault store(PhysicalMemory& memory, std::uint64_t address) const;

    friend bool operator==(const Upid&, const Upid&) = default;
};

} // namespace uintr::arch
