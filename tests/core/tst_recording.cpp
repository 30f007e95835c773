// sim::Recording's time travel (Recording.h): the state after step N, rebuilt from a checkpoint
// and a short replay, must be the machine a fresh simulation has after exactly N steps, for any
// checkpoint interval; stateAt(t) is the state after everything at or before t. Compared: every
// byte of simulated memory (UPIDs, UITTs, XSAVE areas, user stacks), every logical processor
// (MSRs, UIF, CPL, RIP/RSP/RFLAGS, local APIC), the per-CPU and per-task kernel state, the clock.
#include "ScenarioBuilder.h"
#include "scenario/StressScenario.h"
#include "sim/Recording.h"

#include <QObject>
#include <QTest>

using namespace uintr;
using namespace uintr::test;

namespace {

// The whole machine through the defaulted operator== of model::Machine (every CPU with its
// logical processor and kernel state, every task, all simulated memory, the counters); each part
// is compared on its own first only to say where two states differ.
QString compareMachines(const sim::Simulation& a, const sim::Simulation& b) {
    if (a.steps() != b.steps()) return QStringLiteral("steps differ");
    if (a.now() != b.now()) return QStringLiteral("time differs");
    if (a.eventCount() != b.eventCount()) return QStringLiteral("event count differs");
    if (a.stopReason() != b.stopReason() || a.stoppedAt() != b.stoppedAt())
        return QStringLiteral("stop differs");
    const auto& x = a.state();
    const auto& y = b.state();
    if (x.cpus.size() != y.cpus.size()) return QStringLiteral("CPU count differs");
    for (std::size_t i = 0; i < x.cpus.size(); ++i)
        if (!(x.cpus[i] == y.cpus[i])) return QStringLiteral("CPU %1 differs").arg(i);
    if (x.tasks.size() != y.tasks.size()) return QStringLiteral("task count differs");
    for (std::size_t i = 0; i < x.tasks.size(); ++i)
        if (!(x.tasks[i] == y.tasks[i])) return QStringLiteral("task %1 differs").arg(i);
    if (!(x.memory == y.memory)) return QStringLiteral("memory differs");
    if (!(x.counters == y.counters)) return QStringLiteral("counters differ");
    if (!(x == y)) return QStringLiteral("machine differs");
    const auto fa = a.inFlight();
    const auto fb = b.inFlight();
    if (fa.size() != fb.size()) return QStringLiteral("in-flight IPIs differ");
    for (std::size_t i = 0; i < fa.size(); ++i)
        if (fa[i].arrival != fb[i].arrival || fa[i].cpu != fb[i].cpu ||
            fa[i].vector != fb[i].vector)
            return QStringLiteral("in-flight IPIs differ");
    return {};
}

// The kernel paths of issue 9, built in code: a state after step N must carry them too (the
// IDT handler in progress, a kernel_fpu window, a CPU offline, an orphaned UIRR, a sleeper).
scenario::Scenario scenarioNamed(const QString& name) {
    if (!name.startsWith(QLatin1String("built:"))) return loadScenario(name.toStdString());
    ScenarioBuilder b;
    b.cpus(3).task("rx", true).task("sender").task("other").connect("sender", "rx", 3, 0);
    b.run(0, 0, "rx").run(0, 1, "sender");
    if (name == QLatin1String("built:storm")) {
        // misc-restore-bug storm from the switch-in at 3000, cut by end_ns.
        b.variant(KernelVariant::MiscRestoreBug).selfIpiLatency(30).endNs(4000);
        b.send(1000, "sender").run(1100, 0, "other").run(3000, 0, "rx");
    } else if (name == QLatin1String("built:kernel-paths")) {
        b.kernelPath(500, "rx", OpKind::Syscall, 400).send(600, "sender");
        b.kernelPath(1500, "rx", OpKind::KernelFpu, 500).send(1600, "sender");
        b.run(1700, 0, "other").run(2500, 0, "rx").op(2600, "rx", OpKind::UnregisterHandler);
        b.send(2700, "sender").op(2800, "sender", OpKind::UnregisterSender, 0);
    } else if (name == QLatin1String("built:hotplug")) {
        b.variant(KernelVariant::Reviewed).op(500, "rx", OpKind::UintrWait);
        b.online(600, 0, false).send(1000, "sender").online(2000, 0, true);
    } else if (name == QLatin1String("built:xsaves-keeps-uinv")) {
        b.xsavesClearsUinv(false).send(1000, "sender").run(1100, 0, "").run(3000, 0, "other");
    }
    return b.build();
}

} // namespace

class TestRecording : public QObject {
    Q_OBJECT
  private slots:
    void stateAfterStep_data();
    void stateAfterStep();
    void stateAt_data();
    void stateAt();
    void recordingMatchesPlainRun();
    void resumedMatchesFresh_data();
    void resumedMatchesFresh();
    void stepTimesFarApart();
    void partialThenFinishedMatchesFresh();
};

void TestRecording::stateAfterStep_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("every");
    for (const char* f :
         {"seed-race.json", "context-switch-window.json", "two-vectors-highest-first.json",
          "uintr-wait-wakeup.json", "variant-misc-restore-bug.json", "migration-in-flight.json",
          "built:storm", "built:kernel-paths", "built:hotplug", "built:xsaves-keeps-uinv"})
        for (int every : {1, 7, 256})
            QTest::addRow("%s every %d", f, every) << f << every;
}

// Every step from 0 to the end (and one past it, which clamps).
void TestRecording::stateAfterStep() {
    QFETCH(QString, file);
    QFETCH(int, every);
    const auto sc = scenarioNamed(file);
    const sim::Recording rec(sc, static_cast<std::uint32_t>(every));
    QVERIFY(rec.steps() > 5);
    sim::Simulation fresh(rec.scenario());
    for (std::uint32_t step = 0; step <= rec.steps(); ++step) {
        if (step > 0) QVERIFY(fresh.step());
        const QString diff = compareMachines(rec.stateAfterStep(step), fresh);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("step %1: %2").arg(step).arg(diff)));
    }
    QVERIFY(!fresh.step());
    QVERIFY(compareMachines(rec.stateAfterStep(rec.steps() + 10), fresh).isEmpty());
}

// stateAt(t) = the state after the last step whose time is <= t: a fresh run stopped there has
// done everything at t and nothing after it.
void TestRecording::stateAt_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("every");
    QTest::addColumn<qint64>("t");
    for (int every : {1, 7, 256})
        for (qint64 t : {0LL, 999LL, 1000LL, 1100LL, 1299LL, 1300LL, 3000LL, 3300LL, 1000000LL})
            QTest::addRow("seed-race every %d at %lld", every, static_cast<long long>(t))
                << "seed-race.json" << every << t;
    for (qint64 t : {1200LL, 1349LL, 1350LL, 1600LL})
        QTest::addRow("context-switch-window at %lld", static_cast<long long>(t))
            << "context-switch-window.json" << 7 << t;
}

void TestRecording::stateAt() {
    QFETCH(QString, file);
    QFETCH(int, every);
    QFETCH(qint64, t);
    const sim::Recording rec(loadScenario(file.toStdString()), static_cast<std::uint32_t>(every));
    sim::Simulation fresh(rec.scenario());
    // Step while the next step would still happen at or before t.
    while (!fresh.finished()) {
        sim::Simulation probe = fresh;
        if (!probe.step() || probe.now() > t) break;
        fresh = probe;
    }
    const auto at = rec.stateAt(t);
    QCOMPARE(at.steps(), fresh.steps());
    QCOMPARE(rec.lastStepAtOrBefore(t), fresh.steps());
    QVERIFY(at.now() <= t);
    const QString diff = compareMachines(at, fresh);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// The recording's trace and summary are those of a plain run.
void TestRecording::recordingMatchesPlainRun() {
    for (const char* f :
         {"seed-race.json", "senduipi-faults.json", "no-uintr-feature.json", "built:storm",
          "built:kernel-paths", "built:hotplug", "built:xsaves-keeps-uinv"}) {
        const auto sc = scenarioNamed(QString::fromLatin1(f));
        const auto plain = runScenario(sc);
        const sim::Recording rec(sc, 3);
        QCOMPARE(sim::traceToJson(rec.trace(), rec.summary(), rec.scenario()),
                 sim::traceToJson(plain.trace, plain.summary, sc));
    }
}

// The drag's re-simulation (Recording(scenario, previous, changedAt)): resumed from the last
// checkpoint before the change, it must record exactly what a fresh run records, and its time
// travel must give the same machines, for moves earlier and later, across other entries and to 0.
void TestRecording::resumedMatchesFresh_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("every");
    QTest::newRow("seed: switch-out later") << "seed-race.json"
                                            << "switch-out" << 1400LL << 2;
    QTest::newRow("seed: switch-out earlier") << "seed-race.json"
                                              << "switch-out" << 900LL << 2;
    QTest::newRow("seed: send to 0") << "seed-race.json"
                                     << "send" << 0LL << 1;
    QTest::newRow("seed: switch-in past the end") << "seed-race.json"
                                                  << "switch-in" << 9000LL << 3;
    QTest::newRow("stress: middle entry") << "stress"
                                          << "e2000" << -1LL << 16;
    QTest::newRow("stress: late entry, sparse checkpoints") << "stress"
                                                            << "e3000" << -1LL << 256;
    QTest::newRow("stress: first send") << "stress"
                                        << "e4" << -1LL << 16;
}

void TestRecording::resumedMatchesFresh() {
    QFETCH(QString, file);
    QFETCH(QString, entry);
    QFETCH(qint64, to);
    QFETCH(int, every);
    scenario::StressShape shape;
    shape.entries = 4000;
    const auto sc =
        file == "stress" ? scenario::makeStressScenario(shape) : loadScenario(file.toStdString());
    const int index = sc.findEntry(entry.toStdString());
    QVERIFY(index >= 0);
    const sim::Recording before(sc, static_cast<std::uint32_t>(every));
    auto moved = sc;
    const qint64 from = sc.timeline[static_cast<std::size_t>(index)].at;
    if (to < 0) to = from + 130; // across the jittered switches of the next entries
    moved.timeline[static_cast<std::size_t>(index)].at = to;
    const sim::Recording fresh(moved, static_cast<std::uint32_t>(every));
    const sim::Recording resumed(moved, before, std::min<std::int64_t>(from, to));
    if (entry == "e2000" || entry == "e3000" || entry == "switch-in")
        QVERIFY(resumed.resumedAfterStep() > 0);
    QCOMPARE(sim::traceToJson(resumed.trace(), resumed.summary(), resumed.scenario()),
             sim::traceToJson(fresh.trace(), fresh.summary(), fresh.scenario()));
    QCOMPARE(resumed.steps(), fresh.steps());
    for (const qint64 t : {qint64{0}, std::min(from, to) - 1, std::min(from, to), to + 1,
                           qint64{fresh.trace().endTime()}}) {
        const QString diff = compareMachines(resumed.stateAt(t), fresh.stateAt(t));
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("at %1: %2").arg(t).arg(diff)));
    }
}

// Step times are kept as 32-bit offsets from their checkpoint; a step more than 4.29 s after it
// (here the switch-in moved to 10 s) must still be found at its time.
void TestRecording::stepTimesFarApart() {
    auto sc = loadScenario("seed-race.json");
    sc.timeline[static_cast<std::size_t>(sc.findEntry("switch-in"))].at = 10'000'000'000;
    const sim::Recording rec(sc, 256);
    for (const std::int64_t t : {std::int64_t{0}, std::int64_t{1300}, std::int64_t{9'999'999'999},
                                 std::int64_t{10'000'000'000}, std::int64_t{10'000'000'300},
                                 std::int64_t{20'000'000'000}}) {
        sim::Simulation fresh(rec.scenario());
        while (!fresh.finished()) {
            sim::Simulation probe = fresh;
            if (!probe.step() || probe.now() > t) break;
            fresh = probe;
        }
        QCOMPARE(rec.lastStepAtOrBefore(t), fresh.steps());
        QVERIFY(compareMachines(rec.stateAt(t), fresh).isEmpty());
    }
}

// The drag's preview on a big run: simulated first to the right edge of the view (stopAfter),
// the rest later. The partial recording is the beginning of the fresh run's (each step whole,
// one step past the edge at most), and the finished one is the fresh run, summary included.
void TestRecording::partialThenFinishedMatchesFresh() {
    scenario::StressShape shape;
    shape.entries = 4000;
    const auto sc = scenario::makeStressScenario(shape);
    const int index = sc.findEntry("e2000");
    const sim::Recording before(sc, 16);
    auto moved = sc;
    const std::int64_t from = sc.timeline[static_cast<std::size_t>(index)].at, to = from + 130;
    moved.timeline[static_cast<std::size_t>(index)].at = to;
    const std::int64_t edge = to + 1500;
    const sim::Recording fresh(moved, 16);
    const sim::Recording partial(moved, before, from, edge);
    const sim::Recording finished(moved, before, from);
    QVERIFY(partial.partial());
    QVERIFY(!finished.partial());
    const auto& all = fresh.trace().events;
    const auto& some = partial.trace().events;
    QVERIFY(some.size() < all.size());
    QVERIFY(some.back().t > edge); // the step that crossed the edge, whole
    model::Trace prefix;
    prefix.events.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(some.size()));
    QVERIFY(all[some.size()].step != some.back().step); // it ends at a step boundary
    QCOMPARE(sim::traceToJson(partial.trace(), {}, moved), sim::traceToJson(prefix, {}, moved));
    QCOMPARE(sim::traceToJson(finished.trace(), finished.summary(), finished.scenario()),
             sim::traceToJson(fresh.trace(), fresh.summary(), fresh.scenario()));
}

QTEST_APPLESS_MAIN(TestRecording)
#include "tst_recording.moc"
