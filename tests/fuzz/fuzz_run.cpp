// libFuzzer entry point for the whole run: load, simulate, summary, JSON, SVG (FuzzTargets.h).
#include "FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    uintr::fuzz::runOne({reinterpret_cast<const char*>(data), size});
    return 0;
}
