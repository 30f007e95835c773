// Where the words of a timeline go, decided once for the screen and the SVG: task names at the
// top left of their segment, handler names in their band, then marker labels, greedily, each in
// the first of a few places around its glyph that overlaps nothing already placed (words, glyphs)
// — the spurious notification's "UIS +1" first, as it is the point of most pictures. A label with
// no place is tried shortened ("deliver v3" → "v3"), then left out: its tooltip still tells.
//
// IPI labels ("0xEC · 300 ns") come last, in the gap between lanes next to their arrow, clear of
// every word and glyph already placed.
//
// Distances are the SVG's at a 20 px glyph, scaled by Viewport::text.glyph, so the export keeps
// its picture and the screen gets the same arrangement at its own sizes.
#include "render/MarkerText.h"
#include "render/TextWidth.h"
#include "render/TimelineGeometry.h"

#include <algorithm>
#include <array>
#include <optional>

namespace uintr::render {

namespace {

constexpr double kAscent = 0.78, kDescent = 0.22; // of the font size, around the baseline
// Task and handler names and the "UIS +1" badge are bold: wider than textWidth's regular
// estimate (DejaVu Sans Bold runs ~10 % wider).
constexpr double kBold = 1.12;

struct Box {
    double x0, x1, y0, y1;
    bool hits(const Box& o, double pad) const {
        return x0 < o.x1 + pad && o.x0 < x1 + pad && y0 < o.y1 && o.y0 < y1;
    }
};

class LanePlacer {
  public:
    LanePlacer(const Lane& lane, double xMin, double xMax, double unit)
        : lane_(lane), xMin_(xMin), xMax_(xMax), u_(unit) {}

    void reserve(const Box& b) { taken_.push_back(b); }

    // A name at the left of its segment, on a given baseline: moved right past whatever is
    // already there (a glyph) while it still fits before `xMax`; nothing if it does not.
    std::optional<Label> slide(LabelOf of, int item, double x0, double xMax, double baseline,
                               double font, std::string text, double widen) {
        const double width = textWidth(text, font) * widen;
        Box box{x0, x0 + width, baseline - kAscent * font, baseline + kDescent * font};
        for (bool moved = true; moved;) {
            if (box.x1 > xMax) return std::nullopt;
            moved = false;
            for (const Box& t : taken_)
                if (t.hits(box, 6 * u_)) {
                    box.x0 = t.x1 + 7 * u_;
                    box.x1 = box.x0 + width;
                    moved = true;
                }
        }
        taken_.push_back(box);
        return Label{of, item, box.x0, box.y0, box.x1, baseline, font, std::move(text)};
    }

    // Above the glyph, beside it, on the lane's top line (next to task names), under it, on the
    // bottom line: the first place that overlaps nothing.
    std::optional<Label> place(LabelOf of, int item, double x, double y, double font,
                               const std::string& text, double widen) {
        const double width = textWidth(text, font) * widen;
        const double side = 21 * u_ + width / 2;
        struct Spot {
            double centre, baseline;
        };
        const std::array<Spot, 6> candidates{{{x, y - 17 * u_},
                                              {x + side, y + 0.3 * font},
                                              {x, lane_.y0 + 24 * u_},
                                              {x - side, y + 0.3 * font},
                                              {x, y + 34 * u_},
                                              {x, lane_.y1 - 8 * u_}}};
        for (Spot c : candidates) {
            c.centre = std::clamp(c.centre, xMin_ + width / 2, std::max(xMin_, xMax_ - width / 2));
            const Box box{c.centre - width / 2, c.centre + width / 2, c.baseline - kAscent * font,
                          c.baseline + kDescent * font};
            if (box.y0 < lane_.y0 + 2 * u_ || box.y1 > lane_.y1 - 1 * u_) continue;
            if (std::any_of(taken_.begin(), taken_.end(),
                            [&](const Box& t) { return t.hits(box, 6 * u_); }))
                continue;
            taken_.push_back(box);
            return Label{of, item, box.x0, box.y0, box.x1, c.baseline, font, text};
        }
        return std::nullopt;
    }

  private:
    const Lane& lane_;
    double xMin_, xMax_, u_;
    std::vector<Box> taken_;
};

// The short form of a label: its last word ("deliver v3" → "v3", "kernel 0xeb" → "0xeb"), or
// nothing when it has one word.
std::string shortened(const std::string& label) {
    const auto space = label.rfind(' ');
    return space == std::string::npos ? std::string() : label.substr(space + 1);
}

// The glyph a marker draws, as a box words keep clear of (a switch: the grip on top of its bar).
Box glyphBox(const Marker& m, const Lane& lane, double u) {
    if (m.kind == MarkerKind::ContextSwitch)
        return {m.x - 8 * u, m.x + 8 * u, lane.y0 - 6 * u, lane.y0 + 8 * u};
    return {m.x - 11 * u, m.x + 11 * u, m.y - 12 * u, m.y + 12 * u};
}

// An arrow's label, vertically centred in the gap the arrow leaves its lane by (the gap above the
// lane for a self-IPI's loop): on the line where the line is, else beside it; nothing when the
// arrow is shorter than most of its words (a steep arrow at a wide zoom: the tooltip tells).
std::optional<Label> placeArrowLabel(const TimelineGeometry& g, const std::vector<Box>& taken,
                                     int item, double u) {
    const Viewport& v = g.viewport;
    const Arrow& a = g.arrows[static_cast<std::size_t>(item)];
    const std::string text = arrowLabel(a);
    const double font = v.text.arrow;
    const double width = textWidth(text, font) * kBold;
    const double xMin = v.labelWidth + 2 * u, xMax = v.width - 2 * u;
    const double visible =
        std::min({a.x0, a.x1, xMax}) < std::max({a.x0, a.x1, xMin})
            ? std::min(std::max(a.x0, a.x1), xMax) - std::max(std::min(a.x0, a.x1), xMin)
            : 0;
    if (visible < 0.6 * width) return std::nullopt;
    // Where the line crosses the middle of the gap it starts in.
    double cy = 0, cx = 0;
    if (a.y0 == a.y1) { // a loop above the lane (arrowPath)
        cy = a.y0 - v.laneGap / 2;
        cx = (a.x0 + a.x1) / 2;
    } else {
        const double dir = a.y1 > a.y0 ? 1 : -1;
        cy = a.y0 + dir * v.laneGap / 2;
        const double k = a.y1 != a.y0 ? (cy - a.y0) / (a.y1 - a.y0) : 0.5;
        cx = a.x0 + k * (a.x1 - a.x0);
    }
    const double y0 = cy - font / 2, baseline = y0 + kAscent * font;
    if (y0 < v.rulerHeight) return std::nullopt;
    for (const double centre : {cx, cx + width / 2 + 4 * u, cx - width / 2 - 4 * u}) {
        const double c = std::clamp(centre, xMin + width / 2, std::max(xMin, xMax - width / 2));
        const Box box{c - width / 2, c + width / 2, y0, y0 + font};
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const Box& t) { return t.hits(box, 4 * u); }))
            continue;
        return Label{LabelOf::Arrow, item, box.x0, box.y0, box.x1, baseline, font, text};
    }
    return std::nullopt;
}

} // namespace

void placeLabels(TimelineGeometry& g) {
    const Viewport& v = g.viewport;
    const auto& f = v.text;
    const double u = f.glyph / 20; // the SVG's distances are for a 20 px glyph
    g.labels.clear();
    for (const Lane& lane : g.lanes) {
        LanePlacer placer(lane, v.labelWidth + 2 * u, v.width - 2 * u, u);
        // Glyphs are not covered by words; a merged marker has no label (its tooltip counts), a
        // switch has none (the segment it starts names its task).
        std::vector<int> labelled;
        for (std::size_t i = 0; i < g.markers.size(); ++i) {
            const Marker& m = g.markers[i];
            if (m.cpu != lane.cpu) continue;
            // The grip on top of a switch's bar is what a hand reaches for: kept clear too.
            placer.reserve(glyphBox(m, lane, u));
            if (m.kind != MarkerKind::ContextSwitch && m.merged == 1)
                labelled.push_back(static_cast<int>(i));
        }
        // The spurious notification is the point of most pictures: it picks its place first.
        const auto placeMarker = [&](int i) {
            const Marker& m = g.markers[static_cast<std::size_t>(i)];
            const bool red = m.kind == MarkerKind::Spurious;
            const double font = red ? f.spurious : f.marker;
            const LabelOf of = red ? LabelOf::Spurious : LabelOf::Marker;
            // "UIS +1" is the one label that never loses a word: "+1" alone says nothing.
            for (const std::string& text : {m.label, red ? std::string() : shortened(m.label)}) {
                if (text.empty()) continue;
                if (auto l = placer.place(of, i, m.x, m.y, font, text, red ? kBold : 1.0)) {
                    g.labels.push_back(std::move(*l));
                    return;
                }
            }
        };
        for (const int i : labelled)
            if (g.markers[static_cast<std::size_t>(i)].kind == MarkerKind::Spurious) placeMarker(i);
        // Task and idle names at the top left of their segment (past a glyph or a badge in the
        // way), when they fit whole.
        for (std::size_t i = 0; i < g.segments.size(); ++i) {
            const Segment& s = g.segments[i];
            if (s.cpu != lane.cpu || s.kind == SegmentKind::Handler || s.merged > 1 ||
                s.label.empty())
                continue;
            const double font = s.kind == SegmentKind::Idle ? f.task - 2 * u : f.task;
            if (auto l = placer.slide(LabelOf::Segment, static_cast<int>(i), s.x0 + 8 * u,
                                      s.x1 - 8 * u, lane.y0 + 5 * u + f.task, font, s.label,
                                      s.kind == SegmentKind::Idle ? 1.0 : kBold))
                g.labels.push_back(std::move(*l));
        }
        // "handler v3" in its band, or just "v3" in a short one.
        for (std::size_t i = 0; i < g.segments.size(); ++i) {
            const Segment& s = g.segments[i];
            if (s.cpu != lane.cpu || s.kind != SegmentKind::Handler || s.merged > 1) continue;
            for (const std::string& text : {s.label, shortened(s.label)}) {
                if (text.empty()) continue;
                if (auto l = placer.slide(LabelOf::Handler, static_cast<int>(i), s.x0 + 6 * u,
                                          s.x1 - 6 * u, s.y1 - 8 * u, f.handler, text, kBold)) {
                    g.labels.push_back(std::move(*l));
                    break;
                }
            }
        }
        for (const int i : labelled)
            if (g.markers[static_cast<std::size_t>(i)].kind != MarkerKind::Spurious) placeMarker(i);
    }
    if (g.arrows.empty()) return;
    // Across lanes: every word and glyph placed so far, then the spurious IPIs' labels first.
    std::vector<Box> taken;
    taken.reserve(g.labels.size() + g.markers.size());
    for (const Label& l : g.labels)
        taken.push_back({l.x0, l.x1, l.y0, l.y1()});
    std::vector<const Lane*> laneOf; // by CPU: hidden lanes have none
    for (const Lane& lane : g.lanes) {
        if (lane.cpu >= static_cast<int>(laneOf.size()))
            laneOf.resize(static_cast<std::size_t>(lane.cpu) + 1, nullptr);
        laneOf[static_cast<std::size_t>(lane.cpu)] = &lane;
    }
    for (const Marker& m : g.markers)
        if (m.cpu >= 0 && m.cpu < static_cast<int>(laneOf.size()) &&
            laneOf[static_cast<std::size_t>(m.cpu)])
            taken.push_back(glyphBox(m, *laneOf[static_cast<std::size_t>(m.cpu)], u));
    for (const bool red : {true, false})
        for (std::size_t i = 0; i < g.arrows.size(); ++i) {
            if (g.arrows[i].spurious != red) continue;
            if (auto l = placeArrowLabel(g, taken, static_cast<int>(i), u)) {
                taken.push_back({l->x0, l->x1, l->y0, l->y1()});
                g.labels.push_back(std::move(*l));
            }
        }
}

} // namespace uintr::render
