// Simulated memory holding the UINTR data structures (UPIDs, UITTs, XSAVE areas, user stacks), so
// that UPIDADDR, IA32_UINTR_PD and IA32_UINTR_TT are real addresses and the instructions read and
// write the bytes through them. Two contiguous regions (kernel and user) keep a copy of the whole
// machine cheap: the race explorer copies it hundreds of thousands of times a second.
#pragma once

#include "arch/Fault.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace uintr::arch {

class PhysicalMemory {
  public:
    // Kernel allocations (UPID, UITT, XSAVE areas) sit in the direct map, as in Linux; user
    // stacks sit in the lower canonical half.
    static constexpr std::uint64_t kKernelBase = 0xffff888000100000ULL;
    static constexpr std::uint64_t kUserBase = 0x00007ffd00000000ULL;

    enum class Region : std::uint8_t { Kernel, User };

    // Returns the address of `size` zeroed bytes aligned to `align` (a power of two).
    std::uint64_t allocate(Region region, std::size_t size, std::size_t align);

    bool contains(std::uint64_t address, std::size_t size) const;
    std::optional<std::uint64_t> read64(std::uint64_t address) const;
    MaybeFault write64(std::uint64_t address, std::uint64_t value);
    // The 16-byte structures (UPID, UITT entry): two quadwords, low one first.
    std::optional<std::array<std::uint64_t, 2>> read128(std::uint64_t address) const;
    MaybeFault write128(std::uint64_t address, std::uint64_t low, std::uint64_t high);
    // Raw bytes for the inspector's hex view; empty when unmapped.
    std::vector<std::uint8_t> readBytes(std::uint64_t address, std::size_t size) const;

  private:
    struct Area {
        std::uint64_t base;
        std::vector<std::uint8_t> bytes;
        friend bool operator==(const Area&, const Area&) = default;
    };
    Area& area(Region r) { return r == Region::Kernel ? kernel_ : user_; }
    const std::uint8_t* locate(std::uint64_t address, std::size_t size) const;

    Area kernel_{kKernelBase, {}};
    Area user_{kUserBase, {}};

  public:
    friend bool operator==(const PhysicalMemory&, const PhysicalMemory&) = default;
};

} // namespace uintr::arch
