// uintr-sim explore SCENARIO --vary A [--vary B] [--find CLASS] [--json] [-o OUT] (cli.md,
// docs/explore.md): a 1-D sweep prints the race windows, a 2-D sweep a race map, --find the
// first witness of a bad outcome as a scenario file; -o writes the map as SVG or PNG (or, with
// --find, the witness scenario).
#pragma once

#include "CliCommands.h"

#include <QCommandLineParser>

namespace uintr::cli {

// Exit codes: 0 done (with --find: a witness was printed), 1 --find found no witness in the
// range, 2 bad input or usage, 3 internal error.
int exploreCommand(const Options& common, const QCommandLineParser& parser);

} // namespace uintr::cli
