#include "ExploreCommand.h"

#include "CliInput.h"
#include "analysis/RaceExplorer.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace uintr::cli {

int exploreCommand(const ExploreOptions& o) {
    const auto in = loadWithOverrides(o.common.scenarioPath, o.common.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    analysis::ExploreRequest request;
    request.entryId = o.vary;
    request.from = o.from;
    request.to = o.to;
    auto result = analysis::explore(*in.scenario, request);
    if (auto* error = std::get_if<std::string>(&result)) {
        std::cerr << "uintr-sim: explore: " << *error << "\n";
        return BadInput;
    }
    const auto& r = std::get<analysis::ExploreResult>(result);
    if (o.common.json) {
        nlohmann::ordered_json j;
        j["vary"] = r.vary;
        j["windows"] = nlohmann::ordered_json::array();
        for (const auto& w : r.windows) {
            nlohmann::ordered_json win{{"from", w.from},
                                       {"to", w.to},
                                       {"spurious", w.outcome.spurious},
                                       {"delivered", w.outcome.delivered}};
            if (!w.outcome.valid) win["valid"] = false;
            j["windows"].push_back(win);
        }
        j["runs"] = r.runs;
        std::cout << j.dump(2) << "\n";
        return Ok;
    }
    std::cout << "# " << in.scenario->title << "\n# varying '" << r.vary << "'.at over " << r.runs
              << " ns\n";
    for (const auto& w : r.windows) {
        std::cout << "  " << w.from << " .. " << w.to << " ns: ";
        if (!w.outcome.valid)
            std::cout << "not a valid scenario (a task would run on two CPUs)\n";
        else
            std::cout << w.outcome.spurious << " spurious, " << w.outcome.delivered
                      << " delivered\n";
    }
    return Ok;
}

} // namespace uintr::cli
