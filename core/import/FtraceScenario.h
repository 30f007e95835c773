// A real schedule as a scenario: every sched_switch of an ftrace capture becomes a context switch
// at its nanosecond offset from the first one, on its CPU; the tasks the user marks become a
// receiver and its senders, with SENDUIPIs at the times asked for. What the model then shows is
// how often that schedule produces the spurious-notification race.
#pragma once

#include "import/FtraceParser.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace uintr::ftrace {

struct ImportOptions {
    std::string sourceName;           // for the title: the trace file's name
    std::string receiver;             // COMM or PID; empty: the schedule only
    std::vector<std::string> senders; // COMM or PID each
    // Every `sendEveryNs` from the first event, each sender executes SENDUIPI — only at the
    // instants it is running (a task sends from user space); 0: no periodic sends.
    std::int64_t sendEveryNs = 0;
    std::vector<std::int64_t> sendAt; // explicit times: kept as given (a send waits for its task)
};

struct ImportStats {
    std::int64_t switches = 0;    // sched_switch events read
    std::int64_t otherEvents = 0; // other event lines, skipped
    std::int64_t repaired = 0;  // switch-outs added where the capture lost one (a task on two CPUs)
    std::int64_t redundant = 0; // switches to the task already running there: dropped
    std::int64_t sends = 0;     // SENDUIPIs written
    std::int64_t durationNs = 0; // first to last sched_switch
    int cpus = 0;
    int tasks = 0;
};

// Which option a problem belongs to ("--receiver", "--sender", "--send-every", "TRACE") and what.
struct ImportError {
    std::string option;
    std::string message;
};

struct ImportResult {
    std::optional<scenario::Scenario> scenario;
    std::optional<ImportError> error;
    ImportStats stats;
};

ImportResult toScenario(const Schedule& schedule, const ImportOptions& options);

// A comm and pid as a scenario task name ([a-z0-9_-]{1,32}, unique by the pid): "bash-5231",
// "kworker_0_1-12".
std::string taskName(const std::string& comm, int pid);

} // namespace uintr::ftrace
