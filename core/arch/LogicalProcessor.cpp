#include "arch/LogicalProcessor.h"

#include "arch/UittEntry.h"

namespace uintr::arch {

// STUI, CLUI, TESTUI, UIRET and SENDUIPI are #UD when CR4.UINTR = 0 or outside 64-bit mode
// (§1). CR4.UINTR cannot be set on a CPU without the feature, so that case is reported first.
MaybeFault LogicalProcessor::userInstructionAllowed() const {
    if (!cpuidUintr) return ud(FaultReason::NoCpuFeature);
    if (!cr4Uintr) return ud(FaultReason::Cr4UintrClear);
    if (!longMode) return ud(FaultReason::NotLongMode);
    return std::nullopt;
}

MaybeFault LogicalProcessor::wrmsr(std::uint32_t number, std::uint64_t value) {
    if (cpl != Cpl::Kernel) return gp(FaultReason::NotPrivileged);
    if (!cpuidUintr) return gp(FaultReason::UnknownMsr);
    return msrs.write(number, value);
}

Result<std::uint64_t> LogicalProcessor::rdmsr(std::uint32_t number) const {
    if (cpl != Cpl::Kernel) return gp(FaultReason::NotPrivileged);
    if (!cpuidUintr) return gp(FaultReason::UnknownMsr);
    if (auto v = msrs.read(number)) return *v;
    return gp(FaultReason::UnknownMsr);
}

Result<SendUipiOutcome> LogicalProcessor::senduipi(std::uint64_t reg,
                                                   PhysicalMemory& memory) const {
    // §2.1: the #UD conditions; a disabled TT is #UD, not #GP.
    if (auto f = userInstructionAllowed()) return *f;
    if (!msrs.ttValid()) return ud(FaultReason::SendDisabled);
    // §2.2
    if (reg > msrs.uittsz()) return gp(FaultReason::IndexPastUittsz);
    // §2.3: the entry at (TT & ~0xF) + 16 * reg.
    const std::uint64_t entryAddress = msrs.uittAddress() + 16 * reg;
    const auto entry = UittEntry::load(memory, entryAddress);
    if (!entry) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    if (auto f = entry->check()) return *f;

    // §2.4: the locked read-modify-write of the UPID. On a reserved bit nothing is written.
    SendUipiOutcome out;
    out.userVector = entry->uv();
    out.upidAddress = entry->upidAddr;
    const auto upid = Upid::load(memory, entry->upidAddr);
    if (!upid) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    if (upid->hasReservedBits()) return gp(FaultReason::UpidReservedBits);
    out.upidBefore = *upid;
    Upid next = *upid;
    next.pir |= bit(out.userVector);
    if (!next.sn() && !next.on()) {
        next.setOn(true);
        out.notify = true;
    } else {
        // Both set: SN is named, since it is the kernel's deliberate choice (§6).
        out.suppression = next.sn() ? Suppression::BySn : Suppression::ByOn;
    }
    if (auto f = next.store(memory, entry->upidAddr)) return *f;
    out.upidAfter = next;
    // §2.5: the IPI carries NV to the APIC ID in NDST.
    out.notificationVector = next.nv();
    out.destinationApicId = Upid::apicIdFromNdst(next.ndst(), apicMode);
    return out;
}

MaybeFault LogicalProcessor::stui() {
    if (auto f = userInstructionAllowed()) return f;
    uif = true;
    return std::nullopt;
}

MaybeFault LogicalProcessor::clui() {
    if (auto f = userInstructionAllowed()) return f;
    uif = false;
    return std::nullopt;
}

Result<TestUiOutcome> LogicalProcessor::testui() {
    if (auto f = userInstructionAllowed()) return *f;
    // CF = UIF; OF, SF, ZF, AF and PF are cleared (§1).
    rflags &= ~(rflags::CF | rflags::OF | rflags::SF | rflags::ZF | rflags::AF | rflags::PF);
    if (uif) rflags |= rflags::CF;
    return TestUiOutcome{uif};
}

MaybeFault LogicalProcessor::uiret(const PhysicalMemory& memory) {
    if (auto f = userInstructionAllowed()) return f;
    const auto newRip = memory.read64(rsp);
    const auto newRflags = memory.read64(rsp + 8);
    const auto newRsp = memory.read64(rsp + 16);
    if (!newRip || !newRflags || !newRsp) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    // SDM UIRET Operation: #GP(0) if the popped RIP is not canonical, before anything is loaded.
    if (!isCanonical(*newRip)) return gp(FaultReason::NonCanonical);
    rip = *newRip;
    // SDM UIRET Operation: only CF, PF, AF, ZF, SF, TF, DF, OF, NT, RF, AC and ID (mask 254DD5H)
    // come from the frame; IF, IOPL, VM, VIF, VIP and the reserved bits keep their values.
    constexpr std::uint64_t kUiretLoaded = 0x254DD5;
    rflags = (rflags & ~kUiretLoaded) | (*newRflags & kUiretLoaded);
    rsp = *newRsp;
    uif = true; // so a second pending vector is delivered right after (§3)
    return std::nullopt;
}

Result<NotificationOutcome> LogicalProcessor::processNotification(PhysicalMemory& memory) {
    // Step 1: the interrupt is dismissed as by an EOI write.
    apic.eoi();
    // Step 2: atomically clear ON, read and clear PIR.
    const auto upid = Upid::load(memory, msrs.pd);
    if (!upid) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    NotificationOutcome out;
    out.upidBefore = *upid;
    Upid next = *upid;
    next.setOn(false);
    out.movedToUirr = next.pir;
    next.pir = 0;
    if (auto f = next.store(memory, msrs.pd)) return *f;
    out.upidAfter = next;
    // Step 3: OR into UIRR; a non-zero UIRR makes a user interrupt pending.
    msrs.rr |= out.movedToUirr;
    return out;
}

bool LogicalProcessor::userInterruptRecognized() const {
    return msrs.rr != 0 && uif && cpl == Cpl::User && longMode && cr4Uintr;
}

Result<DeliveryOutcome> LogicalProcessor::deliver(PhysicalMemory& memory) {
    if (msrs.rr == 0) return gp(FaultReason::NoPendingVector); // callers check recognition first
    if (!isCanonical(msrs.handler)) return gp(FaultReason::HandlerNonCanonical);
    const int vector = highestBit(msrs.rr);
    const std::uint64_t oldRsp = rsp;
    std::uint64_t newRsp = (msrs.stackAdjust & 1) ? msrs.stackAdjust : rsp - msrs.stackAdjust;
    newRsp &= ~0xFULL;
    // Push the old RSP, RFLAGS, RIP and the vector: four quadwords.
    const std::uint64_t frame[4] = {static_cast<std::uint64_t>(vector), rip, rflags, oldRsp};
    for (int i = 0; i < 4; ++i)
        if (!memory.contains(newRsp - 32 + 8 * i, 8))
            return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    newRsp -= 32;
    for (int i = 0; i < 4; ++i)
        (void)memory.write64(newRsp + 8 * i, frame[i]);
    msrs.rr &= ~bit(static_cast<unsigned>(vector));
    rsp = newRsp;
    rflags &= ~(rflags::TF | rflags::RF);
    uif = false;
    rip = msrs.handler;
    return DeliveryOutcome{static_cast<std::uint8_t>(vector), newRsp};
}

MaybeFault LogicalProcessor::xsaves(PhysicalMemory& memory, std::uint64_t area) {
    XsaveUintr image;
    image.msrs = msrs;
    image.uif = uif;
    if (auto f = image.store(memory, area)) return f;
    // §4: so that a notification arriving while the task is out is not processed into the
    // wrong task's UIRR.
    if (xsavesClearsUinv) msrs.setUinv(0);
    return std::nullopt;
}

MaybeFault LogicalProcessor::xrstors(const PhysicalMemory& memory, std::uint64_t area) {
    if (xsavesClearsUinv && msrs.uinv() != 0) return gp(FaultReason::UinvNotZero);
    const auto image = XsaveUintr::load(memory, area);
    if (!image) return Fault{FaultKind::PF, FaultReason::UnmappedAddress};
    if ((image->msrs.misc & XsaveUintr::kImageMiscReserved) ||
        (image->msrs.pd & UintrMsrs::kPdReserved) || (image->msrs.tt & UintrMsrs::kTtReserved))
        return gp(FaultReason::MsrReservedBits);
    if (!isCanonical(image->msrs.handler) || !isCanonical(image->msrs.stackAdjust) ||
        !isCanonical(image->msrs.pd) || !isCanonical(image->msrs.tt & ~0xFULL))
        return gp(FaultReason::NonCanonical);
    msrs = image->msrs;
    uif = image->uif;
    return std::nullopt;
}

} // namespace uintr::arch
