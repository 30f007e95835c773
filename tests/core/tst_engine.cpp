// The engine's rules of time and order (scenario-format.md "Time and order"), the kernel's
// switch hooks as the engine drives them (uintr-reference.md §5), and the machine state at given
// instants through sim::Recording. Every expected number is worked out in the row's comment from
// those rules (IPI latency, handler_ns, context_switch_ns), never read back from a run.
#include "ScenarioBuilder.h"
#include "arch/Upid.h"
#include "arch/XsaveUintr.h"
#include "sim/Recording.h"

#include <QObject>
#include <QTest>

using namespace uintr;
using namespace uintr::test;
using model::EventKind;

Q_DECLARE_METATYPE(uintr::scenario::Scenario)
Q_DECLARE_METATYPE(uintr::scenario::KernelVariant)
Q_DECLARE_METATYPE(uintr::scenario::ApicMode)
Q_DECLARE_METATYPE(uintr::scenario::OpKind)
Q_DECLARE_METATYPE(uintr::model::EventKind)

namespace {

constexpr int kReceiver = 0; // task indices of seedRace()
constexpr int kSender = 1;

arch::Upid upidOf(const sim::Simulation& s, int task) {
    const auto& m = s.state();
    return arch::Upid::load(m.memory, m.tasks[static_cast<std::size_t>(task)].upid).value();
}

arch::XsaveUintr imageOf(const sim::Simulation& s, int task) {
    const auto& m = s.state();
    return arch::XsaveUintr::load(m.memory, m.tasks[static_cast<std::size_t>(task)].xsave).value();
}

std::int64_t deliveryTime(const RunResult& r, int nth = 0) {
    const auto all = eventsOf(r.trace, EventKind::UserInterruptDelivered);
    return nth < static_cast<int>(all.size()) ? r.trace.events[static_cast<std::size_t>(all[nth])].t
                                              : -1;
}

// A receiver on CPU 0 and a sender on CPU 1, both running from time 0, one connection (vector 3,
// index 0), and one SENDUIPI at 1000.
ScenarioBuilder plainSend(std::int64_t latency = 300) {
    ScenarioBuilder b;
    b.latency(latency).task("receiver", true).task("sender").task("other");
    b.connect("sender", "receiver", 3, 0);
    b.run(0, 0, "receiver").run(0, 1, "sender");
    b.send(1000, "sender", 0, "send");
    return b;
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT
  private slots:
    void sameInstantOrder_data();
    void sameInstantOrder();
    void fileOrderAmongSenders();
    void hardwareInCausedOrder();
    void timelineAfterHandlerReturn_data();
    void timelineAfterHandlerReturn();
    void ipiLatency_data();
    void ipiLatency();
    void selfIpiCanBeSpurious_data();
    void selfIpiCanBeSpurious();
    void deferredOps_data();
    void deferredOps();
    void deferredOpsKeepFileOrder();
    void handlerDuration_data();
    void handlerDuration();
    void handlerPreempted_data();
    void handlerPreempted();
    void switchDuringContextSwitch_data();
    void switchDuringContextSwitch();
    void queuedSwitchesWaitOnce();
    void initialState_data();
    void initialState();
    void seedRaceStateAt_data();
    void seedRaceStateAt();
    void inFlightAt_data();
    void inFlightAt();
    void ndstEncoding_data();
    void ndstEncoding();
};

// scenario-format.md "Time and order": at one nanosecond, hardware events first, then timeline
// entries in file order. Seed race: SENDUIPI at `send`, IPI lands at send + 300; the receiver
// leaves at `out` and returns at 3000; a post still in PIR at 3000 is delivered by the self-IPI
// of switch_uintr_return at 3000: machine.self_ipi_latency_ns defaults to 0, taken before the
// first user instruction (scenario-format.md "Time and order"; it was 3000 + 300 while the
// self-IPI took ipi_latency_ns).
void TestEngine::sameInstantOrder_data() {
    QTest::addColumn<scenario::Scenario>("sc");
    QTest::addColumn<int>("ipisSent");
    QTest::addColumn<int>("suppressedBySn");
    QTest::addColumn<int>("spurious");
    QTest::addColumn<qint64>("deliveredAt");

    // senduipi listed before the switch-out at the same ns: posted while the receiver still
    // runs (SN = 0), so the IPI leaves; it lands at 1400 on a switched-out CPU: UIS +1.
    QTest::newRow("senduipi listed before switch-out at 1100: IPI sent, spurious")
        << seedRace(1100, 1100).build() << 1 << 0 << 1 << qint64(3000);
    {
        // The same two entries in the other file order: SN is already set when SENDUIPI runs.
        ScenarioBuilder b;
        b.task("receiver", true).task("sender").task("other").connect("sender", "receiver", 3, 0);
        b.run(0, 0, "receiver").run(0, 1, "sender");
        b.run(1100, 0, "other").send(1100, "sender").run(3000, 0, "receiver");
        QTest::newRow("switch-out listed before senduipi at 1100: SN suppresses the IPI")
            << b.build() << 0 << 1 << 0 << qint64(3000);
    }
    // Switch-out at exactly the arrival (1300): the arrival is processed first, the handler
    // starts at 1300 while UINV still matches.
    QTest::newRow("switch-out at the arrival instant 1300: processed, no UIS")
        << seedRace(1000, 1300).build() << 1 << 0 << 0 << qint64(1300);
    QTest::newRow("switch-out at 1299, one ns before the arrival: spurious")
        << seedRace(1000, 1299).build() << 1 << 0 << 1 << qint64(3000);
    QTest::newRow("switch-out at 1000, same ns as the send but listed after it: spurious")
        << seedRace(1000, 1000).build() << 1 << 0 << 1 << qint64(3000);
    {
        // Latency 0: the arrival is a hardware event of 1000, caused by the send; it is handled
        // before the switch-out entry that follows the send at 1000.
        auto b = seedRace(1000, 1000);
        b.latency(0);
        QTest::newRow("latency 0: the arrival precedes the later entry of the same ns")
            << b.build() << 1 << 0 << 0 << qint64(1000);
    }
    QTest::newRow("switch-out after the handler returned (1600): no race")
        << seedRace(1000, 1600).build() << 1 << 0 << 0 << qint64(1300);
}

void TestEngine::sameInstantOrder() {
    QFETCH(scenario::Scenario, sc);
    QFETCH(int, ipisSent);
    QFETCH(int, suppressedBySn);
    QFETCH(int, spurious);
    QFETCH(qint64, deliveredAt);
    const auto r = runScenario(sc);
    QCOMPARE(static_cast<int>(r.summary.ipisSent), ipisSent);
    QCOMPARE(countOf(r.trace, EventKind::IpiSuppressed,
                     [](const TraceEvent& e) { return e.reason == 0; }),
             suppressedBySn);
    QCOMPARE(static_cast<int>(r.summary.spurious.size()), spurious);
    QCOMPARE(r.summary.userInterrupts.size(), std::size_t(1));
    QCOMPARE(r.summary.userInterrupts[0].t, deliveredAt);
}

// scenario-format.md "Time and order", file order: two SENDUIPIs to one receiver at the same ns.
// The first in the file finds ON clear and sends the IPI; the second finds ON set (§2.4).
void TestEngine::fileOrderAmongSenders() {
    for (bool bFirst : {true, false}) {
        ScenarioBuilder b;
        b.cpus(3).task("receiver", true).task("a").task("b");
        b.connect("a", "receiver", 3, 0).connect("b", "receiver", 9, 0);
        b.run(0, 0, "receiver").run(0, 1, "a").run(0, 2, "b");
        if (bFirst)
            b.send(1000, "b").send(1000, "a");
        else
            b.send(1000, "a").send(1000, "b");
        const auto r = runScenario(b.build());
        const int sent = firstOf(r.trace, EventKind::IpiSent);
        const int suppressed = firstOf(r.trace, EventKind::IpiSuppressed);
        QVERIFY(sent >= 0 && suppressed >= 0);
        const int first = bFirst ? 2 : 1;
        const int second = bFirst ? 1 : 2;
        QCOMPARE(r.trace.events[static_cast<std::size_t>(sent)].task, first);
        QCOMPARE(r.trace.events[static_cast<std::size_t>(suppressed)].task, second);
        QCOMPARE(r.trace.events[static_cast<std::size_t>(suppressed)].reason,
                 std::uint8_t(model::SuppressReason::On));
        // One notification moves both bits; 9 is delivered first (highest, §3).
        QCOMPARE(r.summary.userInterrupts.size(), std::size_t(2));
        QCOMPARE(r.summary.userInterrupts[0].vector, 9);
        QCOMPARE(r.summary.userInterrupts[0].t, qint64(1300));
        QCOMPARE(r.summary.userInterrupts[1].vector, 3);
        QCOMPARE(r.summary.userInterrupts[1].t, qint64(1500));
    }
}

// scenario-format.md "Time and order": hardware events of one instant in the order they were
// caused. The receiver is off-CPU when vector 3 is posted (SN: no IPI); at 1000 it is switched
// in (self-IPI sent, lands at 1300) and then, later in the file at 1000, the sender posts vector
// 9 with SN and ON clear: a second IPI, also landing at 1300. The self-IPI was caused first, so
// it is processed first and moves both bits; the second notification finds PIR empty. The
// self-IPI takes machine.self_ipi_latency_ns = 300 here (the default 0 would process it at 1000,
// before the second post: scenario-format.md "Time and order").
void TestEngine::hardwareInCausedOrder() {
    ScenarioBuilder b;
    b.selfIpiLatency(300).task("receiver", true).task("sender").task("other");
    b.connect("sender", "receiver", 3, 0).connect("sender", "receiver", 9, 1);
    b.run(0, 0, "receiver").run(0, 1, "sender");
    b.run(500, 0, "other").send(600, "sender", 0);
    b.run(1000, 0, "receiver").send(1000, "sender", 1);
    const auto r = runScenario(b.build());
    const auto processed = eventsOf(r.trace, EventKind::NotificationProcessed, atTime(1300));
    QCOMPARE(processed.size(), std::size_t(2));
    const auto& p0 = r.trace.events[static_cast<std::size_t>(processed[0])];
    const auto& p1 = r.trace.events[static_cast<std::size_t>(processed[1])];
    const auto& arrival0 = r.trace.events[static_cast<std::size_t>(p0.cause)];
    const auto& arrival1 = r.trace.events[static_cast<std::size_t>(p1.cause)];
    QCOMPARE(r.trace.events[static_cast<std::size_t>(arrival0.cause)].kind, EventKind::SelfIpi);
    QCOMPARE(r.trace.events[static_cast<std::size_t>(arrival1.cause)].kind, EventKind::IpiSent);
    QCOMPARE(p0.value, (std::uint64_t{1} << 3) | (std::uint64_t{1} << 9));
    QCOMPARE(p1.value, std::uint64_t{0});
    QCOMPARE(r.summary.ipisSent, std::uint64_t{1});
}

// scenario-format.md "Time and order": a handler return (hardware) precedes a timeline entry of
// the same ns. Delivery at 1300, handler_ns 200: UIRET at 1500.
void TestEngine::timelineAfterHandlerReturn_data() {
    QTest::addColumn<qint64>("opAt");
    QTest::addColumn<bool>("switchOut"); // else: a clui of the receiver
    QTest::addColumn<int>("deferred");
    QTest::addColumn<qint64>("uiretAt");

    QTest::newRow("clui at 1500 = UIRET time: runs after UIRET, not deferred")
        << qint64(1500) << false << 0 << qint64(1500);
    QTest::newRow("clui at 1499: in the handler, deferred to UIRET at 1500")
        << qint64(1499) << false << 1 << qint64(1500);
    QTest::newRow("switch-out at 1500: UIRET first, nothing left to resume")
        << qint64(1500) << true << 0 << qint64(1500);
    QTest::newRow("switch-out at 1499: handler resumes at 3000 for 1 ns")
        << qint64(1499) << true << 0 << qint64(3001);
}

void TestEngine::timelineAfterHandlerReturn() {
    QFETCH(qint64, opAt);
    QFETCH(bool, switchOut);
    QFETCH(int, deferred);
    QFETCH(qint64, uiretAt);
    auto b = plainSend();
    if (switchOut)
        b.run(opAt, 0, "other").run(3000, 0, "receiver");
    else
        b.op(opAt, "receiver", OpKind::Clui);
    const auto r = runScenario(b.build());
    QCOMPARE(countOf(r.trace, EventKind::OpDeferred), deferred);
    QCOMPARE(countOf(r.trace, EventKind::Uiret), 1);
    const int uiret = firstOf(r.trace, EventKind::Uiret);
    QCOMPARE(r.trace.events[static_cast<std::size_t>(uiret)].t, uiretAt);
    if (!switchOut) {
        const int clui = firstOf(r.trace, EventKind::Clui);
        QVERIFY(clui > uiret);
        QCOMPARE(r.trace.events[static_cast<std::size_t>(clui)].t, qint64(1500));
    } else if (opAt == 1500) {
        QVERIFY(firstOf(r.trace, EventKind::ContextSwitch, atTime(1500)) > uiret);
    }
}

// scenario-format.md "Time and order": an IPI sent by SENDUIPI reaches its target
// machine.ipi_latency_ns after it is sent; the self-IPI of switch_uintr_return
// machine.self_ipi_latency_ns after the return. Direct: sent at 1000, delivered at 1000 + L,
// UIRET 200 ns later. Self-IPI: posted at 600 while off-CPU (SN), switch-in at 2000, delivered
// at 2000 + L. `end_ns` is set past the UIRET: without it the run stops 100 us after the last
// entry (scenario-format.md `end_ns`), before the large latencies end.
void TestEngine::ipiLatency_data() {
    QTest::addColumn<qint64>("latency");
    QTest::addColumn<bool>("selfIpi");
    for (qint64 l : {0LL, 1LL, 300LL, 999LL, 1'000'000LL, 1'000'000'000LL}) {
        QTest::addRow("direct IPI, latency %lld", static_cast<long long>(l)) << l << false;
        QTest::addRow("self-IPI, latency %lld", static_cast<long long>(l)) << l << true;
    }
}

void TestEngine::ipiLatency() {
    QFETCH(qint64, latency);
    QFETCH(bool, selfIpi);
    ScenarioBuilder b;
    b.latency(latency).selfIpiLatency(latency).task("receiver", true).task("sender").task("other");
    b.connect("sender", "receiver", 3, 0);
    b.run(0, 0, "receiver").run(0, 1, "sender");
    std::int64_t sentAt = 1000;
    b.endNs(2000 + latency + 1000);
    if (selfIpi) {
        b.run(500, 0, "other").send(600, "sender").run(2000, 0, "receiver");
        sentAt = 2000;
    } else {
        b.send(1000, "sender");
    }
    const auto r = runScenario(b.build());
    const EventKind sentKind = selfIpi ? EventKind::SelfIpi : EventKind::IpiSent;
    QCOMPARE(timeOfFirst(r.trace, sentKind), sentAt);
    QCOMPARE(timeOfFirst(r.trace, EventKind::IpiArrived), sentAt + latency);
    QCOMPARE(deliveryTime(r), sentAt + latency);
    QCOMPARE(timeOfFirst(r.trace, EventKind::Uiret), sentAt + latency + 200);
    QCOMPARE(r.summary.ipisSent, std::uint64_t(selfIpi ? 0 : 1));
    QCOMPARE(r.summary.spurious.size(), std::size_t(0));
}

// scenario-format.md "Time and order": "A self-IPI can therefore itself become spurious if the
// task leaves again at once." Vector 3 posted at 600 under SN (no IPI, ON stays clear); switch-in
// at 2000 sends the self-IPI (lands 2300); the receiver leaves again at `leaveAt`. If that is
// before 2300 the self-IPI meets UINV = 0: UIS +1 on CPU 0, PIR keeps bit 3, and the next
// switch-in (3000) sends another self-IPI: delivered at 3300. This needs
// machine.self_ipi_latency_ns = 300: with the default 0 the self-IPI is taken at the return
// itself, before any later entry (scenario-format.md "Time and order").
void TestEngine::selfIpiCanBeSpurious_data() {
    QTest::addColumn<qint64>("leaveAt");
    QTest::addColumn<int>("spurious");
    QTest::addColumn<int>("selfIpis");
    QTest::addColumn<qint64>("deliveredAt");
    QTest::newRow("leaves at 2000 (same ns, after the switch-in)")
        << qint64(2000) << 1 << 2 << qint64(3300);
    QTest::newRow("leaves at 2299") << qint64(2299) << 1 << 2 << qint64(3300);
    QTest::newRow("leaves at 2300: processed first") << qint64(2300) << 0 << 1 << qint64(2300);
}

void TestEngine::selfIpiCanBeSpurious() {
    QFETCH(qint64, leaveAt);
    QFETCH(int, spurious);
    QFETCH(int, selfIpis);
    QFETCH(qint64, deliveredAt);
    ScenarioBuilder b;
    b.selfIpiLatency(300);
    b.task("receiver", true).task("sender").task("other").connect("sender", "receiver", 3, 0);
    b.run(0, 0, "receiver").run(0, 1, "sender").run(500, 0, "other").send(600, "sender");
    b.run(2000, 0, "receiver").run(leaveAt, 0, "other").run(3000, 0, "receiver");
    const auto r = runScenario(b.build());
    QCOMPARE(int(r.summary.spurious.size()), spurious);
    QCOMPARE(int(r.summary.uis[0]), spurious);
    QCOMPARE(countOf(r.trace, EventKind::SelfIpi), selfIpis);
    QCOMPARE(r.summary.ipisSent, std::uint64_t{0});
    QCOMPARE(deliveryTime(r), deliveredAt);
}

// scenario-format.md "Timeline": an operation whose task is not running at `at` waits until it
// runs again, and the trace says so (op_deferred, then the op with deferred = true).
void TestEngine::deferredOps_data() {
    QTest::addColumn<scenario::Scenario>("sc");
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<qint64>("deferredAt");
    QTest::addColumn<int>("reason");
    QTest::addColumn<qint64>("runAt");
    QTest::addColumn<qint64>("deliveredAt"); // -1: none

    const int notRunning = static_cast<int>(model::DeferReason::NotRunning);
    const int inHandler = static_cast<int>(model::DeferReason::InHandler);
    auto receiverAway = [] {
        // The receiver leaves CPU 0 at 200 and comes back at 1000.
        ScenarioBuilder b;
        b.task("receiver", true).task("sender").task("other").connect("sender", "receiver", 3, 0);
        b.run(0, 0, "receiver").run(0, 1, "sender").run(200, 0, "other");
        return b;
    };
    {
        // The sender is not on a CPU until 1000: its SENDUIPI at 500 runs at 1000, IPI lands 1300.
        ScenarioBuilder b;
        b.task("receiver", true).task("sender").connect("sender", "receiver", 3, 0);
        b.run(0, 0, "receiver").send(500, "sender").run(1000, 1, "sender");
        QTest::newRow("senduipi of an off-CPU sender runs at its switch-in")
            << b.build() << EventKind::SendUipi << qint64(500) << notRunning << qint64(1000)
            << qint64(1300);
    }
    {
        // self_ipi_latency_ns 300 (scenario-format.md "Time and order": with L > 0 the waiting
        // ops run at the return T, the self-IPI arrives at T + L): clui runs at 1000, after the
        // kernel's self-IPI was sent (PIR {3} posted at 600 under SN); the self-IPI lands at
        // 1300 with UIF = 0: processed, not delivered.
        auto b = receiverAway();
        b.selfIpiLatency(300);
        b.op(500, "receiver", OpKind::Clui).send(600, "sender").run(1000, 0, "receiver");
        QTest::newRow("clui of a switched-out receiver runs at switch-in, masks the self-IPI")
            << b.build() << EventKind::Clui << qint64(500) << notRunning << qint64(1000)
            << qint64(-1);
    }
    {
        // The default L = 0: the self-IPI is taken before the task's waiting ops, so vector 3 is
        // delivered at 1000 (UIF = 1) and the clui waits for the UIRET at 1200.
        auto b = receiverAway();
        b.op(500, "receiver", OpKind::Clui).send(600, "sender").run(1000, 0, "receiver");
        QTest::newRow("clui of a switched-out receiver, L = 0: delivered first, clui after UIRET")
            << b.build() << EventKind::Clui << qint64(500) << notRunning << qint64(1200)
            << qint64(1000);
    }
    {
        // L = 300: stui runs at 1000, the self-IPI lands 1300 and is delivered.
        auto b = receiverAway();
        b.selfIpiLatency(300);
        b.op(100, "receiver", OpKind::Clui).op(500, "receiver", OpKind::Stui);
        b.send(600, "sender").run(1000, 0, "receiver");
        QTest::newRow("stui of a switched-out receiver runs at switch-in, delivery at 1300")
            << b.build() << EventKind::Stui << qint64(500) << notRunning << qint64(1000)
            << qint64(1300);
    }
    {
        auto b = receiverAway();
        b.op(500, "receiver", OpKind::Testui).run(1000, 0, "receiver");
        QTest::newRow("testui waits for switch-in") << b.build() << EventKind::Testui << qint64(500)
                                                    << notRunning << qint64(1000) << qint64(-1);
    }
    {
        auto b = receiverAway();
        b.op(500, "receiver", OpKind::UintrWait).run(1000, 0, "receiver");
        QTest::newRow("uintr_wait waits for switch-in, then blocks")
            << b.build() << EventKind::Blocked << qint64(500) << notRunning << qint64(1000)
            << qint64(-1);
    }
    {
        auto b = receiverAway();
        b.op(500, "receiver", OpKind::Exit).run(1000, 0, "receiver");
        QTest::newRow("exit waits for switch-in") << b.build() << EventKind::Exit << qint64(500)
                                                  << notRunning << qint64(1000) << qint64(-1);
    }
    {
        // Delivered at 1300, handler until 1500: the receiver's clui at 1400 waits for UIRET.
        auto b = plainSend();
        b.op(1400, "receiver", OpKind::Clui);
        QTest::newRow("clui during the handler waits for UIRET")
            << b.build() << EventKind::Clui << qint64(1400) << inHandler << qint64(1500)
            << qint64(1300);
    }
    {
        // The receiver is also a sender (vector 5 back to "sender"): its SENDUIPI at 1400 falls
        // in its handler of vector 3 (1300..1500) and runs after UIRET, at 1500.
        ScenarioBuilder b;
        b.task("receiver", true).task("sender", true);
        b.connect("sender", "receiver", 3, 0).connect("receiver", "sender", 5, 0);
        b.run(0, 0, "receiver").run(0, 1, "sender").send(1000, "sender").send(1400, "receiver");
        QTest::newRow("senduipi during the handler waits for UIRET")
            << b.build() << EventKind::SendUipi << qint64(1400) << inHandler << qint64(1500)
            << qint64(1300);
    }
}

void TestEngine::deferredOps() {
    QFETCH(scenario::Scenario, sc);
    QFETCH(EventKind, kind);
    QFETCH(qint64, deferredAt);
    QFETCH(int, reason);
    QFETCH(qint64, runAt);
    QFETCH(qint64, deliveredAt);
    const auto r = runScenario(sc);
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(waits.size(), std::size_t(1));
    const auto& w = r.trace.events[static_cast<std::size_t>(waits[0])];
    QCOMPARE(w.t, deferredAt);
    QCOMPARE(static_cast<int>(w.reason), reason);
    QVERIFY(w.entry >= 0);
    // The op itself (or for uintr_wait/exit, its effect) at the switch-in / UIRET.
    const int ran = firstOf(r.trace, kind, [&](const TraceEvent& e) { return e.t >= deferredAt; });
    QVERIFY(ran > waits[0]);
    const auto& op = r.trace.events[static_cast<std::size_t>(ran)];
    QCOMPARE(op.t, runAt);
    if (kind != EventKind::Blocked && kind != EventKind::Exit) {
        QVERIFY(op.flags & model::kFlagDeferred);
        QCOMPARE(op.entry, w.entry);
    }
    QCOMPARE(deliveryTime(r), deliveredAt);
}

// Deferred ops keep their file order: clui at 500 and stui at 600, both while off-CPU, run at
// 1000 as clui then stui.
void TestEngine::deferredOpsKeepFileOrder() {
    ScenarioBuilder b;
    b.task("receiver", true).task("other");
    b.run(0, 0, "receiver").run(200, 0, "other");
    b.op(500, "receiver", OpKind::Clui).op(600, "receiver", OpKind::Stui);
    b.op(700, "receiver", OpKind::Testui).run(1000, 0, "receiver");
    const auto r = runScenario(b.build());
    QCOMPARE(countOf(r.trace, EventKind::OpDeferred), 3);
    const int clui = firstOf(r.trace, EventKind::Clui);
    const int stui = firstOf(r.trace, EventKind::Stui);
    const int testui = firstOf(r.trace, EventKind::Testui);
    QVERIFY(clui >= 0 && clui < stui && stui < testui);
    for (int i : {clui, stui, testui})
        QCOMPARE(r.trace.events[static_cast<std::size_t>(i)].t, qint64(1000));
    QVERIFY(r.trace.events[static_cast<std::size_t>(testui)].flags & model::kFlagCf);
}

// uintr-reference.md §3: the handler runs kernel.handler_ns, then UIRET pops RIP, RFLAGS and RSP
// and sets UIF. Delivered at 1300; UIRET at 1300 + h.
void TestEngine::handlerDuration_data() {
    QTest::addColumn<qint64>("handlerNs");
    for (qint64 h : {0LL, 1LL, 200LL, 5000LL, 1'000'000'000LL})
        QTest::addRow("handler_ns %lld", static_cast<long long>(h)) << h;
}

void TestEngine::handlerDuration() {
    QFETCH(qint64, handlerNs);
    auto b = plainSend();
    // end_ns past the UIRET: the 100 us horizon after the last entry (scenario-format.md
    // `end_ns`) would stop a run with a 1 s handler before its UIRET.
    b.handlerNs(handlerNs).endNs(1300 + handlerNs + 1000);
    const auto sc = b.build();
    const sim::Recording rec(sc);
    const auto& trace = rec.trace();
    QCOMPARE(timeOfFirst(trace, EventKind::UserInterruptDelivered), qint64(1300));
    QCOMPARE(timeOfFirst(trace, EventKind::Uiret), 1300 + handlerNs);

    const auto before = rec.stateAt(1299).state().cpus[0].lp;
    QVERIFY(before.uif);
    // Just after delivery: UIF = 0, RIP = the handler, four quadwords pushed below the adjusted
    // and 16-byte-aligned RSP (§3). With handler_ns = 0 UIRET happens at the same ns.
    if (handlerNs > 0) {
        const auto in = rec.stateAt(1300).state().cpus[0].lp;
        QVERIFY(!in.uif);
        QCOMPARE(in.rip, in.msrs.handler);
        const std::uint64_t adjusted = (before.rsp - in.msrs.stackAdjust) & ~std::uint64_t{0xF};
        QCOMPARE(in.rsp, adjusted - 32);
        const auto last = rec.stateAt(1300 + handlerNs - 1).state().cpus[0].lp;
        QVERIFY(!last.uif);
    }
    const auto after = rec.stateAt(1300 + handlerNs).state().cpus[0].lp;
    QVERIFY(after.uif);
    QCOMPARE(after.rip, before.rip);
    QCOMPARE(after.rsp, before.rsp);
    QCOMPARE(after.rflags, before.rflags);
}

// A switch-out preempts the handler; it resumes at switch-in for the time it had left
// (scenario-format.md "Time and order" does not stop the handler's clock while the task is out:
// the remaining time is counted from when it runs again). Delivery at 1300.
void TestEngine::handlerPreempted_data() {
    QTest::addColumn<qint64>("handlerNs");
    QTest::addColumn<qint64>("switchNs");
    QTest::addColumn<QList<qint64>>("switches"); // out, in, out, in … of the receiver on CPU 0
    QTest::addColumn<qint64>("uiretAt");

    // 200 - 50 = 150 left at 3000: 3150.
    QTest::newRow("out 50 ns into the handler")
        << qint64(200) << qint64(0) << QList<qint64>{1350, 3000} << qint64(3150);
    QTest::newRow("out at the delivery instant")
        << qint64(200) << qint64(0) << QList<qint64>{1300, 3000} << qint64(3200);
    QTest::newRow("out 1 ns before the end")
        << qint64(200) << qint64(0) << QList<qint64>{1499, 3000} << qint64(3001);
    QTest::newRow("out at the end: returned first")
        << qint64(200) << qint64(0) << QList<qint64>{1500, 3000} << qint64(1500);
    // Twice: 150 left at 2000, out at 2100 with 50 left, back at 3000: 3050.
    QTest::newRow("preempted twice")
        << qint64(200) << qint64(0) << QList<qint64>{1350, 2000, 2100, 3000} << qint64(3050);
    // context_switch_ns 100: out at 1350 (CPU busy until 1450), in at 3000, runs at 3100; 150
    // left: 3250.
    QTest::newRow("with context_switch_ns 100")
        << qint64(200) << qint64(100) << QList<qint64>{1350, 3000} << qint64(3250);
    QTest::newRow("long handler, short visit")
        << qint64(10000) << qint64(0) << QList<qint64>{2300, 5000} << qint64(14000);
}

void TestEngine::handlerPreempted() {
    QFETCH(qint64, handlerNs);
    QFETCH(qint64, switchNs);
    QFETCH(QList<qint64>, switches);
    QFETCH(qint64, uiretAt);
    auto b = plainSend();
    b.handlerNs(handlerNs).switchNs(switchNs);
    for (int i = 0; i < switches.size(); ++i)
        b.run(switches[i], 0, i % 2 == 0 ? "other" : "receiver");
    const auto r = runScenario(b.build());
    QCOMPARE(deliveryTime(r), qint64(1300));
    QCOMPARE(countOf(r.trace, EventKind::Uiret), 1);
    QCOMPARE(timeOfFirst(r.trace, EventKind::Uiret), uiretAt);
    QCOMPARE(r.summary.userInterrupts.size(), std::size_t(1));
}

// kernel.context_switch_ns: the CPU is in the kernel for that long; a switch that arrives
// meanwhile waits (op_deferred, in_switch); UINV is clear from the save to the restore.
void TestEngine::switchDuringContextSwitch_data() {
    QTest::addColumn<scenario::Scenario>("sc");
    QTest::addColumn<int>("deferred");
    QTest::addColumn<qint64>("receiverBackAt"); // its xrstors
    QTest::addColumn<int>("spurious");
    QTest::addColumn<qint64>("deliveredAt");
    QTest::addColumn<int>("lastReason"); // model::DeferReason of the last op_deferred

    auto window = [](std::int64_t inAt) {
        ScenarioBuilder b;
        b.switchNs(250).task("receiver", true).task("sender").connect("sender", "receiver", 3, 0);
        b.run(0, 0, "receiver").run(0, 1, "sender").send(1000, "sender");
        b.run(1100, 0, "").run(inAt, 0, "receiver", "switch-in");
        return b;
    };
    // Out at 1100 (kernel until 1350); in at 1200 waits; the IPI at 1300 is spurious and the
    // kernel's IDT handler runs kernel.irq_ns = 100 (scenario-format.md "The way back to user
    // space"): "timeline entries and ops for that CPU wait until then" ("Time and order"), so the
    // switch-in starts at 1400 and is back at 1400 + 250 = 1650; the self-IPI (latency 0) is
    // taken at once: delivered at 1650.
    const int inSwitch = static_cast<int>(model::DeferReason::InSwitch);
    const int inIrq = static_cast<int>(model::DeferReason::InIrq);
    QTest::newRow("switch-in during the switch-out waits")
        << window(1200).build() << 1 << qint64(1650) << 1 << qint64(1650) << inSwitch;
    // In exactly at 1350: the completion (hardware) comes first, but the IDT handler of 1300
    // still runs until 1400: it waits (in_irq); back at 1650.
    QTest::newRow("switch-in at the completion instant")
        << window(1350).build() << 1 << qint64(1650) << 1 << qint64(1650) << inIrq;
    // In at 1349: still switching: waits, once, until the switch and the IDT handler are done.
    QTest::newRow("switch-in 1 ns before completion")
        << window(1349).build() << 1 << qint64(1650) << 1 << qint64(1650) << inSwitch;
    {
        // After the IDT handler (1400): nothing to wait for; back at 1650.
        QTest::newRow("switch-in after the IDT handler returned")
            << window(1400).build() << 0 << qint64(1650) << 1 << qint64(1650) << inSwitch;
    }
    {
        // The sender comes on CPU 1 at 500 (kernel until 750); its SENDUIPI at 600 waits
        // (in_switch) and runs at 750; IPI lands at 1050 and is delivered.
        ScenarioBuilder b;
        b.switchNs(250).task("receiver", true).task("sender").connect("sender", "receiver", 3, 0);
        b.run(0, 0, "receiver").run(500, 1, "sender").send(600, "sender");
        QTest::newRow("op of the incoming task waits for the end of the switch")
            << b.build() << 1 << qint64(-1) << 0 << qint64(1050) << inSwitch;
    }
}

void TestEngine::switchDuringContextSwitch() {
    QFETCH(scenario::Scenario, sc);
    QFETCH(int, deferred);
    QFETCH(qint64, receiverBackAt);
    QFETCH(int, spurious);
    QFETCH(qint64, deliveredAt);
    QFETCH(int, lastReason);
    const auto r = runScenario(sc);
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(static_cast<int>(waits.size()), deferred);
    if (!waits.empty())
        QCOMPARE(int(r.trace.events[static_cast<std::size_t>(waits.back())].reason), lastReason);
    if (receiverBackAt >= 0)
        QCOMPARE(timeOfFirst(r.trace, EventKind::Xrstors,
                             [](const TraceEvent& e) { return e.task == 0 && e.t > 0; }),
                 receiverBackAt);
    QCOMPARE(static_cast<int>(r.summary.spurious.size()), spurious);
    QCOMPARE(deliveryTime(r), deliveredAt);
}

// Two switches queued behind a slow one (context_switch_ns 250): to-b at 1100 runs until 1350;
// to-c (1200) and to-a (1250) wait. At 1350 to-c starts (until 1600) and to-a keeps waiting,
// without a second op_deferred; a runs again at 1600 + 250 = 1850.
void TestEngine::queuedSwitchesWaitOnce() {
    ScenarioBuilder b;
    b.cpus(1).switchNs(250).task("a").task("b").task("c");
    b.run(0, 0, "a").run(1100, 0, "b", "to-b").run(1200, 0, "c", "to-c").run(1250, 0, "a", "to-a");
    const auto r = runScenario(b.build());
    const auto waits = eventsOf(r.trace, EventKind::OpDeferred);
    QCOMPARE(waits.size(), std::size_t(2));
    QCOMPARE(r.trace.events[static_cast<std::size_t>(waits[0])].t, qint64(1200));
    QCOMPARE(r.trace.events[static_cast<std::size_t>(waits[1])].t, qint64(1250));
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.task == 2; }),
             qint64(1350));
    QCOMPARE(timeOfFirst(r.trace, EventKind::ContextSwitch,
                         [](const TraceEvent& e) { return e.task == 0 && e.t > 0; }),
             qint64(1600));
    QCOMPARE(timeOfFirst(r.trace, EventKind::Xrstors,
                         [](const TraceEvent& e) { return e.task == 0 && e.t > 0; }),
             qint64(1850));
}

// scenario-format.md "Time and order": at time 0 a receiver that a time-0 entry runs has UINV
// programmed and SN clear; any other receiver is switched out: SN set (clear under no-sn),
// NDST = APIC ID 0, UINV saved as the notification vector.
void TestEngine::initialState_data() {
    QTest::addColumn<scenario::KernelVariant>("variant");
    QTest::addColumn<scenario::ApicMode>("apic");
    QTest::addColumn<int>("nv");
    QTest::addColumn<bool>("idleSn");
    QTest::addColumn<quint32>("runningNdst"); // the running receiver is on CPU 3

    using KV = scenario::KernelVariant;
    using AM = scenario::ApicMode;
    QTest::newRow("rfc-v1 x2apic") << KV::RfcV1 << AM::X2Apic << 0xEC << true << quint32(3);
    QTest::newRow("rfc-v1 xapic") << KV::RfcV1 << AM::XApic << 0xEC << true << quint32(0x300);
    QTest::newRow("no-sn x2apic: SN clear")
        << KV::NoSn << AM::X2Apic << 0xEC << false << quint32(3);
    QTest::newRow("no-sn xapic: SN clear")
        << KV::NoSn << AM::XApic << 0xEC << false << quint32(0x300);
    QTest::newRow("misc-restore-bug x2apic")
        << KV::MiscRestoreBug << AM::X2Apic << 0xEC << true << quint32(3);
    QTest::newRow("rfc-v1, notification_vector 0xF2")
        << KV::RfcV1 << AM::X2Apic << 0xF2 << true << quint32(3);
}

void TestEngine::initialState() {
    QFETCH(scenario::KernelVariant, variant);
    QFETCH(scenario::ApicMode, apic);
    QFETCH(int, nv);
    QFETCH(bool, idleSn);
    QFETCH(quint32, runningNdst);
    ScenarioBuilder b;
    b.cpus(4).variant(variant).apic(apic).task("running", true).task("waiting", true);
    b.scenario().machine.notificationVector = static_cast<std::uint8_t>(nv);
    b.run(0, 3, "running").run(500, 1, "waiting");
    const sim::Recording rec(b.build());
    const auto s0 = rec.stateAt(0);

    const auto waiting = upidOf(s0, 1);
    QCOMPARE(waiting.sn(), idleSn);
    QCOMPARE(waiting.ndst(), quint32(0));
    QCOMPARE(waiting.on(), false);
    QCOMPARE(waiting.nv(), std::uint8_t(nv));
    QCOMPARE(waiting.pir, std::uint64_t{0});
    QCOMPARE(imageOf(s0, 1).msrs.uinv(), std::uint8_t(nv));
    QCOMPARE(s0.state().tasks[1].status, model::TaskStatus::Ready);

    const auto running = upidOf(s0, 0);
    QCOMPARE(running.sn(), false);
    QCOMPARE(running.ndst(), runningNdst);
    QCOMPARE(s0.state().cpus[3].lp.msrs.uinv(), std::uint8_t(nv));
    QCOMPARE(s0.state().cpus[3].lp.cpl, arch::Cpl::User);
    QCOMPARE(s0.state().cpus[3].task, 0);

    // At 500 the waiting receiver is switched in on CPU 1: SN clear, NDST = CPU 1.
    const auto s500 = rec.stateAt(500);
    QCOMPARE(upidOf(s500, 1).sn(), false);
    QCOMPARE(upidOf(s500, 1).ndst(),
             apic == scenario::ApicMode::XApic ? quint32(0x100) : quint32(1));
    QCOMPARE(s500.state().cpus[1].lp.msrs.uinv(), std::uint8_t(nv));
}

// uintr-reference.md §6, step by step, read back from the recording at instants of the seed
// race: SENDUIPI 1000, switch-out 1100, arrival 1300 (spurious), switch-in 3000 where the
// self-IPI (machine.self_ipi_latency_ns 0: taken before the first user instruction,
// scenario-format.md "Time and order") is processed and delivered, UIRET at 3200.
void TestEngine::seedRaceStateAt_data() {
    QTest::addColumn<qint64>("t");
    QTest::addColumn<bool>("sn");
    QTest::addColumn<bool>("on");
    QTest::addColumn<quint64>("pir");
    QTest::addColumn<int>("uinv"); // CPU 0's IA32_UINTR_MISC.UINV
    QTest::addColumn<int>("uis");  // CPU 0
    QTest::addColumn<int>("cpu0Task");
    QTest::addColumn<quint64>("uirr"); // the receiver's UIRR (live or saved)

    const quint64 bit3 = 1u << 3;
    QTest::newRow("0: receiver runs, SN clear")
        << qint64(0) << false << false << quint64(0) << 0xEC << 0 << 0 << quint64(0);
    QTest::newRow("999: nothing sent yet")
        << qint64(999) << false << false << quint64(0) << 0xEC << 0 << 0 << quint64(0);
    QTest::newRow("1000: posted, ON set")
        << qint64(1000) << false << true << bit3 << 0xEC << 0 << 0 << quint64(0);
    QTest::newRow("1099: IPI in flight")
        << qint64(1099) << false << true << bit3 << 0xEC << 0 << 0 << quint64(0);
    QTest::newRow("1100: switched out: SN=1, ON=1, UINV=0")
        << qint64(1100) << true << true << bit3 << 0 << 0 << 2 << quint64(0);
    QTest::newRow("1299: still in flight")
        << qint64(1299) << true << true << bit3 << 0 << 0 << 2 << quint64(0);
    QTest::newRow("1300: spurious, UPID untouched")
        << qint64(1300) << true << true << bit3 << 0 << 1 << 2 << quint64(0);
    QTest::newRow("2999: waiting in PIR")
        << qint64(2999) << true << true << bit3 << 0 << 1 << 2 << quint64(0);
    QTest::newRow("3000: switched in: SN=0, UINV back, self-IPI processed and delivered")
        << qint64(3000) << false << false << quint64(0) << 0xEC << 1 << 0 << quint64(0);
    QTest::newRow("3199: in the handler")
        << qint64(3199) << false << false << quint64(0) << 0xEC << 1 << 0 << quint64(0);
    QTest::newRow("3200: after UIRET")
        << qint64(3200) << false << false << quint64(0) << 0xEC << 1 << 0 << quint64(0);
}

void TestEngine::seedRaceStateAt() {
    QFETCH(qint64, t);
    QFETCH(bool, sn);
    QFETCH(bool, on);
    QFETCH(quint64, pir);
    QFETCH(int, uinv);
    QFETCH(int, uis);
    QFETCH(int, cpu0Task);
    QFETCH(quint64, uirr);
    const sim::Recording rec(seedRace().build());
    const auto s = rec.stateAt(t);
    const auto u = upidOf(s, kReceiver);
    QCOMPARE(u.sn(), sn);
    QCOMPARE(u.on(), on);
    QCOMPARE(u.pir, pir);
    QCOMPARE(u.nv(), std::uint8_t(0xEC));
    QCOMPARE(u.ndst(), quint32(0));
    QCOMPARE(int(s.state().cpus[0].lp.msrs.uinv()), uinv);
    QCOMPARE(int(s.state().cpus[0].uis), uis);
    QCOMPARE(int(s.state().cpus[1].uis), 0);
    QCOMPARE(s.state().cpus[0].task, cpu0Task);
    QCOMPARE(s.state().cpus[1].task, kSender);
    const auto pending = s.pending();
    QCOMPARE(pending[0].uirr, uirr);
    // The handler runs from 3000 to 3200 with UIF = 0.
    QCOMPARE(s.state().tasks[kReceiver].inHandler, t >= 3000 && t < 3200);
    if (cpu0Task == kReceiver) QCOMPARE(s.state().cpus[0].lp.uif, !(t >= 3000 && t < 3200));
}

// IPIs in flight at an instant (the inspector's view): the seed race's IPI from 1000 to 1300;
// the self-IPI of the switch-in at 3000 is never in flight with machine.self_ipi_latency_ns 0,
// and from 3000 to 3300 with 300 (scenario-format.md "Time and order").
void TestEngine::inFlightAt_data() {
    QTest::addColumn<qint64>("selfIpiLatency");
    QTest::addColumn<qint64>("t");
    QTest::addColumn<qint64>("arrival"); // -1: none in flight
    for (qint64 l : {0LL, 300LL}) {
        auto row = [&](qint64 t, qint64 arrival) {
            QTest::addRow("L %lld, %lld", static_cast<long long>(l), static_cast<long long>(t))
                << l << t << arrival;
        };
        row(999, -1);
        row(1000, 1300);
        row(1299, 1300);
        row(1300, -1);
        row(3000, l ? 3300 : -1);
        row(3299, l ? 3300 : -1);
        row(3300, -1);
    }
}

void TestEngine::inFlightAt() {
    QFETCH(qint64, selfIpiLatency);
    QFETCH(qint64, t);
    QFETCH(qint64, arrival);
    const sim::Recording rec(seedRace().selfIpiLatency(selfIpiLatency).build());
    const auto flying = rec.stateAt(t).inFlight();
    if (arrival < 0) {
        QVERIFY(flying.empty());
        return;
    }
    QCOMPARE(flying.size(), std::size_t(1));
    QCOMPARE(flying[0].arrival, arrival);
    QCOMPARE(flying[0].cpu, 0);
    QCOMPARE(flying[0].vector, std::uint8_t(0xEC));
}

// uintr-reference.md §1 UPID.NDST: x2APIC all 32 bits, xAPIC bits 15:8. The receiver is switched
// in on `cpu` at 100 (or placed there at time 0); the sender's IPI at 1000 must decode NDST
// back to that CPU.
void TestEngine::ndstEncoding_data() {
    QTest::addColumn<scenario::ApicMode>("apic");
    QTest::addColumn<int>("cpu");
    QTest::addColumn<bool>("atTimeZero");
    QTest::addColumn<quint32>("ndst");
    using AM = scenario::ApicMode;
    QTest::newRow("x2apic CPU 5") << AM::X2Apic << 5 << false << quint32(5);
    QTest::newRow("xapic CPU 5") << AM::XApic << 5 << false << quint32(0x500);
    QTest::newRow("x2apic CPU 5 at time 0") << AM::X2Apic << 5 << true << quint32(5);
    QTest::newRow("xapic CPU 5 at time 0") << AM::XApic << 5 << true << quint32(0x500);
    QTest::newRow("xapic CPU 1") << AM::XApic << 1 << false << quint32(0x100);
    QTest::newRow("x2apic CPU 0") << AM::X2Apic << 0 << false << quint32(0);
    QTest::newRow("xapic CPU 0") << AM::XApic << 0 << false << quint32(0);
    QTest::newRow("x2apic CPU 255") << AM::X2Apic << 255 << false << quint32(255);
    // xAPIC APIC ID 0xFF is the broadcast destination, not CPU 255 (tst_kernel_paths).
    QTest::newRow("xapic CPU 254") << AM::XApic << 254 << false << quint32(0xFE00);
}

void TestEngine::ndstEncoding() {
    QFETCH(scenario::ApicMode, apic);
    QFETCH(int, cpu);
    QFETCH(bool, atTimeZero);
    QFETCH(quint32, ndst);
    const int senderCpu = cpu == 0 ? 1 : 0;
    ScenarioBuilder b;
    b.cpus(std::max(cpu + 1, 2)).apic(apic).task("receiver", true).task("sender");
    b.connect("sender", "receiver", 3, 0);
    b.run(0, senderCpu, "sender").run(atTimeZero ? 0 : 100, cpu, "receiver");
    b.send(1000, "sender");
    const sim::Recording rec(b.build());
    const auto s = rec.stateAt(100);
    QCOMPARE(upidOf(s, 0).ndst(), ndst);
    QCOMPARE(upidOf(s, 0).sn(), false);
    const auto& trace = rec.trace();
    const int sent = firstOf(trace, EventKind::IpiSent);
    QVERIFY(sent >= 0);
    QCOMPARE(trace.events[static_cast<std::size_t>(sent)].value, std::uint64_t(ndst));
    QCOMPARE(trace.events[static_cast<std::size_t>(sent)].other, cpu);
    QCOMPARE(rec.summary().userInterrupts.size(), std::size_t(1));
    QCOMPARE(rec.summary().userInterrupts[0].cpu, cpu);
    QCOMPARE(rec.summary().userInterrupts[0].t, qint64(1300));
}

QTEST_APPLESS_MAIN(TestEngine)
#include "tst_engine.moc"
