// Reading and writing scenario files: every check of scenario-format.md, one-line errors in the
// form FILE:LINE:COLUMN: JSON-PATH: message, and a canonical, diff-friendly save.
#pragma once

#include "scenario/Scenario.h"

#include <optional>
#include <string>
#include <string_view>

namespace uintr::scenario {

struct LoadError {
    std::string file;
    int line = 0;         // 1-based; 0 when the error has no position (e.g. the file is missing)
    int column = 0;       // 1-based
    std::string jsonPath; // RFC 6901 pointer, "/" for the document itself
    std::string message;
    std::string toString() const; // "FILE:LINE:COLUMN: JSON-PATH: message"
};

// `s` with every control character (a newline among them) as \xHH: a file name or a key inside a
// one-line message keeps it one line. Also used for the CLI's option and output errors.
std::string oneLineText(std::string_view s);

struct LoadResult {
    std::optional<Scenario> scenario;
    std::optional<LoadError> error;
    bool ok() const { return scenario.has_value(); }
};

LoadResult loadScenarioText(const std::string& text, const std::string& fileName);
LoadResult loadScenarioFile(const std::string& path);

// Canonical form: keys in the order of scenario-format.md, two-space indent, one timeline entry
// per line, defaults written out (except those of the keys added in 2026-12, so that an older
// file keeps its bytes), trailing newline. load(save(s)) == s for every loadable s.
std::string saveScenarioText(const Scenario& scenario);

// `--set ID.at=NS`: moves timeline entry ID; `--set ID.duration_ns=NS`: how long its syscall or
// kernel_fpu takes. Returns an error message naming the problem (and changes nothing then).
std::optional<std::string> applyOverride(Scenario& scenario, const std::string& spec);

// Checks that only need the resolved scenario (used after loading and after an edit such as a
// drag): a task running on two CPUs at once. Returns the offending entry index and a message.
struct ConsistencyError {
    int entry = -1;
    std::string message;
};
std::optional<ConsistencyError> checkConsistency(const Scenario& scenario);

} // namespace uintr::scenario
