// An estimate of the rendered width of a label, in plain C++: the SVG has no layout engine to ask,
// and the screen places its labels where the SVG does (render/TimelineLabels.cpp), so both use
// this one estimate. Calibrated on DejaVu Sans (regular), Debian's sans-serif.
#pragma once

#include <string_view>

namespace uintr::render {

double textWidth(std::string_view text, double fontPx);

} // namespace uintr::render
