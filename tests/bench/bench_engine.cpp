// Speed and memory of the engine, as ratios against a baseline measured in the same run (the
// machines are shared and noisy: absolute times mean little, ratios and orders of magnitude do).
// Not a test: it asserts nothing about time. `uintr-bench --quick` is a smoke run for CTest.
//
// Baseline: sorting 4,096 pseudo-random 32-bit integers (std::sort) — a fixed, allocation-free
// amount of CPU work that scales with the machine the same way the engine does.
#include "analysis/RaceExplorer.h"
#include "bench_explorer.h"
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"
#include "sim/Recording.h"
#include "sim/Simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

using Clock = std::chrono::steady_clock;
using namespace uintr;

namespace {
double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// Repeats `work` until `minSeconds` have passed; returns seconds per call.
template <class F> double perCall(F&& work, double minSeconds) {
    std::uint64_t calls = 0;
    const auto start = Clock::now();
    auto now = start;
    do {
        work();
        ++calls;
        now = Clock::now();
    } while (seconds(start, now) < minSeconds);
    return seconds(start, now) / static_cast<double>(calls);
}

double baselineSort(double minSeconds) {
    std::vector<std::uint32_t> data(4096), work(4096);
    std::mt19937 rng(42);
    for (auto& v : data)
        v = rng();
    volatile std::uint32_t sink = 0;
    return perCall(
        [&] {
            std::copy(data.begin(), data.end(), work.begin());
            std::sort(work.begin(), work.end());
            sink = sink + work[7];
        },
        minSeconds);
}

std::optional<scenario::Scenario> loadSeed() {
    auto r = scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/seed-race.json");
    if (!r.ok()) {
        std::fprintf(stderr, "cannot load the seed race: %s\n", r.error->toString().c_str());
        return std::nullopt;
    }
    return *r.scenario;
}
} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const double minSeconds = quick ? 0.02 : 0.5;
    const auto seed = loadSeed();
    if (!seed) return 1;

    const double base = baselineSort(minSeconds);
    std::printf("baseline: sort 4096 ints            %10.2f us/op (= 1.00)\n", base * 1e6);

    // The explorer's inner loop: set up the machine, run the seed race to the end, no trace.
    const double seedRun = perCall([&] { (void)analysis::runOutcome(*seed); }, minSeconds);
    std::printf("seed race: fresh run, no trace      %10.2f us/run  %8.0f runs/s  ratio %.2f\n",
                seedRun * 1e6, 1.0 / seedRun, seedRun / base);

    // A checkpoint copy: what time travel and a replay from a point cost.
    sim::Simulation prepared(*seed);
    const double copy = perCall(
        [&] {
            sim::Simulation c = prepared;
            (void)c.steps();
        },
        minSeconds);
    std::printf("seed race: copy of the simulation   %10.2f us/copy                 ratio %.2f\n",
                copy * 1e6, copy / base);

    // A full sweep of the switch-out over the scenario's span (cli.md explore), one thread.
    const auto axis = std::get<analysis::Axis>(analysis::parseAxis(*seed, "switch-out"));
    const auto t0 = Clock::now();
    const auto swept = analysis::sweep(*seed, {axis}, {.threads = 1});
    const double sweep = seconds(t0, Clock::now());
    const auto runs = std::get<analysis::Grid>(swept).runs;
    std::printf("explore switch-out: %llu runs        %10.2f ms        %8.0f runs/s  ratio %.2f\n",
                static_cast<unsigned long long>(runs), sweep * 1e3,
                static_cast<double>(runs) / sweep, sweep / static_cast<double>(runs) / base);

    bench::explorerFigures(*seed, quick);

    // Big traces: events per second and bytes per event.
    for (const std::int64_t entries :
         {std::int64_t{10'000}, quick ? std::int64_t{20'000} : std::int64_t{1'000'000}}) {
        scenario::StressShape shape;
        shape.entries = entries;
        const auto sc = scenario::makeStressScenario(shape);
        const auto a = Clock::now();
        model::Trace trace;
        sim::Simulation s(sc);
        s.setTrace(&trace);
        s.run();
        const double run = seconds(a, Clock::now());
        const auto events = trace.events.size();
        std::printf("stress %7lld entries: %8zu events %8.1f ms  %6.2f Mevents/s  %zu B/event"
                    "  trace %.1f MiB  ratio/event %.3f\n",
                    static_cast<long long>(entries), events, run * 1e3,
                    static_cast<double>(events) / run / 1e6, sizeof(model::TraceEvent),
                    static_cast<double>(trace.events.capacity() * sizeof(model::TraceEvent)) /
                        (1 << 20),
                    run / static_cast<double>(events) / base);
        const auto b = Clock::now();
        sim::Recording rec(sc);
        const double recorded = seconds(b, Clock::now());
        const auto mid = rec.trace().endTime() / 2;
        const double lookup = perCall([&] { (void)rec.stateAt(mid).steps(); }, minSeconds / 4);
        std::printf("        recording %8.1f ms (x%.2f of the plain run); state at an instant"
                    " %8.2f us  ratio %.2f\n",
                    recorded * 1e3, recorded / run, lookup * 1e6, lookup / base);
    }
    return 0;
}
