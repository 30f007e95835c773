// The page: title and facts on top, the narration's badges over the ruler, the timeline, then
// the narration list, the registers and the legend. The panels are measured first and the lanes
// get what is left of the 16:9 page, so a two-CPU race gets tall, readable lanes; when even
// minimal lanes do not fit, the page grows rather than dropping content.
#include "render/SvgWriter.h"

#include "render/Palette.h"
#include "render/SvgParts.h"

#include <algorithm>

namespace uintr::render {

namespace {

using svg::Document;
using svg::num;

constexpr double kMargin = 24;
constexpr double kTitleFont = 32;

// "kernel rfc-v1 · 2 CPUs · … — 1 spurious notification (UIS +1), 1 user interrupt delivered":
// the facts a reader needs to trust the picture, counted over the whole run.
std::string facts(const scenario::Scenario& sc, const model::Trace& trace) {
    const std::string dot = " \xC2\xB7 ";
    std::string s = std::string("kernel ") + scenario::toString(sc.kernel.variant) + dot +
                    std::to_string(sc.machine.cpus) + (sc.machine.cpus == 1 ? " CPU" : " CPUs") +
                    dot + (sc.machine.apicMode == scenario::ApicMode::XApic ? "xAPIC" : "x2APIC") +
                    dot + "IPI latency " + formatTime(sc.machine.ipiLatencyNs) + dot + "handler " +
                    formatTime(sc.kernel.handlerNs);
    if (sc.kernel.contextSwitchNs > 0) s += dot + "switch " + formatTime(sc.kernel.contextSwitchNs);
    if (!sc.machine.uintrSupported)
        s += dot + "no UINTR";
    else if (!sc.machine.uintrEnabled)
        s += dot + "UINTR not enabled";
    if (!sc.machine.xsavesClearsUinv) s += dot + "XSAVES keeps UINV";
    std::size_t spurious = 0, delivered = 0, faults = 0, lost = 0;
    for (const auto& e : trace.events) {
        spurious += e.kind == model::EventKind::SpuriousNotification;
        delivered += e.kind == model::EventKind::UserInterruptDelivered;
        faults += e.kind == model::EventKind::Fault;
        lost += e.kind == model::EventKind::VectorLost;
    }
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    s += "  \xE2\x80\x94  " +
         count(spurious, "spurious notification (UIS +1)", "spurious notifications (UIS)") + ", " +
         count(delivered, "user interrupt delivered", "user interrupts delivered");
    if (faults) s += ", " + count(faults, "fault", "faults");
    if (lost) s += ", " + count(lost, "vector lost", "vectors lost");
    return s;
}

std::vector<std::string> titleLines(const std::string& title, double width) {
    auto lines = svg::wrap(title, kTitleFont, width);
    if (lines.size() > 2) {
        // A kept document should not lose its title, but three lines would crowd the lanes.
        lines.resize(2);
        lines[1] += " \xE2\x80\xA6";
    }
    if (lines.empty()) lines.push_back("UINTR Lab timeline");
    return lines;
}

} // namespace

std::string writeSvg(const scenario::Scenario& sc, const model::Trace& trace, const SvgOptions& o) {
    const double width = std::max(480.0, o.width);
    const double inner = width - 2 * kMargin;
    const TimelineLayout layout(sc, trace);

    Viewport v = layout.fit(width - kMargin);
    if (o.from) v.t0 = *o.from;
    if (o.to) v.t1 = *o.to;
    if (v.t1 <= v.t0) v.t1 = v.t0 + 1;
    v.rulerHeight = 40;
    v.laneGap = 34; // room for self-IPI loops above a lane

    std::vector<svg::Callout> callouts;
    if (o.narration)
        for (std::size_t i = 0; i < sc.narration.size(); ++i)
            if (sc.narration[i].at >= v.t0 && sc.narration[i].at <= v.t1)
                callouts.push_back(
                    {static_cast<int>(i + 1), sc.narration[i].at, sc.narration[i].text});
    const auto notes = registerAnnotations(sc, o.annotateAt);

    // Top block.
    const auto title = titleLines(o.title.empty() ? sc.title : o.title, inner);
    double y = kMargin + kTitleFont;
    const double titleBaseline = y;
    y += static_cast<double>(title.size() - 1) * (kTitleFont + 6) + 28;
    const double factsBaseline = y;
    y += callouts.empty() ? 14 : 44;
    const double calloutY = y - 18;
    const double top = y;

    // Bottom block, measured with the legend of what the window shows.
    const svg::Present present = svg::presentIn(layout.layout(v));
    const double tagSpace = notes.empty() ? 0 : 34;
    const double narrationH = svg::drawNarration(nullptr, callouts, kMargin, 0, inner);
    const double notesH = svg::drawAnnotationPanel(nullptr, notes, kMargin, 0, inner);
    const double legendH = svg::drawLegend(nullptr, present, kMargin, 0, inner);
    const double below = tagSpace + 16 + (narrationH > 0 ? narrationH + 14 : 0) +
                         (notesH > 0 ? notesH + 14 : 0) + legendH + kMargin;

    const int n = layout.cpuCount();
    const double room = o.height - top - below - v.rulerHeight - v.laneGap * (n + 1);
    v.laneHeight = std::clamp(room / n, 100.0, 190.0); // below 100 px labels drop
    const TimelineGeometry g = layout.layout(v);
    const double height = std::max(o.height, top + g.height + below);

    Document doc;
    doc.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    doc.open("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width) +
             "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
             "\" class=\"" + (o.dark ? "dark" : "light") + "\">");
    doc.line("<title>" + svg::escape(o.title.empty() ? sc.title : o.title) + "</title>");
    if (!sc.summary.empty()) doc.line("<desc>" + svg::escape(sc.summary) + "</desc>");
    doc.line("<style type=\"text/css\"><![CDATA[\n" + paletteCss(o.dark) + "  ]]></style>");
    doc.line("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" +
             num(height) + "\"/>");

    doc.open("<g class=\"heading\">");
    for (std::size_t i = 0; i < title.size(); ++i)
        doc.text(kMargin, titleBaseline + static_cast<double>(i) * (kTitleFont + 6), "title",
                 title[i]);
    doc.text(kMargin, factsBaseline, "subtitle", facts(sc, trace));
    doc.close("</g>");

    svg::drawTimeline(doc, g, top, sc);
    svg::drawCalloutBadges(doc, callouts, g.viewport, calloutY, top + 2,
                           top + g.viewport.rulerHeight - 1);
    const double lanesBottom = top + g.height;
    svg::drawAnnotationMarks(doc, notes, g.viewport, lanesBottom + 4, top + v.rulerHeight,
                             lanesBottom + 4);

    y = lanesBottom + tagSpace + 16;
    if (narrationH > 0) y += svg::drawNarration(&doc, callouts, kMargin, y, inner) + 14;
    if (notesH > 0) y += svg::drawAnnotationPanel(&doc, notes, kMargin, y, inner) + 14;
    svg::drawLegend(&doc, present, kMargin, y, inner);
    doc.close("</svg>");
    return doc.str();
}

} // namespace uintr::render
