#include "PerfettoCommand.h"

#include "CliInput.h"
#include "CliOutput.h"
#include "OutputFile.h"
#include "export/PerfettoTrace.h"
#include "sim/Run.h"

#include <iostream>
#include <sstream>

namespace uintr::cli {

int exportPerfettoCommand(const Options& common, const QCommandLineParser& parser) {
    const std::string output = parser.value("output").toStdString();
    if (output.empty()) {
        std::cerr << "uintr-sim: export-perfetto: missing -o TRACE.json (see uintr-sim --help)\n";
        return BadInput;
    }
    const auto in = loadWithOverrides(common.scenarioPath, common.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    const auto run = sim::runScenario(*in.scenario);
    if (run.hitStepLimit) {
        std::cerr << common.scenarioPath << ": internal error: the run exceeded "
                  << sim::Simulation::kStepLimit << " steps\n";
        return InternalError;
    }
    std::ostringstream json;
    exporting::writePerfettoJson(json, *in.scenario, run.trace);
    if (output == "-") {
        std::cout << json.str();
        return stdoutResult(Ok);
    }
    std::string error;
    if (!writeFileAtomically(output, QByteArray::fromStdString(json.str()), error)) {
        std::cerr << output << ": cannot write: " << error << "\n";
        return BadInput;
    }
    return Ok;
}

} // namespace uintr::cli
