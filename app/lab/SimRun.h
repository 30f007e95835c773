// One simulation of one scenario, kept for looking at: the recording (trace, summary,
// checkpoints for the inspector's time travel), the timeline layout built from it, the verdict,
// and the causality graph (built on the first "Why", not on every drag frame).
#pragma once

#include "analysis/Causality.h"
#include "render/TimelineDensity.h"
#include "render/TimelineGeometry.h"
#include "scenario/Scenario.h"
#include "sim/Recording.h"

#include <QStringList>
#include <memory>

namespace uintr::lab {

class SimRun {
  public:
    explicit SimRun(scenario::Scenario scenario);
    // A drag frame: `scenario` is previous's with entries moved at or after changedAt; the run
    // resumes from previous's checkpoint before that time (sim::Recording's resume) and lays
    // out only what follows it (render::TimelineLayout over previous's layout), so `previous`
    // is kept alive. With `until` (the right edge of the view) it stops there: a partial run,
    // drawn while the rest is simulated off the GUI thread; its verdict says so.
    SimRun(scenario::Scenario scenario, std::shared_ptr<const SimRun> previous,
           std::int64_t changedAt, std::int64_t until = sim::Recording::kToTheEnd);

    const scenario::Scenario& scenario() const { return recording_->scenario(); }
    const sim::Recording& recording() const { return *recording_; }
    const model::Trace& trace() const { return recording_->trace(); }
    const render::TimelineLayout& layout() const { return layout_; }
    const render::DensityIndex& density() const { return density_; }
    const QStringList& verdict() const { return verdict_; }
    const analysis::CausalityGraph& causality() const;
    bool partial() const { return recording_->partial(); }
    // Laid out over a previous run (which it keeps alive).
    bool layered() const { return previous_ != nullptr; }
    // The same recording laid out on its own: what a commit keeps, so that committed runs do
    // not hold a chain of the runs before them.
    std::shared_ptr<const SimRun> standalone() const;

    int eventCount() const { return static_cast<int>(trace().events.size()); }
    // The last event at or before t (-1 when none): where the playhead's "current event" is.
    int lastEventAtOrBefore(qint64 t) const;
    // The first event strictly after t (-1 when none).
    int firstEventAfter(qint64 t) const;
    std::int64_t endTime() const { return layout_.endTime(); }
    // Event k in one line, "1 300 ns  CPU 1  receiver  spurious_notification: …" (empty when
    // there is no such event), and its kind as the trace spells it ("xsaves").
    QString describeEvent(int event) const;
    QString kindName(int event) const;

  private:
    explicit SimRun(std::shared_ptr<const sim::Recording> recording);
    void judge();

    std::shared_ptr<const SimRun> previous_;
    std::shared_ptr<const sim::Recording> recording_;
    render::TimelineLayout layout_;
    render::DensityIndex density_;
    QStringList verdict_;
    mutable std::unique_ptr<analysis::CausalityGraph> causality_;
};

} // namespace uintr::lab
