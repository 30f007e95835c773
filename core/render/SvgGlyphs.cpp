// A marker's glyph as SVG elements: the kind's parts from render/GlyphShape (the table the screen
// draws too), each an element with the kind's class and its style's ("hollow", "line").
#include "render/GlyphShape.h"
#include "render/Palette.h"
#include "render/SvgParts.h"

namespace uintr::render::svg {

namespace {

std::string cls(MarkerKind k, GlyphStyle style) {
    std::string c = "class=\"" + std::string(markerClass(k));
    if (style == GlyphStyle::Hollow) c += " hollow";
    if (style == GlyphStyle::Line) c += " line";
    return c + "\"";
}

std::string element(MarkerKind k, const GlyphPart& part, double x, double y, double laneY0,
                    double laneY1) {
    const auto at = [&](int i) { return placed(part, i, x, y, laneY0); };
    switch (part.primitive) {
    case GlyphPrimitive::Polygon: {
        std::string s = "<polygon " + cls(k, part.style) + " points=\"";
        for (int i = 0; i < part.count; ++i)
            s += (i ? " " : "") + num(at(i).x) + "," + num(at(i).y);
        return s + "\"/>";
    }
    case GlyphPrimitive::Circle:
        return "<circle " + cls(k, part.style) + " cx=\"" + num(at(0).x) + "\" cy=\"" +
               num(at(0).y) + "\" r=\"" + num(part.radius) + "\"/>";
    case GlyphPrimitive::Rect:
        return "<rect " + cls(k, part.style) + " x=\"" + num(at(0).x) + "\" y=\"" + num(at(0).y) +
               "\" width=\"" + num(part.points[1].x) + "\" height=\"" +
               num(partHeight(part, laneY0, laneY1)) + "\"/>";
    case GlyphPrimitive::Strokes: {
        std::string d;
        for (int i = 0; i + 1 < part.count; i += 2)
            d += "M" + num(at(i).x) + " " + num(at(i).y) + "L" + num(at(i + 1).x) + " " +
                 num(at(i + 1).y);
        return "<path " + cls(k, part.style) + " d=\"" + d + "\"/>";
    }
    }
    return {};
}

} // namespace

std::string glyph(MarkerKind kind, double x, double y, double laneY0, double laneY1) {
    std::string s;
    for (const GlyphPart& part : glyphShape(kind))
        s += element(kind, part, x, y, laneY0, laneY1);
    return s;
}

} // namespace uintr::render::svg
