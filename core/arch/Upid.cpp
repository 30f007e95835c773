#include "arch/Upid.h"

namespace uintr::arch {

namespace {
void putLe(std::uint8_t* out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t getLe(const std::uint8_t* in) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | in[i];
    return v;
}
} // namespace

std::uint32_t Upid::encodeNdst(std::uint32_t apicId, ApicMode mode) {
    return mode == ApicMode::X2Apic ? apicId : ((apicId & 0xFFu) << 8);
}

std::uint32_t Upid::apicIdFromNdst(std::uint32_t ndst, ApicMode mode) {
    return mode == ApicMode::X2Apic ? ndst : ((ndst >> 8) & 0xFFu);
}

std::array<std::uint8_t, Upid::kSize> Upid::encode() const {
    std::array<std::uint8_t, kSize> out{};
    putLe(out.data(), word0);
    putLe(out.data() + 8, pir);
    return out;
}

Upid Upid::decode(const std::array<std::uint8_t, kSize>& bytes) {
    return Upid{getLe(bytes.data()), getLe(bytes.data() + 8)};
}

std::optional<Upid> Upid::load(const PhysicalMemory& memory, std::uint64_t address) {
    auto w0 = memory.read64(address);
    auto w1 = memory.read64(address + 8);
    if (!w0 || !w1) return std::nullopt;
    return Upid{*w0, *w1};
}

MaybeFault Upid::store(PhysicalMemory& memory, std::uint64_t address) const {
    if (auto f = memory.write64(address, word0)) return f;
    return memory.write64(address + 8, pir);
}

} // namespace uintr::arch
