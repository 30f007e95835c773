// The controller: opening, the drag flow (preview, commit, undo, redo), refusals, saving, the
// kernel variant switch, the playhead and the inspector at it, Why.
#include "LabController.h"
#include "scenario/ScenarioIO.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using uintr::lab::LabController;

namespace {
const QString kSeed = QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json");

// A task that migrates: CPU 0 runs "a" until 1000, CPU 1 runs it from 2000. Moving "a-in"
// before 1000 would run "a" on two CPUs at once: checkConsistency refuses it.
const char* kMigrate = R"({
  "format": "uintr-scenario/1",
  "title": "Migration",
  "summary": "a moves from CPU 0 to CPU 1.",
  "machine": { "cpus": 2 },
  "tasks": [ { "name": "a", "receiver": true }, { "name": "b" } ],
  "timeline": [
    { "id": "a-on", "at": 0, "cpu": 0, "run": "a" },
    { "id": "a-out", "at": 1000, "cpu": 0, "run": "b" },
    { "id": "a-in", "at": 2000, "cpu": 1, "run": "a" }
  ]
})";

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text);
    return path;
}
} // namespace

class TestController : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void opensTheSeedRace();
    void dragMovesResimulatesUndoesAndRedoes();
    void releaseWithoutMoveAddsNothing();
    void cancelRestoresTheCommittedRun();
    void inconsistentEditIsRefusedAndChangesNothing();
    void negativeTimeIsRefused();
    void brokenFileLeavesTheScenarioUntouched();
    void saveThenLoadRoundTrips();
    void saveIsAtomicAndMarksClean();
    void kernelVariantIsAnUndoableEdit();
    void inspectorShowsTheRaceWindow();
    void inspectorHighlightsWhatChanged();
    void stepsThroughSubSteps();
    void inspectorFollowsEachSubStep();
    void nothingIsHighlightedAtTheStart();
    void whyListsTheCausalChain();
    void whyFollowsTheEventThroughADrag();
    void narrationFollowsThePlayhead();
    void narrationFollowsTheEditedRun();
    void markersMeasureDistance();
    void playAdvancesAndPauses();
    void inspectorRowsUpdateInPlace();
    void releaseAdoptsThePreviewedRun();
    void aNewDocumentResetsThePlayback();
    void aDragStopsPlaybackAndKeepsThePlayhead();
};

void TestController::opensTheSeedRace() {
    LabController lab;
    QVERIFY(lab.document()->openDefault());
    QVERIFY(lab.document()->filePath().endsWith("seed-race.json"));
    QCOMPARE(lab.document()->title(),
             QStringLiteral("Receiver switched out while the notification IPI is in flight"));
    QCOMPARE(lab.spuriousCount(), 1);
    QCOMPARE(lab.deliveredCount(), 1);
    QVERIFY(lab.verdict().value(0).startsWith("Spurious notification on CPU 0 at 1300 ns"));
    QVERIFY(!lab.document()->dirty());
    QVERIFY(lab.timeline()->markers()->count() > 0);
}

void TestController::dragMovesResimulatesUndoesAndRedoes() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    const int entry = lab.document()->entryIndex("switch-out");
    QVERIFY(entry >= 0);
    QCOMPARE(lab.document()->entryTime(entry), 1100LL);

    // Drag frames: each re-simulates a preview, none is an undo entry.
    QVERIFY(lab.document()->requestMove(entry, 1200));
    QVERIFY(lab.document()->previewing());
    QCOMPARE(lab.spuriousCount(), 1); // still switched out while the IPI flies
    QVERIFY(lab.document()->requestMove(entry, 1350));
    QCOMPARE(lab.spuriousCount(), 0); // the IPI arrived at 1300 while the receiver ran
    QVERIFY(!lab.document()->canUndo());
    QCOMPARE(lab.document()->entryTime(entry),
             1100LL); // the document is unchanged until the release

    // The release: one undo step, named for people.
    QVERIFY(lab.document()->commitMove(entry, 1400));
    QVERIFY(!lab.document()->previewing());
    QCOMPARE(lab.document()->entryTime(entry), 1400LL);
    QCOMPARE(lab.spuriousCount(), 0);
    QVERIFY(lab.document()->canUndo());
    QCOMPARE(lab.document()->undoText(), QStringLiteral("Move switch-out to 1 400 ns"));
    QVERIFY(lab.document()->dirty());

    lab.document()->undo();
    QCOMPARE(lab.document()->entryTime(entry), 1100LL);
    QCOMPARE(lab.spuriousCount(), 1);
    QVERIFY(!lab.document()->canUndo());
    QVERIFY(!lab.document()->dirty());

    lab.document()->redo();
    QCOMPARE(lab.document()->entryTime(entry), 1400LL);
    QCOMPARE(lab.spuriousCount(), 0);
    QVERIFY(lab.document()->dirty());
}

void TestController::releaseWithoutMoveAddsNothing() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    const int entry = lab.document()->entryIndex("send");
    QVERIFY(lab.document()->requestMove(entry, 1050));
    QVERIFY(!lab.document()->commitMove(entry, 1000)); // back where it was
    QVERIFY(!lab.document()->canUndo());
    QCOMPARE(lab.document()->entryTime(entry), 1000LL);
    QCOMPARE(lab.spuriousCount(), 1);
}

void TestController::cancelRestoresTheCommittedRun() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    const int entry = lab.document()->entryIndex("switch-out");
    QVERIFY(lab.document()->requestMove(entry, 2000));
    QCOMPARE(lab.spuriousCount(), 0);
    lab.document()->cancelMove();
    QVERIFY(!lab.document()->previewing());
    QCOMPARE(lab.spuriousCount(), 1);
    QVERIFY(!lab.document()->canUndo());
}

void TestController::inconsistentEditIsRefusedAndChangesNothing() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(write(dir, "migrate.json", kMigrate)));
    const int entry = lab.document()->entryIndex("a-in");
    const int events = lab.eventCount();
    QVERIFY(!lab.document()->requestMove(entry, 500));
    QVERIFY(lab.statusError());
    QVERIFY2(lab.statusText().contains("already running on CPU 0"), qPrintable(lab.statusText()));
    QVERIFY(!lab.document()->commitMove(entry, 500));
    QVERIFY(!lab.document()->canUndo());
    QCOMPARE(lab.document()->entryTime(entry), 2000LL);
    QCOMPARE(lab.eventCount(), events);

    // A drag that crosses a forbidden spot keeps its last good position.
    QVERIFY(lab.document()->requestMove(entry, 1500));
    QVERIFY(!lab.document()->requestMove(entry, 900));
    QVERIFY(lab.document()->commitMove(entry, 900));
    QCOMPARE(lab.document()->entryTime(entry), 1500LL);
}

void TestController::negativeTimeIsRefused() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(!lab.document()->requestMove(lab.document()->entryIndex("send"), -5));
    QVERIFY(lab.statusError());
    lab.document()->cancelMove();
    QVERIFY(!lab.document()->requestMove(99, 10));
    QVERIFY(!lab.document()->canUndo());
}

void TestController::brokenFileLeavesTheScenarioUntouched() {
    QTemporaryDir dir;
    QFile seed(kSeed);
    QVERIFY(seed.open(QIODevice::ReadOnly));
    QByteArray text = seed.readAll();
    text.replace("\"vector\": 3", "\"vector\": 64");
    const QString broken = write(dir, "broken.json", text);

    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(lab.document()->moveEntry(lab.document()->entryIndex("switch-out"),
                                      1250)); // an unsaved edit
    QSignalSpy errors(&lab, &LabController::errorOccurred);
    QVERIFY(!lab.document()->openFile(broken));
    QCOMPARE(errors.count(), 1);
    const QString line = errors.first().at(1).toString();
    QVERIFY2(line.startsWith(broken + ":"), qPrintable(line));
    QVERIFY2(line.contains(": /connections/0/vector: "), qPrintable(line));
    QVERIFY(!line.contains('\n'));
    QVERIFY(lab.document()->filePath().endsWith("seed-race.json"));
    QCOMPARE(lab.document()->entryTime(lab.document()->entryIndex("switch-out")), 1250);
    QVERIFY(lab.document()->canUndo());
    QVERIFY(lab.document()->dirty());

    QVERIFY(!lab.document()->openFile(dir.filePath("missing.json")));
    QCOMPARE(errors.count(), 2);
    QVERIFY(lab.document()->filePath().endsWith("seed-race.json"));
}

void TestController::saveThenLoadRoundTrips() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(lab.document()->moveEntry(lab.document()->entryIndex("switch-out"), 1250));
    QVERIFY(lab.document()->setVariant("no-sn"));
    const QString path = dir.filePath("moved.json");
    QVERIFY(lab.document()->saveAs(path));
    QVERIFY(!lab.document()->dirty());
    QCOMPARE(lab.document()->filePath(), path);

    const auto loaded = uintr::scenario::loadScenarioFile(path.toStdString());
    QVERIFY(loaded.ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().toStdString(), uintr::scenario::saveScenarioText(*loaded.scenario));

    LabController again;
    QVERIFY(again.document()->openFile(path));
    QCOMPARE(again.document()->entryTime(again.document()->entryIndex("switch-out")), 1250);
    QCOMPARE(again.document()->variant(), QStringLiteral("no-sn"));
    QCOMPARE(again.eventCount(), lab.eventCount());
}

void TestController::saveIsAtomicAndMarksClean() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(lab.document()->moveEntry(lab.document()->entryIndex("send"), 900));
    QSignalSpy errors(&lab, &LabController::errorOccurred);
    QVERIFY(!lab.document()->saveAs(dir.filePath("no/such/dir/x.json")));
    QCOMPARE(errors.count(), 1);
    QVERIFY(lab.document()->dirty());
    QVERIFY(lab.document()->saveAs(dir.filePath("x.json")));
    QVERIFY(!lab.document()->dirty());
    QVERIFY(lab.document()->moveEntry(lab.document()->entryIndex("send"), 950));
    QVERIFY(lab.document()->save());
    QVERIFY(!lab.document()->dirty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"x.json"}); // no temporaries left
}

void TestController::kernelVariantIsAnUndoableEdit() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QCOMPARE(lab.document()->variant(), QStringLiteral("rfc-v1"));
    QVERIFY(lab.document()->variants().contains("misc-restore-bug"));
    QVERIFY(lab.document()->setVariant("misc-restore-bug"));
    QCOMPARE(lab.document()->variant(), QStringLiteral("misc-restore-bug"));
    QCOMPARE(lab.deliveredCount(), 0); // the storm: UINV never comes back
    QCOMPARE(lab.document()->undoText(), QStringLiteral("Switch kernel to misc-restore-bug"));
    lab.document()->undo();
    QCOMPARE(lab.document()->variant(), QStringLiteral("rfc-v1"));
    QCOMPARE(lab.deliveredCount(), 1);
    QVERIFY(!lab.document()->setVariant("no-such-kernel"));
    QVERIFY(lab.statusError());
}

void TestController::inspectorShowsTheRaceWindow() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* in = lab.inspector();
    for (const qint64 t : {1100, 1200, 1299}) {
        lab.playback()->setPlayhead(t);
        QCOMPARE(in->value("UPID receiver", "SN"), QStringLiteral("1"));
        QCOMPARE(in->value("UPID receiver", "ON"), QStringLiteral("1"));
        QCOMPARE(in->value("UPID receiver", "PIR"), QStringLiteral("{3}"));
        QCOMPARE(in->value("CPU 0", "UINV"), QStringLiteral("0x00"));
        QCOMPARE(in->value("CPU 0", "task"), QStringLiteral("other"));
        QVERIFY(in->hasUis());
        QVERIFY2(QRegularExpression("^UIS:\\s+0\\s+0\\s+User-interrupt spurious event$")
                     .match(in->value("UIS", ""))
                     .hasMatch(),
                 qPrintable(in->value("UIS", "")));
    }
    lab.playback()->setPlayhead(1000);
    QCOMPARE(in->value("CPU 0", "UINV"), QStringLiteral("0xEC"));
    QCOMPARE(in->value("UPID receiver", "SN"), QStringLiteral("0"));
    for (const qint64 t : {1300, 2000, 3600}) {
        lab.playback()->setPlayhead(t);
        QVERIFY2(QRegularExpression("^UIS:\\s+1\\s+0\\s").match(in->value("UIS", "")).hasMatch(),
                 qPrintable(in->value("UIS", "")));
    }
    lab.playback()->setPlayhead(3100); // in the handler (delivered at the switch-in, 3000 .. 3200)
    QCOMPARE(in->value("CPU 0", "UIF"), QStringLiteral("0"));
    QCOMPARE(in->value("UPID receiver", "ON"), QStringLiteral("0"));
    QVERIFY(in->value("UITT sender", "[0]").startsWith("V=1 UV=3 → receiver"));
}

void TestController::inspectorHighlightsWhatChanged() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* in = lab.inspector();
    lab.playback()->setPlayhead(1100); // the switch-out: SN set, UINV cleared
    QVERIFY(in->isChanged("UPID receiver", "SN"));
    QVERIFY(in->isChanged("CPU 0", "UINV"));
    QVERIFY(!in->isChanged("UPID receiver", "PIR"));
    lab.playback()->setPlayhead(1200); // nothing happens at 1200
    QVERIFY(!in->isChanged("UPID receiver", "SN"));
    QVERIFY(!in->isChanged("CPU 0", "UINV"));
    lab.playback()->setPlayhead(1300);
    QVERIFY(in->uisChanged());
}

// Stepping inside one instant shows the state after each event, and highlights what that event
// changed (compared with the event before it): at the 1100 ns switch-out, the switch, then SN
// set, then XSAVES clearing UINV (uintr-reference.md §4), one change at a time.
void TestController::inspectorFollowsEachSubStep() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* in = lab.inspector();
    lab.playback()->setPlayhead(1099);
    lab.playback()->stepNext();
    QVERIFY(lab.playback()->currentEventText().contains("context_switch"));
    QCOMPARE(in->value("UPID receiver", "SN"), QStringLiteral("0"));
    QCOMPARE(in->value("CPU 0", "UINV"), QStringLiteral("0xEC"));
    lab.playback()->stepNext();
    QVERIFY(lab.playback()->currentEventText().contains("sn_set"));
    QCOMPARE(in->value("UPID receiver", "SN"), QStringLiteral("1"));
    QVERIFY(in->isChanged("UPID receiver", "SN"));
    QCOMPARE(in->value("CPU 0", "UINV"), QStringLiteral("0xEC"));
    QVERIFY(!in->isChanged("CPU 0", "UINV"));
    lab.playback()->stepNext();
    QVERIFY(lab.playback()->currentEventText().contains("xsaves"));
    QCOMPARE(in->value("CPU 0", "UINV"), QStringLiteral("0x00"));
    QVERIFY(in->isChanged("CPU 0", "UINV"));
    QVERIFY(!in->isChanged("UPID receiver", "SN"));
    // SENDUIPI at 1000 ns posts PIR and sets ON in one locked update of the UPID (§2.4): both
    // change with the senduipi event, nothing more with pir_posted.
    lab.playback()->setPlayhead(999);
    lab.playback()->stepNext();
    QVERIFY(lab.playback()->currentEventText().contains("senduipi"));
    QVERIFY(in->isChanged("UPID receiver", "ON"));
    QVERIFY(in->isChanged("UPID receiver", "PIR"));
    lab.playback()->stepNext();
    QVERIFY(lab.playback()->currentEventText().contains("pir_posted"));
    QVERIFY(!in->isChanged("UPID receiver", "ON"));
}

// At 0 ns the machine comes up: that is not "a change" to highlight everywhere.
void TestController::nothingIsHighlightedAtTheStart() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* in = lab.inspector();
    lab.playback()->setPlayhead(0);
    for (const char* field : {"task", "UINV", "UIF", "HANDLER"}) {
        QVERIFY2(!in->isChanged("CPU 0", field), field);
        QVERIFY2(!in->isChanged("CPU 1", field), field);
    }
    QVERIFY(!in->isChanged("UPID receiver", "NV"));
}

void TestController::stepsThroughSubSteps() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.playback()->toStart();
    QCOMPARE(lab.playback()->currentEvent(), -1);
    int steps = 0, asked = 0;
    qint64 last = 0;
    while (lab.playback()->currentEvent() + 1 < lab.eventCount()) {
        lab.playback()->stepNext();
        QVERIFY(lab.playback()->playhead() >= last);
        last = lab.playback()->playhead();
        ++steps;
        if (lab.narration()->asking()) {
            // The seed's predict step (docs/scenarios.md): one press stops before the arrival.
            QCOMPARE(lab.playback()->playhead(), 1299LL);
            ++asked;
        }
    }
    QCOMPARE(asked, 1);
    QCOMPARE(steps, lab.eventCount() + asked);
    QCOMPARE(lab.playback()->playhead(), 3200LL); // the handler's UIRET, the last event
    lab.playback()->stepPrev();
    QCOMPARE(lab.playback()->currentEvent(), lab.eventCount() - 2);
    // A sub-step of 1100: the switch first, then SN, XSAVES, XRSTORS, one at a time.
    lab.playback()->setPlayhead(1099);
    lab.playback()->stepNext();
    QCOMPARE(lab.playback()->playhead(), 1100LL);
    QVERIFY(lab.playback()->currentEventText().contains("context_switch"));
    lab.playback()->stepNext();
    QCOMPARE(lab.playback()->playhead(), 1100LL);
    QVERIFY(lab.playback()->currentEventText().contains("sn_set"));
}

void TestController::whyListsTheCausalChain() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    const int spurious = lab.findEvent("spurious_notification");
    QVERIFY(spurious >= 0);
    lab.selectEvent(spurious);
    QCOMPARE(lab.selectedEvent(), spurious);
    // One row per step, with roles (no maps looked up by name): the selected event last.
    auto* why = lab.why();
    QVERIFY(why->rowCount() >= 4);
    QStringList text;
    for (int r = 0; r < why->rowCount(); ++r)
        text << why->index(r).data(uintr::lab::WhyModel::Text).toString();
    QCOMPARE(why->eventAt(why->rowCount() - 1), spurious);
    QVERIFY(why->index(why->rowCount() - 1).data(uintr::lab::WhyModel::Selected).toBool());
    QVERIFY(!why->index(0).data(uintr::lab::WhyModel::Selected).toBool());
    QVERIFY(why->index(why->rowCount() - 1)
                .data(uintr::lab::WhyModel::When)
                .toString()
                .endsWith(QStringLiteral(" · CPU 0")));
    // Prose a class can follow: human names, the reference's hex, no trace spellings.
    QVERIFY2(text.first().contains("executes SENDUIPI"), qPrintable(text.join('\n')));
    QVERIFY(text.join('\n').contains("XSAVES saves receiver's UINTR state (UINV 0xEC)"));
    QVERIFY(text.last().contains("spurious handler counts UIS +1"));
    QVERIFY(text.last().contains("Vector 0xEC does not match UINV"));
    for (const QString& line : text) {
        QVERIFY2(!line.contains('_'), qPrintable(line)); // no snake_case trace names
        QVERIFY2(!line.contains("0xec"), qPrintable(line));
    }
    QVERIFY(lab.whyTitle().startsWith("Why the spurious notification (UIS +1) at 1 300 ns"));
    // The timeline lights the chain up and dims the rest.
    auto* markers = lab.timeline()->markers();
    bool senduipiLit = false, deliveryDimmed = false;
    for (int r = 0; r < markers->rowCount(); ++r) {
        const auto i = markers->index(r);
        const QString kind = i.data(uintr::lab::MarkerModel::Kind).toString();
        if (kind == "senduipi") senduipiLit = i.data(uintr::lab::MarkerModel::InWhy).toBool();
        if (kind == "user_interrupt_delivered")
            deliveryDimmed = i.data(uintr::lab::MarkerModel::Dimmed).toBool();
    }
    QVERIFY(senduipiLit);
    QVERIFY(deliveryDimmed);
    lab.selectEvent(-1);
    QCOMPARE(why->rowCount(), 0);
}

void TestController::whyFollowsTheEventThroughADrag() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.selectEvent(lab.findEvent("spurious_notification"));
    const int entry = lab.document()->entryIndex("switch-out");
    QVERIFY(lab.document()->requestMove(entry, 1400));
    QCOMPARE(lab.selectedEvent(), -1);
    QCOMPARE(lab.why()->rowCount(), 0);
    QVERIFY(lab.document()->requestMove(entry, 1150));
    QVERIFY(lab.selectedEvent() >= 0);
    QVERIFY(lab.why()->rowCount() > 0);
}

void TestController::narrationFollowsThePlayhead() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* n = lab.narration();
    lab.playback()->setPlayhead(1050);
    QVERIFY(n->text().startsWith("The sender executes SENDUIPI"));
    lab.playback()->setPlayhead(1300);
    QVERIFY(n->text().startsWith("The IPI arrives"));
    QCOMPARE(n->status(), uintr::lab::NarrationModel::Status::Same);
    QVERIFY(!n->edited());
}

// The issue's case: after dragging the switch-out past the arrival the narration must not say
// "the spurious handler counts UIS +1" any more; the switch-out's step follows the drag.
void TestController::narrationFollowsTheEditedRun() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* n = lab.narration();
    QVERIFY(lab.document()->moveEntry(lab.document()->entryIndex("switch-out"), 1400));
    QVERIFY(n->edited());
    lab.playback()->setPlayhead(1300);
    QCOMPARE(n->status(), uintr::lab::NarrationModel::Status::Gone);
    QVERIFY(n->fileText().contains("UIS +1"));
    QVERIFY(!n->text().contains("UIS +1"));
    QVERIFY2(n->text().startsWith("No spurious notification"), qPrintable(n->text()));
    QVERIFY(n->note().contains("no longer happens"));
    lab.playback()->setPlayhead(1400);
    QCOMPARE(n->status(), uintr::lab::NarrationModel::Status::Moved);
    QVERIFY(n->text().startsWith("The scheduler switches the receiver out"));
    QVERIFY(n->note().contains("1 400 ns"));
    lab.document()->undo();
    QVERIFY(!n->edited());
    lab.playback()->setPlayhead(1300);
    QVERIFY(n->text().startsWith("The IPI arrives"));
}

void TestController::markersMeasureDistance() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.playback()->setMarkerA(1000);
    lab.playback()->setMarkerB(1300);
    QCOMPARE(lab.playback()->markerText(), QStringLiteral("A 1 000 ns   B 1 300 ns   B−A +300 ns"));
    lab.playback()->clearMarkers();
    QVERIFY(lab.playback()->markerText().isEmpty());
}

void TestController::playAdvancesAndPauses() {
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.playback()->toStart();
    lab.playback()->setPlaying(true);
    QVERIFY(lab.playback()->playing());
    // It stops at each instant with events (the time-0 placements first), then moves on.
    QTRY_VERIFY_WITH_TIMEOUT(lab.playback()->currentEvent() >= 0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(lab.playback()->playhead() > 0, 5000);
    lab.playback()->setPlaying(false);
    const qint64 at = lab.playback()->playhead();
    QTest::qWait(100);
    QCOMPARE(lab.playback()->playhead(), at);
    // Stepping pauses playback.
    lab.playback()->setPlaying(true);
    lab.playback()->stepNext();
    QVERIFY(!lab.playback()->playing());
}

// The inspector's cards and fields are list models with roles: a step names the row and the
// roles that changed (SN's value and highlight with sn_set), resets nothing, and leaves the
// other rows silent.
void TestController::inspectorRowsUpdateInPlace() {
    using uintr::lab::InspectorCards;
    using uintr::lab::InspectorFields;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    auto* upids = lab.inspector()->upids();
    lab.playback()->setPlayhead(1099);
    lab.playback()->stepNext(); // the switch-out's context_switch
    QCOMPARE(upids->count(), 1);
    QCOMPARE(upids->data(upids->index(0), InspectorCards::Group).toString(),
             QStringLiteral("UPID receiver"));
    auto* fields = upids->data(upids->index(0), InspectorCards::Fields).value<InspectorFields*>();
    QVERIFY(fields);
    QCOMPARE(fields, upids->fieldsAt(0));
    const auto roles = fields->roleNames();
    QCOMPARE(roles.value(InspectorFields::Name), QByteArray("name"));
    QCOMPARE(roles.value(InspectorFields::Changed), QByteArray("changed"));
    int sn = -1;
    for (int row = 0; row < fields->rowCount(); ++row)
        if (fields->data(fields->index(row), InspectorFields::Name).toString() == "SN") sn = row;
    QVERIFY(sn >= 0);
    QCOMPARE(fields->data(fields->index(sn), InspectorFields::Value).toString(), "0");

    QSignalSpy cardsReset(upids, &QAbstractItemModel::modelReset);
    QSignalSpy cardsChanged(upids, &QAbstractItemModel::dataChanged);
    QSignalSpy fieldsReset(fields, &QAbstractItemModel::modelReset);
    QSignalSpy fieldsChanged(fields, &QAbstractItemModel::dataChanged);
    lab.playback()->stepNext(); // sn_set
    QCOMPARE(lab.playback()->currentKind(), QStringLiteral("sn_set"));
    QCOMPARE(cardsReset.count(), 0);
    QCOMPARE(fieldsReset.count(), 0);
    QCOMPARE(fieldsChanged.count(), 1);
    QCOMPARE(fieldsChanged[0][0].value<QModelIndex>().row(), sn);
    QCOMPARE(fieldsChanged[0][1].value<QModelIndex>().row(), sn);
    QCOMPARE(fieldsChanged[0][2].value<QList<int>>(),
             (QList<int>{InspectorFields::Value, InspectorFields::Changed}));
    QCOMPARE(fields->data(fields->index(sn), InspectorFields::Value).toString(), "1");
    QVERIFY(fields->data(fields->index(sn), InspectorFields::Changed).toBool());
    // The UPID's 16 bytes in memory changed with SN: the card's raw roles say so.
    QCOMPARE(cardsChanged.count(), 1);
    QCOMPARE(cardsChanged[0][2].value<QList<int>>(),
             (QList<int>{InspectorCards::Raw, InspectorCards::RawChanged}));
    QVERIFY(upids->data(upids->index(0), InspectorCards::RawChanged).toBool());

    // Stepping on to XSAVES: SN is no longer "changed" (only that role), UINV on CPU 0 is.
    fieldsChanged.clear();
    lab.playback()->stepNext();
    QCOMPARE(fieldsChanged.count(), 1);
    QCOMPARE(fieldsChanged[0][2].value<QList<int>>(), QList<int>{InspectorFields::Changed});
    QVERIFY(!fields->data(fields->index(sn), InspectorFields::Changed).toBool());
    QCOMPARE(fieldsReset.count(), 0);
}

// The drag's one undo step commits the run the last preview simulated, not a new simulation.
void TestController::releaseAdoptsThePreviewedRun() {
    LabController lab;
    auto* doc = lab.document();
    QVERIFY(doc->openFile(kSeed));
    const int entry = doc->entryIndex("switch-out");
    std::shared_ptr<const uintr::lab::SimRun> shown;
    int runs = 0;
    connect(doc, &uintr::lab::LabDocument::runReady, this,
            [&](std::shared_ptr<const uintr::lab::SimRun> run, bool) {
                shown = std::move(run);
                ++runs;
            });
    QVERIFY(doc->requestMove(entry, 1400));
    QCOMPARE(runs, 1);
    const auto previewed = shown;
    QVERIFY(previewed != doc->committed());
    QVERIFY(doc->commitMove(entry, 1400));
    QCOMPARE(runs, 2);
    // Laid out on its own (a committed run keeps no chain), over the same recording.
    QVERIFY(&doc->committed()->recording() == &previewed->recording());
    QVERIFY(shown == doc->committed());
    QCOMPARE(doc->undoText(), QStringLiteral("Move switch-out to 1 400 ns"));
}

// Open, import or recover: the playhead, the markers and the selection belonged to the old one.
void TestController::aNewDocumentResetsThePlayback() {
    LabController lab;
    auto* play = lab.playback();
    QVERIFY(lab.document()->openFile(kSeed));
    play->setPlayhead(1500);
    play->setMarkerA(1000);
    lab.selectEvent(lab.findEvent("spurious_notification"));
    QVERIFY(lab.selectedEvent() >= 0);
    QSignalSpy markers(play, &uintr::lab::Playback::markersChanged);
    QSignalSpy moved(play, &uintr::lab::Playback::playheadChanged);
    QVERIFY(lab.document()->openFile(kSeed));
    QCOMPARE(play->playhead(), 0LL);
    QCOMPARE(play->markerA(), -1LL);
    QCOMPARE(markers.count(), 1);
    QCOMPARE(moved.count(), 1);
    QVERIFY(play->currentEvent() >= 0); // on the last of the time-0 placements
    QCOMPARE(play->currentEvent(), lab.document()->committed()->lastEventAtOrBefore(0));
    QCOMPARE(lab.selectedEvent(), -1);
    QVERIFY(!lab.document()->dirty());
}

// The document moves, the playback stays: a drag frame re-simulates under a resting playhead,
// whose current event is looked up again in the preview.
void TestController::aDragStopsPlaybackAndKeepsThePlayhead() {
    LabController lab;
    auto* play = lab.playback();
    QVERIFY(lab.document()->openFile(kSeed));
    play->setPlayhead(1300);
    QCOMPARE(play->currentKind(), QStringLiteral("spurious_notification"));
    play->setPlaying(true);
    QVERIFY(play->playing());
    QVERIFY(lab.document()->requestMove(lab.document()->entryIndex("switch-out"), 1400));
    QVERIFY(!play->playing());
    QCOMPARE(play->playhead(), 1300LL);
    QVERIFY(play->currentKind() != QStringLiteral("spurious_notification"));
    lab.document()->cancelMove();
    QCOMPARE(play->currentKind(), QStringLiteral("spurious_notification"));
}

QTEST_GUILESS_MAIN(TestController)
#include "tst_controller.moc"
