// The kernel variants of scenario-format.md on the same scenarios: rfc-v1 (the RFC,
// uintr-reference.md §5), no-sn (switch-out leaves UPID.SN clear), misc-restore-bug (a second
// XSAVES saves UINV = 0 and nothing puts it back, §4: the "storm") and reviewed (where these
// files reach none of its fixes). Each row's outcome is worked out from those rules in the
// comment above its group; the scenarios are the files in scenarios/ with only kernel.variant
// changed. What only reviewed changes is in tst_kernel_paths.
#include "ScenarioBuilder.h"
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"
#include "sim/Recording.h"

#include <QObject>
#include <QTest>
#include <algorithm>

using namespace uintr;
using namespace uintr::test;
using model::EventKind;

Q_DECLARE_METATYPE(uintr::scenario::KernelVariant)

namespace {

using KV = scenario::KernelVariant;
using Times = QList<qint64>;
using Counts = QList<int>;

const char* name(KV v) {
    return scenario::toString(v);
}

scenario::Scenario withVariant(const std::string& file, KV v) {
    auto sc = loadScenario(file);
    sc.kernel.variant = v;
    sc.expect.reset(); // the file's expectations are for its own variant
    return sc;
}

arch::Upid upidOf(const sim::Simulation& s, int task) {
    const auto& m = s.state();
    return arch::Upid::load(m.memory, m.tasks[static_cast<std::size_t>(task)].upid).value();
}

// The no-sn hazard beyond a wasted IPI: the stale NDST names a CPU that now runs another
// receiver, whose UINV matches, so the hardware processes the notification into *that*
// receiver's UPID (IA32_UINTR_PD). rx on CPU 0 until 500, then rx2 there; the sender posts to
// rx at 1000 and 1500; rx comes back on CPU 0 at 2000.
scenario::Scenario otherReceiverOnStaleCpu(KV v) {
    ScenarioBuilder b;
    b.variant(v).task("rx", true).task("rx2", true).task("sender");
    b.connect("sender", "rx", 3, 0);
    b.run(0, 0, "rx").run(0, 1, "sender").run(500, 0, "rx2");
    b.send(1000, "sender").send(1500, "sender").run(2000, 0, "rx");
    return b.build();
}

} // namespace

class TestKernelVariants : public QObject {
    Q_OBJECT
  private slots:
    void outcome_data();
    void outcome();
    void snAtSwitchOut_data();
    void snAtSwitchOut();
    void uinvAcrossSwitch_data();
    void uinvAcrossSwitch();
    void staleNdst_data();
    void staleNdst();
    void otherReceiverOnStaleCpu_data();
    void otherReceiverOnStaleCpu();
    void storm_data();
    void storm();
};

// Delivered and spurious times, IPIs sent by SENDUIPI, the UIS line and what is left in PIR.
// Since issue 9 (scenario-format.md "Time and order", "The way back to user space"): the self-IPI
// of switch_uintr_return takes machine.self_ipi_latency_ns (default 0: taken at the return), the
// kernel's IDT handler runs kernel.irq_ns (100), and every return to user space runs
// switch_uintr_return, so under misc-restore-bug a spurious notification on the receiver's CPU
// is followed by another one every irq_ns: a storm until the horizon (largest `at` + 100 us).
// `storm`: {cpu, first spurious of the storm}; the storm's spurious notifications come on top
// of the `spurious` and `uis` listed.
struct Storm {
    int cpu = -1;
    qint64 from = -1;
};
Q_DECLARE_METATYPE(Storm)

void TestKernelVariants::outcome_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<KV>("variant");
    QTest::addColumn<Times>("delivered");
    QTest::addColumn<Times>("spurious");
    QTest::addColumn<int>("ipisSent");
    QTest::addColumn<Counts>("uis");
    QTest::addColumn<quint64>("pendingPir"); // of task 0, the receiver
    QTest::addColumn<Storm>("storm");

    const quint64 bit3 = 1u << 3;
    const Storm none;
    // seed-race: send 1000 (SN = 0: IPI), out 1100, IPI lands 1300 (UINV 0: spurious), in 3000,
    // self-IPI taken at 3000: delivered. no-sn: SN was irrelevant, the IPI was already in
    // flight. misc: UINV is 0 after the switch-in, so the self-IPI is spurious too (3000), and
    // after each IDT handler the way back sends it again: storm on CPU 0 from 3000.
    QTest::newRow("seed-race rfc-v1") << "seed-race.json" << KV::RfcV1 << Times{3000} << Times{1300}
                                      << 1 << Counts{1, 0} << quint64(0) << none;
    QTest::newRow("seed-race no-sn") << "seed-race.json" << KV::NoSn << Times{3000} << Times{1300}
                                     << 1 << Counts{1, 0} << quint64(0) << none;
    QTest::newRow("seed-race misc-restore-bug")
        << "seed-race.json" << KV::MiscRestoreBug << Times{} << Times{1300} << 1 << Counts{1, 0}
        << bit3 << Storm{0, 3000};
    // reviewer-offcpu-send: out 500, send 1000, in 2000. rfc-v1: SN set: no IPI, self-IPI at
    // 2000 delivered. no-sn: SN clear: IPI to NDST 0, spurious at 1300, still delivered at
    // 2000. misc: no IPI (SN), but the self-IPI at 2000 meets UINV = 0: storm from 2000.
    QTest::newRow("reviewer rfc-v1") << "reviewer-offcpu-send.json" << KV::RfcV1 << Times{2000}
                                     << Times{} << 0 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("reviewer no-sn") << "reviewer-offcpu-send.json" << KV::NoSn << Times{2000}
                                    << Times{1300} << 1 << Counts{1, 0} << quint64(0) << none;
    QTest::newRow("reviewer misc-restore-bug")
        << "reviewer-offcpu-send.json" << KV::MiscRestoreBug << Times{} << Times{} << 0
        << Counts{0, 0} << bit3 << Storm{0, 2000};
    // variant-misc-restore-bug: out 500, in 1000, sends at 2000 and 2500 while the receiver
    // runs, out 3000, in 3500. rfc-v1 and no-sn: both sends notify (ON was cleared at 2300 by
    // processing; the UIRET at 2500 comes before the send of 2500): delivered 2300 and 2800.
    // misc: 2300 spurious, and every irq_ns after it (2400..3000) while the receiver stays;
    // ON stays set so 2500 sends nothing; the switch-out of 3000 waits for the IDT handler of
    // 3000 (in_irq), the storm pauses, and starts again at the switch-in of 3500.
    QTest::newRow("misc scenario rfc-v1")
        << "variant-misc-restore-bug.json" << KV::RfcV1 << Times{2300, 2800} << Times{} << 2
        << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("misc scenario no-sn")
        << "variant-misc-restore-bug.json" << KV::NoSn << Times{2300, 2800} << Times{} << 2
        << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("misc scenario misc-restore-bug")
        << "variant-misc-restore-bug.json" << KV::MiscRestoreBug << Times{}
        << Times{2300, 2400, 2500, 2600, 2700, 2800, 2900, 3000} << 1 << Counts{8, 0} << bit3
        << Storm{0, 3500};
    // uintr-wait-wakeup: wait 500, send 1000 (0xEB) lands 1300, the 0xEB handler returns at
    // 1400 and the woken task is switched in then (scenario-format.md "Time and order"):
    // self-IPI delivered at 1400. misc: the wait's switch-out double-saved UINV = 0, so the
    // self-IPI is spurious: storm from 1400.
    QTest::newRow("uintr_wait rfc-v1") << "uintr-wait-wakeup.json" << KV::RfcV1 << Times{1400}
                                       << Times{} << 1 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("uintr_wait no-sn") << "uintr-wait-wakeup.json" << KV::NoSn << Times{1400}
                                      << Times{} << 1 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("uintr_wait misc-restore-bug")
        << "uintr-wait-wakeup.json" << KV::MiscRestoreBug << Times{} << Times{} << 1 << Counts{0, 0}
        << bit3 << Storm{0, 1400};
    // switch-after-arrival: delivered at 1300 before the switch-out; PIR is empty at the
    // switch-in, so no notification is needed and the lost UINV of misc does no harm (yet).
    QTest::newRow("after arrival rfc-v1") << "switch-after-arrival.json" << KV::RfcV1 << Times{1300}
                                          << Times{} << 1 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("after arrival no-sn") << "switch-after-arrival.json" << KV::NoSn << Times{1300}
                                         << Times{} << 1 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("after arrival misc-restore-bug")
        << "switch-after-arrival.json" << KV::MiscRestoreBug << Times{1300} << Times{} << 1
        << Counts{0, 0} << quint64(0) << none;
    // migration-in-flight (3 CPUs): IPI lands on CPU 0 at 1300 (spurious); on CPU 2 the self-IPI
    // of 1200 is taken at once; the send at 2000 follows NDST = CPU 2. misc: the self-IPI on
    // CPU 2 is spurious: storm there from 1200; ON stays set, so the send at 2000 is
    // suppressed (on).
    QTest::newRow("migration rfc-v1")
        << "migration-in-flight.json" << KV::RfcV1 << Times{1200, 2300} << Times{1300} << 2
        << Counts{1, 0, 0} << quint64(0) << none;
    QTest::newRow("migration no-sn") << "migration-in-flight.json" << KV::NoSn << Times{1200, 2300}
                                     << Times{1300} << 2 << Counts{1, 0, 0} << quint64(0) << none;
    QTest::newRow("migration misc-restore-bug")
        << "migration-in-flight.json" << KV::MiscRestoreBug << Times{} << Times{1300} << 1
        << Counts{1, 0, 0} << bit3 << Storm{2, 1200};
    // reviewed is rfc-v1 with fixes that none of these files reaches (no pending vector at
    // uintr_wait, no CPU offline, no index 256): the same outcome as rfc-v1.
    QTest::newRow("seed-race reviewed") << "seed-race.json" << KV::Reviewed << Times{3000}
                                        << Times{1300} << 1 << Counts{1, 0} << quint64(0) << none;
    QTest::newRow("reviewer reviewed") << "reviewer-offcpu-send.json" << KV::Reviewed << Times{2000}
                                       << Times{} << 0 << Counts{0, 0} << quint64(0) << none;
    QTest::newRow("uintr_wait reviewed") << "uintr-wait-wakeup.json" << KV::Reviewed << Times{1400}
                                         << Times{} << 1 << Counts{0, 0} << quint64(0) << none;
    // clui-masks never switches the receiver out: the variants cannot differ.
    for (KV v : {KV::RfcV1, KV::NoSn, KV::MiscRestoreBug, KV::Reviewed})
        QTest::addRow("clui-masks %s", name(v)) << "clui-masks.json" << v << Times{2000} << Times{}
                                                << 1 << Counts{0, 0} << quint64(0) << none;
}

void TestKernelVariants::outcome() {
    QFETCH(QString, file);
    QFETCH(KV, variant);
    QFETCH(Times, delivered);
    QFETCH(Times, spurious);
    QFETCH(int, ipisSent);
    QFETCH(Counts, uis);
    QFETCH(quint64, pendingPir);
    QFETCH(Storm, storm);
    const auto sc = withVariant(file.toStdString(), variant);
    const auto r = runScenario(sc);
    if (storm.cpu >= 0) {
        // One spurious notification every kernel.irq_ns (+ self_ipi_latency_ns = 0) until the
        // stop time, which the storm reaches: summary.stopped says horizon.
        for (qint64 t = storm.from; t <= sc.stopTime(); t += sc.kernel.irqNs) {
            spurious << t;
            ++uis[storm.cpu];
        }
        QCOMPARE(r.summary.stopReason, sim::StopReason::Horizon);
        QCOMPARE(r.summary.stoppedAt, sc.stopTime());
    } else {
        QCOMPARE(r.summary.stopReason, sim::StopReason::Idle);
    }
    std::sort(spurious.begin(), spurious.end());
    Times gotDelivered, gotSpurious;
    for (const auto& d : r.summary.userInterrupts)
        gotDelivered << d.t;
    for (const auto& s : r.summary.spurious)
        gotSpurious << s.t;
    std::sort(gotSpurious.begin(), gotSpurious.end());
    QCOMPARE(gotDelivered, delivered);
    QCOMPARE(gotSpurious, spurious);
    QCOMPARE(int(r.summary.ipisSent), ipisSent);
    Counts gotUis;
    for (auto n : r.summary.uis)
        gotUis << int(n);
    QCOMPARE(gotUis, uis);
    QCOMPARE(r.summary.pendingAtEnd.at(0).pir, pendingPir);
    QCOMPARE(r.summary.pendingAtEnd.at(0).uirr, quint64(0));
    QVERIFY2(r.summary.accountingError.empty(), r.summary.accountingError.c_str());
}

// uintr-reference.md §5 switch_uintr_prepare sets SN (rfc-v1, misc-restore-bug); no-sn does
// not; a task going to sleep in uintr_wait keeps SN clear under every variant.
void TestKernelVariants::snAtSwitchOut_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<KV>("variant");
    QTest::addColumn<qint64>("outAt");
    QTest::addColumn<bool>("sn");
    QTest::addColumn<int>("nv");
    for (KV v : {KV::RfcV1, KV::NoSn, KV::MiscRestoreBug}) {
        QTest::addRow("preempted, %s", name(v))
            << "reviewer-offcpu-send.json" << v << qint64(500) << (v != KV::NoSn) << 0xEC;
        QTest::addRow("seed race at 1100, %s", name(v))
            << "seed-race.json" << v << qint64(1100) << (v != KV::NoSn) << 0xEC;
        QTest::addRow("blocked in uintr_wait, %s", name(v))
            << "uintr-wait-wakeup.json" << v << qint64(500) << false << 0xEB;
    }
}

void TestKernelVariants::snAtSwitchOut() {
    QFETCH(QString, file);
    QFETCH(KV, variant);
    QFETCH(qint64, outAt);
    QFETCH(bool, sn);
    QFETCH(int, nv);
    const sim::Recording rec(withVariant(file.toStdString(), variant));
    QCOMPARE(upidOf(rec.stateAt(outAt - 1), 0).sn(), false);
    const auto u = upidOf(rec.stateAt(outAt), 0);
    QCOMPARE(u.sn(), sn);
    QCOMPARE(int(u.nv()), nv);
    QCOMPARE(countOf(rec.trace(), EventKind::SnSet, atTime(outAt)), sn ? 1 : 0);
}

// §4: XSAVES saves UINV and clears it; misc-restore-bug's second XSAVES saves the cleared 0.
// At the switch-in rfc-v1 and no-sn restore 0xEC; misc leaves 0 (no uinv_restored).
void TestKernelVariants::uinvAcrossSwitch_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<int>("savedUinv");
    QTest::addColumn<int>("uinvAfterSwitchIn");
    QTest::addColumn<int>("xsavesAtSwitchOut");
    QTest::newRow("rfc-v1") << KV::RfcV1 << 0xEC << 0xEC << 1;
    QTest::newRow("no-sn") << KV::NoSn << 0xEC << 0xEC << 1;
    QTest::newRow("misc-restore-bug") << KV::MiscRestoreBug << 0 << 0 << 2;
}

void TestKernelVariants::uinvAcrossSwitch() {
    QFETCH(KV, variant);
    QFETCH(int, savedUinv);
    QFETCH(int, uinvAfterSwitchIn);
    QFETCH(int, xsavesAtSwitchOut);
    const sim::Recording rec(withVariant("reviewer-offcpu-send.json", variant));
    const auto out = rec.stateAt(500);
    const auto& m = out.state();
    const auto image = arch::XsaveUintr::load(m.memory, m.tasks[0].xsave).value();
    QCOMPARE(int(image.msrs.uinv()), savedUinv);
    QCOMPARE(int(m.cpus[0].lp.msrs.uinv()), 0); // "other" runs with its own (zero) UINV
    QCOMPARE(countOf(rec.trace(), EventKind::Xsaves,
                     [](const TraceEvent& e) { return e.t == 500 && e.task == 0; }),
             xsavesAtSwitchOut);
    QCOMPARE(int(rec.stateAt(2000).state().cpus[0].lp.msrs.uinv()), uinvAfterSwitchIn);
    QCOMPARE(countOf(rec.trace(), EventKind::UinvRestored), 0);
}

// no-sn: SENDUIPI to an off-CPU receiver sends to the NDST of its last CPU. The receiver left
// CPU 0 at 500 and comes back on CPU 2 at 2000 (NDST is only rewritten then); the send at 1000
// goes to CPU 0 (spurious there) under no-sn and nowhere under the others.
void TestKernelVariants::staleNdst_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<int>("targetCpu"); // -1: no IPI
    QTest::addColumn<Counts>("uis");
    QTest::addColumn<qint64>("deliveredAt");
    // rfc-v1: self-IPI on CPU 2 at 2000, taken at once (self_ipi_latency_ns 0): delivered 2000.
    // misc: the self-IPI is spurious on CPU 2, and again after every IDT handler (irq_ns 100)
    // until the horizon 2000 + 100 us: 1001 (scenario-format.md "The way back to user space").
    QTest::newRow("rfc-v1") << KV::RfcV1 << -1 << Counts{0, 0, 0} << qint64(2000);
    QTest::newRow("no-sn") << KV::NoSn << 0 << Counts{1, 0, 0} << qint64(2000);
    QTest::newRow("misc-restore-bug")
        << KV::MiscRestoreBug << -1 << Counts{0, 0, 1001} << qint64(-1);
}

void TestKernelVariants::staleNdst() {
    QFETCH(KV, variant);
    QFETCH(int, targetCpu);
    QFETCH(Counts, uis);
    QFETCH(qint64, deliveredAt);
    ScenarioBuilder b;
    b.cpus(3).variant(variant).task("rx", true).task("sender").task("other");
    b.connect("sender", "rx", 3, 0);
    b.run(0, 0, "rx").run(0, 1, "sender").run(500, 0, "other").send(1000, "sender");
    b.run(2000, 2, "rx");
    const auto r = runScenario(b.build());
    const int sent = firstOf(r.trace, EventKind::IpiSent);
    if (targetCpu < 0) {
        QCOMPARE(sent, -1);
        QCOMPARE(countOf(r.trace, EventKind::IpiSuppressed), 1);
    } else {
        QVERIFY(sent >= 0);
        QCOMPARE(r.trace.events[static_cast<std::size_t>(sent)].other, targetCpu);
        QCOMPARE(r.trace.events[static_cast<std::size_t>(sent)].value, std::uint64_t(0));
    }
    Counts gotUis;
    for (auto n : r.summary.uis)
        gotUis << int(n);
    QCOMPARE(gotUis, uis);
    QCOMPARE(r.summary.userInterrupts.empty() ? qint64(-1) : r.summary.userInterrupts[0].t,
             deliveredAt);
    if (deliveredAt >= 0) QCOMPARE(r.summary.userInterrupts[0].cpu, 2);
}

// See otherReceiverOnStaleCpu(). no-sn: the IPI of 1000 lands at 1300 on CPU 0, where rx2's UINV
// matches: processed into rx2's UPID (nothing moved), no UIS; rx's ON stays set, so the send of
// 1500 is suppressed (on); rx still gets vector 3 from its switch-in self-IPI (2000, latency 0).
// rfc-v1: both sends suppressed by SN. misc: both suppressed by SN, and the self-IPI meets
// UINV = 0: a storm, one spurious every irq_ns (100) from 2000 to the horizon 102000.
void TestKernelVariants::otherReceiverOnStaleCpu_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<int>("ipisSent");
    QTest::addColumn<int>("processedForRx2");
    QTest::addColumn<int>("suppressedByOn");
    QTest::addColumn<qint64>("deliveredAt");
    QTest::addColumn<int>("spurious");
    QTest::newRow("rfc-v1") << KV::RfcV1 << 0 << 0 << 0 << qint64(2000) << 0;
    QTest::newRow("no-sn") << KV::NoSn << 1 << 1 << 1 << qint64(2000) << 0;
    QTest::newRow("misc-restore-bug") << KV::MiscRestoreBug << 0 << 0 << 0 << qint64(-1) << 1001;
}

void TestKernelVariants::otherReceiverOnStaleCpu() {
    QFETCH(KV, variant);
    QFETCH(int, ipisSent);
    QFETCH(int, processedForRx2);
    QFETCH(int, suppressedByOn);
    QFETCH(qint64, deliveredAt);
    QFETCH(int, spurious);
    const auto r = runScenario(::otherReceiverOnStaleCpu(variant));
    QCOMPARE(int(r.summary.ipisSent), ipisSent);
    const auto forRx2 = eventsOf(r.trace, EventKind::NotificationProcessed,
                                 [](const TraceEvent& e) { return e.task == 1; });
    QCOMPARE(int(forRx2.size()), processedForRx2);
    for (int i : forRx2) {
        QCOMPARE(r.trace.events[static_cast<std::size_t>(i)].t, qint64(1300));
        QCOMPARE(r.trace.events[static_cast<std::size_t>(i)].value, std::uint64_t(0));
    }
    QCOMPARE(countOf(r.trace, EventKind::IpiSuppressed,
                     [](const TraceEvent& e) { return e.reason == 1; }),
             suppressedByOn);
    QCOMPARE(r.summary.userInterrupts.empty() ? qint64(-1) : r.summary.userInterrupts[0].t,
             deliveredAt);
    QCOMPARE(int(r.summary.spurious.size()), spurious);
}

// The storm of misc-restore-bug (§4, §6): after the receiver's first switch-out every
// notification-vector arrival at its CPU is spurious, none is processed, nothing is delivered
// after that point, and pending_at_end still lists the post. rfc-v1 recovers on the same file:
// every post is delivered and nothing is left.
void TestKernelVariants::storm_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<KV>("variant");
    for (const char* f :
         {"seed-race.json", "reviewer-offcpu-send.json", "variant-misc-restore-bug.json",
          "uintr-wait-wakeup.json", "migration-in-flight.json", "context-switch-window.json"}) {
        QTest::addRow("%s storms under misc-restore-bug", f) << f << KV::MiscRestoreBug;
        QTest::addRow("%s recovers under rfc-v1", f) << f << KV::RfcV1;
    }
}

void TestKernelVariants::storm() {
    QFETCH(QString, file);
    QFETCH(KV, variant);
    const auto sc = withVariant(file.toStdString(), variant);
    const auto r = runScenario(sc);
    const int firstOut =
        firstOf(r.trace, EventKind::Xsaves, [](const TraceEvent& e) { return e.task == 0; });
    QVERIFY(firstOut >= 0);
    // The trace is not contiguous (model::EventList): an event's index is found by its address.
    const auto indexOf = [&](const TraceEvent& e) {
        for (std::size_t i = 0; i < r.trace.events.size(); ++i)
            if (&r.trace.events[i] == &e) return static_cast<int>(i);
        return -1;
    };
    auto after = [&](const TraceEvent& e) {
        return indexOf(e) > firstOut && e.vector == sc.machine.notificationVector;
    };
    const int arrivals = countOf(r.trace, EventKind::IpiArrived, after);
    const int spurious = countOf(r.trace, EventKind::SpuriousNotification, after);
    const int processed = countOf(r.trace, EventKind::NotificationProcessed, after);
    QVERIFY(arrivals > 0);
    QCOMPARE(arrivals, spurious + processed);
    if (variant == KV::MiscRestoreBug) {
        QCOMPARE(processed, 0);
        QCOMPARE(spurious, arrivals);
        QVERIFY(countOf(r.trace, EventKind::UserInterruptDelivered,
                        [&](const TraceEvent& e) { return indexOf(e) > firstOut; }) == 0);
        QVERIFY(r.summary.pendingAtEnd.at(0).pir != 0);
    } else {
        QVERIFY(processed > 0);
        QCOMPARE(r.summary.pendingAtEnd.at(0).pir, quint64(0));
        QCOMPARE(r.summary.pendingAtEnd.at(0).uirr, quint64(0));
        QVERIFY(!r.summary.userInterrupts.empty());
    }
}

QTEST_APPLESS_MAIN(TestKernelVariants)
#include "tst_kernel_variants.moc"
