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

namespace uintr::render {

// One colour per outcome class (Okabe–Ito hues, colour-blind safe); the legend names each, so
// colour is never the only cue. The app's strip and map use the same table.
std::string_view outcomeColour(analysis::OutcomeClass c);

// "spurious from 1000 to 1299 ns": the label of a window, on the strip and in the SVG.
std::string windowLabel(const analysis::Window& w);

struct RaceMapOptions {
    bool dark = false;
    std::string title; // empty: the scenario's title
};

// `grid` is a sweep of `sc` (the scenario whose own point is marked).
std::string writeRaceMapSvg(const scenario::Scenario& sc, const analysis::Grid& grid,
                            const RaceMapOptions& options);

} // namespace uintr::render
