// One logical processor: privilege level, CR4.UINTR, UIF, the UINTR MSRs, its local APIC, and
// the user-interrupt instructions and flows of uintr-reference.md §1-§4 (SDM: SENDUIPI, STUI,
// CLUI, TESTUI, UIRET; "User-Interrupt Notification Identification and Processing";
// "User-Interrupt Recognition and Delivery"; XSAVES/XRSTORS of component 14).
//
// The processor never sends an IPI itself: SENDUIPI returns what should be sent and the engine
// delivers it after the interconnect latency.
#pragma once

#include "arch/LocalApic.h"
#include "arch/PhysicalMemory.h"
#include "arch/Result.h"
#include "arch/UintrMsrs.h"
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"

#include <cstdint>

namespace uintr::arch {

enum class Cpl : std::uint8_t { Kernel = 0, User = 3 };

namespace rflags {
inline constexpr std::uint64_t CF = 1u << 0, Reserved1 = 1u << 1, PF = 1u << 2, AF = 1u << 4,
                               ZF = 1u << 6, SF = 1u << 7, TF = 1u << 8, IF = 1u << 9,
                               OF = 1u << 11, RF = 1u << 16;
}

enum class Suppression : std::uint8_t { None, BySn, ByOn };

struct SendUipiOutcome {
    std::uint8_t userVector = 0;
    std::uint64_t upidAddress = 0;
    Upid upidBefore;
    Upid upidAfter;
    bool notify = false; // an IPI must be sent (ON and SN were both clear)
    Suppression suppression = Suppression::None;
    std::uint8_t notificationVector = 0; // UPID.NV
    std::uint32_t destinationApicId = 0; // from UPID.NDST in the sender's APIC mode
};

struct NotificationOutcome {
    std::uint64_t movedToUirr = 0; // the PIR bits that were ORed into UIRR
    Upid upidBefore;
    Upid upidAfter;
};

struct DeliveryOutcome {
    std::uint8_t vector = 0;
    std::uint64_t stackPointer = 0; // RSP after the four pushes
};

struct TestUiOutcome {
    bool cf = false;
};

class LogicalProcessor {
  public:
    std::uint32_t apicId = 0;
    ApicMode apicMode = ApicMode::X2Apic;
    bool cpuidUintr = true; // CPUID.(EAX=7,ECX=0):EDX[5]
    bool cr4Uintr = true;   // CR4.UINTR (bit 25)
    bool longMode = true;
    // §4's rule. False models the hardware the reviewer's "why does the vector reach the CPU at
    // all" implies (scenario-format.md machine.xsaves_clears_uinv): XSAVES leaves UINV live and
    // XRSTORS loads over a non-zero UINV.
    bool xsavesClearsUinv = true;
    Cpl cpl = Cpl::Kernel;
    bool uif = false;
    UintrMsrs msrs;
    LocalApic apic;
    std::uint64_t rip = 0;
    std::uint64_t rsp = 0;
    std::uint64_t rflags = rflags::Reserved1 | rflags::IF;

    // RDMSR/WRMSR of the UINTR MSRs (kernel only; #GP where the CPU lacks the feature).
    MaybeFault wrmsr(std::uint32_t number, std::uint64_t value);
    Result<std::uint64_t> rdmsr(std::uint32_t number) const;

    // SENDUIPI reg (§2): every check in the SDM's order, the locked read-modify-write of the UPID.
    Result<SendUipiOutcome> senduipi(std::uint64_t reg, PhysicalMemory& memory) const;
    MaybeFault stui();
    MaybeFault clui();
    Result<TestUiOutcome> testui();
    // UIRET: pops RIP, RFLAGS and RSP pushed by delivery, sets UIF.
    MaybeFault uiret(const PhysicalMemory& memory);

    // §3 identification: an interrupt the core has taken is a user-interrupt notification when
    // CR4.UINTR = 1 and its vector equals UINV; otherwise it goes through the IDT.
    bool isUserNotification(std::uint8_t vector) const { return cr4Uintr && vector == msrs.uinv(); }
    // §3 processing (any CPL): EOI, then atomically clear ON and move PIR into UIRR.
    Result<NotificationOutcome> processNotification(PhysicalMemory& memory);

    // §3 recognition: UIRR != 0, UIF = 1, CPL = 3, 64-bit mode, CR4.UINTR = 1.
    bool userInterruptRecognized() const;
    // §3 delivery of the highest UIRR vector.
    Result<DeliveryOutcome> deliver(PhysicalMemory& memory);

    // §4: XSAVES stores the component and then clears UINV; XRSTORS faults unless UINV is 0
    // (both only while xsavesClearsUinv).
    MaybeFault xsaves(PhysicalMemory& memory, std::uint64_t area);
    MaybeFault xrstors(const PhysicalMemory& memory, std::uint64_t area);

    friend bool operator==(const LogicalProcessor&, const LogicalProcessor&) = default;

  private:
    MaybeFault userInstructionAllowed() const;
};

} // namespace uintr::arch
