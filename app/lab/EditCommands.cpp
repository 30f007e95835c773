#include "EditCommands.h"

#include "Format.h"
#include "LabDocument.h"

namespace uintr::lab {

MoveEntryCommand::MoveEntryCommand(LabDocument* lab, int entry, qint64 from, qint64 to)
    : lab_(lab), entry_(entry), from_(from), to_(to) {
    setText(QObject::tr("Move %1 to %2").arg(lab->entryName(entry), formatNs(to)));
}

void MoveEntryCommand::redo() {
    lab_->applyEntryTime(entry_, to_);
}
void MoveEntryCommand::undo() {
    lab_->applyEntryTime(entry_, from_);
}

SetVariantCommand::SetVariantCommand(LabDocument* lab, scenario::KernelVariant from,
                                     scenario::KernelVariant to)
    : lab_(lab), from_(from), to_(to) {
    setText(QObject::tr("Switch kernel to %1").arg(QString::fromUtf8(scenario::toString(to))));
}

void SetVariantCommand::redo() {
    lab_->applyVariant(to_);
}
void SetVariantCommand::undo() {
    lab_->applyVariant(from_);
}

SetValuesCommand::SetValuesCommand(LabDocument* lab, std::vector<analysis::Axis> axes,
                                   std::vector<std::int64_t> from, std::vector<std::int64_t> to)
    : lab_(lab), axes_(std::move(axes)), from_(std::move(from)), to_(std::move(to)) {
    QStringList parts;
    for (std::size_t i = 0; i < axes_.size(); ++i)
        parts << QObject::tr("%1 to %2")
                     .arg(axes_[i].kind == analysis::Axis::Kind::EntryAt
                              ? lab->entryName(axes_[i].entry)
                              : QString::fromStdString(axes_[i].name),
                          formatNs(to_[i]));
    const bool moves = axes_[0].kind == analysis::Axis::Kind::EntryAt;
    setText((moves ? QObject::tr("Move %1") : QObject::tr("Set %1")).arg(parts.join(", ")));
}

void SetValuesCommand::redo() {
    lab_->applyValues(axes_, to_);
}
void SetValuesCommand::undo() {
    lab_->applyValues(axes_, from_);
}

} // namespace uintr::lab
