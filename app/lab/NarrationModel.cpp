#include "NarrationModel.h"

#include "Format.h"

namespace uintr::lab {

namespace {
// The file's run and this one differ only through edits of entry times or the kernel variant
// (the only edits the app makes), so those are what "edited" compares.
bool sameRun(const scenario::Scenario& a, const scenario::Scenario& b) {
    if (a.kernel.variant != b.kernel.variant || a.timeline.size() != b.timeline.size())
        return false;
    for (std::size_t i = 0; i < a.timeline.size(); ++i)
        if (a.timeline[i].at != b.timeline[i].at) return false;
    return true;
}
} // namespace

void NarrationModel::setRuns(std::shared_ptr<const SimRun> original,
                             std::shared_ptr<const SimRun> shown) {
    original_ = std::move(original);
    shown_ = std::move(shown);
    steps_.clear();
    edited_ = false;
    if (original_ && shown_) {
        edited_ = !sameRun(original_->scenario(), shown_->scenario());
        if (!original_->scenario().narration.empty())
            steps_ = analysis::anchorNarration(original_->scenario(), original_->trace(),
                                               shown_->trace());
    }
    position_ = -2; // force the next setPlayhead to notify
}

void NarrationModel::setPlayhead(qint64 t) {
    int position = -1;
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].t <= t) position = static_cast<int>(i);
    if (position == position_) return;
    position_ = position;
    Q_EMIT changed();
}

QString NarrationModel::stepText(int position) const {
    if (position < 0 || position >= count() || !original_) return {};
    const auto& step = steps_[static_cast<std::size_t>(position)];
    return QString::fromStdString(
        original_->scenario().narration[static_cast<std::size_t>(step.step)].text);
}

NarrationModel::Status NarrationModel::status() const {
    if (position_ < 0 || position_ >= count()) return Status::None;
    switch (steps_[static_cast<std::size_t>(position_)].status) {
    case analysis::AnchoredStep::Status::Same:
        return Status::Same;
    case analysis::AnchoredStep::Status::Moved:
        return Status::Moved;
    case analysis::AnchoredStep::Status::Gone:
        return Status::Gone;
    case analysis::AnchoredStep::Status::Unanchored:
        return Status::Unanchored;
    }
    return Status::None;
}

QString NarrationModel::text() const {
    if (status() != Status::Gone) return stepText(position_);
    // What the file says here no longer happens: the class hears what happens instead.
    return shown_ && !shown_->verdict().isEmpty() ? shown_->verdict().join(QLatin1Char(' '))
                                                  : QString();
}

QString NarrationModel::fileText() const {
    return status() == Status::Gone ? stepText(position_) : QString();
}

QString NarrationModel::note() const {
    if (position_ < 0 || position_ >= count()) return {};
    const auto& step = steps_[static_cast<std::size_t>(position_)];
    switch (status()) {
    case Status::Moved:
        return tr("In the edited run this happens at %1 (%2 in the file).")
            .arg(formatNs(step.t), formatNs(step.at));
    case Status::Gone:
        return tr("In the edited run this step no longer happens (the file's %1 step):")
            .arg(formatNs(step.at));
    default:
        return {};
    }
}

QString NarrationModel::nextText() const {
    return stepText(position_ + 1);
}

QString NarrationModel::nextTimeText() const {
    const qint64 t = nextTime();
    return t >= 0 ? formatNs(t) : QString();
}

qint64 NarrationModel::nextTime() const {
    const int next = position_ + 1;
    return next >= 0 && next < count() ? steps_[static_cast<std::size_t>(next)].t : -1;
}

} // namespace uintr::lab
