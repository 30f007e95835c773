// The timeline at real scale: an ftrace capture imported through the controller (File ▸ Import),
// a 64-CPU capture navigable (vertical scroll, lanes culled off screen, pinned and hidden lanes),
// density instead of markers where events are denser than pixels and markers back when zoomed
// in, and the drag's resumed re-simulation giving the run a fresh simulation gives.
#include "Format.h"
#include "LabController.h"
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"
#include "sim/TraceFormat.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace uintr;
using namespace uintr::lab;

namespace {

QString laneLabels(TimelineView* v) {
    QStringList out;
    for (const auto& lane : v->lanes()->rows())
        out << QString::fromStdString(lane.label);
    return out.join(',');
}

// A capture of 64 CPUs, each running its own task twice.
QString write64CpuCapture(const QTemporaryDir& dir) {
    QString text;
    for (int round = 0; round < 4; ++round)
        for (int cpu = 0; cpu < 64; ++cpu) {
            const QString ts =
                QStringLiteral("3.%1").arg(round * 100 + cpu, 6, 10, QLatin1Char('0'));
            const int pid = 1000 + cpu;
            const bool in = round % 2 == 0;
            text +=
                QStringLiteral("      t-%1 [%2] d..2. %3: sched_switch: prev_comm=%4 prev_pid=%5 "
                               "prev_prio=120 prev_state=S ==> next_comm=%6 next_pid=%7 "
                               "next_prio=120\n")
                    .arg(pid)
                    .arg(cpu, 3, 10, QLatin1Char('0'))
                    .arg(ts)
                    .arg(in ? QStringLiteral("swapper") : QStringLiteral("t%1").arg(cpu))
                    .arg(in ? 0 : pid)
                    .arg(in ? QStringLiteral("t%1").arg(cpu) : QStringLiteral("swapper"))
                    .arg(in ? pid : 0);
        }
    const QString path = dir.filePath(QStringLiteral("64.txt"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(text.toUtf8());
    return path;
}

// A scenario saved into `dir` as NAME for the app to open; an empty path if it could not be
// written.
QString writeStressScenario(const QTemporaryDir& dir, const scenario::Scenario& sc,
                            const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QByteArray::fromStdString(scenario::saveScenarioText(sc)));
    return f.flush() ? path : QString();
}

scenario::Scenario stressScenario(int entries) {
    scenario::StressShape shape;
    shape.entries = entries;
    return scenario::makeStressScenario(shape);
}

// The first context switch at or after timeline entry `from`: the entry a drag test moves.
int switchFrom(const scenario::Scenario& sc, int from) {
    while (sc.timeline[static_cast<std::size_t>(from)].kind !=
           scenario::TimelineEntry::Kind::ContextSwitch)
        ++from;
    return from;
}

} // namespace

class TestTimelineScale : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void importsACapture();
    void importErrorChangesNothing();
    void manyCpusScrollPinHide();
    void densityWhereCrowded();
    void resumedDragIsAFreshRun();
    void partialPreviewThenFinished();
    void wholeRunDragComesLate();

  private:
    QTemporaryDir dir_;
};

void TestTimelineScale::importsACapture() {
    LabController lab;
    QVERIFY(lab.document()->importFtrace(
        QUrl::fromLocalFile(
            QStringLiteral(UINTR_SOURCE_DIR "/tests/data/ftrace/capture-2cpu-irqinfo.txt")),
        QStringLiteral("19188"), QStringLiteral("19189"), 1000));
    QVERIFY(lab.document()->loaded());
    QCOMPARE(lab.cpuCount(), 2);
    QVERIFY(lab.eventCount() > 1000);
    QCOMPARE(lab.document()->fileName(), QStringLiteral("untitled.json"));
    QVERIFY(lab.statusText().startsWith(QStringLiteral("Imported capture-2cpu-irqinfo.txt")));
    QCOMPARE(lab.timeline()->lanes()->count(), 2);
}

void TestTimelineScale::importErrorChangesNothing() {
    LabController lab;
    QVERIFY(lab.document()->openFile(QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json")));
    QSignalSpy errors(&lab, &LabController::errorOccurred);
    QVERIFY(!lab.document()->importFtrace(
        QUrl::fromLocalFile(
            QStringLiteral(UINTR_SOURCE_DIR "/tests/data/ftrace/capture-2cpu-irqinfo.txt")),
        QStringLiteral("nosuchtask"), QString(), 0));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(lab.lastError(),
             QStringLiteral("--receiver: no task named 'nosuchtask' in the trace"));
    QCOMPARE(lab.document()->fileName(), QStringLiteral("seed-race.json"));
}

void TestTimelineScale::manyCpusScrollPinHide() {
    LabController lab;
    TimelineView* v = lab.timeline();
    v->setViewWidth(1366);
    v->setViewHeight(600);
    QVERIFY(lab.document()->importFtrace(QUrl::fromLocalFile(write64CpuCapture(dir_)), {}, {}, 0));
    QCOMPARE(lab.cpuCount(), 64);
    QVERIFY(v->maxScrollY() > 0);
    const int onScreen = v->lanes()->count();
    QVERIFY2(onScreen > 3 && onScreen < 20, qPrintable(laneLabels(v)));
    QVERIFY(laneLabels(v).startsWith(QStringLiteral("CPU 0,CPU 1")));
    // Scrolled to the bottom: the last CPU is on screen, the first is not.
    v->setScrollY(v->maxScrollY());
    QVERIFY(laneLabels(v).endsWith(QStringLiteral("CPU 63")));
    QVERIFY(!laneLabels(v).contains(QStringLiteral("CPU 0,")));
    for (const auto& lane : v->lanes()->rows())
        QVERIFY(lane.y1 <= 600 + 1);
    // Pinned: CPU 0 stays on top while the rest is scrolled.
    v->setLanePinned(0, true);
    QVERIFY(laneLabels(v).startsWith(QStringLiteral("CPU 0,")));
    QVERIFY(laneLabels(v).endsWith(QStringLiteral("CPU 63")));
    const auto& first = v->lanes()->rows().front();
    QCOMPARE(first.y0, v->rulerHeight() + v->viewport().laneGap);
    for (const auto& s : v->segments()->rows())
        if (s.cpu == 0) QVERIFY(s.y0 >= first.y0 && s.y1 <= first.y1);
    // Hidden: CPU 63 leaves the screen and the scroll range.
    const double before = v->maxScrollY();
    v->setLaneHidden(63, true);
    QCOMPARE(v->hiddenLanes(), 1);
    QVERIFY(!laneLabels(v).contains(QStringLiteral("CPU 63")));
    QVERIFY(v->maxScrollY() < before);
    v->showAllLanes();
    QCOMPARE(v->hiddenLanes(), 0);
}

void TestTimelineScale::densityWhereCrowded() {
    const QString path =
        writeStressScenario(dir_, stressScenario(40'000), QStringLiteral("stress.json"));
    QVERIFY(!path.isEmpty());
    LabController lab;
    TimelineView* v = lab.timeline();
    v->setViewWidth(1366);
    v->setViewHeight(600);
    QVERIFY(lab.document()->openFile(path));
    v->fit();
    QCOMPARE(v->denseLanes(), 4);
    QCOMPARE(v->markers()->count(), 0);
    QCOMPARE(v->arrows()->count(), 0);
    std::uint64_t spurious = 0;
    for (const auto& lane : v->denseLaneRows())
        for (const auto n : lane.density.counts[0])
            spurious += n;
    QCOMPARE(spurious, std::uint64_t(lab.spuriousCount()));
    // Zoomed in to 3 µs: exact events again.
    v->showRange(lab.endTime() / 2, lab.endTime() / 2 + 3000);
    QCOMPARE(v->denseLanes(), 0);
    QVERIFY(v->markers()->count() > 0);
}

void TestTimelineScale::resumedDragIsAFreshRun() {
    const auto sc = stressScenario(6000);
    const QString path = writeStressScenario(dir_, sc, QStringLiteral("drag.json"));
    QVERIFY(!path.isEmpty());
    LabController lab;
    QVERIFY(lab.document()->openFile(path));
    const int entry = switchFrom(sc, 3001);
    const qint64 at = lab.document()->entryTime(entry);
    for (const qint64 to : {at + 40, at - 90, at + 260})
        QVERIFY(lab.document()->requestMove(entry, to));
    QVERIFY(lab.document()->commitMove(entry, at + 260));
    auto moved = sc;
    moved.timeline[static_cast<std::size_t>(entry)].at = at + 260;
    const SimRun fresh(moved);
    const auto& rec = lab.timeline()->shownRun()->recording();
    QVERIFY(rec.resumedAfterStep() > 0);
    QCOMPARE(sim::traceToJson(rec.trace(), rec.summary(), rec.scenario()),
             sim::traceToJson(fresh.trace(), fresh.recording().summary(), fresh.scenario()));
}

// A drag on a big run zoomed in: the GUI thread simulates to the right edge of the view and shows
// that; PreviewFinisher finishes the run off the GUI thread. The finished preview is the run a
// fresh simulation gives (trace and summary); a finished result whose request is no longer the
// latest is dropped; the drop commits one undo step, also when it comes before the finisher.
void TestTimelineScale::partialPreviewThenFinished() {
    const auto sc = stressScenario(6000);
    const QString path = writeStressScenario(dir_, sc, QStringLiteral("partial.json"));
    QVERIFY(!path.isEmpty());
    LabController lab;
    QVERIFY(lab.document()->openFile(path));
    const int events = lab.eventCount();
    QVERIFY2(events >= 20'000, qPrintable(QString::number(events))); // big enough to split
    const int entry = switchFrom(sc, 3001);
    const qint64 at = lab.document()->entryTime(entry);
    lab.timeline()->showRange(at - 1500, at + 1500);
    const auto shownAt = [&] {
        return lab.timeline()->shownRun()->scenario().timeline[static_cast<std::size_t>(entry)].at;
    };
    const auto freshRun = [&](qint64 to) {
        auto moved = sc;
        moved.timeline[static_cast<std::size_t>(entry)].at = to;
        return std::make_unique<SimRun>(moved);
    };
    const auto json = [](const SimRun& run) {
        return sim::traceToJson(run.trace(), run.recording().summary(), run.scenario());
    };

    QVERIFY(lab.document()->requestMove(entry, at + 40));
    QVERIFY(lab.timeline()->shownRun()->partial());
    QVERIFY(lab.eventCount() < events);
    QVERIFY(lab.verdict().value(0).startsWith(QStringLiteral("Simulated up to")));
    lab.document()->previewFinisher()->waitForDone();
    QVERIFY(!lab.timeline()->shownRun()->partial());
    QCOMPARE(shownAt(), at + 40);
    QCOMPARE(json(*lab.timeline()->shownRun()), json(*freshRun(at + 40)));

    // A result that arrives after a newer request is dropped: the newer partial stays on screen.
    QVERIFY(lab.document()->requestMove(entry, at + 90));
    lab.document()->previewFinisher()->runNow(); // at + 90 finished, its delivery posted
    QVERIFY(lab.document()->requestMove(entry, at + 130));
    QCoreApplication::sendPostedEvents(lab.document()->previewFinisher());
    QVERIFY(lab.timeline()->shownRun()->partial());
    QCOMPARE(shownAt(), at + 130);
    lab.document()->previewFinisher()->waitForDone();
    QVERIFY(!lab.timeline()->shownRun()->partial());
    QCOMPARE(shownAt(), at + 130);

    // Released before the finisher is done: the commit finishes the run itself.
    QVERIFY(lab.document()->requestMove(entry, at + 200));
    QVERIFY(lab.timeline()->shownRun()->partial());
    QVERIFY(lab.document()->commitMove(entry, at + 200));
    QVERIFY(!lab.timeline()->shownRun()->partial());
    QVERIFY(!lab.timeline()->shownRun()->layered()); // a committed run holds no chain
    QCOMPARE(json(*lab.timeline()->shownRun()), json(*freshRun(at + 200)));
    lab.document()->previewFinisher()->waitForDone(); // nothing late changes the committed run
    QCOMPARE(shownAt(), at + 200);
    QCOMPARE(lab.eventCount(), freshRun(at + 200)->eventCount());
    lab.document()->undo();
    QCOMPARE(lab.document()->entryTime(entry), at);
    QCOMPARE(lab.eventCount(), events);
}

// The whole run on screen: the view's right edge is the end of the run, so a drag frame does not
// simulate on the GUI thread at all; the worker's run is drawn when it arrives, even one request
// behind the hand (the verdict says so), and never committed unless it is the hand's.
void TestTimelineScale::wholeRunDragComesLate() {
    const auto sc = stressScenario(6000);
    const QString path = writeStressScenario(dir_, sc, QStringLiteral("late.json"));
    QVERIFY(!path.isEmpty());
    LabController lab;
    LabDocument* doc = lab.document();
    QVERIFY(doc->openFile(path));
    doc->previewFinisher()->setHeld(true); // deliveries when the test says, not when it is done
    lab.timeline()->fit();
    const int events = lab.eventCount();
    QVERIFY2(events >= 20'000, qPrintable(QString::number(events)));
    const int entry = switchFrom(sc, 3001);
    const qint64 at = doc->entryTime(entry);
    const auto committed = doc->committed();
    const auto shownAt = [&] {
        return lab.timeline()->shownRun()->scenario().timeline[static_cast<std::size_t>(entry)].at;
    };
    const auto freshJson = [&](qint64 to) {
        auto moved = sc;
        moved.timeline[static_cast<std::size_t>(entry)].at = to;
        const SimRun run(moved);
        return sim::traceToJson(run.trace(), run.recording().summary(), run.scenario());
    };
    const auto json = [](const SimRun& run) {
        return sim::traceToJson(run.trace(), run.recording().summary(), run.scenario());
    };
    const QString behind = QStringLiteral("Still simulating");
    QSignalSpy runs(doc, &LabDocument::runReady);

    // The request makes no run on this thread: the committed run stays on screen, said so.
    QVERIFY(doc->requestMove(entry, at + 40));
    QCOMPARE(runs.count(), 0);
    QCOMPARE(lab.timeline()->shownRun(), committed.get());
    QVERIFY(doc->previewBehind());
    QVERIFY(lab.verdict().value(0).startsWith(behind));
    QVERIFY(doc->previewText().startsWith(doc->entryName(entry)));
    // The worker's run arrives: the hand's, equal to a fresh run, trace and summary.
    doc->previewFinisher()->waitForDone();
    QCOMPARE(runs.count(), 1);
    QCOMPARE(shownAt(), at + 40);
    QVERIFY(!doc->previewBehind());
    QVERIFY(!lab.verdict().value(0).startsWith(behind));
    QCOMPARE(json(*lab.timeline()->shownRun()), freshJson(at + 40));

    // One request late: the run of +90 arrives after the hand moved to +130; it is drawn (it
    // is newer than the screen's), and the verdict says it is not the hand's.
    QVERIFY(doc->requestMove(entry, at + 90));
    doc->previewFinisher()->runNow(); // +90 done, its delivery posted
    QVERIFY(doc->requestMove(entry, at + 130));
    QCoreApplication::sendPostedEvents(doc->previewFinisher());
    QCOMPARE(shownAt(), at + 90);
    QVERIFY(doc->previewBehind());
    QVERIFY(lab.verdict().value(0).startsWith(behind));
    QVERIFY(lab.verdict().value(0).contains(formatNs(at + 90)));

    // Released before the run of +130 came: the commit makes it (not the +90 on screen), one
    // undo step; the worker's late result changes nothing after that.
    QVERIFY(doc->commitMove(entry, at + 130));
    QCOMPARE(doc->entryTime(entry), at + 130);
    QCOMPARE(shownAt(), at + 130);
    QVERIFY(!lab.timeline()->shownRun()->layered());
    QCOMPARE(json(*lab.timeline()->shownRun()), freshJson(at + 130));
    QVERIFY(!doc->previewBehind());
    QVERIFY(!lab.verdict().value(0).startsWith(behind));
    doc->previewFinisher()->waitForDone();
    QCOMPARE(shownAt(), at + 130);
    QVERIFY(doc->undoText().contains(doc->entryName(entry)));
    doc->undo();
    QCOMPARE(doc->entryTime(entry), at);
    QCOMPARE(lab.eventCount(), events);
    QVERIFY(!doc->canUndo()); // the drag was one step

    // Stale results are dropped: after Esc, and after a newer request made on the GUI thread
    // (zoomed in: the partial run of the hand's position on screen stays).
    QVERIFY(doc->requestMove(entry, at + 60));
    doc->previewFinisher()->runNow();
    doc->cancelMove();
    QCoreApplication::sendPostedEvents(doc->previewFinisher());
    QCOMPARE(shownAt(), at);
    QVERIFY(!doc->previewing());
    QVERIFY(doc->requestMove(entry, at + 70));
    doc->previewFinisher()->runNow(); // +70's late run posted
    lab.timeline()->showRange(at - 1500, at + 1500);
    QVERIFY(doc->requestMove(entry, at + 80)); // zoomed: the partial run of +80, now
    QVERIFY(lab.timeline()->shownRun()->partial());
    QCoreApplication::sendPostedEvents(doc->previewFinisher());
    QCOMPARE(shownAt(), at + 80);
    QVERIFY(lab.timeline()->shownRun()->partial());
    doc->cancelMove();
}

QTEST_MAIN(TestTimelineScale)
#include "tst_timeline_scale.moc"
