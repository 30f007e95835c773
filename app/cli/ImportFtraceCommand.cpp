#include "ImportFtraceCommand.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "OutputFile.h"
#include "RenderCommand.h"
#include "render/TimelineGeometry.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace uintr::cli {

namespace {
int usage(const std::string& option, const std::string& message) {
    std::cerr << "uintr-sim: " << option << ": " << message << "\n";
    return BadInput;
}
} // namespace

int importFtraceCommand(const ImportFtraceOptions& o) {
    std::ifstream in(o.tracePath, std::ios::binary);
    if (!in) {
        std::cerr << o.tracePath << ": cannot open the trace\n";
        return BadInput;
    }
    const ftrace::Schedule schedule = ftrace::parseSchedule(in);
    if (schedule.error) {
        std::cerr << o.tracePath << ":" << schedule.error->line << ":" << schedule.error->column
                  << ": sched_switch: " << schedule.error->message << "\n";
        return BadInput;
    }
    auto options = o.import;
    options.sourceName = std::filesystem::path(o.tracePath).filename().string();
    const auto imported = ftrace::toScenario(schedule, options);
    if (imported.error) {
        if (imported.error->option == "TRACE") {
            std::cerr << o.tracePath << ": " << imported.error->message << "\n";
            return BadInput;
        }
        return usage(imported.error->option, imported.error->message);
    }
    const std::string text = scenario::saveScenarioText(*imported.scenario);
    // What we write must load: the loader is the contract's judge, not this importer.
    const auto reloaded = scenario::loadScenarioText(text, o.output);
    if (!reloaded.ok()) {
        std::cerr << "uintr-sim: internal error: the imported scenario does not load: "
                  << reloaded.error->toString() << "\n";
        return InternalError;
    }
    const auto run = sim::runScenario(*reloaded.scenario);
    if (run.hitStepLimit) {
        std::cerr << o.output << ": internal error: the run exceeded "
                  << sim::Simulation::kStepLimit << " steps\n";
        return InternalError;
    }
    std::string error;
    if (!writeFileAtomically(o.output, QByteArray::fromStdString(text), error)) {
        std::cerr << o.output << ": cannot write: " << error << "\n";
        return BadInput;
    }

    const auto& st = imported.stats;
    std::cout << o.tracePath << ": " << st.switches << " sched_switch events on " << st.cpus
              << " CPUs over " << render::formatTime(st.durationNs) << ", " << st.tasks
              << " tasks; " << st.otherEvents << " other event lines skipped";
    if (st.repaired) std::cout << "; " << st.repaired << " lost switch-outs restored";
    if (st.redundant) std::cout << "; " << st.redundant << " repeated switches dropped";
    std::cout << "\n"
              << o.output << ": " << reloaded.scenario->timeline.size() << " timeline entries, "
              << st.sends << " SENDUIPIs\n";
    const double seconds = static_cast<double>(st.durationNs) / 1e9;
    const auto spurious = run.summary.spurious.size();
    std::cout << "simulated: " << spurious << " spurious notifications";
    if (seconds > 0) {
        char rate[64];
        std::snprintf(rate, sizeof rate, "%.1f", static_cast<double>(spurious) / seconds);
        std::cout << " (" << rate << " per second of trace)";
    }
    std::cout << ", " << run.summary.userInterrupts.size() << " user interrupts delivered, "
              << run.summary.ipisSent << " IPIs sent\n";
    return stdoutResult(Ok);
}

int importFtraceCommand(const std::string& tracePath, const QCommandLineParser& parser) {
    ImportFtraceOptions o;
    o.tracePath = tracePath;
    o.output = parser.value("output").toStdString();
    if (o.output.empty()) return usage("import-ftrace", "missing -o SCENARIO.json");
    o.import.receiver = parser.value("receiver").toStdString();
    if (parser.values("receiver").size() > 1) return usage("--receiver", "one receiver per import");
    for (const QString& s : parser.values("sender"))
        o.import.senders.push_back(s.toStdString());
    if (parser.isSet("send-every")) {
        const auto v = parseNs(parser.value("send-every").toStdString());
        if (!v || *v == 0) return usage("--send-every", "takes a period in ns > 0");
        o.import.sendEveryNs = *v;
    }
    for (const QString& list : parser.values("send-at")) {
        std::string problem;
        const auto times = parseNsList(list.toStdString(), problem);
        if (!times) return usage("--send-at", problem);
        o.import.sendAt.insert(o.import.sendAt.end(), times->begin(), times->end());
    }
    return importFtraceCommand(o);
}

} // namespace uintr::cli
