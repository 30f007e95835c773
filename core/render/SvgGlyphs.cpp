// One shape per marker kind, so that a print in grey (or a colour-blind reader) tells them apart
// by outline alone: triangle up = SENDUIPI, diamond = spurious, disc = delivery, ring = self-IPI…
#include "render/Palette.h"
#include "render/SvgParts.h"

#include <cmath>

namespace uintr::render::svg {

namespace {

constexpr double kR = 10; // glyph radius in px

std::string cls(MarkerKind k, const char* extra = nullptr) {
    std::string c = "class=\"" + std::string(markerClass(k));
    if (extra) c += std::string(" ") + extra;
    return c + "\"";
}

std::string polygon(MarkerKind k, std::initializer_list<std::pair<double, double>> pts,
                    const char* extra = nullptr) {
    std::string s = "<polygon " + cls(k, extra) + " points=\"";
    bool first = true;
    for (const auto& [x, y] : pts) {
        s += (first ? "" : " ") + num(x) + "," + num(y);
        first = false;
    }
    return s + "\"/>";
}

std::string circle(MarkerKind k, double x, double y, double r, const char* extra = nullptr) {
    return "<circle " + cls(k, extra) + " cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" +
           num(r) + "\"/>";
}

std::string rect(MarkerKind k, double x, double y, double w, double h,
                 const char* extra = nullptr) {
    return "<rect " + cls(k, extra) + " x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
           num(w) + "\" height=\"" + num(h) + "\"/>";
}

std::string path(MarkerKind k, const std::string& d, const char* extra) {
    return "<path " + cls(k, extra) + " d=\"" + d + "\"/>";
}

} // namespace

std::string glyph(MarkerKind kind, double x, double y, double laneY0, double laneY1) {
    const double r = kR;
    switch (kind) {
    case MarkerKind::ContextSwitch:
        // A bar across the lane with a notch on top: where one task hands the CPU to the next.
        return rect(kind, x - 1.5, laneY0, 3, laneY1 - laneY0) +
               polygon(kind, {{x - 6, laneY0}, {x + 6, laneY0}, {x, laneY0 + 8}});
    case MarkerKind::SendUipi:
        return polygon(kind, {{x, y - r - 2}, {x + r + 1, y + r}, {x - r - 1, y + r}});
    case MarkerKind::PirPosted:
        return rect(kind, x - 5, y - 5, 10, 10);
    case MarkerKind::IpiSent:
        return polygon(kind, {{x + r, y}, {x - r + 2, y - r}, {x - r + 2, y + r}});
    case MarkerKind::IpiSuppressed:
        return circle(kind, x, y, r, "hollow") + path(kind,
                                                      "M" + num(x - 6.4) + " " + num(y + 6.4) +
                                                          "L" + num(x + 6.4) + " " + num(y - 6.4),
                                                      "line");
    case MarkerKind::IpiArrived:
        return circle(kind, x, y, 6, "hollow");
    case MarkerKind::NotificationProcessed:
        return rect(kind, x - 7, y - 7, 14, 14);
    case MarkerKind::Spurious:
        return polygon(kind, {{x, y - r - 4}, {x + r + 4, y}, {x, y + r + 4}, {x - r - 4, y}});
    case MarkerKind::KernelVector:
        return polygon(kind, {{x, y - r - 2}, {x + r + 2, y}, {x, y + r + 2}, {x - r - 2, y}},
                       "hollow");
    case MarkerKind::SelfIpi:
        return circle(kind, x, y, r, "hollow");
    case MarkerKind::Delivered:
        return circle(kind, x, y, r);
    case MarkerKind::Uiret:
        return polygon(kind, {{x - r, y - r + 1}, {x + r, y - r + 1}, {x, y + r}}, "hollow");
    case MarkerKind::Stui:
    case MarkerKind::Clui:
    case MarkerKind::Testui:
        return rect(kind, x - 6, y - 6, 12, 12, "hollow");
    case MarkerKind::Blocked:
        // "pause": the task sleeps in uintr_wait.
        return rect(kind, x - 7, y - 8, 5, 16) + rect(kind, x + 2, y - 8, 5, 16);
    case MarkerKind::Woken:
        return polygon(kind, {{x, y - r - 1}, {x + r, y + r - 1}, {x - r, y + r - 1}}, "hollow");
    case MarkerKind::Fault:
        return path(kind,
                    "M" + num(x - r) + " " + num(y - r) + "L" + num(x + r) + " " + num(y + r) +
                        "M" + num(x - r) + " " + num(y + r) + "L" + num(x + r) + " " + num(y - r),
                    "line");
    case MarkerKind::Deferred:
        // An hourglass: the op waits for its task.
        return polygon(kind, {{x - 7, y - r}, {x + 7, y - r}, {x - 7, y + r}, {x + 7, y + r}},
                       "hollow");
    case MarkerKind::Other:
        return circle(kind, x, y, 5);
    }
    return circle(kind, x, y, 5);
}

} // namespace uintr::render::svg
