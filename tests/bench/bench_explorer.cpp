// The race explorer's figures for uintr-bench (docs/explore.md "Speed"): the seed race's runs
// per second on one and on every hardware thread, as ratios against a bare event loop measured in
// the same run (a binary heap of timestamped events doing as many steps as one seed-race run: the
// least any discrete-event engine must do), and the peak heap one worker uses.
//
// The peak is measured, not estimated: this binary replaces operator new/delete with versions
// that count live bytes per thread; a worker thread reports its peak when it exits.
#include "bench_explorer.h"

#include "analysis/RaceExplorer.h"
#include "sim/Simulation.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <new>
#include <thread>
#include <vector>

namespace {

std::atomic<std::size_t> workerPeak{0};

struct ThreadHeap {
    std::size_t live = 0, peak = 0;
    bool worker = false;
    ~ThreadHeap() {
        if (!worker) return;
        std::size_t seen = workerPeak.load();
        while (peak > seen && !workerPeak.compare_exchange_weak(seen, peak)) {
        }
    }
};
thread_local ThreadHeap heap;
// A thread other than main() is a worker of the pool (this bench starts no other threads).
const std::thread::id mainThread = std::this_thread::get_id();

void* allocate(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    heap.worker = std::this_thread::get_id() != mainThread;
    heap.live += malloc_usable_size(p);
    heap.peak = std::max(heap.peak, heap.live);
    return p;
}
void release(void* p) {
    if (!p) return;
    // Freed on the allocating thread in every path measured here; a cross-thread free only
    // makes another thread's count lower, never a peak higher.
    const std::size_t n = malloc_usable_size(p);
    heap.live = heap.live >= n ? heap.live - n : 0;
    std::free(p);
}

using Clock = std::chrono::steady_clock;
double since(Clock::time_point a) {
    return std::chrono::duration<double>(Clock::now() - a).count();
}

// The bare loop: `steps` pops from a binary heap of (time, sequence) events, each pop pushing a
// follow-up while the budget lasts: the skeleton of Simulation::step() without the machine.
std::uint64_t bareLoop(std::uint32_t steps) {
    struct Ev {
        std::int64_t t;
        std::uint64_t seq;
    };
    const auto later = [](const Ev& a, const Ev& b) {
        return a.t != b.t ? a.t > b.t : a.seq > b.seq;
    };
    std::vector<Ev> h;
    std::uint64_t seq = 0, sum = 0;
    for (int i = 0; i < 5; ++i) {
        h.push_back({i * 500, seq++});
        std::push_heap(h.begin(), h.end(), later);
    }
    for (std::uint32_t s = 0; s < steps && !h.empty(); ++s) {
        std::pop_heap(h.begin(), h.end(), later);
        const Ev e = h.back();
        h.pop_back();
        sum += static_cast<std::uint64_t>(e.t);
        if (s + h.size() < steps) {
            h.push_back({e.t + 300, seq++});
            std::push_heap(h.begin(), h.end(), later);
        }
    }
    return sum;
}

} // namespace

void* operator new(std::size_t n) {
    return allocate(n);
}
void* operator new[](std::size_t n) {
    return allocate(n);
}
// The nothrow forms too: the library (std::stable_sort's buffer) allocates with them, and a
// block from a sanitizer's own operator new freed by release() is an alloc-dealloc mismatch.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    release(p);
}
void operator delete(void* p) noexcept {
    release(p);
}
void operator delete[](void* p) noexcept {
    release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    release(p);
}

namespace uintr::bench {

void explorerFigures(const scenario::Scenario& seed, bool quick) {
    sim::Simulation probe(seed);
    probe.run();
    const std::uint32_t steps = probe.steps();

    // The baseline: the bare loop, repeated for as long as the 2-D maps below take.
    volatile std::uint64_t sink = 0;
    std::uint64_t loops = 0;
    const auto b0 = Clock::now();
    do {
        sink = sink + bareLoop(steps);
        ++loops;
    } while (since(b0) < (quick ? 0.02 : 0.5));
    const double bare = since(b0) / static_cast<double>(loops);
    std::printf("baseline: bare event loop, %u steps %8.3f us/loop  %9.0f loops/s (= 1.00)\n",
                steps, bare * 1e6, 1.0 / bare);

    const int n = quick ? 60 : 300; // a 300 × 300 map of switch-out × SENDUIPI, 10 ns apart
    const std::string range = "=0.." + std::to_string((n - 1) * 10) + ":10";
    const std::vector axes{
        std::get<analysis::Axis>(analysis::parseAxis(seed, "switch-out" + range)),
        std::get<analysis::Axis>(analysis::parseAxis(seed, "send" + range))};
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    double oneThread = 0;
    for (const unsigned threads : {1u, cores}) {
        workerPeak = 0;
        const auto t0 = Clock::now();
        const auto g = std::get<analysis::Grid>(analysis::sweep(seed, axes, {.threads = threads}));
        const double s = since(t0);
        if (threads == 1) oneThread = s;
        const double perRun = s / static_cast<double>(g.runs);
        std::printf("race map %dx%d, %u thread(s): %8.1f ms  %9.0f runs/s  ratio/run %.2f"
                    "  speed-up x%.2f",
                    n, n, threads, s * 1e3, 1.0 / perRun, perRun / bare, oneThread / s);
        if (threads > 1) std::printf("  peak heap per worker %.1f KiB", workerPeak.load() / 1024.0);
        std::printf("\n");
    }
}

} // namespace uintr::bench
