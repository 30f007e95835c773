// The spellings of values on screen: exact nanoseconds with digit groups ("1 250 ns", what an undo
// entry and a drag tooltip say), hex as the reference writes it ("0xEC"), bit sets as the CLI
// prints them ("{3}"), and a UPID's or UITT entry's 16 raw bytes.
#pragma once

#include <QString>
#include <array>
#include <cstdint>
#include <vector>

namespace uintr::lab {

QString formatNs(qint64 ns);                                 // "1 250 ns"
QString formatDelta(qint64 ns);                              // "+300 ns" / "-1 250 ns"
QString hex(std::uint64_t value, int digits = 0);            // "0xEC", zero-padded to `digits`
QString bitSet(std::uint64_t bits);                          // "{3, 5}", "{}"
QString vectorSet(const std::array<std::uint64_t, 4>& bits); // APIC IRR/ISR: "{0xEC}", "{}"
QString hexBytes(const std::vector<std::uint8_t>& bytes);    // "01 00 EC 00 … "

} // namespace uintr::lab
