// The timeline proper, drawn from the geometry the screen uses: nothing here decides where
// anything is in time, only how it looks and where its text fits.
#include "analysis/EventProse.h"
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

// The label geometry placed for segment or handler `item` (LabelOf::Segment / Handler), if any.
const Label* labelOf(const TimelineGeometry& g, LabelOf of, std::size_t item) {
    for (const Label& l : g.labels)
        if (l.of == of && l.item == static_cast<int>(item)) return &l;
    return nullptr;
}

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
                  const scenario::Scenario& sc) {
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
            if (const Label* l =
                    labelOf(g, LabelOf::Segment, static_cast<std::size_t>(s - g.segments.data())))
                doc.text(l->x0, l->baseline,
                         s->kind == SegmentKind::Idle ? "idle-label" : "seg-label", l->text);
        }
        doc.close("</g>");
    }
}

void drawHandlers(Document& doc, const TimelineGeometry& g, const Lane& lane) {
    bool any = false;
    for (std::size_t i = 0; i < g.segments.size(); ++i) {
        const Segment& s = g.segments[i];
        if (s.cpu != lane.cpu || s.kind != SegmentKind::Handler) continue;
        if (!any) doc.open("<g class=\"handlers\">");
        any = true;
        const std::string cls = "handler-" + taskClass(s.task).substr(5);
        doc.titled("<rect class=\"" + cls + "\" " + rectAttrs(s.x0, s.y0, s.x1, s.y1) + ">", "rect",
                   segmentTitle(s));
        if (const Label* l = labelOf(g, LabelOf::Handler, i))
            doc.text(l->x0, l->baseline, "handler-label", l->text);
    }
    if (any) doc.close("</g>");
}

void drawMarkers(Document& doc, const TimelineGeometry& g, const Lane& lane) {
    doc.open("<g class=\"markers\">");
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
    }
    // Placed by the geometry (render/TimelineLabels.cpp), the spurious notification's first.
    for (const Label& l : g.labels) {
        if ((l.of != LabelOf::Marker && l.of != LabelOf::Spurious) ||
            g.markers[static_cast<std::size_t>(l.item)].cpu != lane.cpu)
            continue;
        doc.text(l.centre(), l.baseline,
                 l.of == LabelOf::Spurious ? "m-label-spurious mid" : "m-label mid", l.text);
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

std::string arrowTitle(const Arrow& a) {
    const std::string vec = analysis::hexUpper(static_cast<std::uint64_t>(a.vector));
    std::string s;
    if (a.merged > 1) s = std::to_string(a.merged) + " IPIs, the first: ";
    if (a.self)
        s += "self-IPI " + vec + " on CPU " + std::to_string(a.fromCpu) + " at " + formatTime(a.t0);
    else
        s += "IPI " + vec + " from CPU " + std::to_string(a.fromCpu) + " at " + formatTime(a.t0) +
             " to CPU " + std::to_string(a.toCpu);
    if (a.arrivedEvent < 0) return s + ", still in flight when the run ends";
    s += ", arrives at " + formatTime(a.t1);
    if (a.spurious) s += ": spurious, UINV no longer matches: IDT \xE2\x86\x92 kernel, UIS +1";
    return s;
}

void drawArrows(Document& doc, const TimelineGeometry& g) {
    if (g.arrows.empty()) return;
    const Viewport& v = g.viewport;
    doc.open("<g class=\"ipis\">");
    for (const Arrow& a : g.arrows) {
        const auto clipped = clipX(arrowPath(a, v), v.labelWidth, v.width);
        if (clipped.size() < 2) continue;
        std::string d;
        for (std::size_t i = 0; i < clipped.size(); ++i)
            d += (i ? "L" : "M") + num(clipped[i].first) + " " + num(clipped[i].second);
        const char* cls = a.spurious ? "arrow-spurious" : a.self ? "arrow-self" : "arrow";
        doc.open("<g>");
        doc.line("<title>" + escape(arrowTitle(a)) + "</title>");
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
    // Placed by the geometry (render/TimelineLabels.cpp), on a plate of the background so that
    // the line under the words does not strike them through.
    for (const Label& l : g.labels) {
        if (l.of != LabelOf::Arrow) continue;
        const bool red = g.arrows[static_cast<std::size_t>(l.item)].spurious;
        doc.line("<rect class=\"a-plate\" " + rectAttrs(l.x0 - 2, l.y0, l.x1 + 2, l.y1()) + "/>");
        doc.text(l.centre(), l.baseline, red ? "a-label-spurious mid" : "a-label mid", l.text);
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
                  const scenario::Scenario& sc) {
    const Viewport& v = g.viewport;
    doc.open("<g class=\"timeline\" transform=\"translate(0," + num(top) + ")\">");
    for (const Lane& lane : g.lanes)
        doc.line("<rect class=\"lane-bg\" " + rectAttrs(v.labelWidth, lane.y0, v.width, lane.y1) +
                 "/>");
    drawRuler(doc, g);
    for (const Lane& lane : g.lanes) {
        doc.open("<g class=\"cpu\" id=\"cpu-" + std::to_string(lane.cpu) + "\">");
        doc.text(16, (lane.y0 + lane.y1) / 2 + 8, "lane-label", lane.label);
        drawSegments(doc, g, lane, sc);
        drawHandlers(doc, g, lane);
        drawMarkers(doc, g, lane);
        doc.close("</g>");
    }
    drawArrows(doc, g);
    doc.close("</g>");
}

} // namespace uintr::render::svg
