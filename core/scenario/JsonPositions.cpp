#include "scenario/JsonPositions.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace uintr::scenario {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDelimiter(char c) {
    return isSpace(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '"';
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// A position in the text that only moves forward: every public step consumes at least one byte
// (or reaches the end), which is what makes the scanner terminate on any input.
class Cursor {
  public:
    Cursor(std::string_view text, std::size_t at) : t_(text), i_(at) {}
    std::size_t at() const { return i_; }
    bool atEnd() const { return i_ >= t_.size(); }
    char peek() const { return atEnd() ? '\0' : t_[i_]; }
    void advance() { i_ = std::min(i_ + 1, t_.size()); }
    void skipSpace() {
        while (!atEnd() && isSpace(t_[i_]))
            ++i_;
    }

    // At an opening quote: moves past the closing one, decoding into `out` when given.
    void string(std::string* out) {
        advance();
        while (!atEnd()) {
            const char c = t_[i_];
            if (c == '"') {
                ++i_;
                return;
            }
            if (c != '\\') {
                if (out) *out += c;
                ++i_;
                continue;
            }
            if (i_ + 1 >= t_.size()) break;
            const char e = t_[i_ + 1];
            i_ += 2;
            if (e == 'u') {
                std::uint32_t cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < t_.size() && t_[i_] == '\\' &&
                    t_[i_ + 1] == 'u') {
                    i_ += 2;
                    const std::uint32_t low = hex4();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                if (out) appendUtf8(*out, cp);
            } else if (out) {
                switch (e) {
                case 'b':
                    *out += '\b';
                    break;
                case 'f':
                    *out += '\f';
                    break;
                case 'n':
                    *out += '\n';
                    break;
                case 'r':
                    *out += '\r';
                    break;
                case 't':
                    *out += '\t';
                    break;
                default:
                    *out += e;
                    break; // '"', '\\', '/'
                }
            }
        }
        i_ = t_.size();
    }

    // At the first character of any value: moves past it.
    void skipValue() {
        const char c = peek();
        if (c == '"') {
            string(nullptr);
        } else if (c == '{' || c == '[') {
            std::size_t depth = 0;
            while (!atEnd()) {
                const char d = t_[i_];
                if (d == '"') {
                    string(nullptr);
                    continue;
                }
                ++i_;
                if (d == '{' || d == '[') ++depth;
                if ((d == '}' || d == ']') && --depth == 0) return;
            }
        } else {
            const std::size_t from = i_;
            while (!atEnd() && !isDelimiter(t_[i_]))
                ++i_;
            if (i_ == from) advance(); // not a value (malformed text): still make progress
        }
    }

  private:
    std::uint32_t hex4() {
        std::uint32_t v = 0;
        const std::size_t end = std::min(i_ + 4, t_.size());
        for (; i_ < end; ++i_) {
            const char h = t_[i_];
            const int d = h >= '0' && h <= '9'   ? h - '0'
                          : h >= 'a' && h <= 'f' ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                 : 0;
            v = v * 16 + static_cast<std::uint32_t>(d);
        }
        return v;
    }

    std::string_view t_;
    std::size_t i_;
};

std::optional<std::size_t> arrayIndex(std::string_view token) {
    if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    if (ec != std::errc{} || end != token.data() + token.size()) return std::nullopt;
    return v;
}

} // namespace

std::string escapePointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> unescapePointerToken(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] != '~') {
            out += token[i];
            continue;
        }
        if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))
            return std::nullopt;
        out += token[++i] == '0' ? '~' : '/';
    }
    return out;
}

JsonPositions::JsonPositions(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") start_ = 3;
    lineStarts_.push_back(0);
    for (const char *p = text_.data(), *end = text_.data() + text_.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
         ++p)
        lineStarts_.push_back(static_cast<std::size_t>(p - text_.data()) + 1);
}

TextPosition JsonPositions::positionOf(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - lineStarts_.begin()); // >= 1: [0] is 0
    int column = 1;
    for (std::size_t i = std::max(lineStarts_[line - 1], start_); i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {static_cast<int>(line), column, offset};
}

std::optional<ValuePosition> JsonPositions::find(std::string_view pointer, int occurrence) const {
    std::vector<std::string> tokens;
    if (!pointer.empty()) {
        if (pointer[0] != '/') return std::nullopt;
        for (std::size_t from = 1;;) {
            const std::size_t slash = std::min(pointer.find('/', from), pointer.size());
            auto token = unescapePointerToken(pointer.substr(from, slash - from));
            if (!token) return std::nullopt;
            tokens.push_back(std::move(*token));
            if (slash == pointer.size()) break;
            from = slash + 1;
        }
    }

    Cursor c(text_, start_);
    c.skipSpace();
    std::optional<std::size_t> keyAt;
    for (std::size_t depth = 0; depth < tokens.size(); ++depth) {
        const std::string& token = tokens[depth];
        const int wanted = depth + 1 == tokens.size() ? occurrence : 1;
        if (c.peek() == '{') {
            c.advance();
            int seen = 0;
            for (;;) {
                c.skipSpace();
                if (c.atEnd() || c.peek() == '}') return std::nullopt;
                if (c.peek() == ',') {
                    c.advance();
                    continue;
                }
                if (c.peek() != '"') return std::nullopt;
                const std::size_t keyStart = c.at();
                std::string key;
                c.string(&key);
                c.skipSpace();
                if (c.peek() == ':') c.advance();
                c.skipSpace();
                if (key == token && ++seen == wanted) {
                    keyAt = keyStart;
                    break;
                }
                c.skipValue();
            }
        } else if (c.peek() == '[') {
            const auto index = arrayIndex(token);
            if (!index) return std::nullopt;
            c.advance();
            for (std::size_t i = 0;; ++i) {
                c.skipSpace();
                if (c.atEnd() || c.peek() == ']') return std::nullopt;
                if (i == *index) break;
                c.skipValue();
                c.skipSpace();
                if (c.peek() != ',') return std::nullopt;
                c.advance();
            }
            keyAt.reset();
        } else {
            return std::nullopt;
        }
    }
    if (c.atEnd()) return std::nullopt;
    ValuePosition result{positionOf(c.at()), std::nullopt};
    if (keyAt) result.key = positionOf(*keyAt);
    return result;
}

JsonPositions::SyntaxContext JsonPositions::contextAt(std::size_t offset) const {
    struct Frame {
        bool object = false;
        bool expectKey = false;
        std::string key;
        std::size_t index = 0;
    };
    constexpr std::size_t kMaxFrames = 10'000; // deeper text is not a scenario: stop recording
    std::vector<Frame> frames;
    std::size_t unrecorded = 0;
    SyntaxContext context{{}, offset};
    const std::size_t end = std::min(offset, text_.size());
    Cursor c(text_, start_);
    while (!c.atEnd() && c.at() < end) {
        const std::size_t tokenStart = c.at();
        const char ch = c.peek();
        Frame* top = frames.empty() || unrecorded > 0 ? nullptr : &frames.back();
        if (ch == '{' || ch == '[') {
            if (frames.size() < kMaxFrames && unrecorded == 0)
                frames.push_back({ch == '{', ch == '{', {}, 0});
            else
                ++unrecorded;
            c.advance();
        } else if (ch == '}' || ch == ']') {
            if (unrecorded > 0)
                --unrecorded;
            else if (!frames.empty())
                frames.pop_back();
            c.advance();
        } else if (ch == ',') {
            if (top && top->object)
                top->expectKey = true;
            else if (top)
                ++top->index;
            c.advance();
        } else if (ch == '"' && top && top->object && top->expectKey) {
            top->key.clear();
            c.string(&top->key);
            top->expectKey = false;
        } else if (isSpace(ch) || ch == ':') {
            c.advance();
        } else {
            c.skipValue(); // a string or a scalar: containers were handled above
        }
        if (c.at() > offset) { // the token holds the offset: it is the one the parser rejected
            context.tokenStart = tokenStart;
            break;
        }
    }
    for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        context.container += '/' + (frames[i].object ? escapePointerToken(frames[i].key)
                                                     : std::to_string(frames[i].index));
    return context;
}

} // namespace uintr::scenario
