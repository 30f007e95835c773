// Building scenarios in code for the engine tests, and the small helpers that run them and look
// events up in a trace. A scenario built here is an ordinary scenario::Scenario: the same one a
// file would give, so every rule of scenario-format.md applies to it.
#pragma once

#include "analysis/Expectations.h"
#include "model/Trace.h"
#include "scenario/Scenario.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"
#include "sim/Simulation.h"
#include "sim/Summary.h"
#include "sim/TraceFormat.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace uintr::test {

using model::EventKind;
using model::TraceEvent;
using scenario::ApicMode;
using scenario::KernelVariant;
using scenario::OpKind;
using scenario::Scenario;
using scenario::TimelineEntry;

class ScenarioBuilder {
  public:
    ScenarioBuilder() {
        s_.title = "built in code";
        s_.machine.cpus = 2;
        s_.machine.ipiLatencyNs = 300;
    }

    ScenarioBuilder& title(std::string t) {
        s_.title = std::move(t);
        return *this;
    }
    ScenarioBuilder& cpus(int n) {
        s_.machine.cpus = n;
        return *this;
    }
    ScenarioBuilder& apic(ApicMode m) {
        s_.machine.apicMode = m;
        return *this;
    }
    ScenarioBuilder& latency(std::int64_t ns) {
        s_.machine.ipiLatencyNs = ns;
        return *this;
    }
    ScenarioBuilder& supported(bool on) {
        s_.machine.uintrSupported = on;
        return *this;
    }
    ScenarioBuilder& variant(KernelVariant v) {
        s_.kernel.variant = v;
        return *this;
    }
    ScenarioBuilder& switchNs(std::int64_t ns) {
        s_.kernel.contextSwitchNs = ns;
        return *this;
    }
    ScenarioBuilder& handlerNs(std::int64_t ns) {
        s_.kernel.handlerNs = ns;
        return *this;
    }
    ScenarioBuilder& selfIpiLatency(std::int64_t ns) {
        s_.machine.selfIpiLatencyNs = ns;
        return *this;
    }
    ScenarioBuilder& enabled(bool on) {
        s_.machine.uintrEnabled = on;
        return *this;
    }
    ScenarioBuilder& xsavesClearsUinv(bool on) {
        s_.machine.xsavesClearsUinv = on;
        return *this;
    }
    ScenarioBuilder& irqNs(std::int64_t ns) {
        s_.kernel.irqNs = ns;
        return *this;
    }
    ScenarioBuilder& endNs(std::int64_t ns) {
        s_.endNs = ns;
        return *this;
    }
    ScenarioBuilder& task(const std::string& name, bool receiver = false) {
        s_.tasks.push_back({name, receiver});
        return *this;
    }
    ScenarioBuilder& connect(const std::string& sender, const std::string& receiver, int vector,
                             int uittIndex) {
        scenario::ConnectionSpec c;
        c.sender = index(sender);
        c.receiver = index(receiver);
        c.vector = vector;
        c.uittIndex = uittIndex;
        c.uittIndexGiven = true;
        s_.connections.push_back(c);
        return *this;
    }
    // A context switch; an empty `task` is idle (JSON null).
    ScenarioBuilder& run(std::int64_t at, int cpu, const std::string& task,
                         const std::string& id = {}) {
        TimelineEntry e;
        e.id = id;
        e.at = at;
        e.kind = TimelineEntry::Kind::ContextSwitch;
        e.cpu = cpu;
        e.runTask = task.empty() ? -1 : index(task);
        s_.timeline.push_back(e);
        return *this;
    }
    ScenarioBuilder& op(std::int64_t at, const std::string& task, OpKind op,
                        std::uint64_t uittIndex = 0, const std::string& id = {}) {
        TimelineEntry e;
        e.id = id;
        e.at = at;
        e.kind = TimelineEntry::Kind::TaskOp;
        e.task = index(task);
        e.op = op;
        e.uittIndex = scenario::hasUittIndex(op) ? uittIndex : 0;
        s_.timeline.push_back(e);
        return *this;
    }
    // `syscall` / `kernel_fpu` with their duration_ns (scenario-format.md "Operations").
    ScenarioBuilder& kernelPath(std::int64_t at, const std::string& task, OpKind kind,
                                std::int64_t durationNs, const std::string& id = {}) {
        op(at, task, kind, 0, id);
        s_.timeline.back().durationNs = durationNs;
        return *this;
    }
    // A CPU entry `{at, cpu, online}`.
    ScenarioBuilder& online(std::int64_t at, int cpu, bool on, const std::string& id = {}) {
        TimelineEntry e;
        e.id = id;
        e.at = at;
        e.kind = TimelineEntry::Kind::CpuOnline;
        e.cpu = cpu;
        e.online = on;
        s_.timeline.push_back(e);
        return *this;
    }
    ScenarioBuilder& send(std::int64_t at, const std::string& task, std::uint64_t uittIndex = 0,
                          const std::string& id = {}) {
        return op(at, task, OpKind::SendUipi, uittIndex, id);
    }

    Scenario build() const { return s_; }
    Scenario& scenario() { return s_; }

  private:
    int index(const std::string& name) const {
        const int i = s_.findTask(name);
        if (i < 0) throw std::invalid_argument("ScenarioBuilder: no task " + name);
        return i;
    }
    Scenario s_;
};

// The seed race of uintr-reference.md §6 / scenarios/seed-race.json, built in code so that a
// test can vary one thing: receiver on CPU 0, sender on CPU 1, SENDUIPI at `sendAt`, receiver
// switched out (to "other") at `outAt` and back at `inAt`.
inline ScenarioBuilder seedRace(std::int64_t sendAt = 1000, std::int64_t outAt = 1100,
                                std::int64_t inAt = 3000) {
    ScenarioBuilder b;
    b.task("receiver", true).task("sender").task("other");
    b.connect("sender", "receiver", 3, 0);
    b.run(0, 0, "receiver", "rx-on").run(0, 1, "sender", "tx-on");
    b.send(sendAt, "sender", 0, "send");
    b.run(outAt, 0, "other", "switch-out").run(inAt, 0, "receiver", "switch-in");
    return b;
}

using sim::RunResult;
using sim::runScenario;

inline std::string sourcePath(const std::string& relative) {
    return std::string(UINTR_SOURCE_DIR) + "/" + relative;
}

// Loads scenarios/NAME (throws if it does not load: a test then fails loudly).
inline Scenario loadScenario(const std::string& name) {
    auto r = scenario::loadScenarioFile(sourcePath("scenarios/" + name));
    if (!r.ok()) throw std::runtime_error(r.error->toString());
    return *r.scenario;
}

using EventPredicate = std::function<bool(const TraceEvent&)>;

// Indices of the events of `kind` (that also satisfy `pred`), in trace order.
inline std::vector<int> eventsOf(const model::Trace& t, EventKind kind,
                                 const EventPredicate& pred = {}) {
    std::vector<int> out;
    for (std::size_t i = 0; i < t.events.size(); ++i)
        if (t.events[i].kind == kind && (!pred || pred(t.events[i])))
            out.push_back(static_cast<int>(i));
    return out;
}

inline int firstOf(const model::Trace& t, EventKind kind, const EventPredicate& pred = {}) {
    const auto all = eventsOf(t, kind, pred);
    return all.empty() ? -1 : all.front();
}

inline int countOf(const model::Trace& t, EventKind kind, const EventPredicate& pred = {}) {
    return static_cast<int>(eventsOf(t, kind, pred).size());
}

inline EventPredicate atTime(std::int64_t t) {
    return [t](const TraceEvent& e) { return e.t == t; };
}

// The time of the first event of `kind`, or -1.
inline std::int64_t timeOfFirst(const model::Trace& t, EventKind kind,
                                const EventPredicate& pred = {}) {
    const int i = firstOf(t, kind, pred);
    return i < 0 ? -1 : t.events[static_cast<std::size_t>(i)].t;
}

} // namespace uintr::test
