#include "render/RaceMap.h"

#include "render/SvgDocument.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace uintr::render {

using analysis::OutcomeClass;
using svg::num;

std::string_view outcomeColour(OutcomeClass c) {
    switch (c) {
    case OutcomeClass::Invalid:
        return "#bbbbbb";
    case OutcomeClass::Quiet:
        return "#e8e8e8";
    case OutcomeClass::Delivered:
        return "#009e73"; // bluish green
    case OutcomeClass::Late:
        return "#f0e442"; // yellow
    case OutcomeClass::Pending:
        return "#56b4e9"; // sky blue
    case OutcomeClass::Spurious:
        return "#d55e00"; // vermillion, the timeline's spurious red
    case OutcomeClass::NeverWoken:
        return "#cc79a7"; // reddish purple
    case OutcomeClass::Lost:
        return "#0072b2"; // blue
    case OutcomeClass::Storm:
        return "#000000";
    }
    return "#bbbbbb";
}

std::string windowLabel(const analysis::Window& w) {
    const std::string what(analysis::info(w.outcome.cls()).label);
    if (w.from == w.to) return what + " at " + std::to_string(w.from) + " ns";
    return what + " from " + std::to_string(w.from) + " to " + std::to_string(w.to) + " ns";
}

namespace {

constexpr double kLeft = 120, kTop = 96, kRight = 40;
constexpr double kFont = 18, kTick = 15;
// Rows overlap the next by this much: anti-aliased edges of abutting rectangles would otherwise
// leave hairlines of background between rows.
constexpr double kSeam = 1.0;

std::string css(bool dark) {
    const std::string ink = dark ? "#e6e6e6" : "#1a1a1a";
    const std::string muted = dark ? "#a0a0a0" : "#5a5a5a";
    std::string s;
    s += "  .bg { fill: " + std::string(dark ? "#1e1e1e" : "#ffffff") + "; }\n";
    s += "  text { font-family: sans-serif; fill: " + ink + "; }\n";
    s += "  .title { font-size: 26px; font-weight: bold; }\n";
    s += "  .subtitle { font-size: " + num(kFont) + "px; fill: " + muted + "; }\n";
    s += "  .axis { stroke: " + muted + "; stroke-width: 1.5; fill: none; }\n";
    s += "  .tick-label { font-size: " + num(kTick) + "px; fill: " + muted +
         "; text-anchor: middle; }\n";
    s += "  .tick-label-end { font-size: " + num(kTick) + "px; fill: " + muted +
         "; text-anchor: end; }\n";
    s += "  .axis-title { font-size: " + num(kFont) + "px; font-weight: bold; }\n";
    s += "  .axis-title-mid { font-size: " + num(kFont) +
         "px; font-weight: bold; text-anchor: middle; }\n";
    s += "  .legend { font-size: " + num(kFont) + "px; }\n";
    s += "  .window-label { font-size: " + num(kTick) + "px; }\n";
    s += "  .boundary { stroke: " + ink + "; stroke-width: 1; }\n";
    s += "  .own { fill: none; stroke: " + ink + "; stroke-width: 3; }\n";
    s += "  .own-label { font-size: " + num(kTick) + "px; font-weight: bold; }\n";
    for (const auto& i : analysis::kOutcomeClasses)
        s += "  .o-" + std::string(i.name) + " { fill: " + std::string(outcomeColour(i.cls)) +
             "; }\n";
    return s;
}

// Ticks at 1, 2 or 5 × 10^k ns, about `want` of them over [lo, hi].
std::vector<std::int64_t> ticks(std::int64_t lo, std::int64_t hi, int want) {
    const double span = static_cast<double>(std::max<std::int64_t>(hi - lo, 1));
    const double raw = span / want;
    double step = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (step * m >= raw) {
            step *= m;
            break;
        }
    const auto s = std::max<std::int64_t>(1, static_cast<std::int64_t>(step));
    std::vector<std::int64_t> out;
    for (std::int64_t t = (lo + s - 1) / s * s; t <= hi; t += s)
        out.push_back(t);
    return out;
}

// Positions along one axis: the point v covers [pos(v), pos(v + step)).
struct Scale {
    const analysis::Axis& a;
    double origin, length;
    bool reversed = false; // the vertical axis grows upwards
    double pos(std::int64_t v) const {
        const double f =
            static_cast<double>(v - a.from) / static_cast<double>(a.to - a.from + a.step);
        return reversed ? origin + length - f * length : origin + f * length;
    }
};

std::string axisTitle(const scenario::Scenario& sc, const analysis::Axis& a) {
    return analysis::axisKey(sc, a) + " (ns)";
}

void legend(svg::Document& doc, const analysis::Grid& grid, double x, double y) {
    std::map<OutcomeClass, std::uint64_t> counts;
    for (const auto& o : grid.cells)
        ++counts[o.cls()];
    doc.text(x, y, "axis-title", "Outcome");
    for (const auto& [cls, n] : counts) {
        y += 30;
        doc.line("<rect class=\"o-" + std::string(analysis::info(cls).name) + "\" x=\"" + num(x) +
                 "\" y=\"" + num(y - 16) + "\" width=\"22\" height=\"22\"/>");
        doc.text(x + 32, y, "legend",
                 std::string(analysis::info(cls).label) + " (" + std::to_string(n) +
                     (n == 1 ? " point)" : " points)"));
    }
}

void ownPoint(svg::Document& doc, double x, double y, bool inside) {
    if (!inside) return;
    doc.line("<circle class=\"own\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"9\"/>");
    doc.text(x + 13, y - 11, "own-label", "this scenario");
}

void xAxis(svg::Document& doc, const Scale& s, double y, const std::string& title) {
    doc.line("<line class=\"axis\" x1=\"" + num(s.origin) + "\" y1=\"" + num(y) + "\" x2=\"" +
             num(s.origin + s.length) + "\" y2=\"" + num(y) + "\"/>");
    for (const auto t : ticks(s.a.from, s.a.to, 8)) {
        const double x = s.pos(t);
        doc.line("<line class=\"axis\" x1=\"" + num(x) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x) +
                 "\" y2=\"" + num(y + 6) + "\"/>");
        doc.text(x, y + 24, "tick-label", std::to_string(t));
    }
    doc.text(s.origin + s.length / 2, y + 50, "axis-title-mid", title);
}

} // namespace

RaceMapPlot raceMapPlot(const analysis::Grid& grid) {
    const bool twoD = grid.axes.size() > 1;
    return {kLeft, kTop, twoD ? 720.0 : 1040.0, twoD ? 720.0 : 70.0};
}

std::vector<std::int64_t> raceMapValuesAt(const analysis::Grid& grid, double x, double y) {
    const RaceMapPlot p = raceMapPlot(grid);
    if (grid.axes.size() != 2 || x < p.left || x >= p.left + p.width || y <= p.top ||
        y > p.top + p.height)
        return {};
    const double fx = (x - p.left) / p.width, fy = (p.top + p.height - y) / p.height;
    const auto index = [](const analysis::Axis& a, double f) {
        return std::clamp<std::int64_t>(
            static_cast<std::int64_t>(f * static_cast<double>(a.count())), 0, a.count() - 1);
    };
    return {grid.axes[0].valueAt(index(grid.axes[0], fx)),
            grid.axes[1].valueAt(index(grid.axes[1], fy))};
}

std::pair<double, double> raceMapCentreOf(const analysis::Grid& grid, std::int64_t v0,
                                          std::int64_t v1) {
    const RaceMapPlot p = raceMapPlot(grid);
    const Scale xs{grid.axes[0], p.left, p.width};
    const Scale ys{grid.axes[1], p.top, p.height, true};
    return {(xs.pos(v0) + xs.pos(v0 + grid.axes[0].step)) / 2,
            (ys.pos(v1) + ys.pos(v1 + grid.axes[1].step)) / 2};
}

std::string writeRaceMapSvg(const scenario::Scenario& sc, const analysis::Grid& grid,
                            const RaceMapOptions& o) {
    const bool twoD = grid.axes.size() > 1;
    const RaceMapPlot plot = raceMapPlot(grid);
    const double plotW = plot.width, plotH = plot.height;
    const double width = kLeft + plotW + (twoD ? 380 : kRight);
    // 1-D: each window's label goes in the first row where it does not overlap the last one.
    const auto ws = twoD ? std::vector<analysis::Window>{} : analysis::windows(grid);
    const Scale xs{grid.axes[0], kLeft, plotW};
    std::vector<int> labelRow;
    std::vector<double> rowEnd;
    for (const auto& w : ws) {
        const double x = xs.pos(w.from);
        std::size_t r = 0;
        while (r < rowEnd.size() && rowEnd[r] > x)
            ++r;
        if (r == rowEnd.size()) rowEnd.push_back(0);
        rowEnd[r] = x + 24 + svg::textWidth(windowLabel(w), kTick);
        labelRow.push_back(static_cast<int>(r));
    }
    std::size_t classes = 0;
    for (const auto& i : analysis::kOutcomeClasses)
        classes += std::any_of(grid.cells.begin(), grid.cells.end(),
                               [&](const analysis::Outcome& o) { return o.cls() == i.cls; });
    const double labelsTop = kTop + plotH + 90;
    const double legendTop = labelsTop + static_cast<double>(rowEnd.size()) * 26 + 20;
    const double height =
        twoD ? kTop + plotH + 100 : legendTop + static_cast<double>(classes + 1) * 30 + 10;
    svg::Document doc;
    doc.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    doc.open("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width) +
             "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
             "\">");
    const std::string title = o.title.empty() ? sc.title : o.title;
    doc.line("<title>" + svg::escape(title) + "</title>");
    doc.line("<style type=\"text/css\"><![CDATA[\n" + css(o.dark) + "  ]]></style>");
    doc.line("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" +
             num(height) + "\"/>");
    doc.text(kLeft, 38, "title", title);
    std::string sub = "Race map: " + std::to_string(grid.runs) + " runs, kernel " +
                      scenario::toString(sc.kernel.variant);
    for (const auto& a : grid.axes)
        sub += "; " + analysis::axisKey(sc, a) + " " + std::to_string(a.from) + ".." +
               std::to_string(a.to) + (a.step > 1 ? " step " + std::to_string(a.step) : "");
    doc.text(kLeft, 68, "subtitle", sub);

    const std::int64_t own0 = analysis::axisValue(sc, grid.axes[0]);
    const auto inside = [](const analysis::Axis& a, std::int64_t v) {
        return v >= a.from && v <= a.to;
    };
    if (twoD) {
        const Scale ys{grid.axes[1], kTop, plotH, true};
        doc.open("<g class=\"cells\">");
        // Each row as runs of equal class: a few hundred rectangles, not one per point.
        for (std::int64_t j = 0; j < grid.count(1); ++j) {
            const std::int64_t v1 = grid.axes[1].valueAt(j);
            const double y0 = ys.pos(v1 + grid.axes[1].step), y1 = ys.pos(v1);
            std::int64_t i = 0;
            while (i < grid.count(0)) {
                const OutcomeClass c = grid.at(i, j).cls();
                std::int64_t k = i + 1;
                while (k < grid.count(0) && grid.at(k, j).cls() == c)
                    ++k;
                const double x0 = xs.pos(grid.axes[0].valueAt(i));
                const double x1 = xs.pos(grid.axes[0].valueAt(k - 1) + grid.axes[0].step);
                doc.line("<rect class=\"o-" + std::string(analysis::info(c).name) + "\" x=\"" +
                         num(x0) + "\" y=\"" + num(y0) + "\" width=\"" + num(x1 - x0) +
                         "\" height=\"" + num(y1 - y0 + kSeam) + "\"/>");
                i = k;
            }
        }
        doc.close("</g>");
        xAxis(doc, xs, kTop + plotH, axisTitle(sc, grid.axes[0]));
        doc.line("<line class=\"axis\" x1=\"" + num(kLeft) + "\" y1=\"" + num(kTop) + "\" x2=\"" +
                 num(kLeft) + "\" y2=\"" + num(kTop + plotH) + "\"/>");
        for (const auto t : ticks(grid.axes[1].from, grid.axes[1].to, 8)) {
            const double y = ys.pos(t);
            doc.line("<line class=\"axis\" x1=\"" + num(kLeft - 6) + "\" y1=\"" + num(y) +
                     "\" x2=\"" + num(kLeft) + "\" y2=\"" + num(y) + "\"/>");
            doc.text(kLeft - 10, y + 5, "tick-label-end", std::to_string(t));
        }
        doc.text(kLeft + plotW + 40, kTop + plotH - 10, "axis-title",
                 "↑ " + axisTitle(sc, grid.axes[1]));
        const std::int64_t own1 = analysis::axisValue(sc, grid.axes[1]);
        ownPoint(doc, (xs.pos(own0) + xs.pos(own0 + grid.axes[0].step)) / 2,
                 (ys.pos(own1) + ys.pos(own1 + grid.axes[1].step)) / 2,
                 inside(grid.axes[0], own0) && inside(grid.axes[1], own1));
        legend(doc, grid, kLeft + plotW + 40, kTop + 10);
        doc.close("</svg>");
        return doc.str();
    }

    // 1-D: the strip, each window labelled with its boundaries.
    doc.open("<g class=\"cells\">");
    for (const auto& w : ws) {
        const double x0 = xs.pos(w.from), x1 = xs.pos(w.to + grid.axes[0].step);
        doc.titled("<rect class=\"o-" + std::string(analysis::info(w.outcome.cls()).name) +
                       "\" x=\"" + num(x0) + "\" y=\"" + num(kTop) + "\" width=\"" + num(x1 - x0) +
                       "\" height=\"" + num(plotH) + "\">",
                   "rect", windowLabel(w));
    }
    doc.close("</g>");
    xAxis(doc, xs, kTop + plotH, axisTitle(sc, grid.axes[0]));
    ownPoint(doc, (xs.pos(own0) + xs.pos(own0 + grid.axes[0].step)) / 2, kTop + plotH / 2,
             inside(grid.axes[0], own0));
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const auto& w = ws[k];
        const double x = xs.pos(w.from);
        const double y = labelsTop + labelRow[k] * 26.0;
        doc.line("<line class=\"boundary\" x1=\"" + num(x) + "\" y1=\"" + num(kTop) + "\" x2=\"" +
                 num(x) + "\" y2=\"" + num(y - 14) + "\"/>");
        doc.line("<rect class=\"o-" + std::string(analysis::info(w.outcome.cls()).name) +
                 "\" x=\"" + num(x + 3) + "\" y=\"" + num(y - 12) +
                 "\" width=\"12\" height=\"12\"/>");
        doc.text(x + 19, y, "window-label", windowLabel(w));
    }
    legend(doc, grid, kLeft, legendTop);
    doc.close("</svg>");
    return doc.str();
}

} // namespace uintr::render
