// The timeline proper, drawn from the geometry the screen uses: nothing here decides where
// anything is in time, only how it looks and where its text fits.
#include "render/Palette.h"
#include "render/SvgParts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace uintr::render::svg {

namespace {

std::string rectAttrs(double x0, double y0, double x1, double y1) {
    return "x=\"" + num(x0) + "\" y=\"" + num(y0) + "\" width=\"" + num(std::max(0.0, x1 - x0)) +
           "\" height=\"" + num(std::max(0.0, y1 - y0)) + "\"";
}

std::string segmentTitle(const Segment& s) {
    const std::string span = " on CPU " + std::to_string(s.cpu) + ", " + formatTime(s.t0) +
                             " \xE2\x80\x93 " + formatTime(s.t1);
    if (s.merged > 1)
        return std::to_string(s.merged) + " short segments" + span + " (zoom in to see each)";
    std::string what;
    switch (s.kind) {
    case SegmentKind::Task:
        what = s.label + " runs";
        break;
    case SegmentKind::Handler:
        what = s.label + " (the user-interrupt handler runs)";
        break;
    case SegmentKind::Kernel:
        what = "the kernel switches tasks";
        break;
    case SegmentKind::Idle:
        what = "idle";
        break;
    }
    return what + span + " (" + formatTime(s.t1 - s.t0) + ")";
}

// Where a marker's label may go on its lane: above the glyph, beside it, on the lane's top line
// (next to task names), under it, on the bottom line — the first place that overlaps nothing
// already there (labels, task and handler names, other glyphs). No place: no label; the
// marker's <title> still tells.
class LabelPlacer {
  public:
    LabelPlacer(const Lane& lane, double xMin, double xMax)
        : lane_(lane), xMin_(xMin), xMax_(xMax) {}

    void reserve(double x0, double x1, double y0, double y1) { taken_.push_back({x0, x1, y0, y1}); }
    void reserveText(double x0, double baseline, double width, double font) {
        reserve(x0, x0 + width, baseline - 0.78 * font, baseline + 0.22 * font);
    }

    struct Place {
        double centre, baseline;
    };
    std::optional<Place> place(double x, double y, double width, double font) {
        constexpr double kBeside = 21; // glyph centre to label edge: clear of the glyph box
        const double side = kBeside + width / 2;
        const std::array<Place, 6> candidates{{{x, y - 17},
                                               {x + side, y + 0.3 * font},
                                               {x, lane_.y0 + 24},
                                               {x - side, y + 0.3 * font},
                                               {x, y + 34},
                                               {x, lane_.y1 - 8}}};
        for (Place c : candidates) {
            c.centre = std::clamp(c.centre, xMin_ + width / 2, std::max(xMin_, xMax_ - width / 2));
            const Box box{c.centre - width / 2, c.centre + width / 2, c.baseline - 0.78 * font,
                          c.baseline + 0.22 * font};
            if (box.y0 < lane_.y0 + 2 || box.y1 > lane_.y1 - 1) continue;
            if (std::any_of(taken_.begin(), taken_.end(),
                            [&](const Box& t) { return t.hits(box); }))
                continue;
            taken_.push_back(box);
            return c;
        }
        return std::nullopt;
    }

  private:
    struct Box {
        double x0, x1, y0, y1;
        bool hits(const Box& o) const {
            constexpr double kPad = 6;
            return x0 < o.x1 + kPad && o.x0 < x1 + kPad && y0 < o.y1 && o.y0 < y1;
        }
    };
    const Lane& lane_;
    double xMin_, xMax_;
    std::vector<Box> taken_;
};

constexpr double kMarkerFont = 20, kSpuriousFont = 24, kTaskFont = 21, kHandlerFont = 17;

void drawRuler(Document& doc, const TimelineGeometry& g) {
    const Viewport& v = g.viewport;
    const double base = v.rulerHeight - 1;
    doc.open("<g class=\"ruler\">");
    doc.line("<line class=\"tick\" x1=\"" + num(v.labelWidth) + "\" y1=\"" + num(base) +
             "\" x2=\"" + num(v.width) + "\" y2=\"" + num(base) + "\"/>");
    for (const Tick& t : g.ticks) {
        const double len = t.major ? 10 : 5;
        doc.line("<line class=\"tick\" x1=\"" + num(t.x) + "\" y1=\"" + num(base - len) +
                 "\" x2=\"" + num(t.x) + "\" y2=\"" + num(base) + "\"/>");
        if (t.major) doc.text(t.x, base - 14, "tick-label mid", t.label);
    }
    doc.close("</g>");
    doc.open("<g class=\"grid\">");
    for (const Tick& t : g.ticks)
        if (t.major)
            doc.line("<line class=\"grid\" x1=\"" + num(t.x) + "\" y1=\"" + num(v.rulerHeight) +
                     "\" x2=\"" + num(t.x) + "\" y2=\"" + num(g.height) + "\"/>");
    doc.close("</g>");
}

// The base segments of one lane, a <g> per task (and one for idle, one for the kernel).
void drawSegments(Document& doc, const TimelineGeometry& g, const Lane& lane,
                  const scenario::Scenario& sc, LabelPlacer& labels) {
    std::map<int, std::vector<const Segment*>> byTask; // -3 idle, -2 kernel, -1 merged, k task
    for (const Segment& s : g.segments) {
        if (s.cpu != lane.cpu || s.kind == SegmentKind::Handler) continue;
        const int key = s.kind == SegmentKind::Idle     ? -3
                        : s.kind == SegmentKind::Kernel ? -2
                                                        : s.task;
        byTask[key].push_back(&s);
    }
    for (const auto& [key, segments] : byTask) {
        std::string group;
        if (key == -3) {
            group = "<g class=\"idle\">";
        } else if (key == -2) {
            group = "<g class=\"kernel\">";
        } else if (key == -1) {
            group = "<g class=\"task\">";
        } else {
            group = "<g class=\"task\" id=\"cpu-" + std::to_string(lane.cpu) + "-task-" +
                    escape(sc.taskName(key)) + "\">";
        }
        doc.open(group);
        for (const Segment* s : segments) {
            const std::string cls = s->kind == SegmentKind::Idle     ? "seg-idle"
                                    : s->kind == SegmentKind::Kernel ? "seg-kernel"
                                                                     : taskClass(s->task);
            doc.titled("<rect class=\"" + cls + "\" " + rectAttrs(s->x0, s->y0, s->x1, s->y1) + ">",
                       "rect", segmentTitle(*s));
            if (s->merged > 1) continue;
            const bool idle = s->kind == SegmentKind::Idle;
            const double font = idle ? kTaskFont - 2 : kTaskFont;
            const double w = textWidth(s->label, font);
            if (w + 16 > s->x1 - s->x0) continue;
            const double x0 = s->x0 + 8;
            doc.text(x0, lane.y0 + 26, idle ? "idle-label" : "seg-label", s->label);
            labels.reserveText(x0, lane.y0 + 26, w, font);
        }
        doc.close("</g>");
    }
}

void drawHandlers(Document& doc, const TimelineGeometry& g, const Lane& lane, LabelPlacer& labels) {
    bool any = false;
    for (const Segment& s : g.segments) {
        if (s.cpu != lane.cpu || s.kind != SegmentKind::Handler) continue;
        if (!any) doc.open("<g class=\"handlers\">");
        any = true;
        const std::string cls = "handler-" + taskClass(s.task).substr(5);
        doc.titled("<rect class=\"" + cls + "\" " + rectAttrs(s.x0, s.y0, s.x1, s.y1) + ">", "rect",
                   segmentTitle(s));
        if (s.merged > 1) continue;
        // "handler v3", or just "v3" in a short band.
        for (const std::string& label : {s.label, s.label.substr(s.label.rfind(' ') + 1)}) {
            const double w = textWidth(label, kHandlerFont);
            if (w + 12 > s.x1 - s.x0) continue;
            doc.text(s.x0 + 6, s.y1 - 8, "handler-label", label);
            labels.reserveText(s.x0 + 6, s.y1 - 8, w, kHandlerFont);
            break;
        }
    }
    if (any) doc.close("</g>");
}

void drawMarkers(Document& doc, const TimelineGeometry& g, const Lane& lane, LabelPlacer& labels) {
    doc.open("<g class=\"markers\">");
    std::vector<const Marker*> labelled;
    for (const Marker& m : g.markers) {
        if (m.cpu != lane.cpu) continue;
        // A merged marker stands for many too close to tell apart: drawn smaller and without a
        // label ("SENDUIPI ×22" a hundred times over reads as noise), its <title> says the rest.
        const bool merged = m.merged > 1 && m.kind != MarkerKind::ContextSwitch;
        doc.open(merged ? "<g transform=\"translate(" + num(m.x) + "," + num(m.y) +
                              ") scale(0.55) translate(" + num(-m.x) + "," + num(-m.y) + ")\">"
                        : std::string("<g>"));
        doc.line("<title>" + escape(m.tooltip) + "</title>");
        doc.line(glyph(m.kind, m.x, m.y, lane.y0, lane.y1));
        doc.close("</g>");
        // The segment names the task a switch brings in; its own label would only repeat it.
        if (m.kind == MarkerKind::ContextSwitch || merged) continue;
        labelled.push_back(&m);
        labels.reserve(m.x - 11, m.x + 11, m.y - 12, m.y + 12); // labels do not hide glyphs
    }
    // The spurious notification is the point of most pictures: it picks its place first.
    std::stable_partition(labelled.begin(), labelled.end(),
                          [](const Marker* m) { return m->kind == MarkerKind::Spurious; });
    for (const Marker* m : labelled) {
        const bool red = m->kind == MarkerKind::Spurious;
        const double font = red ? kSpuriousFont : kMarkerFont;
        if (const auto at = labels.place(m->x, m->y, textWidth(m->label, font), font))
            doc.text(at->centre, at->baseline, red ? "m-label-spurious mid" : "m-label mid",
                     m->label);
    }
    doc.close("</g>");
}

// A polyline clipped to the plot's x range (arrows may start before the window).
std::vector<std::pair<double, double>> clipX(const std::vector<std::pair<double, double>>& pts,
                                             double xMin, double xMax) {
    std::vector<std::pair<double, double>> out;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        // Plain names, not structured bindings: clang 14 (the fuzz preset) cannot capture those.
        const double ax = pts[i].first, ay = pts[i].second;
        const double bx = pts[i + 1].first, by = pts[i + 1].second;
        auto at = [&](double x) {
            const double k = (x - ax) / (bx - ax);
            return std::pair<double, double>{x, ay + k * (by - ay)};
        };
        if ((ax < xMin && bx < xMin) || (ax > xMax && bx > xMax)) continue;
        std::pair<double, double> a{ax, ay}, b{bx, by};
        if (ax < xMin) a = at(xMin);
        if (bx > xMax) b = at(xMax);
        if (out.empty() || out.back() != a) out.push_back(a);
        out.push_back(b);
    }
    return out;
}

std::string arrowTitle(const Arrow& a, const model::Trace& trace) {
    const auto& sent = trace.events[static_cast<std::size_t>(a.sentEvent)];
    char vec[16];
    std::snprintf(vec, sizeof vec, "0x%x", static_cast<unsigned>(sent.vector));
    std::string s;
    if (a.merged > 1) s = std::to_string(a.merged) + " IPIs, the first: ";
    if (a.self)
        s += "self-IPI " + std::string(vec) + " on CPU " + std::to_string(a.fromCpu) + " at " +
             formatTime(a.t0);
    else
        s += "IPI " + std::string(vec) + " from CPU " + std::to_string(a.fromCpu) + " at " +
             formatTime(a.t0) + " to CPU " + std::to_string(a.toCpu);
    if (a.arrivedEvent < 0) return s + ", still in flight when the run ends";
    s += ", arrives at " + formatTime(a.t1);
    if (a.spurious) s += ": spurious, UINV no longer matches: IDT \xE2\x86\x92 kernel, UIS +1";
    return s;
}

void drawArrows(Document& doc, const TimelineGeometry& g, const model::Trace& trace) {
    if (g.arrows.empty()) return;
    const Viewport& v = g.viewport;
    doc.open("<g class=\"ipis\">");
    for (const Arrow& a : g.arrows) {
        std::vector<std::pair<double, double>> pts;
        if (a.self) {
            // A loop above the lane, in the gap between lanes.
            const double lift = v.laneGap * 1.2;
            for (int i = 0; i <= 16; ++i) {
                const double u = i / 16.0, w = 1 - u;
                const double x = w * w * w * a.x0 + 3 * w * w * u * a.x0 + 3 * w * u * u * a.x1 +
                                 u * u * u * a.x1;
                const double y = a.y0 - 3 * w * u * lift;
                pts.push_back({x, y});
            }
        } else {
            pts = {{a.x0, a.y0}, {a.x1, a.y1}};
        }
        const auto clipped = clipX(pts, v.labelWidth, v.width);
        if (clipped.size() < 2) continue;
        std::string d;
        for (std::size_t i = 0; i < clipped.size(); ++i)
            d += (i ? "L" : "M") + num(clipped[i].first) + " " + num(clipped[i].second);
        const char* cls = a.spurious ? "arrow-spurious" : a.self ? "arrow-self" : "arrow";
        doc.open("<g>");
        doc.line("<title>" + escape(arrowTitle(a, trace)) + "</title>");
        doc.line("<path class=\"" + std::string(cls) + "\" d=\"" + d + "\"/>");
        if (a.x1 <= v.width && a.x1 >= v.labelWidth) {
            // The head, along the last stretch of the line.
            const auto [ex, ey] = clipped.back();
            const auto [px, py] = clipped[clipped.size() - 2];
            const double len = std::hypot(ex - px, ey - py);
            const double ux = len > 0 ? (ex - px) / len : 0, uy = len > 0 ? (ey - py) / len : 1;
            const double bx = ex - ux * 14, by = ey - uy * 14;
            doc.line("<polygon class=\"" + std::string(a.spurious ? "head-spurious" : "head") +
                     "\" points=\"" + num(ex) + "," + num(ey) + " " + num(bx - uy * 7) + "," +
                     num(by + ux * 7) + " " + num(bx + uy * 7) + "," + num(by - ux * 7) + "\"/>");
        }
        doc.close("</g>");
    }
    doc.close("</g>");
}

} // namespace

Present presentIn(const TimelineGeometry& g) {
    Present p;
    for (const Segment& s : g.segments) {
        p.handler |= s.kind == SegmentKind::Handler;
        p.kernel |= s.kind == SegmentKind::Kernel;
        p.idle |= s.kind == SegmentKind::Idle;
    }
    for (const Marker& m : g.markers)
        p.markers.insert(m.kind);
    for (const Arrow& a : g.arrows) {
        p.ipi |= !a.self && !a.spurious;
        p.spurious |= a.spurious;
        p.self |= a.self && !a.spurious;
    }
    return p;
}

void drawTimeline(Document& doc, const TimelineGeometry& g, double top,
                  const scenario::Scenario& sc, const model::Trace& trace) {
    const Viewport& v = g.viewport;
    doc.open("<g class=\"timeline\" transform=\"translate(0," + num(top) + ")\">");
    for (const Lane& lane : g.lanes)
        doc.line("<rect class=\"lane-bg\" " + rectAttrs(v.labelWidth, lane.y0, v.width, lane.y1) +
                 "/>");
    drawRuler(doc, g);
    for (const Lane& lane : g.lanes) {
        doc.open("<g class=\"cpu\" id=\"cpu-" + std::to_string(lane.cpu) + "\">");
        doc.text(16, (lane.y0 + lane.y1) / 2 + 8, "lane-label", lane.label);
        LabelPlacer labels(lane, v.labelWidth + 2, v.width - 2);
        drawSegments(doc, g, lane, sc, labels);
        drawHandlers(doc, g, lane, labels);
        drawMarkers(doc, g, lane, labels);
        doc.close("</g>");
    }
    drawArrows(doc, g, trace);
    doc.close("</g>");
}

} // namespace uintr::render::svg
