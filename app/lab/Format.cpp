#include "Format.h"

#include <QStringList>

namespace uintr::lab {

QString formatNs(qint64 ns) {
    const bool negative = ns < 0;
    QString digits = QString::number(negative ? -ns : ns);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(' '));
    return (negative ? QStringLiteral("-") : QString()) + digits + QStringLiteral(" ns");
}

QString formatDelta(qint64 ns) {
    return (ns >= 0 ? QStringLiteral("+") : QString()) + formatNs(ns);
}

QString hex(std::uint64_t value, int digits) {
    return QStringLiteral("0x") + QString::number(value, 16).toUpper().rightJustified(digits, '0');
}

QString bitSet(std::uint64_t bits) {
    QStringList set;
    for (int b = 0; b < 64; ++b)
        if (bits >> b & 1) set << QString::number(b);
    return QLatin1Char('{') + set.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString vectorSet(const std::array<std::uint64_t, 4>& bits) {
    QStringList set;
    for (int v = 0; v < 256; ++v)
        if (bits[static_cast<std::size_t>(v / 64)] >> (v % 64) & 1)
            set << hex(static_cast<unsigned>(v), 2);
    return QLatin1Char('{') + set.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString hexBytes(const std::vector<std::uint8_t>& bytes) {
    QStringList out;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        out << QString::number(bytes[i], 16).toUpper().rightJustified(2, '0');
    // Two quadwords, as the reference's tables split them (bits 63:0 | 127:64).
    if (out.size() == 16)
        return out.mid(0, 8).join(' ') + QStringLiteral("  ") + out.mid(8).join(' ');
    return out.join(' ');
}

} // namespace uintr::lab
