// The document (Kdenlive's timeline model, without the view): the scenario, the file it comes
// from, its simulation, the undo stack and the edits, open/save/save-as/import and crash
// recovery. It does not know the playhead or the views: it says what run to show (runReady) and
// LabController puts it on screen.
//
// A drag is a preview: every move re-simulates a copy of the scenario and shows it (no undo
// entry); the release commits one undo command that adopts the previewed run. An edit that
// fails checkConsistency changes nothing and says why (said).
#pragma once

#include "Autosave.h"
#include "PreviewFinisher.h"
#include "SimRun.h"
#include "analysis/Axis.h"

#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <optional>

namespace uintr::lab {

class LabDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController.document")
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
    // the drag in progress
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    Q_PROPERTY(QString previewText READ previewText NOTIFY previewChanged)
    // The run on screen is not yet the one for the hand's position (a late run is coming).
    Q_PROPERTY(bool previewBehind READ previewBehind NOTIFY previewChanged)
    // null until enableAutosave (the app turns it on; tests and --screenshot do not)
    Q_PROPERTY(uintr::lab::Autosave* autosave READ autosave CONSTANT)
  public:
    explicit LabDocument(QObject* parent = nullptr);
    ~LabDocument() override;

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
    bool previewing() const { return previewing_; }
    QString previewText() const { return previewText_; }
    bool previewBehind() const { return previewing_ && !previewShows(previewAt_); }
    // Where the dragged entry is in the run on screen (-1 when not previewing).
    qint64 previewShownAt() const;
    qint64 previewAt() const { return previewAt_; }
    int previewEntry() const { return previewEntry_; }
    Autosave* autosave() { return autosave_.get(); }

    const scenario::Scenario& scenario() const { return scenario_; }
    std::shared_ptr<const SimRun> committed() const { return committed_; } // scenario() simulated
    std::shared_ptr<const SimRun> original() const { return original_; }   // the file's run
    // A drag on a big run shows the run up to the right edge of the view at once and the rest
    // when this finishes it (tests and benchmarks wait for it with waitForDone()).
    PreviewFinisher* previewFinisher() { return &finisher_; }
    // How far a drag frame on a big run is simulated at once (the right edge of the view).
    void setPreviewHorizon(std::function<qint64()> horizon) { horizon_ = std::move(horizon); }

    // --- crash recovery (LabDocumentRecovery.cpp, Autosave.h)
    void enableAutosave(const QString& directory = {});
    // The edits a crash left behind, as the document: its file, unsaved (dirty), no undo history.
    Q_INVOKABLE bool recoverUnsaved();
    Q_INVOKABLE void discardUnsaved();

    // --- files (each returns false having changed nothing when it cannot be done)
    Q_INVOKABLE bool openFile(const QString& pathOrUrl);
    Q_INVOKABLE bool openDefault(); // the library's seed scenario
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString& pathOrUrl);
    Q_INVOKABLE void clearRecentFiles();
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
    Q_INVOKABLE void cycleVariant();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    // A point chosen on the race map: every value at once, one undo step.
    void choosePoint(const std::vector<analysis::Axis>& axes,
                     const std::vector<std::int64_t>& values);

    // --- the timeline entries, for tooltips and tests
    Q_INVOKABLE int entryIndex(const QString& id) const;
    Q_INVOKABLE QString entryName(int entry) const;
    Q_INVOKABLE qint64 entryTime(int entry) const;

    // For the undo commands only.
    void applyEntryTime(int entry, qint64 at);
    void applyVariant(scenario::KernelVariant variant);
    void applyValues(const std::vector<analysis::Axis>& axes,
                     const std::vector<std::int64_t>& values);

  Q_SIGNALS:
    void scenarioChanged();
    void fileChanged();
    void dirtyChanged();
    void recentFilesChanged();
    void undoChanged();
    void previewChanged();
    // A new document replaces the old one (open, import, recovery): what belonged to the old
    // one (playhead, markers, selection) goes. Comes before its runReady.
    void replaced();
    // The scenario (what Save writes) is new or edited; its run follows (runReady).
    void contentChanged();
    // Show this run: the document's (committed) or a drag's preview. `refit`: a new document.
    void runReady(std::shared_ptr<const uintr::lab::SimRun> run, bool refit);
    // A drag starts moving `entry` (playback stops, the race strip starts) / it ended.
    void dragStarted(int entry);
    void dragEnded();
    // The status line's worth ("Opened …", "Refused: …").
    void said(const QString& text, bool error);
    // A dialog's worth: bad input, a failed save. `message` is the loader's one line.
    void errorOccurred(const QString& title, const QString& message);

  private:
    // A new document on screen: `sc` simulated, no undo history.
    // `unsaved`: it is not in `path` yet (edits recovered after a crash): dirty from the start.
    void present(scenario::Scenario sc, const QString& path, bool unsaved = false);
    void adopt(scenario::Scenario sc, std::shared_ptr<const SimRun> run);
    void showPreview(std::shared_ptr<const SimRun> run);
    bool previewShows(qint64 at) const; // the preview on screen has the dragged entry at `at`
    std::optional<QString> refusal(const scenario::Scenario& candidate) const;
    void endPreview();
    void previewFinished(std::shared_ptr<const SimRun> run);
    // A failure: `status` on the status line, `title` and the one `line` as a dialog; false.
    bool fail(const QString& status, const QString& title, const QString& line);
    void say(const QString& text, bool error = false) { Q_EMIT said(text, error); }
    QString pushed(); // "Move switch-out to 1 250 ns: <the new verdict>"
    void addRecent(const QString& path);

    scenario::Scenario scenario_;             // what Save writes
    std::shared_ptr<const SimRun> committed_; // its simulation
    std::shared_ptr<const SimRun> original_;  // the file's run, which its narration tells
    QUndoStack undo_;
    QString filePath_;
    QStringList recent_;
    bool rememberRecent_ = false;

    bool previewing_ = false;
    int previewEntry_ = -1;
    qint64 previewFrom_ = 0;                // the entry's time before the drag
    qint64 previewAt_ = 0;                  // the last accepted preview time
    std::shared_ptr<const SimRun> preview_; // its run (partial until the finisher is done)
    QString previewText_;
    PreviewFinisher finisher_;
    std::function<qint64()> horizon_;
    std::unique_ptr<Autosave> autosave_;
};

} // namespace uintr::lab
