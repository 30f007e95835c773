// The UINTR MSRs and the local APIC (uintr-reference.md §1 MSR table and §7; SDM vol. 3 "User
// Interrupts" MSR list, WRMSR/RDMSR exceptions, "Interrupt Acceptance for Fixed Interrupts").
// Expected values are derived from the reference's bit tables and the canonical-address rule
// (bits 63:47 all equal with 4-level paging), never copied from the implementation's output.
#include "FaultText.h"
#include "arch/Fault.h"
#include "arch/LocalApic.h"
#include "arch/LogicalProcessor.h"
#include "arch/UintrMsrs.h"

#include <QObject>
#include <QTest>
#include <cstdint>
#include <vector>

using namespace uintr::arch;

namespace {

using u64 = quint64;

using namespace uintr::arch::testing;

// Compare a fault with an expectation that may name only the kind ("#GP *"): used where the
// SDM lists two conditions of the same fault without an order between them.
void compareFault(const MaybeFault& f, const QString& expected) {
    if (expected.endsWith(" *")) {
        QVERIFY2(f.has_value(), "expected a fault");
        QCOMPARE(QString(QLatin1String(toString(f->kind))), expected.chopped(2));
    } else {
        QCOMPARE(faultText(f), expected);
    }
}

// Distinct, legal values in every MSR so that "unchanged" can be told from "zeroed".
LogicalProcessor kernelCpuWithSentinels() {
    LogicalProcessor cpu;
    cpu.cpl = Cpl::Kernel;
    cpu.msrs.rr = 0x0000'0000'0000'0100;
    cpu.msrs.handler = 0x0000'0000'0040'1000;
    cpu.msrs.stackAdjust = 0x80;
    cpu.msrs.misc = 0x0000'00EC'0000'00FF; // UINV 0xEC, UITTSZ 255
    cpu.msrs.pd = 0xffff'8880'0010'0040;
    cpu.msrs.tt = 0xffff'8880'0010'1001;
    return cpu;
}

std::vector<int> setBits(const std::array<std::uint64_t, 4>& bits) {
    std::vector<int> out;
    for (int v = 255; v >= 0; --v)
        if (bits[static_cast<std::size_t>(v / 64)] >> (v % 64) & 1) out.push_back(v);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<int>)

class TstMsrsApic : public QObject {
    Q_OBJECT

  private slots:
    void msrNumbers_data();
    void msrNumbers();
    void wrmsrRules_data();
    void wrmsrRules();
    void msrAccessPrivilegeAndFeature_data();
    void msrAccessPrivilegeAndFeature();
    void miscFields_data();
    void miscFields();
    void miscSettersKeepTheOtherField();
    void ttFields_data();
    void ttFields();

    void apicAcceptAcknowledge_data();
    void apicAcceptAcknowledge();
    void apicPriorityClass_data();
    void apicPriorityClass();
    void apicEoi_data();
    void apicEoi();
    void apicHighestVectorFirst();
    void apicHigherClassPreemptsAndEoiUnwinds();
};

// uintr-reference.md §1 MSR table: IA32_UINTR_RR 0x985 … IA32_UINTR_TT 0x98A.
void TstMsrsApic::msrNumbers_data() {
    QTest::addColumn<uint>("number");
    QTest::addColumn<uint>("constant");
    QTest::addColumn<QString>("name");

    QTest::newRow("0x985 IA32_UINTR_RR") << 0x985u << msr::IA32_UINTR_RR << "IA32_UINTR_RR";
    QTest::newRow("0x986 IA32_UINTR_HANDLER")
        << 0x986u << msr::IA32_UINTR_HANDLER << "IA32_UINTR_HANDLER";
    QTest::newRow("0x987 IA32_UINTR_STACKADJUST")
        << 0x987u << msr::IA32_UINTR_STACKADJUST << "IA32_UINTR_STACKADJUST";
    QTest::newRow("0x988 IA32_UINTR_MISC") << 0x988u << msr::IA32_UINTR_MISC << "IA32_UINTR_MISC";
    QTest::newRow("0x989 IA32_UINTR_PD") << 0x989u << msr::IA32_UINTR_PD << "IA32_UINTR_PD";
    QTest::newRow("0x98A IA32_UINTR_TT") << 0x98Au << msr::IA32_UINTR_TT << "IA32_UINTR_TT";
    QTest::newRow("0x984 is not a UINTR MSR") << 0x984u << 0x984u << "";
    QTest::newRow("0x98B is not a UINTR MSR") << 0x98Bu << 0x98Bu << "";
}

void TstMsrsApic::msrNumbers() {
    QFETCH(uint, number);
    QFETCH(uint, constant);
    QFETCH(QString, name);
    QCOMPARE(constant, number);
    const char* n = msr::name(number);
    QCOMPARE(n ? QString(QLatin1String(n)) : QString(), name);
}

// uintr-reference.md §1 ("WRMSR to HANDLER, STACKADJUST, PD or TT with a non-canonical address,
// or with a reserved bit set in MISC, PD or TT, is #GP(0)"); MSR table (MISC 63:40 reserved, PD
// 5:0 reserved, TT 3:1 reserved with bit 0 the enable); SDM WRMSR "#GP(0) if the value is not
// canonical / sets reserved bits". Canonical with 48-bit linear addresses: bits 63:47 equal.
// A faulting write leaves the MSR as it was; a good one is read back unchanged.
void TstMsrsApic::wrmsrRules_data() {
    QTest::addColumn<uint>("number");
    QTest::addColumn<u64>("value");
    QTest::addColumn<QString>("expected");

    const QString ok = "none";
    const QString nonCanonical = gpText(FaultReason::NonCanonical);
    const QString reserved = gpText(FaultReason::MsrReservedBits);
    const uint RR = msr::IA32_UINTR_RR, H = msr::IA32_UINTR_HANDLER,
               SA = msr::IA32_UINTR_STACKADJUST, MISC = msr::IA32_UINTR_MISC,
               PD = msr::IA32_UINTR_PD, TT = msr::IA32_UINTR_TT;

    QTest::newRow("RR: all 64 vectors may be written") << RR << u64(~0ULL) << ok;
    QTest::newRow("RR: zero") << RR << u64(0) << ok;

    QTest::newRow("HANDLER 0") << H << u64(0) << ok;
    QTest::newRow("HANDLER 0x00007fffffffffff: top of the lower half")
        << H << u64(0x0000'7fff'ffff'ffff) << ok;
    QTest::newRow("HANDLER 0x0000800000000000: first non-canonical")
        << H << u64(0x0000'8000'0000'0000) << nonCanonical;
    QTest::newRow("HANDLER 0xffff7fffffffffff: last non-canonical")
        << H << u64(0xffff'7fff'ffff'ffff) << nonCanonical;
    QTest::newRow("HANDLER 0xffff800000000000: bottom of the upper half")
        << H << u64(0xffff'8000'0000'0000) << ok;
    QTest::newRow("HANDLER 0x8000000000000000: bit 63 alone is non-canonical")
        << H << u64(0x8000'0000'0000'0000) << nonCanonical;

    QTest::newRow("STACKADJUST 0x00007fffffffffff (bit 0 set: load form)")
        << SA << u64(0x0000'7fff'ffff'ffff) << ok;
    QTest::newRow("STACKADJUST 0x0000800000000000")
        << SA << u64(0x0000'8000'0000'0000) << nonCanonical;
    QTest::newRow("STACKADJUST 0xffff800000000000") << SA << u64(0xffff'8000'0000'0000) << ok;
    QTest::newRow("STACKADJUST 0xffff7ffffffffff1")
        << SA << u64(0xffff'7fff'ffff'fff1) << nonCanonical;

    QTest::newRow("MISC bits 39:0 all set: UITTSZ and UINV")
        << MISC << u64(0x0000'00FF'FFFF'FFFF) << ok;
    QTest::newRow("MISC bit 40 (lowest reserved)")
        << MISC << u64(0x0000'0100'0000'0000) << reserved;
    QTest::newRow("MISC bit 63 (UIF's bit in the XSAVE image, reserved in the MSR)")
        << MISC << u64(0x8000'0000'0000'0000) << reserved;

    QTest::newRow("PD 64-byte aligned kernel address") << PD << u64(0xffff'8880'0010'0080) << ok;
    QTest::newRow("PD 0x00007fffffffffc0: aligned top of the lower half")
        << PD << u64(0x0000'7fff'ffff'ffc0) << ok;
    QTest::newRow("PD bit 0 (reserved 5:0)") << PD << u64(0xffff'8880'0010'0081) << reserved;
    QTest::newRow("PD bit 5 (reserved 5:0)") << PD << u64(0xffff'8880'0010'00A0) << reserved;
    QTest::newRow("PD 0x0000800000000000") << PD << u64(0x0000'8000'0000'0000) << nonCanonical;
    QTest::newRow("PD non-canonical and misaligned: #GP")
        << PD << u64(0x0000'8000'0000'0001) << "#GP *";

    QTest::newRow("TT bit 0 is allowed (SENDUIPI enabled)")
        << TT << u64(0xffff'8880'0010'1001) << ok;
    QTest::newRow("TT without bit 0") << TT << u64(0xffff'8880'0010'1000) << ok;
    QTest::newRow("TT 0x00007ffffffffff1: top of the lower half, enabled")
        << TT << u64(0x0000'7fff'ffff'fff1) << ok;
    QTest::newRow("TT bit 1 (reserved 3:1)") << TT << u64(0xffff'8880'0010'1003) << reserved;
    QTest::newRow("TT bit 2 (reserved 3:1)") << TT << u64(0xffff'8880'0010'1005) << reserved;
    QTest::newRow("TT bit 3 (reserved 3:1)") << TT << u64(0xffff'8880'0010'1009) << reserved;
    QTest::newRow("TT 0x0000800000000001") << TT << u64(0x0000'8000'0000'0001) << nonCanonical;
    QTest::newRow("TT 0xffff800000000001: bottom of the upper half, enabled")
        << TT << u64(0xffff'8000'0000'0001) << ok;

    QTest::newRow("0x984: no such MSR") << 0x984u << u64(0) << gpText(FaultReason::UnknownMsr);
    QTest::newRow("0x98B: no such MSR") << 0x98Bu << u64(0) << gpText(FaultReason::UnknownMsr);
}

void TstMsrsApic::wrmsrRules() {
    QFETCH(uint, number);
    QFETCH(u64, value);
    QFETCH(QString, expected);

    LogicalProcessor cpu = kernelCpuWithSentinels();
    const UintrMsrs before = cpu.msrs;
    compareFault(cpu.wrmsr(number, value), expected);
    if (expected == "none") {
        const Result<std::uint64_t> r = cpu.rdmsr(number);
        QVERIFY(r.ok());
        QCOMPARE(u64(r.value()), value);
        // Only the written MSR changed.
        UintrMsrs others = cpu.msrs;
        QVERIFY(others.write(number, *before.read(number)) == std::nullopt);
        QVERIFY(others == before);
    } else {
        QVERIFY2(cpu.msrs == before, "a faulting WRMSR changed an MSR");
    }
}

// SDM RDMSR/WRMSR: "#GP(0) if the current privilege level is not 0" and "#GP(0) if ECX specifies
// an MSR that is not implemented" (no UINTR feature: the MSRs do not exist); uintr-reference.md §1.
void TstMsrsApic::msrAccessPrivilegeAndFeature_data() {
    QTest::addColumn<bool>("write");
    QTest::addColumn<int>("cpl");
    QTest::addColumn<bool>("feature");
    QTest::addColumn<uint>("number");
    QTest::addColumn<QString>("expected");

    const QString notPriv = gpText(FaultReason::NotPrivileged);
    const QString noMsr = gpText(FaultReason::UnknownMsr);
    QTest::newRow("WRMSR HANDLER at CPL 3")
        << true << 3 << true << msr::IA32_UINTR_HANDLER << notPriv;
    QTest::newRow("WRMSR MISC at CPL 3") << true << 3 << true << msr::IA32_UINTR_MISC << notPriv;
    QTest::newRow("WRMSR RR at CPL 3") << true << 3 << true << msr::IA32_UINTR_RR << notPriv;
    QTest::newRow("RDMSR RR at CPL 3") << false << 3 << true << msr::IA32_UINTR_RR << notPriv;
    QTest::newRow("RDMSR TT at CPL 3") << false << 3 << true << msr::IA32_UINTR_TT << notPriv;
    QTest::newRow("WRMSR PD without the feature")
        << true << 0 << false << msr::IA32_UINTR_PD << noMsr;
    QTest::newRow("RDMSR MISC without the feature")
        << false << 0 << false << msr::IA32_UINTR_MISC << noMsr;
    QTest::newRow("RDMSR 0x98B (not an MSR) at CPL 0") << false << 0 << true << 0x98Bu << noMsr;
    QTest::newRow("WRMSR at CPL 3 without the feature: #GP")
        << true << 3 << false << msr::IA32_UINTR_RR << "#GP *";
    QTest::newRow("WRMSR MISC at CPL 0 with the feature")
        << true << 0 << true << msr::IA32_UINTR_MISC << "none";
    QTest::newRow("RDMSR PD at CPL 0 with the feature")
        << false << 0 << true << msr::IA32_UINTR_PD << "none";
}

void TstMsrsApic::msrAccessPrivilegeAndFeature() {
    QFETCH(bool, write);
    QFETCH(int, cpl);
    QFETCH(bool, feature);
    QFETCH(uint, number);
    QFETCH(QString, expected);

    LogicalProcessor cpu = kernelCpuWithSentinels();
    cpu.cpl = cpl == 3 ? Cpl::User : Cpl::Kernel;
    cpu.cpuidUintr = feature;
    const UintrMsrs before = cpu.msrs;
    if (write) {
        // A value that would be legal for every UINTR MSR: 64-byte aligned, canonical, bits 63:40
        // 0.
        compareFault(cpu.wrmsr(number, 0x40), expected);
        if (expected == "none")
            QCOMPARE(u64(*cpu.msrs.read(number)), u64(0x40));
        else
            QVERIFY2(cpu.msrs == before, "a faulting WRMSR changed an MSR");
    } else {
        const Result<std::uint64_t> r = cpu.rdmsr(number);
        compareFault(r.maybeFault(), expected);
        if (expected == "none") QCOMPARE(u64(r.value()), u64(0xffff'8880'0010'0040));
    }
}

// uintr-reference.md §1 MSR table: MISC bits 31:0 UITTSZ, bits 39:32 UINV.
void TstMsrsApic::miscFields_data() {
    QTest::addColumn<u64>("misc");
    QTest::addColumn<u64>("uittsz");
    QTest::addColumn<int>("uinv");

    QTest::newRow("zero") << u64(0) << u64(0) << 0;
    QTest::newRow("UINV 0xEC alone (bits 39:32)") << u64(0x0000'00EC'0000'0000) << u64(0) << 0xEC;
    QTest::newRow("UINV 1: bit 32") << u64(0x0000'0001'0000'0000) << u64(0) << 1;
    QTest::newRow("UITTSZ 255 (the RFC's 256 entries)") << u64(0xFF) << u64(255) << 0;
    QTest::newRow("UITTSZ 0xFFFFFFFF and UINV 0xFF")
        << u64(0x0000'00FF'FFFF'FFFF) << u64(0xFFFF'FFFF) << 0xFF;
}

void TstMsrsApic::miscFields() {
    QFETCH(u64, misc);
    QFETCH(u64, uittsz);
    QFETCH(int, uinv);
    UintrMsrs m;
    m.misc = misc;
    QCOMPARE(u64(m.uittsz()), uittsz);
    QCOMPARE(int(m.uinv()), uinv);
}

// uintr-reference.md §1, §4: XSAVES clears UINV only; the kernel later puts it back (§5) without
// disturbing UITTSZ.
void TstMsrsApic::miscSettersKeepTheOtherField() {
    UintrMsrs m;
    m.misc = 0x0000'00EC'0000'0123;
    m.setUinv(0);
    QCOMPARE(u64(m.misc), u64(0x0000'0000'0000'0123));
    m.setUinv(0xFF);
    QCOMPARE(u64(m.misc), u64(0x0000'00FF'0000'0123));
    m.setUittsz(0xFFFF'FFFF);
    QCOMPARE(u64(m.misc), u64(0x0000'00FF'FFFF'FFFF));
    m.setUittsz(0);
    QCOMPARE(u64(m.misc), u64(0x0000'00FF'0000'0000));
}

// uintr-reference.md §1 MSR table (TT bit 0 enables SENDUIPI, bits 63:4 the UITT address) and
// §2.3 ("TT address with bits 3:0 cleared").
void TstMsrsApic::ttFields_data() {
    QTest::addColumn<u64>("tt");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<u64>("address");

    QTest::newRow("enabled kernel table")
        << u64(0xffff'8880'0010'1001) << true << u64(0xffff'8880'0010'1000);
    QTest::newRow("disabled kernel table")
        << u64(0xffff'8880'0010'1000) << false << u64(0xffff'8880'0010'1000);
    QTest::newRow("address bit 4 kept, bit 0 dropped")
        << u64(0x0000'0000'0000'0011) << true << u64(0x10);
    QTest::newRow("zero") << u64(0) << false << u64(0);
}

void TstMsrsApic::ttFields() {
    QFETCH(u64, tt);
    QFETCH(bool, enabled);
    QFETCH(u64, address);
    UintrMsrs m;
    m.tt = tt;
    QCOMPARE(m.ttValid(), enabled);
    QCOMPARE(u64(m.uittAddress()), address);
}

// uintr-reference.md §7: an arriving vector is requested in IRR; when the core takes it, it moves
// from IRR to ISR. Vectors chosen at the 64-bit word boundaries of the 256-bit registers.
void TstMsrsApic::apicAcceptAcknowledge_data() {
    QTest::addColumn<int>("vector");
    QTest::newRow("vector 0x20 (first non-exception vector)") << 0x20;
    QTest::newRow("vector 0x3F (top of word 0)") << 0x3F;
    QTest::newRow("vector 0x40 (bottom of word 1)") << 0x40;
    QTest::newRow("vector 0xEC (UINTR_NOTIFICATION_VECTOR)") << 0xEC;
    QTest::newRow("vector 0xFF (top of word 3)") << 0xFF;
}

void TstMsrsApic::apicAcceptAcknowledge() {
    QFETCH(int, vector);
    const auto v = static_cast<std::uint8_t>(vector);
    LocalApic apic;
    apic.accept(v);
    QVERIFY(apic.inIrr(v));
    QVERIFY(!apic.inIsr(v));
    QCOMPARE(setBits(apic.irr()), std::vector<int>{vector});
    QCOMPARE(apic.deliverable(), std::optional<std::uint8_t>(v));
    apic.acknowledge(v);
    QVERIFY(!apic.inIrr(v));
    QVERIFY(apic.inIsr(v));
    QCOMPARE(setBits(apic.irr()), std::vector<int>{});
    QCOMPARE(setBits(apic.isr()), std::vector<int>{vector});
    QCOMPARE(apic.deliverable(), std::optional<std::uint8_t>());
}

// uintr-reference.md §7 (priority class = vector / 16; the highest IRR vector above the current
// in-service class is dispatched); SDM vol. 3 "Interrupt, Task, and Processor Priority": a vector
// in the same class as the in-service one waits, a higher class preempts.
void TstMsrsApic::apicPriorityClass_data() {
    QTest::addColumn<std::vector<int>>("inService");
    QTest::addColumn<std::vector<int>>("requested");
    QTest::addColumn<int>("deliverable"); // -1: nothing

    using V = std::vector<int>;
    QTest::newRow("nothing in service: 0x20 goes") << V{} << V{0x20} << 0x20;
    QTest::newRow("nothing requested") << V{0x20} << V{} << -1;
    QTest::newRow("0xEC in service, 0xED same class 0xE: waits") << V{0xEC} << V{0xED} << -1;
    QTest::newRow("0xEC in service, 0xEF same class, higher vector: waits")
        << V{0xEC} << V{0xEF} << -1;
    QTest::newRow("0xEC in service, 0xEB (UINTR_KERNEL_VECTOR) same class: waits")
        << V{0xEC} << V{0xEB} << -1;
    QTest::newRow("0xEC in service, 0xF0 class 0xF: preempts") << V{0xEC} << V{0xF0} << 0xF0;
    QTest::newRow("0xEC in service, 0xDF lower class: waits") << V{0xEC} << V{0xDF} << -1;
    QTest::newRow("0x3F in service, 0x40 next class: preempts") << V{0x3F} << V{0x40} << 0x40;
    QTest::newRow("0x40 in service, 0x4F same class: waits") << V{0x40} << V{0x4F} << -1;
    QTest::newRow("class judged by the highest ISR bit: 0x31 and 0x52 in service, 0x45 waits")
        << V{0x31, 0x52} << V{0x45} << -1;
    QTest::newRow("highest first: 0x20 and 0xEC requested, 0xEC goes")
        << V{} << V{0x20, 0xEC} << 0xEC;
    QTest::newRow("highest first within a class: 0x21 and 0x2F, 0x2F goes")
        << V{} << V{0x21, 0x2F} << 0x2F;
    QTest::newRow("0xEC in service, 0xF1 and 0x21 requested: 0xF1 goes")
        << V{0xEC} << V{0xF1, 0x21} << 0xF1;
}

void TstMsrsApic::apicPriorityClass() {
    QFETCH(std::vector<int>, inService);
    QFETCH(std::vector<int>, requested);
    QFETCH(int, deliverable);

    LocalApic apic;
    for (int v : inService) {
        apic.accept(static_cast<std::uint8_t>(v));
        apic.acknowledge(static_cast<std::uint8_t>(v));
    }
    for (int v : requested)
        apic.accept(static_cast<std::uint8_t>(v));
    const auto d = apic.deliverable();
    QCOMPARE(d ? int(*d) : -1, deliverable);
}

// uintr-reference.md §7 ("an EOI clears the highest ISR bit"); SDM vol. 3 "EOI Register".
void TstMsrsApic::apicEoi_data() {
    QTest::addColumn<std::vector<int>>("inService");
    QTest::addColumn<int>("cleared"); // -1: nothing
    QTest::addColumn<std::vector<int>>("remaining");

    using V = std::vector<int>;
    QTest::newRow("empty ISR: nothing") << V{} << -1 << V{};
    QTest::newRow("0xEC alone") << V{0xEC} << 0xEC << V{};
    QTest::newRow("0x20 and 0xEC: 0xEC first") << V{0x20, 0xEC} << 0xEC << V{0x20};
    QTest::newRow("0x3F and 0x40 across a word boundary: 0x40") << V{0x3F, 0x40} << 0x40 << V{0x3F};
    QTest::newRow("0x30, 0x81, 0xFF: 0xFF") << V{0x30, 0x81, 0xFF} << 0xFF << V{0x81, 0x30};
}

void TstMsrsApic::apicEoi() {
    QFETCH(std::vector<int>, inService);
    QFETCH(int, cleared);
    QFETCH(std::vector<int>, remaining);

    LocalApic apic;
    for (int v : inService) {
        apic.accept(static_cast<std::uint8_t>(v));
        apic.acknowledge(static_cast<std::uint8_t>(v));
    }
    const auto e = apic.eoi();
    QCOMPARE(e ? int(*e) : -1, cleared);
    QCOMPARE(setBits(apic.isr()), remaining);
    QCOMPARE(setBits(apic.irr()), std::vector<int>{});
}

// uintr-reference.md §7: dispatch one at a time, highest vector first, each EOI opening the way
// for the next lower class.
void TstMsrsApic::apicHighestVectorFirst() {
    LocalApic apic;
    for (int v : {0x31, 0x7F, 0x52, 0x53})
        apic.accept(static_cast<std::uint8_t>(v));
    std::vector<int> order;
    while (auto d = apic.deliverable()) {
        apic.acknowledge(*d);
        order.push_back(*d);
        // While a vector is in service nothing of its class or below is presented.
        const auto blocked = apic.deliverable();
        QCOMPARE(blocked.has_value(), false);
        QCOMPARE(apic.eoi(), std::optional<std::uint8_t>(*d));
    }
    QCOMPARE(order, (std::vector<int>{0x7F, 0x53, 0x52, 0x31}));
}

// uintr-reference.md §7 and §3 step 1 (processing acknowledges by an EOI of the highest ISR bit):
// a notification (0xEC) preempting a device interrupt (0x31) is the one the EOI retires.
void TstMsrsApic::apicHigherClassPreemptsAndEoiUnwinds() {
    LocalApic apic;
    apic.accept(0x31);
    apic.acknowledge(*apic.deliverable());
    apic.accept(0xEC);
    QCOMPARE(apic.deliverable(), std::optional<std::uint8_t>(0xEC));
    apic.acknowledge(0xEC);
    QCOMPARE(setBits(apic.isr()), (std::vector<int>{0xEC, 0x31}));
    QCOMPARE(apic.eoi(), std::optional<std::uint8_t>(0xEC));
    QCOMPARE(setBits(apic.isr()), std::vector<int>{0x31});
    QCOMPARE(apic.eoi(), std::optional<std::uint8_t>(0x31));
    QCOMPARE(apic.eoi(), std::optional<std::uint8_t>());
}

QTEST_APPLESS_MAIN(TstMsrsApic)
#include "tst_msrs_apic.moc"
