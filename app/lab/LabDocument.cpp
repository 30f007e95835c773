#include "LabDocument.h"

#include "EditCommands.h"
#include "Format.h"
#include "ScenarioLibrary.h"
#include "scenario/ScenarioIO.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <algorithm>

namespace uintr::lab {

namespace {
constexpr int kRecentMax = 8;
// A drag on a run this big is simulated to the right edge of the view first (PreviewFinisher).
constexpr int kPartialPreviewEvents = 20'000;
// ... unless the view's right edge is more than this many events past the change (the whole run
// on screen): then the GUI thread simulates nothing and the finisher's late runs are drawn as
// they arrive (PreviewFinisher::Mode::Late). Simulating and laying out that much on this thread
// took most of a frame (docs/app.md, "How a drag frame is built").
constexpr int kGuiSimulatedEvents = 5'000;

// The kernel variants the core knows (Scenario.h), with the one line the toolbar shows.
struct VariantInfo {
    scenario::KernelVariant variant;
    const char* description;
};
constexpr VariantInfo kVariants[] = {
    {scenario::KernelVariant::RfcV1,
     "The 2021 RFC as posted: SN set on switch-out, switch_uintr_return on every return to user."},
    {scenario::KernelVariant::NoSn,
     "Switch-out leaves SN clear: SENDUIPI to an off-CPU task IPIs a stale NDST."},
    {scenario::KernelVariant::MiscRestoreBug,
     "XRSTORS loads UINV = 0 and nothing puts it back: every notification is spurious (a storm)."},
    {scenario::KernelVariant::Reviewed, "rfc-v1 with the review's fixes: UITTSZ 255, uintr_wait "
                                        "re-checks PIR, restore only if saved."},
};

QString localPath(const QString& pathOrUrl) {
    if (pathOrUrl.startsWith(QLatin1String("file:"))) return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}
} // namespace

LabDocument::LabDocument(QObject* parent) : QObject(parent) {
    connect(&undo_, &QUndoStack::cleanChanged, this, &LabDocument::dirtyChanged);
    connect(&undo_, &QUndoStack::indexChanged, this, &LabDocument::undoChanged);
    connect(&undo_, &QUndoStack::canUndoChanged, this, &LabDocument::undoChanged);
    connect(&undo_, &QUndoStack::canRedoChanged, this, &LabDocument::undoChanged);
    connect(&finisher_, &PreviewFinisher::finished, this, &LabDocument::previewFinished);
}

LabDocument::~LabDocument() = default;

// ---------------------------------------------------------------- properties

QString LabDocument::title() const {
    return QString::fromStdString(scenario_.title);
}
QString LabDocument::summary() const {
    return QString::fromStdString(scenario_.summary);
}
QString LabDocument::fileName() const {
    return filePath_.isEmpty() ? tr("untitled.json") : QFileInfo(filePath_).fileName();
}

void LabDocument::setRememberRecent(bool on) {
    if (on == rememberRecent_) return;
    rememberRecent_ = on;
    recent_ = on ? QSettings().value("recentFiles").toStringList() : QStringList();
    Q_EMIT recentFilesChanged();
}

QString LabDocument::variant() const {
    return QString::fromUtf8(scenario::toString(scenario_.kernel.variant));
}

QStringList LabDocument::variants() const {
    QStringList names;
    for (const auto& v : kVariants)
        names << QString::fromUtf8(scenario::toString(v.variant));
    return names;
}

QString LabDocument::variantDescription() const {
    for (const auto& v : kVariants)
        if (v.variant == scenario_.kernel.variant) return tr(v.description);
    return {};
}

// ---------------------------------------------------------------- files

bool LabDocument::fail(const QString& status, const QString& title, const QString& line) {
    say(status, true);
    Q_EMIT errorOccurred(title, line);
    return false;
}

bool LabDocument::openFile(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    const auto loaded = scenario::loadScenarioFile(path.toStdString());
    if (!loaded.ok()) {
        const QString line = QString::fromStdString(loaded.error->toString());
        return fail(tr("Not opened: %1").arg(line),
                    tr("Cannot open %1").arg(QFileInfo(path).fileName()), line);
    }
    present(*loaded.scenario, QFileInfo(path).absoluteFilePath());
    addRecent(filePath_);
    say(tr("Opened %1: %2 events").arg(fileName()).arg(committed_->eventCount()));
    return true;
}

bool LabDocument::openDefault() {
    return openFile(ScenarioLibrary::defaultFile());
}

void LabDocument::present(scenario::Scenario sc, const QString& path, bool unsaved) {
    if (previewing_) endPreview();
    Q_EMIT replaced();
    auto run = std::make_shared<const SimRun>(sc);
    filePath_ = path;
    undo_.clear();
    if (unsaved) undo_.resetClean();
    scenario_ = std::move(sc);
    committed_ = run;
    original_ = run;
    Q_EMIT contentChanged();
    Q_EMIT runReady(run, true);
    Q_EMIT scenarioChanged();
    Q_EMIT fileChanged();
    Q_EMIT dirtyChanged();
    Q_EMIT undoChanged();
}

bool LabDocument::save() {
    if (filePath_.isEmpty() || !committed_) return false;
    return saveAs(filePath_);
}

bool LabDocument::saveAs(const QString& pathOrUrl) {
    if (!committed_) return false;
    if (previewing_) cancelMove();
    const QString path = localPath(pathOrUrl);
    // QSaveFile writes a temporary beside the target and renames it: a crash or a full disk
    // never leaves half a lesson behind.
    QSaveFile file(path);
    const std::string text = scenario::saveScenarioText(scenario_);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        const QString line = QStringLiteral("%1: %2").arg(path, file.errorString());
        return fail(tr("Not saved: %1").arg(line),
                    tr("Cannot save %1").arg(QFileInfo(path).fileName()), line);
    }
    filePath_ = QFileInfo(path).absoluteFilePath();
    undo_.setClean();
    if (autosave_) autosave_->writeNow(); // saved: the recovery file goes
    addRecent(filePath_);
    say(tr("Saved %1").arg(filePath_));
    Q_EMIT fileChanged();
    return true;
}

void LabDocument::addRecent(const QString& path) {
    if (!rememberRecent_) return;
    recent_.removeAll(path);
    recent_.prepend(path);
    while (recent_.size() > kRecentMax)
        recent_.removeLast();
    QSettings().setValue("recentFiles", recent_);
    Q_EMIT recentFilesChanged();
}

void LabDocument::clearRecentFiles() {
    recent_.clear();
    if (rememberRecent_) QSettings().remove("recentFiles");
    Q_EMIT recentFilesChanged();
}

// ---------------------------------------------------------------- the timeline entries

int LabDocument::entryIndex(const QString& id) const {
    return scenario_.findEntry(id.toStdString());
}

QString LabDocument::entryName(int entry) const {
    if (entry < 0 || entry >= static_cast<int>(scenario_.timeline.size())) return {};
    const auto& e = scenario_.timeline[static_cast<std::size_t>(entry)];
    if (!e.id.empty()) return QString::fromStdString(e.id);
    if (e.kind == scenario::TimelineEntry::Kind::ContextSwitch)
        return tr("switch to %1 on CPU %2")
            .arg(QString::fromStdString(scenario_.taskName(e.runTask)))
            .arg(e.cpu);
    if (e.kind == scenario::TimelineEntry::Kind::CpuOnline)
        return e.online ? tr("CPU %1 online").arg(e.cpu) : tr("CPU %1 offline").arg(e.cpu);
    return tr("%1 of %2")
        .arg(QString::fromUtf8(scenario::toString(e.op)),
             QString::fromStdString(scenario_.taskName(e.task)));
}

qint64 LabDocument::entryTime(int entry) const {
    if (entry < 0 || entry >= static_cast<int>(scenario_.timeline.size())) return -1;
    return scenario_.timeline[static_cast<std::size_t>(entry)].at;
}

// ---------------------------------------------------------------- edits

std::optional<QString> LabDocument::refusal(const scenario::Scenario& candidate) const {
    if (const auto error = scenario::checkConsistency(candidate))
        return QString::fromStdString(error->message);
    return std::nullopt;
}

QString LabDocument::pushed() {
    return undo_.undoText() + QStringLiteral(": ") + committed_->verdict().value(0);
}

bool LabDocument::requestMove(int entry, qint64 at) {
    if (!committed_ || entry < 0 || entry >= static_cast<int>(scenario_.timeline.size())) {
        say(tr("Refused: there is no timeline entry %1").arg(entry), true);
        return false;
    }
    if (previewing_ && previewEntry_ != entry) cancelMove();
    if (!previewing_) {
        previewing_ = true;
        previewEntry_ = entry;
        previewFrom_ = previewAt_ = entryTime(entry);
        preview_ = committed_;
        Q_EMIT dragStarted(entry);
    }
    const QString name = entryName(entry);
    if (at < 0) {
        say(tr("Refused: %1 cannot move before 0 ns").arg(name), true);
        return false;
    }
    if (at == previewAt_) return true;
    scenario::Scenario candidate = scenario_;
    candidate.timeline[static_cast<std::size_t>(entry)].at = at;
    if (const auto why = refusal(candidate)) {
        say(tr("Refused: %1 at %2: %3").arg(name, formatNs(at), *why), true);
        return false;
    }
    // Everything before the earlier of the entry's committed and new times is the committed
    // run's: resume from its checkpoint there instead of simulating from 0. A big run is
    // simulated to the right edge of the view first; the finisher does the rest off this thread.
    // When that edge is far, this thread simulates nothing: the finisher's run comes late.
    const qint64 changedAt = std::min<qint64>(previewFrom_, at);
    const bool big = committed_->eventCount() >= kPartialPreviewEvents && horizon_;
    const std::int64_t until = big ? horizon_() : sim::Recording::kToTheEnd;
    if (big && committed_->lastEventAtOrBefore(until) - committed_->lastEventAtOrBefore(changedAt) >
                   kGuiSimulatedEvents) {
        // Whether it ends is known when the run arrives (previewFinished refuses it then).
        finisher_.request(std::move(candidate), committed_, changedAt, PreviewFinisher::Mode::Late);
        previewAt_ = at;
        previewText_ = QStringLiteral("%1 → %2").arg(name, formatNs(at));
        say(previewText_);
        Q_EMIT previewChanged();
        return true;
    }
    auto run = std::make_shared<const SimRun>(std::move(candidate), committed_, changedAt, until);
    if (run->recording().hitStepLimit()) {
        say(tr("Refused: with %1 at %2 the run does not end").arg(name, formatNs(at)), true);
        return false;
    }
    if (run->partial())
        finisher_.request(run->scenario(), committed_, changedAt);
    else
        finisher_.cancel();
    previewAt_ = at;
    previewText_ = QStringLiteral("%1 → %2").arg(name, formatNs(at));
    showPreview(std::move(run));
    say(previewText_);
    Q_EMIT previewChanged();
    return true;
}

void LabDocument::showPreview(std::shared_ptr<const SimRun> run) {
    preview_ = std::move(run);
    Q_EMIT runReady(preview_, false);
}

bool LabDocument::previewShows(qint64 at) const {
    return preview_ &&
           preview_->scenario().timeline[static_cast<std::size_t>(previewEntry_)].at == at;
}

qint64 LabDocument::previewShownAt() const {
    return previewing_ && preview_
               ? preview_->scenario().timeline[static_cast<std::size_t>(previewEntry_)].at
               : -1;
}

bool LabDocument::commitMove(int entry, qint64 at) {
    if (!previewing_ || previewEntry_ != entry) {
        if (!requestMove(entry, at)) {
            if (previewing_) cancelMove();
            return false;
        }
    } else if (at != previewAt_) {
        requestMove(entry, at); // a refusal keeps the last accepted position
    }
    const qint64 from = previewFrom_;
    const qint64 to = previewAt_;
    if (from == to) {
        cancelMove();
        return false;
    }
    if (previewBehind()) {
        // Released before the late run of this position came: it is made now, on this thread,
        // and refused like a drag frame's if it does not end.
        scenario::Scenario candidate = scenario_;
        candidate.timeline[static_cast<std::size_t>(entry)].at = to;
        auto run =
            std::make_shared<const SimRun>(std::move(candidate), committed_, std::min(from, to));
        if (run->recording().hitStepLimit()) {
            say(tr("Refused: with %1 at %2 the run does not end")
                    .arg(entryName(entry), formatNs(to)),
                true);
            cancelMove();
            return false;
        }
        preview_ = std::move(run); // the commit adopts it and shows it
    }
    undo_.push(new MoveEntryCommand(this, entry, from, to)); // redo() adopts the preview
    say(pushed());
    return true;
}

void LabDocument::cancelMove() {
    if (!previewing_) return;
    const QString name = entryName(previewEntry_);
    const qint64 from = previewFrom_;
    endPreview();
    Q_EMIT runReady(committed_, false);
    // The preview's "switch-out → 1 250 ns" would be a stale claim now.
    say(tr("Put back: %1 stays at %2").arg(name, formatNs(from)));
}

// The rest of a partial preview, or a late run (one request behind the hand, perhaps): shown
// unless the drag ended (the finisher drops what is older than the screen's).
void LabDocument::previewFinished(std::shared_ptr<const SimRun> run) {
    if (!previewing_) return;
    if (run->recording().hitStepLimit()) {
        const qint64 at = run->scenario().timeline[static_cast<std::size_t>(previewEntry_)].at;
        if (at != previewAt_) return; // the hand has left that position: its own run decides
        say(tr("Refused: with %1 at %2 the run does not end")
                .arg(entryName(previewEntry_), formatNs(at)),
            true);
        cancelMove();
        return;
    }
    showPreview(std::move(run));
    Q_EMIT previewChanged(); // previewBehind may have changed
}

void LabDocument::endPreview() {
    finisher_.cancel();
    previewing_ = false;
    previewEntry_ = -1;
    preview_.reset();
    previewText_.clear();
    Q_EMIT dragEnded();
    Q_EMIT previewChanged();
}

bool LabDocument::moveEntry(int entry, qint64 at) {
    return commitMove(entry, at);
}

bool LabDocument::setVariant(const QString& name) {
    const auto v = scenario::kernelVariantFromString(name.toStdString());
    if (!v) {
        say(tr("Refused: unknown kernel variant %1").arg(name), true);
        return false;
    }
    if (!committed_ || *v == scenario_.kernel.variant) return false;
    if (previewing_) cancelMove();
    undo_.push(new SetVariantCommand(this, scenario_.kernel.variant, *v));
    say(pushed());
    return true;
}

void LabDocument::cycleVariant() {
    const auto names = variants();
    setVariant(names.value((variantIndex() + 1) % static_cast<int>(names.size())));
}

void LabDocument::choosePoint(const std::vector<analysis::Axis>& axes,
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
        say(tr("Refused: %1").arg(*why), true);
        return;
    }
    undo_.push(new SetValuesCommand(this, axes, before, values));
    say(pushed());
}

void LabDocument::undo() {
    if (previewing_) cancelMove();
    if (!undo_.canUndo()) return;
    const QString text = undo_.undoText();
    undo_.undo();
    say(tr("Undone: %1").arg(text));
}

void LabDocument::redo() {
    if (previewing_) cancelMove();
    if (!undo_.canRedo()) return;
    const QString text = undo_.redoText();
    undo_.redo();
    say(tr("Redone: %1").arg(text));
}

void LabDocument::applyEntryTime(int entry, qint64 at) {
    scenario::Scenario next = scenario_;
    next.timeline[static_cast<std::size_t>(entry)].at = at;
    // The release of a drag commits what the last preview already simulated.
    std::shared_ptr<const SimRun> ready;
    // A late preview may show another position than the hand's: that run is never committed.
    if (previewing_ && previewEntry_ == entry && previewAt_ == at && preview_ != committed_ &&
        previewShows(at)) {
        ready = preview_;
        // Released before the finisher was done: the rest of the run now, on this thread.
        if (ready->partial())
            ready = std::make_shared<const SimRun>(next, committed_,
                                                   std::min<qint64>(previewFrom_, at));
        // A committed run stands alone: it keeps no chain of the runs before it.
        if (ready->layered()) ready = ready->standalone();
    }
    if (previewing_) endPreview();
    adopt(std::move(next), std::move(ready));
}

void LabDocument::applyVariant(scenario::KernelVariant variant) {
    scenario::Scenario next = scenario_;
    next.kernel.variant = variant;
    adopt(std::move(next), nullptr);
    Q_EMIT scenarioChanged();
}

void LabDocument::applyValues(const std::vector<analysis::Axis>& axes,
                              const std::vector<std::int64_t>& values) {
    scenario::Scenario next = scenario_;
    for (std::size_t i = 0; i < axes.size(); ++i)
        analysis::setAxisValue(next, axes[i], values[i]);
    if (previewing_) endPreview();
    adopt(std::move(next), nullptr);
}

void LabDocument::adopt(scenario::Scenario sc, std::shared_ptr<const SimRun> run) {
    scenario_ = std::move(sc);
    committed_ = run ? std::move(run) : std::make_shared<const SimRun>(scenario_);
    Q_EMIT contentChanged();
    Q_EMIT runReady(committed_, false);
}

} // namespace uintr::lab
