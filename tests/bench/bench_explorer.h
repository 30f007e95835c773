// uintr-bench's race-explorer figures (bench_explorer.cpp).
#pragma once

#include "scenario/Scenario.h"

namespace uintr::bench {
void explorerFigures(const scenario::Scenario& seed, bool quick);
}
