#pragma once

#include <cstdint>

namespace uintr::arch {

// 4-level paging: linear addresses have 48 significant bits and bits 63:47 must all be equal.
constexpr bool isCanonical(std::uint64_t address) {
    const auto top = static_cast<std::int64_t>(address) >> 47;
    return top == 0 || top == -1;
}

constexpr std::uint64_t bit(unsigned n) {
    return std::uint64_t{1} << n;
}

// Highest set bit, for "the highest vector first" (UIRR, APIC IRR/ISR). -1 when none.
constexpr int highestBit(std::uint64_t value) {
    return value == 0 ? -1 : 63 - __builtin_clzll(value);
}

} // namespace uintr::arch
