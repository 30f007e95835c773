// Loading a scenario (scenario-format.md, "Errors"): exactly one error, the first in document
// order, as FILE:LINE:COLUMN: JSON-PATH: message.
//
// Two passes over the text, both with nlohmann/json:
// 1. a SAX pass that builds nothing: JSON syntax, duplicate keys (nlohmann would keep the last
//    silently, and a typo must not silently change a lesson), nesting depth, and the entry limits
//    of Limits.h, so that an oversized timeline is refused before anything is built for it;
// 2. the DOM parse, then ScenarioChecker (the rules of "Keys").
// Errors of pass 1 win over those of pass 2. Positions come from JsonPositions, on demand.
#include "scenario/JsonPositions.h"
#include "scenario/ScenarioChecks.h"
#include "scenario/ScenarioIO.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>
#include <unordered_set>

namespace uintr::scenario {
namespace {

using Json = nlohmann::ordered_json;

struct StructureIssue {
    enum class Kind { Syntax, DuplicateKey, Structure } kind = Kind::Syntax;
    std::size_t offset = 0; // Syntax: the byte nlohmann stopped at
    std::string pointer;    // DuplicateKey: the member (its 2nd occurrence); Structure: the value
    std::string message;
    bool atToken = false; // Syntax: reported where the token holding `offset` starts
    bool atKey = false;   // Structure: reported at the member's key (a key too long)
};

// "syntax error: unexpected '}'; expected string literal" out of nlohmann's longer what(); never
// its "[json.exception.…]" prefix, which means nothing to a teacher.
std::string syntaxMessage(std::string what) {
    if (what.rfind("[json.exception.", 0) == 0)
        if (const auto close = what.find("] "); close != std::string::npos)
            what.erase(0, close + 2);
    if (const auto p = what.find("syntax error while parsing "); p != std::string::npos) {
        if (const auto dash = what.find(" - ", p); dash != std::string::npos)
            what.erase(0, dash + 3);
    } else if (const auto p2 = what.rfind(": "); p2 != std::string::npos) {
        what.erase(0, p2 + 2);
    }
    if (const auto p = what.find("; last read: '"); p != std::string::npos)
        what.erase(p, what.find("; expected", p) - p); // npos: erase to the end
    return "syntax error: " + what;
}

class StructureCheck final : public nlohmann::json_sax<Json> {
  public:
    std::optional<StructureIssue> issue;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t& s) override { return shortText(s) && value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return value() && open(true); }
    bool start_array(std::size_t) override { return value() && open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& f = frames_[depth_ - 1];
        f.key = k;
        if (!shortText(k)) {
            issue->atKey = true;
            return false;
        }
        bool duplicate = false;
        if (f.many) {
            duplicate = !f.many->insert(k).second;
        } else {
            duplicate = std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end();
            f.keys.push_back(k);
            if (f.keys.size() > kLinearKeys)
                f.many =
                    std::make_unique<std::unordered_set<std::string>>(f.keys.begin(), f.keys.end());
        }
        f.key = k;
        if (duplicate)
            issue = StructureIssue{StructureIssue::Kind::DuplicateKey, 0, pointerOf(depth_),
                                   "duplicate key " + quoteText(k)};
        return !duplicate;
    }

    bool parse_error(std::size_t byte, const std::string& token,
                     const nlohmann::detail::exception& ex) override {
        // out_of_range.406: a number such as 1e999 that no double holds.
        const bool overflow = ex.id == 406;
        std::string message = overflow ? "number " + token +
                                             " is out of range (not a finite "
                                             "64-bit float)"
                                       : syntaxMessage(ex.what());
        // An unexpected token is shown where it starts; a bad character where it is.
        const bool atToken = overflow || (message.find("unexpected ") != std::string::npos &&
                                          message.find("end of input") == std::string::npos);
        issue = StructureIssue{
            StructureIssue::Kind::Syntax, byte > 0 ? byte - 1 : 0, {}, std::move(message), atToken};
        return false;
    }

  private:
    static constexpr std::size_t kLinearKeys = 16;
    struct Frame {
        bool object = false;
        std::string key;        // objects: the member being read
        std::int64_t count = 0; // arrays: elements so far
        std::vector<std::string> keys;
        std::unique_ptr<std::unordered_set<std::string>> many;
        const SectionLimit* limit = nullptr;
    };

    // The pointer of the value being read at nesting level `levels`.
    std::string pointerOf(std::size_t levels) const {
        std::string p;
        for (std::size_t i = 0; i < levels; ++i)
            p += '/' + (frames_[i].object ? escapePointerToken(frames_[i].key)
                                          : std::to_string(frames_[i].count - 1));
        return p;
    }

    // Every string and key, wherever it is, is bounded while parsing: no key or text of the
    // format is longer, and a 100 MB string is refused before a document is built around it.
    bool shortText(const string_t& s) {
        if (s.size() <= limits::kMaxTextBytes) return true;
        issue =
            StructureIssue{StructureIssue::Kind::Structure, 0, pointerOf(depth_),
                           "text of " + std::to_string(s.size()) + " bytes is longer than " +
                               std::to_string(limits::kMaxTextBytes) + " (limits::kMaxTextBytes)"};
        return false;
    }

    bool value() {
        if (++values_ > limits::kMaxJsonValues) {
            issue = StructureIssue{StructureIssue::Kind::Structure, 0, pointerOf(depth_),
                                   "more than " + std::to_string(limits::kMaxJsonValues) +
                                       " JSON values (limits::kMaxJsonValues)"};
            return false;
        }
        if (depth_ == 0) return true;
        Frame& f = frames_[depth_ - 1];
        if (f.object) return true;
        ++f.count;
        if (!f.limit || f.count <= f.limit->max) return true;
        issue = StructureIssue{StructureIssue::Kind::Structure, 0, pointerOf(depth_ - 1),
                               tooManyEntriesMessage(*f.limit)};
        return false;
    }

    bool open(bool object) {
        if (depth_ >= static_cast<std::size_t>(kMaxNestingDepth)) {
            issue = StructureIssue{StructureIssue::Kind::Structure, 0, pointerOf(depth_),
                                   "nested deeper than " + std::to_string(kMaxNestingDepth) +
                                       " levels"};
            return false;
        }
        const SectionLimit* limit = nullptr;
        if (!object && depth_ == 1 && frames_[0].object)
            for (const SectionLimit& l : kSectionLimits)
                if (frames_[0].key == l.key) limit = &l;
        if (depth_ == frames_.size()) frames_.emplace_back();
        Frame& f = frames_[depth_++]; // reused, with its buffers, by the next container here
        f.object = object;
        f.key.clear();
        f.count = 0;
        f.keys.clear();
        f.many.reset();
        f.limit = limit;
        return true;
    }

    bool close() {
        if (depth_ > 0) --depth_;
        return true;
    }

    std::vector<Frame> frames_;
    std::size_t depth_ = 0;
    std::int64_t values_ = 0;
};

LoadResult failure(const std::string& file, TextPosition at, std::string pointer,
                   std::string message) {
    LoadResult r;
    r.error = LoadError{file, at.line, at.column, pointer.empty() ? "/" : std::move(pointer),
                        std::move(message)};
    return r;
}

std::string tooBigMessage() {
    return "file is larger than " + std::to_string(limits::kMaxFileBytes) +
           " bytes (limits::kMaxFileBytes)";
}

LoadResult load(const std::string& text, const std::string& file) {
    if (text.size() > limits::kMaxFileBytes) return failure(file, {}, "", tooBigMessage());

    StructureCheck structure;
    Json::sax_parse(text, &structure);
    // nlohmann reads a NUL byte between tokens as the end of the input: a document followed by
    // "\0garbage" would load, and one cut by a NUL would read "unexpected end of input".
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        const bool atEnd = structure.issue &&
                           structure.issue->kind == StructureIssue::Kind::Syntax &&
                           structure.issue->message.find("end of input") != std::string::npos;
        if (!structure.issue || atEnd)
            structure.issue = StructureIssue{
                StructureIssue::Kind::Syntax,
                nul,
                {},
                structure.issue ? "syntax error: NUL byte in the text"
                                : "syntax error: NUL byte after the end of the document"};
    }
    if (structure.issue) {
        const JsonPositions positions(text);
        StructureIssue& issue = *structure.issue;
        if (issue.kind == StructureIssue::Kind::Syntax) {
            auto context = positions.contextAt(issue.offset);
            return failure(file,
                           positions.positionOf(issue.atToken ? context.tokenStart : issue.offset),
                           std::move(context.container), std::move(issue.message));
        }
        const bool duplicate = issue.kind == StructureIssue::Kind::DuplicateKey;
        TextPosition at;
        if (const auto found = positions.find(issue.pointer, duplicate ? 2 : 1))
            at = (duplicate || issue.atKey) && found->key ? *found->key : found->value;
        return failure(file, at, std::move(issue.pointer), std::move(issue.message));
    }

    const Json doc = Json::parse(text);
    auto checked = ScenarioChecker(text).run(doc);
    if (auto* error = std::get_if<CheckError>(&checked)) {
        TextPosition at;
        if (const auto found = JsonPositions(text).find(error->pointer))
            at = error->atKey && found->key ? *found->key : found->value;
        return failure(file, at, std::move(error->pointer), std::move(error->message));
    }
    LoadResult r;
    r.scenario = std::move(std::get<Scenario>(checked));
    return r;
}

} // namespace

// The line must stay one line: a pointer holds keys as they are, a file name may hold anything.
std::string oneLineText(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7F) {
            out += c;
            continue;
        }
        constexpr char kHex[] = "0123456789ABCDEF";
        out += "\\x";
        out += kHex[u >> 4];
        out += kHex[u & 0xF];
    }
    return out;
}

std::string LoadError::toString() const {
    return oneLineText(file.empty() ? "<input>" : file) + ':' + std::to_string(line) + ':' +
           std::to_string(column) + ": " + oneLineText(jsonPath.empty() ? "/" : jsonPath) + ": " +
           oneLineText(message);
}

LoadResult loadScenarioText(const std::string& text, const std::string& fileName) {
    try {
        return load(text, fileName);
    } catch (const std::exception& e) { // out of memory, or a bug: still one line, no crash
        return failure(fileName, {}, "", std::string("internal error: ") + e.what());
    } catch (...) {
        return failure(fileName, {}, "", "internal error");
    }
}

LoadResult loadScenarioFile(const std::string& path) {
    const auto unreadable = [&](const std::string& reason) {
        return failure(path, {}, "", "cannot read file: " + reason);
    };
    try {
        namespace fs = std::filesystem;
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec) return unreadable(ec.message());
        if (fs::is_directory(status))
            return unreadable(std::make_error_code(std::errc::is_a_directory).message());
        // A regular file's size is known: refuse before reading. Pipes are read up to the limit.
        if (fs::is_regular_file(status)) {
            const auto size = fs::file_size(path, ec);
            if (!ec && size > limits::kMaxFileBytes) return failure(path, {}, "", tooBigMessage());
        }
        errno = 0;
        const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                                &std::fclose);
        if (!f) return unreadable(errno ? std::generic_category().message(errno) : "cannot open");
        std::string text;
        char buffer[1 << 16];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get())) {
            text.append(buffer, n);
            if (text.size() > limits::kMaxFileBytes) return failure(path, {}, "", tooBigMessage());
        }
        if (std::ferror(f.get()))
            return unreadable(errno ? std::generic_category().message(errno) : "read error");
        return loadScenarioText(text, path);
    } catch (const std::exception& e) {
        return failure(path, {}, "", std::string("internal error: ") + e.what());
    } catch (...) {
        return failure(path, {}, "", "internal error");
    }
}

// `--set ID.at=NS` (cli.md), and `--set ID.duration_ns=NS` for the ops that take one
// (scenario-format.md "Operations"), so that a sweep can vary how long a kernel path takes. The
// ranges are the loader's.
std::optional<std::string> applyOverride(Scenario& scenario, const std::string& spec) {
    const std::string prefix = "--set " + quoteText(spec) + ": ";
    const auto eq = spec.find('=');
    const auto dot = spec.substr(0, eq == std::string::npos ? 0 : eq).rfind('.');
    if (eq == std::string::npos || dot == std::string::npos || dot == 0)
        return prefix + "expected ID.at=NS or ID.duration_ns=NS";
    const std::string id = spec.substr(0, dot);
    const std::string field = spec.substr(dot + 1, eq - dot - 1);
    const std::string value = spec.substr(eq + 1);
    const bool isAt = field == "at";
    if (!isAt && field != "duration_ns")
        return prefix + "cannot set " + quoteText(field) +
               ": only ID.at=NS and ID.duration_ns=NS " + "are supported";

    const std::int64_t lo = isAt ? 0 : 1;
    const std::int64_t hi = isAt ? limits::kMaxTimeNs : limits::kMaxDurationNs;
    std::int64_t ns = 0;
    const char* end = value.data() + value.size();
    const auto [stop, ec] = std::from_chars(value.data(), end, ns);
    if (value.empty() || stop != end || (ec != std::errc{} && ec != std::errc::result_out_of_range))
        return prefix + quoteText(value) + " is not an integer";
    if (ec == std::errc::result_out_of_range || ns < lo || ns > hi)
        return prefix + value + " is out of range " + std::to_string(lo) + ".." +
               std::to_string(hi);

    const int entry = scenario.findEntry(id);
    if (entry < 0) return prefix + "no timeline entry has the id " + quoteText(id);
    TimelineEntry& e = scenario.timeline[static_cast<std::size_t>(entry)];
    if (isAt) {
        e.at = ns;
    } else if (e.kind == TimelineEntry::Kind::TaskOp && hasDuration(e.op)) {
        e.durationNs = ns;
    } else {
        return prefix + "entry " + quoteText(id) + " has no duration_ns (" +
               (e.kind == TimelineEntry::Kind::TaskOp ? quoteText(toString(e.op)) + " takes none"
                                                      : std::string("not a task operation")) +
               ")";
    }
    return std::nullopt;
}

} // namespace uintr::scenario
