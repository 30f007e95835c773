// The timeline as a standalone SVG document: what `uintr-sim render` writes and what the app's
// File ▸ Export saves (the PNG is this SVG rendered by QtSvg). It draws the geometry of
// render/TimelineGeometry.h — the screen's numbers — plus what a kept document needs to be read
// without the app: the title, a time ruler, a legend, the narration as numbered callouts and,
// on request, the registers (UPID, UIRR, UINV) at chosen instants.
//
// The document is valid XML with text as <text>, a <g> per CPU and, inside it, per task, a
// <title> on every marker and arrow (browser tooltips), and CSS classes for the palette
// (render/Palette.h). The same arguments give the same bytes. Its size is bounded by the level
// of detail (items below ~2 px are merged), so a 100,000-event run stays a few hundred KB.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace uintr::render {

struct SvgOptions {
    // The window drawn, in ns; unset: the whole run (0 .. the end plus a small margin).
    std::optional<std::int64_t> from, to;
    bool dark = false;     // the dark palette (light is for print and slides)
    bool narration = true; // the scenario's narration as numbered callouts under the lanes
    // Instants at which to show the receivers' registers (UPID ON/SN/NV/NDST/PIR, UIRR, UINV)
    // and the IPIs in flight; the run is replayed to get them. Empty: none.
    std::vector<std::int64_t> annotateAt;
    double width = 1600, height = 900; // 16:9; the height grows if the content needs more
    std::string title;                 // empty: the scenario's title
};

// `trace` is the run of `sc` (the same scenario, with any --set overrides applied).
// Never throws on odd input: any text is escaped, an empty trace draws empty lanes.
std::string writeSvg(const scenario::Scenario& sc, const model::Trace& trace,
                     const SvgOptions& options);

} // namespace uintr::render
