// Time 0 (scenario-format.md "Time and order"): CR4.UINTR set at boot, every receiver registered
// (uintr_register_handler) and every sender's UITT set up (uintr_register_sender), as the RFC
// programs them (uintr-reference.md §5).
#include "arch/UittEntry.h"
#include "arch/Upid.h"
#include "kernel/LinuxKernel.h"

namespace uintr::kernel {

using arch::Upid;

namespace {
// Addresses the RFC's registration would produce for a user program: text and a red zone the
// kernel skips with STACKADJUST = 128 (uintr_register_handler, OS_ABI_REDZONE).
constexpr std::uint64_t kUserTextBase = 0x0000000000401000ULL;
constexpr std::uint64_t kHandlerBase = 0x0000000000402000ULL;
constexpr std::uint64_t kStackAdjust = 128;
constexpr std::size_t kUserStackBytes = 1024;
constexpr std::size_t kUittEntries = 256; // UINTR_MAX_UITT_NR

arch::ApicMode archMode(scenario::ApicMode m) {
    return m == scenario::ApicMode::XApic ? arch::ApicMode::XApic : arch::ApicMode::X2Apic;
}
} // namespace

bool LinuxKernel::cr4Uintr() const {
    const auto& mc = p_->scenario().machine;
    return mc.uintrSupported && mc.uintrEnabled;
}

// rfc-v1 prints the line wherever UINTR support is compiled in, even on a CPU without the
// feature (the reviewer's complaint); reviewed only where it is available and enabled.
bool LinuxKernel::printsUisLine() const {
    return variant() != Variant::Reviewed || cr4Uintr();
}

// v1 programs UINTR_MAX_UITT_NR (256) for a table of 256 entries, so index 256 passes the
// hardware's size check; the later series (and reviewed) writes UINTR_MAX_UITT_NR - 1.
std::uint32_t LinuxKernel::uittsz() const {
    return variant() == Variant::Reviewed ? kUittEntries - 1 : kUittEntries;
}

void LinuxKernel::registerTasks() {
    model::Machine& mach = m();
    const scenario::Scenario& sc = p_->scenario();
    const auto mode = archMode(sc.machine.apicMode);
    const bool on = cr4Uintr();

    mach.cpus.resize(static_cast<std::size_t>(sc.machine.cpus));
    for (std::size_t i = 0; i < mach.cpus.size(); ++i) {
        arch::LogicalProcessor& lp = mach.cpus[i].lp;
        lp.apicId = static_cast<std::uint32_t>(i); // CPU n has APIC ID n
        lp.apicMode = mode;
        lp.cpuidUintr = sc.machine.uintrSupported;
        lp.cr4Uintr = on; // the kernel sets CR4.UINTR at boot where it enables the feature
        lp.xsavesClearsUinv = sc.machine.xsavesClearsUinv;
        lp.cpl = arch::Cpl::Kernel;
    }

    mach.tasks.resize(sc.tasks.size());
    for (const auto& c : sc.connections)
        mach.tasks[static_cast<std::size_t>(c.sender)].sender = true;

    for (std::size_t i = 0; i < mach.tasks.size(); ++i) {
        model::TaskState& t = mach.tasks[i];
        t.receiver = sc.tasks[i].receiver;
        t.registered = t.receiver && on; // without CR4.UINTR the syscalls fail
        t.xsave = mach.memory.allocate(arch::PhysicalMemory::Region::Kernel, 64, 64);
        const std::uint64_t stack =
            mach.memory.allocate(arch::PhysicalMemory::Region::User, kUserStackBytes, 16);
        t.rsp = stack + kUserStackBytes - 64;
        t.rip = kUserTextBase + 0x1000 * i;
        t.rflags = arch::rflags::Reserved1 | arch::rflags::IF;

        arch::XsaveUintr image;
        if (t.receiver) {
            // The RFC aligns the 16-byte UPID to 64 bytes.
            t.upid =
                mach.memory.allocate(arch::PhysicalMemory::Region::Kernel, 64, Upid::kAlignment);
            Upid u;
            u.setNv(sc.machine.notificationVector);
            u.setNdst(Upid::encodeNdst(0, mode));
            // A receiver starts switched out (scenario-format.md "Time and order").
            u.setSn(variant() != Variant::NoSn);
            (void)u.store(mach.memory, t.upid);
            if (t.registered) {
                image.msrs.handler = kHandlerBase + 0x100 * i;
                image.msrs.stackAdjust = kStackAdjust;
                image.msrs.setUinv(sc.machine.notificationVector);
                image.msrs.pd = t.upid;
                image.uif = true; // the program executed STUI after registering
            }
        }
        if (t.sender) {
            // 256 entries and, in the model, 16 bytes that read as zero after them
            // (scenario-format.md "UITT indexes").
            t.uitt = mach.memory.allocate(arch::PhysicalMemory::Region::Kernel,
                                          (kUittEntries + 1) * arch::UittEntry::kSize, 64);
            if (on) {
                image.msrs.setUittsz(uittsz());
                image.msrs.tt = t.uitt | 1;
            }
        }
        (void)image.store(mach.memory, t.xsave);
    }
    for (const auto& c : sc.connections) {
        const auto& s = mach.tasks[static_cast<std::size_t>(c.sender)];
        const auto& r = mach.tasks[static_cast<std::size_t>(c.receiver)];
        const auto entry = arch::UittEntry::make(static_cast<std::uint8_t>(c.vector), r.upid);
        (void)entry.store(mach.memory, s.uitt + arch::UittEntry::kSize * c.uittIndex);
    }
}

} // namespace uintr::kernel
