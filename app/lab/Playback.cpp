#include "Playback.h"

#include "Format.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace uintr::lab {

namespace {
constexpr int kTickMs = 16;
}

Playback::Playback(NarrationModel* narration, QObject* parent)
    : QObject(parent), narration_(narration) {
    timer_.setInterval(kTickMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &Playback::tick);
    // A predict step hides the outcome on the timeline until it is revealed.
    connect(narration_, &NarrationModel::changed, this, &Playback::updateVeil);
}

QString Playback::playheadText() const {
    return formatNs(playhead_);
}

QString Playback::currentEventText() const {
    return run_ ? run_->describeEvent(currentEvent_) : QString();
}

QString Playback::currentKind() const {
    return run_ ? run_->kindName(currentEvent_) : QString();
}

qint64 Playback::eventTime(int event) const {
    return run_->trace().events[static_cast<std::size_t>(event)].t;
}

void Playback::setRun(std::shared_ptr<const SimRun> run) {
    run_ = std::move(run);
    currentEvent_ = run_ ? run_->lastEventAtOrBefore(playhead_) : -1;
}

void Playback::reset() {
    setPlaying(false);
    playhead_ = 0;
    markerA_ = markerB_ = -1;
    Q_EMIT markersChanged();
}

void Playback::moved() {
    narration_->setPlayhead(playhead_);
    Q_EMIT playheadChanged();
}

// ---------------------------------------------------------------- the playhead

void Playback::setPlayhead(qint64 t) {
    t = std::clamp<qint64>(t, 0, std::max<qint64>(endTime(), 0));
    if (t == playhead_ && currentEvent_ == (run_ ? run_->lastEventAtOrBefore(t) : -1)) return;
    playhead_ = t;
    currentEvent_ = run_ ? run_->lastEventAtOrBefore(t) : -1;
    moved();
}

void Playback::stepTo(int event) {
    if (!run_ || event < 0 || event >= eventCount()) return;
    setPlaying(false);
    currentEvent_ = event;
    playhead_ = eventTime(event);
    moved();
}

void Playback::stepNext() {
    if (!run_ || currentEvent_ + 1 >= eventCount()) return;
    setPlaying(false);
    if (narration_->asking()) return reveal();
    if (pauseForQuestion(eventTime(currentEvent_ + 1))) return;
    ++currentEvent_;
    playhead_ = eventTime(currentEvent_);
    moved();
}

void Playback::stepPrev() {
    if (!run_ || currentEvent_ < 0) return;
    setPlaying(false);
    --currentEvent_;
    playhead_ = currentEvent_ >= 0 ? eventTime(currentEvent_) : 0;
    moved();
}

void Playback::toStart() {
    setPlaying(false);
    playhead_ = 0;
    currentEvent_ = -1; // before the first event: step-next shows the time-0 placements one by one
    moved();
}

void Playback::toEnd() {
    setPlaying(false);
    setPlayhead(endTime());
}

// ---------------------------------------------------------------- predict steps

// A step of the lesson asks the class something before (playhead_, upTo]: stop the playhead
// just before its events, so nothing of the outcome is on screen yet, and ask.
bool Playback::pauseForQuestion(qint64 upTo) {
    const qint64 q = narration_->questionIn(playhead_, upTo);
    if (q < 0) return false;
    setPlaying(false);
    playhead_ = q - 1;
    currentEvent_ = run_->lastEventAtOrBefore(playhead_);
    moved();
    narration_->ask(q);
    return true;
}

// Asking: everything after the playhead. Presenting: the run from the next question not yet
// answered on. Otherwise all of it.
void Playback::updateVeil() {
    qint64 veil = -1;
    if (narration_->asking())
        veil = playhead_ + 1;
    else if (hideAhead_)
        veil = narration_->questionIn(playhead_, std::numeric_limits<qint64>::max());
    if (veil == veil_) return;
    veil_ = veil;
    Q_EMIT veilChanged();
}

void Playback::setHideAhead(bool on) {
    if (on == hideAhead_) return;
    hideAhead_ = on;
    updateVeil();
    Q_EMIT hideAheadChanged();
}

void Playback::reveal() {
    if (!run_ || !narration_->asking()) return;
    narration_->reveal();
    if (const int next = run_->firstEventAfter(playhead_); next >= 0) stepTo(next);
}

void Playback::togglePlay() {
    if (narration_->asking()) return reveal();
    setPlaying(!playing_);
}

// ---------------------------------------------------------------- playing

void Playback::setPlaying(bool on) {
    if (on == playing_) return;
    if (on && eventCount() == 0) return;
    playing_ = on;
    if (on) {
        if (currentEvent_ + 1 >= eventCount() && playhead_ >= endTime()) toStart();
        dwellMs_ = 0;
        clock_.start();
        timer_.start();
    } else {
        timer_.stop();
    }
    Q_EMIT playingChanged();
}

void Playback::setSlowMotion(bool on) {
    if (on == slowMotion_) return;
    slowMotion_ = on;
    Q_EMIT playingChanged();
}

// Time moves at a pace that crosses the run in ~8 s (~32 s in slow motion), and stops at every
// instant that has events: for a moment at normal speed; in slow motion on each event of the
// instant in turn, so a class can follow switch-out, SN, XSAVES and XRSTORS one at a time.
void Playback::tick() {
    if (!run_) return setPlaying(false);
    const double dt = static_cast<double>(clock_.restart());
    if (dwellMs_ > 0) {
        dwellMs_ -= dt;
        return;
    }
    const int next = currentEvent_ + 1;
    if (next < eventCount() && eventTime(next) <= playhead_) {
        if (slowMotion_) {
            currentEvent_ = next;
            dwellMs_ = 1400;
        } else {
            currentEvent_ = run_->lastEventAtOrBefore(playhead_);
            dwellMs_ = 450;
        }
        moved();
        return;
    }
    const qint64 end = endTime();
    if (next >= eventCount() && playhead_ >= end) return setPlaying(false);
    const double nsPerMs =
        static_cast<double>(std::max<qint64>(end, 100)) / (slowMotion_ ? 32000.0 : 8000.0);
    const qint64 target = next < eventCount() ? eventTime(next) : end;
    const qint64 ahead =
        std::min(target, playhead_ + std::max<qint64>(1, std::llround(nsPerMs * dt)));
    if (pauseForQuestion(ahead)) return;
    playhead_ = ahead;
    if (next >= eventCount() || eventTime(next) > playhead_)
        currentEvent_ = run_->lastEventAtOrBefore(playhead_);
    moved();
}

// ---------------------------------------------------------------- markers

QString Playback::markerText() const {
    if (markerA_ < 0 && markerB_ < 0) return {};
    QStringList parts;
    if (markerA_ >= 0) parts << "A " + formatNs(markerA_);
    if (markerB_ >= 0) parts << "B " + formatNs(markerB_);
    if (markerA_ >= 0 && markerB_ >= 0)
        parts << QStringLiteral("B−A %1").arg(formatDelta(markerB_ - markerA_));
    return parts.join(QStringLiteral("   "));
}

void Playback::setMarkerA(qint64 t) {
    markerA_ = std::max<qint64>(t, 0);
    Q_EMIT markersChanged();
}

void Playback::setMarkerB(qint64 t) {
    markerB_ = std::max<qint64>(t, 0);
    Q_EMIT markersChanged();
}

void Playback::clearMarkers() {
    markerA_ = markerB_ = -1;
    Q_EMIT markersChanged();
}

} // namespace uintr::lab
