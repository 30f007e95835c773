// One path per IPI arrow, so that the screen's layer, the SVG and the travelling packet of the
// flow animation draw the same line, and the arrow's label can be placed beside what is drawn.
#include "render/TimelineGeometry.h"

namespace uintr::render {

double selfLoopApex(const Viewport& v) {
    // Inside the gap above the lane, clear of the lane above it.
    return 0.9 * v.laneGap;
}

std::pair<double, double> arrowPointAt(const Arrow& a, const Viewport& v, double u) {
    // x is linear in u for both shapes, so a packet at the playhead's x is at u = (x - x0) / dx.
    const double x = a.x0 + u * (a.x1 - a.x0);
    // A self-IPI (or an IPI to its own CPU: both ends on the lane's top) loops: a parabola.
    if (a.y0 == a.y1) return {x, a.y0 - 4 * u * (1 - u) * selfLoopApex(v)};
    return {x, a.y0 + u * (a.y1 - a.y0)};
}

std::vector<std::pair<double, double>> arrowPath(const Arrow& a, const Viewport& v) {
    if (a.y0 != a.y1) return {{a.x0, a.y0}, {a.x1, a.y1}};
    std::vector<std::pair<double, double>> pts;
    pts.reserve(kSelfLoopSamples + 1);
    for (int i = 0; i <= kSelfLoopSamples; ++i)
        pts.push_back(arrowPointAt(a, v, i / static_cast<double>(kSelfLoopSamples)));
    return pts;
}

} // namespace uintr::render
