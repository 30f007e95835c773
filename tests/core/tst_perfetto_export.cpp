// export/PerfettoTrace: the Chrome JSON trace format as ui.perfetto.dev reads it. Checked on the
// seed race, a generated run and an imported ftrace capture: the document's shape, one named
// track per CPU, slices that nest on each track, one instant per SENDUIPI, notification,
// spurious notification and delivery of the trace, and one flow per IPI that arrived, with both
// ends ("s" and "f", bound to the enclosing slice) on the sending and receiving CPUs.
#include "export/PerfettoTrace.h"
#include "import/FtraceParser.h"
#include "import/FtraceScenario.h"
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"
#include "sim/Run.h"

#include <QObject>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace uintr;
using nlohmann::json;

namespace {

std::int64_t ns(const json& ts) {
    return static_cast<std::int64_t>(std::llround(ts.get<double>() * 1000.0));
}

// Every structural rule a viewer relies on; an empty string when all hold.
QString validate(const scenario::Scenario& sc, const model::Trace& trace, const std::string& text) {
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return QStringLiteral("not JSON");
    if (!doc.is_object() || !doc.contains("traceEvents") || !doc["traceEvents"].is_array())
        return QStringLiteral("no traceEvents array");
    std::set<int> namedCpus;
    std::map<std::string, int> instants;
    std::map<std::int64_t, std::pair<const json*, const json*>> flows;
    std::map<int, std::vector<std::pair<std::int64_t, std::int64_t>>> slices;
    for (const json& e : doc["traceEvents"]) {
        if (!e.is_object() || !e.contains("ph") || !e.contains("pid") || !e.contains("tid"))
            return QStringLiteral("an event without ph/pid/tid: %1")
                .arg(QString::fromStdString(e.dump()));
        const std::string ph = e["ph"];
        if (ph == "M") {
            if (e["name"] == "thread_name") namedCpus.insert(e["tid"].get<int>());
            continue;
        }
        if (!e.contains("ts") || !e["ts"].is_number() || e["ts"].get<double>() < 0)
            return QStringLiteral("an event without a time: %1")
                .arg(QString::fromStdString(e.dump()));
        const int tid = e["tid"];
        if (tid < 0 || tid >= sc.machine.cpus) return QStringLiteral("a track that is no CPU");
        if (ph == "X") {
            if (!e.contains("dur") || e["dur"].get<double>() <= 0)
                return QStringLiteral("X without dur");
            slices[tid].emplace_back(ns(e["ts"]), ns(e["ts"]) + ns(e["dur"]));
        } else if (ph == "i") {
            if (e["s"] != "t") return QStringLiteral("an instant not on its thread");
            ++instants[e["cat"]];
        } else if (ph == "s" || ph == "f") {
            if (e["bp"] != "e")
                return QStringLiteral("a flow end not bound to its enclosing slice");
            auto& f = flows[e["id"].get<std::int64_t>()];
            (ph == "s" ? f.first : f.second) = &e;
        } else {
            return QStringLiteral("unexpected ph %1").arg(QString::fromStdString(ph));
        }
    }
    for (int cpu = 0; cpu < sc.machine.cpus; ++cpu)
        if (!namedCpus.count(cpu)) return QStringLiteral("CPU %1 has no track name").arg(cpu);
    // Slices on one track nest or follow each other, never cross.
    for (auto& [cpu, list] : slices) {
        std::vector<std::int64_t> open;
        for (const auto& [t0, t1] : list) {
            while (!open.empty() && open.back() <= t0)
                open.pop_back();
            if (!open.empty() && t1 > open.back())
                return QStringLiteral("slices cross on CPU %1 at %2 ns").arg(cpu).arg(t0);
            open.push_back(t1);
        }
    }
    std::map<std::string, int> expected;
    int arrived = 0;
    for (const auto& e : trace.events) {
        const auto k = std::string(model::kindName(e.kind));
        if (e.cpu >= 0 && (k == "senduipi" || k == "notification_processed" ||
                           k == "spurious_notification" || k == "user_interrupt_delivered"))
            ++expected[k];
        if (e.kind == model::EventKind::IpiArrived) ++arrived;
    }
    for (const auto& [kind, count] : expected)
        if (instants[kind] != count)
            return QStringLiteral("%1 instants of %2, expected %3")
                .arg(instants[kind])
                .arg(QString::fromStdString(kind))
                .arg(count);
    if (static_cast<int>(flows.size()) != arrived)
        return QStringLiteral("%1 flows for %2 arrived IPIs").arg(flows.size()).arg(arrived);
    for (const auto& [id, ends] : flows) {
        if (!ends.first || !ends.second) return QStringLiteral("flow %1 has one end").arg(id);
        const auto& sent = trace.events.at(static_cast<std::size_t>(id));
        if ((*ends.first)["tid"] != sent.cpu || ns((*ends.first)["ts"]) != sent.t)
            return QStringLiteral("flow %1 does not start at its ipi_sent").arg(id);
        if (ns((*ends.second)["ts"]) < ns((*ends.first)["ts"]))
            return QStringLiteral("flow %1 ends before it starts").arg(id);
    }
    return {};
}

std::string exported(const scenario::Scenario& sc, const model::Trace& trace) {
    std::ostringstream out;
    exporting::writePerfettoJson(out, sc, trace);
    return out.str();
}

} // namespace

class TestPerfettoExport : public QObject {
    Q_OBJECT
  private slots:
    void seedRace();
    void generatedRun();
    void importedCapture();
    void deterministic();
};

void TestPerfettoExport::seedRace() {
    const auto sc = scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/seed-race.json");
    QVERIFY(sc.ok());
    const auto run = sim::runScenario(*sc.scenario);
    const std::string text = exported(*sc.scenario, run.trace);
    QCOMPARE(validate(*sc.scenario, run.trace, text), QString());
    const json doc = json::parse(text);
    int spurious = 0, flows = 0;
    for (const auto& e : doc["traceEvents"]) {
        if (e["ph"] == "i" && e["cat"] == "spurious_notification") {
            ++spurious;
            QCOMPARE(e["ts"].get<double>(), 1.3); // 1 300 ns, on CPU 0
            QCOMPARE(e["tid"].get<int>(), 0);
        }
        if (e["ph"] == "s") ++flows;
    }
    QCOMPARE(spurious, 1);
    QVERIFY(flows >= 2); // the SENDUIPI's IPI and the kernel's self-IPI at switch-in
}

void TestPerfettoExport::generatedRun() {
    scenario::StressShape shape;
    shape.entries = 3000;
    const auto sc = scenario::makeStressScenario(shape);
    const auto run = sim::runScenario(sc);
    QCOMPARE(validate(sc, run.trace, exported(sc, run.trace)), QString());
}

void TestPerfettoExport::importedCapture() {
    std::istringstream in("              rx-10    [000]   100.000000: sched_switch:         rx:10 "
                          "[120] R ==> rx:10 [120]\n"
                          "              tx-20    [001]   100.000000: sched_switch:         tx:20 "
                          "[120] R ==> tx:20 [120]\n"
                          "              rx-10    [000]   100.000001: sched_switch:         rx:10 "
                          "[120] R+ ==> other:30 [120]\n"
                          "           other-30    [000]   100.000003: sched_switch:         "
                          "other:30 [120] S ==> rx:10 [120]\n"
                          "              tx-20    [001]   100.000009: sched_switch:         tx:20 "
                          "[120] S ==> swapper/1:0 [120]\n");
    ftrace::ImportOptions o;
    o.receiver = "rx";
    o.senders = {"tx"};
    o.sendEveryNs = 450;
    const auto r = ftrace::toScenario(ftrace::parseSchedule(in), o);
    QVERIFY(r.scenario);
    const auto sc = scenario::loadScenarioText(scenario::saveScenarioText(*r.scenario), "x");
    QVERIFY(sc.ok());
    const auto run = sim::runScenario(*sc.scenario);
    QVERIFY(!run.summary.spurious.empty());
    QCOMPARE(validate(*sc.scenario, run.trace, exported(*sc.scenario, run.trace)), QString());
}

void TestPerfettoExport::deterministic() {
    const auto sc = scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/seed-race.json");
    QVERIFY(sc.ok());
    const auto a = sim::runScenario(*sc.scenario);
    const auto b = sim::runScenario(*sc.scenario);
    QCOMPARE(exported(*sc.scenario, a.trace), exported(*sc.scenario, b.trace));
}

QTEST_APPLESS_MAIN(TestPerfettoExport)
#include "tst_perfetto_export.moc"
