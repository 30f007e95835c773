// uintr-stress-scenario ENTRIES [CPUS]: prints a large, valid, deterministic scenario (the core's
// scenario::makeStressScenario, saved as uintr-scenario/1 JSON) for measuring the CLI on big
// runs, e.g. `uintr-sim render` of ~100,000 events (docs/svg-export.md "Performance").
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: uintr-stress-scenario ENTRIES [CPUS] > scenario.json\n";
        return 2;
    }
    uintr::scenario::StressShape shape;
    shape.entries = std::atoll(argv[1]);
    if (argc == 3) shape.cpus = std::atoi(argv[2]);
    if (shape.entries < 4 || shape.cpus < 2) {
        std::cerr << "uintr-stress-scenario: ENTRIES >= 4, CPUS >= 2\n";
        return 2;
    }
    std::cout << uintr::scenario::saveScenarioText(uintr::scenario::makeStressScenario(shape));
    return 0;
}
