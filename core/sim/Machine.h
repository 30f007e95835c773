// The whole simulated machine at one instant: every CPU (logical processor, local APIC, what it
// runs), every task (scheduling state, saved registers, where its UPID/UITT/XSAVE area live),
// simulated memory, and the /proc/interrupts counters. A plain value: copying it is a snapshot.
#pragma once

#include "arch/LogicalProcessor.h"
#include "arch/PhysicalMemory.h"
#include "arch/XsaveUintr.h"

#include <array>
#include <cstdint>
#include <vector>

namespace uintr::sim {

struct CpuState {
    arch::LogicalProcessor lp;
    int task = -1;          // the user task on this CPU; -1: idle or in the kernel's switch
    bool everUsed = false;  // time-0 placement applies only to an untouched CPU
    bool switching = false; // inside a context switch of kernel.context_switch_ns
    int switchTarget = -1;
    int switchEvent = -1;
    std::int64_t switchDoneAt = 0;
    int lastUinvChange = -1; // the event that last changed UINV (why a vector mismatched)
    std::uint64_t uis = 0;   // /proc/interrupts "UIS": spurious notification vectors taken
    std::uint64_t kernelNotifications = 0; // kernel-vector (uintr_wait) wake-ups taken here
    std::vector<int> pendingSwitches;      // timeline entries that arrived mid-switch
};

enum class TaskStatus : std::uint8_t { Ready, SwitchingIn, Running, Blocked, Exited };

struct TaskState {
    TaskStatus status = TaskStatus::Ready;
    int cpu = -1; // where it runs (or is being switched in)
    int lastCpu = -1;
    bool receiver = false;
    bool sender = false;
    std::uint64_t upid = 0;  // UPID address (receivers)
    std::uint64_t uitt = 0;  // UITT address (senders)
    std::uint64_t xsave = 0; // XSAVE area of component 14
    // The general-purpose context the kernel saves on a switch (what delivery pushes).
    std::uint64_t rip = 0, rsp = 0, rflags = 0;
    bool inHandler = false;
    std::int16_t handlerVector = -1;
    std::int64_t handlerEndsAt = 0;
    std::int64_t handlerRemaining = 0;
    std::uint32_t handlerGeneration = 0;
    int handlerEvent = -1;
    std::uint64_t blockedOrder = 0; // position on the kernel's global wait list
    std::vector<int> deferred;      // timeline entries waiting for the task to run
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
};

struct Counters {
    std::uint64_t ipisSent = 0; // by SENDUIPI only (cli.md)
    std::uint64_t spurious = 0;
    std::uint64_t delivered = 0;
    std::uint64_t faults = 0;
    std::uint64_t selfIpis = 0;
    // Post-to-delivery delay over every delivery of the run (-1: nothing delivered).
    std::int64_t minDeliveryDelayNs = -1;
    std::int64_t maxDeliveryDelayNs = -1;
};

struct Machine {
    std::vector<CpuState> cpus;
    std::vector<TaskState> tasks;
    arch::PhysicalMemory memory;
    Counters counters;
    std::uint64_t nextBlockedOrder = 1;

    int taskOwningUpid(std::uint64_t address) const {
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].receiver && tasks[i].upid == address) return static_cast<int>(i);
        return -1;
    }
    // A task's UIRR lives in the MSR while it runs and in its XSAVE area while it is switched
    // out (uintr-reference.md §4).
    std::uint64_t uirrOf(int task) const {
        const TaskState& t = tasks[static_cast<std::size_t>(task)];
        if (t.status == TaskStatus::Running && t.cpu >= 0)
            return cpus[static_cast<std::size_t>(t.cpu)].lp.msrs.rr;
        const auto image = arch::XsaveUintr::load(memory, t.xsave);
        return image ? image->msrs.rr : 0;
    }
    int cpuWithApicId(std::uint32_t apicId) const {
        return apicId < cpus.size() ? static_cast<int>(apicId) : -1;
    }
};

} // namespace uintr::sim
