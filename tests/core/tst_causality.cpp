// The happens-before graph of a trace (analysis/Causality.h) on the scenarios' stories. The
// chains come from the rules: SENDUIPI posts (§2.4), the post's IPI (§2.5) arrives (scenario-format
// "Time and order"), an arrival on a cleared UINV goes through the IDT (§3, §4) because XSAVES
// cleared it; at switch-in the kernel's self-IPI (§5 switch_uintr_return) announces what is in
// PIR, and its processing puts the vector in UIRR for delivery (§3).
#include "ScenarioBuilder.h"
#include "analysis/Causality.h"

#include <QObject>
#include <QTest>
#include <algorithm>

using namespace uintr;
using namespace uintr::test;
using model::EventKind;

Q_DECLARE_METATYPE(uintr::model::EventKind)

namespace {

bool contains(const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

struct Story {
    RunResult run;
    analysis::CausalityGraph graph;
    explicit Story(const std::string& file)
        : run(runScenario(loadScenario(file))), graph(run.trace) {}
    // The n-th event of `kind` for which `task` is the event's task (any task when -1).
    int nth(EventKind kind, int n = 0, int task = -1) const {
        const auto all = eventsOf(
            run.trace, kind, [task](const TraceEvent& e) { return task < 0 || e.task == task; });
        return n < static_cast<int>(all.size()) ? all[static_cast<std::size_t>(n)] : -1;
    }
};

} // namespace

class TestCausality : public QObject {
    Q_OBJECT
  private slots:
    void causesOfDelivery_data();
    void causesOfDelivery();
    void causesOfSpurious_data();
    void causesOfSpurious();
    void effectsOfSend_data();
    void effectsOfSend();
    void notCaused_data();
    void notCaused();
    void programOrder_data();
    void programOrder();
    void graphShape();
};

// causesOf(delivery) holds the chain back to the SENDUIPI.
void TestCausality::causesOfDelivery_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("delivery"); // which delivery (0 = first)
    QTest::addColumn<EventKind>("cause");
    QTest::addColumn<int>("nth"); // which event of that kind
    const char* seed = "seed-race.json";
    // §6: send → post → (spurious IPI) … switch-in → self-IPI → arrival → processing → delivery.
    QTest::newRow("seed: self_ipi") << seed << 0 << EventKind::SelfIpi << 0;
    QTest::newRow("seed: pir_posted") << seed << 0 << EventKind::PirPosted << 0;
    QTest::newRow("seed: senduipi") << seed << 0 << EventKind::SendUipi << 0;
    QTest::newRow("seed: second ipi_arrived (the self-IPI's)")
        << seed << 0 << EventKind::IpiArrived << 1;
    QTest::newRow("seed: notification_processed")
        << seed << 0 << EventKind::NotificationProcessed << 0;
    QTest::newRow("seed: the switch-in") << seed << 0 << EventKind::ContextSwitch << 3;
    // No race: the direct IPI's arrival and the send.
    QTest::newRow("after arrival: ipi_sent")
        << "switch-after-arrival.json" << 0 << EventKind::IpiSent << 0;
    QTest::newRow("after arrival: ipi_arrived")
        << "switch-after-arrival.json" << 0 << EventKind::IpiArrived << 0;
    // SN: no IPI, but the post still causes the delivery through the self-IPI.
    QTest::newRow("reviewer: pir_posted")
        << "reviewer-offcpu-send.json" << 0 << EventKind::PirPosted << 0;
    QTest::newRow("reviewer: self_ipi")
        << "reviewer-offcpu-send.json" << 0 << EventKind::SelfIpi << 0;
    // uintr_wait: the kernel vector's wake-up leads to the switch-in and its self-IPI.
    QTest::newRow("wait: kernel_vector")
        << "uintr-wait-wakeup.json" << 0 << EventKind::KernelVector << 0;
    QTest::newRow("wait: woken") << "uintr-wait-wakeup.json" << 0 << EventKind::Woken << 0;
    QTest::newRow("wait: senduipi") << "uintr-wait-wakeup.json" << 0 << EventKind::SendUipi << 0;
    // Migration: the delivery on CPU 2 comes from the self-IPI there, not from the lost IPI.
    QTest::newRow("migration: self_ipi on CPU 2")
        << "migration-in-flight.json" << 0 << EventKind::SelfIpi << 0;
    // Two vectors in one notification: the second delivery (vector 3) was caused by sender-a's
    // post and by the UIRET that re-enabled it.
    QTest::newRow("two vectors: the first senduipi")
        << "two-vectors-highest-first.json" << 1 << EventKind::SendUipi << 0;
    QTest::newRow("two vectors: uiret of 9")
        << "two-vectors-highest-first.json" << 1 << EventKind::Uiret << 0;
    QTest::newRow("clui: the stui that let it in")
        << "clui-masks.json" << 0 << EventKind::Stui << 0;
}

void TestCausality::causesOfDelivery() {
    QFETCH(QString, file);
    QFETCH(int, delivery);
    QFETCH(EventKind, cause);
    QFETCH(int, nth);
    const Story s(file.toStdString());
    const int d = s.nth(EventKind::UserInterruptDelivered, delivery);
    const int c = s.nth(cause, nth);
    QVERIFY(d >= 0 && c >= 0);
    const auto causes = s.graph.causesOf(d);
    QVERIFY2(contains(causes, c),
             qPrintable(QStringLiteral("event %1 not among the causes").arg(c)));
    QVERIFY(contains(causes, d)); // E itself
    QVERIFY(s.graph.happensBefore(c, d));
}

// causesOf(spurious): the IPI that arrived and the XSAVES that cleared UINV.
void TestCausality::causesOfSpurious_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("spurious");
    QTest::addColumn<EventKind>("cause");
    QTest::addColumn<int>("nth");
    QTest::addColumn<int>("task"); // the event's task, -1: any
    const char* seed = "seed-race.json";
    QTest::newRow("seed: xsaves of the receiver") << seed << 0 << EventKind::Xsaves << 0 << 0;
    QTest::newRow("seed: ipi_sent") << seed << 0 << EventKind::IpiSent << 0 << -1;
    QTest::newRow("seed: senduipi") << seed << 0 << EventKind::SendUipi << 0 << -1;
    QTest::newRow("seed: the switch-out") << seed << 0 << EventKind::ContextSwitch << 2 << -1;
    QTest::newRow("no-sn: ipi_sent to the stale CPU")
        << "variant-no-sn.json" << 0 << EventKind::IpiSent << 0 << -1;
    QTest::newRow("no-sn: xsaves") << "variant-no-sn.json" << 0 << EventKind::Xsaves << 0 << 0;
    // misc-restore-bug: the second spurious is the self-IPI's; it meets the UINV that the
    // second XSAVES lost.
    QTest::newRow("misc: self_ipi")
        << "variant-misc-restore-bug.json" << 1 << EventKind::SelfIpi << 0 << -1;
    QTest::newRow("migration: ipi_sent")
        << "migration-in-flight.json" << 0 << EventKind::IpiSent << 0 << -1;
    QTest::newRow("slow switch: xsaves")
        << "context-switch-window.json" << 0 << EventKind::Xsaves << 0 << 0;
}

void TestCausality::causesOfSpurious() {
    QFETCH(QString, file);
    QFETCH(int, spurious);
    QFETCH(EventKind, cause);
    QFETCH(int, nth);
    QFETCH(int, task);
    const Story s(file.toStdString());
    const int sp = s.nth(EventKind::SpuriousNotification, spurious);
    const int c = s.nth(cause, nth, task);
    QVERIFY(sp >= 0 && c >= 0);
    QVERIFY(contains(s.graph.causesOf(sp), c));
}

// effectsOf(senduipi) reaches the spurious notification and the delivery.
void TestCausality::effectsOfSend_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<EventKind>("effect");
    QTest::addColumn<int>("nth");
    QTest::newRow("seed: spurious_notification")
        << "seed-race.json" << EventKind::SpuriousNotification << 0;
    QTest::newRow("seed: self_ipi") << "seed-race.json" << EventKind::SelfIpi << 0;
    QTest::newRow("seed: user_interrupt_delivered")
        << "seed-race.json" << EventKind::UserInterruptDelivered << 0;
    QTest::newRow("seed: uiret") << "seed-race.json" << EventKind::Uiret << 0;
    QTest::newRow("reviewer: ipi_suppressed")
        << "reviewer-offcpu-send.json" << EventKind::IpiSuppressed << 0;
    QTest::newRow("wait: woken") << "uintr-wait-wakeup.json" << EventKind::Woken << 0;
    QTest::newRow("faults: the #GP") << "senduipi-faults.json" << EventKind::Fault << 0;
}

void TestCausality::effectsOfSend() {
    QFETCH(QString, file);
    QFETCH(EventKind, effect);
    QFETCH(int, nth);
    const Story s(file.toStdString());
    const int send = s.nth(EventKind::SendUipi, 0);
    const int e = s.nth(effect, nth);
    QVERIFY(send >= 0 && e >= 0);
    QVERIFY(contains(s.graph.effectsOf(send), e));
}

// What is not a cause: the sender's placement does not explain the receiver's switch-out, and a
// later event never causes an earlier one.
void TestCausality::notCaused_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<EventKind>("from");
    QTest::addColumn<int>("fromNth");
    QTest::addColumn<EventKind>("to");
    QTest::addColumn<int>("toNth");
    // seed: the switch-out (context_switch #2) is a timeline decision, not an effect of the send.
    QTest::newRow("seed: senduipi does not cause the switch-out")
        << "seed-race.json" << EventKind::SendUipi << 0 << EventKind::ContextSwitch << 2;
    QTest::newRow("seed: delivery does not cause the spurious")
        << "seed-race.json" << EventKind::UserInterruptDelivered << 0
        << EventKind::SpuriousNotification << 0;
    // faults: the #GP of index 256 does not lead to the valid send's delivery.
    QTest::newRow("faults: #GP does not cause the delivery")
        << "senduipi-faults.json" << EventKind::Fault << 0 << EventKind::UserInterruptDelivered
        << 0;
}

void TestCausality::notCaused() {
    QFETCH(QString, file);
    QFETCH(EventKind, from);
    QFETCH(int, fromNth);
    QFETCH(EventKind, to);
    QFETCH(int, toNth);
    const Story s(file.toStdString());
    const int a = s.nth(from, fromNth);
    const int b = s.nth(to, toNth);
    QVERIFY(a >= 0 && b >= 0);
    QVERIFY(!contains(s.graph.effectsOf(a), b));
    QVERIFY(!contains(s.graph.causesOf(b), a));
}

// happensBefore: program order on a CPU (every earlier event on that CPU precedes a later one),
// never backwards, irreflexive; across CPUs only through causality.
void TestCausality::programOrder_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"seed-race.json", "migration-in-flight.json", "uintr-wait-wakeup.json",
                          "two-vectors-highest-first.json", "context-switch-window.json"})
        QTest::newRow(f) << f;
}

void TestCausality::programOrder() {
    QFETCH(QString, file);
    const Story s(file.toStdString());
    const auto& ev = s.run.trace.events;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        QVERIFY(!s.graph.happensBefore(int(i), int(i)));
        for (std::size_t j = i + 1; j < ev.size(); ++j) {
            QVERIFY2(!s.graph.happensBefore(int(j), int(i)), "happens-before runs backwards");
            if (ev[i].cpu >= 0 && ev[i].cpu == ev[j].cpu)
                QVERIFY2(s.graph.happensBefore(int(i), int(j)), "program order on a CPU");
        }
    }
}

// The seed race's cross-CPU edge: CPU 1's senduipi happens before CPU 0's spurious only through
// the IPI; CPU 1's time-0 switch has no path to CPU 0's switch-out.
void TestCausality::graphShape() {
    const Story s("seed-race.json");
    QCOMPARE(s.graph.eventCount(), s.run.trace.events.size());
    std::size_t edges = 0;
    for (const auto& e : s.run.trace.events)
        edges += (e.cause >= 0) + (e.cause2 >= 0);
    QCOMPARE(s.graph.causalEdgeCount(), edges);
    const int send = s.nth(EventKind::SendUipi);
    const int spurious = s.nth(EventKind::SpuriousNotification);
    QVERIFY(s.graph.happensBefore(send, spurious));
    const int txOn = s.nth(EventKind::ContextSwitch, 1);
    const int switchOut = s.nth(EventKind::ContextSwitch, 2);
    QCOMPARE(s.run.trace.events[static_cast<std::size_t>(txOn)].cpu, 1);
    QVERIFY(!s.graph.happensBefore(txOn, switchOut));
    QVERIFY(s.graph.causesOf(-1).empty());
    QVERIFY(s.graph.effectsOf(int(s.run.trace.events.size())).empty());
}

QTEST_APPLESS_MAIN(TestCausality)
#include "tst_causality.moc"
