// uintr-sim import-ftrace TRACE.txt -o SCENARIO.json [--receiver COMM|PID] [--sender COMM|PID …]
//   [--send-every NS | --send-at T1,T2…]: a real schedule in, a scenario out, and how often that
//   schedule produces the spurious-notification race (docs/ftrace-import.md).
#pragma once

#include "import/FtraceScenario.h"

#include <QCommandLineParser>
#include <string>

namespace uintr::cli {

struct ImportFtraceOptions {
    std::string tracePath;
    std::string output;
    ftrace::ImportOptions import;
};

int importFtraceCommand(const ImportFtraceOptions& o);
// The command line's options checked (a bad one: a one-line usage message, exit 2), then run.
int importFtraceCommand(const std::string& tracePath, const QCommandLineParser& parser);

} // namespace uintr::cli
