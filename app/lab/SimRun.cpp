#include "SimRun.h"

#include "Format.h"
#include "analysis/Verdict.h"
#include "sim/TraceFormat.h"

#include <algorithm>

namespace uintr::lab {

SimRun::SimRun(scenario::Scenario scenario)
    : SimRun(std::make_shared<const sim::Recording>(std::move(scenario))) {}

SimRun::SimRun(std::shared_ptr<const sim::Recording> recording)
    : recording_(std::move(recording)), layout_(recording_->scenario(), recording_->trace()),
      density_(recording_->trace(), layout_.cpuCount()) {
    judge();
}

SimRun::SimRun(scenario::Scenario scenario, std::shared_ptr<const SimRun> previous,
               std::int64_t changedAt, std::int64_t until)
    : previous_(previous->layered() ? previous->standalone() : std::move(previous)),
      recording_(std::make_shared<const sim::Recording>(std::move(scenario), previous_->recording(),
                                                        changedAt, until)),
      layout_(recording_->scenario(), recording_->trace(), previous_->layout(),
              static_cast<int>(recording_->resumedEvents())),
      density_(recording_->trace(), layout_.cpuCount()) {
    if (partial())
        verdict_ << QStringLiteral("Simulated up to %1 (the right edge of the view); the rest "
                                   "of the run follows.")
                        .arg(QString::fromStdString(render::formatTime(trace().endTime())));
    else
        judge();
}

std::shared_ptr<const SimRun> SimRun::standalone() const {
    return std::shared_ptr<const SimRun>(new SimRun(recording_));
}

void SimRun::judge() {
    for (const auto& line :
         analysis::verdict(recording_->scenario(), recording_->trace(), recording_->summary()))
        verdict_ << QString::fromStdString(line);
}

const analysis::CausalityGraph& SimRun::causality() const {
    if (!causality_) causality_ = std::make_unique<analysis::CausalityGraph>(trace());
    return *causality_;
}

int SimRun::lastEventAtOrBefore(qint64 t) const {
    const auto& ev = trace().events;
    const auto it = std::upper_bound(ev.begin(), ev.end(), t,
                                     [](qint64 v, const model::TraceEvent& e) { return v < e.t; });
    return static_cast<int>(it - ev.begin()) - 1;
}

int SimRun::firstEventAfter(qint64 t) const {
    const int i = lastEventAtOrBefore(t) + 1;
    return i < eventCount() ? i : -1;
}

QString SimRun::kindName(int event) const {
    if (event < 0 || event >= eventCount()) return {};
    const auto name = model::kindName(trace().events[static_cast<std::size_t>(event)].kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString SimRun::describeEvent(int event) const {
    if (event < 0 || event >= eventCount()) return {};
    const auto& e = trace().events[static_cast<std::size_t>(event)];
    const auto& sc = scenario();
    QString where = e.cpu >= 0 ? QStringLiteral("CPU %1").arg(e.cpu) : QStringLiteral("—");
    return QStringLiteral("%1  %2  %3  %4: %5")
        .arg(formatNs(e.t), where, QString::fromStdString(sc.taskName(e.task)), kindName(event),
             QString::fromStdString(sim::describeEvent(e, sc)));
}

} // namespace uintr::lab
