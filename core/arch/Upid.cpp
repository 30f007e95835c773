#include "arch/Upid.h"

#include "arch/LittleEndian.h"

namespace uintr::arch {

std::uint32_t Upid::encodeNdst(std::uint32_t apicId, ApicMode mode) {
    return mode == ApicMode::X2Apic ? apicId : ((apicId & 0xFFu) << 8);
}

std::uint32_t Upid::apicIdFromNdst(std::uint32_t ndst, ApicMode mode) {
    return mode == ApicMode::X2Apic ? ndst : ((ndst >> 8) & 0xFFu);
}

std::array<std::uint8_t, Upid::kSize> Upid::encode() const {
    return encodeQuadwordPair(word0, pir);
}

Upid Upid::decode(const std::array<std::uint8_t, kSize>& bytes) {
    const auto q = decodeQuadwordPair(bytes);
    return Upid{q[0], q[1]};
}

std::optional<Upid> Upid::load(const PhysicalMemory& memory, std::uint64_t address) {
    const auto q = memory.read128(address);
    if (!q) return std::nullopt;
    return Upid{(*q)[0], (*q)[1]};
}

MaybeFault Upid::store(PhysicalMemory& memory, std::uint64_t address) const {
    return memory.write128(address, word0, pir);
}

} // namespace uintr::arch
