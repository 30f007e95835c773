// A drag frame's simulation off the GUI thread, in one of two ways:
// - Finish (zoomed in): the GUI thread simulates to the right edge of the view and draws that
//   (SimRun's partial run); this finishes the run. Latest request wins: a request supersedes the
//   one before it (never started if still waiting), and a result whose request is no longer the
//   latest is dropped, so nothing older than the partial run on screen replaces it. The work
//   starts once the drag rests for a moment (kRestMs): while the hand moves, every frame is a
//   new request, and a worker busy with stale ones would only take a core from the frames.
// - Late (the view reaches far past the change, e.g. the whole run): the GUI thread simulates
//   nothing; the run is made here at once and drawn when it arrives, even if the hand has moved
//   on meanwhile (one request late: otherwise a moving hand would never see a result), as long
//   as it is newer than the last result delivered and no cancel() or Finish request came since.
//   The document says the run on screen is not yet the hand's and never commits it then.
#pragma once

#include "SimRun.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace uintr::lab {

class PreviewFinisher : public QObject {
    Q_OBJECT
  public:
    explicit PreviewFinisher(QObject* parent = nullptr);
    ~PreviewFinisher() override;

    static constexpr int kRestMs = 40;
    // The whole run of `scenario`, resumed from `previous` before changedAt, off the GUI thread;
    // `finished` brings it unless another request (or cancel()) comes first. Its generation.
    enum class Mode { Finish, Late };
    quint64 request(scenario::Scenario scenario, std::shared_ptr<const SimRun> previous,
                    std::int64_t changedAt, Mode mode = Mode::Finish);
    void cancel();
    quint64 generation() const { return latest_->load(); }
    // Tests and benchmarks only: runNow() blocks until the latest request has run (its result
    // is posted, not yet delivered); waitForDone() also delivers it (or drops it if stale).
    void runNow();
    void waitForDone();
    // Tests only: requests wait for runNow() (no worker starts on its own), so what is delivered
    // when does not depend on the worker's speed.
    void setHeld(bool held) { held_ = held; }

  Q_SIGNALS:
    void finished(std::shared_ptr<const uintr::lab::SimRun> run);

  private:
    // On the GUI thread: the result of request `generation`.
    void deliver(quint64 generation, bool late, std::shared_ptr<const SimRun> run);

    void start();

    QTimer rest_;
    std::function<void()> job_; // the latest request, waiting for the rest
    QThreadPool pool_;          // one run at a time: the GUI thread keeps the other core
    std::shared_ptr<std::atomic<quint64>> latest_ = std::make_shared<std::atomic<quint64>>(0);
    // GUI thread only: no late result at or below floor_ (a cancel or a Finish request since),
    // nor at or below the last one delivered (older than what is on screen).
    quint64 floor_ = 0;
    bool held_ = false;
    quint64 delivered_ = 0;
};

} // namespace uintr::lab
