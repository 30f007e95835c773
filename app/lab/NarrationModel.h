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
    // The anchored steps, in the order of the run on screen (for tests and the presenter view).
    const std::vector<analysis::AnchoredStep>& steps() const { return steps_; }

  Q_SIGNALS:
    void changed();

  private:
    QString stepText(int position) const;
    std::shared_ptr<const SimRun> original_, shown_;
    std::vector<analysis::AnchoredStep> steps_;
    int position_ = -1;
    bool edited_ = false;
};

} // namespace uintr::lab
