#include "EditCommands.h"

#include "Format.h"
#include "LabController.h"

namespace uintr::lab {

MoveEntryCommand::MoveEntryCommand(LabController* lab, int entry, qint64 from, qint64 to)
    : lab_(lab), entry_(entry), from_(from), to_(to) {
    setText(QObject::tr("Move %1 to %2").arg(lab->entryName(entry), formatNs(to)));
}

void MoveEntryCommand::redo() {
    lab_->applyEntryTime(entry_, to_);
}
void MoveEntryCommand::undo() {
    lab_->applyEntryTime(entry_, from_);
}

SetVariantCommand::SetVariantCommand(LabController* lab, scenario::KernelVariant from,
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

} // namespace uintr::lab
