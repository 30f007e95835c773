#include "CliCommands.h"

#include "CliInput.h"
#include "CliOutput.h"
#include "analysis/Expectations.h"
#include "analysis/Verdict.h"
#include "sim/Run.h"
#include "sim/TraceFormat.h"

#include <iostream>
#include <optional>

namespace uintr::cli {

namespace {
// Loads the scenario (with --set) and runs it; prints the error and returns the exit code when
// either fails.
std::optional<int> loadAndRun(const Options& o, LoadedScenario& in, sim::RunResult& run) {
    in = loadWithOverrides(o.scenarioPath, o.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    run = sim::runScenario(*in.scenario);
    if (run.hitStepLimit) {
        std::cerr << oneLine(o.scenarioPath) << ": internal error: the run exceeded "
                  << sim::Simulation::kStepLimit << " steps\n";
        return InternalError;
    }
    // cli.md: every posted vector is delivered, pending at the end, or lost; the engine checks
    // its own accounting, and a hole in it is a bug of ours, not of the scenario.
    if (!run.summary.accountingError.empty()) {
        std::cerr << o.scenarioPath << ": internal error: vector accounting does not add up: "
                  << run.summary.accountingError << "\n";
        return InternalError;
    }
    return std::nullopt;
}
} // namespace

int runCommand(const Options& o) {
    LoadedScenario in;
    sim::RunResult r;
    if (auto failed = loadAndRun(o, in, r)) return *failed;
    if (o.json) {
        sim::writeTraceJson(std::cout, r.trace, r.summary, *in.scenario);
    } else {
        std::cout << sim::traceToText(r.trace, r.summary, *in.scenario);
        for (const auto& line : analysis::verdict(*in.scenario, r.trace, r.summary))
            std::cout << "verdict: " << line << "\n";
    }
    return stdoutResult(Ok);
}

int checkCommand(const Options& o) {
    LoadedScenario in;
    sim::RunResult r;
    if (auto failed = loadAndRun(o, in, r)) return *failed;
    if (!in.scenario->expect) {
        std::cout << o.scenarioPath << ": no expect block: nothing to check\n";
        return stdoutResult(Ok);
    }
    const auto issues = analysis::checkExpectations(*in.scenario, r.trace, r.summary);
    for (const auto& issue : issues)
        std::cout << o.scenarioPath << ": " << issue.path << ": " << issue.message << "\n";
    const auto total = in.scenario->expect->size();
    std::cout << o.scenarioPath << ": " << (issues.empty() ? "ok" : "FAILED") << " (" << total
              << " expectation(s), " << issues.size() << " failed)\n";
    return stdoutResult(issues.empty() ? Ok : ExpectationFailed);
}

int validateCommand(const Options& o) {
    const auto in = loadWithOverrides(o.scenarioPath, o.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    std::cout << o.scenarioPath << ": valid (" << in.scenario->tasks.size() << " tasks, "
              << in.scenario->timeline.size() << " timeline entries, kernel "
              << scenario::toString(in.scenario->kernel.variant) << ")\n";
    return stdoutResult(Ok);
}

} // namespace uintr::cli
