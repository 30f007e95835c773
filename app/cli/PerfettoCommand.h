// uintr-sim export-perfetto SCENARIO -o TRACE.json [--set ID.at=NS …]: the run in the Chrome
// JSON trace format for ui.perfetto.dev and chrome://tracing (export/PerfettoTrace.h).
#pragma once

#include "CliCommands.h"

#include <QCommandLineParser>

namespace uintr::cli {

int exportPerfettoCommand(const Options& common, const QCommandLineParser& parser);

} // namespace uintr::cli
