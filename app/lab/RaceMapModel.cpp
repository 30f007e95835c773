#include "RaceMapModel.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <algorithm>
#include <map>

namespace uintr::lab {

namespace {

// The default pair: the first switch after time 0 across, the first SENDUIPI up (the seed
// race's switch-out × SENDUIPI); with only one of them, it against the IPI latency.
std::pair<int, int> defaultAxes(const scenario::Scenario& sc, const QStringList& choices) {
    int sw = -1, send = -1;
    int rank = 0; // choices list the ids first, in timeline order: no search (O(n), not O(n²))
    for (const auto& e : sc.timeline) {
        if (sw >= 0 && send >= 0) break;
        if (e.id.empty()) continue;
        const int i = rank++;
        if (e.kind == scenario::TimelineEntry::Kind::ContextSwitch && e.at > 0 && sw < 0) sw = i;
        if (e.kind == scenario::TimelineEntry::Kind::TaskOp && e.op == scenario::OpKind::SendUipi &&
            send < 0)
            send = i;
    }
    const int latency = static_cast<int>(choices.indexOf("machine.ipi_latency_ns"));
    if (sw >= 0 && send >= 0) return {sw, send};
    const int one = sw >= 0 ? sw : send >= 0 ? send : 0;
    return {one, one == latency ? 0 : latency};
}

} // namespace

RaceMapModel::RaceMapModel(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
}

RaceMapModel::~RaceMapModel() {
    if (cancel_) cancel_->store(true);
    pool_.clear();
    pool_.waitForDone();
}

void RaceMapModel::setEnabled(bool on) {
    if (on == enabled_) return;
    enabled_ = on;
    Q_EMIT stateChanged();
    if (on) recompute();
}

void RaceMapModel::setAxisA(int i) {
    if (i == axisA_ || i < 0 || i >= choices_.size()) return;
    axisA_ = i;
    Q_EMIT stateChanged();
    recompute();
}

void RaceMapModel::setAxisB(int i) {
    if (i == axisB_ || i < 0 || i >= choices_.size()) return;
    axisB_ = i;
    Q_EMIT stateChanged();
    recompute();
}

void RaceMapModel::setScenario(const scenario::Scenario& sc) {
    QStringList choices;
    for (const auto& e : sc.timeline)
        if (!e.id.empty()) choices << QString::fromStdString(e.id);
    for (const auto& e : sc.timeline)
        if (!e.id.empty() && e.kind == scenario::TimelineEntry::Kind::TaskOp &&
            scenario::hasDuration(e.op))
            choices << QString::fromStdString(e.id + ".duration_ns");
    for (const auto& p : analysis::kParameters)
        choices << QString::fromUtf8(p.name.data(), static_cast<qsizetype>(p.name.size()));
    scenario_ = sc;
    if (choices != choices_) {
        choices_ = choices;
        std::tie(axisA_, axisB_) = defaultAxes(sc, choices_);
        Q_EMIT choicesChanged();
        Q_EMIT stateChanged();
    }
    recompute();
}

std::optional<analysis::Axis> RaceMapModel::axisFor(int choice) const {
    if (!scenario_ || choice < 0 || choice >= choices_.size()) return std::nullopt;
    std::string spec = choices_[choice].toStdString();
    const bool parameter = spec.find('.') != std::string::npos && scenario_->findEntry(spec) < 0;
    if (parameter) {
        // A parameter or a duration over 0 (or 1) .. twice its value (at least 1 µs), as an
        // entry's time goes over the scenario's span.
        auto probe = analysis::parseAxis(*scenario_, spec + "=1..1");
        if (!std::holds_alternative<analysis::Axis>(probe)) return std::nullopt;
        const auto& p = std::get<analysis::Axis>(probe);
        const bool positive =
            p.kind == analysis::Axis::Kind::EntryDuration ||
            (p.kind == analysis::Axis::Kind::Parameter &&
             analysis::kParameters[static_cast<std::size_t>(p.parameter)].min > 0);
        spec +=
            std::string(positive ? "=1.." : "=0..") +
            std::to_string(std::max<std::int64_t>(1000, 2 * analysis::axisValue(*scenario_, p)));
    }
    auto parsed = analysis::parseAxis(*scenario_, spec);
    if (!std::holds_alternative<analysis::Axis>(parsed)) return std::nullopt;
    auto a = std::get<analysis::Axis>(parsed);
    // A round step (1, 2 or 5 × 10^k ns): a click lands on times a teacher can say out loud.
    const std::int64_t raw = (a.to - a.from + kPointsPerAxis - 1) / kPointsPerAxis;
    a.step = 1;
    for (std::int64_t decade = 1; a.step < raw; decade *= 10)
        for (const std::int64_t m : {1, 2, 5})
            if (a.step < raw) a.step = m * decade;
    a.to = a.from + (a.to - a.from) / a.step * a.step;
    return a;
}

void RaceMapModel::recompute() {
    if (!enabled_ || !scenario_) return;
    if (cancel_) cancel_->store(true);
    pool_.clear();
    const auto a = axisFor(axisA_), b = axisFor(axisB_);
    if (!a || !b || axisA_ == axisB_) {
        summary_ = tr("Choose two different values to vary.");
        Q_EMIT mapChanged();
        return;
    }
    const quint64 generation = ++generation_;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancel_ = cancel;
    busy_ = true;
    Q_EMIT stateChanged();
    pool_.start([this, sc = *scenario_, axes = std::vector{*a, *b}, cancel, generation] {
        analysis::SweepOptions options;
        options.cancel = cancel.get();
        auto result = analysis::sweep(sc, axes, options);
        auto* grid = std::get_if<analysis::Grid>(&result);
        if (!grid || grid->cancelled) return;
        std::string svg = render::writeRaceMapSvg(sc, *grid, {});
        QMetaObject::invokeMethod(
            this,
            [this, generation, g = std::move(*grid), s = std::move(svg)]() mutable {
                deliver(generation, std::move(g), std::move(s));
            },
            Qt::QueuedConnection);
    });
}

void RaceMapModel::deliver(quint64 generation, analysis::Grid grid, std::string svg) {
    if (generation != generation_) return;
    std::map<analysis::OutcomeClass, int> counts;
    for (const auto& o : grid.cells)
        ++counts[o.cls()];
    QStringList parts;
    for (const auto& [cls, n] : counts)
        parts << tr("%1: %2")
                     .arg(QString::fromUtf8(
                         analysis::info(cls).label.data(),
                         static_cast<qsizetype>(analysis::info(cls).label.size())))
                     .arg(n);
    summary_ = parts.join(QStringLiteral(" · "));
    runs_ = static_cast<int>(grid.runs);
    svg_ = QByteArray::fromStdString(svg);
    grid_ = std::move(grid);
    busy_ = false;
    Q_EMIT mapChanged();
    Q_EMIT stateChanged();
}

bool RaceMapModel::choose(double svgX, double svgY) {
    if (!grid_) return false;
    const auto values = render::raceMapValuesAt(*grid_, svgX, svgY);
    if (values.empty()) return false;
    Q_EMIT pointChosen(grid_->axes, values);
    return true;
}

QPointF RaceMapModel::centreOf(qint64 a, qint64 b) const {
    if (!grid_) return {};
    const auto [x, y] = render::raceMapCentreOf(*grid_, a, b);
    return {x, y};
}

void RaceMapModel::waitForReady() {
    pool_.waitForDone();
    QCoreApplication::sendPostedEvents(this);
}

} // namespace uintr::lab
