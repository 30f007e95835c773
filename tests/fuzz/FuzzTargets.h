// The two fuzz targets, as plain functions of the input bytes: libFuzzer calls them through
// fuzz_loader.cpp / fuzz_run.cpp (`cmake --preset fuzz`, scripts/fuzz.sh), and fuzz_smoke.cpp
// replays the seed corpus and its mutants through the very same functions in every build, so
// CTest keeps them honest with g++ too. A broken invariant aborts with one line naming it: a
// finding for libFuzzer, a failed test for CTest. See docs/fuzzing.md.
#pragma once

#include <string_view>

namespace uintr::fuzz {

// The scenario loader: any bytes either load, or give one positioned one-line error; a loaded
// scenario survives its canonical save (load(save(s)) loads and saves to the same text).
void loadOne(std::string_view bytes);

// The whole run: load → simulate → summary invariants (the summary agrees with the trace,
// events are in time order) → uintr-trace/1 JSON that parses → an SVG document.
void runOne(std::string_view bytes);

} // namespace uintr::fuzz
