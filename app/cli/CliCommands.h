// The subcommands of uintr-sim. Each returns the process exit code of cli.md:
// 0 ok, 1 an expectation failed, 2 bad input or usage, 3 an internal error.
#pragma once

#include <string>
#include <vector>

namespace uintr::cli {

enum ExitCode : int { Ok = 0, ExpectationFailed = 1, BadInput = 2, InternalError = 3 };

struct Options {
    std::string scenarioPath;
    std::vector<std::string> sets;
    bool json = false;
};

int runCommand(const Options& o);
int checkCommand(const Options& o);
int validateCommand(const Options& o);

} // namespace uintr::cli
