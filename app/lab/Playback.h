// The playback (Kdenlive's monitor, without the picture): the playhead over the run on screen,
// stepping through the events of an instant one at a time, playing in normal or slow motion,
// KernelShark's A/B markers, and the lesson's predict steps (pause before a question, reveal on a
// key). It moves time; LabController shows what is at the playhead (inspector, highlight).
#pragma once

#include "NarrationModel.h"
#include "SimRun.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <cmath>
#include <memory>

namespace uintr::lab {

class Playback : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController.playback")
    // In QML a double (QML's numbers are; Qt 6.4's qmllint knows no qlonglong): nanoseconds are
    // exact in it up to 2^53 (104 days).
    Q_PROPERTY(double playhead READ playheadNs WRITE setPlayheadNs NOTIFY playheadChanged)
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
  public:
    // `narration`: the lesson's steps (asked, revealed, told where the playhead is).
    explicit Playback(NarrationModel* narration, QObject* parent = nullptr);

    qint64 playhead() const { return playhead_; }
    void setPlayhead(qint64 t);
    double playheadNs() const { return static_cast<double>(playhead_); }
    void setPlayheadNs(double t) { setPlayhead(static_cast<qint64>(std::llround(t))); }
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
    // Where the timeline stops drawing the run (-1: nowhere): the question asked now, or in
    // presenter mode the next one not yet answered.
    qint64 veil() const { return veil_; }

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

    // The run on screen changed (an edit, a drag frame): the playhead stays where it is, the
    // current event is the last one at or before it. Silent: the caller redraws, then moved().
    void setRun(std::shared_ptr<const SimRun> run);
    // A new document: stopped at 0 ns, no markers (the run follows with setRun).
    void reset();
    // Tell everyone the playhead's state (narration first, then playheadChanged).
    void moved();

  Q_SIGNALS:
    void playheadChanged();
    void playingChanged();
    void markersChanged();
    void hideAheadChanged();
    void veilChanged();

  private:
    qint64 endTime() const { return run_ ? run_->endTime() : 0; }
    int eventCount() const { return run_ ? run_->eventCount() : 0; }
    qint64 eventTime(int event) const;
    bool pauseForQuestion(qint64 upTo); // a predict step before upTo: paused on it, asked
    void updateVeil();
    void tick();

    NarrationModel* narration_;
    std::shared_ptr<const SimRun> run_;
    qint64 playhead_ = 0;
    int currentEvent_ = -1;
    bool playing_ = false;
    bool slowMotion_ = false;
    bool hideAhead_ = false;
    qint64 veil_ = -1;
    double dwellMs_ = 0;
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 markerA_ = -1, markerB_ = -1;
};

} // namespace uintr::lab
