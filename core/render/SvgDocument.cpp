#include "render/SvgDocument.h"

#include <charconv>
#include <cmath>

namespace uintr::render::svg {

std::string num(double v) {
    double r = std::round(v * 10) / 10;
    if (r == 0 || !std::isfinite(r)) r = 0; // no "-0", and never "nan" in a document
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 1);
    std::string s(buf, res.ptr);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

namespace {

// The length of the UTF-8 sequence starting with `lead`, or 0 if it cannot start one.
int sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool validSequence(std::string_view s, std::size_t i, int len) {
    if (i + static_cast<std::size_t>(len) > s.size()) return false;
    for (int k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80)
            return false;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = len > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (b0 == 0xE0 && b1 < 0xA0) return false;  // overlong
    if (b0 == 0xED && b1 >= 0xA0) return false; // UTF-16 surrogates
    if (b0 == 0xF0 && b1 < 0x90) return false;  // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return false; // beyond U+10FFFF
    // U+FFFE and U+FFFF are not XML characters either.
    if (b0 == 0xEF && b1 == 0xBF && len == 3 && static_cast<unsigned char>(s[i + 2]) >= 0xBE)
        return false;
    return true;
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int len = sequenceLength(c);
        if (len == 0 || !validSequence(text, i, len)) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
            continue;
        }
        if (len > 1) {
            out.append(text.substr(i, static_cast<std::size_t>(len)));
            i += static_cast<std::size_t>(len);
            continue;
        }
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\t':
        case '\n':
        case '\r':
            out += ' ';
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += "\xEF\xBF\xBD";
            else
                out += static_cast<char>(c);
        }
        ++i;
    }
    return out;
}

std::vector<std::string> wrap(std::string_view text, double fontPx, double maxPx) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        const std::size_t end = std::min(text.find(' ', i), text.size());
        if (end == i) break;
        const std::string_view word = text.substr(i, end - i);
        i = end;
        const std::string candidate =
            current.empty() ? std::string(word) : current + " " + std::string(word);
        if (!current.empty() && textWidth(candidate, fontPx) > maxPx) {
            lines.push_back(current);
            current = std::string(word);
        } else {
            current = candidate;
        }
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

void Document::indent() {
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void Document::open(std::string_view tagAndAttributes) {
    indent();
    out_ += tagAndAttributes;
    out_ += '\n';
    ++depth_;
}

void Document::close(std::string_view tag) {
    --depth_;
    indent();
    out_ += tag;
    out_ += '\n';
}

void Document::line(std::string_view element) {
    indent();
    out_ += element;
    out_ += '\n';
}

void Document::text(double x, double y, std::string_view cssClass, std::string_view content) {
    indent();
    out_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"";
    out_ += cssClass;
    out_ += "\">";
    out_ += escape(content);
    out_ += "</text>\n";
}

void Document::titled(std::string_view tagAndAttributes, std::string_view tag,
                      std::string_view title) {
    indent();
    out_ += tagAndAttributes;
    out_ += "<title>";
    out_ += escape(title);
    out_ += "</title></";
    out_ += tag;
    out_ += ">\n";
}

} // namespace uintr::render::svg
