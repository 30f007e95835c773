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
#include <malloc.h>
#include <memory>
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

// Bytes the heap has handed out and not taken back (glibc).
std::size_t heapBytes() {
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
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

    // Big traces: events per second, and bytes per event as the heap sees them (mallinfo2: what
    // was allocated and is still held), against a baseline measured here: the same events in a
    // std::vector grown by push_back, which is what the trace was before it was chunked.
    for (const std::int64_t entries :
         {std::int64_t{10'000}, quick ? std::int64_t{20'000} : std::int64_t{250'000}}) {
        scenario::StressShape shape;
        shape.entries = entries;
        const auto sc = scenario::makeStressScenario(shape);
        const auto heap0 = heapBytes();
        const auto a = Clock::now();
        model::Trace trace;
        sim::Simulation s(sc);
        s.setTrace(&trace);
        s.run();
        const double run = seconds(a, Clock::now());
        const auto traceBytes = heapBytes() - heap0;
        const auto events = trace.events.size();
        std::vector<model::TraceEvent> asVector;
        const auto heap1 = heapBytes();
        for (const auto& e : trace.events)
            asVector.push_back(e);
        const auto vectorBytes = heapBytes() - heap1;
        const auto perEvent = [&](std::size_t bytes) {
            return static_cast<double>(bytes) / static_cast<double>(events);
        };
        std::printf(
            "stress %7lld entries: %8zu events %8.1f ms  %6.2f Mevents/s  ratio/event %.3f\n"
            "        trace %.1f B/event (std::vector baseline %.1f B/event, ratio %.2f)\n",
            static_cast<long long>(entries), events, run * 1e3,
            static_cast<double>(events) / run / 1e6, run / static_cast<double>(events) / base,
            perEvent(traceBytes), perEvent(vectorBytes),
            static_cast<double>(traceBytes) / static_cast<double>(vectorBytes));
        asVector = {};
        // The recording keeps the scenario it is given: moved in, it is input, not recording.
        auto input = sc;
        const auto heap2 = heapBytes();
        const auto b = Clock::now();
        auto rec = std::make_unique<sim::Recording>(std::move(input));
        const double recorded = seconds(b, Clock::now());
        const auto recordingBytes = heapBytes() - heap2;
        const auto mid = rec->trace().endTime() / 2;
        const double lookup = perCall([&] { (void)rec->stateAt(mid).steps(); }, minSeconds / 4);
        std::printf("        recording %8.1f ms (x%.2f of the plain run), %.1f B/event in all"
                    " (trace, checkpoints, step times, summary; not the scenario); state at an "
                    "instant %8.2f us  ratio %.2f\n",
                    recorded * 1e3, recorded / run, perEvent(recordingBytes), lookup * 1e6,
                    lookup / base);
        // The drag: re-simulate after moving an entry in the middle, from the checkpoint before
        // it, against a fresh recording of the same scenario.
        auto moved = sc;
        const std::size_t middle = moved.timeline.size() / 2;
        moved.timeline[middle].at += 7;
        const std::int64_t changedAt = sc.timeline[middle].at;
        const double fresh = perCall([&] { (void)sim::Recording(moved).steps(); }, minSeconds);
        const double resumed =
            perCall([&] { (void)sim::Recording(moved, *rec, changedAt).steps(); }, minSeconds);
        std::printf("        re-simulation after a move in the middle: fresh %8.2f ms, from the"
                    " checkpoint %8.2f ms (ratio %.2f)\n",
                    fresh * 1e3, resumed * 1e3, resumed / fresh);
    }
    // The target scale: a run of at least a million events, bytes per event of its recording.
    if (!quick) {
        scenario::StressShape shape;
        shape.entries = 400'000;
        const auto sc = scenario::makeStressScenario(shape);
        auto input = sc;
        const auto heap0 = heapBytes();
        auto rec = std::make_unique<sim::Recording>(std::move(input));
        const auto bytes = heapBytes() - heap0;
        const auto events = rec->trace().events.size();
        std::printf(
            "1M-event recording: %zu events, %.1f MiB, %.1f B/event in all (target <= 64)\n",
            events, static_cast<double>(bytes) / (1 << 20),
            static_cast<double>(bytes) / static_cast<double>(events));
    }
    return 0;
}
