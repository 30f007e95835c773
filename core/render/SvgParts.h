// The pieces writeSvg assembles (render/SvgWriter.cpp), one file each: marker glyphs, the
// timeline itself, and the panels around it (callouts, narration, registers, legend).
// Internal to the SVG writer.
#pragma once

#include "model/Trace.h"
#include "render/RegisterAnnotations.h"
#include "render/SvgDocument.h"
#include "render/TimelineGeometry.h"
#include "scenario/Scenario.h"

#include <set>
#include <string>

namespace uintr::render::svg {

// SvgGlyphs.cpp: the shape of a marker kind centred on (x, y); `lane` bounds the context switch
// bar. Returns the elements (no <title>: the caller wraps them).
std::string glyph(MarkerKind kind, double x, double y, double laneY0, double laneY1);

// What the legend lists: only what the picture shows, so that it stays short.
struct Present {
    std::set<MarkerKind> markers;
    bool handler = false, kernel = false, idle = false;
    bool ipi = false, spurious = false, self = false;
};

Present presentIn(const TimelineGeometry& g);

// SvgTimeline.cpp: ruler, grid, lanes (a <g> per CPU, inside it a <g> per task), handlers,
// markers with their labels, IPI arrows with theirs; translated down by `top`.
void drawTimeline(Document& doc, const TimelineGeometry& g, double top,
                  const scenario::Scenario& sc);

// SvgPanels.cpp
struct Callout {
    int number = 0;
    std::int64_t t = 0;
    std::string text;
};
// Numbered badges above the ruler at each callout's time (`y` is the strip's middle).
void drawCalloutBadges(Document& doc, const std::vector<Callout>& callouts, const Viewport& v,
                       double y, double lineTop, double lineBottom);
// The numbered narration list; returns the height used. `measureOnly`: nothing is drawn.
double drawNarration(Document* doc, const std::vector<Callout>& callouts, double x, double y,
                     double width);
// Dashed lines at the annotated instants and tags A1, A2… on the ruler.
void drawAnnotationMarks(Document& doc, const std::vector<RegisterAnnotation>& notes,
                         const Viewport& v, double tagY, double lineTop, double lineBottom);
double drawAnnotationPanel(Document* doc, const std::vector<RegisterAnnotation>& notes, double x,
                           double y, double width);
double drawLegend(Document* doc, const Present& present, double x, double y, double width);

} // namespace uintr::render::svg
