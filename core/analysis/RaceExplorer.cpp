#include "analysis/RaceExplorer.h"

#include <algorithm>
#include <thread>

namespace uintr::analysis {

namespace {

constexpr std::int64_t kBlock = 64; // points a worker claims at a time

std::int64_t pointCount(const std::vector<Axis>& axes) {
    std::int64_t n = 1;
    for (const Axis& a : axes)
        n *= a.count();
    return n;
}

// Simulates points [0, n) of the grid on `threads` workers. With `wanted`, a worker skips the
// blocks after the first witness found so far: every block before it is still completed, so
// the first witness in grid order is among the finished cells.
struct Pool {
    const scenario::Scenario& sc;
    const std::vector<Axis>& axes;
    const SweepOptions& options;
    std::optional<OutcomeClass> wanted;
    std::vector<Outcome>& cells;
    std::atomic<std::int64_t> next{0};
    std::atomic<std::int64_t> firstHit{INT64_MAX};
    std::atomic<std::uint64_t> runs{0};

    void work() {
        scenario::Scenario mine = sc; // each worker varies its own copy
        const std::int64_t n = static_cast<std::int64_t>(cells.size());
        const std::int64_t inner = axes.size() > 1 ? axes[1].count() : 1;
        std::uint64_t done = 0;
        while (true) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) break;
            const std::int64_t start = next.fetch_add(kBlock, std::memory_order_relaxed);
            if (start >= n || start > firstHit.load(std::memory_order_relaxed)) break;
            const std::int64_t end = std::min(n, start + kBlock);
            for (std::int64_t i = start; i < end; ++i) {
                setAxisValue(mine, axes[0], axes[0].valueAt(i / inner));
                if (axes.size() > 1) setAxisValue(mine, axes[1], axes[1].valueAt(i % inner));
                Outcome& o = cells[static_cast<std::size_t>(i)];
                o = runOutcome(mine);
                ++done;
                if (wanted && o.has(*wanted)) {
                    std::int64_t seen = firstHit.load();
                    while (i < seen && !firstHit.compare_exchange_weak(seen, i)) {
                    }
                    break; // the rest of this block comes after the witness
                }
            }
        }
        runs += done;
    }

    void run() {
        unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
        const auto blocks = static_cast<std::int64_t>(cells.size() + kBlock - 1) / kBlock;
        threads = static_cast<unsigned>(std::clamp<std::int64_t>(threads, 1, blocks));
        std::vector<std::thread> workers;
        for (unsigned t = 1; t < threads; ++t)
            workers.emplace_back([this] { work(); });
        work(); // the calling thread is one of the workers
        for (auto& w : workers)
            w.join();
    }
};

} // namespace

std::optional<std::string> checkAxes(const std::vector<Axis>& axes, const SweepOptions& options) {
    if (axes.empty() || axes.size() > 2)
        return "vary one or two values, not " + std::to_string(axes.size());
    if (axes.size() == 2 && axes[0].kind == axes[1].kind && axes[0].entry == axes[1].entry &&
        axes[0].parameter == axes[1].parameter)
        return "'" + axes[0].name + "' is varied twice";
    std::int64_t n = 1;
    for (const Axis& a : axes) {
        if (a.count() > options.maxRuns || (n *= a.count()) > options.maxRuns)
            return "the ranges have more than " + std::to_string(options.maxRuns) +
                   " points; narrow them or give a :STEP";
    }
    return std::nullopt;
}

std::optional<std::string> checkBudget(const scenario::Scenario& sc, const std::vector<Axis>& axes,
                                       const SweepOptions& options) {
    const auto perRun = std::max<std::int64_t>(1, static_cast<std::int64_t>(sc.timeline.size()));
    const std::int64_t allowed = std::max<std::int64_t>(1, options.budget / perRun);
    const std::int64_t runs = pointCount(axes);
    if (runs <= allowed) return std::nullopt;
    return "the ranges need " + std::to_string(runs) + " runs of " + std::to_string(perRun) +
           " timeline entries; the budget (kExploreBudget, " + std::to_string(options.budget) +
           " runs x entries) allows " + std::to_string(allowed) + ": narrow them or give a :STEP";
}

std::variant<Grid, std::string> sweep(const scenario::Scenario& sc, std::vector<Axis> axes,
                                      const SweepOptions& options) {
    if (auto problem = checkAxes(axes, options)) return *problem;
    if (auto problem = checkBudget(sc, axes, options)) return *problem;
    Grid g;
    g.axes = std::move(axes);
    g.cells.resize(static_cast<std::size_t>(pointCount(g.axes)));
    Pool pool{sc, g.axes, options, std::nullopt, g.cells};
    pool.run();
    g.runs = pool.runs;
    g.cancelled = options.cancel && options.cancel->load();
    return g;
}

std::variant<Search, std::string> findFirst(const scenario::Scenario& sc, std::vector<Axis> axes,
                                            OutcomeClass wanted, const SweepOptions& options) {
    if (auto problem = checkAxes(axes, options)) return *problem;
    if (auto problem = checkBudget(sc, axes, options)) return *problem;
    std::vector<Outcome> cells(static_cast<std::size_t>(pointCount(axes)));
    Pool pool{sc, axes, options, wanted, cells};
    pool.run();
    Search s;
    s.runs = pool.runs;
    const std::int64_t hit = pool.firstHit.load();
    if (hit == INT64_MAX) return s;
    const std::int64_t inner = axes.size() > 1 ? axes[1].count() : 1;
    Witness w;
    w.values.push_back(axes[0].valueAt(hit / inner));
    if (axes.size() > 1) w.values.push_back(axes[1].valueAt(hit % inner));
    w.outcome = cells[static_cast<std::size_t>(hit)];
    w.runs = s.runs;
    s.witness = std::move(w);
    return s;
}

scenario::Scenario atPoint(scenario::Scenario sc, const std::vector<Axis>& axes,
                           const std::vector<std::int64_t>& values) {
    for (std::size_t i = 0; i < axes.size() && i < values.size(); ++i)
        setAxisValue(sc, axes[i], values[i]);
    return sc;
}

std::vector<Window> windows(const Grid& grid) {
    std::vector<Window> out;
    if (grid.axes.empty()) return out;
    const Axis& a = grid.axes[0];
    for (std::int64_t i = 0; i < a.count(); ++i) {
        const Outcome& o = grid.at(i);
        const std::int64_t t = a.valueAt(i);
        if (!out.empty() && out.back().outcome.sameWindow(o)) {
            Window& w = out.back();
            w.to = t;
            if (o.minDelayNs >= 0)
                w.outcome.minDelayNs = w.outcome.minDelayNs < 0
                                           ? o.minDelayNs
                                           : std::min(w.outcome.minDelayNs, o.minDelayNs);
            w.outcome.maxDelayNs = std::max(w.outcome.maxDelayNs, o.maxDelayNs);
        } else {
            out.push_back({t, t, o});
        }
    }
    return out;
}

} // namespace uintr::analysis
