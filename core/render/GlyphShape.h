// One shape per marker kind, as data: polygons, circles, rectangles and strokes in px around the
// marker's anchor. The SVG export writes them as elements (render/SvgGlyphs.cpp) and the app draws
// the very same ones (MarkersItem), so that a print in grey, a colour-blind reader or the screen
// tell the kinds apart by outline alone: triangle up = SENDUIPI, diamond = spurious, disc =
// delivery, ring = self-IPI, bar with a notch = context switch…
#pragma once

#include "render/TimelineGeometry.h"

#include <array>
#include <span>

namespace uintr::render {

enum class GlyphPrimitive : std::uint8_t {
    Polygon, // points: its corners (the hourglass crosses itself: filled non-zero, both lobes)
    Circle,  // points[0]: the centre; radius
    Rect,    // points[0]: the top-left corner; points[1]: width and height
    Strokes, // points: pairs of ends, each pair one straight stroke
};

// How a part is painted, the SVG's classes: filled and outlined in the kind's colour (no extra
// class), "hollow" (filled with the background, a wider outline) or "line" (a stroke only).
enum class GlyphStyle : std::uint8_t { Filled, Hollow, Line };

// Outline widths in px, the CSS of the export (render/Palette.cpp writes them from here).
inline constexpr double kGlyphStrokeFilled = 1; // SVG's default stroke-width
inline constexpr double kGlyphStrokeHollow = 2.5;
inline constexpr double kGlyphStrokeLine = 4;
double glyphStrokeWidth(GlyphStyle style);

struct GlyphPoint {
    double x = 0, y = 0;
};

struct GlyphPart {
    GlyphPrimitive primitive = GlyphPrimitive::Polygon;
    GlyphStyle style = GlyphStyle::Filled;
    // y measured from the lane's top edge instead of the anchor (a context switch marks its lane
    // top to bottom); a Rect with `spansLane` is as tall as the lane.
    bool fromLaneTop = false;
    bool spansLane = false;
    double radius = 0; // Circle
    std::array<GlyphPoint, 4> points{};
    int count = 0; // points used
};

// The parts of a kind's glyph, in drawing order.
std::span<const GlyphPart> glyphShape(MarkerKind kind);

// A part's points placed for a marker at (x, y) on a lane from laneY0 to laneY1 (a Rect's
// second point stays its size, with the lane's height when it spans the lane).
GlyphPoint placed(const GlyphPart& part, int i, double x, double y, double laneY0);
double partHeight(const GlyphPart& part, double laneY0, double laneY1);

// The box a glyph at the origin covers (anchor-relative parts only), for highlights behind it.
struct GlyphBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
GlyphBox glyphBox(MarkerKind kind);

} // namespace uintr::render
