// The race explorer's picture: a 1-D sweep as a strip of coloured windows with their boundaries
// labelled in ns, a 2-D sweep as a map (first axis across, second up), each with axes in ns, a
// legend of the outcome classes present, and the scenario's own point marked. What
// `uintr-sim explore -o map.svg` writes (the PNG is this SVG through app/common/SvgRaster) and
// what the app's race-map panel shows. The same grid gives the same bytes.
#pragma once

#include "analysis/Outcome.h"
#include "analysis/RaceExplorer.h"
#include "scenario/Scenario.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uintr::render {

// One colour per outcome class (Okabe–Ito hues, colour-blind safe); the legend names each, so
// colour is never the only cue. The app's strip and map use the same table.
std::string_view outcomeColour(analysis::OutcomeClass c);

// "spurious from 1000 to 1299 ns": the label of a window, on the strip and in the SVG.
std::string windowLabel(const analysis::Window& w);

// Where the 2-D map's plot sits in the SVG (its own coordinates), so that a click on the picture
// (the app's panel) finds the point under it. The first axis runs left to right, the second
// bottom to top; point v of an axis covers [v, v + step).
struct RaceMapPlot {
    double left = 0, top = 0, width = 0, height = 0;
};
RaceMapPlot raceMapPlot(const analysis::Grid& grid);
// The axes' values of the point under (x, y); empty outside the plot (or for a 1-D grid).
std::vector<std::int64_t> raceMapValuesAt(const analysis::Grid& grid, double x, double y);
// The centre of point (v0, v1) in the SVG.
std::pair<double, double> raceMapCentreOf(const analysis::Grid& grid, std::int64_t v0,
                                          std::int64_t v1);

struct RaceMapOptions {
    bool dark = false;
    std::string title; // empty: the scenario's title
};

// `grid` is a sweep of `sc` (the scenario whose own point is marked).
std::string writeRaceMapSvg(const scenario::Scenario& sc, const analysis::Grid& grid,
                            const RaceMapOptions& options);

} // namespace uintr::render
