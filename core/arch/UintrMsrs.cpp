#include "arch/UintrMsrs.h"

namespace uintr::arch {

const char* msr::name(std::uint32_t number) {
    switch (number) {
    case IA32_UINTR_RR:
        return "IA32_UINTR_RR";
    case IA32_UINTR_HANDLER:
        return "IA32_UINTR_HANDLER";
    case IA32_UINTR_STACKADJUST:
        return "IA32_UINTR_STACKADJUST";
    case IA32_UINTR_MISC:
        return "IA32_UINTR_MISC";
    case IA32_UINTR_PD:
        return "IA32_UINTR_PD";
    case IA32_UINTR_TT:
        return "IA32_UINTR_TT";
    default:
        return nullptr;
    }
}

MaybeFault UintrMsrs::checkWrite(std::uint32_t number, std::uint64_t value) {
    switch (number) {
    case msr::IA32_UINTR_RR:
        return std::nullopt; // all 64 bits are vectors
    case msr::IA32_UINTR_HANDLER:
    case msr::IA32_UINTR_STACKADJUST:
        if (!isCanonical(value)) return gp(FaultReason::NonCanonical);
        return std::nullopt;
    case msr::IA32_UINTR_MISC:
        if (value & kMiscReserved) return gp(FaultReason::MsrReservedBits);
        return std::nullopt;
    case msr::IA32_UINTR_PD:
        if (value & kPdReserved) return gp(FaultReason::MsrReservedBits);
        if (!isCanonical(value)) return gp(FaultReason::NonCanonical);
        return std::nullopt;
    case msr::IA32_UINTR_TT:
        if (value & kTtReserved) return gp(FaultReason::MsrReservedBits);
        if (!isCanonical(value & ~0xFULL)) return gp(FaultReason::NonCanonical);
        return std::nullopt;
    default:
        return gp(FaultReason::UnknownMsr);
    }
}

MaybeFault UintrMsrs::write(std::uint32_t number, std::uint64_t value) {
    if (auto f = checkWrite(number, value)) return f;
    switch (number) {
    case msr::IA32_UINTR_RR:
        rr = value;
        break;
    case msr::IA32_UINTR_HANDLER:
        handler = value;
        break;
    case msr::IA32_UINTR_STACKADJUST:
        stackAdjust = value;
        break;
    case msr::IA32_UINTR_MISC:
        misc = value;
        break;
    case msr::IA32_UINTR_PD:
        pd = value;
        break;
    case msr::IA32_UINTR_TT:
        tt = value;
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> UintrMsrs::read(std::uint32_t number) const {
    switch (number) {
    case msr::IA32_UINTR_RR:
        return rr;
    case msr::IA32_UINTR_HANDLER:
        return handler;
    case msr::IA32_UINTR_STACKADJUST:
        return stackAdjust;
    case msr::IA32_UINTR_MISC:
        return misc;
    case msr::IA32_UINTR_PD:
        return pd;
    case msr::IA32_UINTR_TT:
        return tt;
    default:
        return std::nullopt;
    }
}

} // namespace uintr::arch
