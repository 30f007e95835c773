// What surrounds the timeline in an exported picture: narration callouts and their list, the
// register annotations, the legend. Each panel can be measured first (doc == nullptr), so the
// page can give the lanes whatever height is left.
#include "render/MarkerText.h"
#include "render/Palette.h"
#include "render/SvgParts.h"

#include <algorithm>

namespace uintr::render::svg {

namespace {

constexpr double kBadgeR = 12;
constexpr double kLine = 25; // narration line height

void badge(Document& doc, double x, double y, int number) {
    doc.line("<circle class=\"callout\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" +
             num(kBadgeR) + "\"/>");
    doc.text(x, y + 5.5, "callout-num mid", std::to_string(number));
}

} // namespace

void drawCalloutBadges(Document& doc, const std::vector<Callout>& callouts, const Viewport& v,
                       double y, double lineTop, double lineBottom) {
    if (callouts.empty()) return;
    doc.open("<g class=\"callouts\">");
    double previous = -1e9;
    for (const Callout& c : callouts) {
        const double at = v.xOf(c.t);
        // Badges of nearby instants are pushed apart and tied to their instant by a line.
        const double x = std::max({at, previous + 2 * kBadgeR + 3, v.labelWidth + kBadgeR});
        previous = x;
        doc.open("<g>");
        doc.line("<title>" +
                 escape(std::to_string(c.number) + ". " + formatTime(c.t) + ": " + c.text) +
                 "</title>");
        doc.line("<line class=\"callout-line\" x1=\"" + num(x) + "\" y1=\"" + num(y + kBadgeR) +
                 "\" x2=\"" + num(at) + "\" y2=\"" + num(lineTop) + "\"/>");
        doc.line("<line class=\"callout-line\" x1=\"" + num(at) + "\" y1=\"" + num(lineTop) +
                 "\" x2=\"" + num(at) + "\" y2=\"" + num(lineBottom) + "\"/>");
        badge(doc, x, y, c.number);
        doc.close("</g>");
    }
    doc.close("</g>");
}

double drawNarration(Document* doc, const std::vector<Callout>& callouts, double x, double y,
                     double width) {
    if (callouts.empty()) return 0;
    constexpr double kTimeColumn = 110, kTextIndent = 2 * kBadgeR + 12;
    const double textX = x + kTextIndent + kTimeColumn;
    double h = 0;
    if (doc) doc->open("<g class=\"narration-list\">");
    for (const Callout& c : callouts) {
        const auto lines = wrap(c.text, 19, width - (textX - x));
        const double baseline = y + h + 19;
        if (doc) {
            badge(*doc, x + kBadgeR, baseline - 6, c.number);
            doc->text(x + kTextIndent, baseline, "narration-time", formatTime(c.t));
            for (std::size_t i = 0; i < lines.size(); ++i)
                doc->text(textX, baseline + static_cast<double>(i) * kLine, "narration", lines[i]);
        }
        h += static_cast<double>(std::max<std::size_t>(lines.size(), 1)) * kLine + 5;
    }
    if (doc) doc->close("</g>");
    return h;
}

void drawAnnotationMarks(Document& doc, const std::vector<RegisterAnnotation>& notes,
                         const Viewport& v, double tagY, double lineTop, double lineBottom) {
    if (notes.empty()) return;
    doc.open("<g class=\"annotations\">");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (notes[i].t < v.t0 || notes[i].t > v.t1) continue;
        const double x = v.xOf(notes[i].t);
        const std::string tag = "A" + std::to_string(i + 1);
        doc.open("<g>");
        doc.line("<title>" + escape(tag + " at " + formatTime(notes[i].t)) + "</title>");
        doc.line("<line class=\"annot-line\" x1=\"" + num(x) + "\" y1=\"" + num(lineTop) +
                 "\" x2=\"" + num(x) + "\" y2=\"" + num(lineBottom) + "\"/>");
        doc.line("<rect class=\"annot-tag\" x=\"" + num(x - 18) + "\" y=\"" + num(tagY) +
                 "\" width=\"36\" height=\"24\" rx=\"4\"/>");
        doc.text(x, tagY + 17.5, "annot-tag-text mid", tag);
        doc.close("</g>");
    }
    doc.close("</g>");
}

double drawAnnotationPanel(Document* doc, const std::vector<RegisterAnnotation>& notes, double x,
                           double y, double width) {
    (void)width;
    if (notes.empty()) return 0;
    constexpr double kRow = 24;
    double h = 0;
    if (doc) doc->open("<g class=\"registers\">");
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (doc) {
            doc->text(x, y + h + 16, "narration-time",
                      "A" + std::to_string(i + 1) + " at " + formatTime(notes[i].t));
            for (std::size_t k = 0; k < notes[i].lines.size(); ++k)
                doc->text(x + 180, y + h + 16 + static_cast<double>(k) * kRow, "annot",
                          notes[i].lines[k]);
        }
        h += static_cast<double>(std::max<std::size_t>(notes[i].lines.size(), 1)) * kRow + 6;
    }
    if (doc) doc->close("</g>");
    return h;
}

namespace {

struct LegendItem {
    std::string drawing; // elements centred on (0, 0) of a 24 px cell
    std::string text;
};

std::string swatch(const std::string& cls) {
    return "<rect class=\"" + cls + "\" x=\"-13\" y=\"-9\" width=\"26\" height=\"18\"/>";
}

std::string lineSample(const char* cls) {
    return "<path class=\"" + std::string(cls) + "\" d=\"M-16 0L12 0\"/>";
}

} // namespace

double drawLegend(Document* doc, const Present& present, double x, double y, double width) {
    std::vector<LegendItem> items;
    for (MarkerKind k : present.markers)
        items.push_back({glyph(k, 0, 0, -12, 12), std::string(markerTitle(k))});
    if (present.handler) items.push_back({swatch("handler-0"), "user-interrupt handler"});
    if (present.kernel) items.push_back({swatch("seg-kernel"), "kernel context switch"});
    if (present.idle) items.push_back({swatch("seg-idle"), "idle"});
    if (present.ipi) items.push_back({lineSample("arrow"), "notification IPI in flight"});
    if (present.spurious) items.push_back({lineSample("arrow-spurious"), "IPI that ends spurious"});
    if (present.self) items.push_back({lineSample("arrow-self"), "self-IPI in flight"});
    if (items.empty()) return 0;

    constexpr double kRow = 32, kFont = 18;
    double cx = x, cy = y + kRow / 2;
    if (doc) doc->open("<g class=\"legend\">");
    for (const LegendItem& item : items) {
        const double w = 34 + textWidth(item.text, kFont) + 26;
        if (cx + w > x + width && cx > x) {
            cx = x;
            cy += kRow;
        }
        if (doc) {
            doc->open("<g transform=\"translate(" + num(cx + 14) + "," + num(cy) + ")\">");
            doc->line(item.drawing);
            doc->close("</g>");
            doc->text(cx + 34, cy + 5.5, "legend", item.text);
        }
        cx += w;
    }
    if (doc) doc->close("</g>");
    return cy + kRow / 2 - y;
}

} // namespace uintr::render::svg
