// Crash recovery: the document's side of Autosave.h.
#include "LabDocument.h"
#include "scenario/ScenarioIO.h"

namespace uintr::lab {

void LabDocument::enableAutosave(const QString& directory) {
    if (autosave_) return;
    autosave_ = std::make_unique<Autosave>(
        [this] {
            return Autosave::Snapshot{
                dirty() && committed_ != nullptr,
                committed_ ? scenario::saveScenarioText(scenario_) : std::string(), filePath_};
        },
        directory);
    // Every edit, undo and redo moves the undo index; a save or an open makes the stack clean.
    connect(&undo_, &QUndoStack::indexChanged, autosave_.get(), &Autosave::changed);
    connect(&undo_, &QUndoStack::cleanChanged, autosave_.get(), &Autosave::changed);
    connect(autosave_.get(), &Autosave::failed, this,
            [this](const QString& why) { say(tr("Autosave failed: %1").arg(why), true); });
}

bool LabDocument::recoverUnsaved() {
    if (!autosave_ || !autosave_->recoveryAvailable()) return false;
    const auto recovered = autosave_->takeRecovery();
    const auto loaded = scenario::loadScenarioText(recovered->text, "recovery.json");
    if (!loaded.ok()) {
        const QString line = QString::fromStdString(loaded.error->toString());
        return fail(tr("Not recovered: %1").arg(line), tr("Cannot recover the unsaved edits"),
                    line);
    }
    present(*loaded.scenario, recovered->file, true);
    say(tr("Recovered the unsaved edits of %1").arg(fileName()));
    autosave_->writeNow(); // the recovered edits are kept again, in this session's name
    return true;
}

void LabDocument::discardUnsaved() {
    if (autosave_) autosave_->discardRecovery();
}

} // namespace uintr::lab
