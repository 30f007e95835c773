// The whole simulated machine at one instant: every CPU (logical processor, local APIC, what it
// runs), every task (scheduling state, saved registers, where its UPID/UITT/XSAVE area live),
// simulated memory, the /proc/interrupts counters and the accounting of every posted vector.
// A plain value: copying it is a snapshot. It sits below both the engine (core/sim) and the
// kernel model (core/kernel), which read and change it.
#pragma once

#include "arch/LogicalProcessor.h"
#include "arch/PhysicalMemory.h"
#include "arch/XsaveUintr.h"

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace uintr::model {

struct CpuState {
    arch::LogicalProcessor lp;
    int task = -1;          // the user task on this CPU; -1: idle or in the kernel's switch
    bool online = true;     // scenario-format.md CPU entries
    bool everUsed = false;  // time-0 placement applies only to an untouched CPU
    bool switching = false; // inside a context switch of kernel.context_switch_ns
    int switchTarget = -1;
    int switchEvent = -1;
    std::int64_t switchDoneAt = 0;
    // The kernel's IDT handler for a UINTR vector runs for kernel.irq_ns; interrupts that arrive
    // meanwhile wait in IRR, and so do this CPU's timeline entries.
    bool inIrq = false;
    std::int16_t irqVector = -1;
    int irqEvent = -1;
    int offlineEntry = -1;   // a CPU entry taking it offline, waiting until no task runs here
    int lastUinvChange = -1; // the event that last changed UINV (why a vector mismatched)
    std::uint64_t uis = 0;   // /proc/interrupts "UIS": spurious notification vectors taken
    std::uint64_t kernelNotifications = 0; // kernel-vector (uintr_wait) wake-ups taken here
    // Timeline entries for this CPU (switches, offline/online) waiting for the switch, the IDT
    // handler, a kernel_fpu window or an idle CPU, in the order they arrived.
    std::vector<int> waitingEntries;
    // machine.xsaves_clears_uinv = false only: vectors processed into the live UIRR while the
    // registers hold a saved task's state. No task will see them: the next XRSTORS here
    // overwrites them (summary.lost).
    std::uint64_t orphanUirr = 0;
    int orphanOwner = -1;
    friend bool operator==(const CpuState&, const CpuState&) = default;
};

enum class TaskStatus : std::uint8_t { Ready, SwitchingIn, Running, Blocked, Exited };

// Where every posted vector of one receiver went (cli.md summary.lost: "every posted vector is
// delivered, pending at the end, or listed here"). A post into a PIR bit that is already set,
// or a PIR bit ORed into a UIRR bit that is already set, merges two posts into one interrupt:
// `coalesced` counts the posts absorbed so.
struct VectorAccount {
    std::uint64_t posted = 0;
    std::uint64_t delivered = 0;
    std::uint64_t coalesced = 0;
    std::uint64_t lost = 0;
    friend bool operator==(const VectorAccount&, const VectorAccount&) = default;
};

struct TaskState {
    TaskStatus status = TaskStatus::Ready;
    int cpu = -1; // where it runs (or is being switched in)
    int lastCpu = -1;
    bool receiver = false;   // owns a UPID (the UPID outlives an unregistered handler)
    bool registered = false; // its handler is registered: switch_uintr_return applies to it
    bool sender = false;
    std::uint64_t upid = 0;  // UPID address (receivers)
    std::uint64_t uitt = 0;  // UITT address (senders)
    std::uint64_t xsave = 0; // XSAVE area of component 14
    // The UINTR state sits in the XSAVE area, not in the registers: XSAVES ran (switch-out or
    // kernel_fpu_begin) and the XRSTORS of the way back to user space has not yet.
    bool stateSaved = true;
    // `reviewed` runs switch_uintr_return only if the state was saved since the last return.
    bool savedSinceReturn = true;
    // The general-purpose context the kernel saves on a switch (what delivery pushes).
    std::uint64_t rip = 0, rsp = 0, rflags = 0;
    bool inHandler = false;
    std::int16_t handlerVector = -1;
    std::int64_t handlerEndsAt = 0;
    std::int64_t handlerRemaining = 0;
    std::uint32_t handlerGeneration = 0;
    int handlerEvent = -1;
    bool uiretDue = false;         // the handler ended while the CPU ran the IDT handler
    bool handlerSuspended = false; // switched out inside its handler: resumes on return
    // In the kernel through a `syscall` or `kernel_fpu` op until kernelEndsAt (wall time).
    bool inKernel = false;
    std::int16_t kernelOp = -1; // scenario::OpKind
    std::int64_t kernelEndsAt = 0;
    int kernelEvent = -1;
    bool inKernelFpu = false;       // between kernel_fpu_begin and kernel_fpu_end
    std::uint64_t blockedOrder = 0; // position on the kernel's global wait list
    std::uint64_t wokenOrder = 0;   // woken, waiting for a CPU (0: not waiting)
    int wokenEvent = -1;
    std::vector<int> deferred; // timeline entries waiting for the task to run
    VectorAccount vectors;
    // Causality: which event put each vector where it is.
    std::array<std::int32_t, 64> pirCause;
    std::array<std::int32_t, 64> uirrCause;
    // When each vector was first posted and not yet delivered (-1: none): the delivery delay
    // the race explorer reports without a trace.
    std::array<std::int64_t, 64> postedAt;
    TaskState() {
        pirCause.fill(-1);
        uirrCause.fill(-1);
        postedAt.fill(-1);
    }
    friend bool operator==(const TaskState&, const TaskState&) = default;
};

struct Counters {
    std::uint64_t ipisSent = 0; // by SENDUIPI only (cli.md)
    std::uint64_t spurious = 0;
    std::int64_t lastSpuriousAt = -1;
    std::uint64_t delivered = 0;
    std::uint64_t faults = 0; // every fault event, wherever it was recorded
    std::uint64_t selfIpis = 0;
    std::uint64_t uintrReturnRuns = 0;      // switch_uintr_return runs
    std::uint64_t uintrReturnUnchanged = 0; // ... that changed nothing (the cost objection)
    // Post-to-delivery delay over every delivery of the run (-1: nothing delivered).
    std::int64_t minDeliveryDelayNs = -1;
    std::int64_t maxDeliveryDelayNs = -1;
    friend bool operator==(const Counters&, const Counters&) = default;
};

struct Machine {
    std::vector<CpuState> cpus;
    std::vector<TaskState> tasks;
    arch::PhysicalMemory memory;
    Counters counters;
    std::uint64_t nextBlockedOrder = 1;
    std::uint64_t nextWokenOrder = 1;

    int taskOwningUpid(std::uint64_t address) const {
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].receiver && tasks[i].upid == address) return static_cast<int>(i);
        return -1;
    }
    // A task's UIRR lives in the MSR while its state is in the registers and in its XSAVE area
    // once XSAVES saved it (uintr-reference.md §4).
    std::uint64_t uirrOf(int task) const {
        const TaskState& t = tasks[static_cast<std::size_t>(task)];
        if (!t.stateSaved && t.cpu >= 0) return cpus[static_cast<std::size_t>(t.cpu)].lp.msrs.rr;
        const auto image = arch::XsaveUintr::load(memory, t.xsave);
        return image ? image->msrs.rr : 0;
    }
    // The CPUs an IPI to `apicId` reaches: CPU n has APIC ID n, and in xAPIC mode 0xFF is the
    // broadcast destination (SDM vol. 3 "Physical Destination Mode"). Empty: no such CPU.
    std::vector<int> cpusForApicId(std::uint32_t apicId, bool xapic) const {
        std::vector<int> out;
        if (xapic && apicId == 0xFF) {
            for (std::size_t i = 0; i < cpus.size(); ++i)
                out.push_back(static_cast<int>(i));
        } else if (apicId < cpus.size()) {
            out.push_back(static_cast<int>(apicId));
        }
        return out;
    }
    friend bool operator==(const Machine&, const Machine&) = default;
};

inline int popcount(std::uint64_t bits) {
    return std::popcount(bits);
}

} // namespace uintr::model
