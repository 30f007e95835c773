// The kernel paths of the review (issue 9), one table per path, each row's outcome worked out
// from the contract: scenario-format.md "Time and order", "Operations", "The way back to user
// space", the kernel variants and `end_ns`; uintr-reference.md §3 (notification processing),
// §4 (XSAVES/XRSTORS) and §5 (the RFC kernel); cli.md summary (lost, stopped, vectors,
// switch_uintr_return). Unless a row says otherwise: IPI latency 300, handler_ns 200,
// irq_ns 100, self_ipi_latency_ns 0, rfc-v1.
#include "ScenarioBuilder.h"
#include "arch/Fault.h"
#include "arch/Upid.h"
#include "sim/Recording.h"

#include <QObject>
#include <QTest>

using namespace uintr;
using namespace uintr::test;
using model::EventKind;

Q_DECLARE_METATYPE(uintr::scenario::KernelVariant)

namespace {

using KV = scenario::KernelVariant;
using Times = QList<qint64>;

const TraceEvent& at(const RunResult& r, int index) {
    return r.trace.events.at(static_cast<std::size_t>(index));
}

Times deliveries(const RunResult& r) {
    Times out;
    for (const auto& d : r.summary.userInterrupts)
        out << d.t;
    return out;
}

Times spuriousTimes(const RunResult& r) {
    Times out;
    for (const auto& s : r.summary.spurious)
        out << s.t;
    return out;
}

EventPredicate returnPath(model::ReturnPath p) {
    return [p](const TraceEvent& e) { return e.reason == static_cast<std::uint8_t>(p); };
}

arch::Upid upidOf(const sim::Simulation& s, int task) {
    const auto& m = s.state();
    return arch::Upid::load(m.memory, m.tasks[static_cast<std::size_t>(task)].upid).value();
}

// Receiver "rx" (task 0) on CPU 0 and "sender" (task 1) on CPU 1 from time 0, vector 3 at
// UITT index 0, and an idle "other" (task 2).
ScenarioBuilder pair(KV v = KV::RfcV1) {
    ScenarioBuilder b;
    b.variant(v).latency(300).task("rx", true).task("sender").task("other");
    b.connect("sender", "rx", 3, 0);
    b.run(0, 0, "rx").run(0, 1, "sender");
    return b;
}

void expectLost(const RunResult& r, std::int64_t t, int task, int vector, const char* cause) {
    QCOMPARE(r.summary.lost.size(), std::size_t(1));
    const auto& l = r.summary.lost[0];
    QCOMPARE(l.t, qint64(t));
    QCOMPARE(l.task, task);
    QCOMPARE(l.vector, vector);
    QCOMPARE(QString::fromStdString(l.cause), QString::fromLatin1(cause));
    QVERIFY2(r.summary.accountingError.empty(), r.summary.accountingError.c_str());
}

} // namespace

class TestKernelPaths : public QObject {
    Q_OBJECT
  private slots:
    void syscall_data();
    void syscall();
    void kernelFpu_data();
    void kernelFpu();
    void switchWaitsForKernelFpu();
    void kernelFpuSwitchOutAndBackReturnsOnce();
    void irqHandler_data();
    void irqHandler();
    void arrivalDuringIrqLatched();
    void switchWaitsForIrq();
    void selfIpiLatency_data();
    void selfIpiLatency();
    void storm_data();
    void storm();
    void waitLostWakeup_data();
    void waitLostWakeup();
    void unregisterHandler_data();
    void unregisterHandler();
    void unregisterHandlerRejected_data();
    void unregisterHandlerRejected();
    void unregisterSender();
    void exitOfReceiver();
    void exitOfSender();
    void ipiToOfflineCpuLost();
    void offlineWaitsForIdle();
    void sleeperOnDeadCpu_data();
    void sleeperOnDeadCpu();
    void featureOff_data();
    void featureOff();
    void xsavesKeepsUinv_data();
    void xsavesKeepsUinv();
    void uittsz_data();
    void uittsz();
    void xapicBroadcast();
    void wokenTaskRunsWhenCpuGoesIdle();
};

// "Operations" `syscall`: a notification that arrives in the kernel is processed at CPL 0 (§3:
// processing does not depend on CPL, UINV still matches) and delivered on the return. "The way
// back to user space": every return runs switch_uintr_return; after a plain syscall it changes
// nothing (counted in summary.switch_uintr_return.changed_nothing) under rfc-v1, and `reviewed`
// skips it (the state was not saved since the last return).
void TestKernelPaths::syscall_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<bool>("send");
    QTest::addColumn<int>("syscallReturns"); // switch_uintr_return runs with path syscall
    for (KV v : {KV::RfcV1, KV::NoSn, KV::Reviewed})
        for (bool send : {false, true})
            QTest::addRow("%s, %s", scenario::toString(v), send ? "IPI in the syscall" : "plain")
                << v << send << (v == KV::Reviewed ? 0 : 1);
}

void TestKernelPaths::syscall() {
    QFETCH(KV, variant);
    QFETCH(bool, send);
    QFETCH(int, syscallReturns);
    auto b = pair(variant);
    b.kernelPath(1000, "rx", OpKind::Syscall, 500);
    if (send) b.send(1100, "sender"); // lands at 1400, inside the syscall
    const auto r = runScenario(b.build());
    const int enter = firstOf(r.trace, EventKind::KernelEnter);
    QVERIFY(enter >= 0);
    QCOMPARE(at(r, enter).t, qint64(1000));
    QCOMPARE(at(r, enter).value, std::uint64_t(500));
    const int ret = firstOf(r.trace, EventKind::KernelReturn);
    QVERIFY(ret > enter);
    QCOMPARE(at(r, ret).t, qint64(1500));
    // No XSAVES: a syscall alone saves nothing.
    QCOMPARE(countOf(r.trace, EventKind::Xsaves, [](const TraceEvent& e) { return e.t > 0; }), 0);
    const auto runs =
        eventsOf(r.trace, EventKind::UintrReturn, returnPath(model::ReturnPath::Syscall));
    QCOMPARE(int(runs.size()), syscallReturns);
    for (int i : runs) {
        QVERIFY(i > ret);
        QCOMPARE(at(r, i).value, std::uint64_t(0)); // changed nothing
    }
    QCOMPARE(r.summary.uintrReturnRuns, std::uint64_t(countOf(r.trace, EventKind::UintrReturn)));
    QCOMPARE(r.summary.uintrReturnUnchanged,
             std::uint64_t(countOf(r.trace, EventKind::UintrReturn,
                                   [](const TraceEvent& e) { return e.value == 0; })));
    QVERIFY(r.summary.uintrReturnUnchanged >= std::uint64_t(syscallReturns));
    if (send) {
        const int processed = firstOf(r.trace, EventKind::NotificationProcessed);
        QVERIFY(processed > enter && processed < ret);
        QCOMPARE(at(r, processed).t, qint64(1400));
        QCOMPARE(at(r, processed).cpu, 0);
        QCOMPARE(at(r, processed).value, std::uint64_t(1) << 3);
        QCOMPARE(r.summary.spurious.size(), std::size_t(0));
        const int delivered = firstOf(r.trace, EventKind::UserInterruptDelivered);
        QVERIFY(delivered > ret);
        QCOMPARE(deliveries(r), Times{1500});
    } else {
        QVERIFY(r.summary.userInterrupts.empty());
    }
    QCOMPARE(r.summary.stopReason, sim::StopReason::Idle);
}

// "Operations" `kernel_fpu` and §5 (the reviewer's follow-up: XSAVES without a context switch):
// XSAVES at 1000 clears UINV with the task still current, so the IPI landing at 1400 is
// spurious (UIS +1, IDT handler until 1500); at 1500 kernel_return, then switch_uintr_return
// with XRSTORS and, PIR being set, the self-IPI (latency 0): delivered at 1500. Under
// misc-restore-bug the XRSTORS loads UINV 0 and nothing puts it back: the self-IPI is spurious
// and the storm runs to end_ns (3000).
void TestKernelPaths::kernelFpu_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<Times>("delivered");
    QTest::addColumn<int>("spurious");
    QTest::addColumn<int>("stop"); // sim::StopReason
    QTest::newRow("rfc-v1") << KV::RfcV1 << Times{1500} << 1 << int(sim::StopReason::Idle);
    QTest::newRow("no-sn") << KV::NoSn << Times{1500} << 1 << int(sim::StopReason::Idle);
    QTest::newRow("reviewed") << KV::Reviewed << Times{1500} << 1 << int(sim::StopReason::Idle);
    // 1400, then 1500, 1600, ..., 3000 (one every irq_ns): 1 + 16.
    QTest::newRow("misc-restore-bug")
        << KV::MiscRestoreBug << Times{} << 17 << int(sim::StopReason::EndNs);
}

void TestKernelPaths::kernelFpu() {
    QFETCH(KV, variant);
    QFETCH(Times, delivered);
    QFETCH(int, spurious);
    QFETCH(int, stop);
    auto b = pair(variant);
    b.kernelPath(1000, "rx", OpKind::KernelFpu, 500).send(1100, "sender").endNs(3000);
    const auto r = runScenario(b.build());
    const int save = firstOf(r.trace, EventKind::Xsaves, atTime(1000));
    QVERIFY(save >= 0);
    QCOMPARE(at(r, save).task, 0);
    QCOMPARE(
        countOf(r.trace, EventKind::ContextSwitch, [](const TraceEvent& e) { return e.t > 0; }), 0);
    const int sp = firstOf(r.trace, EventKind::SpuriousNotification);
    QVERIFY(sp >= 0);
    QCOMPARE(at(r, sp).t, qint64(1400));
    QCOMPARE(at(r, sp).task, 0); // the task is still current
    QCOMPARE(timeOfFirst(r.trace, EventKind::IrqReturn), qint64(1500));
    const int ret = firstOf(r.trace, EventKind::KernelReturn);
    QCOMPARE(at(r, ret).t, qint64(1500));
    const int back =
        firstOf(r.trace, EventKind::UintrReturn, returnPath(model::ReturnPath::KernelFpu));
    QVERIFY(back > ret);
    QVERIFY(at(r, back).value & model::uintr_return::kXrstors);
    QVERIFY(at(r, back).value & model::uintr_return::kSelfIpi);
    QVERIFY(!(at(r, back).value & model::uintr_return::kSnCleared)); // SN was never set
    QCOMPARE(deliveries(r), delivered);
    QCOMPARE(int(r.summary.spurious.size()), spurious);
    QCOMPARE(int(r.summary.uis.at(0)), spurious);
    QCOMPARE(int(r.summary.stopReason), stop);
    if (stop == int(sim::StopReason::EndNs)) QCOMPARE(r.summary.stoppedAt, qint64(3000));
}

// "Time and order": a context switch that would switch a task out inside kernel_fpu waits
// until the window ends (kernel_fpu_begin disables preemption): op_deferred in_kernel_fpu.
void TestKernelPaths::switchWaitsForKernelFpu() {
    auto b = pair();
    b.kernelPath(1000, "rx", OpKind::KernelFpu, 500).run(1200, 0, "other", "preempt");
    const auto r = runScenario(b.build());
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(at(r, waits[0]).t, qint64(1200));
    QCOMPARE(at(r, waits[0]).reason, std::uint8_t(model::DeferReason::InKernelFpu));
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.t > 0 && e.task == 2; }),
             qint64(1500));
    QVERIFY(firstOf(r.trace, EventKind::KernelReturn) <
            firstOf(r.trace, EventKind::ContextSwitch,
                    [](const TraceEvent& e) { return e.task == 2; }));
}

// "Operations" `kernel_fpu` / "Time and order": switches that waited for the window run at its
// end (1500): out to idle, back in. The task returns to user mode once, at its switch-in.
// issue-9-tests.md #2: the engine records kernel_return (and switch_uintr_return) twice.
void TestKernelPaths::kernelFpuSwitchOutAndBackReturnsOnce() {
    auto b = pair();
    b.kernelPath(1000, "rx", OpKind::KernelFpu, 500).run(1200, 0, "").run(1300, 0, "rx");
    const auto r = runScenario(b.build());
    QCOMPARE(countOf(r.trace, EventKind::OpDeferred), 2);
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.t > 0 && e.task == 0; }),
             qint64(1500));
    QCOMPARE(countOf(r.trace, EventKind::KernelReturn), 1);
    QCOMPARE(countOf(r.trace, EventKind::UintrReturn, [](const TraceEvent& e) { return e.t > 0; }),
             1);
}

// "The way back to user space" kernel.irq_ns: the kernel's IDT handler for the spurious 0xEC
// runs irq_ns: irq_return at arrival + irq_ns. Seed race: spurious at 1300.
void TestKernelPaths::irqHandler_data() {
    QTest::addColumn<qint64>("irqNs");
    for (qint64 n : {1LL, 100LL, 700LL})
        QTest::addRow("irq_ns %lld", static_cast<long long>(n)) << n;
}

void TestKernelPaths::irqHandler() {
    QFETCH(qint64, irqNs);
    auto b = seedRace();
    b.irqNs(irqNs);
    const auto r = runScenario(b.build());
    QCOMPARE(spuriousTimes(r), Times{1300});
    const auto rets = eventsOf(r.trace, EventKind::IrqReturn);
    QCOMPARE(rets.size(), std::size_t(1));
    QCOMPARE(at(r, rets[0]).t, 1300 + irqNs);
    QCOMPARE(at(r, rets[0]).cpu, 0);
    QCOMPARE(at(r, rets[0]).vector, std::int16_t(0xEC));
    QCOMPARE(deliveries(r), Times{3000});
}

// "Time and order": an interrupt that arrives while the IDT handler runs is latched in IRR and
// taken when the handler returns. no-sn: rx left CPU 0 at 1100 (NDST 0), rx2 never ran (NDST 0,
// SN clear under no-sn): the IPIs for rx (sent 1000) and rx2 (sent 1050) both go to CPU 0, land
// at 1300 and 1350; the second waits for the irq_return of 1400 and is taken then.
void TestKernelPaths::arrivalDuringIrqLatched() {
    ScenarioBuilder b;
    b.variant(KV::NoSn).latency(300).task("rx", true).task("sender").task("other");
    b.task("rx2", true);
    b.connect("sender", "rx", 3, 0).connect("sender", "rx2", 4, 1);
    b.run(0, 0, "rx").run(0, 1, "sender");
    b.send(1000, "sender", 0).send(1050, "sender", 1).run(1100, 0, "other");
    const auto r = runScenario(b.build());
    QCOMPARE(r.summary.ipisSent, std::uint64_t(2));
    const auto arrivals = eventsOf(r.trace, EventKind::IpiArrived);
    QCOMPARE(arrivals.size(), std::size_t(2));
    QCOMPARE(at(r, arrivals[1]).t, qint64(1350));
    QCOMPARE(spuriousTimes(r), (Times{1300, 1400}));
    QCOMPARE(r.summary.uis, (std::vector<std::uint64_t>{2, 0}));
    const auto rets = eventsOf(r.trace, EventKind::IrqReturn);
    QCOMPARE(rets.size(), std::size_t(2));
    QCOMPARE(at(r, rets[0]).t, qint64(1400));
    QCOMPARE(at(r, rets[1]).t, qint64(1500));
}

// "Time and order": timeline entries for a CPU wait while its IDT handler runs (in_irq). Seed
// race with the switch-in at 1350, inside the handler of the 1300 arrival: it runs at 1400 and
// the self-IPI (latency 0) delivers there.
void TestKernelPaths::switchWaitsForIrq() {
    const auto r = runScenario(seedRace(1000, 1100, 1350).build());
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(at(r, waits[0]).t, qint64(1350));
    QCOMPARE(at(r, waits[0]).reason, std::uint8_t(model::DeferReason::InIrq));
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.t > 0 && e.task == 0; }),
             qint64(1400));
    QCOMPARE(deliveries(r), Times{1400});
}

// "Time and order", self_ipi_latency_ns L: with L = 0 the self-IPI is taken before the task's
// first user instruction, before its waiting ops; with L > 0 the waiting ops run at the return
// T and the self-IPI arrives at T + L. The receiver is away 200..1000, vector 3 posted at 600
// (SN: no IPI), its testui of 500 waits for the switch-in at 1000.
void TestKernelPaths::selfIpiLatency_data() {
    QTest::addColumn<qint64>("latency");
    QTest::addColumn<qint64>("testuiAt");
    QTest::addColumn<qint64>("deliveredAt");
    // L = 0: delivered at 1000, handler until 1200, testui after the UIRET.
    QTest::newRow("L 0") << qint64(0) << qint64(1200) << qint64(1000);
    // L > 0: testui first, at 1000, delivered at 1000 + L.
    QTest::newRow("L 1") << qint64(1) << qint64(1000) << qint64(1001);
    QTest::newRow("L 250") << qint64(250) << qint64(1000) << qint64(1250);
}

void TestKernelPaths::selfIpiLatency() {
    QFETCH(qint64, latency);
    QFETCH(qint64, testuiAt);
    QFETCH(qint64, deliveredAt);
    auto b = pair();
    b.selfIpiLatency(latency).run(200, 0, "other");
    b.op(500, "rx", OpKind::Testui).send(600, "sender").run(1000, 0, "rx");
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::SelfIpi), qint64(1000));
    QCOMPARE(timeOfFirst(r.trace, EventKind::IpiArrived), 1000 + latency);
    const int testui = firstOf(r.trace, EventKind::Testui);
    QVERIFY(testui >= 0);
    QCOMPARE(at(r, testui).t, testuiAt);
    QVERIFY(at(r, testui).flags & model::kFlagCf); // TESTUI: CF = UIF, 1 outside the handler
    QCOMPARE(testui > firstOf(r.trace, EventKind::UserInterruptDelivered), latency == 0);
    QCOMPARE(deliveries(r), Times{deliveredAt});
    QCOMPARE(r.summary.ipisSent, std::uint64_t(0)); // cli.md: self-IPIs are not counted
}

// "The way back to user space": under misc-restore-bug a spurious notification on the
// receiver's CPU is followed by a self-IPI that is spurious again, one round every
// kernel.irq_ns + self_ipi_latency_ns, until end_ns or the horizon (largest `at` + 100 us):
// summary.stopped says which. Seed race: the storm starts at the switch-in (3000).
void TestKernelPaths::storm_data() {
    QTest::addColumn<qint64>("irqNs");
    QTest::addColumn<qint64>("latency");
    QTest::addColumn<qint64>("endNs"); // -1: none
    QTest::newRow("horizon, irq 100") << qint64(100) << qint64(0) << qint64(-1);
    QTest::newRow("horizon, irq 250, L 50") << qint64(250) << qint64(50) << qint64(-1);
    QTest::newRow("end_ns 5000") << qint64(100) << qint64(0) << qint64(5000);
    QTest::newRow("end_ns 5050, L 30") << qint64(100) << qint64(30) << qint64(5050);
}

void TestKernelPaths::storm() {
    QFETCH(qint64, irqNs);
    QFETCH(qint64, latency);
    QFETCH(qint64, endNs);
    auto b = seedRace();
    b.variant(KV::MiscRestoreBug).irqNs(irqNs).selfIpiLatency(latency);
    if (endNs >= 0) b.endNs(endNs);
    const auto sc = b.build();
    const auto r = runScenario(sc);
    const std::int64_t stop = endNs >= 0 ? endNs : 3000 + scenario::kHorizonNs;
    Times expected{1300};
    for (std::int64_t t = 3000 + latency; t <= stop; t += irqNs + latency)
        expected << t;
    QCOMPARE(spuriousTimes(r), expected);
    QCOMPARE(r.summary.stopReason, endNs >= 0 ? sim::StopReason::EndNs : sim::StopReason::Horizon);
    QCOMPARE(r.summary.stoppedAt, stop);
    QVERIFY(r.summary.userInterrupts.empty());
    QCOMPARE(r.summary.pendingAtEnd.at(0).pir, std::uint64_t(1) << 3);
    // Each round: one switch_uintr_return after the interrupt that sends the self-IPI.
    QVERIFY(countOf(r.trace, EventKind::UintrReturn, [](const TraceEvent& e) {
                return e.reason == std::uint8_t(model::ReturnPath::Interrupt) &&
                       (e.value & model::uintr_return::kSelfIpi);
            }) >= int(expected.size()) - 2);
    QVERIFY(r.trace.events.back().t <= stop);
}

// §5 `uintr_wait` (patch 11/13) and "kernel variants": v1 sets NV = 0xEB and sleeps without
// looking at PIR/ON. The IPI sent at 1000 is in flight when rx waits at 1100; the wait's
// switch-out XSAVES cleared UINV, so it lands (1300) spurious and ON stays set: the send at
// 2000 is suppressed (on) and rx never wakes (summary.blocked_at_end). `reviewed` re-checks PIR
// after setting NV, finds bit 3 and returns at once (wait_returned pending): delivered.
void TestKernelPaths::waitLostWakeup_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<bool>("lost");
    QTest::newRow("rfc-v1") << KV::RfcV1 << true;
    QTest::newRow("no-sn") << KV::NoSn << true;
    QTest::newRow("misc-restore-bug") << KV::MiscRestoreBug << true;
    QTest::newRow("reviewed") << KV::Reviewed << false;
}

void TestKernelPaths::waitLostWakeup() {
    QFETCH(KV, variant);
    QFETCH(bool, lost);
    auto b = pair(variant);
    b.send(1000, "sender").op(1100, "rx", OpKind::UintrWait).send(2000, "sender");
    const auto r = runScenario(b.build());
    if (lost) {
        QCOMPARE(timeOfFirst(r.trace, EventKind::Blocked), qint64(1100));
        QCOMPARE(spuriousTimes(r), Times{1300});
        const int sup = firstOf(r.trace, EventKind::IpiSuppressed, atTime(2000));
        QVERIFY(sup >= 0);
        QCOMPARE(at(r, sup).reason, std::uint8_t(model::SuppressReason::On));
        QCOMPARE(countOf(r.trace, EventKind::Woken), 0);
        QCOMPARE(r.summary.blockedAtEnd, std::vector<int>{0});
        QVERIFY(r.summary.userInterrupts.empty());
        QCOMPARE(r.summary.pendingAtEnd.at(0).pir, std::uint64_t(1) << 3);
    } else {
        QCOMPARE(countOf(r.trace, EventKind::Blocked), 0);
        const int ret = firstOf(r.trace, EventKind::WaitReturned);
        QVERIFY(ret >= 0);
        QCOMPARE(at(r, ret).t, qint64(1100));
        QCOMPARE(at(r, ret).reason, std::uint8_t(model::WaitReturnReason::Pending));
        QVERIFY(r.summary.blockedAtEnd.empty());
        QVERIFY(r.summary.spurious.empty());
        QCOMPARE(r.summary.userInterrupts.size(), std::size_t(2));
        QCOMPARE(r.summary.userInterrupts[0].t, qint64(1300));
    }
    QVERIFY2(r.summary.accountingError.empty(), r.summary.accountingError.c_str());
}

// "Operations" `uintr_unregister_handler`: UINV, PD, HANDLER, STACKADJUST and UIRR zeroed (UIRR
// vectors to summary.lost with the cause), UPID.SN set; later SENDUIPIs are ipi_suppressed (sn)
// and an IPI already in flight is spurious.
void TestKernelPaths::unregisterHandler_data() {
    QTest::addColumn<bool>("inFlight");
    // clui 500, send 1000 processed at 1300 into UIRR (UIF 0: not delivered), unregister 1500:
    // vector 3 lost; the send of 2000 is suppressed by SN.
    QTest::newRow("UIRR lost, later send suppressed (sn)") << false;
    // send 1000, unregister 1100 while the IPI flies: spurious at 1300, the post stays in PIR.
    QTest::newRow("IPI in flight: spurious") << true;
}

void TestKernelPaths::unregisterHandler() {
    QFETCH(bool, inFlight);
    auto b = pair();
    if (inFlight) {
        b.send(1000, "sender").op(1100, "rx", OpKind::UnregisterHandler);
    } else {
        b.op(500, "rx", OpKind::Clui).send(1000, "sender");
        b.op(1500, "rx", OpKind::UnregisterHandler).send(2000, "sender");
    }
    const sim::Recording rec(b.build());
    RunResult r;
    r.trace = rec.trace();
    r.summary = rec.summary();
    const std::int64_t unregAt = inFlight ? 1100 : 1500;
    QCOMPARE(timeOfFirst(r.trace, EventKind::HandlerUnregistered), unregAt);
    const auto after = rec.stateAt(unregAt);
    QVERIFY(upidOf(after, 0).sn());
    QCOMPARE(int(after.state().cpus[0].lp.msrs.uinv()), 0);
    QCOMPARE(after.state().cpus[0].lp.msrs.rr, std::uint64_t(0));
    QCOMPARE(after.state().cpus[0].lp.msrs.handler, std::uint64_t(0));
    QCOMPARE(after.state().cpus[0].lp.msrs.pd, std::uint64_t(0));
    QVERIFY(r.summary.userInterrupts.empty());
    if (inFlight) {
        QVERIFY(r.summary.lost.empty());
        QCOMPARE(spuriousTimes(r), Times{1300});
        QCOMPARE(r.summary.pendingAtEnd.at(0).pir, std::uint64_t(1) << 3);
    } else {
        QCOMPARE(timeOfFirst(r.trace, EventKind::NotificationProcessed), qint64(1300));
        expectLost(r, 1500, 0, 3, "handler_unregistered");
        const int lost = firstOf(r.trace, EventKind::VectorLost);
        QCOMPARE(at(r, lost).t, qint64(1500));
        const int sup = firstOf(r.trace, EventKind::IpiSuppressed, atTime(2000));
        QVERIFY(sup >= 0);
        QCOMPARE(at(r, sup).reason, std::uint8_t(model::SuppressReason::Sn));
        QCOMPARE(r.summary.ipisSent, std::uint64_t(1));
        QCOMPARE(r.summary.pendingAtEnd.at(0).uirr, std::uint64_t(0));
    }
}

// `syscall_rejected` when the call cannot be made: a task without a handler (not_registered,
// also the second unregister), or CR4.UINTR = 0 (no_feature: "every uintr_* syscall returns at
// once and changes nothing").
void TestKernelPaths::unregisterHandlerRejected_data() {
    QTest::addColumn<QString>("task");
    QTest::addColumn<bool>("twice");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("reason");
    QTest::newRow("not a receiver")
        << "sender" << false << true << int(model::RejectReason::NotRegistered);
    QTest::newRow("second unregister")
        << "rx" << true << true << int(model::RejectReason::NotRegistered);
    QTest::newRow("not enabled") << "rx" << false << false << int(model::RejectReason::NoFeature);
}

void TestKernelPaths::unregisterHandlerRejected() {
    QFETCH(QString, task);
    QFETCH(bool, twice);
    QFETCH(bool, enabled);
    QFETCH(int, reason);
    auto b = pair();
    b.enabled(enabled);
    if (twice) b.op(500, task.toStdString(), OpKind::UnregisterHandler);
    b.op(1000, task.toStdString(), OpKind::UnregisterHandler);
    const auto r = runScenario(b.build());
    const auto rejected = eventsOf(r.trace, EventKind::SyscallRejected);
    QCOMPARE(rejected.size(), std::size_t(1));
    QCOMPARE(at(r, rejected[0]).t, qint64(1000));
    QCOMPARE(int(at(r, rejected[0]).reason), reason);
    QCOMPARE(countOf(r.trace, EventKind::HandlerUnregistered), twice ? 1 : 0);
}

// "Operations" `uintr_unregister_sender`: the entry's V bit cleared (SENDUIPI with it #GP,
// invalid entry); removing the last entry tears the UITT down (TT = 0: SENDUIPI #UD); an index
// with no entry is syscall_rejected bad_index. summary.faults counts both faults.
void TestKernelPaths::unregisterSender() {
    ScenarioBuilder b;
    b.latency(300).task("rx", true).task("sender");
    b.connect("sender", "rx", 3, 0).connect("sender", "rx", 5, 1);
    b.run(0, 0, "rx").run(0, 1, "sender");
    b.op(500, "sender", OpKind::UnregisterSender, 0).send(600, "sender", 0);
    b.send(700, "sender", 1).op(800, "sender", OpKind::UnregisterSender, 5);
    b.op(1200, "sender", OpKind::UnregisterSender, 1).send(1300, "sender", 1);
    const auto r = runScenario(b.build());
    const auto cleared = eventsOf(r.trace, EventKind::UittEntryCleared);
    QCOMPARE(cleared.size(), std::size_t(2));
    QCOMPARE(at(r, cleared[0]).value, std::uint64_t(0));
    QCOMPARE(at(r, cleared[1]).value, std::uint64_t(1));
    const auto torn = eventsOf(r.trace, EventKind::UittTornDown);
    QCOMPARE(torn.size(), std::size_t(1));
    QCOMPARE(at(r, torn[0]).t, qint64(1200));
    const auto rejected = eventsOf(r.trace, EventKind::SyscallRejected);
    QCOMPARE(rejected.size(), std::size_t(1));
    QCOMPARE(at(r, rejected[0]).reason, std::uint8_t(model::RejectReason::BadIndex));
    const auto faults = eventsOf(r.trace, EventKind::Fault);
    QCOMPARE(faults.size(), std::size_t(2));
    QCOMPARE(at(r, faults[0]).t, qint64(600));
    QCOMPARE(at(r, faults[0]).faultKind, std::uint8_t(arch::FaultKind::GP));
    QCOMPARE(at(r, faults[0]).reason, std::uint8_t(arch::FaultReason::UittEntryInvalid));
    QCOMPARE(at(r, faults[1]).t, qint64(1300));
    QCOMPARE(at(r, faults[1]).faultKind, std::uint8_t(arch::FaultKind::UD));
    QCOMPARE(at(r, faults[1]).reason, std::uint8_t(arch::FaultReason::SendDisabled));
    QCOMPARE(r.summary.faults, std::uint64_t(2));
    QCOMPARE(deliveries(r), Times{1000}); // the send of 700 (vector 5)
}

// "Operations" `exit` is uintr_free: a receiver's UIRR is zeroed (summary.lost, cause exit; no
// UIRR bits are left for the exited task) and its CPU becomes idle.
void TestKernelPaths::exitOfReceiver() {
    auto b = pair();
    b.op(500, "rx", OpKind::Clui).send(1000, "sender").op(1500, "rx", OpKind::Exit);
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::Exit), qint64(1500));
    expectLost(r, 1500, 0, 3, "exit");
    QCOMPARE(r.summary.pendingAtEnd.at(0).uirr, std::uint64_t(0));
    QCOMPARE(r.summary.pendingAtEnd.at(0).pir, std::uint64_t(0));
    QCOMPARE(r.summary.vectors.lost, std::uint64_t(1));
    QCOMPARE(r.summary.vectors.posted, std::uint64_t(1));
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.t == 1500 && e.task == -1; }),
             qint64(1500));
}

// "Operations" `exit`: a sender's UITT is torn down (TT = 0) and its CPU becomes idle.
void TestKernelPaths::exitOfSender() {
    auto b = pair();
    b.send(500, "sender").op(1000, "sender", OpKind::Exit);
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::Exit), qint64(1000));
    QCOMPARE(timeOfFirst(r.trace, EventKind::UittTornDown), qint64(1000));
    QCOMPARE(countOf(r.trace, EventKind::HandlerUnregistered), 0);
    QVERIFY(r.summary.lost.empty());
    QCOMPARE(deliveries(r), Times{800});
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.cpu == 1 && e.task == -1; }),
             qint64(1000));
}

// CPU entries: an IPI whose target is offline when it arrives is lost (the post stays in PIR
// with ON set); /proc/interrupts shows online CPUs only. no-sn (SN clear): the send of 1000 goes
// to NDST = CPU 0, which went offline at 600 after rx left it at 500.
void TestKernelPaths::ipiToOfflineCpuLost() {
    auto b = pair(KV::NoSn);
    b.run(500, 0, "").online(600, 0, false).send(1000, "sender");
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::CpuOffline), qint64(600));
    const int lost = firstOf(r.trace, EventKind::IpiLost);
    QVERIFY(lost >= 0);
    QCOMPARE(at(r, lost).t, qint64(1300));
    QCOMPARE(at(r, lost).reason, std::uint8_t(model::IpiLostReason::Offline));
    QCOMPARE(countOf(r.trace, EventKind::IpiArrived), 0);
    QCOMPARE(r.summary.pendingAtEnd.at(0).pir, std::uint64_t(1) << 3);
    QCOMPARE(r.summary.onlineCpus, std::vector<int>{1});
    QCOMPARE(r.summary.uis, std::vector<std::uint64_t>{0});
    const auto proc = sim::summaryToJson(r.summary, b.build())["proc_interrupts"]["UIS"];
    QCOMPARE(proc.size(), std::size_t(1));
}

// CPU entries: taking a CPU offline waits while a task runs there (op_deferred cpu_busy) and
// happens when it becomes idle; a CPU brought back is a UIS column again.
void TestKernelPaths::offlineWaitsForIdle() {
    auto b = pair();
    b.cpus(3).online(500, 0, false).run(800, 0, "").online(900, 2, false);
    b.run(1000, 2, "other", "to-offline").online(1200, 2, true);
    const auto r = runScenario(b.build());
    // A context switch naming an offline CPU does not happen (switch_ignored cpu_offline).
    const int ignored = firstOf(r.trace, EventKind::SwitchIgnored);
    QVERIFY(ignored >= 0);
    QCOMPARE(at(r, ignored).t, qint64(1000));
    QCOMPARE(at(r, ignored).reason, std::uint8_t(model::IgnoreReason::CpuOffline));
    QCOMPARE(
        countOf(r.trace, EventKind::ContextSwitch, [](const TraceEvent& e) { return e.task == 2; }),
        0);
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(at(r, waits[0]).t, qint64(500));
    QCOMPARE(at(r, waits[0]).reason, std::uint8_t(model::DeferReason::CpuBusy));
    QCOMPARE(
        timeOfFirst(r.trace, EventKind::CpuOffline, [](const TraceEvent& e) { return e.cpu == 0; }),
        qint64(800));
    QCOMPARE(
        timeOfFirst(r.trace, EventKind::CpuOffline, [](const TraceEvent& e) { return e.cpu == 2; }),
        qint64(900));
    QCOMPARE(timeOfFirst(r.trace, EventKind::CpuOnline), qint64(1200));
    QCOMPARE(r.summary.onlineCpus, (std::vector<int>{1, 2}));
}

// §5 (the reviewer on patch 11/13): after hot-unplug a sleeping task's NDST still names the dead
// CPU under v1, so its wake-up IPI goes nowhere (never woken); `reviewed` moves every sleeping
// receiver's NDST to an online CPU (ndst_moved) and the wake-up works. rx waits at 500 on CPU 0
// (leaving it idle), CPU 0 goes offline at 600, the send of 1000 sends 0xEB. CPU 2 is idle:
// the woken task runs there.
void TestKernelPaths::sleeperOnDeadCpu_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<bool>("woken");
    QTest::newRow("rfc-v1") << KV::RfcV1 << false;
    QTest::newRow("reviewed") << KV::Reviewed << true;
}

void TestKernelPaths::sleeperOnDeadCpu() {
    QFETCH(KV, variant);
    QFETCH(bool, woken);
    auto b = pair(variant);
    b.cpus(3).op(500, "rx", OpKind::UintrWait).online(600, 0, false).send(1000, "sender");
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::Blocked), qint64(500));
    QCOMPARE(timeOfFirst(r.trace, EventKind::CpuOffline), qint64(600));
    QCOMPARE(r.summary.onlineCpus, (std::vector<int>{1, 2}));
    if (!woken) {
        QCOMPARE(countOf(r.trace, EventKind::NdstMoved), 0);
        const int lost = firstOf(r.trace, EventKind::IpiLost);
        QVERIFY(lost >= 0);
        QCOMPARE(at(r, lost).t, qint64(1300));
        QCOMPARE(at(r, lost).vector, std::int16_t(0xEB));
        QCOMPARE(countOf(r.trace, EventKind::Woken), 0);
        QCOMPARE(r.summary.blockedAtEnd, std::vector<int>{0});
        QVERIFY(r.summary.userInterrupts.empty());
    } else {
        const int moved = firstOf(r.trace, EventKind::NdstMoved);
        QVERIFY(moved >= 0);
        QCOMPARE(at(r, moved).t, qint64(600));
        QVERIFY(at(r, moved).value != 0); // no longer APIC ID 0
        QCOMPARE(countOf(r.trace, EventKind::IpiLost), 0);
        const int kv = firstOf(r.trace, EventKind::KernelVector);
        QVERIFY(kv >= 0);
        QCOMPARE(at(r, kv).t, qint64(1300));
        QVERIFY(at(r, kv).cpu != 0);
        QVERIFY(firstOf(r.trace, EventKind::Woken) >= 0);
        QVERIFY(r.summary.blockedAtEnd.empty());
        QCOMPARE(r.summary.userInterrupts.size(), std::size_t(1));
        QCOMPARE(r.summary.userInterrupts[0].cpu, 2);
    }
}

// machine.uintr_enabled / uintr_supported: without CR4.UINTR the instructions are #UD (a
// faulting STUI/CLUI/TESTUI records only its fault event; SENDUIPI keeps its senduipi event, as
// every faulting SENDUIPI does), uintr_wait returns at once (no_feature), unregister is rejected;
// the UIS line: rfc-v1 prints it whenever UINTR support is compiled in (the reviewer's
// complaint), reviewed only where the feature is available and enabled.
void TestKernelPaths::featureOff_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<bool>("supported");
    QTest::addColumn<bool>("uisLine");
    QTest::addColumn<int>("reason"); // arch::FaultReason of the #UD
    const int notEnabled = int(arch::FaultReason::Cr4UintrClear);
    const int noFeature = int(arch::FaultReason::NoCpuFeature);
    QTest::newRow("rfc-v1, available but not enabled") << KV::RfcV1 << true << true << notEnabled;
    QTest::newRow("rfc-v1, no feature") << KV::RfcV1 << false << true << noFeature;
    QTest::newRow("reviewed, available but not enabled")
        << KV::Reviewed << true << false << notEnabled;
    QTest::newRow("reviewed, no feature") << KV::Reviewed << false << false << noFeature;
}

void TestKernelPaths::featureOff() {
    QFETCH(KV, variant);
    QFETCH(bool, supported);
    QFETCH(bool, uisLine);
    QFETCH(int, reason);
    auto b = pair(variant);
    b.supported(supported).enabled(false);
    b.send(1000, "sender").op(1100, "rx", OpKind::Stui).op(1200, "rx", OpKind::Clui);
    b.op(1300, "rx", OpKind::Testui).op(1400, "rx", OpKind::UintrWait);
    b.op(1500, "rx", OpKind::UnregisterHandler);
    const auto r = runScenario(b.build());
    const auto faults = eventsOf(r.trace, EventKind::Fault);
    QCOMPARE(faults.size(), std::size_t(4));
    for (int f : faults) {
        QCOMPARE(at(r, f).faultKind, std::uint8_t(arch::FaultKind::UD));
        QCOMPARE(int(at(r, f).reason), reason);
    }
    QCOMPARE(r.summary.faults, std::uint64_t(4));
    for (EventKind k : {EventKind::Stui, EventKind::Clui, EventKind::Testui})
        QCOMPARE(countOf(r.trace, k), 0);
    QCOMPARE(countOf(r.trace, EventKind::PirPosted), 0);
    QCOMPARE(r.summary.ipisSent, std::uint64_t(0));
    const int wait = firstOf(r.trace, EventKind::WaitReturned);
    QVERIFY(wait >= 0);
    QCOMPARE(at(r, wait).reason, std::uint8_t(model::WaitReturnReason::NoFeature));
    QCOMPARE(countOf(r.trace, EventKind::Blocked), 0);
    const int rej = firstOf(r.trace, EventKind::SyscallRejected);
    QVERIFY(rej >= 0);
    QCOMPARE(at(r, rej).reason, std::uint8_t(model::RejectReason::NoFeature));
    QCOMPARE(r.summary.hasUisLine, uisLine);
    const auto proc = sim::summaryToJson(r.summary, b.build())["proc_interrupts"];
    QCOMPARE(proc.contains("UIS"), uisLine);
}

// machine.xsaves_clears_uinv false (the counterfactual of "why does the vector reach the CPU at
// all"): UINV, PD and UIRR stay live after the receiver's save; the IPI landing at 1300 on the
// CPU it left (idle from 1100) is processed into that live UIRR, which no task will see: the
// next XRSTORS on that CPU (rx switched in at 3000) overwrites it (summary.lost, cause xrstors),
// or, without one, the end of the run does (cause end).
void TestKernelPaths::xsavesKeepsUinv_data() {
    QTest::addColumn<bool>("switchIn");
    QTest::addColumn<qint64>("lostAt");
    QTest::addColumn<QString>("cause");
    QTest::newRow("overwritten by the XRSTORS of 3000") << true << qint64(3000) << "xrstors";
    QTest::newRow("never restored: lost at the end") << false << qint64(1300) << "end";
}

void TestKernelPaths::xsavesKeepsUinv() {
    QFETCH(bool, switchIn);
    QFETCH(qint64, lostAt);
    QFETCH(QString, cause);
    auto b = pair();
    b.xsavesClearsUinv(false).send(1000, "sender").run(1100, 0, "");
    if (switchIn) b.run(3000, 0, "rx");
    const auto r = runScenario(b.build());
    QVERIFY(r.summary.spurious.empty());
    const int processed = firstOf(r.trace, EventKind::NotificationProcessed);
    QVERIFY(processed >= 0);
    QCOMPARE(at(r, processed).t, qint64(1300));
    QCOMPARE(at(r, processed).cpu, 0);
    QVERIFY(r.summary.userInterrupts.empty());
    QCOMPARE(r.summary.lost.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.summary.lost[0].cause), cause);
    QCOMPARE(r.summary.lost[0].vector, 3);
    QCOMPARE(r.summary.lost[0].task, 0);
    if (switchIn) QCOMPARE(r.summary.lost[0].t, lostAt);
    const int lost = firstOf(r.trace, EventKind::VectorLost);
    QCOMPARE(bool(at(r, lost).flags & model::kFlagAtEnd), !switchIn);
    QCOMPARE(r.summary.pendingAtEnd.at(0).uirr, std::uint64_t(0));
    QVERIFY2(r.summary.accountingError.empty(), r.summary.accountingError.c_str());
    // The same scenario on the architecture's hardware: spurious at 1300, delivered on return.
    b.xsavesClearsUinv(true);
    const auto real = runScenario(b.build());
    QCOMPARE(spuriousTimes(real), Times{1300});
    QVERIFY(real.summary.lost.empty());
    QCOMPARE(real.summary.userInterrupts.size(), std::size_t(switchIn ? 1 : 0));
}

// "UITT indexes": rfc-v1 programs UITTSZ = 256, so index 256 passes the size check and reads the
// zero 16 bytes after the table (#GP invalid entry); reviewed programs 255 (#GP index past
// UITTSZ). Index 255 with a connection there works under both.
void TestKernelPaths::uittsz_data() {
    QTest::addColumn<KV>("variant");
    QTest::addColumn<quint64>("index");
    QTest::addColumn<int>("reason"); // -1: delivered
    for (KV v : {KV::RfcV1, KV::NoSn, KV::MiscRestoreBug, KV::Reviewed}) {
        QTest::addRow("%s, index 255", scenario::toString(v)) << v << quint64(255) << -1;
        QTest::addRow("%s, index 256", scenario::toString(v))
            << v << quint64(256)
            << int(v == KV::Reviewed ? arch::FaultReason::IndexPastUittsz
                                     : arch::FaultReason::UittEntryInvalid);
        QTest::addRow("%s, index 257", scenario::toString(v))
            << v << quint64(257) << int(arch::FaultReason::IndexPastUittsz);
    }
}

void TestKernelPaths::uittsz() {
    QFETCH(KV, variant);
    QFETCH(quint64, index);
    QFETCH(int, reason);
    ScenarioBuilder b;
    b.variant(variant).latency(300).task("rx", true).task("sender");
    b.connect("sender", "rx", 3, 255);
    b.run(0, 0, "rx").run(0, 1, "sender").send(1000, "sender", index);
    const auto r = runScenario(b.build());
    const auto faults = eventsOf(r.trace, EventKind::Fault);
    if (reason < 0) {
        QVERIFY(faults.empty());
        QCOMPARE(deliveries(r), Times{1300});
    } else {
        QCOMPARE(faults.size(), std::size_t(1));
        QCOMPARE(at(r, faults[0]).faultKind, std::uint8_t(arch::FaultKind::GP));
        QCOMPARE(int(at(r, faults[0]).reason), reason);
        QCOMPARE(at(r, faults[0]).value, std::uint64_t(index));
        QVERIFY(r.summary.userInterrupts.empty());
    }
}

// xAPIC mode: NDST APIC ID 0xFF is the broadcast destination (SDM vol. 3 "Physical Destination
// Mode"): a receiver on CPU 255 of a 256-CPU xAPIC machine has NDST 0xFF00, so its notification
// reaches every CPU: processed on 255, spurious on the 255 others (their UINV is 0).
void TestKernelPaths::xapicBroadcast() {
    ScenarioBuilder b;
    b.cpus(256).apic(ApicMode::XApic).latency(300).task("rx", true).task("sender");
    b.connect("sender", "rx", 3, 0);
    b.run(0, 255, "rx").run(0, 0, "sender").send(1000, "sender");
    const auto r = runScenario(b.build());
    QCOMPARE(countOf(r.trace, EventKind::IpiArrived, atTime(1300)), 256);
    const int processed = firstOf(r.trace, EventKind::NotificationProcessed);
    QCOMPARE(at(r, processed).cpu, 255);
    QCOMPARE(deliveries(r), Times{1300});
    QCOMPARE(r.summary.spurious.size(), std::size_t(255));
    QCOMPARE(r.summary.uis.at(255), std::uint64_t(0));
    QCOMPARE(r.summary.uis.at(0), std::uint64_t(1));
    // x2APIC: 0xFF is CPU 255 itself.
    b.apic(ApicMode::X2Apic);
    const auto x2 = runScenario(b.build());
    QCOMPARE(countOf(x2.trace, EventKind::IpiArrived), 1);
    QVERIFY(x2.summary.spurious.empty());
}

// "Time and order": a task woken from uintr_wait is switched in when the 0xEB handler returns
// on an idle online CPU, "else at the next context switch that names it" — or when a CPU goes
// idle later. rx waits at 500 on CPU 0, "other" runs there from 600, the sender's 0xEB wakes it
// at 1300 with no CPU idle; CPU 1 goes idle at 2000 and rx runs there (delivered at once).
void TestKernelPaths::wokenTaskRunsWhenCpuGoesIdle() {
    auto b = pair();
    b.op(500, "rx", OpKind::UintrWait).run(600, 0, "other").send(1000, "sender");
    b.run(2000, 1, "");
    const auto r = runScenario(b.build());
    QCOMPARE(timeOfFirst(r.trace, EventKind::KernelVector), qint64(1300));
    QVERIFY(firstOf(r.trace, EventKind::Woken) >= 0);
    const int in = firstOf(r.trace, EventKind::ContextSwitch,
                           [](const TraceEvent& e) { return e.task == 0 && e.t > 0; });
    QVERIFY(in >= 0);
    QCOMPARE(at(r, in).t, qint64(2000));
    QCOMPARE(at(r, in).cpu, 1);
    QVERIFY(at(r, in).flags & model::kFlagWakeup);
    QCOMPARE(deliveries(r), Times{2000});
    QVERIFY(r.summary.blockedAtEnd.empty());
}

QTEST_APPLESS_MAIN(TestKernelPaths)
#include "tst_kernel_paths.moc"
