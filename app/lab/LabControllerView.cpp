// LabController, what the views show at the playback's playhead (the inspector, the current
// event's highlight) and Why (the causal chain of a selected event, followed through
// re-simulations).
#include "Format.h"
#include "LabController.h"
#include "analysis/EventProse.h"

#include <algorithm>

namespace uintr::lab {

// ---------------------------------------------------------------- at the playhead

void LabController::atPlayhead() {
    timeline_.setCursors(playback_.playhead(), playback_.markerA(), playback_.markerB());
    updateHighlight();
    updateInspector();
}

void LabController::updateInspector() {
    if (!shown_) return;
    const auto& rec = shown_->recording();
    const auto& events = shown_->trace().events;
    const qint64 playhead = playback_.playhead();
    const int current = playback_.currentEvent();
    // Stepping (the playhead on one event of an instant: SENDUIPI, then PIR posted, then the
    // IPI sent): the state after exactly that event, compared with the state after the event
    // before it. At a time (scrubbing, playing): the state after everything up to it, compared
    // with before that instant's first event — so what this instant changed is highlighted, and
    // nothing is when nothing happens at the playhead or when the machine comes up at 0 ns.
    const bool onEvent = current != shown_->lastEventAtOrBefore(playhead);
    const bool atInstant = current >= 0 && events[static_cast<std::size_t>(current)].t == playhead;
    const InspectorKey key{shown_.get(), current, onEvent ? 0 : rec.lastStepAtOrBefore(playhead),
                           !onEvent && atInstant};
    if (key == inspectorKey_) return;
    inspectorKey_ = key;
    const auto state = rec.stateAt(playhead);
    const bool uisLine = state.printsUisLine();
    if (onEvent) {
        inspector_.update(shown_->scenario(), rec.machineAfterEvent(current),
                          rec.machineAfterEvent(current - 1), uisLine);
        return;
    }
    int first = current;
    while (first > 0 && events[static_cast<std::size_t>(first) - 1].t == playhead)
        --first;
    inspector_.update(shown_->scenario(), state.state(),
                      atInstant && first > 0 ? rec.machineAfterEvent(first - 1) : state.state(),
                      uisLine);
}

bool LabController::refreshHighlight() {
    const int current = playback_.currentEvent();
    int cpu = -1;
    qint64 t = -1;
    if (shown_ && current >= 0) {
        const auto& e = shown_->trace().events[static_cast<std::size_t>(current)];
        cpu = e.cpu;
        t = e.t;
    }
    const bool changed = cpu != highlight_.currentCpu || t != highlight_.currentT ||
                         (cpu < 0 && current != highlight_.currentEvent);
    highlight_.currentEvent = current;
    highlight_.currentCpu = cpu;
    highlight_.currentT = t;
    return changed;
}

// Only when the emphasis moved: a drag re-simulates every frame, and telling thousands of
// delegates that nothing changed is what would cost the frame.
void LabController::updateHighlight() {
    if (refreshHighlight()) timeline_.setHighlight(&highlight_);
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
