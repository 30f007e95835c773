// What ties the document and the playback together and puts them on screen (Kdenlive's timeline
// split: the model, the monitor, and the controller between them). `document` owns the scenario,
// its file, the undo stack and the edits; `playback` the playhead. The controller shows the run
// the document hands it (a commit or a drag's preview) at the playback's time: the timeline, the
// inspector, the narration, Why and the verdict follow; the status line says what happened.
#pragma once

#include "InspectorModel.h"
#include "LabDocument.h"
#include "NarrationModel.h"
#include "Playback.h"
#include "RaceMapModel.h"
#include "RaceStrip.h"
#include "ScenarioLibrary.h"
#include "SimRun.h"
#include "TimelineView.h"
#include "WhyModel.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace uintr::lab {

class LabController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(uintr::lab::LabDocument* document READ document CONSTANT)
    Q_PROPERTY(uintr::lab::Playback* playback READ playback CONSTANT)
    // the run on screen: the document's, or a drag's preview
    Q_PROPERTY(QStringList verdict READ verdict NOTIFY verdictChanged)
    Q_PROPERTY(int spuriousCount READ spuriousCount NOTIFY runChanged)
    Q_PROPERTY(int deliveredCount READ deliveredCount NOTIFY runChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY runChanged)
    Q_PROPERTY(qint64 endTime READ endTime NOTIFY runChanged)
    Q_PROPERTY(int cpuCount READ cpuCount NOTIFY runChanged)
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
  public:
    explicit LabController(QObject* parent = nullptr);
    ~LabController() override;

    LabDocument* document() { return &document_; }
    Playback* playback() { return &playback_; }
    // The core's sentences, at most three (a storm has hundreds); during a drag whose run comes
    // late, first a line that says the run on screen is not yet the hand's.
    QStringList verdict() const;
    int spuriousCount() const;
    int deliveredCount() const;
    int eventCount() const { return shown_ ? shown_->eventCount() : 0; }
    qint64 endTime() const { return shown_ ? shown_->endTime() : 0; }
    int cpuCount() const { return shown_ ? shown_->scenario().machine.cpus : 0; }
    int selectedEvent() const { return selected_; }
    QString whyTitle() const { return whyTitle_; }
    WhyModel* why() { return &why_; }
    QString statusText() const { return status_; }
    QString lastError() const { return lastError_; } // the one line of the last failure's dialog
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
    RaceMapModel* raceMap() { return &raceMap_; }

    // The timeline as render::writeSvg draws it (what `uintr-sim render` writes) for the document
    // on screen, edits included, in the window's palette: FILE ending in .svg, or .png (that SVG
    // rendered at exportScale). The whole run, or only the viewport's t0..t1. Written atomically;
    // on failure a dialog's worth (errorOccurred) and false, no file left behind.
    Q_INVOKABLE bool exportTimeline(const QUrl& file, bool visibleWindowOnly, bool withNarration);

    // --- Why: the causal chain of an event (-1 clears it)
    Q_INVOKABLE void selectEvent(int event);
    Q_INVOKABLE QString describeEvent(int event) const;
    // The first event of `kind` (the trace's spelling, e.g. "spurious_notification"), or -1.
    Q_INVOKABLE int findEvent(const QString& kind) const;

  Q_SIGNALS:
    void runChanged();
    void verdictChanged();
    void whyChanged();
    void statusChanged();
    void exportChanged();
    // A dialog's worth: bad input, a failed save. `message` is the loader's one line.
    void errorOccurred(const QString& title, const QString& message);

  private:
    void replaced(); // a new document: nothing selected
    void show(std::shared_ptr<const SimRun> run, bool refit);
    void atPlayhead(); // the playhead moved: cursors, highlight, inspector
    void updateInspector();
    void updateHighlight();
    bool refreshHighlight(); // the current event's spot into highlight_; true if it moved
    void rebuildWhy();
    void setStatus(const QString& text, bool error = false);
    bool exportFailed(const QString& path, const QString& line);
    // LabControllerExplore.cpp
    void startRaceStrip(int entry);

    std::shared_ptr<const SimRun> shown_; // what the views show: the document's run or a preview
    bool verdictBehind_ = false;          // verdict() began with the "still simulating" line
    TimelineView timeline_;
    InspectorModel inspector_;
    NarrationModel narration_;
    ScenarioLibrary library_;
    RaceStripModel raceStrip_;
    RaceMapModel raceMap_;
    LabDocument document_;
    Playback playback_;

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
};

} // namespace uintr::lab
