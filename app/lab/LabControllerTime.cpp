// LabController, the time half: the playhead (set, step through sub-steps, play in normal or
// slow motion), what the views show at it (inspector, highlight, narration), KernelShark's A/B
// markers, and Why (the causal chain of a selected event, followed through re-simulations).
#include "Format.h"
#include "LabController.h"
#include "analysis/EventProse.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace uintr::lab {

// ---------------------------------------------------------------- the playhead

void LabController::setPlayhead(qint64 t) {
    t = std::clamp<qint64>(t, 0, std::max<qint64>(endTime(), 0));
    if (t == playhead_ && currentEvent_ == (shown_ ? shown_->lastEventAtOrBefore(t) : -1)) return;
    playhead_ = t;
    currentEvent_ = shown_ ? shown_->lastEventAtOrBefore(t) : -1;
    updateAtPlayhead();
}

void LabController::stepTo(int event) {
    if (!shown_ || event < 0 || event >= shown_->eventCount()) return;
    setPlaying(false);
    currentEvent_ = event;
    playhead_ = shown_->trace().events[static_cast<std::size_t>(event)].t;
    updateAtPlayhead();
}

void LabController::stepNext() {
    if (!shown_ || currentEvent_ + 1 >= shown_->eventCount()) return;
    setPlaying(false);
    if (narration_.asking()) return reveal();
    const qint64 next = shown_->trace().events[static_cast<std::size_t>(currentEvent_) + 1].t;
    if (pauseForQuestion(next)) return;
    ++currentEvent_;
    playhead_ = shown_->trace().events[static_cast<std::size_t>(currentEvent_)].t;
    updateAtPlayhead();
}

void LabController::stepPrev() {
    if (!shown_ || currentEvent_ < 0) return;
    setPlaying(false);
    --currentEvent_;
    playhead_ =
        currentEvent_ >= 0 ? shown_->trace().events[static_cast<std::size_t>(currentEvent_)].t : 0;
    updateAtPlayhead();
}

void LabController::toStart() {
    setPlaying(false);
    playhead_ = 0;
    currentEvent_ = -1; // before the first event: step-next shows the time-0 placements one by one
    updateAtPlayhead();
}

void LabController::toEnd() {
    setPlaying(false);
    setPlayhead(endTime());
}

void LabController::updateAtPlayhead() {
    narration_.setPlayhead(playhead_);
    timeline_.setCursors(playhead_, markerA_, markerB_);
    updateHighlight();
    updateInspector();
    Q_EMIT playheadChanged();
}

void LabController::updateInspector() {
    if (!shown_) return;
    const auto& rec = shown_->recording();
    const auto& events = shown_->trace().events;
    // Stepping (the playhead on one event of an instant: SENDUIPI, then PIR posted, then the
    // IPI sent): the state after exactly that event, compared with the state after the event
    // before it. At a time (scrubbing, playing): the state after everything up to it, compared
    // with before that instant's first event — so what this instant changed is highlighted, and
    // nothing is when nothing happens at the playhead or when the machine comes up at 0 ns.
    const bool onEvent = currentEvent_ != shown_->lastEventAtOrBefore(playhead_);
    const bool atInstant =
        currentEvent_ >= 0 && events[static_cast<std::size_t>(currentEvent_)].t == playhead_;
    const InspectorKey key{shown_.get(), currentEvent_,
                           onEvent ? 0 : rec.lastStepAtOrBefore(playhead_), !onEvent && atInstant};
    if (key == inspectorKey_) return;
    inspectorKey_ = key;
    const auto atPlayhead = rec.stateAt(playhead_);
    const bool uisLine = atPlayhead.printsUisLine();
    if (onEvent) {
        inspector_.update(shown_->scenario(), rec.machineAfterEvent(currentEvent_),
                          rec.machineAfterEvent(currentEvent_ - 1), uisLine);
        return;
    }
    int first = currentEvent_;
    while (first > 0 && events[static_cast<std::size_t>(first) - 1].t == playhead_)
        --first;
    inspector_.update(
        shown_->scenario(), atPlayhead.state(),
        atInstant && first > 0 ? rec.machineAfterEvent(first - 1) : atPlayhead.state(), uisLine);
}

bool LabController::refreshHighlight() {
    int cpu = -1;
    qint64 t = -1;
    if (shown_ && currentEvent_ >= 0) {
        const auto& e = shown_->trace().events[static_cast<std::size_t>(currentEvent_)];
        cpu = e.cpu;
        t = e.t;
    }
    const bool changed = cpu != highlight_.currentCpu || t != highlight_.currentT ||
                         (cpu < 0 && currentEvent_ != highlight_.currentEvent);
    highlight_.currentEvent = currentEvent_;
    highlight_.currentCpu = cpu;
    highlight_.currentT = t;
    return changed;
}

// Only when the emphasis moved: a drag re-simulates every frame, and telling thousands of
// delegates that nothing changed is what would cost the frame.
void LabController::updateHighlight() {
    if (refreshHighlight()) timeline_.setHighlight(&highlight_);
}

// ---------------------------------------------------------------- predict steps

// A step of the lesson asks the class something before (playhead_, upTo]: stop the playhead
// just before its events, so nothing of the outcome is on screen yet, and ask.
bool LabController::pauseForQuestion(qint64 upTo) {
    const qint64 q = narration_.questionIn(playhead_, upTo);
    if (q < 0) return false;
    setPlaying(false);
    playhead_ = q - 1;
    currentEvent_ = shown_->lastEventAtOrBefore(playhead_);
    updateAtPlayhead();
    narration_.ask(q);
    return true;
}

// Asking: everything after the playhead. Presenting: the run from the next question not yet
// answered on. Otherwise all of it.
void LabController::updateVeil() {
    qint64 veil = -1;
    if (narration_.asking())
        veil = playhead_ + 1;
    else if (hideAhead_)
        veil = narration_.questionIn(playhead_, std::numeric_limits<qint64>::max());
    timeline_.setVeil(veil);
}

void LabController::setHideAhead(bool on) {
    if (on == hideAhead_) return;
    hideAhead_ = on;
    updateVeil();
    Q_EMIT hideAheadChanged();
}

void LabController::reveal() {
    if (!shown_ || !narration_.asking()) return;
    narration_.reveal();
    if (const int next = shown_->firstEventAfter(playhead_); next >= 0) stepTo(next);
}

void LabController::togglePlay() {
    if (narration_.asking()) return reveal();
    setPlaying(!playing_);
}

// ---------------------------------------------------------------- playback

void LabController::setPlaying(bool on) {
    if (on == playing_) return;
    if (on && (!shown_ || shown_->eventCount() == 0)) return;
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

void LabController::setSlowMotion(bool on) {
    if (on == slowMotion_) return;
    slowMotion_ = on;
    Q_EMIT playingChanged();
}

// Time moves at a pace that crosses the run in ~8 s (~32 s in slow motion), and stops at every
// instant that has events: for a moment at normal speed; in slow motion on each event of the
// instant in turn, so a class can follow switch-out, SN, XSAVES and XRSTORS one at a time.
void LabController::tick() {
    if (!shown_) return setPlaying(false);
    const double dt = static_cast<double>(clock_.restart());
    if (dwellMs_ > 0) {
        dwellMs_ -= dt;
        return;
    }
    const auto& events = shown_->trace().events;
    const int next = currentEvent_ + 1;
    if (next < shown_->eventCount() && events[static_cast<std::size_t>(next)].t <= playhead_) {
        if (slowMotion_) {
            currentEvent_ = next;
            dwellMs_ = 1400;
        } else {
            currentEvent_ = shown_->lastEventAtOrBefore(playhead_);
            dwellMs_ = 450;
        }
        updateAtPlayhead();
        return;
    }
    const qint64 end = endTime();
    if (next >= shown_->eventCount() && playhead_ >= end) return setPlaying(false);
    const double nsPerMs =
        static_cast<double>(std::max<qint64>(end, 100)) / (slowMotion_ ? 32000.0 : 8000.0);
    const qint64 target =
        next < shown_->eventCount() ? events[static_cast<std::size_t>(next)].t : end;
    const qint64 ahead =
        std::min(target, playhead_ + std::max<qint64>(1, std::llround(nsPerMs * dt)));
    if (pauseForQuestion(ahead)) return;
    playhead_ = ahead;
    if (next >= shown_->eventCount() || events[static_cast<std::size_t>(next)].t > playhead_)
        currentEvent_ = shown_->lastEventAtOrBefore(playhead_);
    updateAtPlayhead();
}

// ---------------------------------------------------------------- markers

void LabController::setMarkerA(qint64 t) {
    markerA_ = std::max<qint64>(t, 0);
    timeline_.setCursors(playhead_, markerA_, markerB_);
    Q_EMIT markersChanged();
}

void LabController::setMarkerB(qint64 t) {
    markerB_ = std::max<qint64>(t, 0);
    timeline_.setCursors(playhead_, markerA_, markerB_);
    Q_EMIT markersChanged();
}

void LabController::clearMarkers() {
    markerA_ = markerB_ = -1;
    timeline_.setCursors(playhead_, markerA_, markerB_);
    Q_EMIT markersChanged();
}

// ---------------------------------------------------------------- Why

void LabController::selectEvent(int event) {
    selected_ = shown_ && event >= 0 && event < shown_->eventCount() ? event : -1;
    selectedSig_ = {};
    if (selected_ >= 0) {
        // Remember the event by what it is (the 3rd spurious_notification on CPU 0 …), so the
        // chain follows it through re-simulations while a drag changes the trace.
        const auto& events = shown_->trace().events;
        const auto& e = events[static_cast<std::size_t>(selected_)];
        int ordinal = 0;
        for (int i = 0; i < selected_; ++i) {
            const auto& o = events[static_cast<std::size_t>(i)];
            if (o.kind == e.kind && o.cpu == e.cpu && o.task == e.task) ++ordinal;
        }
        selectedSig_ = {static_cast<int>(e.kind), e.cpu, e.task, ordinal};
    }
    rebuildWhy();
    refreshHighlight();
    timeline_.setHighlight(&highlight_);
}

void LabController::rebuildWhy() {
    highlight_.why.clear();
    highlight_.whySpots.clear();
    std::vector<WhyModel::Line> lines;
    whyTitle_.clear();
    if (shown_ && selectedSig_.kind >= 0) {
        // Find the remembered event in the run now shown.
        selected_ = -1;
        int ordinal = 0;
        const auto& events = shown_->trace().events;
        for (int i = 0; i < shown_->eventCount(); ++i) {
            const auto& o = events[static_cast<std::size_t>(i)];
            if (static_cast<int>(o.kind) == selectedSig_.kind && o.cpu == selectedSig_.cpu &&
                o.task == selectedSig_.task && ordinal++ == selectedSig_.ordinal) {
                selected_ = i;
                break;
            }
        }
    }
    if (shown_ && selected_ >= 0) {
        const auto chain = shown_->causality().causesOf(selected_);
        highlight_.why.assign(static_cast<std::size_t>(shown_->eventCount()), 0);
        for (const int e : chain) {
            const auto& ev = shown_->trace().events[static_cast<std::size_t>(e)];
            highlight_.why[static_cast<std::size_t>(e)] = 1;
            highlight_.whySpots.emplace_back(ev.cpu, ev.t);
            lines.push_back(
                {e, ev.t,
                 ev.cpu >= 0 ? tr("%1 · CPU %2").arg(formatNs(ev.t)).arg(ev.cpu) : formatNs(ev.t),
                 QString::fromStdString(analysis::eventProse(ev, shown_->scenario())),
                 e == selected_});
        }
        std::sort(highlight_.whySpots.begin(), highlight_.whySpots.end());
        const auto& e = shown_->trace().events[static_cast<std::size_t>(selected_)];
        whyTitle_ = tr("Why the %1 at %2: %n step(s)", nullptr, static_cast<int>(chain.size()))
                        .arg(QString::fromStdString(analysis::eventTitle(e.kind)), formatNs(e.t));
    } else if (selectedSig_.kind >= 0) {
        whyTitle_ = tr("The selected event does not happen in this run.");
    }
    why_.setLines(std::move(lines));
    Q_EMIT whyChanged();
}

} // namespace uintr::lab
