#include "arch/LocalApic.h"

#include "arch/Canonical.h"

namespace uintr::arch {

int LocalApic::highest(const std::array<std::uint64_t, 4>& bits) {
    for (int word = 3; word >= 0; --word)
        if (bits[word]) return word * 64 + highestBit(bits[word]);
    return -1;
}

std::optional<std::uint8_t> LocalApic::deliverable() const {
    const int request = highest(irr_);
    if (request < 0) return std::nullopt;
    const int inService = highest(isr_);
    if (inService >= 0 && (request >> 4) <= (inService >> 4)) return std::nullopt;
    return static_cast<std::uint8_t>(request);
}

std::optional<std::uint8_t> LocalApic::eoi() {
    const int inService = highest(isr_);
    if (inService < 0) return std::nullopt;
    clear(isr_, static_cast<std::uint8_t>(inService));
    return static_cast<std::uint8_t>(inService);
}

} // namespace uintr::arch
