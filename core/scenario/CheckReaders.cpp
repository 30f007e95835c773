// The typed readers of ScenarioChecker: one wording for every type and range error, so that a
// message reads the same whichever key it is about ("64 is out of range 0..63").
#include "scenario/JsonPositions.h"
#include "scenario/ScenarioChecks.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace uintr::scenario {
namespace {

using Json = ScenarioChecker::Json;

} // namespace

const char* jsonTypeWord(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "boolean";
    case Json::value_t::string:
        return "string";
    case Json::value_t::array:
        return "array";
    case Json::value_t::object:
        return "object";
    case Json::value_t::number_float:
        return "float";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return "integer";
    default:
        return "binary";
    }
}

namespace {

std::string rangeMessage(const std::string& value, std::int64_t lo, std::int64_t hi) {
    return value + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi);
}

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

} // namespace

std::string tooManyEntriesMessage(const SectionLimit& limit) {
    return std::string("too many entries: more than ") + std::to_string(limit.max) + " (" +
           limit.limitName + ")";
}

std::string quoteText(std::string_view s) {
    constexpr std::size_t kShown = 64;
    std::string out = "'";
    std::size_t end = std::min(s.size(), kShown);
    while (end < s.size() && end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end; // do not cut a UTF-8 sequence
    for (const char c : s.substr(0, end)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            out += hex;
        } else {
            out += c;
        }
    }
    return out + (end < s.size() ? "...'" : "'");
}

std::string ScenarioChecker::pointer(const std::string& parent, std::string_view key) {
    return parent + '/' + escapePointerToken(key);
}

CheckError ScenarioChecker::at(const std::string& parent, std::string_view key,
                               std::string message) {
    return {pointer(parent, key), std::move(message), false};
}

CheckError ScenarioChecker::unknownKey(const std::string& parent, std::string_view key,
                                       const char* allowed) {
    return {pointer(parent, key),
            "unknown key " + quoteText(key) + " (expected one of: " + allowed + ")", true};
}

std::string ScenarioChecker::unknownKeyHint(const Json& obj, const char* allowed) {
    const std::string_view list(allowed);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (std::size_t from = 0; from <= list.size() && !known;) {
            const std::size_t comma = std::min(list.find(", ", from), list.size());
            known = list.substr(from, comma - from) == it.key();
            from = comma + 2;
        }
        if (!known) return " (the object has an unknown key " + quoteText(it.key()) + ")";
    }
    return {};
}

ScenarioChecker::Problem ScenarioChecker::missing(const Json& obj, const std::string& path,
                                                  std::initializer_list<const char*> keys,
                                                  const char* allowed) {
    for (const char* key : keys)
        if (!obj.contains(key))
            return CheckError{path, std::string("missing required key '") + key + "'" +
                                        unknownKeyHint(obj, allowed)};
    return {};
}

ScenarioChecker::Problem ScenarioChecker::object(const Json& v, const std::string& path) {
    if (v.is_object()) return {};
    return CheckError{path, std::string("expected an object, got ") + jsonTypeWord(v)};
}

ScenarioChecker::Problem ScenarioChecker::array(const Json& v, const std::string& path,
                                                const SectionLimit* limit) {
    if (!v.is_array())
        return CheckError{path, std::string("expected an array, got ") + jsonTypeWord(v)};
    if (limit && static_cast<std::int64_t>(v.size()) > limit->max)
        return CheckError{path, tooManyEntriesMessage(*limit)};
    return {};
}

// A float where an integer belongs: quote it as written when the text is at hand, and name the
// real problem when it was written as an integer that does not fit in 64 bits.
std::string ScenarioChecker::notAnInteger(const Json& v, const std::string& path) const {
    if (!v.is_number_float() || text_.empty())
        return "expected an integer, got " + std::string(jsonTypeWord(v));
    std::string raw;
    if (const auto pos = JsonPositions(text_).find(path)) {
        for (std::size_t i = pos->value.offset; i < text_.size(); ++i) {
            const char c = text_[i];
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' ||
                  c == 'E'))
                break;
            raw += c;
        }
    }
    if (raw.empty()) return "expected an integer, got float";
    if (raw.find_first_of(".eE") == std::string::npos)
        return raw + " does not fit in a 64-bit integer";
    return "expected an integer, got " + raw;
}

ScenarioChecker::Problem ScenarioChecker::integer(const Json& v, const std::string& parent,
                                                  std::string_view key, std::int64_t lo,
                                                  std::int64_t hi, std::int64_t& out) const {
    if (v.is_number_unsigned()) { // the parser stores every non-negative integer this way
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(hi) || static_cast<std::int64_t>(u) < lo)
            return at(parent, key, rangeMessage(std::to_string(u), lo, hi));
        out = static_cast<std::int64_t>(u);
        return {};
    }
    if (v.is_number_integer()) {
        const auto n = v.get<std::int64_t>();
        if (n < lo || n > hi) return at(parent, key, rangeMessage(std::to_string(n), lo, hi));
        out = n;
        return {};
    }
    return at(parent, key, notAnInteger(v, pointer(parent, key)));
}

ScenarioChecker::Problem ScenarioChecker::u64(const Json& v, const std::string& parent,
                                              std::string_view key, std::uint64_t& out) const {
    if (v.is_number_unsigned()) {
        out = v.get<std::uint64_t>();
        return {};
    }
    if (v.is_number_integer() && v.get<std::int64_t>() == 0) { // written "-0": zero, as in JSON
        out = 0;
        return {};
    }
    if (v.is_number_integer()) // negative
        return at(parent, key,
                  std::to_string(v.get<std::int64_t>()) + " is out of range 0.." +
                      std::to_string(std::numeric_limits<std::uint64_t>::max()));
    return at(parent, key, notAnInteger(v, pointer(parent, key)));
}

ScenarioChecker::Problem ScenarioChecker::string(const Json& v, const std::string& parent,
                                                 std::string_view key, std::size_t maxBytes,
                                                 std::string& out) {
    if (!v.is_string())
        return at(parent, key, std::string("expected a string, got ") + jsonTypeWord(v));
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > maxBytes)
        return at(parent, key,
                  "text of " + std::to_string(s.size()) + " bytes is longer than " +
                      std::to_string(maxBytes) + " (limits::kMaxTextBytes)");
    out = s;
    return {};
}

ScenarioChecker::Problem ScenarioChecker::boolean(const Json& v, const std::string& parent,
                                                  std::string_view key, bool& out) {
    if (!v.is_boolean())
        return at(parent, key, std::string("expected a boolean, got ") + jsonTypeWord(v));
    out = v.get<bool>();
    return {};
}

ScenarioChecker::Problem ScenarioChecker::name(const Json& v, const std::string& parent,
                                               std::string_view key, std::string& out) {
    if (!v.is_string())
        return at(parent, key, std::string("expected a name, got ") + jsonTypeWord(v));
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > limits::kMaxNameLength ||
        !std::all_of(s.begin(), s.end(), isNameChar))
        return at(parent, key,
                  quoteText(s) + " is not a valid name: use 1 to 32 of a-z, 0-9, '_' and '-'");
    out = s;
    return {};
}

ScenarioChecker::Problem ScenarioChecker::taskRef(const Json& v, const std::string& parent,
                                                  std::string_view key, bool resolve,
                                                  int& out) const {
    if (!v.is_string())
        return at(parent, key, std::string("expected a task name, got ") + jsonTypeWord(v));
    out = -1;
    if (!resolve) return {};
    const auto& s = v.get_ref<const std::string&>();
    const auto it = taskIndex_.find(s);
    if (it == taskIndex_.end()) return at(parent, key, "unknown task " + quoteText(s));
    out = it->second;
    return {};
}

} // namespace uintr::scenario
