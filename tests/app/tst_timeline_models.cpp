// The timeline's models: filled from the core geometry for the viewport, slot reuse when the
// viewport moves, hit tests, zoom anchoring, snapping.
#include "LabController.h"

#include <QSignalSpy>
#include <QtTest>

using namespace uintr::lab;

namespace {
const QString kSeed = QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json");

int findMarker(MarkerModel* m, const QString& kind, int entry = -2) {
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto i = m->index(r);
        if (i.data(MarkerModel::Kind).toString() == kind &&
            (entry == -2 || i.data(MarkerModel::Entry).toInt() == entry))
            return r;
    }
    return -1;
}
} // namespace

class TestTimelineModels : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void fillsTheModelsFromTheGeometry();
    void panningReusesRows();
    void zoomKeepsTheTimeUnderThePointer();
    void hitTestsFindDraggableEntries();
    void dragSnapsToOtherEvents();
    void lanesShareTheHeight();
    void dragUpdatesTheModelsAtOnce();

  private:
    std::unique_ptr<LabController> lab_;
    TimelineView* view_ = nullptr;
};

void TestTimelineModels::init() {
    lab_ = std::make_unique<LabController>();
    view_ = lab_->timeline();
    view_->setViewWidth(1600);
    QVERIFY(lab_->openFile(kSeed));
}

void TestTimelineModels::fillsTheModelsFromTheGeometry() {
    QCOMPARE(view_->lanes()->rowCount(), 2);
    QCOMPARE(view_->lanes()->index(0).data(LaneModel::Label).toString(), QStringLiteral("CPU 0"));
    QVERIFY(view_->segments()->rowCount() >= 4);
    QVERIFY(view_->ticks()->rowCount() > 5);
    QVERIFY(view_->arrows()->rowCount() >= 2); // the IPI and the self-IPI
    const int spurious = findMarker(view_->markers(), "spurious_notification");
    QVERIFY(spurious >= 0);
    const auto i = view_->markers()->index(spurious);
    QCOMPARE(i.data(MarkerModel::Label).toString(), QStringLiteral("UIS +1"));
    QCOMPARE(i.data(MarkerModel::T).toLongLong(), 1300LL);
    QCOMPARE(i.data(MarkerModel::AtX).toDouble(), view_->xOf(1300));
    QVERIFY(!i.data(MarkerModel::Draggable).toBool());
    const int send = findMarker(view_->markers(), "senduipi", lab_->entryIndex("send"));
    QVERIFY(send >= 0);
    QVERIFY(view_->markers()->index(send).data(MarkerModel::Draggable).toBool());
    bool spuriousArrow = false;
    for (int r = 0; r < view_->arrows()->rowCount(); ++r)
        spuriousArrow |= view_->arrows()->index(r).data(ArrowModel::Spurious).toBool();
    QVERIFY(spuriousArrow);
}

void TestTimelineModels::panningReusesRows() {
    view_->showRange(0, 4000);
    QSignalSpy resets(view_->markers(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(view_->segments(), &QAbstractItemModel::dataChanged);
    const int segments = view_->segments()->rowCount();
    view_->panBy(10);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(view_->segments()->rowCount(), segments);
    QVERIFY(changed.count() >= 1);
    QVERIFY(view_->t0() > 0);
}

void TestTimelineModels::zoomKeepsTheTimeUnderThePointer() {
    const double x = view_->xOf(1300);
    view_->zoomAt(x, 4);
    QVERIFY(qAbs(view_->timeAt(x) - 1300) <= 2);
    QVERIFY(view_->t1() - view_->t0() < 1500);
    view_->fit();
    QCOMPARE(view_->t0(), 0LL);
    QVERIFY(view_->t1() > 3500);
}

void TestTimelineModels::hitTestsFindDraggableEntries() {
    const int out = lab_->entryIndex("switch-out");
    QCOMPARE(view_->draggableEntryAt(view_->xOf(1100) + 3, view_->laneCenterY(0)), out);
    QCOMPARE(view_->draggableEntryAt(view_->xOf(1000), view_->laneCenterY(1)),
             lab_->entryIndex("send"));
    QCOMPARE(view_->draggableEntryAt(view_->xOf(2000), view_->laneCenterY(0)), -1);
    const int event = view_->eventAt(view_->xOf(1300), view_->laneCenterY(0));
    QVERIFY(event >= 0);
    QVERIFY(lab_->describeEvent(event).contains("spurious_notification"));
    QVERIFY(view_->tooltipAt(view_->xOf(1100), view_->laneCenterY(0)).contains("Drag"));
}

void TestTimelineModels::dragSnapsToOtherEvents() {
    const int out = lab_->entryIndex("switch-out");
    // A few px from the IPI's arrival at 1300: snaps there; far from anything: whole ns.
    QCOMPARE(view_->snapTime(out, view_->xOf(1300) + 3), 1300LL);
    const qint64 free = view_->snapTime(out, view_->xOf(2000) + 0.4);
    QVERIFY(qAbs(free - 2000) <= 2);
    // Marker A attracts it too.
    lab_->setMarkerA(2500);
    QCOMPARE(view_->snapTime(out, view_->xOf(2500) - 4), 2500LL);
}

void TestTimelineModels::lanesShareTheHeight() {
    view_->setViewHeight(600);
    const auto lane = view_->lanes()->index(0);
    const double tall = lane.data(LaneModel::Y1).toDouble() - lane.data(LaneModel::Y0).toDouble();
    view_->setViewHeight(300);
    const auto lane2 = view_->lanes()->index(0);
    const double short_ =
        lane2.data(LaneModel::Y1).toDouble() - lane2.data(LaneModel::Y0).toDouble();
    QVERIFY(tall > short_);
    QVERIFY(view_->contentHeight() <= 600);
}

void TestTimelineModels::dragUpdatesTheModelsAtOnce() {
    const int out = lab_->entryIndex("switch-out");
    QVERIFY(findMarker(view_->markers(), "spurious_notification") >= 0);
    QVERIFY(lab_->requestMove(out, 1400));
    // Same call, no event loop: the models already show the new run.
    QCOMPARE(findMarker(view_->markers(), "spurious_notification"), -1);
    const int moved = findMarker(view_->markers(), "context_switch", out);
    QVERIFY(moved >= 0);
    QCOMPARE(view_->markers()->index(moved).data(MarkerModel::T).toLongLong(), 1400LL);
    QVERIFY(lab_->commitMove(out, 1400));
    lab_->undo();
    QVERIFY(findMarker(view_->markers(), "spurious_notification") >= 0);
}

QTEST_GUILESS_MAIN(TestTimelineModels)
#include "tst_timeline_models.moc"
