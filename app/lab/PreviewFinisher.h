// The second half of a drag frame on a big run: the GUI thread simulates to the right edge of
// the view and draws that (SimRun's partial run); this finishes the run off the GUI thread.
// Latest request wins: a request supersedes the one before it (never started if still waiting),
// and a result whose request is no longer the latest is dropped, so nothing stale is drawn.
// The work starts once the drag rests for a moment (kRestMs): while the hand moves, every frame
// is a new request, and a worker busy with stale ones would only take a core from the frames.
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
    quint64 request(scenario::Scenario scenario, std::shared_ptr<const SimRun> previous,
                    std::int64_t changedAt);
    void cancel();
    quint64 generation() const { return latest_->load(); }
    // Tests and benchmarks only: runNow() blocks until the latest request has run (its result
    // is posted, not yet delivered); waitForDone() also delivers it (or drops it if stale).
    void runNow();
    void waitForDone();

  Q_SIGNALS:
    void finished(std::shared_ptr<const uintr::lab::SimRun> run);

  private:
    // On the GUI thread: the result of request `generation`.
    void deliver(quint64 generation, std::shared_ptr<const SimRun> run);

    void start();

    QTimer rest_;
    std::function<void()> job_; // the latest request, waiting for the rest
    QThreadPool pool_;          // one run at a time: the GUI thread keeps the other core
    std::shared_ptr<std::atomic<quint64>> latest_ = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace uintr::lab
