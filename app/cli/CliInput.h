// Loading the scenario a command names, with its --set overrides, reporting any problem as the
// one contract line FILE:LINE:COLUMN: JSON-PATH: message.
#pragma once

#include "scenario/Scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace uintr::cli {

struct LoadedScenario {
    std::optional<scenario::Scenario> scenario;
    std::string error; // the one line for stderr when scenario is empty
};

LoadedScenario loadWithOverrides(const std::string& path, const std::vector<std::string>& sets);

} // namespace uintr::cli
