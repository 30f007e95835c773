// The windows of one axis with exact boundaries at a bounded cost: the app's race strip under a
// drag. At most `maxPoints` evenly spaced points are simulated (every ns when the range is that
// small, as `explore` does), then each boundary between two samples of different outcomes is
// found to the nanosecond by bisection. A window narrower than the sample spacing that lies
// wholly between two samples of the same outcome can be missed; the CLI's `explore`, which
// simulates every point, is the authority.
#pragma once

#include "analysis/RaceExplorer.h"

#include <optional>
#include <vector>

namespace uintr::analysis {

// `axis`'s step is ignored (the windows are to the ns). Empty when cancelled.
std::optional<std::vector<Window>> stripWindows(const scenario::Scenario& sc, Axis axis,
                                                const SweepOptions& options,
                                                std::int64_t maxPoints = 20'000);

} // namespace uintr::analysis
