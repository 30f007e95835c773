// Properties every run must have, checked on 1,200 generated scenarios (a seeded
// std::mt19937_64: the same scenarios every time). Random CPUs, tasks, receivers, connections,
// timelines of switches, CPU offline/online entries and operations (clui, stui, testui,
// uintr_wait, exit, SENDUIPI with valid and invalid UITT indices, syscall and kernel_fpu with
// durations, uintr_unregister_sender/_handler), latencies (the self-IPI's too), durations,
// kernel.irq_ns, end_ns, all four kernel variants, both APIC modes, the feature on, off and
// "available but not enabled", XSAVES that keeps UINV. Each property cites its rule; a failure
// names the seed, so
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
        .enabled(g.chance(0.9))
        .xsavesClearsUinv(g.chance(0.85))
        .selfIpiLatency(g.chance(0.5) ? 0 : someDuration(g, 400))
        // irq_ns >= 40 keeps a misc-restore-bug storm (one round per irq_ns + L up to the
        // horizon) to a few thousand events.
        .irqNs(g.chance(0.5) ? 100 : g.in64(40, 300))
        .variant(static_cast<KernelVariant>(g.in(0, 3)))
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
        if (g.chance(0.06)) {
            // A CPU entry: offline or online, also when it already is (switch_ignored).
            b.online(t, g.in(0, cpus - 1), g.chance(0.5), maybeId());
            continue;
        }
        if (g.chance(0.33)) {
            const int cpu = g.in(0, cpus - 1);
            doSwitch(t, cpu, g.pick(runnable(cpu)), maybeId());
            continue;
        }
        const int task = g.in(0, tasks - 1);
        const std::string& name = names[static_cast<std::size_t>(task)];
        const int roll = g.in(0, 99);
        if (roll >= 88) {
            // The kernel paths of scenario-format.md "Operations".
            const int k = g.in(0, 9);
            if (k < 3) {
                b.kernelPath(t, name, OpKind::Syscall, g.in64(1, 1200), maybeId());
            } else if (k < 6) {
                b.kernelPath(t, name, OpKind::KernelFpu, g.in64(1, 1200), maybeId());
            } else if (k < 8) {
                const auto& mine = indices[name];
                const std::uint64_t index = !mine.empty() && g.chance(0.8)
                                                ? static_cast<std::uint64_t>(g.pick(mine))
                                                : static_cast<std::uint64_t>(g.in(0, 9));
                b.op(t, name, OpKind::UnregisterSender, index, maybeId());
            } else {
                b.op(t, name, OpKind::UnregisterHandler, 0, maybeId());
            }
            continue;
        }
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
        } else if (roll < 86) {
            b.op(t, name, OpKind::UintrWait, 0, maybeId());
        } else {
            b.op(t, name, OpKind::Exit, 0, maybeId());
        }
    }
    // end_ns: sometimes inside the timeline (later entries do not run), sometimes after it.
    if (g.chance(0.3)) b.endNs(g.in64(0, t + 3000));
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
    void everyVectorAccounted();
    void blockedAtEndMatchesTrace();
    void oneReturnPerKernelEntry();
    void stoppedAtTheRightTime();
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
    std::set<int> variants, faultReasons, stops, lostCauses;
    int unsupported = 0, xapic = 0, slowSwitch = 0, merges = 0, notEnabled = 0, keepsUinv = 0,
        endNs = 0, slowSelfIpi = 0;
    for (const Case& c : cases()) {
        variants.insert(static_cast<int>(c.sc.kernel.variant));
        stops.insert(static_cast<int>(c.run.summary.stopReason));
        unsupported += !c.sc.machine.uintrSupported;
        notEnabled += c.sc.machine.uintrSupported && !c.sc.machine.uintrEnabled;
        keepsUinv += !c.sc.machine.xsavesClearsUinv;
        endNs += c.sc.endNs.has_value();
        slowSelfIpi += c.sc.machine.selfIpiLatencyNs > 0;
        xapic += c.sc.machine.apicMode == ApicMode::XApic;
        slowSwitch += c.sc.kernel.contextSwitchNs > 0;
        for (const auto& l : c.run.summary.lost)
            lostCauses.insert(l.cause == "exit"                   ? 0
                              : l.cause == "handler_unregistered" ? 1
                              : l.cause == "xrstors"              ? 2
                              : l.cause == "end"                  ? 3
                                                                  : 4);
        for (const auto& e : c.run.trace.events) {
            kinds.insert(e.kind);
            if (e.kind == EventKind::Fault) faultReasons.insert(e.reason);
            if (e.kind == EventKind::IpiSuppressed && e.reason == 1) ++merges;
        }
    }
    QCOMPARE(variants.size(), std::size_t(4));
    QCOMPARE(stops, (std::set<int>{int(sim::StopReason::Idle), int(sim::StopReason::EndNs),
                                   int(sim::StopReason::Horizon)}));
    QCOMPARE(lostCauses, (std::set<int>{0, 1, 2, 3}));
    QVERIFY(notEnabled > 30);
    QVERIFY(keepsUinv > 50);
    QVERIFY(endNs > 200);
    QVERIFY(slowSelfIpi > 300);
    QVERIFY(unsupported > 50);
    QVERIFY(xapic > 300);
    QVERIFY(slowSwitch > 300);
    QVERIFY(merges > 10);
    for (EventKind k : {EventKind::SpuriousNotification,
                        EventKind::UserInterruptDelivered,
                        EventKind::SelfIpi,
                        EventKind::Blocked,
                        EventKind::Woken,
                        EventKind::KernelVector,
                        EventKind::Exit,
                        EventKind::OpDeferred,
                        EventKind::IpiSuppressed,
                        EventKind::Uiret,
                        EventKind::WaitReturned,
                        EventKind::SwitchIgnored,
                        EventKind::KernelEnter,
                        EventKind::KernelReturn,
                        EventKind::UintrReturn,
                        EventKind::IrqReturn,
                        EventKind::UittEntryCleared,
                        EventKind::UittTornDown,
                        EventKind::HandlerUnregistered,
                        EventKind::SyscallRejected,
                        EventKind::VectorLost,
                        EventKind::CpuOffline,
                        EventKind::CpuOnline,
                        EventKind::IpiLost,
                        EventKind::NdstMoved})
        QVERIFY2(kinds.count(k), std::string(model::kindName(k)).c_str());
    for (auto r : {arch::FaultReason::IndexPastUittsz, arch::FaultReason::UittEntryInvalid,
                   arch::FaultReason::SendDisabled, arch::FaultReason::NoCpuFeature,
                   arch::FaultReason::Cr4UintrClear})
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
// with the bits tracked here. A vector_lost event (cli.md summary.lost: unregister and exit zero
// UIRR) takes its bit out of the account. With machine.xsaves_clears_uinv false a notification
// processed while its task's state is saved (between its xsaves and its next xrstors) goes into
// the live UIRR of that CPU, which is no longer the task's, and so does one processed on a CPU
// the task has left, whose PD and UINV are still live (scenario-format.md
// `xsaves_clears_uinv`): tracked per CPU, destroyed by the next XRSTORS there or the end. That
// live UIRR still holds a copy of what the XSAVES saved; a post landing on a bit of that copy
// merges with it (the task gets that vector from its saved state anyway).
void TestInvariants::conservationOfPostedVectors() {
    for (const Case& c : cases()) {
        const std::size_t n = c.sc.tasks.size();
        std::vector<std::uint64_t> pir(n, 0), uirr(n, 0);
        std::vector<std::uint64_t> orphan(static_cast<std::size_t>(c.sc.machine.cpus), 0);
        std::vector<std::uint64_t> staleCopy(orphan.size(), 0);
        std::vector<int> current(orphan.size(), -1);
        std::vector<bool> saved(n, true); // time-0 placement loads the state without an xrstors
        long long posts = 0, delivered = 0, merged = 0, lost = 0;
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
            case EventKind::ContextSwitch:
                current[static_cast<std::size_t>(e.cpu)] = e.task;
                if ((e.flags & model::kFlagInitial) && e.task >= 0)
                    saved[static_cast<std::size_t>(e.task)] = false;
                break;
            case EventKind::Xsaves:
                saved[static_cast<std::size_t>(e.task)] = true;
                if (!c.sc.machine.xsavesClearsUinv)
                    staleCopy[static_cast<std::size_t>(e.cpu)] =
                        uirr[static_cast<std::size_t>(e.task)];
                break;
            case EventKind::NotificationProcessed: {
                CHECK_CASE(e.task >= 0, c, i);
                auto& p = pir[static_cast<std::size_t>(e.task)];
                const bool orphaned = !c.sc.machine.xsavesClearsUinv &&
                                      (saved[static_cast<std::size_t>(e.task)] ||
                                       current[static_cast<std::size_t>(e.cpu)] != e.task);
                auto& u = orphaned ? orphan[static_cast<std::size_t>(e.cpu)]
                                   : uirr[static_cast<std::size_t>(e.task)];
                CHECK_CASE(e.value == p, c, i);
                if (orphaned) {
                    const std::uint64_t copy = staleCopy[static_cast<std::size_t>(e.cpu)];
                    merged += std::popcount(p & copy & ~u);
                    p &= ~copy;
                }
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
            case EventKind::VectorLost: {
                const bool fromOrphan =
                    (e.flags & model::kFlagAtEnd) ||
                    (e.cause >= 0 &&
                     ev[static_cast<std::size_t>(e.cause)].kind == EventKind::Xrstors);
                auto& u = fromOrphan ? orphan[static_cast<std::size_t>(e.cpu)]
                                     : uirr[static_cast<std::size_t>(e.task)];
                CHECK_CASE((u & bit) != 0, c, i);
                u &= ~bit;
                ++lost;
                break;
            }
            case EventKind::Xrstors:
                saved[static_cast<std::size_t>(e.task)] = false;
                staleCopy[static_cast<std::size_t>(e.cpu)] = 0;
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
        for (std::uint64_t o : orphan)
            CHECK_CASE(o == 0, c); // the end of the run destroyed every orphan
        CHECK_CASE(posts == delivered + merged + stillHeld + lost, c);
        CHECK_CASE(static_cast<long long>(c.run.summary.lost.size()) == lost, c);
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
        if (!c.sc.machine.uintrSupported || !c.sc.machine.uintrEnabled) {
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
// per CPU, one column per CPU online at the end (for_each_online_cpu; the CPUs online are
// followed through the cpu_offline / cpu_online events). The line itself: rfc-v1, no-sn and
// misc-restore-bug always print it (the reviewer's complaint), reviewed only where the feature
// is available and enabled (scenario-format.md, kernel variants).
void TestInvariants::uisEqualsSpuriousEvents() {
    for (const Case& c : cases()) {
        const auto& s = c.run.summary;
        std::vector<std::uint64_t> perCpu(static_cast<std::size_t>(c.sc.machine.cpus), 0);
        std::vector<bool> online(perCpu.size(), true);
        for (const auto& e : c.run.trace.events) {
            if (e.kind == EventKind::SpuriousNotification) {
                ++perCpu[static_cast<std::size_t>(e.cpu)];
                CHECK_CASE(e.vector == c.sc.machine.notificationVector, c);
            }
            if (e.kind == EventKind::CpuOffline || e.kind == EventKind::CpuOnline)
                online[static_cast<std::size_t>(e.cpu)] = e.kind == EventKind::CpuOnline;
        }
        std::vector<int> onlineCpus;
        std::vector<std::uint64_t> columns;
        for (std::size_t i = 0; i < online.size(); ++i)
            if (online[i]) {
                onlineCpus.push_back(static_cast<int>(i));
                columns.push_back(perCpu[i]);
            }
        CHECK_CASE(s.onlineCpus == onlineCpus, c);
        CHECK_CASE(s.uis == columns, c);
        CHECK_CASE(s.spurious.size() == static_cast<std::size_t>(std::accumulate(
                                            perCpu.begin(), perCpu.end(), std::uint64_t{0})),
                   c);
        const bool line = c.sc.kernel.variant != KernelVariant::Reviewed ||
                          (c.sc.machine.uintrSupported && c.sc.machine.uintrEnabled);
        CHECK_CASE(s.hasUisLine == line, c);
        const auto proc = sim::summaryToJson(s, c.sc)["proc_interrupts"];
        CHECK_CASE(proc.contains("UIS") == line, c);
        if (line) CHECK_CASE(proc["UIS"].size() == onlineCpus.size(), c);
    }
}

// cli.md: ipis_sent counts the IPIs sent by SENDUIPI (not self-IPIs); faults counts every fault
// event; summary.vectors totals agree with the trace (every post a pir_posted, every delivery a
// user_interrupt_delivered, every loss a vector_lost); summary.switch_uintr_return counts the
// switch_uintr_return events and those that changed nothing.
void TestInvariants::countersMatchEvents() {
    for (const Case& c : cases()) {
        const auto& t = c.run.trace;
        const auto& s = c.run.summary;
        CHECK_CASE(s.ipisSent == std::uint64_t(countOf(t, EventKind::IpiSent)), c);
        CHECK_CASE(s.faults == std::uint64_t(countOf(t, EventKind::Fault)), c);
        CHECK_CASE(s.vectors.posted == std::uint64_t(countOf(t, EventKind::PirPosted)), c);
        CHECK_CASE(
            s.vectors.delivered == std::uint64_t(countOf(t, EventKind::UserInterruptDelivered)), c);
        CHECK_CASE(s.vectors.lost == std::uint64_t(countOf(t, EventKind::VectorLost)), c);
        CHECK_CASE(s.vectors.lost == s.lost.size(), c);
        CHECK_CASE(s.uintrReturnRuns == std::uint64_t(countOf(t, EventKind::UintrReturn)), c);
        CHECK_CASE(s.uintrReturnUnchanged ==
                       std::uint64_t(countOf(t, EventKind::UintrReturn,
                                             [](const TraceEvent& e) { return e.value == 0; })),
                   c);
        // Every IPI sent or self-IPI arrives at its one CPU or is lost there (offline; no APIC
        // ID is unknown: NDST is always written by the kernel with a CPU of this machine, and
        // with at most 4 CPUs no NDST is the xAPIC broadcast 0xFF), unless the run stopped at
        // end_ns / the horizon with it still in flight.
        const int reached = countOf(t, EventKind::IpiArrived) + countOf(t, EventKind::IpiLost);
        const int sent = countOf(t, EventKind::IpiSent) + countOf(t, EventKind::SelfIpi);
        if (s.stopReason == sim::StopReason::Idle)
            CHECK_CASE(reached == sent, c);
        else
            CHECK_CASE(reached <= sent, c);
    }
}

// cli.md summary.lost: "Every posted vector is delivered, pending at the end, or listed here:
// the engine checks this itself" (Simulation::accountingError).
void TestInvariants::everyVectorAccounted() {
    for (const Case& c : cases()) {
        if (!c.run.summary.accountingError.empty())
            QFAIL(qPrintable(where(c) + ": " +
                             QString::fromStdString(c.run.summary.accountingError)));
        const auto& v = c.run.summary.vectors;
        std::uint64_t held = 0;
        for (const auto& p : c.run.summary.pendingAtEnd)
            held += std::uint64_t(std::popcount(p.pir) + std::popcount(p.uirr));
        CHECK_CASE(v.posted == v.delivered + v.coalesced + v.lost + held, c);
        // What destroys a vector (cli.md summary.lost): uintr_free (exit), unregister, the
        // XRSTORS that overwrites an orphaned UIRR, or the end of the run (flagged at_end).
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            if (e.kind != EventKind::VectorLost) continue;
            const bool atEnd = (e.flags & model::kFlagAtEnd) != 0;
            CHECK_CASE(atEnd == (e.cause < 0), c, i);
            if (atEnd) {
                CHECK_CASE(!c.sc.machine.xsavesClearsUinv, c, i);
                continue;
            }
            const EventKind k = ev[static_cast<std::size_t>(e.cause)].kind;
            CHECK_CASE(k == EventKind::Exit || k == EventKind::HandlerUnregistered ||
                           (k == EventKind::Xrstors && !c.sc.machine.xsavesClearsUinv),
                       c, i);
        }
    }
}

// scenario-format.md "Operations": a `syscall` or `kernel_fpu` enters the kernel once and returns
// to user mode once (at at + duration_ns, or at its next switch-in if that is later): every
// kernel_return closes the task's open kernel_enter (issue-9-tests.md #2: a switch-out and back in
// at the end of a kernel_fpu window returns twice).
void TestInvariants::oneReturnPerKernelEntry() {
    QString twice;
    for (const Case& c : cases()) {
        std::vector<bool> inKernel(c.sc.tasks.size(), false);
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            if (e.kind == EventKind::KernelEnter) {
                CHECK_CASE(!inKernel[static_cast<std::size_t>(e.task)], c, i);
                inKernel[static_cast<std::size_t>(e.task)] = true;
            } else if (e.kind == EventKind::KernelReturn) {
                if (!inKernel[static_cast<std::size_t>(e.task)] && twice.isEmpty())
                    twice = where(c, i);
                inKernel[static_cast<std::size_t>(e.task)] = false;
            }
        }
    }
    QVERIFY2(twice.isEmpty(), qPrintable(twice));
}

// cli.md summary.blocked_at_end: the sleepers in uintr_wait when time ended, i.e. the tasks whose
// last blocked event no woken event followed.
void TestInvariants::blockedAtEndMatchesTrace() {
    for (const Case& c : cases()) {
        std::vector<bool> asleep(c.sc.tasks.size(), false);
        for (const auto& e : c.run.trace.events) {
            if (e.kind == EventKind::Blocked) asleep[static_cast<std::size_t>(e.task)] = true;
            if (e.kind == EventKind::Woken) asleep[static_cast<std::size_t>(e.task)] = false;
        }
        std::vector<int> expected;
        for (std::size_t i = 0; i < asleep.size(); ++i)
            if (asleep[i]) expected.push_back(static_cast<int>(i));
        CHECK_CASE(c.run.summary.blockedAtEnd == expected, c);
    }
}

// scenario-format.md `end_ns`: events at or before the stop time run; summary.stopped.t is the
// stop time (end_ns, or the largest `at` + 100 us), or the last event's time when the run went
// idle.
// The vectors that the end of the run destroys (vector_lost at_end) are events of the stop: they
// must carry summary.stopped.t (they are the last events of an idle run).
void TestInvariants::stoppedAtTheRightTime() {
    QString atEndLate;
    for (const Case& c : cases()) {
        const auto& s = c.run.summary;
        const auto& ev = c.run.trace.events;
        std::int64_t last = 0;
        for (const auto& e : ev) {
            if (e.kind == EventKind::VectorLost && (e.flags & model::kFlagAtEnd)) {
                if (e.t != s.stoppedAt && atEndLate.isEmpty())
                    atEndLate = where(c) + QStringLiteral(": vector_lost at_end at %1, stopped %2")
                                               .arg(e.t)
                                               .arg(s.stoppedAt);
            }
            last = std::max(last, e.t);
        }
        CHECK_CASE(last <= c.sc.stopTime(), c);
        switch (s.stopReason) {
        case sim::StopReason::Idle:
            CHECK_CASE(s.stoppedAt == last, c);
            break;
        case sim::StopReason::EndNs:
            CHECK_CASE(c.sc.endNs.has_value(), c);
            CHECK_CASE(s.stoppedAt == *c.sc.endNs, c);
            CHECK_CASE(s.stoppedAt >= last, c);
            break;
        case sim::StopReason::Horizon:
            CHECK_CASE(!c.sc.endNs.has_value(), c);
            CHECK_CASE(s.stoppedAt == c.sc.stopTime(), c);
            CHECK_CASE(s.stoppedAt >= last, c);
            break;
        default:
            CHECK_CASE(false, c);
        }
    }
    QVERIFY2(atEndLate.isEmpty(), qPrintable(atEndLate));
}

// The kernel model never faults: only the instructions of the timeline do, and only with the
// #UD / #GP conditions of uintr-reference.md §1-§2 (every address the kernel sets up is mapped,
// canonical and aligned; XRSTORS always follows an XSAVES that cleared UINV, §4). Without
// CR4.UINTR (no feature, or not enabled) every instruction is #UD.
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
            else if (!c.sc.machine.uintrEnabled)
                CHECK_CASE(kind == arch::FaultKind::UD &&
                               reason == arch::FaultReason::Cr4UintrClear,
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
// and under rfc-v1 a receiver that runs is never missed for SN. Exceptions: an unregistered
// handler keeps SN set for good (scenario-format.md `uintr_unregister_handler`), and a task
// switched out and back in inside a `syscall` keeps SN until its return to user space clears it
// ("Time and order": it returns at the later of at + duration_ns and its next switch-in).
void TestInvariants::snSuppressesOnlyOffCpuReceivers() {
    for (const Case& c : cases()) {
        const auto& ev = c.run.trace.events;
        bool any = false;
        for (const auto& e : ev)
            any = any || (e.kind == EventKind::IpiSuppressed && e.reason == 0);
        if (!any) continue;
        const sim::Recording rec(c.sc, 64);
        std::set<int> unregistered;
        for (std::size_t i = 0; i < ev.size(); ++i) {
            const auto& e = ev[i];
            if (e.kind == EventKind::HandlerUnregistered) unregistered.insert(e.task);
            if (e.kind != EventKind::IpiSuppressed || e.reason != 0) continue;
            if (unregistered.count(e.other)) continue;
            // The state is read after the whole engine step: skip a suppression followed, in
            // the same step, by the receiver's switch-in.
            bool switchedInLater = false;
            for (std::size_t j = i + 1; j < ev.size() && ev[j].step == e.step; ++j)
                switchedInLater = switchedInLater ||
                                  (ev[j].kind == EventKind::ContextSwitch && ev[j].task == e.other);
            if (switchedInLater) continue;
            const auto s = rec.stateAfterStep(e.step);
            const auto& rx = s.state().tasks[static_cast<std::size_t>(e.other)];
            CHECK_CASE(rx.status != model::TaskStatus::Running || rx.inKernel, c, i);
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
// so)": once per timeline entry and reason, however many switches it waits behind. (A CPU
// entry that waited for an IDT handler (in_irq) and then finds a task running (cpu_busy) says
// so a second time: a new reason.)
void TestInvariants::eachEntryWaitsAtMostOnce() {
    for (const Case& c : cases()) {
        std::set<std::pair<int, int>> waited;
        const auto& ev = c.run.trace.events;
        for (std::size_t i = 0; i < ev.size(); ++i)
            if (ev[i].kind == EventKind::OpDeferred)
                CHECK_CASE(waited.insert({ev[i].entry, ev[i].reason}).second, c, i);
    }
}

QTEST_APPLESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
