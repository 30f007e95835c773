#include "arch/UittEntry.h"

#include "arch/Upid.h"

namespace uintr::arch {

MaybeFault UittEntry::check() const {
    if (!valid()) return gp(FaultReason::UittEntryInvalid);
    if (uv() >= 64) return gp(FaultReason::UittVectorReserved);
    if (word0 & kReservedMask) return gp(FaultReason::UittReservedBits);
    if (upidAddr & (Upid::kAlignment - 1)) return gp(FaultReason::UpidAddrMisaligned);
    return std::nullopt;
}

std::array<std::uint8_t, UittEntry::kSize> UittEntry::encode() const {
    // Same layout rules as the UPID: two little-endian quadwords.
    const Upid asWords{word0, upidAddr};
    return asWords.encode();
}

UittEntry UittEntry::decode(const std::array<std::uint8_t, kSize>& bytes) {
    const Upid asWords = Upid::decode(bytes);
    return UittEntry{asWords.word0, asWords.pir};
}

std::optional<UittEntry> UittEntry::load(const PhysicalMemory& memory, std::uint64_t address) {
    auto w0 = memory.read64(address);
    auto w1 = memory.read64(address + 8);
    if (!w0 || !w1) return std::nullopt;
    return UittEntry{*w0, *w1};
}

MaybeFault UittEntry::store(PhysicalMemory& memory, std::uint64_t address) const {
    if (auto f = memory.write64(address, word0)) return f;
    return memory.write64(address + 8, upidAddr);
}

} // namespace uintr::arch
