// x86 stores a quadword with bits 7:0 in its lowest byte. The 16-byte structures (UPID, UITT
// entry) are two such quadwords, low one first.
#pragma once

#include <array>
#include <cstdint>

namespace uintr::arch {

using Bytes16 = std::array<std::uint8_t, 16>;

constexpr Bytes16 encodeQuadwordPair(std::uint64_t low, std::uint64_t high) {
    Bytes16 out{};
    for (int i = 0; i < 8; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(low >> (8 * i));
        out[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(high >> (8 * i));
    }
    return out;
}

constexpr std::array<std::uint64_t, 2> decodeQuadwordPair(const Bytes16& bytes) {
    std::array<std::uint64_t, 2> q{};
    for (int i = 7; i >= 0; --i) {
        q[0] = (q[0] << 8) | bytes[static_cast<std::size_t>(i)];
        q[1] = (q[1] << 8) | bytes[static_cast<std::size_t>(8 + i)];
    }
    return q;
}

} // namespace uintr::arch
