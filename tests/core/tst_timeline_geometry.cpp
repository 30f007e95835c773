// The timeline geometry both the screen and the SVG export draw (render/TimelineGeometry.h).
// Expected times come from the seed race as uintr-reference.md §6 tells it (switch-out 1100,
// IPI sent 1000 with 300 ns latency → spurious at 1300, switch-in 3000 where the self-IPI is
// taken at once: machine.self_ipi_latency_ns defaults to 0, scenario-format.md "Time and order"),
// never from reading the implementation's output back.
#include "render/TimelineGeometry.h"
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"
#include "sim/Recording.h"
#include "sim/Simulation.h"

#include <QObject>
#include <QTest>
#include <algorithm>
#include <chrono>

using namespace uintr;
using render::MarkerKind;
using render::SegmentKind;

namespace {

scenario::Scenario loadScenario(const char* relative) {
    auto r = scenario::loadScenarioFile(std::string(UINTR_SOURCE_DIR "/") + relative);
    if (!r.ok()) qFatal("cannot load %s: %s", relative, r.error->toString().c_str());
    return *r.scenario;
}

model::Trace runTrace(const scenario::Scenario& sc) {
    model::Trace trace;
    sim::Simulation s(sc);
    s.setTrace(&trace);
    s.run();
    return trace;
}

std::vector<render::Segment> segmentsOf(const render::TimelineGeometry& g, int cpu,
                                        SegmentKind only) {
    std::vector<render::Segment> out;
    for (const auto& s : g.segments)
        if (s.cpu == cpu && s.kind == only) out.push_back(s);
    return out;
}

std::size_t itemCount(const render::TimelineGeometry& g) {
    return g.segments.size() + g.markers.size() + g.arrows.size();
}

// Everything that distinguishes two geometries, as text, for the determinism check.
std::string fingerprint(const render::TimelineGeometry& g) {
    std::string s;
    for (const auto& x : g.segments)
        s += std::to_string(x.t0) + "," + std::to_string(x.t1) + "," + std::to_string(x.x0) +
             x.label + std::to_string(x.merged) + ";";
    for (const auto& m : g.markers)
        s += std::to_string(m.event) + "," + std::to_string(m.x) + m.tooltip + ";";
    for (const auto& a : g.arrows)
        s += std::to_string(a.sentEvent) + "," + std::to_string(a.x1) + ";";
    for (const auto& t : g.ticks)
        s += t.label + std::to_string(t.x) + ";";
    return s;
}

// Every field a drawing or a hit test reads, for comparing a layered layout with a fresh one.
std::string everything(const render::TimelineGeometry& g) {
    std::string s;
    const auto n = [&](auto v) { s += std::to_string(v) + ","; };
    for (const auto& x : g.segments) {
        n(x.cpu), n(x.t0), n(x.t1), n(x.x0), n(x.x1), n(x.y0), n(x.y1), n(int(x.kind)), n(x.task);
        n(x.merged);
        s += x.label + ";\n";
    }
    for (const auto& m : g.markers) {
        n(m.event), n(m.entry), n(m.cpu), n(m.t), n(m.x), n(m.y), n(int(m.kind)), n(m.merged);
        s += m.label + "|" + m.tooltip + ";\n";
    }
    for (const auto& a : g.arrows) {
        n(a.sentEvent), n(a.arrivedEvent), n(a.fromCpu), n(a.toCpu), n(a.t0), n(a.t1), n(a.x0);
        n(a.x1), n(a.y0), n(a.y1), n(a.self), n(a.spurious), n(a.merged);
        s += ";\n";
    }
    return s;
}

} // namespace

class TstTimelineGeometry : public QObject {
    Q_OBJECT

    scenario::Scenario seed_;
    model::Trace seedTrace_;

  private slots:
    void initTestCase() {
        seed_ = loadScenario("scenarios/seed-race.json");
        seedTrace_ = runTrace(seed_);
    }

    void lanesTopToBottomBelowTheRuler() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        QCOMPARE(layout.cpuCount(), 2);
        const auto g = layout.layout(layout.fit(1600));
        QCOMPARE(g.lanes.size(), std::size_t{2});
        QCOMPARE(g.lanes[0].label, std::string("CPU 0"));
        QVERIFY(g.lanes[0].y0 >= g.viewport.rulerHeight);
        QVERIFY(g.lanes[1].y0 >= g.lanes[0].y1);
        QVERIFY(g.height >= g.lanes[1].y1);
    }

    void cpu0RunsReceiverOtherReceiver() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        QCOMPARE(layout.endTime(), std::int64_t{3200}); // the handler's UIRET (3000 + 200)
        const auto g = layout.layout(layout.fit(1600));
        const auto tasks = segmentsOf(g, 0, SegmentKind::Task);
        QCOMPARE(tasks.size(), std::size_t{3});
        QCOMPARE(tasks[0].label, std::string("receiver"));
        QCOMPARE(tasks[0].t0, std::int64_t{0});
        QCOMPARE(tasks[0].t1, std::int64_t{1100});
        QCOMPARE(tasks[1].label, std::string("other"));
        QCOMPARE(tasks[1].t0, std::int64_t{1100});
        QCOMPARE(tasks[1].t1, std::int64_t{3000});
        QCOMPARE(tasks[2].label, std::string("receiver"));
        QCOMPARE(tasks[2].t0, std::int64_t{3000});
        QCOMPARE(tasks[2].t1, std::int64_t{3200});
        QCOMPARE(tasks[0].task, seed_.findTask("receiver"));
        QCOMPARE(tasks[0].x0, g.viewport.labelWidth);
        QVERIFY(tasks[0].x1 == tasks[1].x0);
        // The sender runs the whole run on CPU 1; there is no idle on either lane.
        const auto sender = segmentsOf(g, 1, SegmentKind::Task);
        QCOMPARE(sender.size(), std::size_t{1});
        QCOMPARE(sender[0].label, std::string("sender"));
        QVERIFY(segmentsOf(g, 0, SegmentKind::Idle).empty());
    }

    void handlerFromDeliveryToUiret() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        const auto handlers = segmentsOf(g, 0, SegmentKind::Handler);
        QCOMPARE(handlers.size(), std::size_t{1});
        QCOMPARE(handlers[0].t0, std::int64_t{3000});
        QCOMPARE(handlers[0].t1, std::int64_t{3200});
        QCOMPARE(handlers[0].label, std::string("handler v3"));
        QVERIFY(handlers[0].y0 > g.lanes[0].y0 && handlers[0].y1 <= g.lanes[0].y1);
    }

    void spuriousMarkerAt1300OnCpu0() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        int spurious = 0;
        for (const auto& m : g.markers) {
            if (m.kind != MarkerKind::Spurious) continue;
            ++spurious;
            QCOMPARE(m.t, std::int64_t{1300});
            QCOMPARE(m.cpu, 0);
            QCOMPARE(m.label, std::string("UIS +1"));
            QVERIFY(m.tooltip.find("1 300 ns") != std::string::npos);
            QVERIFY(m.tooltip.find("CPU 0") != std::string::npos);
            QVERIFY(m.tooltip.find("spurious_notification") != std::string::npos);
            // The arrival is folded into the marker of its outcome.
            QVERIFY(m.tooltip.find("ipi_arrived") != std::string::npos);
            QVERIFY(m.x > g.viewport.labelWidth);
            QCOMPARE(m.y, (g.lanes[0].y0 + g.lanes[0].y1) / 2);
        }
        QCOMPARE(spurious, 1);
    }

    void draggableMarkersNameTheirEntry() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        int switches = 0, sends = 0;
        for (const auto& m : g.markers) {
            if (m.kind == MarkerKind::ContextSwitch) {
                ++switches;
                QVERIFY(m.entry >= 0);
                QCOMPARE(seed_.timeline[static_cast<std::size_t>(m.entry)].at, m.t);
            }
            if (m.kind == MarkerKind::SendUipi) {
                ++sends;
                QCOMPARE(m.entry, seed_.findEntry("send"));
                // pir_posted and ipi_sent are named in the SENDUIPI's tooltip.
                QVERIFY(m.tooltip.find("pir_posted") != std::string::npos);
                QVERIFY(m.tooltip.find("ipi_sent") != std::string::npos);
            }
            if (m.kind == MarkerKind::Spurious || m.kind == MarkerKind::Delivered)
                QCOMPARE(m.entry, -1);
        }
        QCOMPARE(switches, 4);
        QCOMPARE(sends, 1);
    }

    void everyEventIsReachable() {
        // Each event is a marker or is named in the tooltip of one, at its own instant or
        // flagged "at …" (a fold never hides an event).
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        std::size_t named = 0;
        for (const auto& m : g.markers) {
            std::size_t from = 0;
            while ((from = m.tooltip.find(':', from)) != std::string::npos)
                ++from, ++named;
        }
        QVERIFY(g.markers.size() < seedTrace_.events.size()); // folding happened
        QVERIFY(named >= seedTrace_.events.size());
    }

    void arrowsFromSendToArrival() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        QCOMPARE(g.arrows.size(), std::size_t{2});
        const auto& ipi = g.arrows[0];
        QCOMPARE(ipi.fromCpu, 1);
        QCOMPARE(ipi.toCpu, 0);
        QCOMPARE(ipi.t0, std::int64_t{1000});
        QCOMPARE(ipi.t1, std::int64_t{1300});
        QVERIFY(ipi.spurious);
        QVERIFY(!ipi.self);
        QVERIFY(ipi.arrivedEvent >= 0);
        // From the top of CPU 1's lane up to the bottom of CPU 0's.
        QCOMPARE(ipi.y0, g.lanes[1].y0);
        QCOMPARE(ipi.y1, g.lanes[0].y1);
        const auto& self = g.arrows[1];
        QVERIFY(self.self);
        QCOMPARE(self.fromCpu, 0);
        QCOMPARE(self.toCpu, 0);
        QCOMPARE(self.t0, std::int64_t{3000});
        QCOMPARE(self.t1, std::int64_t{3000}); // self_ipi_latency_ns 0
        QVERIFY(!self.spurious);
        QCOMPARE(self.x1, self.x0); // taken at the instant it is sent
    }

    void viewportCulls() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        render::Viewport v = layout.fit(1600);
        v.t0 = 1200;
        v.t1 = 2000;
        const auto g = layout.layout(v);
        // Only CPU 0's "other" and CPU 1's sender are under the window, clipped to it.
        QCOMPARE(segmentsOf(g, 0, SegmentKind::Task).size(), std::size_t{1});
        QCOMPARE(segmentsOf(g, 0, SegmentKind::Task)[0].label, std::string("other"));
        for (const auto& s : g.segments) {
            QVERIFY(s.x0 >= v.labelWidth);
            QVERIFY(s.x1 <= v.width);
        }
        // UIS +1 at 1300, and the return of the kernel's IDT handler at 1300 + irq_ns (100).
        QCOMPARE(g.markers.size(), std::size_t{2});
        QCOMPARE(g.markers[0].kind, MarkerKind::Spurious);
        QCOMPARE(g.markers[0].t, std::int64_t{1300});
        QCOMPARE(g.markers[1].t, std::int64_t{1400});
        // The 1000 → 1300 IPI crosses the window's start: it is kept.
        QCOMPARE(g.arrows.size(), std::size_t{1});
        QVERIFY(g.arrows[0].x0 < v.labelWidth);
        for (const auto& t : g.ticks)
            QVERIFY(t.t >= v.t0 && t.t <= v.t1);
    }

    void viewportTimeAtInvertsXOf() {
        render::Viewport v;
        v.t0 = 500;
        v.t1 = 4500;
        v.width = 1110;
        QCOMPARE(v.scale(), 0.25);
        QCOMPARE(v.xOf(500), v.labelWidth);
        QCOMPARE(v.timeAt(v.xOf(1234)), std::int64_t{1234});
        QCOMPARE(v.timeAt(v.labelWidth + 100), std::int64_t{900});
    }

    void formatTimeSpellings_data() {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0 ns";
        QTest::newRow("ns") << qint64(300) << "300 ns";
        QTest::newRow("grouped") << qint64(1300) << "1 300 ns";
        QTest::newRow("µs") << qint64(12'500) << "12.5 µs";
        QTest::newRow("µs-whole") << qint64(20'000) << "20 µs";
        QTest::newRow("ms") << qint64(12'000'000) << "12 ms";
        QTest::newRow("negative") << qint64(-1300) << "-1 300 ns";
    }
    void formatTimeSpellings() {
        QFETCH(qint64, ns);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(render::formatTime(ns)), text);
    }

    void rulerTicksAreRound() {
        const render::TimelineLayout layout(seed_, seedTrace_);
        const auto g = layout.layout(layout.fit(1600));
        int majors = 0;
        for (const auto& t : g.ticks)
            if (t.major) {
                ++majors;
                QVERIFY(t.t % 500 == 0);
                QVERIFY(!t.label.empty());
            }
        QVERIFY(majors >= 4 && majors <= 15);
    }

    void slowSwitchIsAKernelSegment() {
        scenario::Scenario sc = seed_;
        sc.kernel.contextSwitchNs = 150;
        const auto trace = runTrace(sc);
        const render::TimelineLayout layout(sc, trace);
        const auto g = layout.layout(layout.fit(1600));
        const auto kernel = segmentsOf(g, 0, SegmentKind::Kernel);
        QCOMPARE(kernel.size(), std::size_t{2});
        QCOMPARE(kernel[0].t0, std::int64_t{1100});
        QCOMPARE(kernel[0].t1, std::int64_t{1250});
        const auto tasks = segmentsOf(g, 0, SegmentKind::Task);
        QCOMPARE(tasks[1].t0, std::int64_t{1250}); // "other" runs once the switch is done
    }

    void deterministic() {
        const render::TimelineLayout a(seed_, seedTrace_);
        const model::Trace again = runTrace(seed_);
        const render::TimelineLayout b(seed_, again);
        QCOMPARE(fingerprint(a.layout(a.fit(1600))), fingerprint(b.layout(b.fit(1600))));
    }

    // The drag's layout (TimelineLayout over the previous run's, render/TimelineGeometry.h):
    // for a run resumed from a checkpoint, whole or stopped at a view's right edge, every
    // viewport must give exactly what a layout built from scratch on the same trace gives.
    void layeredLayoutMatchesFresh_data() {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<qint64>("shift");
        QTest::addColumn<qint64>("stopAfter"); // from the moved entry's new time; -1: no stop
        QTest::newRow("middle switch later, whole run") << "e1000" << 130LL << -1LL;
        QTest::newRow("middle switch earlier, whole run") << "e1001" << -90LL << -1LL;
        QTest::newRow("late entry, whole run") << "e1900" << 40LL << -1LL;
        QTest::newRow("first entry, whole run") << "e4" << 25LL << -1LL;
        QTest::newRow("middle, to a view's edge") << "e1000" << 130LL << 1500LL;
        QTest::newRow("early, to a view's edge") << "e40" << -20LL << 400LL;
        QTest::newRow("late, to a view's edge") << "e1500" << 60LL << 800LL;
    }

    void layeredLayoutMatchesFresh() {
        QFETCH(QString, entry);
        QFETCH(qint64, shift);
        QFETCH(qint64, stopAfter);
        scenario::StressShape shape;
        shape.entries = 2000;
        const auto sc = scenario::makeStressScenario(shape);
        const int index = sc.findEntry(entry.toStdString());
        QVERIFY(index >= 0);
        const sim::Recording before(sc, 64);
        const render::TimelineLayout previous(before.scenario(), before.trace());
        auto moved = sc;
        const std::int64_t from = sc.timeline[static_cast<std::size_t>(index)].at;
        const std::int64_t to = from + shift;
        moved.timeline[static_cast<std::size_t>(index)].at = to;
        const sim::Recording resumed(moved, before, std::min(from, to),
                                     stopAfter < 0 ? sim::Recording::kToTheEnd : to + stopAfter);
        QCOMPARE(resumed.partial(), stopAfter >= 0);
        if (entry != "e4" && entry != "e40") QVERIFY(resumed.resumedEvents() > 0);
        const render::TimelineLayout layered(resumed.scenario(), resumed.trace(), previous,
                                             static_cast<int>(resumed.resumedEvents()));
        const render::TimelineLayout fresh(resumed.scenario(), resumed.trace());
        QCOMPARE(layered.endTime(), fresh.endTime());
        const std::int64_t end = fresh.endTime();
        std::vector<render::Viewport> views{fresh.fit(1600)};
        for (const std::int64_t t0 : {std::int64_t{0}, std::min(from, to) - 700, to - 300,
                                      std::max<std::int64_t>(0, end - 2000)}) {
            for (const std::int64_t span : {std::int64_t{600}, std::int64_t{3000}}) {
                render::Viewport v = fresh.fit(1600);
                v.t0 = t0;
                v.t1 = t0 + span;
                views.push_back(v);
            }
        }
        for (const auto& v : views) {
            const auto a = layered.layout(v), b = fresh.layout(v);
            QVERIFY(!b.segments.empty());
            QCOMPARE(QString::fromStdString(everything(a)), QString::fromStdString(everything(b)));
        }
    }

    // Summarized lanes (the app's density): their markers and the arrows touching them are left
    // out, and nothing else changes.
    void summarizedLanesLeaveOutTheirMarkers() {
        scenario::StressShape shape;
        shape.entries = 2000;
        const auto sc = scenario::makeStressScenario(shape);
        const model::Trace trace = runTrace(sc);
        const render::TimelineLayout layout(sc, trace);
        render::Viewport v = layout.fit(1600);
        v.t1 = v.t0 + (v.t1 - v.t0) / 8;
        auto expected = layout.layout(v);
        const auto all = expected;
        std::erase_if(expected.markers, [](const render::Marker& m) { return m.cpu == 1; });
        std::erase_if(expected.arrows,
                      [](const render::Arrow& a) { return a.fromCpu == 1 || a.toCpu == 1; });
        const auto got = layout.layout(v, {0, 1});
        QVERIFY(expected.markers.size() < all.markers.size());
        QVERIFY(expected.arrows.size() < all.arrows.size());
        QVERIFY(!expected.arrows.empty());
        QCOMPARE(QString::fromStdString(everything(got)),
                 QString::fromStdString(everything(expected)));
        const std::vector<char> allLanes(static_cast<std::size_t>(shape.cpus), 1);
        const auto none = layout.layout(v, allLanes);
        QVERIFY(none.markers.empty());
        QVERIFY(none.arrows.empty());
        QCOMPARE(none.segments.size(), all.segments.size());
    }

    void levelOfDetailBoundsAMillionEvents() {
        scenario::StressShape shape;
        shape.cpus = 4;
        shape.entries = 250'000;
        shape.periodNs = 500;
        const scenario::Scenario sc = scenario::makeStressScenario(shape);
        const model::Trace trace = runTrace(sc);
        QVERIFY2(trace.events.size() >= 1'000'000,
                 qPrintable(QString::number(trace.events.size())));

        const auto start = std::chrono::steady_clock::now();
        const render::TimelineLayout layout(sc, trace);
        const auto built = std::chrono::steady_clock::now();
        const auto g = layout.layout(layout.fit(1600));
        const auto laidOut = std::chrono::steady_clock::now();
        qInfo("%zu events -> %zu segments, %zu markers, %zu arrows; build %lld ms, layout %lld ms",
              trace.events.size(), g.segments.size(), g.markers.size(), g.arrows.size(),
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(built - start).count()),
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(laidOut - built).count()));
        QVERIFY2(itemCount(g) < 10'000, qPrintable(QString::number(itemCount(g))));
        std::size_t merged = 0;
        for (const auto& m : g.markers)
            merged += static_cast<std::size_t>(m.merged);
        QVERIFY(merged > 100'000); // the merged items still account for the events

        // A narrow window far into the run: only what is there, at full detail.
        render::Viewport v = layout.fit(1600);
        v.t0 = layout.endTime() / 2;
        v.t1 = v.t0 + 5'000;
        const auto zoomed = layout.layout(v);
        QVERIFY(!zoomed.markers.empty());
        QVERIFY(itemCount(zoomed) < 400);
        for (const auto& m : zoomed.markers) {
            // Full detail: only markers of one kind at the same instant share a glyph (the
            // kernel steps of one return to user space: xrstors, sn_cleared, ...).
            if (m.kind != MarkerKind::Other) QCOMPARE(m.merged, 1);
            QVERIFY(m.t >= v.t0 && m.t <= v.t1);
        }
    }
};

QTEST_APPLESS_MAIN(TstTimelineGeometry)
#include "tst_timeline_geometry.moc"
