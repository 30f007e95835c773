#include "PreviewFinisher.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <sys/resource.h>
#include <utility>

namespace uintr::lab {

PreviewFinisher::PreviewFinisher(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
    rest_.setSingleShot(true);
    rest_.setInterval(kRestMs);
    connect(&rest_, &QTimer::timeout, this, &PreviewFinisher::start);
}

PreviewFinisher::~PreviewFinisher() {
    cancel();
    pool_.waitForDone(); // the worker posts back to this object: it must be done first
}

quint64 PreviewFinisher::request(scenario::Scenario scenario,
                                 std::shared_ptr<const SimRun> previous, std::int64_t changedAt,
                                 Mode mode) {
    const quint64 generation = latest_->fetch_add(1) + 1;
    const bool late = mode == Mode::Late;
    if (!late) floor_ = generation;
    pool_.clear(); // a request not started yet will never be wanted
    // std::function needs a copyable callable: the scenario goes in a shared_ptr.
    job_ = [this, generation, late, latest = latest_,
            sc = std::make_shared<scenario::Scenario>(std::move(scenario)),
            previous = std::move(previous), changedAt] {
        if (latest->load() != generation) return; // superseded while it waited
#ifdef __linux__
        // Below the GUI thread when they share a core (nice is per thread on Linux): a drag
        // frame matters more than how soon the run comes. Qt maps only IdlePriority to a real
        // policy (SCHED_IDLE), which could starve the run on a busy machine.
        setpriority(PRIO_PROCESS, 0, 10);
#endif
        auto run = std::make_shared<const SimRun>(std::move(*sc), previous, changedAt);
        QMetaObject::invokeMethod(
            this,
            [this, generation, late, run = std::move(run)] { deliver(generation, late, run); },
            Qt::QueuedConnection);
    };
    // A late request has no partial run on screen to wait behind: the worker starts now (it is
    // one at a time: a request made while it runs waits for it, superseding any waiting one).
    if (held_) return generation;
    if (late)
        start();
    else
        rest_.start();
    return generation;
}

void PreviewFinisher::start() {
    rest_.stop();
    if (job_) pool_.start(std::exchange(job_, nullptr));
}

void PreviewFinisher::cancel() {
    floor_ = latest_->fetch_add(1) + 1;
    rest_.stop();
    job_ = nullptr;
    pool_.clear();
}

void PreviewFinisher::deliver(quint64 generation, bool late, std::shared_ptr<const SimRun> run) {
    // A newer request exists: a Finish result is stale (a newer partial run is on screen); a
    // late one is still drawn unless something newer was delivered or it was cancelled since.
    const bool latest = generation == latest_->load();
    if (!latest && !(late && generation > floor_)) return;
    if (generation <= delivered_) return;
    delivered_ = generation;
    Q_EMIT finished(std::move(run));
}

void PreviewFinisher::runNow() {
    start(); // no rest to wait for
    pool_.waitForDone();
}

void PreviewFinisher::waitForDone() {
    runNow();
    QCoreApplication::sendPostedEvents(this); // the queued delivery
}

} // namespace uintr::lab
