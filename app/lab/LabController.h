// The app's one controller (Kdenlive's flow): it owns the scenario, the simulation of it, the
// undo stack and the playhead. QML asks (`requestMove`, `setVariant`, `openFile`…), the
// controller checks, changes, re-simulates and the models follow; nothing here simulates.
//
// A drag is a preview: every move re-simulates a copy of the scenario and shows it (no undo
// entry); the release commits one undo command. An edit that fails checkConsistency changes
// nothing and says why in the status line.
#pragma once

#include "Autosave.h"
#include "InspectorModel.h"
#include "NarrationModel.h"
#include "PreviewFinisher.h"
#include "RaceMapModel.h"
#include "RaceStrip.h"
#include "ScenarioLibrary.h"
#include "SimRun.h"
#include "TimelineView.h"
#include "WhyModel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace uintr::lab {

class LabController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // the document
    Q_PROPERTY(bool loaded READ loaded NOTIFY scenarioChanged)
    Q_PROPERTY(QString title READ title NOTIFY scenarioChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY scenarioChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(
        bool rememberRecent READ rememberRecent WRITE setRememberRecent NOTIFY recentFilesChanged)
    // undo
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoChanged)
    // the kernel variant
    Q_PROPERTY(QString variant READ variant NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList variants READ variants CONSTANT)
    Q_PROPERTY(int variantIndex READ variantIndex NOTIFY scenarioChanged)
    Q_PROPERTY(QString variantDescription READ variantDescription NOTIFY scenarioChanged)
    // the run
    Q_PROPERTY(QStringList verdict READ verdict NOTIFY runChanged)
    Q_PROPERTY(int spuriousCount READ spuriousCount NOTIFY runChanged)
    Q_PROPERTY(int deliveredCount READ deliveredCount NOTIFY runChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY runChanged)
    Q_PROPERTY(qint64 endTime READ endTime NOTIFY runChanged)
    Q_PROPERTY(int cpuCount READ cpuCount NOTIFY runChanged)
    // the playhead
    Q_PROPERTY(qint64 playhead READ playhead WRITE setPlayhead NOTIFY playheadChanged)
    Q_PROPERTY(QString playheadText READ playheadText NOTIFY playheadChanged)
    Q_PROPERTY(int currentEvent READ currentEvent NOTIFY playheadChanged)
    Q_PROPERTY(QString currentEventText READ currentEventText NOTIFY playheadChanged)
    // The current event's kind as the trace spells it ("xsaves"): what the flow animation shows.
    Q_PROPERTY(QString currentKind READ currentKind NOTIFY playheadChanged)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(bool slowMotion READ slowMotion WRITE setSlowMotion NOTIFY playingChanged)
    // Presenter mode: the class must not see the outcome of a predict step before it is asked,
    // so the run from the next unanswered question on is hidden (the verdict too).
    Q_PROPERTY(bool hideAhead READ hideAhead WRITE setHideAhead NOTIFY hideAheadChanged)
    // KernelShark's A/B markers (-1: not set)
    Q_PROPERTY(qint64 markerA READ markerA NOTIFY markersChanged)
    Q_PROPERTY(qint64 markerB READ markerB NOTIFY markersChanged)
    Q_PROPERTY(QString markerText READ markerText NOTIFY markersChanged)
    // the drag in progress
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    Q_PROPERTY(QString previewText READ previewText NOTIFY previewChanged)
    // Why
    Q_PROPERTY(int selectedEvent READ selectedEvent NOTIFY whyChanged)
    Q_PROPERTY(QString whyTitle READ whyTitle NOTIFY whyChanged)
    Q_PROPERTY(uintr::lab::WhyModel* why READ why CONSTANT)
    // the status line
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(bool statusError READ statusError NOTIFY statusChanged)
    // the export (File ▸ Export): the window's palette, and the PNG's pixels per SVG pixel
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY exportChanged)
    Q_PROPERTY(double exportScale READ exportScale WRITE setExportScale NOTIFY exportChanged)
    // the views' models
    Q_PROPERTY(uintr::lab::TimelineView* timeline READ timeline CONSTANT)
    Q_PROPERTY(uintr::lab::InspectorModel* inspector READ inspector CONSTANT)
    Q_PROPERTY(uintr::lab::NarrationModel* narration READ narration CONSTANT)
    Q_PROPERTY(uintr::lab::ScenarioLibrary* library READ library CONSTANT)
    // the race explorer: the strip under a drag, the map panel (docs/explore.md)
    Q_PROPERTY(uintr::lab::RaceStripModel* raceStrip READ raceStrip CONSTANT)
    Q_PROPERTY(uintr::lab::RaceMapModel* raceMap READ raceMap CONSTANT)
    // null until enableAutosave (the app turns it on; tests and --screenshot do not)
    Q_PROPERTY(uintr::lab::Autosave* autosave READ autosave CONSTANT)
  public:
    explicit LabController(QObject* parent = nullptr);
    ~LabController() override;

    bool loaded() const { return committed_ != nullptr; }
    QString title() const;
    QString summary() const;
    QString filePath() const { return filePath_; }
    QString fileName() const;
    bool dirty() const { return !undo_.isClean(); }
    QStringList recentFiles() const { return recent_; }
    bool rememberRecent() const { return rememberRecent_; }
    void setRememberRecent(bool on);
    bool canUndo() const { return undo_.canUndo(); }
    bool canRedo() const { return undo_.canRedo(); }
    QString undoText() const { return undo_.undoText(); }
    QString redoText() const { return undo_.redoText(); }
    QString variant() const;
    QStringList variants() const;
    int variantIndex() const { return static_cast<int>(variants().indexOf(variant())); }
    QString variantDescription() const;
    QStringList verdict() const; // the core's sentences, at most three (a storm has hundreds)
    int spuriousCount() const;
    int deliveredCount() const;
    int eventCount() const { return shown_ ? shown_->eventCount() : 0; }
    qint64 endTime() const { return shown_ ? shown_->endTime() : 0; }
    int cpuCount() const { return scenario_.machine.cpus; }
    qint64 playhead() const { return playhead_; }
    void setPlayhead(qint64 t);
    QString playheadText() const;
    int currentEvent() const { return currentEvent_; }
    QString currentEventText() const;
    QString currentKind() const;
    bool playing() const { return playing_; }
    void setPlaying(bool on);
    bool slowMotion() const { return slowMotion_; }
    void setSlowMotion(bool on);
    bool hideAhead() const { return hideAhead_; }
    void setHideAhead(bool on);
    qint64 markerA() const { return markerA_; }
    qint64 markerB() const { return markerB_; }
    QString markerText() const;
    bool previewing() const { return previewing_; }
    QString previewText() const { return previewText_; }
    int selectedEvent() const { return selected_; }
    QString whyTitle() const { return whyTitle_; }
    WhyModel* why() { return &why_; }
    QString statusText() const { return status_; }
    QString lastError() const { return lastError_; } // the loader's one line of the last failure
    bool statusError() const { return statusError_; }
    bool dark() const { return dark_; }
    void setDark(bool on);
    double exportScale() const { return exportScale_; }
    void setExportScale(double scale); // clamped to 0.1 .. 8, as `uintr-sim render --scale`
    TimelineView* timeline() { return &timeline_; }
    InspectorModel* inspector() { return &inspector_; }
    NarrationModel* narration() { return &narration_; }
    ScenarioLibrary* library() { return &library_; }
    RaceStripModel* raceStrip() { return &raceStrip_; }
    // A drag on a big run shows the run up to the right edge of the view at once and the rest
    // when this finishes it (tests and benchmarks wait for it with waitForDone()).
    PreviewFinisher* previewFinisher() { return &finisher_; }
    RaceMapModel* raceMap() { return &raceMap_; }
    Autosave* autosave() { return autosave_.get(); }

    // --- crash recovery (LabControllerRecovery.cpp, Autosave.h)
    void enableAutosave(const QString& directory = {});
    // The edits a crash left behind, as the document: its file, unsaved (dirty), no undo history.
    Q_INVOKABLE bool recoverUnsaved();
    Q_INVOKABLE void discardUnsaved();

    // --- files (each returns false having changed nothing when it cannot be done)
    Q_INVOKABLE bool openFile(const QString& pathOrUrl);
    Q_INVOKABLE bool openDefault();
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString& pathOrUrl);
    Q_INVOKABLE void clearRecentFiles();
    // The timeline as render::writeSvg draws it (what `uintr-sim render` writes) for the document
    // on screen, edits included, in the window's palette: FILE ending in .svg, or .png (that SVG
    // rendered at exportScale). The whole run, or only the viewport's t0..t1. Written atomically;
    // on failure a dialog's worth (errorOccurred) and false, no file left behind.
    Q_INVOKABLE bool exportTimeline(const QUrl& file, bool visibleWindowOnly, bool withNarration);
    // File ▸ Import: an ftrace capture's sched_switch lines (docs/ftrace-import.md) as a new,
    // untitled scenario, as `uintr-sim import-ftrace` makes it. `receiver`: COMM or PID (empty:
    // the schedule only); `senders`: COMM or PID, comma-separated; a SENDUIPI every
    // `sendEveryNs` while a sender runs (0: none). A problem: a dialog's worth and false.
    Q_INVOKABLE bool importFtrace(const QUrl& trace, const QString& receiver,
                                  const QString& senders, qint64 sendEveryNs);

    // --- edits (Kdenlive's request…: check first, refuse with a reason, or do it)
    Q_INVOKABLE bool requestMove(int entry, qint64 at); // a drag frame: preview, no undo entry
    Q_INVOKABLE bool commitMove(int entry, qint64 at);  // the release: one undo entry
    Q_INVOKABLE void cancelMove();                      // Esc during a drag
    Q_INVOKABLE bool moveEntry(int entry, qint64 at);   // request + commit (keyboard, tests)
    Q_INVOKABLE bool setVariant(const QString& name);
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // --- the timeline entries, for tooltips and tests
    Q_INVOKABLE int entryIndex(const QString& id) const;
    Q_INVOKABLE QString entryName(int entry) const;
    Q_INVOKABLE qint64 entryTime(int entry) const;

    // --- the playhead
    Q_INVOKABLE void stepTo(int event); // the playhead onto one event (a sub-step of its instant)
    Q_INVOKABLE void stepNext();
    Q_INVOKABLE void stepPrev();
    Q_INVOKABLE void toStart();
    Q_INVOKABLE void toEnd();
    // Space: play or pause; at a predict step, reveal instead.
    Q_INVOKABLE void togglePlay();
    // A predict step is asking (narration.asking): show what happens, on its first event.
    Q_INVOKABLE void reveal();
    Q_INVOKABLE void setMarkerA(qint64 t);
    Q_INVOKABLE void setMarkerB(qint64 t);
    Q_INVOKABLE void clearMarkers();
    Q_INVOKABLE void markPlayhead(bool b) { b ? setMarkerB(playhead_) : setMarkerA(playhead_); }
    Q_INVOKABLE void cycleVariant();

    // --- Why: the causal chain of an event (-1 clears it)
    Q_INVOKABLE void selectEvent(int event);
    Q_INVOKABLE QString describeEvent(int event) const;
    // The first event of `kind` (the trace's spelling, e.g. "spurious_notification"), or -1.
    Q_INVOKABLE int findEvent(const QString& kind) const;

    // For the undo commands only.
    void applyEntryTime(int entry, qint64 at);
    void applyVariant(scenario::KernelVariant variant);
    void applyValues(const std::vector<analysis::Axis>& axes,
                     const std::vector<std::int64_t>& values);

  Q_SIGNALS:
    void hideAheadChanged();
    void scenarioChanged();
    void fileChanged();
    void dirtyChanged();
    void recentFilesChanged();
    void undoChanged();
    void runChanged();
    void playheadChanged();
    void playingChanged();
    void markersChanged();
    void previewChanged();
    void whyChanged();
    void statusChanged();
    void exportChanged();
    // A dialog's worth: bad input, a failed save. `message` is the loader's one line.
    void errorOccurred(const QString& title, const QString& message);

  private:
    // A new document on screen: `sc` simulated, no undo history, playhead at 0, fitted.
    // `unsaved`: it is not in `path` yet (edits recovered after a crash): dirty from the start.
    void present(scenario::Scenario sc, const QString& path, bool unsaved = false);
    void adopt(scenario::Scenario sc, std::shared_ptr<const SimRun> run);
    void show(std::shared_ptr<const SimRun> run, bool refit = false);
    std::optional<QString> refusal(const scenario::Scenario& candidate) const;
    void endPreview();
    void previewFinished(std::shared_ptr<const SimRun> run);
    void updateAtPlayhead();
    void updateInspector();
    void updateHighlight();
    bool refreshHighlight(); // the current event's spot into highlight_; true if it moved
    bool pauseForQuestion(qint64 upTo); // a predict step before upTo: paused on it, asked
    void updateVeil();                  // what of the run the timeline hides (setVeil)
    void rebuildWhy();
    void setStatus(const QString& text, bool error = false);
    bool exportFailed(const QString& path, const QString& line);
    void addRecent(const QString& path);
    void tick();
    // LabControllerExplore.cpp
    void startRaceStrip(int entry);
    void choosePoint(const std::vector<analysis::Axis>& axes,
                     const std::vector<std::int64_t>& values);

    scenario::Scenario scenario_;             // the document (what Save writes)
    std::shared_ptr<const SimRun> committed_; // its simulation
    std::shared_ptr<const SimRun> shown_;     // what the views show: committed_ or a preview
    std::shared_ptr<const SimRun> original_;  // the file's run, which its narration tells
    QUndoStack undo_;
    TimelineView timeline_;
    InspectorModel inspector_;
    NarrationModel narration_;
    ScenarioLibrary library_;
    RaceStripModel raceStrip_;
    RaceMapModel raceMap_;
    QString filePath_;
    QStringList recent_;
    bool rememberRecent_ = false;

    bool previewing_ = false;
    int previewEntry_ = -1;
    qint64 previewFrom_ = 0; // the entry's time before the drag
    qint64 previewAt_ = 0;   // the last accepted preview time
    QString previewText_;
    PreviewFinisher finisher_;

    qint64 playhead_ = 0;
    int currentEvent_ = -1;
    bool playing_ = false;
    bool slowMotion_ = false;
    bool hideAhead_ = false;
    double dwellMs_ = 0;
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 markerA_ = -1, markerB_ = -1;
    struct InspectorKey {
        const SimRun* run = nullptr;
        int event = -2;         // the current event (compared with the one before it)
        std::uint32_t step = 0; // at a time: the last engine step at the playhead
        bool atInstant = false; // at a time: the playhead is on an instant with events
        bool operator==(const InspectorKey&) const = default;
    } inspectorKey_;

    int selected_ = -1;
    struct EventSignature {
        int kind = -1, cpu = -1, task = -1, ordinal = -1;
    } selectedSig_;
    Highlight highlight_; // the current event and the selected event's causal chain
    QString whyTitle_;
    WhyModel why_;

    QString status_;
    bool statusError_ = false;
    QString lastError_;
    bool dark_ = false;
    double exportScale_ = 2.0; // crisp on a slide
    std::unique_ptr<Autosave> autosave_;
};

} // namespace uintr::lab
