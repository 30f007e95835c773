// Where values sit in JSON text: nlohmann/json keeps no line or column, but an error message must
// point at the exact spot (scenario-format.md, "Errors": FILE:LINE:COLUMN: JSON-PATH: message).
//
// Semantics, shared by every caller:
// - Lines are 1-based and end at '\n' (a "\r\n" pair is one line end; a lone '\r' is a column).
// - Columns are 1-based and count UTF-8 code points, not bytes, so that "é" or "→" earlier on a
//   line does not shift the column an editor shows. A UTF-8 byte order mark is not counted.
// - Pointers are RFC 6901 ("" is the document, "/a~1b/0" is key "a/b" then element 0).
// - Lookups walk the raw text on demand: nothing is indexed but the line starts, so building a
//   JsonPositions for a 60 MB file costs one pass and a few MB, and each lookup one partial pass.
//   A loader reports one error, so it pays for one lookup.
// The scanner expects text that a JSON parser already accepted, but on any input it terminates
// (every step consumes input) and never reads out of bounds; it then simply finds less.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uintr::scenario {

struct TextPosition {
    int line = 0;   // 1-based; 0: unknown
    int column = 0; // 1-based, in code points
    std::size_t offset = 0;
};

struct ValuePosition {
    TextPosition value;              // the first character of the value
    std::optional<TextPosition> key; // the opening quote of the key, for object members
};

class JsonPositions {
  public:
    explicit JsonPositions(std::string_view text); // the text must outlive this object

    // The value at `pointer`. For a key that occurs several times in one object, `occurrence`
    // selects which one the last token means (1: the first); earlier tokens take the first.
    std::optional<ValuePosition> find(std::string_view pointer, int occurrence = 1) const;

    // For a syntax error reported at byte `offset`: the pointer of the innermost array or object
    // still open there ("" when none is), and where the token holding `offset` starts (a parser
    // reports the last byte it read, e.g. the end of an unexpected string; `offset` itself when
    // no token holds it).
    struct SyntaxContext {
        std::string container;
        std::size_t tokenStart = 0;
    };
    SyntaxContext contextAt(std::size_t offset) const;

    // Line and column of byte `offset` (clamped to the end of the text).
    TextPosition positionOf(std::size_t offset) const;

  private:
    std::string_view text_;
    std::size_t start_ = 0;               // after a byte order mark
    std::vector<std::size_t> lineStarts_; // byte offset of each line's first character
};

// One RFC 6901 reference token: '~' becomes "~0", '/' becomes "~1".
std::string escapePointerToken(std::string_view token);
// The inverse; nullopt for a malformed escape such as "~2" or a trailing '~'.
std::optional<std::string> unescapePointerToken(std::string_view token);

} // namespace uintr::scenario
