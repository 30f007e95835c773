// How the arch tests spell an expected outcome: "none", or "#GP uitt_entry_invalid" — the SDM's
// exception name and the model's reason token, so a failing row reads like the spec.
#pragma once

#include "arch/Fault.h"

#include <QString>

namespace uintr::arch::testing {

inline QString faultText(const MaybeFault& f) {
    if (!f) return QStringLiteral("none");
    return QStringLiteral("%1 %2").arg(QLatin1String(toString(f->kind)),
                                       QLatin1String(toString(f->reason)));
}
inline QString gpText(FaultReason r) {
    return faultText(gp(r));
}
inline QString udText(FaultReason r) {
    return faultText(ud(r));
}

} // namespace uintr::arch::testing
