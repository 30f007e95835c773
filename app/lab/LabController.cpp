#include "LabController.h"

#include "Format.h"

namespace uintr::lab {

LabController::LabController(QObject* parent)
    : QObject(parent), timeline_(this), inspector_(this), narration_(this), library_(this),
      document_(this), playback_(&narration_, this) {
    // The document says what run to show and what happened.
    connect(&document_, &LabDocument::replaced, this, &LabController::replaced);
    connect(&document_, &LabDocument::runReady, this, &LabController::show);
    connect(&document_, &LabDocument::said, this, &LabController::setStatus);
    connect(&document_, &LabDocument::errorOccurred, this,
            [this](const QString& title, const QString& message) {
                lastError_ = message;
                Q_EMIT errorOccurred(title, message);
            });
    connect(&document_, &LabDocument::contentChanged, this,
            [this] { raceMap_.setScenario(document_.scenario()); });
    // A drag snaps to the document's run, stops the playback and explores around the entry.
    document_.setPreviewHorizon([this] { return timeline_.t1(); });
    connect(&document_, &LabDocument::dragStarted, this, [this](int entry) {
        timeline_.setSnapSource(document_.committed());
        playback_.setPlaying(false);
        startRaceStrip(entry);
    });
    connect(&document_, &LabDocument::previewChanged, this, [this] {
        if (verdictBehind_ != document_.previewBehind()) {
            verdictBehind_ = !verdictBehind_;
            Q_EMIT verdictChanged();
        }
    });
    connect(&document_, &LabDocument::dragEnded, this, [this] {
        timeline_.setSnapSource(nullptr);
        raceStrip_.clear();
    });
    connect(&raceMap_, &RaceMapModel::pointChosen, &document_, &LabDocument::choosePoint);
    // Connected before any view: the models are up to date when QML hears playheadChanged.
    connect(&playback_, &Playback::playheadChanged, this, &LabController::atPlayhead);
    connect(&playback_, &Playback::markersChanged, this, [this] {
        timeline_.setCursors(playback_.playhead(), playback_.markerA(), playback_.markerB());
    });
    connect(&playback_, &Playback::veilChanged, this,
            [this] { timeline_.setVeil(playback_.veil()); });
}

LabController::~LabController() = default;

// ---------------------------------------------------------------- the run on screen

QStringList LabController::verdict() const {
    if (!shown_) return {};
    QStringList all = shown_->verdict();
    if (document_.previewBehind())
        all.prepend(tr("Still simulating the new position; shown: the run with %1 at %2.")
                        .arg(document_.entryName(document_.previewEntry()),
                             formatNs(document_.previewShownAt())));
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

QString LabController::describeEvent(int event) const {
    return shown_ ? shown_->describeEvent(event) : QString();
}

int LabController::findEvent(const QString& kind) const {
    if (!shown_) return -1;
    for (int i = 0; i < shown_->eventCount(); ++i)
        if (shown_->kindName(i) == kind) return i;
    return -1;
}

void LabController::replaced() {
    playback_.reset();
    selected_ = -1;
    selectedSig_ = {};
}

void LabController::show(std::shared_ptr<const SimRun> run, bool refit) {
    shown_ = std::move(run);
    inspectorKey_ = {};
    playback_.setRun(shown_);
    // The highlight first: the relayout's new rows read it as the delegates update.
    const bool hadWhy = !highlight_.why.empty();
    rebuildWhy();
    const bool moved = refreshHighlight();
    timeline_.setRun(shown_, refit);
    narration_.setRuns(document_.original(), shown_);
    if (moved || hadWhy || !highlight_.why.empty()) timeline_.setHighlight(&highlight_);
    playback_.moved();
    verdictBehind_ = document_.previewBehind();
    Q_EMIT runChanged();
    Q_EMIT verdictChanged();
}

// ---------------------------------------------------------------- status

void LabController::setStatus(const QString& text, bool error) {
    status_ = text;
    statusError_ = error;
    Q_EMIT statusChanged();
}

} // namespace uintr::lab
