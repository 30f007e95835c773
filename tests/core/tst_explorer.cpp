// The race explorer (analysis/Outcome, Axis, RaceExplorer) and its picture (render/RaceMap):
// outcome classes read from the engine's accounting, --vary specs, sweeps that do not depend on
// the number of threads, the first witness of an outcome, and the map's labels.
//
// The seed race (scenarios/seed-race.json): SENDUIPI at 1000 ns, IPI latency 300 ns, the
// receiver switched out at 1100 and back in at 3000. Switched out before the send, SN is set and
// the post waits for the switch-in (delivered 2300 ns late); switched out in [1000, 1299] the
// IPI lands on a CPU whose UINV was cleared by XSAVES (uintr-reference.md §4: spurious, UIS +1);
// from 1300 on the IPI is processed while the receiver runs (delivered after 300 ns).
#include "analysis/RaceExplorer.h"
#include "analysis/RaceStrip.h"
#include "render/RaceMap.h"
#include "scenario/ScenarioIO.h"

#include <QTest>
#include <atomic>

using namespace uintr;
using analysis::Outcome;
using analysis::OutcomeClass;

Q_DECLARE_METATYPE(OutcomeClass)

namespace {

scenario::Scenario load(const char* name) {
    auto r = scenario::loadScenarioFile(std::string(UINTR_SOURCE_DIR "/scenarios/") + name);
    if (!r.ok()) qFatal("%s", r.error->toString().c_str());
    return *r.scenario;
}

analysis::Axis axis(const scenario::Scenario& sc, const std::string& spec) {
    auto parsed = analysis::parseAxis(sc, spec);
    if (auto* e = std::get_if<std::string>(&parsed)) qFatal("%s: %s", spec.c_str(), e->c_str());
    return std::get<analysis::Axis>(parsed);
}

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void classOfARun_data();
    void classOfARun();
    void worstClassWins_data();
    void worstClassWins();
    void classNamesRoundTrip();
    void parseAxis_data();
    void parseAxis();
    void seedWindows();
    void sweepIsTheSameOnAnyNumberOfThreads();
    void twoDimensions();
    void findFirstWitness();
    void findReportsNoWitness();
    void stripBisectsToTheNanosecond();
    void durationAxis();
    void findTheLostWakeUp();
    void cancelStopsASweep();
    void tooManyPoints();
    void mapSvg();
};

// One run of the seed race with one entry moved: the class and the engine's counts.
void TestExplorer::classOfARun_data() {
    QTest::addColumn<QString>("set"); // ID=NS, or empty
    QTest::addColumn<OutcomeClass>("cls");
    QTest::addColumn<int>("spurious");
    QTest::addColumn<int>("delivered");
    QTest::addColumn<int>("delay");
    // Delivery at the switch-in (3000): its self-IPI is taken at once (scenario-format.md,
    // machine.self_ipi_latency_ns = 0), so a post at 1000 waits 2000 ns.
    QTest::addRow("as written: spurious") << "" << OutcomeClass::Spurious << 1 << 1 << 2000;
    QTest::addRow("switched out before the send: SN set, late")
        << "switch-out=500" << OutcomeClass::Late << 0 << 1 << 2000;
    QTest::addRow("switched out after the arrival: on time")
        << "switch-out=1300" << OutcomeClass::Delivered << 0 << 1 << 300;
    QTest::addRow("switched out at the arrival's last ns: spurious")
        << "switch-out=1299" << OutcomeClass::Spurious << 1 << 1 << 2000;
    // The receiver never comes back: the post stays in PIR (cli.md pending_at_end).
    QTest::addRow("never switched back in: pending")
        << "without switch-in" << OutcomeClass::Spurious << 1 << 0 << -1;
}

void TestExplorer::classOfARun() {
    QFETCH(QString, set);
    QFETCH(OutcomeClass, cls);
    QFETCH(int, spurious);
    QFETCH(int, delivered);
    QFETCH(int, delay);
    auto sc = load("seed-race.json");
    if (set == "without switch-in") {
        sc.timeline.erase(sc.timeline.begin() + sc.findEntry("switch-in"));
    } else if (!set.isEmpty()) {
        const auto a = axis(sc, set.section('=', 0, 0).toStdString());
        analysis::setAxisValue(sc, a, set.section('=', 1).toLongLong());
    }
    const Outcome o = analysis::runOutcome(sc);
    QVERIFY(o.valid);
    QCOMPARE(o.cls(), cls);
    QCOMPARE(o.spurious, std::uint64_t(spurious));
    QCOMPARE(o.delivered, std::uint64_t(delivered));
    QCOMPARE(o.maxDelayNs, std::int64_t(delay));
    QCOMPARE(o.minDelayNs, std::int64_t(delay));
    if (set == "without switch-in") {
        QCOMPARE(o.pending, std::uint64_t(1));
        QVERIFY(o.has(OutcomeClass::Pending));
    }
}

// A run is classed by the worst outcome it shows; --find matches any it shows.
void TestExplorer::worstClassWins_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<OutcomeClass>("cls");
    QTest::addRow("nothing") << "" << OutcomeClass::Quiet;
    QTest::addRow("delivered on time") << "delivered" << OutcomeClass::Delivered;
    QTest::addRow("delivered late") << "delivered late" << OutcomeClass::Late;
    QTest::addRow("late and pending") << "delivered late pending" << OutcomeClass::Pending;
    QTest::addRow("pending and spurious") << "pending spurious" << OutcomeClass::Spurious;
    QTest::addRow("spurious and a sleeper") << "spurious sleeper" << OutcomeClass::NeverWoken;
    QTest::addRow("a sleeper and a lost vector") << "sleeper lost" << OutcomeClass::Lost;
    QTest::addRow("a storm above all") << "lost spurious storm" << OutcomeClass::Storm;
    QTest::addRow("invalid") << "invalid" << OutcomeClass::Invalid;
}

void TestExplorer::worstClassWins() {
    QFETCH(QString, what);
    QFETCH(OutcomeClass, cls);
    Outcome o;
    o.lateAfterNs = 300;
    o.valid = !what.contains("invalid");
    if (what.contains("delivered")) o.delivered = 1, o.minDelayNs = 300, o.maxDelayNs = 300;
    if (what.contains("late")) o.maxDelayNs = 301;
    if (what.contains("pending")) o.pending = 1;
    if (what.contains("spurious")) o.spurious = 2;
    if (what.contains("sleeper")) o.neverWoken = 1;
    if (what.contains("lost")) o.lost = 1;
    if (what.contains("storm")) o.storm = true;
    QCOMPARE(o.cls(), cls);
    QVERIFY(o.has(cls));
    if (what.contains("spurious") && o.valid) QVERIFY(o.has(OutcomeClass::Spurious));
}

void TestExplorer::classNamesRoundTrip() {
    for (const auto& i : analysis::kOutcomeClasses) {
        QCOMPARE(&analysis::info(i.cls), &i);
        QCOMPARE(analysis::outcomeClassFromName(i.name), std::optional(i.cls));
    }
    QVERIFY(!analysis::outcomeClassFromName("never_woken"));
}

void TestExplorer::parseAxis_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("key"); // empty: an error containing `error`
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("error");
    QTest::addRow("an id: the scenario's span") << "send"
                                                << "send.at" << 0ll << 3000ll << 1ll << "";
    QTest::addRow("a range") << "send=800..1200"
                             << "send.at" << 800ll << 1200ll << 1ll << "";
    QTest::addRow("ID.at with a step") << "switch-out.at=0..3000:10"
                                       << "switch-out.at" << 0ll << 3000ll << 10ll << "";
    QTest::addRow("a machine parameter") << "machine.ipi_latency_ns=100..800"
                                         << "machine.ipi_latency_ns" << 100ll << 800ll << 1ll << "";
    QTest::addRow("a kernel parameter") << "kernel.context_switch_ns=0..500:50"
                                        << "kernel.context_switch_ns" << 0ll << 500ll << 50ll << "";
    QTest::addRow("one point") << "send=5..5"
                               << "send.at" << 5ll << 5ll << 1ll << "";
    QTest::addRow("unknown id") << "nosuch"
                                << "" << 0ll << 0ll << 0ll << "no timeline entry";
    QTest::addRow("unknown parameter")
        << "machine.bogus_ns=1..2"
        << "" << 0ll << 0ll << 0ll << "no machine or kernel parameter";
    QTest::addRow("a parameter needs a range") << "machine.ipi_latency_ns"
                                               << "" << 0ll << 0ll << 0ll << "needs a range";
    QTest::addRow("no dots") << "send=5"
                             << "" << 0ll << 0ll << 0ll << "FROM..TO";
    QTest::addRow("empty range") << "send=9..3"
                                 << "" << 0ll << 0ll << 0ll << "is empty";
    QTest::addRow("negative") << "send=-1..3"
                              << "" << 0ll << 0ll << 0ll << ">= 0";
    QTest::addRow("not a number") << "send=a..3"
                                  << "" << 0ll << 0ll << 0ll << ">= 0";
    QTest::addRow("zero step") << "send=0..3:0"
                               << "" << 0ll << 0ll << 0ll << "step";
    QTest::addRow("latency beyond 10^9 (scenario-format.md)")
        << "machine.ipi_latency_ns=0..1000000001"
        << "" << 0ll << 0ll << 0ll << "within 0..";
    QTest::addRow("a duration the entry does not have") << "send.duration_ns=1..5"
                                                        << "" << 0ll << 0ll << 0ll << "duration_ns";
}

void TestExplorer::parseAxis() {
    QFETCH(QString, spec);
    QFETCH(QString, key);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, step);
    QFETCH(QString, error);
    const auto sc = load("seed-race.json");
    const auto parsed = analysis::parseAxis(sc, spec.toStdString());
    if (key.isEmpty()) {
        const auto* e = std::get_if<std::string>(&parsed);
        QVERIFY(e);
        QVERIFY2(QString::fromStdString(*e).contains(error), e->c_str());
        return;
    }
    const auto* a = std::get_if<analysis::Axis>(&parsed);
    QVERIFY(a);
    QCOMPARE(QString::fromStdString(analysis::axisKey(sc, *a)), key);
    QCOMPARE(a->from, from);
    QCOMPARE(a->to, to);
    QCOMPARE(a->step, step);
}

void TestExplorer::seedWindows() {
    const auto sc = load("seed-race.json");
    const auto g = std::get<analysis::Grid>(analysis::sweep(sc, {axis(sc, "switch-out")}));
    QCOMPARE(g.runs, 3001u);
    const auto ws = analysis::windows(g);
    QCOMPARE(ws.size(), std::size_t(3));
    const struct {
        std::int64_t from, to;
        OutcomeClass cls;
        const char* label;
    } expected[] = {{0, 999, OutcomeClass::Late, "delivered late from 0 to 999 ns"},
                    {1000, 1299, OutcomeClass::Spurious, "spurious from 1000 to 1299 ns"},
                    {1300, 3000, OutcomeClass::Delivered, "delivered from 1300 to 3000 ns"}};
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(ws[i].from, expected[i].from);
        QCOMPARE(ws[i].to, expected[i].to);
        QCOMPARE(ws[i].outcome.cls(), expected[i].cls);
        QCOMPARE(render::windowLabel(ws[i]), std::string(expected[i].label));
    }
}

void TestExplorer::sweepIsTheSameOnAnyNumberOfThreads() {
    const auto sc = load("seed-race.json");
    const std::vector axes{axis(sc, "switch-out=900..1400:3"), axis(sc, "send=700..1200:7")};
    const auto one = std::get<analysis::Grid>(analysis::sweep(sc, axes, {.threads = 1}));
    const auto three = std::get<analysis::Grid>(analysis::sweep(sc, axes, {.threads = 3}));
    QCOMPARE(one.cells.size(), three.cells.size());
    QCOMPARE(one.runs, std::uint64_t(one.cells.size()));
    for (std::size_t i = 0; i < one.cells.size(); ++i) {
        QVERIFY(one.cells[i].sameWindow(three.cells[i]));
        QCOMPARE(one.cells[i].maxDelayNs, three.cells[i].maxDelayNs);
    }
}

// The race needs the switch-out within the IPI's flight: send <= switch-out < send + 300.
void TestExplorer::twoDimensions() {
    const auto sc = load("seed-race.json");
    const std::vector axes{axis(sc, "switch-out=1000..1600:100"), axis(sc, "send=900..1300:100")};
    const auto g = std::get<analysis::Grid>(analysis::sweep(sc, axes));
    QCOMPARE(g.count(0), 7);
    QCOMPARE(g.count(1), 5);
    for (std::int64_t i = 0; i < g.count(0); ++i)
        for (std::int64_t j = 0; j < g.count(1); ++j) {
            const auto out = axes[0].valueAt(i), send = axes[1].valueAt(j);
            const bool race = send <= out && out < send + 300;
            QCOMPARE(g.at(i, j).cls() == OutcomeClass::Spurious, race);
        }
    // A machine parameter as the second axis: with a latency L the window is [1000, 1000 + L).
    const std::vector lat{axis(sc, "switch-out=1000..1600:50"),
                          axis(sc, "machine.ipi_latency_ns=100..500:100")};
    const auto m = std::get<analysis::Grid>(analysis::sweep(sc, lat));
    for (std::int64_t i = 0; i < m.count(0); ++i)
        for (std::int64_t j = 0; j < m.count(1); ++j)
            QCOMPARE(m.at(i, j).cls() == OutcomeClass::Spurious,
                     lat[0].valueAt(i) < 1000 + lat[1].valueAt(j));
}

void TestExplorer::findFirstWitness() {
    const auto sc = load("seed-race.json");
    const std::vector axes{axis(sc, "send")};
    const auto s = std::get<analysis::Search>(
        analysis::findFirst(sc, axes, OutcomeClass::Spurious, {.threads = 2}));
    QVERIFY(s.witness);
    // The first send whose IPI (300 ns) lands after the switch-out at 1100.
    QCOMPARE(s.witness->values, std::vector<std::int64_t>{801});
    QVERIFY(s.witness->outcome.has(OutcomeClass::Spurious));
    QVERIFY(s.runs >= 802);
    const auto at = analysis::atPoint(sc, axes, s.witness->values);
    QCOMPARE(at.timeline[static_cast<std::size_t>(sc.findEntry("send"))].at, 801);
    QVERIFY(!scenario::checkConsistency(at));
    // In grid order: the first axis slowest.
    const std::vector two{axis(sc, "switch-out=1200..1300:10"), axis(sc, "send=0..1000:10")};
    const auto t = std::get<analysis::Search>(
        analysis::findFirst(sc, two, OutcomeClass::Spurious, {.threads = 2}));
    QVERIFY(t.witness);
    QCOMPARE(t.witness->values, (std::vector<std::int64_t>{1200, 910}));
}

void TestExplorer::findReportsNoWitness() {
    const auto sc = load("seed-race.json");
    const auto s = std::get<analysis::Search>(
        analysis::findFirst(sc, {axis(sc, "switch-out=1300..3000")}, OutcomeClass::Spurious));
    QVERIFY(!s.witness);
    QCOMPARE(s.runs, 1701u);
}

// The app's strip samples at most N points and bisects each boundary: the same windows as a
// sweep of every ns (here 3001 points sampled 40 and 1000 times).
void TestExplorer::stripBisectsToTheNanosecond() {
    const auto sc = load("seed-race.json");
    for (const char* spec : {"switch-out", "send"}) {
        const auto a = axis(sc, spec);
        const auto full = analysis::windows(std::get<analysis::Grid>(analysis::sweep(sc, {a})));
        for (const std::int64_t points : {40, 1000}) {
            const auto strip = analysis::stripWindows(sc, a, {}, points);
            QVERIFY(strip);
            QCOMPARE(strip->size(), full.size());
            for (std::size_t i = 0; i < full.size(); ++i) {
                QCOMPARE(strip->at(i).from, full[i].from);
                QCOMPARE(strip->at(i).to, full[i].to);
                QCOMPARE(strip->at(i).outcome.cls(), full[i].outcome.cls());
            }
        }
    }
}

// scenario-format.md "Operations": syscall and kernel_fpu carry duration_ns >= 1.
void TestExplorer::durationAxis() {
    const auto sc = load("kernel-fpu-xsaves.json");
    const auto a = axis(sc, "fpu.duration_ns=100..3000:100");
    QCOMPARE(a.kind, analysis::Axis::Kind::EntryDuration);
    QCOMPARE(analysis::axisKey(sc, a), std::string("fpu.duration_ns"));
    QCOMPARE(analysis::axisValue(sc, a), 1000);
    auto moved = sc;
    analysis::setAxisValue(moved, a, 2500);
    QCOMPARE(moved.timeline[static_cast<std::size_t>(sc.findEntry("fpu"))].durationNs, 2500);
    const auto g = std::get<analysis::Grid>(analysis::sweep(sc, {a}));
    QCOMPARE(g.runs, 30u);
    for (const auto* bad : {"fpu.duration_ns=0..5", "fpu.duration_ns", "nosuch.duration_ns=1..2"})
        QVERIFY2(std::holds_alternative<std::string>(analysis::parseAxis(sc, bad)), bad);
}

// uintr-reference.md §5: v1's uintr_wait sleeps without re-checking PIR, so a notification in
// flight when it is called leaves the sleeper blocked with the vector posted; the reviewed
// kernel re-checks and returns. Only the send time varies.
void TestExplorer::findTheLostWakeUp() {
    const auto v1 = load("uintr-wait-lost-wakeup.json");
    const auto found = std::get<analysis::Search>(
        analysis::findFirst(v1, {axis(v1, "send")}, OutcomeClass::NeverWoken));
    QVERIFY(found.witness);
    const std::int64_t t = found.witness->values[0];
    const std::int64_t wait = v1.timeline[static_cast<std::size_t>(v1.findEntry("wait"))].at;
    // The IPI must still be in flight when the receiver calls uintr_wait.
    QVERIFY(t <= wait && t + v1.machine.ipiLatencyNs > wait);
    QVERIFY(found.witness->outcome.has(OutcomeClass::NeverWoken));
    const auto reviewed = load("uintr-wait-lost-wakeup-reviewed.json");
    const auto none = std::get<analysis::Search>(
        analysis::findFirst(reviewed, {axis(reviewed, "send")}, OutcomeClass::NeverWoken));
    QVERIFY(!none.witness);
    QCOMPARE(none.runs, std::uint64_t(axis(reviewed, "send").count()));
}

void TestExplorer::cancelStopsASweep() {
    const auto sc = load("seed-race.json");
    std::atomic<bool> cancel{true};
    const auto g = std::get<analysis::Grid>(
        analysis::sweep(sc, {axis(sc, "switch-out")}, {.cancel = &cancel}));
    QVERIFY(g.cancelled);
    QCOMPARE(g.runs, 0u);
}

void TestExplorer::tooManyPoints() {
    const auto sc = load("seed-race.json");
    const auto r =
        analysis::sweep(sc, {axis(sc, "switch-out"), axis(sc, "send")}, {.maxRuns = 1000});
    QVERIFY(std::holds_alternative<std::string>(r));
    QVERIFY(analysis::checkAxes({axis(sc, "send"), axis(sc, "send.at=0..5")}, {}));
    QVERIFY(analysis::checkAxes({}, {}));
}

void TestExplorer::mapSvg() {
    const auto sc = load("seed-race.json");
    const auto strip = std::get<analysis::Grid>(analysis::sweep(sc, {axis(sc, "switch-out")}));
    const std::string a = render::writeRaceMapSvg(sc, strip, {});
    QCOMPARE(render::writeRaceMapSvg(sc, strip, {}), a); // the same grid, the same bytes
    QVERIFY(a.find("spurious from 1000 to 1299 ns") != std::string::npos);
    QVERIFY(a.find("this scenario") != std::string::npos);
    QVERIFY(a.find("switch-out.at (ns)") != std::string::npos);
    const auto map = std::get<analysis::Grid>(
        analysis::sweep(sc, {axis(sc, "switch-out=0..2990:10"), axis(sc, "send=0..2990:10")}));
    render::RaceMapOptions dark;
    dark.dark = true;
    const std::string m = render::writeRaceMapSvg(sc, map, dark);
    QVERIFY(m.find("spurious (") != std::string::npos); // the legend, with its count
    QVERIFY(m.find("send.at (ns)") != std::string::npos);
    QVERIFY(m.size() < 400'000); // rows merged into runs, not one rectangle per point
}

QTEST_GUILESS_MAIN(TestExplorer)
#include "tst_explorer.moc"
