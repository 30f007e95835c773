// The narration as the class sees it: the scenario's step at the playhead, anchored to the run on
// screen (analysis::anchorNarration). After an edit a step follows its events to their new time,
// a step whose events no longer happen says so and the edited run's verdict takes its place, and
// `edited` tells the class it is not looking at the file's run.
#pragma once

#include "SimRun.h"
#include "analysis/NarrationAnchors.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace uintr::lab {

class NarrationModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by LabController")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int position READ position NOTIFY changed)     // 0-based, -1 before the first step
    Q_PROPERTY(QString text READ text NOTIFY changed)         // what to read out now
    Q_PROPERTY(QString fileText READ fileText NOTIFY changed) // Gone: the file's words, struck
    Q_PROPERTY(QString note READ note NOTIFY changed) // "now at 1 400 ns (1 100 ns in the file)"
    Q_PROPERTY(Status status READ status NOTIFY changed)
    Q_PROPERTY(bool edited READ edited NOTIFY changed)
    Q_PROPERTY(QString nextText READ nextText NOTIFY changed) // the step after (presenter view)
    Q_PROPERTY(qint64 nextTime READ nextTime NOTIFY changed)  // its time in this run, -1: none
    Q_PROPERTY(QString nextTimeText READ nextTimeText NOTIFY changed)
    // The scenario's presenter keys (docs/scenarios.md): the speaker notes of the step now, the
    // question of the next one.
    Q_PROPERTY(QString notes READ notes NOTIFY changed)
    Q_PROPERTY(QString nextQuestion READ nextQuestion NOTIFY changed)
    // A predict step: the lesson is paused just before a step that asks the class something.
    Q_PROPERTY(bool asking READ asking NOTIFY changed)
    Q_PROPERTY(QString question READ question NOTIFY changed)
  public:
    enum class Status { None, Same, Moved, Gone, Unanchored };
    Q_ENUM(Status)

    explicit NarrationModel(QObject* parent = nullptr) : QObject(parent) {}

    // A new run on screen: `original` is the file's run the narration was written for.
    void setRuns(std::shared_ptr<const SimRun> original, std::shared_ptr<const SimRun> shown);
    void setPlayhead(qint64 t);

    int count() const { return static_cast<int>(steps_.size()); }
    int position() const { return position_; }
    QString text() const;
    QString fileText() const;
    QString note() const;
    Status status() const;
    bool edited() const { return edited_; }
    QString nextText() const;
    qint64 nextTime() const;
    QString nextTimeText() const;
    QString notes() const;
    QString nextQuestion() const;
    bool asking() const { return asking_ >= 0; }
    QString question() const;

    // Predict steps. questionIn: the time in this run of the first step in (from, to] that asks
    // a question not yet answered (a step whose events no longer happen asks nothing); -1 if
    // none. ask: the playhead stopped just before it (at `t` - 1), show its question; any other
    // playhead ends the asking. reveal: answered, the lesson goes on (asked again only when
    // another file is opened).
    qint64 questionIn(qint64 from, qint64 to) const;
    void ask(qint64 t);
    void reveal();
    // The anchored steps, in the order of the run on screen (for tests and the presenter view).
    const std::vector<analysis::AnchoredStep>& steps() const { return steps_; }

  Q_SIGNALS:
    void changed();

  private:
    QString stepText(int position) const;
    const scenario::NarrationEntry* entryAt(int position) const; // the file's entry, or null
    std::shared_ptr<const SimRun> original_, shown_;
    std::vector<analysis::AnchoredStep> steps_;
    int position_ = -1;
    bool edited_ = false;
    int asking_ = -1;            // the narration entry (file index) asked now, -1: none
    qint64 askedAt_ = -1;        // the playhead it was asked at
    std::vector<char> answered_; // per narration entry (file index)
};

} // namespace uintr::lab
