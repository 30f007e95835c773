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
    // Another lesson asks its questions again; an edit of this one (same file run) does not.
    if (original != original_)
        answered_.assign(original ? original->scenario().narration.size() : 0, 0);
    asking_ = -1;
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

qint64 NarrationModel::questionIn(qint64 from, qint64 to) const {
    if (!original_) return -1;
    for (const auto& s : steps_) {
        if (s.t <= from || s.t > to || s.status == analysis::AnchoredStep::Status::Gone) continue;
        const auto entry = static_cast<std::size_t>(s.step);
        if (!original_->scenario().narration[entry].question.empty() && !answered_[entry])
            return s.t;
    }
    return -1;
}

void NarrationModel::ask(qint64 t) {
    for (const auto& s : steps_) {
        const auto entry = static_cast<std::size_t>(s.step);
        if (s.t != t || original_->scenario().narration[entry].question.empty()) continue;
        asking_ = s.step;
        askedAt_ = t - 1;
        Q_EMIT changed();
        return;
    }
}

void NarrationModel::reveal() {
    if (asking_ < 0) return;
    answered_[static_cast<std::size_t>(asking_)] = 1;
    asking_ = -1;
    Q_EMIT changed();
}

QString NarrationModel::question() const {
    if (asking_ < 0) return {};
    return QString::fromStdString(
        original_->scenario().narration[static_cast<std::size_t>(asking_)].question);
}

const scenario::NarrationEntry* NarrationModel::entryAt(int position) const {
    if (position < 0 || position >= count() || !original_) return nullptr;
    return &original_->scenario().narration[static_cast<std::size_t>(
        steps_[static_cast<std::size_t>(position)].step)];
}

QString NarrationModel::notes() const {
    const auto* entry = entryAt(position_);
    return entry ? QString::fromStdString(entry->notes) : QString();
}

QString NarrationModel::nextQuestion() const {
    const auto* entry = entryAt(position_ + 1);
    return entry ? QString::fromStdString(entry->question) : QString();
}

void NarrationModel::setPlayhead(qint64 t) {
    // The class was asked at askedAt_: moving anywhere else ends the asking (unanswered, so it
    // is asked again when the lesson gets there).
    if (asking_ >= 0 && t != askedAt_) {
        asking_ = -1;
        Q_EMIT changed();
    }
    int position = -1;
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].t <= t) position = static_cast<int>(i);
    if (position == position_) return;
    position_ = position;
    Q_EMIT changed();
}

QString NarrationModel::stepText(int position) const {
    const auto* entry = entryAt(position);
    return entry ? QString::fromStdString(entry->text) : QString();
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
