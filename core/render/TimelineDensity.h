// Perfetto's summary tracks for a lane whose events are denser than its pixels: per pixel
// column, how many spurious notifications, user-interrupt deliveries and IPI arrivals fall in it.
// Built once per run (one pass over the trace, keeping only the times of those kinds and of the
// markers a lane would otherwise draw); asked per viewport with two binary searches per column
// and kind, so a whole-run view of a million events costs the columns on screen.
#pragma once

#include "model/Trace.h"
#include "render/TimelineGeometry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace uintr::render {

enum class DensityKind : std::uint8_t { Spurious, Delivered, Ipi };
inline constexpr std::size_t kDensityKinds = 3;

struct LaneDensity {
    int cpu = 0;
    double x0 = 0;       // the first column's left edge
    double columnPx = 1; // every column's width
    // counts[kind][column]
    std::array<std::vector<std::uint32_t>, kDensityKinds> counts;
    std::uint32_t max = 0; // the largest count of any kind in any column
};

class DensityIndex {
  public:
    DensityIndex(const model::Trace& trace, int cpus);

    // Markers the lane would draw in [t0, t1): switches, SENDUIPIs and the three kinds above.
    std::int64_t markersIn(int cpu, std::int64_t t0, std::int64_t t1) const;
    // True when the lane has more markers in the viewport than glyphs fit across it
    // (one per Viewport::markerMergePx): then its density is drawn instead of its markers.
    bool dense(int cpu, const Viewport& v) const;
    // The lane's counts per column of `columnPx` pixels across the plot.
    LaneDensity columns(int cpu, const Viewport& v, double columnPx = 1) const;

  private:
    struct Lane {
        std::array<std::vector<std::int64_t>, kDensityKinds> times;
        std::vector<std::int64_t> markers; // every counted kind, plus switches and SENDUIPIs
    };
    std::vector<Lane> lanes_;
};

} // namespace uintr::render
