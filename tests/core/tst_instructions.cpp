// The user-interrupt instructions and flows of one logical processor (uintr-reference.md §1-§4;
// SDM SENDUIPI, STUI, CLUI, TESTUI, UIRET; "User-Interrupt Notification Identification and
// Processing"; "User-Interrupt Recognition and Delivery"; XSAVES/XRSTORS of component 14).
// Every expected value is worked out from those rules in the row or the comment next to it.
#include "FaultText.h"
#include "arch/Fault.h"
#include "arch/LogicalProcessor.h"
#include "arch/PhysicalMemory.h"
#include "arch/UittEntry.h"
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"

#include <QByteArray>
#include <QObject>
#include <QTest>
#include <array>
#include <cstdint>

using namespace uintr::arch;

Q_DECLARE_METATYPE(uintr::arch::ApicMode)
Q_DECLARE_METATYPE(uintr::arch::Suppression)

namespace {

using u64 = quint64;
using Region = PhysicalMemory::Region;

using namespace uintr::arch::testing;

// "#UD *" names the kind only: for two conditions of the same exception that the SDM lists
// without an order between them.
void compareFault(const MaybeFault& f, const QString& expected) {
    if (expected.endsWith(" *")) {
        QVERIFY2(f.has_value(), "expected a fault");
        QCOMPARE(QString(QLatin1String(toString(f->kind))), expected.chopped(2));
    } else {
        QCOMPARE(faultText(f), expected);
    }
}

QByteArray bytesAt(const PhysicalMemory& mem, u64 address, std::size_t n) {
    const auto v = mem.readBytes(address, n);
    return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size()));
}

constexpr std::uint8_t kUinv = 0xEC; // UINTR_NOTIFICATION_VECTOR of the RFC (§5)
constexpr u64 kHandler = 0x0000'0000'0040'1000;
constexpr u64 kUserRip = 0x0000'0000'0040'2345;

// A sender with a four-entry UITT (UITTSZ = 3), entry i -> UV 10 + i, UPID i; every UPID has
// NV = 0xEC, NDST = x2APIC ID 1, ON = SN = 0, PIR = 0.
struct SendRig {
    PhysicalMemory mem;
    LogicalProcessor cpu;
    u64 uitt = 0;
    std::array<u64, 4> upid{};

    SendRig() {
        uitt = mem.allocate(Region::Kernel, 4 * UittEntry::kSize, 64);
        for (auto& u : upid)
            u = mem.allocate(Region::Kernel, Upid::kSize, Upid::kAlignment);
        for (std::size_t i = 0; i < 4; ++i) {
            (void)UittEntry::make(static_cast<std::uint8_t>(10 + i), upid[i]).store(mem, entry(i));
            Upid u;
            u.setNv(kUinv);
            u.setNdst(Upid::encodeNdst(1, ApicMode::X2Apic));
            (void)u.store(mem, upid[i]);
        }
        cpu.cpl = Cpl::User;
        cpu.msrs.tt = uitt | 1;
        cpu.msrs.setUittsz(3);
    }
    u64 entry(std::size_t i) const { return uitt + 16 * i; }
};

// A receiver running at CPL 3 with UIF = 1, a 16 KiB user stack and its UPID at IA32_UINTR_PD.
struct ReceiveRig {
    PhysicalMemory mem;
    LogicalProcessor cpu;
    u64 stack = 0;
    u64 upid = 0;
    u64 area = 0;
    u64 area2 = 0;

    ReceiveRig() {
        stack = mem.allocate(Region::User, 0x4000, 4096);
        upid = mem.allocate(Region::Kernel, Upid::kSize, Upid::kAlignment);
        area = mem.allocate(Region::Kernel, XsaveUintr::kSize, 64);
        area2 = mem.allocate(Region::Kernel, XsaveUintr::kSize, 64);
        Upid u;
        u.setNv(kUinv);
        (void)u.store(mem, upid);
        cpu.cpl = Cpl::User;
        cpu.uif = true;
        cpu.msrs.handler = kHandler;
        cpu.msrs.setUinv(kUinv);
        cpu.msrs.pd = upid;
        cpu.rip = kUserRip;
        cpu.rsp = stack + 0x3000;
        cpu.rflags = rflags::Reserved1 | rflags::IF;
    }
};

} // namespace

class TstInstructions : public QObject {
    Q_OBJECT

  private slots:
    void senduipiFaults_data();
    void senduipiFaults();
    void senduipiIndexBoundary_data();
    void senduipiIndexBoundary();
    void senduipiEntryAddress_data();
    void senduipiEntryAddress();
    void senduipiPost_data();
    void senduipiPost();

    void uifInstructions_data();
    void uifInstructions();
    void userInstructionsUd_data();
    void userInstructionsUd();

    void notificationIdentification_data();
    void notificationIdentification();
    void notificationProcessing_data();
    void notificationProcessing();
    void recognition_data();
    void recognition();
    void processedInKernelDeliveredOnReturnToUser();

    void deliveryStack_data();
    void deliveryStack();
    void deliveryVectorAndState_data();
    void deliveryVectorAndState();
    void deliveryNonCanonicalHandler_data();
    void deliveryNonCanonicalHandler();
    void uiretThenSecondVector();
    void uiretRflags_data();
    void uiretRflags();
    void uiretNonCanonicalRip();

    void xsavesImageLayout_data();
    void xsavesImageLayout();
    void xsavesClearsUinvOnly();
    void xsavesXrstorsRoundTrip();
    void xrstorsUinvNotZero();
    void secondXsavesSavesUinvZero();
    void xrstorsImageChecks_data();
    void xrstorsImageChecks();
};

// ------------------------------------------------------------------------------------ SENDUIPI

// uintr-reference.md §2.1-§2.4; SDM SENDUIPI "Exceptions" (#UD: CPUID.07H.0H:EDX.UINTR = 0,
// CR4.UINTR = 0, IA32_UINTR_TT[0] = 0, not 64-bit mode; #GP(0): reg > UITTSZ, bad UITT entry,
// bad UPID) and "Operation" (the order: #UD conditions, then the index, then the UITT entry, then
// the UPID). Every row also checks that the target UPID is left exactly as it was.
void TstInstructions::senduipiFaults_data() {
    QTest::addColumn<bool>("feature");
    QTest::addColumn<bool>("cr4");
    QTest::addColumn<bool>("longMode");
    QTest::addColumn<bool>("ttEnabled");
    QTest::addColumn<u64>("reg");
    QTest::addColumn<u64>("entryWord0"); // entry 0's first quadword (UV 10, V = 1 by default)
    QTest::addColumn<u64>("upidOffset"); // added to entry 0's UPIDADDR
    QTest::addColumn<u64>("upidWord0");  // UPID 0's first quadword
    QTest::addColumn<QString>("expected");

    const u64 goodEntry = 0x0A01;                    // V = 1, UV = 10
    const u64 goodUpid = u64(0x0000'0001'00EC'0000); // NDST 1, NV 0xEC
    auto row = [&](const char* name, bool feature, bool cr4, bool lm, bool tt, u64 reg, u64 entry,
                   u64 offset, u64 upid, const QString& expected) {
        QTest::newRow(name) << feature << cr4 << lm << tt << reg << entry << offset << upid
                            << expected;
    };

    // §2.1: #UD.
    row("no CPUID feature: #UD", false, true, true, true, 0, goodEntry, 0, goodUpid,
        udText(FaultReason::NoCpuFeature));
    row("CR4.UINTR = 0: #UD", true, false, true, true, 0, goodEntry, 0, goodUpid,
        udText(FaultReason::Cr4UintrClear));
    row("not in 64-bit mode: #UD", true, true, false, true, 0, goodEntry, 0, goodUpid,
        udText(FaultReason::NotLongMode));
    row("TT bit 0 = 0: #UD, not #GP", true, true, true, false, 0, goodEntry, 0, goodUpid,
        udText(FaultReason::SendDisabled));

    // §2.2: the index.
    row("reg = UITTSZ + 1: #GP", true, true, true, true, 4, goodEntry, 0, goodUpid,
        gpText(FaultReason::IndexPastUittsz));
    row("reg = 2^64-1: #GP, no wrap of 16 * reg", true, true, true, true, ~0ULL, goodEntry, 0,
        goodUpid, gpText(FaultReason::IndexPastUittsz));
    row("reg = 2^32 + 2: #GP, reg is not truncated to 32 bits", true, true, true, true,
        0x1'0000'0002ULL, goodEntry, 0, goodUpid, gpText(FaultReason::IndexPastUittsz));

    // §2.3: the UITT entry.
    row("entry V = 0: #GP", true, true, true, true, 0, 0x0A00, 0, goodUpid,
        gpText(FaultReason::UittEntryInvalid));
    row("entry reserved bit 1: #GP", true, true, true, true, 0, 0x0A03, 0, goodUpid,
        gpText(FaultReason::UittReservedBits));
    row("entry reserved bit 7: #GP", true, true, true, true, 0, 0x0A81, 0, goodUpid,
        gpText(FaultReason::UittReservedBits));
    row("entry reserved bit 16: #GP", true, true, true, true, 0, 0x1'0A01, 0, goodUpid,
        gpText(FaultReason::UittReservedBits));
    row("entry reserved bit 63: #GP", true, true, true, true, 0, 0x8000'0000'0000'0A01ULL, 0,
        goodUpid, gpText(FaultReason::UittReservedBits));
    row("entry UV = 64: #GP", true, true, true, true, 0, 0x4001, 0, goodUpid,
        gpText(FaultReason::UittVectorReserved));
    row("entry UV = 0xFF: #GP", true, true, true, true, 0, 0xFF01, 0, goodUpid,
        gpText(FaultReason::UittVectorReserved));
    row("UPIDADDR misaligned by 1: #GP", true, true, true, true, 0, goodEntry, 1, goodUpid,
        gpText(FaultReason::UpidAddrMisaligned));
    row("UPIDADDR misaligned by 16: #GP", true, true, true, true, 0, goodEntry, 16, goodUpid,
        gpText(FaultReason::UpidAddrMisaligned));
    row("UPIDADDR misaligned by 63: #GP", true, true, true, true, 0, goodEntry, 63, goodUpid,
        gpText(FaultReason::UpidAddrMisaligned));

    // §2.4: the UPID's reserved bits; the UPID is not written.
    row("UPID reserved bit 2: #GP", true, true, true, true, 0, goodEntry, 0, goodUpid | 0x4,
        gpText(FaultReason::UpidReservedBits));
    row("UPID reserved bit 7 (software 'blocked'): #GP", true, true, true, true, 0, goodEntry, 0,
        goodUpid | 0x80, gpText(FaultReason::UpidReservedBits));
    row("UPID reserved bit 15: #GP", true, true, true, true, 0, goodEntry, 0, goodUpid | 0x8000,
        gpText(FaultReason::UpidReservedBits));
    row("UPID reserved bit 24: #GP", true, true, true, true, 0, goodEntry, 0,
        goodUpid | 0x0100'0000, gpText(FaultReason::UpidReservedBits));
    row("UPID reserved bit 31 with ON = SN = 0: #GP, ON not set", true, true, true, true, 0,
        goodEntry, 0, goodUpid | 0x8000'0000, gpText(FaultReason::UpidReservedBits));

    // The order where two conditions hold at once.
    row("order: TT disabled and reg past UITTSZ: #UD", true, true, true, false, 4, goodEntry, 0,
        goodUpid, udText(FaultReason::SendDisabled));
    row("order: TT disabled and entry invalid: #UD", true, true, true, false, 0, 0x0A00, 0,
        goodUpid, udText(FaultReason::SendDisabled));
    row("order: CR4.UINTR = 0 and reg = 2^64-1: #UD", true, false, true, true, ~0ULL, goodEntry, 0,
        goodUpid, udText(FaultReason::Cr4UintrClear));
    row("order: CR4.UINTR = 0 and TT disabled: #UD", true, false, true, false, 0, goodEntry, 0,
        goodUpid, "#UD *");
    row("order: not 64-bit and entry UV = 64: #UD", true, true, false, true, 0, 0x4001, 0, goodUpid,
        udText(FaultReason::NotLongMode));
    row("order: reg past UITTSZ and UPID reserved: index first", true, true, true, true, 4,
        goodEntry, 0, goodUpid | 0x4, gpText(FaultReason::IndexPastUittsz));
    row("order: entry V = 0 and UPID reserved: entry first (UPID not read)", true, true, true, true,
        0, 0x0A00, 0, goodUpid | 0x4, gpText(FaultReason::UittEntryInvalid));
    row("order: UPIDADDR misaligned and UPID reserved: entry first", true, true, true, true, 0,
        goodEntry, 8, goodUpid | 0x4, gpText(FaultReason::UpidAddrMisaligned));
    row("order: entry UV = 64 and bit 1 set: #GP", true, true, true, true, 0, 0x4003, 0, goodUpid,
        "#GP *");
}

void TstInstructions::senduipiFaults() {
    QFETCH(bool, feature);
    QFETCH(bool, cr4);
    QFETCH(bool, longMode);
    QFETCH(bool, ttEnabled);
    QFETCH(u64, reg);
    QFETCH(u64, entryWord0);
    QFETCH(u64, upidOffset);
    QFETCH(u64, upidWord0);
    QFETCH(QString, expected);

    SendRig rig;
    rig.cpu.cpuidUintr = feature;
    rig.cpu.cr4Uintr = cr4;
    rig.cpu.longMode = longMode;
    if (!ttEnabled) rig.cpu.msrs.tt &= ~u64(1);
    QVERIFY(!(UittEntry{entryWord0, rig.upid[0] + upidOffset}.store(rig.mem, rig.entry(0))));
    QVERIFY(!(Upid{upidWord0, 0x0000'0000'0000'0002}.store(rig.mem, rig.upid[0])));
    const QByteArray upidBefore = bytesAt(rig.mem, rig.upid[0], 16);
    const QByteArray upid1Before = bytesAt(rig.mem, rig.upid[1], 16);

    const auto r = rig.cpu.senduipi(reg, rig.mem);
    compareFault(r.maybeFault(), expected);
    QCOMPARE(bytesAt(rig.mem, rig.upid[0], 16), upidBefore);
    QCOMPARE(bytesAt(rig.mem, rig.upid[1], 16), upid1Before);
}

// uintr-reference.md §2.2 ("#GP(0) if reg is greater than UITTSZ": UITTSZ is the highest valid
// index, so reg = UITTSZ is allowed).
void TstInstructions::senduipiIndexBoundary_data() {
    QTest::addColumn<u64>("uittsz");
    QTest::addColumn<u64>("reg");
    QTest::addColumn<QString>("expected");

    QTest::newRow("UITTSZ 0, reg 0: the one entry") << u64(0) << u64(0) << "none";
    QTest::newRow("UITTSZ 0, reg 1") << u64(0) << u64(1) << gpText(FaultReason::IndexPastUittsz);
    QTest::newRow("UITTSZ 3, reg 3 = UITTSZ: allowed") << u64(3) << u64(3) << "none";
    QTest::newRow("UITTSZ 3, reg 4") << u64(3) << u64(4) << gpText(FaultReason::IndexPastUittsz);
    QTest::newRow("UITTSZ 2, reg 3 (entry 3 exists in memory but is past UITTSZ)")
        << u64(2) << u64(3) << gpText(FaultReason::IndexPastUittsz);
}

void TstInstructions::senduipiIndexBoundary() {
    QFETCH(u64, uittsz);
    QFETCH(u64, reg);
    QFETCH(QString, expected);
    SendRig rig;
    rig.cpu.msrs.setUittsz(static_cast<std::uint32_t>(uittsz));
    const auto r = rig.cpu.senduipi(reg, rig.mem);
    compareFault(r.maybeFault(), expected);
    if (r.ok()) QCOMPARE(int(r.value().userVector), int(10 + reg));
}

// uintr-reference.md §2.3: the entry read is at (TT with bits 3:0 cleared) + 16 * reg, so TT's
// bit 0 (the enable) does not shift the table.
void TstInstructions::senduipiEntryAddress_data() {
    QTest::addColumn<u64>("reg");
    QTest::newRow("reg 0 -> entry 0") << u64(0);
    QTest::newRow("reg 1 -> entry 1") << u64(1);
    QTest::newRow("reg 2 -> entry 2") << u64(2);
    QTest::newRow("reg 3 -> entry 3") << u64(3);
}

void TstInstructions::senduipiEntryAddress() {
    QFETCH(u64, reg);
    SendRig rig;
    const auto r = rig.cpu.senduipi(reg, rig.mem);
    QVERIFY(r.ok());
    QCOMPARE(int(r.value().userVector), int(10 + reg));
    QCOMPARE(u64(r.value().upidAddress), rig.upid[reg]);
    // Exactly that UPID got PIR bit 10 + reg; the others are untouched.
    for (std::size_t i = 0; i < 4; ++i)
        QCOMPARE(u64(Upid::load(rig.mem, rig.upid[i])->pir), i == reg ? u64(1) << (10 + reg) : 0);
}

// uintr-reference.md §2.4-§2.5; SDM SENDUIPI Operation: set PIR[UV]; if SN = 0 and ON = 0 set
// ON and send NV to NDST (x2APIC: 32-bit NDST; xAPIC: NDST[15:8]); otherwise no IPI. Suppression
// by both SN and ON reports SN (LogicalProcessor.h: the kernel's deliberate choice).
void TstInstructions::senduipiPost_data() {
    QTest::addColumn<ApicMode>("mode");
    QTest::addColumn<u64>("word0");
    QTest::addColumn<u64>("pir");
    QTest::addColumn<int>("uv");
    QTest::addColumn<u64>("word0After");
    QTest::addColumn<u64>("pirAfter");
    QTest::addColumn<bool>("notify");
    QTest::addColumn<Suppression>("suppression");
    QTest::addColumn<u64>("destination"); // checked when notify

    const auto X2 = ApicMode::X2Apic, X = ApicMode::XApic;
    const u64 nv = u64(kUinv) << 16;
    const u64 ndst5 = u64(5) << 32;
    QTest::newRow("ON = SN = 0: PIR bit set, ON set, IPI 0xEC to x2APIC 5")
        << X2 << (ndst5 | nv) << u64(0) << 3 << (ndst5 | nv | 1) << u64(0x8) << true
        << Suppression::None << u64(5);
    QTest::newRow("UV 0: PIR bit 0") << X2 << (ndst5 | nv) << u64(0) << 0 << (ndst5 | nv | 1)
                                     << u64(0x1) << true << Suppression::None << u64(5);
    QTest::newRow("UV 63: PIR bit 63")
        << X2 << (ndst5 | nv) << u64(0) << 63 << (ndst5 | nv | 1) << u64(0x8000'0000'0000'0000)
        << true << Suppression::None << u64(5);
    QTest::newRow("bit already posted, ON = 0: PIR unchanged, ON set, IPI")
        << X2 << (ndst5 | nv) << u64(0x8) << 3 << (ndst5 | nv | 1) << u64(0x8) << true
        << Suppression::None << u64(5);
    QTest::newRow("ON = 1: posted, ON stays, no IPI (suppressed by ON)")
        << X2 << (ndst5 | nv | 1) << u64(0x2) << 3 << (ndst5 | nv | 1) << u64(0xA) << false
        << Suppression::ByOn << u64(0);
    QTest::newRow("SN = 1: posted, ON stays 0, no IPI (suppressed by SN)")
        << X2 << (ndst5 | nv | 2) << u64(0) << 3 << (ndst5 | nv | 2) << u64(0x8) << false
        << Suppression::BySn << u64(0);
    QTest::newRow("SN = 1 and ON = 1: posted, no IPI, reported as SN")
        << X2 << (ndst5 | nv | 3) << u64(0x1) << 7 << (ndst5 | nv | 3) << u64(0x81) << false
        << Suppression::BySn << u64(0);
    QTest::newRow("x2APIC NDST 0xFFFFFFFF: destination 0xFFFFFFFF")
        << X2 << (u64(0xFFFF'FFFF) << 32 | nv) << u64(0) << 1 << (u64(0xFFFF'FFFF) << 32 | nv | 1)
        << u64(0x2) << true << Suppression::None << u64(0xFFFF'FFFF);
    QTest::newRow("x2APIC NDST 0x12345678: all 32 bits")
        << X2 << (u64(0x1234'5678) << 32 | nv) << u64(0) << 1 << (u64(0x1234'5678) << 32 | nv | 1)
        << u64(0x2) << true << Suppression::None << u64(0x1234'5678);
    QTest::newRow("xAPIC NDST 0x12345678: ID = NDST[15:8] = 0x56")
        << X << (u64(0x1234'5678) << 32 | nv) << u64(0) << 1 << (u64(0x1234'5678) << 32 | nv | 1)
        << u64(0x2) << true << Suppression::None << u64(0x56);
    QTest::newRow("xAPIC NDST 0x0700: ID 7")
        << X << (u64(0x0700) << 32 | nv) << u64(0) << 2 << (u64(0x0700) << 32 | nv | 1) << u64(0x4)
        << true << Suppression::None << u64(7);
    QTest::newRow("xAPIC NDST 0x00FF: ID 0 (bits 7:0 are not the ID)")
        << X << (u64(0x00FF) << 32 | nv) << u64(0) << 2 << (u64(0x00FF) << 32 | nv | 1) << u64(0x4)
        << true << Suppression::None << u64(0);
}

void TstInstructions::senduipiPost() {
    QFETCH(ApicMode, mode);
    QFETCH(u64, word0);
    QFETCH(u64, pir);
    QFETCH(int, uv);
    QFETCH(u64, word0After);
    QFETCH(u64, pirAfter);
    QFETCH(bool, notify);
    QFETCH(Suppression, suppression);
    QFETCH(u64, destination);

    SendRig rig;
    rig.cpu.apicMode = mode;
    QVERIFY(
        !UittEntry::make(static_cast<std::uint8_t>(uv), rig.upid[0]).store(rig.mem, rig.entry(0)));
    QVERIFY(!(Upid{word0, pir}.store(rig.mem, rig.upid[0])));

    const auto r = rig.cpu.senduipi(0, rig.mem);
    QCOMPARE(faultText(r.maybeFault()), QString("none"));
    const SendUipiOutcome& out = r.value();
    QCOMPARE(int(out.userVector), uv);
    QCOMPARE(out.notify, notify);
    QCOMPARE(out.suppression, suppression);
    QCOMPARE(u64(out.upidBefore.word0), word0);
    QCOMPARE(u64(out.upidBefore.pir), pir);
    QCOMPARE(u64(out.upidAfter.word0), word0After);
    QCOMPARE(u64(out.upidAfter.pir), pirAfter);
    // The locked read-modify-write reached memory.
    const auto stored = Upid::load(rig.mem, rig.upid[0]);
    QCOMPARE(u64(stored->word0), word0After);
    QCOMPARE(u64(stored->pir), pirAfter);
    if (notify) {
        QCOMPARE(int(out.notificationVector), int(kUinv));
        QCOMPARE(u64(out.destinationApicId), destination);
    }
}

// ------------------------------------------------------------------ STUI / CLUI / TESTUI

// uintr-reference.md §1 (UIF set by STUI, cleared by CLUI, read by TESTUI: CF = UIF; OF, SF, ZF,
// AF, PF cleared); SDM TESTUI "Flags Affected" (other flags unchanged), STUI/CLUI (no flags).
void TstInstructions::uifInstructions_data() {
    QTest::addColumn<QString>("insn");
    QTest::addColumn<bool>("uif");
    QTest::addColumn<u64>("flags");
    QTest::addColumn<bool>("uifAfter");
    QTest::addColumn<u64>("flagsAfter");

    using namespace rflags;
    const u64 base = Reserved1 | IF;
    const u64 status = CF | PF | AF | ZF | SF | OF;
    const u64 DF = 1u << 10;
    QTest::newRow("STUI: UIF 0 -> 1, flags untouched")
        << "stui" << false << (base | ZF | CF) << true << (base | ZF | CF);
    QTest::newRow("STUI with UIF already 1") << "stui" << true << base << true << base;
    QTest::newRow("CLUI: UIF 1 -> 0, flags untouched")
        << "clui" << true << (base | status) << false << (base | status);
    QTest::newRow("CLUI with UIF already 0") << "clui" << false << base << false << base;
    QTest::newRow("TESTUI UIF 1: CF = 1, OF SF ZF AF PF cleared")
        << "testui" << true << (base | PF | AF | ZF | SF | OF) << true << (base | CF);
    QTest::newRow("TESTUI UIF 0: CF cleared too")
        << "testui" << false << (base | status) << false << base;
    QTest::newRow("TESTUI keeps TF, DF, IF and bit 1")
        << "testui" << true << (base | TF | DF | ZF) << true << (base | TF | DF | CF);
    QTest::newRow("TESTUI UIF 0 on clear flags: nothing set")
        << "testui" << false << base << false << base;
}

void TstInstructions::uifInstructions() {
    QFETCH(QString, insn);
    QFETCH(bool, uif);
    QFETCH(u64, flags);
    QFETCH(bool, uifAfter);
    QFETCH(u64, flagsAfter);

    LogicalProcessor cpu;
    cpu.cpl = Cpl::User;
    cpu.uif = uif;
    cpu.rflags = flags;
    MaybeFault f;
    if (insn == "stui")
        f = cpu.stui();
    else if (insn == "clui")
        f = cpu.clui();
    else {
        const auto r = cpu.testui();
        f = r.maybeFault();
        if (r.ok()) QCOMPARE(r.value().cf, uif);
    }
    QCOMPARE(faultText(f), QString("none"));
    QCOMPARE(cpu.uif, uifAfter);
    QCOMPARE(u64(cpu.rflags), flagsAfter);
}

// uintr-reference.md §1 ("STUI, CLUI, TESTUI, UIRET and SENDUIPI are #UD when CR4.UINTR = 0 or
// outside 64-bit mode"); SDM: also #UD when CPUID.07H.0H:EDX.UINTR = 0. Nothing changes.
void TstInstructions::userInstructionsUd_data() {
    QTest::addColumn<QString>("insn");
    QTest::addColumn<int>("condition"); // 0: no feature, 1: CR4.UINTR = 0, 2: not 64-bit
    QTest::addColumn<QString>("expected");

    const char* names[] = {"stui", "clui", "testui", "uiret"};
    const char* conds[] = {"no CPUID feature", "CR4.UINTR = 0", "not 64-bit mode"};
    const FaultReason reasons[] = {FaultReason::NoCpuFeature, FaultReason::Cr4UintrClear,
                                   FaultReason::NotLongMode};
    for (const char* n : names)
        for (int c = 0; c < 3; ++c)
            QTest::addRow("%s, %s: #UD", n, conds[c]) << QString(n) << c << udText(reasons[c]);
}

void TstInstructions::userInstructionsUd() {
    QFETCH(QString, insn);
    QFETCH(int, condition);
    QFETCH(QString, expected);

    ReceiveRig rig;
    rig.cpu.uif = insn != "stui"; // so a wrongly executed STUI or CLUI would show
    rig.cpu.rflags |= rflags::ZF; // so a wrongly executed TESTUI would show
    rig.cpu.cpuidUintr = condition != 0;
    rig.cpu.cr4Uintr = condition != 1;
    rig.cpu.longMode = condition != 2;
    // A frame UIRET could pop if it wrongly ran.
    QVERIFY(!rig.mem.write64(rig.cpu.rsp, 0x1234));
    QVERIFY(!rig.mem.write64(rig.cpu.rsp + 8, rflags::Reserved1));
    QVERIFY(!rig.mem.write64(rig.cpu.rsp + 16, rig.stack + 0x100));
    const LogicalProcessor before = rig.cpu;

    MaybeFault f;
    if (insn == "stui")
        f = rig.cpu.stui();
    else if (insn == "clui")
        f = rig.cpu.clui();
    else if (insn == "testui")
        f = rig.cpu.testui().maybeFault();
    else
        f = rig.cpu.uiret(rig.mem);
    QCOMPARE(faultText(f), expected);
    QVERIFY2(rig.cpu == before, "a #UD instruction changed the processor");
}

// ------------------------------------------------------------------ notification (§3)

// uintr-reference.md §3 "Notification identification" (CR4.UINTR = 1 and vector == UINV; any other
// vector, or this one while UINV holds something else, goes through the IDT) and §6 step 5.
void TstInstructions::notificationIdentification_data() {
    QTest::addColumn<bool>("cr4");
    QTest::addColumn<int>("uinv");
    QTest::addColumn<int>("vector");
    QTest::addColumn<bool>("notification");

    QTest::newRow("0xEC with UINV 0xEC: notification") << true << 0xEC << 0xEC << true;
    QTest::newRow("0xEB with UINV 0xEC: IDT (the kernel vector)") << true << 0xEC << 0xEB << false;
    QTest::newRow("0xED with UINV 0xEC: IDT") << true << 0xEC << 0xED << false;
    QTest::newRow("0xEC with UINV cleared to 0 by XSAVES: IDT (spurious)")
        << true << 0 << 0xEC << false;
    QTest::newRow("0xEC with UINV 0xEC but CR4.UINTR = 0: IDT") << false << 0xEC << 0xEC << false;
    QTest::newRow("UINV 0x20, vector 0x20: notification") << true << 0x20 << 0x20 << true;
}

void TstInstructions::notificationIdentification() {
    QFETCH(bool, cr4);
    QFETCH(int, uinv);
    QFETCH(int, vector);
    QFETCH(bool, notification);
    LogicalProcessor cpu;
    cpu.cr4Uintr = cr4;
    cpu.msrs.setUinv(static_cast<std::uint8_t>(uinv));
    QCOMPARE(cpu.isUserNotification(static_cast<std::uint8_t>(vector)), notification);
}

// uintr-reference.md §3 "Notification processing": 1. EOI (the highest ISR bit, the notification's
// own, is cleared); 2. atomically clear ON, read and clear PIR; 3. UIRR |= PIR. No privilege
// change: it happens at CPL 0 as well. SN, NV and NDST are not touched.
void TstInstructions::notificationProcessing_data() {
    QTest::addColumn<int>("cpl");
    QTest::addColumn<u64>("uirr");
    QTest::addColumn<u64>("word0");
    QTest::addColumn<u64>("pir");
    QTest::addColumn<u64>("uirrAfter");
    QTest::addColumn<u64>("word0After");

    const u64 nv = u64(kUinv) << 16, ndst = u64(3) << 32;
    QTest::newRow("CPL 3: PIR bit 3 -> UIRR, ON cleared")
        << 3 << u64(0) << (ndst | nv | 1) << u64(0x8) << u64(0x8) << (ndst | nv);
    QTest::newRow("CPL 0 (kernel running): processed all the same")
        << 0 << u64(0) << (ndst | nv | 1) << u64(0x8) << u64(0x8) << (ndst | nv);
    QTest::newRow("UIRR already has bit 1: ORed with PIR bits 3 and 63")
        << 3 << u64(0x2) << (ndst | nv | 1) << u64(0x8000'0000'0000'0008)
        << u64(0x8000'0000'0000'000A) << (ndst | nv);
    QTest::newRow("same vector pending in UIRR and PIR: one bit")
        << 3 << u64(0x8) << (ndst | nv | 1) << u64(0x8) << u64(0x8) << (ndst | nv);
    QTest::newRow("PIR empty: UIRR unchanged, ON still cleared")
        << 3 << u64(0x4) << (ndst | nv | 1) << u64(0) << u64(0x4) << (ndst | nv);
    QTest::newRow("SN = 1 stays set, ON cleared")
        << 3 << u64(0) << (ndst | nv | 3) << u64(0x1) << u64(0x1) << (ndst | nv | 2);
}

void TstInstructions::notificationProcessing() {
    QFETCH(int, cpl);
    QFETCH(u64, uirr);
    QFETCH(u64, word0);
    QFETCH(u64, pir);
    QFETCH(u64, uirrAfter);
    QFETCH(u64, word0After);

    ReceiveRig rig;
    rig.cpu.cpl = cpl == 3 ? Cpl::User : Cpl::Kernel;
    rig.cpu.msrs.rr = uirr;
    QVERIFY(!(Upid{word0, pir}.store(rig.mem, rig.upid)));
    // A device interrupt 0x31 is in service; the notification 0xEC preempted it and was taken.
    rig.cpu.apic.accept(0x31);
    rig.cpu.apic.acknowledge(0x31);
    rig.cpu.apic.accept(kUinv);
    rig.cpu.apic.acknowledge(kUinv);
    QVERIFY(rig.cpu.isUserNotification(kUinv));

    const auto r = rig.cpu.processNotification(rig.mem);
    QCOMPARE(faultText(r.maybeFault()), QString("none"));
    QCOMPARE(u64(r.value().movedToUirr), pir);
    QCOMPARE(u64(rig.cpu.msrs.rr), uirrAfter);
    const auto upid = Upid::load(rig.mem, rig.upid);
    QCOMPARE(u64(upid->word0), word0After);
    QCOMPARE(u64(upid->pir), u64(0));
    QVERIFY(!rig.cpu.apic.inIsr(kUinv));
    QVERIFY(rig.cpu.apic.inIsr(0x31));
    QCOMPARE(rig.cpu.cpl, cpl == 3 ? Cpl::User : Cpl::Kernel);
}

// uintr-reference.md §3 "Recognition": UIRR != 0, UIF = 1, CPL = 3, 64-bit mode; Bochs
// uintr_uirr_update: and CR4.UINTR = 1.
void TstInstructions::recognition_data() {
    QTest::addColumn<u64>("uirr");
    QTest::addColumn<bool>("uif");
    QTest::addColumn<int>("cpl");
    QTest::addColumn<bool>("cr4");
    QTest::addColumn<bool>("longMode");
    QTest::addColumn<bool>("recognized");

    QTest::newRow("all conditions hold") << u64(0x8) << true << 3 << true << true << true;
    QTest::newRow("UIRR bit 63 alone is enough")
        << u64(0x8000'0000'0000'0000) << true << 3 << true << true << true;
    QTest::newRow("UIF = 0 blocks") << u64(0x8) << false << 3 << true << true << false;
    QTest::newRow("CPL 0 blocks") << u64(0x8) << true << 0 << true << true << false;
    QTest::newRow("UIRR = 0: nothing pending") << u64(0) << true << 3 << true << true << false;
    QTest::newRow("CR4.UINTR = 0 blocks") << u64(0x8) << true << 3 << false << true << false;
    QTest::newRow("not 64-bit mode blocks") << u64(0x8) << true << 3 << true << false << false;
}

void TstInstructions::recognition() {
    QFETCH(u64, uirr);
    QFETCH(bool, uif);
    QFETCH(int, cpl);
    QFETCH(bool, cr4);
    QFETCH(bool, longMode);
    QFETCH(bool, recognized);
    LogicalProcessor cpu;
    cpu.msrs.rr = uirr;
    cpu.uif = uif;
    cpu.cpl = cpl == 3 ? Cpl::User : Cpl::Kernel;
    cpu.cr4Uintr = cr4;
    cpu.longMode = longMode;
    QCOMPARE(cpu.userInterruptRecognized(), recognized);
}

// uintr-reference.md §3 (processing does not depend on CPL; "returning to CPL 3 also makes a
// non-zero UIRR recognised"): a notification processed in the kernel is delivered on the way out.
void TstInstructions::processedInKernelDeliveredOnReturnToUser() {
    ReceiveRig rig;
    rig.cpu.cpl = Cpl::Kernel;
    QVERIFY(!(Upid{u64(kUinv) << 16 | 1, 0x20}.store(rig.mem, rig.upid)));
    QVERIFY(rig.cpu.processNotification(rig.mem).ok());
    QCOMPARE(u64(rig.cpu.msrs.rr), u64(0x20));
    QVERIFY(!rig.cpu.userInterruptRecognized());
    rig.cpu.cpl = Cpl::User;
    QVERIFY(rig.cpu.userInterruptRecognized());
    const auto d = rig.cpu.deliver(rig.mem);
    QVERIFY(d.ok());
    QCOMPARE(int(d.value().vector), 5);
}

// ------------------------------------------------------------------ delivery and UIRET (§3)

// uintr-reference.md §1 STACKADJUST ("bit 0 clear: subtract; bit 0 set: load RSP with the value")
// and §3 (align down to 16, push old RSP, RFLAGS, RIP, vector); SDM "User-Interrupt Delivery":
// the four pushes leave the vector at the lowest address, then RIP, RFLAGS, old RSP.
// Offsets are from the rig's 4 KiB-aligned stack base (so alignment is that of the offset).
void TstInstructions::deliveryStack_data() {
    QTest::addColumn<u64>("rspOffset");
    QTest::addColumn<u64>("stackAdjust"); // a plain value, or (offset | 1) marked by loadForm
    QTest::addColumn<bool>("loadForm");
    QTest::addColumn<u64>("frameOffset"); // RSP after delivery = the vector's address

    QTest::newRow("subtract 0 from an aligned RSP: 0x3000 - 32")
        << u64(0x3000) << u64(0) << false << u64(0x2FE0);
    QTest::newRow("subtract 128 (red zone): (0x3008 - 0x80) & ~0xF = 0x2F80, - 32")
        << u64(0x3008) << u64(0x80) << false << u64(0x2F60);
    QTest::newRow("subtract 8 from 0x3007: 0x2FFF -> 0x2FF0, - 32")
        << u64(0x3007) << u64(8) << false << u64(0x2FD0);
    QTest::newRow("subtract 14 (even, low bits set): 0x2FF2 -> 0x2FF0, - 32")
        << u64(0x3000) << u64(14) << false << u64(0x2FD0);
    QTest::newRow("subtract 0 from a misaligned RSP 0x300C: 0x3000 - 32")
        << u64(0x300C) << u64(0) << false << u64(0x2FE0);
    QTest::newRow("load 0x2001 (bit 0 set): 0x2000 - 32")
        << u64(0x3000) << u64(0x2001) << true << u64(0x1FE0);
    QTest::newRow("load 0x200F: bits 3:0 dropped by the alignment, 0x2000 - 32")
        << u64(0x3000) << u64(0x200F) << true << u64(0x1FE0);
    QTest::newRow("load above the current RSP: 0x3801 -> 0x3800 - 32")
        << u64(0x1000) << u64(0x3801) << true << u64(0x37E0);
}

void TstInstructions::deliveryStack() {
    QFETCH(u64, rspOffset);
    QFETCH(u64, stackAdjust);
    QFETCH(bool, loadForm);
    QFETCH(u64, frameOffset);

    ReceiveRig rig;
    rig.cpu.rsp = rig.stack + rspOffset;
    rig.cpu.msrs.stackAdjust = loadForm ? rig.stack + stackAdjust : stackAdjust;
    rig.cpu.msrs.rr = u64(1) << 9;
    rig.cpu.rflags = rflags::Reserved1 | rflags::IF | rflags::CF;
    const u64 oldRsp = rig.cpu.rsp;

    const auto d = rig.cpu.deliver(rig.mem);
    QCOMPARE(faultText(d.maybeFault()), QString("none"));
    const u64 frame = rig.stack + frameOffset;
    QCOMPARE(u64(d.value().stackPointer), frame);
    QCOMPARE(u64(rig.cpu.rsp), frame);
    QCOMPARE(u64(*rig.mem.read64(frame + 0)), u64(9));   // vector, lowest address
    QCOMPARE(u64(*rig.mem.read64(frame + 8)), kUserRip); // RIP
    QCOMPARE(u64(*rig.mem.read64(frame + 16)),           // RFLAGS
             u64(rflags::Reserved1 | rflags::IF | rflags::CF));
    QCOMPARE(u64(*rig.mem.read64(frame + 24)), oldRsp); // the RSP before delivery
}

// uintr-reference.md §3 Delivery: highest UIRR bit first, that bit cleared, UIF, TF and RF
// cleared, RIP = IA32_UINTR_HANDLER; the pushed RFLAGS is the value before TF and RF were
// cleared. Other flags are kept.
void TstInstructions::deliveryVectorAndState_data() {
    QTest::addColumn<u64>("uirr");
    QTest::addColumn<int>("vector");
    QTest::addColumn<u64>("uirrAfter");

    QTest::newRow("UIRR bit 0 alone: vector 0") << u64(0x1) << 0 << u64(0);
    QTest::newRow("bits 3 and 5: vector 5 first, bit 3 left") << u64(0x28) << 5 << u64(0x8);
    QTest::newRow("bits 0 and 63: vector 63 first") << u64(0x8000'0000'0000'0001) << 63 << u64(0x1);
    QTest::newRow("all 64 bits: vector 63, 62..0 left")
        << u64(~0ULL) << 63 << u64(0x7FFF'FFFF'FFFF'FFFF);
}

void TstInstructions::deliveryVectorAndState() {
    QFETCH(u64, uirr);
    QFETCH(int, vector);
    QFETCH(u64, uirrAfter);

    using namespace rflags;
    ReceiveRig rig;
    rig.cpu.msrs.rr = uirr;
    const u64 flags = Reserved1 | IF | TF | RF | CF | ZF;
    rig.cpu.rflags = flags;
    const auto d = rig.cpu.deliver(rig.mem);
    QCOMPARE(faultText(d.maybeFault()), QString("none"));
    QCOMPARE(int(d.value().vector), vector);
    QCOMPARE(u64(*rig.mem.read64(d.value().stackPointer)), u64(vector));
    QCOMPARE(u64(rig.cpu.msrs.rr), uirrAfter);
    QCOMPARE(rig.cpu.uif, false);
    QCOMPARE(u64(rig.cpu.rflags), u64(Reserved1 | IF | CF | ZF));
    QCOMPARE(u64(*rig.mem.read64(d.value().stackPointer + 16)), flags);
    QCOMPARE(u64(rig.cpu.rip), kHandler);
    QCOMPARE(rig.cpu.cpl, Cpl::User); // no privilege change
}

// uintr-reference.md §3 ("Delivery (#GP(0) if HANDLER is not canonical)"); SDM "User-Interrupt
// Delivery": the check comes first, so nothing is pushed and no state changes.
void TstInstructions::deliveryNonCanonicalHandler_data() {
    QTest::addColumn<u64>("handler");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0x0000800000000000: #GP")
        << u64(0x0000'8000'0000'0000) << gpText(FaultReason::HandlerNonCanonical);
    QTest::newRow("0xffff7fffffffffff: #GP")
        << u64(0xffff'7fff'ffff'ffff) << gpText(FaultReason::HandlerNonCanonical);
    QTest::newRow("0x00007fffffffffff: delivered") << u64(0x0000'7fff'ffff'ffff) << "none";
    QTest::newRow("0xffff800000000000: delivered") << u64(0xffff'8000'0000'0000) << "none";
}

void TstInstructions::deliveryNonCanonicalHandler() {
    QFETCH(u64, handler);
    QFETCH(QString, expected);
    ReceiveRig rig;
    rig.cpu.msrs.handler = handler;
    rig.cpu.msrs.rr = 0x8;
    const LogicalProcessor before = rig.cpu;
    const QByteArray stackBefore = bytesAt(rig.mem, rig.stack + 0x2F00, 0x100);
    const auto d = rig.cpu.deliver(rig.mem);
    QCOMPARE(faultText(d.maybeFault()), expected);
    if (expected == "none") {
        QCOMPARE(u64(rig.cpu.rip), handler);
    } else {
        QVERIFY2(rig.cpu == before, "a faulting delivery changed the processor");
        QCOMPARE(bytesAt(rig.mem, rig.stack + 0x2F00, 0x100), stackBefore);
    }
}

// uintr-reference.md §3 ("The handler pops the vector; UIRET then pops RIP, RFLAGS and RSP and sets
// UIF, so a second pending vector is delivered right after it").
void TstInstructions::uiretThenSecondVector() {
    using namespace rflags;
    ReceiveRig rig;
    rig.cpu.msrs.rr = 0x28; // vectors 5 and 3
    rig.cpu.msrs.stackAdjust = 0x80;
    const u64 flags = Reserved1 | IF | TF | CF;
    rig.cpu.rflags = flags;
    const u64 rsp0 = rig.cpu.rsp;

    QVERIFY(rig.cpu.userInterruptRecognized());
    const auto first = rig.cpu.deliver(rig.mem);
    QVERIFY(first.ok());
    QCOMPARE(int(first.value().vector), 5);
    QVERIFY(!rig.cpu.userInterruptRecognized()); // UIF = 0 in the handler

    rig.cpu.rsp += 8; // the handler pops the vector
    QCOMPARE(faultText(rig.cpu.uiret(rig.mem)), QString("none"));
    QCOMPARE(u64(rig.cpu.rip), kUserRip);
    QCOMPARE(u64(rig.cpu.rflags), flags); // TF restored from the frame
    QCOMPARE(u64(rig.cpu.rsp), rsp0);
    QCOMPARE(rig.cpu.uif, true);

    QVERIFY(rig.cpu.userInterruptRecognized());
    const auto second = rig.cpu.deliver(rig.mem);
    QVERIFY(second.ok());
    QCOMPARE(int(second.value().vector), 3);
    QCOMPARE(u64(rig.cpu.msrs.rr), u64(0));
    QCOMPARE(u64(second.value().stackPointer), first.value().stackPointer);
}

// SDM UIRET Operation: "RFLAGS := (RFLAGS & ~254DD5H) | (tempRFLAGS & 254DD5H)": only CF, PF,
// AF, ZF, SF, TF, DF, OF, NT, RF, AC and ID are loaded from the frame; IF, IOPL, VM, VIF, VIP and
// the reserved bits keep their current values (the reference says only "pops RFLAGS").
void TstInstructions::uiretRflags_data() {
    QTest::addColumn<u64>("current");
    QTest::addColumn<u64>("image");
    QTest::addColumn<u64>("expected");

    using namespace rflags;
    const u64 base = Reserved1 | IF;
    const u64 DF = 1u << 10, NT = 1u << 14, AC = 1u << 18, ID = 1u << 21;
    const u64 IOPL3 = 3u << 12, VM = 1u << 17, VIF = 1u << 19, VIP = 1u << 20;
    QTest::newRow("status flags CF PF AF ZF SF OF are loaded")
        << base << (base | CF | PF | AF | ZF | SF | OF) << (base | CF | PF | AF | ZF | SF | OF);
    QTest::newRow("TF DF NT RF AC ID are loaded")
        << base << (base | TF | DF | NT | RF | AC | ID) << (base | TF | DF | NT | RF | AC | ID);
    QTest::newRow("flags set now and clear in the frame are cleared")
        << (base | CF | ZF | DF | AC) << base << base;
    QTest::newRow("IF = 0 in the frame does not clear IF") << base << u64(Reserved1) << base;
    QTest::newRow("IF = 1 in the frame does not set IF")
        << u64(Reserved1) << base << u64(Reserved1);
    QTest::newRow("IOPL = 3 in the frame is not loaded") << base << (base | IOPL3) << base;
    QTest::newRow("VM, VIF, VIP in the frame are not loaded")
        << base << (base | VM | VIF | VIP) << base;
    QTest::newRow("reserved bits 3, 5, 15 in the frame are not loaded")
        << base << (base | 1u << 3 | 1u << 5 | 1u << 15) << base;
    QTest::newRow("bit 1 clear in the frame: still 1") << base << u64(IF) << base;
}

void TstInstructions::uiretRflags() {
    QFETCH(u64, current);
    QFETCH(u64, image);
    QFETCH(u64, expected);

    ReceiveRig rig;
    rig.cpu.uif = false;
    rig.cpu.rflags = current;
    const u64 frame = rig.cpu.rsp;
    QVERIFY(!rig.mem.write64(frame, kUserRip + 0x10));
    QVERIFY(!rig.mem.write64(frame + 8, image));
    QVERIFY(!rig.mem.write64(frame + 16, rig.stack + 0x3100));
    QCOMPARE(faultText(rig.cpu.uiret(rig.mem)), QString("none"));
    QCOMPARE(u64(rig.cpu.rflags), expected);
    QCOMPARE(u64(rig.cpu.rip), kUserRip + 0x10);
    QCOMPARE(u64(rig.cpu.rsp), rig.stack + 0x3100);
    QCOMPARE(rig.cpu.uif, true);
}

// SDM UIRET Operation: "IF tempRIP is not canonical in current paging mode THEN #GP(0)" (the
// fault comes before RIP, RFLAGS, RSP or UIF is loaded). The reference does not mention it.
void TstInstructions::uiretNonCanonicalRip() {
    ReceiveRig rig;
    rig.cpu.uif = false;
    const u64 frame = rig.cpu.rsp;
    QVERIFY(!rig.mem.write64(frame, 0x0000'8000'0000'0000));
    QVERIFY(!rig.mem.write64(frame + 8, rflags::Reserved1 | rflags::IF | rflags::CF));
    QVERIFY(!rig.mem.write64(frame + 16, rig.stack + 0x3100));
    const LogicalProcessor before = rig.cpu;
    const MaybeFault f = rig.cpu.uiret(rig.mem);
    QVERIFY(f.has_value());
    QCOMPARE(QString(QLatin1String(toString(f->kind))), QString("#GP"));
    QVERIFY2(rig.cpu == before, "a faulting UIRET changed the processor");
}

// ------------------------------------------------------------------ XSAVES / XRSTORS (§4)

// uintr-reference.md §1 (component 14, 48 bytes: HANDLER, STACKADJUST, MISC with UIF in bit 63,
// PD, RR, TT) and §4: the quadword at each offset, and the bytes of MISC (little-endian: UITTSZ in
// bytes 16..19, UINV in byte 20, UIF in bit 7 of byte 23).
void TstInstructions::xsavesImageLayout_data() {
    QTest::addColumn<bool>("uif");
    QTest::addColumn<int>("offset");
    QTest::addColumn<u64>("expected");

    // The rig state saved (see xsavesImageLayout): HANDLER 0x401000, STACKADJUST 0x81,
    // UITTSZ 0x1234, UINV 0xEC, PD 0xffff888000100040 (the rig's UPID), RR 0x28, TT 0x...1001.
    QTest::newRow("offset 0: HANDLER") << true << 0 << u64(kHandler);
    QTest::newRow("offset 8: STACKADJUST") << true << 8 << u64(0x81);
    QTest::newRow("offset 16: MISC, UIF = 1 in bit 63") << true << 16 << u64(0x8000'00EC'0000'1234);
    QTest::newRow("offset 16: MISC, UIF = 0") << false << 16 << u64(0x0000'00EC'0000'1234);
    QTest::newRow("offset 24: PD") << true << 24 << u64(0xffff'8880'0010'0000);
    QTest::newRow("offset 32: RR (UIRR)") << true << 32 << u64(0x28);
    QTest::newRow("offset 40: TT with its enable bit") << true << 40 << u64(0xffff'8880'0020'1001);
}

void TstInstructions::xsavesImageLayout() {
    QFETCH(bool, uif);
    QFETCH(int, offset);
    QFETCH(u64, expected);

    ReceiveRig rig;
    QCOMPARE(rig.upid, u64(0xffff'8880'0010'0000)); // first kernel allocation: the region base
    rig.cpu.uif = uif;
    rig.cpu.msrs.stackAdjust = 0x81;
    rig.cpu.msrs.setUittsz(0x1234);
    rig.cpu.msrs.rr = 0x28;
    rig.cpu.msrs.tt = 0xffff'8880'0020'1001;
    QCOMPARE(faultText(rig.cpu.xsaves(rig.mem, rig.area)), QString("none"));
    QCOMPARE(u64(*rig.mem.read64(rig.area + static_cast<u64>(offset))), expected);
    if (offset == 16) {
        const QByteArray misc = bytesAt(rig.mem, rig.area + 16, 8);
        QCOMPARE(misc, QByteArray::fromHex(uif ? "34120000ec000080" : "34120000ec000000"));
    }
    QCOMPARE(bytesAt(rig.mem, rig.area, 48).size(), 48);
}

// uintr-reference.md §4 ("XSAVES ... stores the MSRs and UIF and then clears UINV"): nothing else
// changes, and the image holds the UINV from before the clear.
void TstInstructions::xsavesClearsUinvOnly() {
    ReceiveRig rig;
    rig.cpu.msrs.setUittsz(7);
    rig.cpu.msrs.rr = 0x4;
    LogicalProcessor expected = rig.cpu;
    expected.msrs.setUinv(0);
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area));
    QCOMPARE(int(rig.cpu.msrs.uinv()), 0);
    QCOMPARE(u64(rig.cpu.msrs.uittsz()), u64(7));
    QVERIFY2(rig.cpu == expected, "XSAVES changed more than UINV");
    QCOMPARE(u64(*rig.mem.read64(rig.area + 16)), u64(0x8000'00EC'0000'0007));
    // The notification now goes to the IDT (§6 step 5).
    QVERIFY(!rig.cpu.isUserNotification(kUinv));
}

// uintr-reference.md §4 ("XRSTORS loads them back (UINV included)"): a round trip through another
// task's state restores every MSR and UIF.
void TstInstructions::xsavesXrstorsRoundTrip() {
    ReceiveRig rig;
    rig.cpu.msrs.stackAdjust = 0x80;
    rig.cpu.msrs.setUittsz(3);
    rig.cpu.msrs.rr = 0x8000'0000'0000'0001;
    rig.cpu.msrs.tt = 0xffff'8880'0020'0001;
    const LogicalProcessor saved = rig.cpu;

    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area));
    // Another task runs: all of its state differs, UINV is 0 as after its own XSAVES.
    rig.cpu.uif = false;
    rig.cpu.msrs = UintrMsrs{};
    rig.cpu.msrs.handler = 0x0000'0000'0050'0000;
    rig.cpu.msrs.rr = 0x2;
    QCOMPARE(faultText(rig.cpu.xrstors(rig.mem, rig.area)), QString("none"));
    QCOMPARE(int(rig.cpu.msrs.uinv()), int(kUinv));
    QCOMPARE(rig.cpu.uif, true);
    QVERIFY2(rig.cpu.msrs == saved.msrs, "XRSTORS did not restore every MSR");
    QVERIFY2(rig.cpu == saved, "XRSTORS did not restore the state XSAVES saved");
}

// uintr-reference.md §4 ("it is #GP(0) if UINV is not 0 when it would load the component");
// nothing is loaded.
void TstInstructions::xrstorsUinvNotZero() {
    ReceiveRig rig;
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area));
    rig.cpu.msrs.setUinv(0xEC); // e.g. put back early by the kernel
    rig.cpu.msrs.handler = 0x0000'0000'0060'0000;
    rig.cpu.uif = false;
    const LogicalProcessor before = rig.cpu;
    QCOMPARE(faultText(rig.cpu.xrstors(rig.mem, rig.area)), gpText(FaultReason::UinvNotZero));
    QVERIFY2(rig.cpu == before, "a faulting XRSTORS changed the processor");
}

// uintr-reference.md §4 ("A second XSAVES before the restore saves the already-cleared UINV = 0
// over the good value") and §6 (the storm variant): restoring that image leaves UINV = 0, so every
// later notification goes to the IDT until the kernel puts the vector back.
void TstInstructions::secondXsavesSavesUinvZero() {
    ReceiveRig rig;
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area));
    QCOMPARE(u64(*rig.mem.read64(rig.area + 16) >> 32 & 0xFF), u64(kUinv));
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area2)); // no restore in between
    QCOMPARE(u64(*rig.mem.read64(rig.area2 + 16) >> 32 & 0xFF), u64(0));
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area)); // and over the good image itself
    QCOMPARE(u64(*rig.mem.read64(rig.area + 16) >> 32 & 0xFF), u64(0));
    QVERIFY(!rig.cpu.xrstors(rig.mem, rig.area));
    QCOMPARE(int(rig.cpu.msrs.uinv()), 0);
    QVERIFY(!rig.cpu.isUserNotification(kUinv));
    // The other fields survived both saves.
    QCOMPARE(u64(rig.cpu.msrs.handler), kHandler);
    QCOMPARE(u64(rig.cpu.msrs.pd), rig.upid);
    QCOMPARE(rig.cpu.uif, true);
}

// uintr-reference.md §1 (MISC 63:40 reserved in the MSR, bit 63 = UIF in the image; PD 5:0; TT
// 3:1) and §4; SDM XRSTORS of the UINTR component: #GP(0) on a reserved bit or a non-canonical
// address, as WRMSR would give, and the state is left unchanged.
void TstInstructions::xrstorsImageChecks_data() {
    QTest::addColumn<int>("offset");
    QTest::addColumn<u64>("value");
    QTest::addColumn<QString>("expected");

    const QString reserved = gpText(FaultReason::MsrReservedBits);
    const QString nonCanonical = gpText(FaultReason::NonCanonical);
    QTest::newRow("MISC bit 40 reserved") << 16 << u64(0x0000'01EC'0000'0003) << reserved;
    QTest::newRow("MISC bit 62 reserved") << 16 << u64(0x4000'00EC'0000'0003) << reserved;
    QTest::newRow("MISC bit 63 is UIF: loads") << 16 << u64(0x8000'00EC'0000'0003) << "none";
    QTest::newRow("PD bit 0 reserved") << 24 << u64(0xffff'8880'0010'0001) << reserved;
    QTest::newRow("PD bit 5 reserved") << 24 << u64(0xffff'8880'0010'0020) << reserved;
    QTest::newRow("TT bit 1 reserved") << 40 << u64(0xffff'8880'0020'0003) << reserved;
    QTest::newRow("TT bit 3 reserved") << 40 << u64(0xffff'8880'0020'0009) << reserved;
    QTest::newRow("TT bit 0 allowed") << 40 << u64(0xffff'8880'0020'0001) << "none";
    QTest::newRow("HANDLER non-canonical") << 0 << u64(0x0000'8000'0000'0000) << nonCanonical;
    QTest::newRow("STACKADJUST non-canonical") << 8 << u64(0xffff'7fff'ffff'fff1) << nonCanonical;
    QTest::newRow("PD non-canonical") << 24 << u64(0x0000'8000'0000'0040) << nonCanonical;
    QTest::newRow("TT non-canonical") << 40 << u64(0x0000'8000'0000'0001) << nonCanonical;
    QTest::newRow("RR: any value") << 32 << u64(~0ULL) << "none";
}

void TstInstructions::xrstorsImageChecks() {
    QFETCH(int, offset);
    QFETCH(u64, value);
    QFETCH(QString, expected);

    ReceiveRig rig;
    QVERIFY(!rig.cpu.xsaves(rig.mem, rig.area));
    QVERIFY(!rig.mem.write64(rig.area + static_cast<u64>(offset), value));
    rig.cpu.uif = false;
    rig.cpu.msrs.handler = 0x0000'0000'0060'0000;
    const LogicalProcessor before = rig.cpu;
    QCOMPARE(faultText(rig.cpu.xrstors(rig.mem, rig.area)), expected);
    if (expected == "none") {
        QCOMPARE(u64(*rig.cpu.msrs.read(offset == 0    ? msr::IA32_UINTR_HANDLER
                                        : offset == 8  ? msr::IA32_UINTR_STACKADJUST
                                        : offset == 16 ? msr::IA32_UINTR_MISC
                                        : offset == 24 ? msr::IA32_UINTR_PD
                                        : offset == 32 ? msr::IA32_UINTR_RR
                                                       : msr::IA32_UINTR_TT)),
                 offset == 16 ? value & ~(u64(1) << 63) : value);
        QCOMPARE(rig.cpu.uif, offset == 16 ? (value >> 63) != 0 : true);
        QCOMPARE(u64(rig.cpu.msrs.handler), kHandler);
    } else {
        QVERIFY2(rig.cpu == before, "a faulting XRSTORS changed the processor");
    }
}

QTEST_APPLESS_MAIN(TstInstructions)
#include "tst_instructions.moc"
