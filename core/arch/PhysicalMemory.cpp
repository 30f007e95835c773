#include "arch/PhysicalMemory.h"

#include <cstring>

namespace uintr::arch {

std::uint64_t PhysicalMemory::allocate(Region region, std::size_t size, std::size_t align) {
    Area& a = area(region);
    std::size_t offset = a.bytes.size();
    offset = (offset + align - 1) & ~(align - 1);
    a.bytes.resize(offset + size, 0);
    return a.base + offset;
}

const std::uint8_t* PhysicalMemory::locate(std::uint64_t address, std::size_t size) const {
    for (const Area* a : {&kernel_, &user_}) {
        if (address >= a->base && address - a->base <= a->bytes.size() &&
            a->bytes.size() - (address - a->base) >= size)
            return a->bytes.data() + (address - a->base);
    }
    return nullptr;
}

bool PhysicalMemory::contains(std::uint64_t address, std::size_t size) const {
    return locate(address, size) != nullptr;
}

// x86 is little-endian: byte 0 of a quadword is bits 7:0.
std::optional<std::uint64_t> PhysicalMemory::read64(std::uint64_t address) const {
    const std::uint8_t* p = locate(address, 8);
    if (!p) return std::nullopt;
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

MaybeFault PhysicalMemory::write64(std::uint64_t address, std::uint64_t value) {
    auto* p = const_cast<std::uint8_t*>(locate(address, 8));
    if (!p) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<std::uint8_t>(value >> (8 * i));
    return std::nullopt;
}

std::optional<std::array<std::uint64_t, 2>> PhysicalMemory::read128(std::uint64_t address) const {
    const auto low = read64(address);
    const auto high = read64(address + 8);
    if (!low || !high) return std::nullopt;
    return std::array<std::uint64_t, 2>{*low, *high};
}

MaybeFault PhysicalMemory::write128(std::uint64_t address, std::uint64_t low, std::uint64_t high) {
    if (!contains(address, 16)) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    (void)write64(address, low);
    return write64(address + 8, high);
}

std::vector<std::uint8_t> PhysicalMemory::readBytes(std::uint64_t address, std::size_t size) const {
    const std::uint8_t* p = locate(address, size);
    if (!p) return {};
    return {p, p + size};
}

} // namespace uintr::arch
