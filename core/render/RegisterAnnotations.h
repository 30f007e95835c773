// The machine state an export annotates at a chosen instant, as lines a reader can check
// against the SDM: each receiver's UPID (ON, SN, NV, NDST, PIR), its UIRR and the UINV of the
// CPU it runs on, and the notification IPIs still in flight. Plain text, no drawing: the SVG
// writer lays it out, the app could show the same lines.
#pragma once

#include "scenario/Scenario.h"

#include <cstdint>
#include <string>
#include <vector>

namespace uintr::render {

struct RegisterAnnotation {
    std::int64_t t = 0;
    std::vector<std::string> lines;
};

// Replays `sc` once and reads the state after everything that happens at or before each
// instant. Instants are returned in the order given.
std::vector<RegisterAnnotation> registerAnnotations(const scenario::Scenario& sc,
                                                    const std::vector<std::int64_t>& instants);

} // namespace uintr::render
