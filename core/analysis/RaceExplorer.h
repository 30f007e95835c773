// The race explorer: re-simulates a scenario at every point of one or two axes (analysis/Axis.h)
// and classifies each run (analysis/Outcome.h). 1-D sweeps give the maximal windows with the
// same outcome (cli.md `explore`), 2-D sweeps a race map, and a search stops at the first point
// showing a bad outcome.
//
// Runs are independent: a pool of threads takes blocks of points in order, each worker with its
// own copy of the scenario and a fresh engine per point, writing only its own cells; no run
// records a trace. The result is the same whatever the number of threads.
#pragma once

#include "analysis/Axis.h"
#include "analysis/Outcome.h"
#include "scenario/Scenario.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace uintr::analysis {

// The work one sweep may do, in runs × timeline entries (a run costs about its entries): the
// seed race's 5 entries allow the whole maxRuns, a scenario of 1,000 entries 50,000 runs. A
// sweep of a big scenario over a long span is otherwise unbounded in time. docs/limits.md.
inline constexpr std::int64_t kExploreBudget = 50'000'000;

struct SweepOptions {
    unsigned threads = 0; // 0: one per hardware thread
    // Set by another thread to abandon the sweep (the app's "latest request wins").
    const std::atomic<bool>* cancel = nullptr;
    std::int64_t maxRuns = 10'000'000;
    std::int64_t budget = kExploreBudget;
};

// Every point of one or two axes; the first axis varies slowest.
struct Grid {
    std::vector<Axis> axes;
    std::vector<Outcome> cells; // cells[i0 * count(1) + i1]
    std::uint64_t runs = 0;
    bool cancelled = false;

    std::int64_t count(std::size_t axis) const {
        return axis < axes.size() ? axes[axis].count() : 1;
    }
    const Outcome& at(std::int64_t i0, std::int64_t i1 = 0) const {
        return cells[static_cast<std::size_t>(i0 * count(1) + i1)];
    }
};

// Checks the axes (one or two, distinct, within maxRuns); an error message names the problem.
std::optional<std::string> checkAxes(const std::vector<Axis>& axes, const SweepOptions& options);
// Checks the sweep's work against options.budget; the message says how to narrow it.
std::optional<std::string> checkBudget(const scenario::Scenario& sc, const std::vector<Axis>& axes,
                                       const SweepOptions& options);

std::variant<Grid, std::string> sweep(const scenario::Scenario& sc, std::vector<Axis> axes,
                                      const SweepOptions& options = {});

// The first point, in the grid's order, whose run shows `wanted` (Outcome::has).
struct Witness {
    std::vector<std::int64_t> values; // one per axis
    Outcome outcome;
    std::uint64_t runs = 0; // how many points were simulated to find it
};
struct Search {
    std::optional<Witness> witness; // empty: no point of the range shows it
    std::uint64_t runs = 0;
};
std::variant<Search, std::string> findFirst(const scenario::Scenario& sc, std::vector<Axis> axes,
                                            OutcomeClass wanted, const SweepOptions& options = {});

// The scenario with every axis at its witness value.
scenario::Scenario atPoint(scenario::Scenario sc, const std::vector<Axis>& axes,
                           const std::vector<std::int64_t>& values);

// --- 1-D: maximal windows with the same outcome (cli.md `explore --json`)
struct Window {
    std::int64_t from = 0;
    std::int64_t to = 0; // inclusive (the last point of the window on the axis's step)
    Outcome outcome;     // the first point's, with the delays widened over the window
};
std::vector<Window> windows(const Grid& grid); // over axis 0, with axis 1 at its first point

} // namespace uintr::analysis
