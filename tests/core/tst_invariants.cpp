// Properties every run must have, checked on 1,200 generated scenarios (a seeded
// std::mt19937_64: the same scenarios every time). Random CPUs, tasks, receivers, connections,
// timelines of switches and operations (clui, stui, testui, uintr_wait, exit and SENDUIPI with
// valid and invalid UITT indices), latencies, durations, all kernel variants, both APIC modes,
// the feature on and off. Each property cites its rule; a failure names the seed, so
//   UINTR_INVARIANT_SEED=N core_tst_invariants
// re-runs that one scenario and prints it.
#include "ScenarioBuilder.h"
#include "arch/Fault.h"
#include "scenario/ScenarioIO.h"
#include "sim/Recording.h"

#include <QObject>
#include <QTest>
#include <bit>
#include <cstdlib>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace uintr;
using namespace uintr::test;
using model::EventKind;

namespace {

constexpr std::uint64_t kBaseSeed = 0x55494E5452ULL; // "UINTR"
const int kScenarios =
    std::getenv("UINTR_INVARIANT_COUNT") ? std::atoi(std::getenv("UINTR_INVARIANT_COUNT")) : 1200;

class Gen {
  public:
    explicit Gen(std::uint64_t seed) : rng_(seed) {}
    int in(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    std::int64_t in64(std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <class T> const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(in(0, static_cast<int>(v.size()) - 1))];
    }

  private:
    std::mt19937_64 rng_;
};

std::int64_t someDuration(Gen& g, std::int64_t big) {
    switch (g.in(0, 3)) {
    case 0:
        return 0;
    case 1:
        return g.in64(1, 40);
    default:
        return g.in64(41, big);
    }
}

scenario::Scenario randomScenario(std::uint64_t seed) {
    Gen g(seed);
    ScenarioBuilder b;
    b.title("generated " + std::to_string(seed));
    const int cpus = g.in(1, 4);
    const int tasks = g.in(1, 5);
    b.cpus(cpus)
        .apic(g.chance(0.5) ? ApicMode::XApic : ApicMode::X2Apic)
        .latency(someDuration(g, 700))
        .supported(g.chance(0.85))
        .variant(static_cast<KernelVariant>(g.in(0, 2)))
        .handlerNs(someDuration(g, 500))
        .switchNs(g.chance(0.5) ? 0 : someDuration(g, 300));
    std::vector<std::string> names;
    std::vector<std::string> receivers;
    for (int i = 0; i < tasks; ++i) {
        names.push_back("t" + std::to_string(i));
        const bool rx = g.chance(0.6);
        b.task(names.back(), rx);
        if (rx) receivers.push_back(names.back());
    }
    // Connections: UITT indices 0..7, distinct per sender; vectors often shared (0..4) so that
    // posts coalesce, sometimes anywhere in 0..63.
    std::map<std::string, std::vector<int>> indices;
    const int connections = receivers.empty() ? 0 : g.in(0, 6);
    for (int i = 0; i < connections; ++i) {
        const std::string& sender = g.pick(names);
        auto& used = indices[sender];
        if (used.size() >= 8) continue;
        int index = g.in(0, 7);
        while (std::find(used.begin(), used.end(), index) != used.end())
            index = (index + 1) % 8;
        used.push_back(index);
        b.connect(sender, g.pick(receivers), g.chance(0.7) ? g.in(0, 4) : g.in(0, 63), index);
    }
    // Timeline in time order (ties in file order), kept consistent with "a task runs on at most
    // one CPU at a time" by replaying the switches as the loader does.
    std::vector<int> running(static_cast<std::size_t>(cpus), -1);
    auto runnable = [&](int cpu) {
        std::vector<int> out{-1};
        for (int t = 0; t < tasks; ++t)
            if (std::find(running.begin(), running.end(), t) == running.end() ||
                running[static_cast<std::size_t>(cpu)] == t)
                out.push_back(t);
        return out;
    };
    auto doSwitch = [&](std::int64_t at, int cpu, int task, const std::string& id) {
        b.run(at, cpu, task < 0 ? std::string() : names[static_cast<std::size_t>(task)], id);
        running[static_cast<std::size_t>(cpu)] = task;
    };
    int idCount = 0;
    auto maybeId = [&]() {
        return g.chance(0.3) ? "e" + std::to_string(idCount++) : std::string();
    };
    for (int cpu = 0; cpu < cpus; ++cpu)
        if (g.chance(0.8)) {
            const auto options = runnable(cpu);
            const int task = g.pick(options);
            if (task >= 0) doSwitch(0, cpu, task, maybeId());
        }
    std::int64_t t = 0;
    const int entries = g.in(3, 30);
    for (int i = 0; i < entries; ++i) {
        const int gap = g.in(0, 9);
        t += gap < 2 ? 0 : gap < 6 ? g.in64(1, 150) : g.in64(151, 900);
        if (g.chance(0.35)) {
            const int cpu = g.in(0, cpus - 1);
            doSwitch(t, cpu, g.pick(runnable(cpu)), maybeId());
            continue;
        }
        const int task = g.in(0, tasks - 1);
        const std::string& name = names[static_cast<std::size_t>(task)];
        const int roll = g.in(0, 99);
        if (roll < 48) {
            std::uint64_t index = 0;
            const auto& mine = indices[name];
            const int kind = g.in(0, 19);
            if (!mine.empty() && kind < 15)
                index = static_cast<std::uint64_t>(g.pick(mine));
            else if (kind < 19)
                index = static_cast<std::uint64_t>(g.in(0, 9)); // often V = 0
            else
                index = g.chance(0.5) ? 256 : ~std::uint64_t{0}; // past UITTSZ
            b.send(t, name, index, maybeId());
        } else if (roll < 60) {
            b.op(t, name, OpKind::Clui, 0, maybeId());
        } else if (roll < 74) {
            b.op(t, name, OpKind::Stui, 0, maybeId());
        } else if (roll < 82) {
            b.op(t, name, OpKind::Testui, 0, maybeId());
        } else if (roll < 97) {
            b.op(t, name, OpKind::UintrWait, 0, maybeId());
        } else {
            b.op(t, name, OpKind::Exit, 0, maybeId());
        }
    }
    return b.build();
}

struct Case {
    std::uint64_t seed = 0;
    scenario::Scenario sc;
    RunResult run;
    std::string json;
};

std::vector<Case>& cases() {
    static std::vector<Case> all;
    return all;
}

std::string jsonOf(const RunResult& r, const scenario::Scenario& sc) {
    return sim::traceToJson(r.trace, r.summary, sc);
}

QString where(const Case& c, std::size_t event = SIZE_MAX) {
    QString s = QStringLiteral("seed %1").arg(c.seed);
    if (event != SIZE_MAX) {
        const auto j = sim::eventToJson(c.run.trace.events[event], c.sc);
        s += QStringLiteral(", event %1: %2").arg(event).arg(QString::fromStdString(j.dump()));
    }
    return s;
}

// CHECK_CASE(condition, case) or CHECK_CASE(condition, case, event index).
#define CHECK_CASE(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond))                                                                               \
            QFAIL(qPrintable(                                                                      \
                QStringLiteral("%1: %2").arg(QStringLiteral(#cond), where(__VA_ARGS__))));         \
    } while (0)

} // namespace

class TestInvariants : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void generatorCoversTheCases();
    void consistentAndLoadable();
    void noStepLimit();
    void conservationOfPostedVectors();
    void noDeliveryWhileMasked();
    void uisEqualsSpuriousEvents();
    void countersMatchEvents();
    void onlyInstructionsFault();
    void deliveredVectorsWereConnected();
    void snSuppressesOnlyOffCpuReceivers();
    void sameInputSameBytes();
    void timeNeverGoesBack();
    void causesPointBackwards();
    void saveLoadSameTrace();
    void eachEntryWaitsAtMostOnce();
};

void TestInvariants::initTestCase() {
    if (const char* only = std::getenv("UINTR_INVARIANT_SEED")) {
        const std::uint64_t seed = std::strtoull(only, nullptr, 0);
        Case c{seed, randomScenario(seed), {}, {}};
        std::cout << scenario::saveScenarioText(c.sc);
        c.run = runScenario(c.sc);
        std::cout << sim::traceToText(c.run.trace, c.run.summary, c.sc);
        c.json = jsonOf(c.run, c.sc);
        cases().push_back(std::move(c));
        return;
    }
    cases().reserve(kScenarios);
    for (int i = 0; i < kScenarios; ++i) {
        const std::uint64_t seed = kBaseSeed + static_cast<std::uint64_t>(i);
        Case c{seed, randomScenario(seed), {}, {}};
        c.run = runScenario(c.sc);
        c.json = jsonOf(c.run, c.sc);
        cases().push_back(std::move(c));
    }
}

// The generator must actually reach the situations the properties are about; otherwise the
// properties below would pass vacuously.
void TestInvariants::generatorCoversTheCases() {
    if (cases().size() < std::size_t(kScenarios)) QSKIP("single seed");
    std::set<EventKind> kinds;
    std::set<int> variants, faultReasons;
    int unsupported = 0, xapic = 0, slowSwitch = 0, merges = 0;
    for (const Case& c : cases()) {
        variants.insert(static_cast<int>(c.sc.kernel.variant));
        unsupported += !c.sc.machine.uintrSupported;
        xapic += c.sc.machine.apicMode == ApicMode::XApic;
        slowSwitch += c.sc.kernel.contextSwitchNs > 0;
        for (const auto& e : c.run.trace.events) {
            kinds.insert(e.kind);
            if (e.kind == EventKind::Fault) faultReasons.insert(e.reason);
            if (e.kind == EventKind::IpiSuppressed && e.reason == 1) ++merges;
        }
    }
    QCOMPARE(variants.size(), std::size_t(3));
    QVERIFY(unsupported > 50);
    QVERIFY(xapic > 300);
    QVERIFY(slowSwitch > 300);
    QVERIFY(merges > 10);
    for (EventKind k :
         {EventKind::SpuriousNotification, EventKind::UserInterruptDelivered, EventKind::SelfIpi,
          EventKind::Blocked, EventKind::Woken, EventKind::KernelVector, EventKind::Exit,
          EventKind::OpDeferred, EventKind::IpiSuppressed, EventKind::Uiret,
          EventKind::WaitReturned, EventKind::SwitchIgnored})
        QVERIFY2(kinds.count(k), std::string(model::kindName(k)).c_str());
    for (auto r : {arch::FaultReason::IndexPastUittsz, arch::FaultReason::UittEntryInvalid,
                   arch::FaultReason::SendDisabled, arch::FaultReason::NoCpuFeature})
        QVERIFY2(faultReasons.count(static_cast<int>(r)), arch::toString(r));
}

// The generator keeps scenario-format.md's rule that a task runs on one CPU at a time.
void TestInvariants::consistentAndLoadable() {
    for (const Case& c : cases())
        CHECK_CASE(!scenario::checkConsistency(c.sc), c);
}

void TestInvariants::noStepLimit() {
    for (const Case& c : cases())
        CHECK_CASE(!c.run.hitStepLimit, c);
}

// cli.md summary.pending_at_end: "nothing may vanish: every posted vector is either delivered or
// listed here". Counted per (task, vector) bit: a post that finds its PIR bit set adds nothing
// (one bit), and notification processing ORs PIR into UIRR (uintr-reference.md §3), so a bit
// that meets the same bit in UIRR merges with it. Every event's own PIR/UIRR value must agree
// with the bits tracked here.
void TestInvariants::conservationOfPostedVectors() {
    for (const Case& c : cases()) {
        const std::size_t n = c.sc.tasks.size();
        std::vector<std::uint64_t> pir(n, 0), uirr(n, 0);
        long long posts = 0, delivered = 0, merged = 0;
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            const std::uint64_t bit =
                e.vector >= 0 && e.vector < 64 ? std::uint64_t{1} << e.vector : 0;
            switch (e.kind) {
            case EventKind::PirPosted: {
                CHECK_CASE(e.task >= 0, c, i);
                auto& p = pir[static_cast<std::size_t>(e.task)];
                if (!(p & bit)) ++posts;
                p |= bit;
                CHECK_CASE(p == e.value, c, i);
                break;
            }
            case EventKind::NotificationProcessed: {
                CHECK_CASE(e.task >= 0, c, i);
                auto& p = pir[static_cast<std::size_t>(e.task)];
                auto& u = uirr[static_cast<std::size_t>(e.task)];
                CHECK_CASE(e.value == p, c, i);
                merged += std::popcount(p & u);
                u |= p;
                p = 0;
                break;
            }
            case EventKind::UserInterruptDelivered: {
                auto& u = uirr[static_cast<std::size_t>(e.task)];
                CHECK_CASE((u & bit) != 0, c, i); // delivered at most once per requested bit
                u &= ~bit;
                ++delivered;
                CHECK_CASE(u == e.value, c, i);
                break;
            }
            case EventKind::Xrstors:
                if (c.sc.tasks[static_cast<std::size_t>(e.task)].receiver)
                    CHECK_CASE(e.value == uirr[static_cast<std::size_t>(e.task)], c, i);
                break;
            default:
                break;
            }
        }
        long long stillHeld = 0;
        for (const auto& p : c.run.summary.pendingAtEnd) {
            CHECK_CASE(p.pir == pir[static_cast<std::size_t>(p.task)], c);
            CHECK_CASE(p.uirr == uirr[static_cast<std::size_t>(p.task)], c);
            stillHeld += std::popcount(p.pir) + std::popcount(p.uirr);
        }
        CHECK_CASE(posts == delivered + merged + stillHeld, c);
        CHECK_CASE(static_cast<long long>(c.run.summary.userInterrupts.size()) == delivered, c);
    }
}

// uintr-reference.md §3: delivery needs UIF = 1 and CPL = 3. UIF is followed per task through
// the events that change it (CLUI, delivery: 0; STUI, UIRET: 1; XSAVES/XRSTORS carry it with the
// task); receivers start with UIF = 1. CPL 3 means the task is the one running on that CPU, not
// inside a switch: a context_switch event puts the CPU in the kernel until the incoming task's
// XRSTORS (a time-0 placement is immediate). When the delivery is the last event of its engine
// step, the recorded machine after that step must show the same.
void TestInvariants::noDeliveryWhileMasked() {
    for (const Case& c : cases()) {
        if (!c.sc.machine.uintrSupported) {
            CHECK_CASE(c.run.summary.userInterrupts.empty(), c);
            continue;
        }
        std::vector<bool> uif;
        for (const auto& t : c.sc.tasks)
            uif.push_back(t.receiver);
        std::vector<int> current(static_cast<std::size_t>(c.sc.machine.cpus), -1);
        std::vector<int> incoming(current.size(), -1);
        const sim::Recording rec(c.sc, 64);
        const auto& ev = rec.trace().events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            const auto cpu = static_cast<std::size_t>(e.cpu);
            switch (e.kind) {
            case EventKind::ContextSwitch:
                current[cpu] = (e.flags & model::kFlagInitial) ? e.task : -1;
                incoming[cpu] = e.task;
                break;
            case EventKind::Xrstors:
                CHECK_CASE(incoming[cpu] == e.task, c, i);
                current[cpu] = e.task;
                break;
            case EventKind::Clui:
                uif[static_cast<std::size_t>(e.task)] = false;
                break;
            case EventKind::Stui:
            case EventKind::Uiret:
                uif[static_cast<std::size_t>(e.task)] = true;
                break;
            case EventKind::UserInterruptDelivered: {
                CHECK_CASE(uif[static_cast<std::size_t>(e.task)], c, i);
                CHECK_CASE(current[cpu] == e.task, c, i);
                uif[static_cast<std::size_t>(e.task)] = false;
                if (i + 1 < ev.size() && ev[i + 1].step == e.step) break;
                const auto s = rec.stateAfterStep(e.step);
                const auto& state = s.state().cpus[cpu];
                CHECK_CASE(state.task == e.task, c, i);
                CHECK_CASE(state.lp.cpl == arch::Cpl::User, c, i);
                CHECK_CASE(!state.switching, c, i);
                CHECK_CASE(!state.lp.uif, c, i);
                CHECK_CASE(s.state().tasks[static_cast<std::size_t>(e.task)].inHandler, c, i);
                break;
            }
            default:
                break;
            }
        }
    }
}

// cli.md summary.proc_interrupts: UIS counts the notification vectors taken through the IDT,
// per CPU; no UIS line without the feature.
void TestInvariants::uisEqualsSpuriousEvents() {
    for (const Case& c : cases()) {
        const auto& s = c.run.summary;
        std::vector<std::uint64_t> perCpu(static_cast<std::size_t>(c.sc.machine.cpus), 0);
        for (const auto& e : c.run.trace.events)
            if (e.kind == EventKind::SpuriousNotification) {
                ++perCpu[static_cast<std::size_t>(e.cpu)];
                CHECK_CASE(e.vector == c.sc.machine.notificationVector, c);
            }
        CHECK_CASE(s.uis == perCpu, c);
        CHECK_CASE(s.spurious.size() == static_cast<std::size_t>(std::accumulate(
                                            perCpu.begin(), perCpu.end(), std::uint64_t{0})),
                   c);
        CHECK_CASE(s.hasUisLine == c.sc.machine.uintrSupported, c);
        const auto proc = sim::summaryToJson(s, c.sc)["proc_interrupts"];
        CHECK_CASE(proc.contains("UIS") == c.sc.machine.uintrSupported, c);
    }
}

// cli.md: ipis_sent counts the IPIs sent by SENDUIPI (not self-IPIs); faults counts the faults.
void TestInvariants::countersMatchEvents() {
    for (const Case& c : cases()) {
        const auto& t = c.run.trace;
        CHECK_CASE(c.run.summary.ipisSent == std::uint64_t(countOf(t, EventKind::IpiSent)), c);
        CHECK_CASE(c.run.summary.faults == std::uint64_t(countOf(t, EventKind::Fault)), c);
        // Every IPI sent or self-IPI arrives (nothing is in flight at the end, no APIC ID is
        // unknown: NDST is always written by the kernel with a CPU of this machine).
        CHECK_CASE(countOf(t, EventKind::IpiLost) == 0, c);
        CHECK_CASE(countOf(t, EventKind::IpiArrived) ==
                       countOf(t, EventKind::IpiSent) + countOf(t, EventKind::SelfIpi),
                   c);
    }
}

// The kernel model never faults: only the instructions of the timeline do, and only with the
// #UD / #GP conditions of uintr-reference.md §1-§2 (every address the kernel sets up is mapped,
// canonical and aligned; XRSTORS always follows an XSAVES that cleared UINV, §4).
void TestInvariants::onlyInstructionsFault() {
    for (const Case& c : cases()) {
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            if (e.kind != EventKind::Fault) continue;
            CHECK_CASE(e.op >= 0, c, i);
            const auto kind = static_cast<arch::FaultKind>(e.faultKind);
            const auto reason = static_cast<arch::FaultReason>(e.reason);
            CHECK_CASE(kind != arch::FaultKind::PF, c, i);
            if (!c.sc.machine.uintrSupported)
                CHECK_CASE(kind == arch::FaultKind::UD && reason == arch::FaultReason::NoCpuFeature,
                           c, i);
            else
                CHECK_CASE(static_cast<scenario::OpKind>(e.op) == OpKind::SendUipi, c, i);
        }
    }
}

// A delivered (task, vector) must be one some connection posts to that task.
void TestInvariants::deliveredVectorsWereConnected() {
    for (const Case& c : cases()) {
        std::set<std::pair<int, int>> connected;
        for (const auto& k : c.sc.connections)
            connected.insert({k.receiver, k.vector});
        for (const auto& d : c.run.summary.userInterrupts)
            CHECK_CASE(connected.count({d.task, d.vector}) == 1, c);
    }
}

// uintr-reference.md §5/§6: SN is set only for a receiver that is not on a CPU (switched out,
// or woken and not yet back), so a SENDUIPI suppressed by SN never targets a running receiver,
// and under rfc-v1 a receiver that runs is never missed for SN.
void TestInvariants::snSuppressesOnlyOffCpuReceivers() {
    for (const Case& c : cases()) {
        const auto& ev = c.run.trace.events;
        bool any = false;
        for (const auto& e : ev)
            any = any || (e.kind == EventKind::IpiSuppressed && e.reason == 0);
        if (!any) continue;
        const sim::Recording rec(c.sc, 64);
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            if (e.kind != EventKind::IpiSuppressed || e.reason != 0) continue;
            const auto s = rec.stateAfterStep(e.step);
            CHECK_CASE(s.state().tasks[static_cast<std::size_t>(e.other)].status !=
                           model::TaskStatus::Running,
                       c, i);
        }
    }
}

// cli.md: events "ties broken deterministically, the same way every run"; TraceFormat: the JSON
// is byte-stable for a given run.
void TestInvariants::sameInputSameBytes() {
    for (const Case& c : cases()) {
        const auto again = runScenario(c.sc);
        CHECK_CASE(jsonOf(again, c.sc) == c.json, c);
        const sim::Recording rec(c.sc, 7);
        CHECK_CASE(sim::traceToJson(rec.trace(), rec.summary(), c.sc) == c.json, c);
    }
}

// cli.md: events are in time order.
void TestInvariants::timeNeverGoesBack() {
    for (const Case& c : cases()) {
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 1; i < ev.size(); ++i)
            CHECK_CASE(ev[i - 1].t <= ev[i].t, c, i);
        for (std::size_t i = 1; i < ev.size(); ++i)
            CHECK_CASE(ev[i - 1].step <= ev[i].step, c, i);
    }
}

// Causality.h: a cause precedes its effect in the trace (the graph is acyclic).
void TestInvariants::causesPointBackwards() {
    for (const Case& c : cases()) {
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            CHECK_CASE(ev[i].cause < static_cast<int>(i), c, i);
            CHECK_CASE(ev[i].cause2 < static_cast<int>(i), c, i);
            if (ev[i].cause >= 0)
                CHECK_CASE(ev[static_cast<std::size_t>(ev[i].cause)].t <= ev[i].t, c, i);
        }
    }
}

// ScenarioIO.h: load(save(s)) == s, so the saved file runs the same.
void TestInvariants::saveLoadSameTrace() {
    for (const Case& c : cases()) {
        const std::string text = scenario::saveScenarioText(c.sc);
        const auto loaded = scenario::loadScenarioText(text, "generated.json");
        if (!loaded.ok())
            QFAIL(qPrintable(where(c) + ": " + QString::fromStdString(loaded.error->toString())));
        CHECK_CASE(jsonOf(runScenario(*loaded.scenario), *loaded.scenario) == c.json, c);
        CHECK_CASE(scenario::saveScenarioText(*loaded.scenario) == text, c);
    }
}

// scenario-format.md: an operation that cannot run "waits until it runs again (and the trace says
// so)": once per timeline entry, however many switches it waits behind.
void TestInvariants::eachEntryWaitsAtMostOnce() {
    for (const Case& c : cases()) {
        std::set<int> waited;
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i)
            if (ev[i].kind == EventKind::OpDeferred)
                CHECK_CASE(waited.insert(ev[i].entry).second, c, i);
    }
}

QTEST_APPLESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
