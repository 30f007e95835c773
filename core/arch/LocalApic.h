// The part of the local APIC the model needs (uintr-reference.md §7; SDM vol. 3 "Interrupt
// Acceptance for Fixed Interrupts"): 256-bit IRR and ISR, priority class = vector / 16, EOI
// clears the highest in-service vector.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace uintr::arch {

class LocalApic {
  public:
    // An interrupt message arrives (IPI or self-IPI): it is requested in IRR.
    void accept(std::uint8_t vector) { set(irr_, vector); }

    // The vector the APIC would present to the core now: the highest IRR vector whose priority
    // class is above the class of the highest in-service vector (TPR is 0 in this model).
    std::optional<std::uint8_t> deliverable() const;

    // The core takes the interrupt (IF = 1): IRR -> ISR.
    void acknowledge(std::uint8_t vector) {
        clear(irr_, vector);
        set(isr_, vector);
    }

    // EOI: clears the highest ISR bit. Returns it, or nothing if ISR was empty.
    std::optional<std::uint8_t> eoi();

    bool inIrr(std::uint8_t v) const { return test(irr_, v); }
    bool inIsr(std::uint8_t v) const { return test(isr_, v); }
    const std::array<std::uint64_t, 4>& irr() const { return irr_; }
    const std::array<std::uint64_t, 4>& isr() const { return isr_; }
    static int highest(const std::array<std::uint64_t, 4>& bits);

    friend bool operator==(const LocalApic&, const LocalApic&) = default;

  private:
    using Bits = std::array<std::uint64_t, 4>;
    static void set(Bits& b, std::uint8_t v) { b[v / 64] |= std::uint64_t{1} << (v % 64); }
    static void clear(Bits& b, std::uint8_t v) { b[v / 64] &= ~(std::uint64_t{1} << (v % 64)); }
    static bool test(const Bits& b, std::uint8_t v) { return b[v / 64] >> (v % 64) & 1; }

    Bits irr_{};
    Bits isr_{};
};

} // namespace uintr::arch
