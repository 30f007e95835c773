// The shape of the `expect` block (docs/expect.md), checked when a scenario loads so that a typo
// in an expectation is a load error with its position, like every other key of the format.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace uintr::scenario {

struct ExpectShapeError {
    std::string pointer; // e.g. "/expect/spurios"
    std::string message;
    bool atKey = false; // an unknown key: reported at the key
};

std::optional<ExpectShapeError> checkExpectShape(const nlohmann::ordered_json& expect);

} // namespace uintr::scenario
