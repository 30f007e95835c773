// The UINTR data structures in memory: the UPID and the UITT entry (uintr-reference.md §1; SDM
// vol. 3 "User Posted-Interrupt Descriptor" and "User-Interrupt Target Table"). Every expected
// value below is derived from the bit tables of §1 and from x86 being little-endian (byte 0 of a
// quadword holds bits 7:0), never read back from the implementation.
#include "FaultText.h"
#include "arch/Fault.h"
#include "arch/PhysicalMemory.h"
#include "arch/UittEntry.h"
#include "arch/Upid.h"

#include <QByteArray>
#include <QObject>
#include <QTest>
#include <array>
#include <cstdint>

using namespace uintr::arch;

Q_DECLARE_METATYPE(uintr::arch::ApicMode)

namespace {

using u64 = quint64;

using namespace uintr::arch::testing;

template <std::size_t N> QByteArray bytesOf(const std::array<std::uint8_t, N>& a) {
    return QByteArray(reinterpret_cast<const char*>(a.data()), static_cast<qsizetype>(N));
}
std::array<std::uint8_t, 16> arrayOf(const QByteArray& b) {
    std::array<std::uint8_t, 16> a{};
    for (int i = 0; i < 16; ++i)
        a[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(b[i]);
    return a;
}

} // namespace

class TstUpidUitt : public QObject {
    Q_OBJECT

  private slots:
    // ---------------------------------------------------------------- UPID
    void upidFieldDecode_data();
    void upidFieldDecode();
    void upidSetterPreservesOtherFields_data();
    void upidSetterPreservesOtherFields();
    void upidByteEncoding_data();
    void upidByteEncoding();
    void upidDecodeRoundTrip_data();
    void upidDecodeRoundTrip();
    void ndstApicModes_data();
    void ndstApicModes();
    void upidLoadStore();
    void upidUnmapped_data();
    void upidUnmapped();

    // ---------------------------------------------------------------- UITT entry
    void uittFieldDecode_data();
    void uittFieldDecode();
    void uittCheck_data();
    void uittCheck();
    void uittCheckEveryMisalignment();
    void uittByteEncoding_data();
    void uittByteEncoding();
    void uittLoadStore();
    void uittUnmapped_data();
    void uittUnmapped();
};

// uintr-reference.md §1 UPID table (ON bit 0, SN bit 1, reserved 15:2, NV 23:16, reserved 31:24,
// NDST 63:32, PIR 127:64); SDM "User Posted-Interrupt Descriptor (UPID)".
void TstUpidUitt::upidFieldDecode_data() {
    QTest::addColumn<u64>("word0");
    QTest::addColumn<bool>("on");
    QTest::addColumn<bool>("sn");
    QTest::addColumn<int>("nv");
    QTest::addColumn<u64>("ndst");
    QTest::addColumn<bool>("reserved");

    QTest::newRow("all zero: nothing set") << u64(0) << false << false << 0 << u64(0) << false;
    QTest::newRow("bit 0 alone is ON") << u64(0x1) << true << false << 0 << u64(0) << false;
    QTest::newRow("bit 1 alone is SN") << u64(0x2) << false << true << 0 << u64(0) << false;
    QTest::newRow("NV = 255: bits 23:16 all set")
        << u64(0x0000'0000'00FF'0000) << false << false << 255 << u64(0) << false;
    QTest::newRow("NV = 1: bit 16 is NV's lowest bit")
        << u64(0x0000'0000'0001'0000) << false << false << 1 << u64(0) << false;
    QTest::newRow("NV = 0xEC: the RFC notification vector")
        << u64(0x0000'0000'00EC'0000) << false << false << 0xEC << u64(0) << false;
    QTest::newRow("NDST = 0xFFFFFFFF: bits 63:32 all set")
        << u64(0xFFFF'FFFF'0000'0000) << false << false << 0 << u64(0xFFFF'FFFF) << false;
    QTest::newRow("NDST = 1: bit 32 is NDST's lowest bit")
        << u64(0x0000'0001'0000'0000) << false << false << 0 << u64(1) << false;
    QTest::newRow("reserved bit 2 (lowest of 15:2)")
        << u64(0x4) << false << false << 0 << u64(0) << true;
    QTest::newRow("reserved bit 7 (the later kernels' software 'blocked' bit)")
        << u64(0x80) << false << false << 0 << u64(0) << true;
    QTest::newRow("reserved bit 15 (highest of 15:2)")
        << u64(0x8000) << false << false << 0 << u64(0) << true;
    QTest::newRow("reserved bit 24 (lowest of 31:24)")
        << u64(0x0100'0000) << false << false << 0 << u64(0) << true;
    QTest::newRow("reserved bit 31 (highest of 31:24)")
        << u64(0x8000'0000) << false << false << 0 << u64(0) << true;
    QTest::newRow("every non-reserved bit set: ON SN NV=255 NDST=~0, not reserved")
        << u64(0xFFFF'FFFF'00FF'0003) << true << true << 255 << u64(0xFFFF'FFFF) << false;
}

void TstUpidUitt::upidFieldDecode() {
    QFETCH(u64, word0);
    QFETCH(bool, on);
    QFETCH(bool, sn);
    QFETCH(int, nv);
    QFETCH(u64, ndst);
    QFETCH(bool, reserved);

    const Upid u{word0, 0};
    QCOMPARE(u.on(), on);
    QCOMPARE(u.sn(), sn);
    QCOMPARE(int(u.nv()), nv);
    QCOMPARE(u64(u.ndst()), ndst);
    QCOMPARE(u.hasReservedBits(), reserved);
}

// uintr-reference.md §1 UPID table: each field occupies only its own bits, so writing one field
// must leave every other bit of the descriptor as it was.
void TstUpidUitt::upidSetterPreservesOtherFields_data() {
    QTest::addColumn<u64>("start");
    QTest::addColumn<QString>("field");
    QTest::addColumn<u64>("value");
    QTest::addColumn<u64>("expected");

    const u64 full = 0xFFFF'FFFF'00FF'0003; // ON, SN, NV = 0xFF, NDST = 0xFFFFFFFF
    QTest::newRow("clear ON keeps SN, NV, NDST")
        << full << "on" << u64(0) << u64(0xFFFF'FFFF'00FF'0002);
    QTest::newRow("set ON from zero sets bit 0 only") << u64(0) << "on" << u64(1) << u64(0x1);
    QTest::newRow("clear SN keeps ON, NV, NDST")
        << full << "sn" << u64(0) << u64(0xFFFF'FFFF'00FF'0001);
    QTest::newRow("set SN from zero sets bit 1 only") << u64(0) << "sn" << u64(1) << u64(0x2);
    QTest::newRow("NV = 0 clears bits 23:16 only")
        << full << "nv" << u64(0) << u64(0xFFFF'FFFF'0000'0003);
    QTest::newRow("NV = 0xEB into an empty UPID")
        << u64(0) << "nv" << u64(0xEB) << u64(0x0000'0000'00EB'0000);
    QTest::newRow("NDST = 0 clears bits 63:32 only")
        << full << "ndst" << u64(0) << u64(0x0000'0000'00FF'0003);
    QTest::newRow("NDST = 0x12345678 lands in bits 63:32")
        << u64(0x3) << "ndst" << u64(0x1234'5678) << u64(0x1234'5678'0000'0003);
}

void TstUpidUitt::upidSetterPreservesOtherFields() {
    QFETCH(u64, start);
    QFETCH(QString, field);
    QFETCH(u64, value);
    QFETCH(u64, expected);

    Upid u{start, 0x8000'0000'0000'0001};
    if (field == "on")
        u.setOn(value != 0);
    else if (field == "sn")
        u.setSn(value != 0);
    else if (field == "nv")
        u.setNv(static_cast<std::uint8_t>(value));
    else if (field == "ndst")
        u.setNdst(static_cast<std::uint32_t>(value));
    else
        QFAIL("unknown field");
    QCOMPARE(u64(u.word0), expected);
    QCOMPARE(u64(u.pir), u64(0x8000'0000'0000'0001)); // PIR untouched by word-0 setters
}

// uintr-reference.md §1 UPID table read as 16 little-endian bytes: byte 0 = ON/SN, byte 1 =
// reserved 15:8, byte 2 = NV, byte 3 = reserved 31:24, bytes 4..7 = NDST (low byte first),
// bytes 8..15 = PIR (vector 0 in byte 8 bit 0, vector 63 in byte 15 bit 7).
void TstUpidUitt::upidByteEncoding_data() {
    QTest::addColumn<u64>("word0");
    QTest::addColumn<u64>("pir");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("ON is byte 0 bit 0")
        << u64(0x1) << u64(0) << QByteArray::fromHex("01000000000000000000000000000000");
    QTest::newRow("SN is byte 0 bit 1")
        << u64(0x2) << u64(0) << QByteArray::fromHex("02000000000000000000000000000000");
    QTest::newRow("NV 0xEC is byte 2")
        << u64(0x00EC'0000) << u64(0) << QByteArray::fromHex("0000ec00000000000000000000000000");
    QTest::newRow("NDST 0x11223344 is bytes 4..7, low byte first")
        << u64(0x1122'3344'0000'0000) << u64(0)
        << QByteArray::fromHex("00000000443322110000000000000000");
    QTest::newRow("xAPIC ID 0x5A (bits 47:40) is byte 5")
        << u64(0x0000'5A00'0000'0000) << u64(0)
        << QByteArray::fromHex("00000000005a00000000000000000000");
    QTest::newRow("PIR bit 0 is byte 8 bit 0")
        << u64(0) << u64(0x1) << QByteArray::fromHex("00000000000000000100000000000000");
    QTest::newRow("PIR bit 63 is byte 15 bit 7")
        << u64(0) << u64(0x8000'0000'0000'0000)
        << QByteArray::fromHex("00000000000000000000000000000080");
    QTest::newRow("reserved bits 15:2 and 31:24 are bytes 0, 1 and 3")
        << u64(0xFF00'FFFC) << u64(0) << QByteArray::fromHex("fcff00ff000000000000000000000000");
    QTest::newRow("every field at once") << u64(0xFFFF'FFFF'00FF'0003) << u64(0xFFFF'FFFF'FFFF'FFFF)
                                         << QByteArray::fromHex("0300ff00ffffffffffffffffffffffff");
}

void TstUpidUitt::upidByteEncoding() {
    QFETCH(u64, word0);
    QFETCH(u64, pir);
    QFETCH(QByteArray, bytes);

    const Upid u{word0, pir};
    QCOMPARE(bytesOf(u.encode()), bytes);
    // Decoding the same 16 bytes gives the descriptor back.
    const Upid back = Upid::decode(arrayOf(bytes));
    QCOMPARE(u64(back.word0), word0);
    QCOMPARE(u64(back.pir), pir);
}

// uintr-reference.md §1: decode then encode of raw bytes is the identity (also for reserved bits,
// which the descriptor must carry so that SENDUIPI can see them, §2.4).
void TstUpidUitt::upidDecodeRoundTrip_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("on");
    QTest::addColumn<bool>("sn");
    QTest::addColumn<int>("nv");
    QTest::addColumn<u64>("ndst");
    QTest::addColumn<u64>("pir");

    QTest::newRow("RFC receiver: NV 0xEC, x2APIC NDST 3, PIR vector 5")
        << QByteArray::fromHex("0000ec00030000002000000000000000") << false << false << 0xEC
        << u64(3) << u64(0x20);
    QTest::newRow("switched out with a post waiting: ON SN, PIR vectors 0 and 63")
        << QByteArray::fromHex("0300ec00070000000100000000000080") << true << true << 0xEC << u64(7)
        << u64(0x8000'0000'0000'0001);
    QTest::newRow("waiting in uintr_wait: NV 0xEB, xAPIC NDST 0x0200")
        << QByteArray::fromHex("0000eb00000200000000000000000000") << false << false << 0xEB
        << u64(0x0200) << u64(0);
    QTest::newRow("byte 1 = 0x80 is reserved bit 15, carried through")
        << QByteArray::fromHex("0080ec00010000000000000000000000") << false << false << 0xEC
        << u64(1) << u64(0);
}

void TstUpidUitt::upidDecodeRoundTrip() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, on);
    QFETCH(bool, sn);
    QFETCH(int, nv);
    QFETCH(u64, ndst);
    QFETCH(u64, pir);

    const Upid u = Upid::decode(arrayOf(bytes));
    QCOMPARE(u.on(), on);
    QCOMPARE(u.sn(), sn);
    QCOMPARE(int(u.nv()), nv);
    QCOMPARE(u64(u.ndst()), ndst);
    QCOMPARE(u64(u.pir), pir);
    QCOMPARE(bytesOf(u.encode()), bytes);
}

// uintr-reference.md §1 (NDST: x2APIC all 32 bits; xAPIC the ID in bits 47:40 = NDST bits 15:8);
// SDM SENDUIPI Operation ("8-bit physical APIC ID tempUPID.NDST[15:8]").
void TstUpidUitt::ndstApicModes_data() {
    QTest::addColumn<ApicMode>("mode");
    QTest::addColumn<u64>("apicId");
    QTest::addColumn<u64>("ndst");
    QTest::addColumn<u64>("word0Bits47to40");

    QTest::newRow("xAPIC ID 0 -> NDST 0") << ApicMode::XApic << u64(0) << u64(0) << u64(0);
    QTest::newRow("xAPIC ID 1 -> NDST 0x100 (bit 40 of the UPID)")
        << ApicMode::XApic << u64(1) << u64(0x100) << u64(1);
    QTest::newRow("xAPIC ID 0xFF -> NDST 0xFF00")
        << ApicMode::XApic << u64(0xFF) << u64(0xFF00) << u64(0xFF);
    QTest::newRow("x2APIC ID 0 -> NDST 0") << ApicMode::X2Apic << u64(0) << u64(0) << u64(0);
    QTest::newRow("x2APIC ID 0x100 -> NDST 0x100, not shifted")
        << ApicMode::X2Apic << u64(0x100) << u64(0x100) << u64(0x01);
    QTest::newRow("x2APIC ID 0xFFFFFFFF -> NDST 0xFFFFFFFF")
        << ApicMode::X2Apic << u64(0xFFFF'FFFF) << u64(0xFFFF'FFFF) << u64(0xFF);
}

void TstUpidUitt::ndstApicModes() {
    QFETCH(ApicMode, mode);
    QFETCH(u64, apicId);
    QFETCH(u64, ndst);
    QFETCH(u64, word0Bits47to40);

    const auto encoded = Upid::encodeNdst(static_cast<std::uint32_t>(apicId), mode);
    QCOMPARE(u64(encoded), ndst);
    QCOMPARE(u64(Upid::apicIdFromNdst(encoded, mode)), apicId);
    Upid u;
    u.setNdst(encoded);
    QCOMPARE(u64((u.word0 >> 40) & 0xFF), word0Bits47to40);
    if (mode == ApicMode::XApic) {
        // In xAPIC form only NDST bits 15:8 name the target: the other 24 bits are ignored.
        QCOMPARE(u64(Upid::apicIdFromNdst(static_cast<std::uint32_t>(ndst) | 0xFFFF'00FFu, mode)),
                 apicId);
    }
}

// uintr-reference.md §1 (the UPID lives in memory, 16 bytes, 64-byte aligned by the RFC):
// store() writes the 16 little-endian bytes at the address, load() reads them back.
void TstUpidUitt::upidLoadStore() {
    PhysicalMemory mem;
    const auto a = mem.allocate(PhysicalMemory::Region::Kernel, Upid::kSize, Upid::kAlignment);
    const auto b = mem.allocate(PhysicalMemory::Region::Kernel, Upid::kSize, Upid::kAlignment);
    QCOMPARE(a % 64, u64(0));
    QCOMPARE(b % 64, u64(0));
    QVERIFY(b >= a + 16);

    Upid u;
    u.setNv(0xEC);
    u.setNdst(Upid::encodeNdst(0x2A, ApicMode::XApic));
    u.setSn(true);
    u.pir = 0x8000'0000'0000'0010;
    QVERIFY(!u.store(mem, a));
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(mem.readBytes(a, 16).data()), 16),
             QByteArray::fromHex("0200ec00002a00001000000000000080"));
    const auto back = Upid::load(mem, a);
    QVERIFY(back.has_value());
    QCOMPARE(u64(back->word0), u64(u.word0));
    QCOMPARE(u64(back->pir), u64(u.pir));
    // The neighbouring descriptor was not touched.
    QCOMPARE(u64(Upid::load(mem, b)->word0), u64(0));
    QCOMPARE(u64(Upid::load(mem, b)->pir), u64(0));
}

// A UPID address outside simulated memory: load gives nothing, store faults (#PF, unmapped),
// also when only the second quadword (PIR) would fall outside.
void TstUpidUitt::upidUnmapped_data() {
    QTest::addColumn<int>("where");
    QTest::newRow("address 0") << 0;
    QTest::newRow("non-canonical address 0x0000800000000000") << 1;
    QTest::newRow("word 0 mapped, PIR past the end of the region") << 2;
}

void TstUpidUitt::upidUnmapped() {
    QFETCH(int, where);
    PhysicalMemory mem;
    const auto base = mem.allocate(PhysicalMemory::Region::Kernel, 16, 64);
    const u64 address = where == 0 ? 0 : where == 1 ? u64(0x0000'8000'0000'0000) : base + 8;
    QVERIFY(!Upid::load(mem, address).has_value());
    const Upid u{0x1, 0x1};
    const MaybeFault f = u.store(mem, address);
    QCOMPARE(faultText(f), QString("#PF unmapped_address"));
    if (where == 2) {
        // The descriptor straddling the end never reaches the quadword before it.
        QCOMPARE(u64(*mem.read64(base)), u64(0));
    }
}

// uintr-reference.md §1 UITT table (V bit 0, UV bits 15:8, UPIDADDR bits 127:64).
void TstUpidUitt::uittFieldDecode_data() {
    QTest::addColumn<u64>("word0");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("uv");

    QTest::newRow("zero entry: not valid, UV 0") << u64(0) << false << 0;
    QTest::newRow("bit 0 is V") << u64(0x1) << true << 0;
    QTest::newRow("UV 63 is bits 15:8 = 0x3F") << u64(0x3F01) << true << 63;
    QTest::newRow("UV field read whole: 0xFF") << u64(0xFF01) << true << 255;
    QTest::newRow("UV 5 without V") << u64(0x0500) << false << 5;
}

void TstUpidUitt::uittFieldDecode() {
    QFETCH(u64, word0);
    QFETCH(bool, valid);
    QFETCH(int, uv);
    const UittEntry e{word0, 0};
    QCOMPARE(e.valid(), valid);
    QCOMPARE(int(e.uv()), uv);
}

// uintr-reference.md §2.3; SDM SENDUIPI Operation ("IF tempUITTE.V = 0 or tempUITTE sets any
// reserved bit THEN #GP(0)"): V = 0, bits 7:1, bits 63:16, UV >= 64 (bits 15:14), UPIDADDR not
// 64-byte aligned (bits 69:64). The SDM checks them in one condition, so where two hold at once
// only the #GP itself is asserted (reason "*").
void TstUpidUitt::uittCheck_data() {
    QTest::addColumn<u64>("word0");
    QTest::addColumn<u64>("upidAddr");
    QTest::addColumn<QString>("expected");

    const u64 aligned = 0xffff'8880'0010'0040;
    QTest::newRow("valid, UV 0, aligned: no fault") << u64(0x0001) << aligned << "none";
    QTest::newRow("valid, UV 63 (highest user vector): no fault")
        << u64(0x3F01) << aligned << "none";
    QTest::newRow("UPIDADDR 0 is 64-byte aligned: no fault") << u64(0x0101) << u64(0) << "none";
    QTest::newRow("V = 0") << u64(0x0000) << aligned << gpText(FaultReason::UittEntryInvalid);
    QTest::newRow("V = 0 with UV 5 and a good address")
        << u64(0x0500) << aligned << gpText(FaultReason::UittEntryInvalid);
    QTest::newRow("reserved bit 1 (lowest of 7:1)")
        << u64(0x0003) << aligned << gpText(FaultReason::UittReservedBits);
    QTest::newRow("reserved bit 7 (highest of 7:1)")
        << u64(0x0081) << aligned << gpText(FaultReason::UittReservedBits);
    QTest::newRow("reserved bit 16 (lowest of 63:16)")
        << u64(0x0001'0001) << aligned << gpText(FaultReason::UittReservedBits);
    QTest::newRow("reserved bit 63 (highest of 63:16)")
        << u64(0x8000'0000'0000'0001) << aligned << gpText(FaultReason::UittReservedBits);
    QTest::newRow("UV 64: bit 14 set")
        << u64(0x4001) << aligned << gpText(FaultReason::UittVectorReserved);
    QTest::newRow("UV 128: bit 15 set")
        << u64(0x8001) << aligned << gpText(FaultReason::UittVectorReserved);
    QTest::newRow("UV 255") << u64(0xFF01) << aligned << gpText(FaultReason::UittVectorReserved);
    QTest::newRow("UPIDADDR misaligned by 1")
        << u64(0x0101) << aligned + 1 << gpText(FaultReason::UpidAddrMisaligned);
    QTest::newRow("UPIDADDR misaligned by 16 (a 16-byte-aligned UPID is not enough)")
        << u64(0x0101) << aligned + 16 << gpText(FaultReason::UpidAddrMisaligned);
    QTest::newRow("UPIDADDR misaligned by 32")
        << u64(0x0101) << aligned + 32 << gpText(FaultReason::UpidAddrMisaligned);
    QTest::newRow("UPIDADDR misaligned by 63")
        << u64(0x0101) << aligned + 63 << gpText(FaultReason::UpidAddrMisaligned);
    QTest::newRow("UPIDADDR + 64 is aligned again") << u64(0x0101) << aligned + 64 << "none";
    QTest::newRow("V = 0 and misaligned: #GP") << u64(0x0100) << aligned + 8 << "#GP *";
    QTest::newRow("UV 64 and bit 1: #GP") << u64(0x4003) << aligned << "#GP *";
}

void TstUpidUitt::uittCheck() {
    QFETCH(u64, word0);
    QFETCH(u64, upidAddr);
    QFETCH(QString, expected);
    const MaybeFault f = UittEntry{word0, upidAddr}.check();
    if (expected.endsWith(" *")) {
        QVERIFY(f.has_value());
        QCOMPARE(QString(QLatin1String(toString(f->kind))), expected.chopped(2));
    } else {
        QCOMPARE(faultText(f), expected);
    }
}

// uintr-reference.md §1 UITT (UPIDADDR bits 69:64 must be 0): every offset 1..63 faults, 0 does
// not.
void TstUpidUitt::uittCheckEveryMisalignment() {
    const u64 base = 0x0000'7ffd'0000'1000;
    QCOMPARE(faultText(UittEntry::make(7, base).check()), QString("none"));
    for (u64 k = 1; k < 64; ++k) {
        const MaybeFault f = UittEntry::make(7, base + k).check();
        if (faultText(f) != gpText(FaultReason::UpidAddrMisaligned))
            QFAIL(qPrintable(QStringLiteral("offset %1: %2").arg(k).arg(faultText(f))));
    }
}

// uintr-reference.md §1 UITT table as 16 little-endian bytes: byte 0 = V and reserved 7:1,
// byte 1 = UV, bytes 2..7 reserved, bytes 8..15 = UPIDADDR (low byte first).
void TstUpidUitt::uittByteEncoding_data() {
    QTest::addColumn<int>("uv");
    QTest::addColumn<u64>("upidAddr");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("make(0, 0): only V")
        << 0 << u64(0) << QByteArray::fromHex("01000000000000000000000000000000");
    QTest::newRow("make(63, kernel UPID): UV in byte 1, address bytes 8..15")
        << 63 << u64(0xffff'8880'0010'0040)
        << QByteArray::fromHex("013f000000000000400010008088ffff");
    QTest::newRow("make(5, user address)")
        << 5 << u64(0x0000'7ffd'1234'5680)
        << QByteArray::fromHex("010500000000000080563412fd7f0000");
}

void TstUpidUitt::uittByteEncoding() {
    QFETCH(int, uv);
    QFETCH(u64, upidAddr);
    QFETCH(QByteArray, bytes);

    const UittEntry e = UittEntry::make(static_cast<std::uint8_t>(uv), upidAddr);
    QCOMPARE(u64(e.word0), u64(1) | (u64(uv) << 8));
    QCOMPARE(u64(e.upidAddr), upidAddr);
    QCOMPARE(bytesOf(e.encode()), bytes);
    const UittEntry back = UittEntry::decode(arrayOf(bytes));
    QVERIFY(back == e);
}

// uintr-reference.md §2.3 (the entry is read from memory at (TT & ~0xF) + 16 * reg): entries
// stored side by side do not overlap, and load() gives each back.
void TstUpidUitt::uittLoadStore() {
    PhysicalMemory mem;
    const auto table = mem.allocate(PhysicalMemory::Region::Kernel, 3 * UittEntry::kSize, 16);
    const UittEntry e0 = UittEntry::make(1, 0xffff'8880'0010'1000);
    const UittEntry e1 = UittEntry::make(62, 0xffff'8880'0010'1040);
    const UittEntry e2{0x8000'0000'0000'00FE, 0x3F}; // garbage: stored as is, check() rejects it
    QVERIFY(!e0.store(mem, table));
    QVERIFY(!e1.store(mem, table + 16));
    QVERIFY(!e2.store(mem, table + 32));
    QCOMPARE(u64(*mem.read64(table + 16)), u64(0x3E01));
    QCOMPARE(u64(*mem.read64(table + 24)), u64(0xffff'8880'0010'1040));
    QVERIFY(UittEntry::load(mem, table) == e0);
    QVERIFY(UittEntry::load(mem, table + 16) == e1);
    QVERIFY(UittEntry::load(mem, table + 32) == e2);
}

void TstUpidUitt::uittUnmapped_data() {
    QTest::addColumn<int>("where");
    QTest::newRow("address 0") << 0;
    QTest::newRow("just below the kernel region") << 1;
    QTest::newRow("UPIDADDR half past the end of the region") << 2;
}

void TstUpidUitt::uittUnmapped() {
    QFETCH(int, where);
    PhysicalMemory mem;
    const auto base = mem.allocate(PhysicalMemory::Region::Kernel, 16, 16);
    const u64 address = where == 0 ? 0 : where == 1 ? base - 16 : base + 8;
    QVERIFY(!UittEntry::load(mem, address).has_value());
    QCOMPARE(faultText(UittEntry::make(1, 0).store(mem, address)), QString("#PF unmapped_address"));
}

QTEST_APPLESS_MAIN(TstUpidUitt)
#include "tst_upid_uitt.moc"
