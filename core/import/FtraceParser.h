// Reading the text of an ftrace capture: `/sys/kernel/tracing/trace` (with or without the
// irq-info columns, 4- or 5-character flags, the tgid column) and `trace-cmd report` (default and
// latency `-l` layouts). Only `sched_switch` events are kept; every other event line is counted
// and skipped. A `sched_switch` line that cannot be read is an error naming its line, because a
// schedule with a hole in it would simulate a machine that never existed.
//
// Both payload spellings are understood:
//   kernel:    prev_comm=bash prev_pid=5231 prev_prio=120 prev_state=R+ ==> next_comm=… next_pid=…
//   trace-cmd: bash:5231 [120] R+ ==> swapper/1:0 [120]
// Comm names may hold spaces, colons, dashes and brackets ("Web Content", "kworker/0:1",
// "ksoftirqd/3", "[rcu]"): fields are found from their fixed neighbours, never by splitting on
// whitespace.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uintr::ftrace {

struct SchedSwitch {
    std::int64_t ns = 0; // the timestamp, in nanoseconds since the trace clock's origin
    int cpu = 0;
    int prevPid = 0;
    std::string prevComm;
    std::string prevState; // R, R+, S, D, T, t, X, Z, P, I, … and "|" combinations
    int nextPid = 0;
    std::string nextComm;
    int line = 0; // 1-based line in the input
};

struct ParseError {
    int line = 0;
    int column = 0; // 1-based
    std::string message;
};

struct Schedule {
    std::vector<SchedSwitch> switches; // in input order (which is time order in both tools)
    std::int64_t otherEvents = 0;      // event lines of other kinds: skipped
    std::int64_t ignoredLines = 0;     // comments, headers, blank lines, "CPU 1 is empty"…
    std::optional<ParseError> error;   // set: the first malformed sched_switch line
};

// What one line is. Exposed for the table-driven tests.
enum class LineKind { Ignored, SchedSwitch, OtherEvent, Malformed };
struct ParsedLine {
    LineKind kind = LineKind::Ignored;
    SchedSwitch sw;   // kind == SchedSwitch
    ParseError error; // kind == Malformed (line left 0: the caller knows it)
};
ParsedLine parseLine(std::string_view line);

Schedule parseSchedule(std::istream& in);

} // namespace uintr::ftrace
