#include "arch/XsaveUintr.h"

namespace uintr::arch {

std::array<std::uint64_t, 6> XsaveUintr::toQuadwords() const {
    return {msrs.handler, msrs.stackAdjust, (msrs.misc & ~kUifBit) | (uif ? kUifBit : 0),
            msrs.pd,      msrs.rr,          msrs.tt};
}

XsaveUintr XsaveUintr::fromQuadwords(const std::array<std::uint64_t, 6>& q) {
    XsaveUintr x;
    x.msrs.handler = q[0];
    x.msrs.stackAdjust = q[1];
    x.msrs.misc = q[2] & ~kUifBit;
    x.uif = q[2] & kUifBit;
    x.msrs.pd = q[3];
    x.msrs.rr = q[4];
    x.msrs.tt = q[5];
    return x;
}

std::optional<XsaveUintr> XsaveUintr::load(const PhysicalMemory& memory, std::uint64_t address) {
    std::array<std::uint64_t, 6> q{};
    for (std::size_t i = 0; i < q.size(); ++i) {
        auto v = memory.read64(address + 8 * i);
        if (!v) return std::nullopt;
        q[i] = *v;
    }
    return fromQuadwords(q);
}

MaybeFault XsaveUintr::store(PhysicalMemory& memory, std::uint64_t address) const {
    const auto q = toQuadwords();
    for (std::size_t i = 0; i < q.size(); ++i)
        if (auto f = memory.write64(address + 8 * i, q[i])) return f;
    return std::nullopt;
}

} // namespace uintr::arch
