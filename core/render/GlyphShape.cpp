#include "render/GlyphShape.h"

#include <algorithm>

namespace uintr::render {

namespace {

using P = GlyphPrimitive;
using S = GlyphStyle;

constexpr double kR = 10; // glyph radius in px

constexpr GlyphPart polygon(S style, std::initializer_list<GlyphPoint> pts) {
    GlyphPart p{P::Polygon, style};
    for (const auto& pt : pts)
        p.points[static_cast<std::size_t>(p.count++)] = pt;
    return p;
}
constexpr GlyphPart circle(S style, double r) {
    GlyphPart p{P::Circle, style};
    p.radius = r;
    p.count = 1;
    return p;
}
constexpr GlyphPart rect(S style, double x, double y, double w, double h) {
    GlyphPart p{P::Rect, style};
    p.points[0] = {x, y};
    p.points[1] = {w, h};
    p.count = 2;
    return p;
}
constexpr GlyphPart strokes(std::initializer_list<GlyphPoint> pts) {
    GlyphPart p = polygon(S::Line, pts);
    p.primitive = P::Strokes;
    return p;
}
constexpr GlyphPart fromLaneTop(GlyphPart p, bool spans = false) {
    p.fromLaneTop = true;
    p.spansLane = spans;
    return p;
}

struct Shape {
    std::array<GlyphPart, 2> parts;
    std::size_t count;
};
constexpr Shape one(GlyphPart a) {
    return {{a, GlyphPart{}}, 1};
}
constexpr Shape two(GlyphPart a, GlyphPart b) {
    return {{a, b}, 2};
}

constexpr double r = kR;
// Indexed by MarkerKind.
const std::array<Shape, static_cast<std::size_t>(MarkerKind::Other) + 1> kShapes = {
    // ContextSwitch: a bar across the lane with a notch on top, where one task hands the CPU to
    // the next.
    two(fromLaneTop(rect(S::Filled, -1.5, 0, 3, 0), true),
        fromLaneTop(polygon(S::Filled, {{-6, 0}, {6, 0}, {0, 8}}))),
    // SendUipi: a triangle pointing up.
    one(polygon(S::Filled, {{0, -r - 2}, {r + 1, r}, {-r - 1, r}})),
    // PirPosted: a small square.
    one(rect(S::Filled, -5, -5, 10, 10)),
    // IpiSent: a triangle pointing right, along the arrow.
    one(polygon(S::Filled, {{r, 0}, {-r + 2, -r}, {-r + 2, r}})),
    // IpiSuppressed: a ring struck through.
    two(circle(S::Hollow, r), strokes({{-6.4, 6.4}, {6.4, -6.4}})),
    // IpiArrived: a small ring.
    one(circle(S::Hollow, 6)),
    // NotificationProcessed: a square.
    one(rect(S::Filled, -7, -7, 14, 14)),
    // Spurious: the largest glyph, a diamond.
    one(polygon(S::Filled, {{0, -r - 4}, {r + 4, 0}, {0, r + 4}, {-r - 4, 0}})),
    // KernelVector: a hollow diamond.
    one(polygon(S::Hollow, {{0, -r - 2}, {r + 2, 0}, {0, r + 2}, {-r - 2, 0}})),
    // SelfIpi: a ring.
    one(circle(S::Hollow, r)),
    // Delivered: a disc.
    one(circle(S::Filled, r)),
    // Uiret: a hollow triangle pointing down.
    one(polygon(S::Hollow, {{-r, -r + 1}, {r, -r + 1}, {0, r}})),
    // Stui, Clui, Testui: a hollow square.
    one(rect(S::Hollow, -6, -6, 12, 12)),
    one(rect(S::Hollow, -6, -6, 12, 12)),
    one(rect(S::Hollow, -6, -6, 12, 12)),
    // Blocked: "pause", the task sleeps in uintr_wait.
    two(rect(S::Filled, -7, -8, 5, 16), rect(S::Filled, 2, -8, 5, 16)),
    // Woken: a hollow triangle pointing up.
    one(polygon(S::Hollow, {{0, -r - 1}, {r, r - 1}, {-r, r - 1}})),
    // Fault: a cross.
    one(strokes({{-r, -r}, {r, r}, {-r, r}, {r, -r}})),
    // Deferred: an hourglass, the op waits for its task.
    one(polygon(S::Hollow, {{-7, -r}, {7, -r}, {-7, r}, {7, r}})),
    // Other: a dot.
    one(circle(S::Filled, 5)),
};

} // namespace

double glyphStrokeWidth(GlyphStyle style) {
    switch (style) {
    case GlyphStyle::Filled:
        return kGlyphStrokeFilled;
    case GlyphStyle::Hollow:
        return kGlyphStrokeHollow;
    case GlyphStyle::Line:
        return kGlyphStrokeLine;
    }
    return kGlyphStrokeFilled;
}

std::span<const GlyphPart> glyphShape(MarkerKind kind) {
    const auto i = std::min(static_cast<std::size_t>(kind), kShapes.size() - 1);
    return {kShapes[i].parts.data(), kShapes[i].count};
}

GlyphPoint placed(const GlyphPart& part, int i, double x, double y, double laneY0) {
    const GlyphPoint& p = part.points[static_cast<std::size_t>(i)];
    if (part.primitive == GlyphPrimitive::Rect && i == 1) return p; // the size
    return {x + p.x, (part.fromLaneTop ? laneY0 : y) + p.y};
}

double partHeight(const GlyphPart& part, double laneY0, double laneY1) {
    return part.spansLane ? laneY1 - laneY0 : part.points[1].y;
}

GlyphBox glyphBox(MarkerKind kind) {
    GlyphBox b;
    const auto grow = [&](double x, double y) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
    };
    for (const GlyphPart& part : glyphShape(kind)) {
        if (part.fromLaneTop) continue;
        switch (part.primitive) {
        case GlyphPrimitive::Circle:
            grow(part.points[0].x - part.radius, part.points[0].y - part.radius);
            grow(part.points[0].x + part.radius, part.points[0].y + part.radius);
            break;
        case GlyphPrimitive::Rect:
            grow(part.points[0].x, part.points[0].y);
            grow(part.points[0].x + part.points[1].x, part.points[0].y + part.points[1].y);
            break;
        case GlyphPrimitive::Polygon:
        case GlyphPrimitive::Strokes:
            for (int i = 0; i < part.count; ++i)
                grow(part.points[static_cast<std::size_t>(i)].x,
                     part.points[static_cast<std::size_t>(i)].y);
            break;
        }
    }
    return b;
}

} // namespace uintr::render
