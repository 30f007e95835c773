// The timeline's models: filled from the core geometry for the viewport, slot reuse when the
// viewport moves, hit tests, zoom anchoring, snapping.
#include "LabController.h"

#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

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

// What a marker row shows that assign's diff compares (TimelineModels.cpp, MarkerModel::setRows).
QStringList markerRows(MarkerModel* m) {
    QStringList rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto i = m->index(r);
        QStringList fields;
        for (const int role :
             {MarkerModel::Kind, MarkerModel::T, MarkerModel::Cpu, MarkerModel::AtX,
              MarkerModel::AtY, MarkerModel::Label, MarkerModel::Entry, MarkerModel::Merged,
              MarkerModel::LaneY0, MarkerModel::LaneY1})
            fields << i.data(role).toString();
        rows << fields.join(QLatin1Char(' '));
    }
    return rows;
}

// The signals a model emitted, one line each, as the rows they name.
struct ModelSignals {
    explicit ModelSignals(QAbstractItemModel* m)
        : changed(m, &QAbstractItemModel::dataChanged),
          inserted(m, &QAbstractItemModel::rowsInserted),
          removed(m, &QAbstractItemModel::rowsRemoved), resets(m, &QAbstractItemModel::modelReset),
          moved(m, &QAbstractItemModel::rowsMoved), layout(m, &QAbstractItemModel::layoutChanged) {}
    QSignalSpy changed, inserted, removed, resets, moved, layout;
};
} // namespace

class TestTimelineModels : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void fillsTheModelsFromTheGeometry();
    void panningReusesRows();
    void dragSignalsOnlyTheChangedStretch();
    void zoomKeepsTheTimeUnderThePointer();
    void hitTestsFindDraggableEntries();
    void dragSnapsToOtherEvents();
    void lanesShareTheHeight();
    void dragUpdatesTheModelsAtOnce();
    void currentMarkersFollowThePlayhead();

  private:
    std::unique_ptr<LabController> lab_;
    TimelineView* view_ = nullptr;
};

void TestTimelineModels::init() {
    lab_ = std::make_unique<LabController>();
    view_ = lab_->timeline();
    view_->setViewWidth(1600);
    QVERIFY(lab_->document()->openFile(kSeed));
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
    const int send = findMarker(view_->markers(), "senduipi", lab_->document()->entryIndex("send"));
    QVERIFY(send >= 0);
    QVERIFY(view_->markers()->index(send).data(MarkerModel::Draggable).toBool());
    bool spuriousArrow = false;
    for (int r = 0; r < view_->arrows()->rowCount(); ++r)
        spuriousArrow |= view_->arrows()->index(r).data(ArrowModel::Spurious).toBool();
    QVERIFY(spuriousArrow);
    // The IPI's words come placed by the core with the others (render::placeLabels), red as its
    // arrow: the vector and the flight, 1000 ns → 1300 ns.
    bool ipiLabel = false;
    for (int r = 0; r < view_->labels()->rowCount(); ++r) {
        const auto l = view_->labels()->index(r);
        if (l.data(LabelModel::Style).toString() != QStringLiteral("ipiSpurious")) continue;
        QCOMPARE(l.data(LabelModel::LabelText).toString(), QStringLiteral("0xEC · 300 ns"));
        ipiLabel = true;
    }
    QVERIFY(ipiLabel);
}

// GeometryListModel::assign: panning moves every segment, and the same segments stay in view, so
// the model says which rows changed which roles — along x only (their x, and the times of the
// segments the window's edges clip) — in runs that cover every row once, and nothing else: no
// reset, no rows inserted or removed, so every delegate is kept and rebinds only what moved.
void TestTimelineModels::panningReusesRows() {
    view_->showRange(0, 4000);
    auto* segments = view_->segments();
    const int count = segments->rowCount();
    QVERIFY(count >= 4);
    const double x0 = segments->index(1).data(SegmentModel::X0).toDouble();
    ModelSignals spy(segments);
    view_->panBy(10);
    QVERIFY(view_->t0() > 0);
    QCOMPARE(segments->rowCount(), count);
    // Moved left by the 10 px (the pan rounds to whole nanoseconds: within half a pixel here).
    QVERIFY(qAbs(segments->index(1).data(SegmentModel::X0).toDouble() - (x0 - 10)) < 0.5);
    QCOMPARE(spy.resets.count() + spy.inserted.count() + spy.removed.count() + spy.moved.count() +
                 spy.layout.count(),
             0);
    QVERIFY(spy.changed.count() >= 1);
    const QList<int> alongX{SegmentModel::X0, SegmentModel::X1, SegmentModel::T0, SegmentModel::T1};
    int next = 0;
    bool row1Moved = false;
    for (const auto& args : spy.changed) {
        const int first = args.at(0).toModelIndex().row(), last = args.at(1).toModelIndex().row();
        QCOMPARE(first, next); // in order, no row twice, none left out: every segment moved
        next = last + 1;
        const auto roles = args.at(2).value<QList<int>>();
        QVERIFY(!roles.isEmpty());
        for (const int role : roles)
            QVERIFY2(alongX.contains(role), qPrintable(QString::number(role)));
        if (first <= 1 && 1 <= last)
            row1Moved = roles.contains(SegmentModel::X0) && roles.contains(SegmentModel::X1);
    }
    QCOMPARE(next, count);
    QVERIFY(row1Moved); // a segment inside the window: both its ends moved
}

// A drag changes a stretch of the run: the rows before and after it (the common head and tail)
// hear nothing; the stretch is updated in place, and only the difference in count is removed
// (here the spurious notification and what came with it) right after the updated rows.
void TestTimelineModels::dragSignalsOnlyTheChangedStretch() {
    view_->showRange(0, 4000);
    auto* markers = view_->markers();
    const QStringList before = markerRows(markers);
    ModelSignals spy(markers);
    QVERIFY(lab_->document()->requestMove(lab_->document()->entryIndex("switch-out"), 1400));
    const QStringList after = markerRows(markers);
    QVERIFY(after.size() < before.size()); // no spurious marker any more
    int head = 0;
    while (head < after.size() && before[head] == after[head])
        ++head;
    int tail = 0;
    while (tail < after.size() - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    QVERIFY(head > 0); // the time-0 switch-in on CPU 0 did not move
    QVERIFY(tail > 0); // nor did the sender's lane
    const int kept = static_cast<int>(after.size()) - head - tail;
    QCOMPARE(spy.resets.count() + spy.inserted.count() + spy.moved.count(), 0);
    QCOMPARE(spy.removed.count(), 1);
    const auto removed = spy.removed.takeFirst();
    QCOMPARE(removed.at(1).toInt(), head + kept);
    QCOMPARE(removed.at(2).toInt(),
             head + kept + static_cast<int>(before.size() - after.size()) - 1);
    // The stretch hears which of its rows changed which roles; the highlight may then touch its
    // own roles on every row, never the rows' geometry. The head and the tail hear nothing else.
    const QList<int> highlight{MarkerModel::Current, MarkerModel::InWhy, MarkerModel::Dimmed};
    int inStretch = 0;
    for (const auto& touched : spy.changed) {
        const int first = touched.at(0).toModelIndex().row();
        const int last = touched.at(1).toModelIndex().row();
        const auto roles = touched.at(2).value<QList<int>>();
        QVERIFY(!roles.isEmpty());
        const bool onlyHighlight =
            std::all_of(roles.begin(), roles.end(), [&](int r) { return highlight.contains(r); });
        if (onlyHighlight && first == 0 && last == static_cast<int>(after.size()) - 1) continue;
        QVERIFY2(first >= head && last <= head + kept - 1,
                 qPrintable(QStringLiteral("rows %1..%2 outside %3..%4")
                                .arg(first)
                                .arg(last)
                                .arg(head)
                                .arg(head + kept - 1)));
        ++inStretch;
    }
    QVERIFY(kept == 0 || inStretch >= 1);
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
    const int out = lab_->document()->entryIndex("switch-out");
    QCOMPARE(view_->draggableEntryAt(view_->xOf(1100) + 3, view_->laneCenterY(0)), out);
    QCOMPARE(view_->draggableEntryAt(view_->xOf(1000), view_->laneCenterY(1)),
             lab_->document()->entryIndex("send"));
    QCOMPARE(view_->draggableEntryAt(view_->xOf(2000), view_->laneCenterY(0)), -1);
    const int event = view_->eventAt(view_->xOf(1300), view_->laneCenterY(0));
    QVERIFY(event >= 0);
    QVERIFY(lab_->describeEvent(event).contains("spurious_notification"));
    QVERIFY(view_->tooltipAt(view_->xOf(1100), view_->laneCenterY(0)).contains("Drag"));
}

void TestTimelineModels::dragSnapsToOtherEvents() {
    const int out = lab_->document()->entryIndex("switch-out");
    // A few px from the IPI's arrival at 1300: snaps there; far from anything: whole ns.
    QCOMPARE(view_->snapTime(out, view_->xOf(1300) + 3), 1300LL);
    const qint64 free = view_->snapTime(out, view_->xOf(2000) + 0.4);
    QVERIFY(qAbs(free - 2000) <= 2);
    // Marker A attracts it too.
    lab_->playback()->setMarkerA(2500);
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
    const int out = lab_->document()->entryIndex("switch-out");
    QVERIFY(findMarker(view_->markers(), "spurious_notification") >= 0);
    QVERIFY(lab_->document()->requestMove(out, 1400));
    // Same call, no event loop: the models already show the new run.
    QCOMPARE(findMarker(view_->markers(), "spurious_notification"), -1);
    const int moved = findMarker(view_->markers(), "context_switch", out);
    QVERIFY(moved >= 0);
    QCOMPARE(view_->markers()->index(moved).data(MarkerModel::T).toLongLong(), 1400LL);
    QVERIFY(lab_->document()->commitMove(out, 1400));
    lab_->document()->undo();
    QVERIFY(findMarker(view_->markers(), "spurious_notification") >= 0);
}

// The flow animation plays its outcome on the markers at the playhead only: the proxy holds
// those rows of the marker model and follows the playhead (no delegate per marker of the run).
void TestTimelineModels::currentMarkersFollowThePlayhead() {
    auto* current = view_->currentMarkers();
    const auto kinds = [&] {
        QStringList k;
        for (int r = 0; r < current->rowCount(); ++r)
            k << current->index(r, 0).data(MarkerModel::Kind).toString();
        return k;
    };
    lab_->playback()->setPlayhead(1300); // the arrival after the switch-out: spurious
    QVERIFY2(kinds().contains(QStringLiteral("spurious_notification")),
             qPrintable(kinds().join(',')));
    QVERIFY(current->rowCount() < view_->markers()->rowCount());
    for (int r = 0; r < current->rowCount(); ++r)
        QVERIFY(current->index(r, 0).data(MarkerModel::Current).toBool());
    lab_->playback()->setPlayhead(1000); // the send
    QVERIFY2(kinds().contains(QStringLiteral("senduipi")), qPrintable(kinds().join(',')));
    QVERIFY(!kinds().contains(QStringLiteral("spurious_notification")));
}

QTEST_GUILESS_MAIN(TestTimelineModels)
#include "tst_timeline_models.moc"
