#include "LabController.h"

#include "EditCommands.h"
#include "Format.h"
#include "scenario/ScenarioIO.h"
#include "sim/TraceFormat.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace uintr::lab {

namespace {
constexpr int kRecentMax = 8;
constexpr int kTickMs = 16;
// A drag on a run this big is simulated to the right edge of the view first (PreviewFinisher).
constexpr int kPartialPreviewEvents = 20'000;

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

LabController::LabController(QObject* parent)
    : QObject(parent), timeline_(this), inspector_(this), narration_(this), library_(this) {
    connect(&undo_, &QUndoStack::cleanChanged, this, &LabController::dirtyChanged);
    connect(&undo_, &QUndoStack::indexChanged, this, &LabController::undoChanged);
    connect(&undo_, &QUndoStack::canUndoChanged, this, &LabController::undoChanged);
    connect(&undo_, &QUndoStack::canRedoChanged, this, &LabController::undoChanged);
    timer_.setInterval(kTickMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &LabController::tick);
    // A predict step hides the outcome on the timeline until it is revealed.
    connect(&narration_, &NarrationModel::changed, this, &LabController::updateVeil);
    connect(&raceMap_, &RaceMapModel::pointChosen, this, &LabController::choosePoint);
    connect(&finisher_, &PreviewFinisher::finished, this, &LabController::previewFinished);
}

LabController::~LabController() = default;

// ---------------------------------------------------------------- properties

QString LabController::title() const {
    return QString::fromStdString(scenario_.title);
}
QString LabController::summary() const {
    return QString::fromStdString(scenario_.summary);
}
QString LabController::fileName() const {
    return filePath_.isEmpty() ? tr("untitled.json") : QFileInfo(filePath_).fileName();
}

void LabController::setRememberRecent(bool on) {
    if (on == rememberRecent_) return;
    rememberRecent_ = on;
    recent_ = on ? QSettings().value("recentFiles").toStringList() : QStringList();
    Q_EMIT recentFilesChanged();
}

QString LabController::variant() const {
    return QString::fromUtf8(scenario::toString(scenario_.kernel.variant));
}

QStringList LabController::variants() const {
    QStringList names;
    for (const auto& v : kVariants)
        names << QString::fromUtf8(scenario::toString(v.variant));
    return names;
}

QString LabController::variantDescription() const {
    for (const auto& v : kVariants)
        if (v.variant == scenario_.kernel.variant) return tr(v.description);
    return {};
}

QStringList LabController::verdict() const {
    if (!shown_) return {};
    const QStringList& all = shown_->verdict();
    if (all.size() <= 3) return all;
    return all.mid(0, 2)
           << tr("… and %1 more: %2 spurious notification(s) and %3 user interrupt(s) delivered "
                 "in all.")
                  .arg(all.size() - 2)
                  .arg(spuriousCount())
                  .arg(deliveredCount());
}

int LabController::spuriousCount() const {
    return shown_ ? static_cast<int>(shown_->recording().summary().spurious.size()) : 0;
}

int LabController::deliveredCount() const {
    return shown_ ? static_cast<int>(shown_->recording().summary().userInterrupts.size()) : 0;
}

QString LabController::markerText() const {
    if (markerA_ < 0 && markerB_ < 0) return {};
    QStringList parts;
    if (markerA_ >= 0) parts << "A " + formatNs(markerA_);
    if (markerB_ >= 0) parts << "B " + formatNs(markerB_);
    if (markerA_ >= 0 && markerB_ >= 0)
        parts << QStringLiteral("B−A %1").arg(formatDelta(markerB_ - markerA_));
    return parts.join(QStringLiteral("   "));
}

QString LabController::describeEvent(int event) const {
    if (!shown_ || event < 0 || event >= shown_->eventCount()) return {};
    const auto& e = shown_->trace().events[static_cast<std::size_t>(event)];
    const auto& sc = shown_->scenario();
    QString where = e.cpu >= 0 ? QStringLiteral("CPU %1").arg(e.cpu) : QStringLiteral("—");
    return QStringLiteral("%1  %2  %3  %4: %5")
        .arg(formatNs(e.t), where, QString::fromStdString(sc.taskName(e.task)),
             QString::fromUtf8(model::kindName(e.kind).data(),
                               static_cast<qsizetype>(model::kindName(e.kind).size())),
             QString::fromStdString(sim::describeEvent(e, sc)));
}

QString LabController::playheadText() const {
    return formatNs(playhead_);
}

int LabController::findEvent(const QString& kind) const {
    if (!shown_) return -1;
    const auto& events = shown_->trace().events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto name = model::kindName(events[i].kind);
        if (kind == QLatin1String(name.data(), static_cast<qsizetype>(name.size())))
            return static_cast<int>(i);
    }
    return -1;
}

QString LabController::currentKind() const {
    if (!shown_ || currentEvent_ < 0 || currentEvent_ >= shown_->eventCount()) return {};
    const auto name =
        model::kindName(shown_->trace().events[static_cast<std::size_t>(currentEvent_)].kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString LabController::currentEventText() const {
    return describeEvent(currentEvent_);
}

// ---------------------------------------------------------------- files

bool LabController::openFile(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    const auto loaded = scenario::loadScenarioFile(path.toStdString());
    if (!loaded.ok()) {
        const QString line = QString::fromStdString(loaded.error->toString());
        lastError_ = line;
        setStatus(tr("Not opened: %1").arg(line), true);
        Q_EMIT errorOccurred(tr("Cannot open %1").arg(QFileInfo(path).fileName()), line);
        return false;
    }
    present(*loaded.scenario, QFileInfo(path).absoluteFilePath());
    addRecent(filePath_);
    setStatus(tr("Opened %1: %2 events").arg(fileName()).arg(committed_->eventCount()));
    return true;
}

void LabController::present(scenario::Scenario sc, const QString& path, bool unsaved) {
    if (previewing_) endPreview();
    setPlaying(false);
    auto run = std::make_shared<const SimRun>(sc);
    filePath_ = path;
    undo_.clear();
    if (unsaved) undo_.resetClean();
    selected_ = -1;
    selectedSig_ = {};
    markerA_ = markerB_ = -1;
    playhead_ = 0;
    scenario_ = std::move(sc);
    raceMap_.setScenario(scenario_);
    committed_ = run;
    original_ = run;
    show(run, true);
    Q_EMIT scenarioChanged();
    Q_EMIT fileChanged();
    Q_EMIT markersChanged();
    Q_EMIT dirtyChanged();
    Q_EMIT undoChanged();
}

bool LabController::openDefault() {
    return openFile(library_.defaultScenario());
}

bool LabController::save() {
    if (filePath_.isEmpty() || !committed_) return false;
    return saveAs(filePath_);
}

bool LabController::saveAs(const QString& pathOrUrl) {
    if (!committed_) return false;
    if (previewing_) endPreview();
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
        lastError_ = line;
        setStatus(tr("Not saved: %1").arg(line), true);
        Q_EMIT errorOccurred(tr("Cannot save %1").arg(QFileInfo(path).fileName()), line);
        return false;
    }
    filePath_ = QFileInfo(path).absoluteFilePath();
    undo_.setClean();
    if (autosave_) autosave_->writeNow(); // saved: the recovery file goes
    addRecent(filePath_);
    setStatus(tr("Saved %1").arg(filePath_));
    Q_EMIT fileChanged();
    return true;
}

void LabController::addRecent(const QString& path) {
    if (!rememberRecent_) return;
    recent_.removeAll(path);
    recent_.prepend(path);
    while (recent_.size() > kRecentMax)
        recent_.removeLast();
    QSettings().setValue("recentFiles", recent_);
    Q_EMIT recentFilesChanged();
}

void LabController::clearRecentFiles() {
    recent_.clear();
    if (rememberRecent_) QSettings().remove("recentFiles");
    Q_EMIT recentFilesChanged();
}

// ---------------------------------------------------------------- edits

int LabController::entryIndex(const QString& id) const {
    return scenario_.findEntry(id.toStdString());
}

QString LabController::entryName(int entry) const {
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

qint64 LabController::entryTime(int entry) const {
    if (entry < 0 || entry >= static_cast<int>(scenario_.timeline.size())) return -1;
    return scenario_.timeline[static_cast<std::size_t>(entry)].at;
}

std::optional<QString> LabController::refusal(const scenario::Scenario& candidate) const {
    if (const auto error = scenario::checkConsistency(candidate))
        return QString::fromStdString(error->message);
    return std::nullopt;
}

bool LabController::requestMove(int entry, qint64 at) {
    if (!committed_ || entry < 0 || entry >= static_cast<int>(scenario_.timeline.size())) {
        setStatus(tr("Refused: there is no timeline entry %1").arg(entry), true);
        return false;
    }
    if (previewing_ && previewEntry_ != entry) cancelMove();
    if (!previewing_) {
        previewing_ = true;
        previewEntry_ = entry;
        previewFrom_ = previewAt_ = entryTime(entry);
        timeline_.setSnapSource(committed_);
        setPlaying(false);
        startRaceStrip(entry);
    }
    const QString name = entryName(entry);
    if (at < 0) {
        setStatus(tr("Refused: %1 cannot move before 0 ns").arg(name), true);
        return false;
    }
    if (at == previewAt_ && shown_) return true;
    scenario::Scenario candidate = scenario_;
    candidate.timeline[static_cast<std::size_t>(entry)].at = at;
    if (const auto why = refusal(candidate)) {
        setStatus(tr("Refused: %1 at %2: %3").arg(name, formatNs(at), *why), true);
        return false;
    }
    // Everything before the earlier of the entry's committed and new times is the committed
    // run's: resume from its checkpoint there instead of simulating from 0. A big run is
    // simulated to the right edge of the view first; the finisher does the rest off this thread.
    const qint64 changedAt = std::min<qint64>(previewFrom_, at);
    const std::int64_t until = committed_->eventCount() >= kPartialPreviewEvents
                                   ? timeline_.t1()
                                   : sim::Recording::kToTheEnd;
    auto run = std::make_shared<const SimRun>(std::move(candidate), committed_, changedAt, until);
    if (run->partial())
        finisher_.request(run->scenario(), committed_, changedAt);
    else
        finisher_.cancel();
    if (run->recording().hitStepLimit()) {
        setStatus(tr("Refused: with %1 at %2 the run does not end").arg(name, formatNs(at)), true);
        return false;
    }
    previewAt_ = at;
    previewText_ = QStringLiteral("%1 → %2").arg(name, formatNs(at));
    show(run);
    setStatus(previewText_);
    Q_EMIT previewChanged();
    return true;
}

bool LabController::commitMove(int entry, qint64 at) {
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
    undo_.push(new MoveEntryCommand(this, entry, from, to)); // redo() adopts the preview
    setStatus(undo_.undoText() + QStringLiteral(": ") + verdict().value(0));
    return true;
}

void LabController::cancelMove() {
    if (!previewing_) return;
    const QString name = entryName(previewEntry_);
    const qint64 from = previewFrom_;
    endPreview();
    show(committed_);
    // The preview's "switch-out → 1 250 ns" would be a stale claim now.
    setStatus(tr("Put back: %1 stays at %2").arg(name, formatNs(from)));
}

// The rest of a partial preview: shown unless the drag ended or moved on (the finisher drops
// the result of any request but the latest).
void LabController::previewFinished(std::shared_ptr<const SimRun> run) {
    if (!previewing_) return;
    if (run->recording().hitStepLimit()) {
        setStatus(tr("Refused: with %1 at %2 the run does not end")
                      .arg(entryName(previewEntry_), formatNs(previewAt_)),
                  true);
        cancelMove();
        return;
    }
    show(std::move(run));
}

void LabController::endPreview() {
    finisher_.cancel();
    previewing_ = false;
    previewEntry_ = -1;
    previewText_.clear();
    timeline_.setSnapSource(nullptr);
    raceStrip_.clear();
    Q_EMIT previewChanged();
}

bool LabController::moveEntry(int entry, qint64 at) {
    return commitMove(entry, at);
}

bool LabController::setVariant(const QString& name) {
    const auto v = scenario::kernelVariantFromString(name.toStdString());
    if (!v) {
        setStatus(tr("Refused: unknown kernel variant %1").arg(name), true);
        return false;
    }
    if (!committed_ || *v == scenario_.kernel.variant) return false;
    if (previewing_) cancelMove();
    undo_.push(new SetVariantCommand(this, scenario_.kernel.variant, *v));
    setStatus(undo_.undoText() + QStringLiteral(": ") + verdict().value(0));
    return true;
}

void LabController::cycleVariant() {
    const auto names = variants();
    setVariant(names.value((variantIndex() + 1) % static_cast<int>(names.size())));
}

void LabController::undo() {
    if (previewing_) cancelMove();
    if (!undo_.canUndo()) return;
    const QString text = undo_.undoText();
    undo_.undo();
    setStatus(tr("Undone: %1").arg(text));
}

void LabController::redo() {
    if (previewing_) cancelMove();
    if (!undo_.canRedo()) return;
    const QString text = undo_.redoText();
    undo_.redo();
    setStatus(tr("Redone: %1").arg(text));
}

void LabController::applyEntryTime(int entry, qint64 at) {
    scenario::Scenario next = scenario_;
    next.timeline[static_cast<std::size_t>(entry)].at = at;
    // The release of a drag commits what the last preview already simulated.
    std::shared_ptr<const SimRun> ready;
    if (previewing_ && previewEntry_ == entry && previewAt_ == at) {
        ready = shown_;
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

void LabController::applyVariant(scenario::KernelVariant variant) {
    scenario::Scenario next = scenario_;
    next.kernel.variant = variant;
    adopt(std::move(next), nullptr);
    Q_EMIT scenarioChanged();
}

void LabController::adopt(scenario::Scenario sc, std::shared_ptr<const SimRun> run) {
    scenario_ = std::move(sc);
    raceMap_.setScenario(scenario_);
    committed_ = run ? std::move(run) : std::make_shared<const SimRun>(scenario_);
    show(committed_);
}

// ---------------------------------------------------------------- showing a run

void LabController::show(std::shared_ptr<const SimRun> run, bool refit) {
    shown_ = std::move(run);
    inspectorKey_ = {};
    currentEvent_ = shown_->lastEventAtOrBefore(playhead_);
    // The highlight first: the relayout's new rows read it as the delegates update.
    const bool hadWhy = !highlight_.why.empty();
    rebuildWhy();
    const bool moved = refreshHighlight();
    timeline_.setRun(shown_, refit);
    narration_.setRuns(original_, shown_);
    if (moved || hadWhy || !highlight_.why.empty()) timeline_.setHighlight(&highlight_);
    updateAtPlayhead();
    Q_EMIT runChanged();
}

// ---------------------------------------------------------------- status

void LabController::setStatus(const QString& text, bool error) {
    status_ = text;
    statusError_ = error;
    Q_EMIT statusChanged();
}

} // namespace uintr::lab
