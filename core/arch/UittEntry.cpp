#include "arch/UittEntry.h"

#include "arch/LittleEndian.h"
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
    return encodeQuadwordPair(word0, upidAddr);
}

UittEntry UittEntry::decode(const std::array<std::uint8_t, kSize>& bytes) {
    const auto q = decodeQuadwordPair(bytes);
    return UittEntry{q[0], q[1]};
}

std::optional<UittEntry> UittEntry::load(const PhysicalMemory& memory, std::uint64_t address) {
    const auto q = memory.read128(address);
    if (!q) return std::nullopt;
    return UittEntry{(*q)[0], (*q)[1]};
}

MaybeFault UittEntry::store(PhysicalMemory& memory, std::uint64_t address) const {
    return memory.write128(address, word0, upidAddr);
}

} // namespace uintr::arch
