// The undoable edits, each changing one thing and named for people ("Move switch-out to
// 1 250 ns"). They only say what to set; the document re-simulates and redraws.
#pragma once

#include "analysis/Axis.h"
#include "scenario/Scenario.h"

#include <QUndoCommand>

namespace uintr::lab {

class LabDocument;

class MoveEntryCommand : public QUndoCommand {
  public:
    MoveEntryCommand(LabDocument* lab, int entry, qint64 from, qint64 to);
    void redo() override;
    void undo() override;

  private:
    LabDocument* lab_;
    int entry_;
    qint64 from_, to_;
};

class SetVariantCommand : public QUndoCommand {
  public:
    SetVariantCommand(LabDocument* lab, scenario::KernelVariant from, scenario::KernelVariant to);
    void redo() override;
    void undo() override;

  private:
    LabDocument* lab_;
    scenario::KernelVariant from_, to_;
};

// A point chosen on the race map: every varied value at once ("Move switch-out to 1 400 ns,
// send to 1 000 ns"), one undo step.
class SetValuesCommand : public QUndoCommand {
  public:
    SetValuesCommand(LabDocument* lab, std::vector<analysis::Axis> axes,
                     std::vector<std::int64_t> from, std::vector<std::int64_t> to);
    void redo() override;
    void undo() override;

  private:
    LabDocument* lab_;
    std::vector<analysis::Axis> axes_;
    std::vector<std::int64_t> from_, to_;
};

} // namespace uintr::lab
