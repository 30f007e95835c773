// render/TimelineDensity: a lane's per-column counts add up to the events of each kind on that
// lane in the viewport (each event in exactly one column), a whole-run view of a generated run
// is dense and a 3 µs window is not, and an empty lane has no counts.
#include "render/TimelineDensity.h"
#include "scenario/StressScenario.h"
#include "sim/Run.h"

#include <QObject>
#include <QTest>
#include <numeric>

using namespace uintr;

class TestTimelineDensity : public QObject {
    Q_OBJECT
  private slots:
    void columnsAddUp_data();
    void columnsAddUp();
    void denseOnlyWhenCrowded();
};

void TestTimelineDensity::columnsAddUp_data() {
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<qint64>("t1");
    QTest::addColumn<double>("columnPx");
    QTest::newRow("whole run, 1 px") << qint64(0) << qint64(-1) << 1.0;
    QTest::newRow("whole run, 2 px") << qint64(0) << qint64(-1) << 2.0;
    QTest::newRow("a window, 1 px") << qint64(100'000) << qint64(400'000) << 1.0;
}

void TestTimelineDensity::columnsAddUp() {
    QFETCH(qint64, t0);
    QFETCH(qint64, t1);
    QFETCH(double, columnPx);
    scenario::StressShape shape;
    shape.entries = 20'000;
    const auto sc = scenario::makeStressScenario(shape);
    const auto run = sim::runScenario(sc);
    const render::DensityIndex index(run.trace, sc.machine.cpus);
    render::Viewport v;
    v.t0 = t0;
    v.t1 = t1 < 0 ? run.trace.endTime() : t1;
    v.width = 1400;
    v.labelWidth = 100;
    for (int cpu = 0; cpu < sc.machine.cpus; ++cpu) {
        const auto d = index.columns(cpu, v, columnPx);
        QCOMPARE(d.counts[0].size(), std::size_t(std::ceil(1300 / columnPx)));
        const std::int64_t end = v.timeAt(v.width);
        std::array<std::uint64_t, render::kDensityKinds> expected{};
        for (const auto& e : run.trace.events) {
            if (e.cpu != cpu || e.t < v.t0 || e.t >= end) continue;
            if (e.kind == model::EventKind::SpuriousNotification) ++expected[0];
            if (e.kind == model::EventKind::UserInterruptDelivered) ++expected[1];
            if (e.kind == model::EventKind::IpiArrived) ++expected[2];
        }
        for (std::size_t k = 0; k < render::kDensityKinds; ++k)
            QCOMPARE(std::accumulate(d.counts[k].begin(), d.counts[k].end(), std::uint64_t{0}),
                     expected[k]);
    }
}

void TestTimelineDensity::denseOnlyWhenCrowded() {
    scenario::StressShape shape;
    shape.entries = 20'000;
    const auto sc = scenario::makeStressScenario(shape);
    const auto run = sim::runScenario(sc);
    const render::DensityIndex index(run.trace, sc.machine.cpus);
    render::Viewport v;
    v.t1 = run.trace.endTime();
    v.width = 1400;
    v.labelWidth = 100;
    v.markerMergePx = 14;
    QVERIFY(index.dense(0, v));
    v.t0 = v.t1 / 2;
    v.t1 = v.t0 + 3000;
    QVERIFY(!index.dense(0, v));
    QCOMPARE(index.markersIn(99, 0, 1'000'000), 0);
    QCOMPARE(index.columns(99, v).max, 0u);
}

QTEST_APPLESS_MAIN(TestTimelineDensity)
#include "tst_timeline_density.moc"
