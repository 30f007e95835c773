#include "RaceStrip.h"

#include "analysis/RaceStrip.h"
#include "render/RaceMap.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QVariantMap>
#include <algorithm>

namespace uintr::lab {

namespace {
// Samples per strip: about one per pixel of a wide timeline, so that the seed race's strip is
// ready within a frame; every boundary is then bisected to the ns (analysis/RaceStrip.h).
// Bigger scenarios get fewer, so that a strip costs at most about kStripEvents engine events.
constexpr std::int64_t kStripPoints = 1000;
constexpr std::int64_t kStripEvents = 500'000;
constexpr int kSmallRun = 1000; // events: below this a strip may use every core

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

RaceStripModel::RaceStripModel(QObject* parent) : QAbstractListModel(parent) {
    pool_.setMaxThreadCount(1);
}

RaceStripModel::~RaceStripModel() {
    cancelInFlight();
    pool_.waitForDone(); // the worker posts back to this object: it must be done first
}

int RaceStripModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(bands_.size());
}

QVariant RaceStripModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Band& b = bands_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case FromRole:
        return b.from;
    case ToRole:
        return b.to;
    case OutcomeRole:
        return b.outcome;
    case LabelRole:
        return b.label;
    case ColourRole:
        return b.colour;
    }
    return {};
}

QHash<int, QByteArray> RaceStripModel::roleNames() const {
    return {{FromRole, "from"},
            {ToRole, "to"},
            {OutcomeRole, "outcome"},
            {LabelRole, "label"},
            {ColourRole, "colour"}};
}

QVariantMap RaceStripModel::band(int i) const {
    if (i < 0 || i >= rowCount()) return {};
    const Band& b = bands_[static_cast<std::size_t>(i)];
    return {{"from", b.from}, {"to", b.to}, {"outcome", b.outcome}, {"label", b.label}};
}

void RaceStripModel::waitForReady() {
    pool_.waitForDone();
    QCoreApplication::sendPostedEvents(this); // the queued delivery
}

void RaceStripModel::cancelInFlight() {
    if (cancel_) cancel_->store(true);
    cancel_.reset();
    pool_.clear(); // a request not started yet will never be wanted
}

void RaceStripModel::request(const scenario::Scenario& sc, int entry, int cpu, qint64 from,
                             qint64 to, int eventsPerRun) {
    cancelInFlight();
    const quint64 generation = ++generation_;
    active_ = true;
    ready_ = false;
    entry_ = entry;
    cpu_ = cpu;
    Q_EMIT stateChanged();
    analysis::Axis axis;
    axis.entry = entry;
    axis.name = sc.timeline[static_cast<std::size_t>(entry)].id;
    axis.from = std::max<qint64>(0, from);
    axis.to = std::max<std::int64_t>(axis.from, to);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancel_ = cancel;
    // The worker owns its copy of the scenario: the document may change while it runs.
    const std::int64_t points =
        std::clamp<std::int64_t>(kStripEvents / std::max(1, eventsPerRun), 20, kStripPoints);
    const unsigned threads = eventsPerRun < kSmallRun ? 0 : 1;
    pool_.start([this, sc, axis, cancel, generation, points, threads] {
        analysis::SweepOptions options;
        options.cancel = cancel.get();
        options.threads = threads;
        const auto windows = analysis::stripWindows(sc, axis, options, points);
        if (!windows || cancel->load()) return;
        std::vector<Band> bands;
        for (const auto& w : *windows)
            bands.push_back({w.from, w.to, text(analysis::info(w.outcome.cls()).name),
                             text(render::windowLabel(w)),
                             text(render::outcomeColour(w.outcome.cls()))});
        QMetaObject::invokeMethod(
            this,
            [this, generation, b = std::move(bands)]() mutable {
                deliver(generation, std::move(b));
            },
            Qt::QueuedConnection);
    });
}

void RaceStripModel::deliver(quint64 generation, std::vector<Band> bands) {
    if (generation != generation_ || !active_) return; // not the latest request
    beginResetModel();
    bands_ = std::move(bands);
    endResetModel();
    ready_ = true;
    Q_EMIT bandsChanged();
    Q_EMIT stateChanged();
}

void RaceStripModel::clear() {
    cancelInFlight();
    ++generation_;
    if (!active_ && bands_.empty()) return;
    active_ = ready_ = false;
    beginResetModel();
    bands_.clear();
    endResetModel();
    Q_EMIT bandsChanged();
    Q_EMIT stateChanged();
}

} // namespace uintr::lab
