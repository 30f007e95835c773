#include "scenario/ExpectSchema.h"

#include "scenario/JsonPositions.h"

#include <array>
#include <string_view>

namespace uintr::scenario {

namespace {
constexpr std::array<std::string_view, 13> kKeys{
    "user_interrupts",     "spurious", "ipis_sent",     "faults", "proc_interrupts",
    "pending_at_end",      "events",   "no_events",     "lost",   "stopped",
    "switch_uintr_return", "vectors",  "blocked_at_end"};

bool isCount(const nlohmann::ordered_json& v) {
    return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0);
}

bool isPatternList(const nlohmann::ordered_json& v) {
    if (!v.is_array()) return false;
    for (const auto& p : v)
        if (!p.is_object()) return false;
    return true;
}
} // namespace

std::optional<ExpectShapeError> checkExpectShape(const nlohmann::ordered_json& expect) {
    if (!expect.is_object()) return ExpectShapeError{"/expect", "expected an object"};
    for (auto it = expect.begin(); it != expect.end(); ++it) {
        const std::string& key = it.key();
        const std::string path = "/expect/" + escapePointerToken(key); // RFC 6901: ~0, ~1
        bool known = false;
        for (auto k : kKeys)
            known = known || k == key;
        if (!known) {
            std::string allowed;
            for (auto k : kKeys)
                allowed += (allowed.empty() ? "" : ", ") + std::string(k);
            return ExpectShapeError{
                path, "unknown key '" + key + "' (expected one of: " + allowed + ")", true};
        }
        const auto& v = it.value();
        if (key == "ipis_sent" || key == "faults") {
            if (!isCount(v)) return ExpectShapeError{path, "expected a non-negative integer"};
        } else if (key == "user_interrupts" || key == "spurious" || key == "lost") {
            if (!isCount(v) && !isPatternList(v))
                return ExpectShapeError{path, "expected a count or a list of objects"};
        } else if (key == "proc_interrupts" || key == "stopped" || key == "switch_uintr_return" ||
                   key == "vectors") {
            if (!v.is_object()) return ExpectShapeError{path, "expected an object"};
        } else if (key == "blocked_at_end") {
            if (!v.is_array()) return ExpectShapeError{path, "expected a list of task names"};
            for (const auto& name : v)
                if (!name.is_string())
                    return ExpectShapeError{path, "expected a list of task names"};
        } else if (!isPatternList(v)) {
            return ExpectShapeError{path, "expected a list of objects"};
        }
    }
    return std::nullopt;
}

} // namespace uintr::scenario
