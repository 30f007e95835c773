#pragma once

#include "CliCommands.h"

#include <optional>
#include <string>

namespace uintr::cli {

struct ExploreOptions {
    Options common;
    std::string vary;
    std::optional<std::int64_t> from, to;
};

// uintr-sim explore SCENARIO --vary ID [--from NS] [--to NS] [--json] (cli.md).
int exploreCommand(const ExploreOptions& o);

} // namespace uintr::cli
