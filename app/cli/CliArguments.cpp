#include "CliArguments.h"

#include <cstring>

namespace uintr::cli {

namespace {
constexpr char16_t kEscapeBase = 0xDC00; // + byte (0x80..0xFF): a byte that is not UTF-8

// Length of the valid UTF-8 sequence at s[0..n), or 0 (overlong forms, surrogates and code points
// past U+10FFFF are invalid, as in RFC 3629).
std::size_t utf8Length(const unsigned char* s, std::size_t n) {
    if (s[0] < 0x80) return 1;
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF; // the allowed range of the second byte
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        if (s[0] == 0xE0) lo = 0xA0;
        if (s[0] == 0xED) hi = 0x9F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        if (s[0] == 0xF0) lo = 0x90;
        if (s[0] == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (std::size_t i = 2; i < len; ++i)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return len;
}
} // namespace

QString fromBytes(const char* bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes);
    const std::size_t n = std::strlen(bytes);
    QString out;
    std::size_t validFrom = 0;
    for (std::size_t i = 0; i < n;) {
        const std::size_t len = utf8Length(s + i, n - i);
        if (len > 0) {
            i += len;
            continue;
        }
        out += QString::fromUtf8(bytes + validFrom, static_cast<qsizetype>(i - validFrom));
        out += QChar(static_cast<char16_t>(kEscapeBase + s[i]));
        validFrom = ++i;
    }
    return out + QString::fromUtf8(bytes + validFrom, static_cast<qsizetype>(n - validFrom));
}

std::string toBytes(const QString& argument) {
    std::string out;
    qsizetype validFrom = 0;
    for (qsizetype i = 0; i < argument.size(); ++i) {
        const char16_t c = argument[i].unicode();
        // A lone low surrogate in the escape range: a paired one belongs to a real code point.
        const bool paired = i > 0 && argument[i - 1].isHighSurrogate();
        if (c < kEscapeBase + 0x80 || c > kEscapeBase + 0xFF || paired) continue;
        out += argument.mid(validFrom, i - validFrom).toStdString();
        out += static_cast<char>(c - kEscapeBase);
        validFrom = i + 1;
    }
    return out + argument.mid(validFrom).toStdString();
}

QStringList argumentsOf(int argc, char** argv) {
    QStringList out;
    for (int i = 0; i < argc; ++i)
        out << fromBytes(argv[i]);
    return out;
}

} // namespace uintr::cli
