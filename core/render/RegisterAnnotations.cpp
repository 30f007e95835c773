#include "render/RegisterAnnotations.h"

#include "arch/Upid.h"
#include "render/TimelineGeometry.h"
#include "sim/Recording.h"
#include "sim/TraceFormat.h"

#include <cstdio>

namespace uintr::render {

namespace {

using sim::hexText;
using sim::vectorsText;

std::string receiverLine(const sim::Simulation& s, int task) {
    const model::Machine& m = s.state();
    const model::TaskState& t = m.tasks[static_cast<std::size_t>(task)];
    std::string line = s.scenarioRef().taskName(task) + ":";
    if (const auto u = arch::Upid::load(m.memory, t.upid)) {
        line += " UPID ON=" + std::to_string(u->on()) + " SN=" + std::to_string(u->sn()) +
                " NV=" + hexText(u->nv()) + " NDST=" + hexText(u->ndst()) +
                " PIR=" + vectorsText(u->pir);
    }
    line += "  UIRR=" + vectorsText(m.uirrOf(task));
    if (t.status == model::TaskStatus::Running && t.cpu >= 0)
        line += "  on CPU " + std::to_string(t.cpu) +
                " (UINV=" + hexText(m.cpus[static_cast<std::size_t>(t.cpu)].lp.msrs.uinv()) + ")";
    else
        line += "  switched out";
    return line;
}

} // namespace

std::vector<RegisterAnnotation> registerAnnotations(const scenario::Scenario& sc,
                                                    const std::vector<std::int64_t>& instants) {
    std::vector<RegisterAnnotation> out;
    if (instants.empty()) return out;
    const sim::Recording recording(sc);
    for (std::int64_t t : instants) {
        RegisterAnnotation a;
        a.t = t;
        const sim::Simulation s = recording.stateAt(t);
        for (std::size_t i = 0; i < sc.tasks.size(); ++i)
            if (sc.tasks[i].receiver) a.lines.push_back(receiverLine(s, static_cast<int>(i)));
        for (const auto& f : s.inFlight())
            a.lines.push_back("IPI " + hexText(f.vector) + " in flight to CPU " +
                              std::to_string(f.cpu) + ", lands at " + formatTime(f.arrival));
        if (a.lines.empty()) a.lines.push_back("no receiver");
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace uintr::render
