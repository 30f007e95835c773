// LabController's side of the race explorer: the strip follows the drag (a request when a drag
// starts, cleared when it ends), the map follows the document, and a point chosen on the map
// becomes one undo step through the same edit path as a drag (SetValuesCommand).
#include "EditCommands.h"
#include "LabController.h"

namespace uintr::lab {

void LabController::startRaceStrip(int entry) {
    // The lane the entry is drawn on: where the committed run recorded its first event.
    int cpu = -1;
    for (const auto& e : committed_->trace().events)
        if (e.entry == entry) {
            cpu = e.cpu;
            break;
        }
    raceStrip_.request(scenario_, entry, cpu, timeline_.t0(), timeline_.t1(),
                       committed_->eventCount());
}

void LabController::choosePoint(const std::vector<analysis::Axis>& axes,
                                const std::vector<std::int64_t>& values) {
    if (!committed_ || axes.size() != values.size()) return;
    if (previewing_) cancelMove();
    std::vector<std::int64_t> before;
    scenario::Scenario candidate = scenario_;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        before.push_back(analysis::axisValue(scenario_, axes[i]));
        analysis::setAxisValue(candidate, axes[i], values[i]);
    }
    if (before == values) return;
    if (const auto why = refusal(candidate)) {
        setStatus(tr("Refused: %1").arg(*why), true);
        return;
    }
    undo_.push(new SetValuesCommand(this, axes, before, values));
    setStatus(undo_.undoText() + QStringLiteral(": ") + verdict().value(0));
}

void LabController::applyValues(const std::vector<analysis::Axis>& axes,
                                const std::vector<std::int64_t>& values) {
    scenario::Scenario next = scenario_;
    for (std::size_t i = 0; i < axes.size(); ++i)
        analysis::setAxisValue(next, axes[i], values[i]);
    if (previewing_) endPreview();
    adopt(std::move(next), nullptr);
}

} // namespace uintr::lab
