// The semantic rules of scenario-format.md over a parsed document: keys, types, ranges, names and
// references. The loader runs them after the JSON syntax, duplicate keys, nesting depth and size
// limits were checked while parsing (ScenarioLoader.cpp). Internal to core/scenario.
#pragma once

#include "scenario/Limits.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace uintr::scenario {

struct CheckError {
    std::string pointer; // RFC 6901; "" is the document
    std::string message;
    bool atKey = false; // report at the member's key (an unknown key), not at its value
};

// Array sections whose length Limits.h bounds: checked before any per-entry work.
struct SectionLimit {
    const char* key;
    std::int64_t max;
    const char* limitName;
};
inline constexpr SectionLimit kSectionLimits[] = {
    {"tasks", limits::kMaxTasks, "limits::kMaxTasks"},
    {"connections", limits::kMaxConnections, "limits::kMaxConnections"},
    {"timeline", limits::kMaxTimelineEntries, "limits::kMaxTimelineEntries"},
    {"narration", limits::kMaxNarrationEntries, "limits::kMaxNarrationEntries"},
};
std::string tooManyEntriesMessage(const SectionLimit& limit);

// Nesting deeper than this is refused while parsing (so that nothing recursive, such as dumping
// or comparing the "expect" block, can exhaust the stack). A scenario needs about 4 levels.
inline constexpr int kMaxNestingDepth = 128;

// Every kernel variant and every op as the file spells them ("rfc-v1, no-sn, ..."), for the
// message that rejects an unknown one. Defined in Scenario.cpp, beside the spelling tables.
std::string kernelVariantSpellings();
std::string opSpellings();

// "integer", "string", "float", ... as a message names a JSON value's type.
const char* jsonTypeWord(const nlohmann::ordered_json& v);

// A user's string inside a one-line message: single-quoted, control characters escaped, long
// strings shortened.
std::string quoteText(std::string_view s);

class ScenarioChecker {
  public:
    using Json = nlohmann::ordered_json;
    using Problem = std::optional<CheckError>;

    // `text`: the source of `doc`, used to quote a number as written ("" when there is none).
    explicit ScenarioChecker(std::string_view text) : text_(text) {}

    // The scenario, or the first error in document order.
    std::variant<Scenario, CheckError> run(const Json& doc);

    // The typed readers every section shares, so that one kind of problem always reads the same
    // ("64 is out of range 0..63"). `parent` and `key` name the value; the pointer is built only
    // for an error.
    static std::string pointer(const std::string& parent, std::string_view key);
    static CheckError at(const std::string& parent, std::string_view key, std::string message);
    static CheckError unknownKey(const std::string& parent, std::string_view key,
                                 const char* allowed);
    // A required key that `obj` lacks, reported at `obj`. `allowed` ("a, b, c") lets the message
    // point at a key that is probably the misspelt one.
    static Problem missing(const Json& obj, const std::string& path,
                           std::initializer_list<const char*> keys, const char* allowed);
    // The first key of `obj` not in `allowed`, as a hint for a message ("" when none).
    static std::string unknownKeyHint(const Json& obj, const char* allowed);
    static Problem object(const Json& v, const std::string& path);
    static Problem array(const Json& v, const std::string& path, const SectionLimit* limit);
    Problem integer(const Json& v, const std::string& parent, std::string_view key, std::int64_t lo,
                    std::int64_t hi, std::int64_t& out) const;
    Problem u64(const Json& v, const std::string& parent, std::string_view key,
                std::uint64_t& out) const;
    static Problem string(const Json& v, const std::string& parent, std::string_view key,
                          std::size_t maxBytes, std::string& out);
    static Problem boolean(const Json& v, const std::string& parent, std::string_view key,
                           bool& out);
    static Problem name(const Json& v, const std::string& parent, std::string_view key,
                        std::string& out);
    // A task name; when resolving it must exist and `out` is its index, else `out` is -1.
    Problem taskRef(const Json& v, const std::string& parent, std::string_view key, bool resolve,
                    int& out) const;

  private:
    Problem machine(const Json& v, MachineConfig& out) const;
    Problem kernel(const Json& v, KernelConfig& out) const;
    Problem tasks(const Json& v, std::vector<TaskSpec>& out);
    // `resolve`: the sections this one refers to are valid, so names and CPUs can be checked.
    Problem connections(const Json& v, bool resolve, std::vector<ConnectionSpec>& out) const;
    Problem timeline(const Json& v, bool resolve, Scenario& s) const;
    Problem timelineEntry(const Json& v, std::size_t index, bool resolve, int cpus,
                          std::unordered_map<std::string_view, std::size_t>& ids,
                          TimelineEntry& out) const;
    Problem narration(const Json& v, std::vector<NarrationEntry>& out) const;
    std::string notAnInteger(const Json& v, const std::string& path) const;

    std::string_view text_;
    std::unordered_map<std::string, int> taskIndex_;
    std::vector<bool> taskIsReceiver_;
};

} // namespace uintr::scenario
