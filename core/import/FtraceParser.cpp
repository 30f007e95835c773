#include "import/FtraceParser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace uintr::ftrace {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}
std::string_view trimRight(std::string_view s) {
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}
std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    return s;
}

std::optional<std::int64_t> toInt(std::string_view s) {
    std::int64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

// "1234.567890" (µs, the default clock) or "1234.567890123" (ns): seconds, a dot, 1..9 digits.
std::optional<std::int64_t> timestampNs(std::string_view s) {
    const auto dot = s.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const auto sec = s.substr(0, dot), frac = s.substr(dot + 1);
    if (!allDigits(sec) || !allDigits(frac) || frac.size() > 9 || sec.size() > 9)
        return std::nullopt;
    std::int64_t ns = *toInt(sec) * 1'000'000'000;
    std::int64_t f = *toInt(frac);
    for (std::size_t i = frac.size(); i < 9; ++i)
        f *= 10;
    return ns + f;
}

// The flag columns: irqs-off, need-resched, hard/softirq, preempt-depth and (since 5.x)
// migrate-disable: 4 or 5 characters, the first never a digit.
bool isFlags(std::string_view s) {
    if (s.size() != 4 && s.size() != 5) return false;
    if (isDigit(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == '.' || isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

// prev_state as the kernel prints it (TASK_REPORT letters, "+" for a preempted runnable task,
// "|" between combined states on older kernels).
bool isState(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::string_view("RSDTtXZPIKWxNn|+").find(c) != std::string_view::npos;
    });
}

struct Failure {
    std::size_t at;
    std::string message;
};

// Where the event header is: "TIMESTAMP: NAME:" with the timestamp a whole token. Returns the
// index of the timestamp's first character and of the event name.
struct Header {
    std::size_t timestamp = 0, name = 0, nameEnd = 0;
};
std::optional<Header> findHeader(std::string_view line) {
    for (std::size_t colon = line.find(": "); colon != std::string_view::npos;
         colon = line.find(": ", colon + 1)) {
        std::size_t start = colon;
        while (start > 0 && !isSpace(line[start - 1]))
            --start;
        if (!timestampNs(line.substr(start, colon - start))) continue;
        const std::size_t name =
            colon + 2 + (trimLeft(line.substr(colon + 2)).data() - line.substr(colon + 2).data());
        std::size_t end = name;
        while (end < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_'))
            ++end;
        if (end == name || end >= line.size() || line[end] != ':') continue;
        return Header{start, name, end};
    }
    return std::nullopt;
}

// The columns before the timestamp, right to left: [CPU] or the latency layout's "1d..2", the
// optional flags, the optional "(TGID)", then TASK-PID (the comm may hold anything).
std::optional<Failure> parseColumns(std::string_view line, std::size_t timestamp, int& cpu) {
    std::string_view rest = trimRight(line.substr(0, timestamp));
    auto lastToken = [&] {
        std::size_t b = rest.size();
        while (b > 0 && !isSpace(rest[b - 1]))
            --b;
        return rest.substr(b);
    };
    auto cpuField = [&](std::string_view digits, std::size_t at) -> std::optional<Failure> {
        const auto v = toInt(digits);
        if (!allDigits(digits) || !v || *v > 4095)
            return Failure{at, "expected a CPU number, found '" + std::string(digits) + "'"};
        cpu = static_cast<int>(*v);
        return std::nullopt;
    };
    std::string_view tok = lastToken();
    if (isFlags(tok)) {
        rest = trimRight(rest.substr(0, rest.size() - tok.size()));
        tok = lastToken();
    }
    const std::size_t tokAt = static_cast<std::size_t>(tok.data() - line.data());
    if (tok.size() >= 3 && tok.front() == '[' && tok.back() == ']') {
        if (auto f = cpuField(tok.substr(1, tok.size() - 2), tokAt + 1)) return f;
    } else {
        // trace-cmd report -l: the CPU number runs into the flags ("1d..2").
        std::size_t digits = 0;
        while (digits < tok.size() && isDigit(tok[digits]))
            ++digits;
        if (digits == 0 || !isFlags(tok.substr(digits)))
            return Failure{tokAt, "expected the CPU column ([001]) before the timestamp"};
        if (auto f = cpuField(tok.substr(0, digits), tokAt)) return f;
    }
    rest = trimRight(rest.substr(0, rest.size() - tok.size()));
    if (!rest.empty() && rest.back() == ')') { // the tgid column: "(   5231)" or "(-------)"
        const auto open = rest.rfind('(');
        if (open == std::string_view::npos)
            return Failure{rest.size() - 1, "unbalanced ')' in the task column"};
        rest = trimRight(rest.substr(0, open));
    }
    rest = trimLeft(rest);
    const auto dash = rest.rfind('-');
    if (rest.empty() || dash == std::string_view::npos || dash == 0 ||
        !allDigits(rest.substr(dash + 1)))
        return Failure{static_cast<std::size_t>(rest.data() - line.data()),
                       "expected the task column COMM-PID"};
    return std::nullopt;
}

// Reads "NAME=value" at `pos` up to the next " NEXTNAME=" (or the end): the value may hold
// spaces, as comm names do.
struct Cursor {
    std::string_view line;
    std::size_t pos;
    std::optional<Failure> failure;

    std::string_view field(std::string_view name, std::string_view next) {
        if (failure) return {};
        if (line.substr(pos, name.size()) != name) {
            failure = Failure{pos, "expected '" + std::string(name) + "'"};
            return {};
        }
        const std::size_t begin = pos + name.size();
        std::size_t end = next.empty() ? line.size() : line.find(next, begin);
        if (end == std::string_view::npos) {
            failure = Failure{begin, "expected '" + std::string(trimLeft(next)) + "' after '" +
                                         std::string(name) + "'"};
            return {};
        }
        pos = next.empty() ? end : end + 1; // onto NEXTNAME (the separator is one space)
        return next.empty() ? trimRight(line.substr(begin)) : line.substr(begin, end - begin);
    }
    int number(std::string_view value, std::string_view what) {
        if (failure) return 0;
        const auto v = toInt(value);
        if (!v || *v < 0 || *v > INT32_MAX) {
            failure = Failure{static_cast<std::size_t>(value.data() - line.data()),
                              std::string(what) + " is not a number: '" + std::string(value) + "'"};
            return 0;
        }
        return static_cast<int>(*v);
    }
};

std::optional<Failure> parseKernelPayload(std::string_view line, std::size_t at, SchedSwitch& sw) {
    Cursor c{line, at, std::nullopt};
    sw.prevComm = c.field("prev_comm=", " prev_pid=");
    sw.prevPid = c.number(c.field("prev_pid=", " prev_prio="), "prev_pid");
    c.number(c.field("prev_prio=", " prev_state="), "prev_prio");
    const auto state = c.field("prev_state=", " ==> ");
    if (!c.failure) c.pos += 4; // past "==> "
    sw.nextComm = c.field("next_comm=", " next_pid=");
    sw.nextPid = c.number(c.field("next_pid=", " next_prio="), "next_pid");
    c.number(c.field("next_prio=", ""), "next_prio");
    if (c.failure) return c.failure;
    if (!isState(state))
        return Failure{static_cast<std::size_t>(state.data() - line.data()),
                       "prev_state '" + std::string(state) + "' is not a task state"};
    sw.prevState = state;
    return std::nullopt;
}

// "comm:pid [prio]": the pid follows the last colon before the priority.
std::optional<Failure> parseTask(std::string_view line, std::string_view side, std::string& comm,
                                 int& pid, std::string_view& after) {
    const auto at = [&](std::string_view s) {
        return static_cast<std::size_t>(s.data() - line.data());
    };
    const auto open = side.rfind(" [");
    const auto close = open == std::string_view::npos ? open : side.find(']', open);
    if (close == std::string_view::npos) return Failure{at(side), "expected COMM:PID [PRIO]"};
    const auto task = side.substr(0, open);
    const auto colon = task.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || !allDigits(task.substr(colon + 1)))
        return Failure{at(task), "expected COMM:PID, found '" + std::string(task) + "'"};
    if (!allDigits(side.substr(open + 2, close - open - 2)))
        return Failure{at(side) + open + 2, "expected a priority in brackets"};
    comm = task.substr(0, colon);
    const auto v = toInt(task.substr(colon + 1));
    if (!v || *v > INT32_MAX) return Failure{at(task) + colon + 1, "the pid is out of range"};
    pid = static_cast<int>(*v);
    after = side.substr(close + 1);
    return std::nullopt;
}

std::optional<Failure> parseTraceCmdPayload(std::string_view line, std::size_t at,
                                            SchedSwitch& sw) {
    const std::string_view payload = trimRight(line.substr(at));
    const auto arrow = payload.find(" ==> ");
    if (arrow == std::string_view::npos)
        return Failure{at, "expected 'PREV ==> NEXT' or prev_comm=… ==> next_comm=…"};
    std::string_view state, rest;
    if (auto f = parseTask(line, payload.substr(0, arrow), sw.prevComm, sw.prevPid, state))
        return f;
    state = trimLeft(state);
    if (!isState(state))
        return Failure{static_cast<std::size_t>(state.data() - line.data()),
                       "prev_state '" + std::string(state) + "' is not a task state"};
    sw.prevState = state;
    if (auto f =
            parseTask(line, trimLeft(payload.substr(arrow + 5)), sw.nextComm, sw.nextPid, rest))
        return f;
    rest = trimLeft(rest);
    if (!rest.empty())
        return Failure{static_cast<std::size_t>(rest.data() - line.data()),
                       "unexpected text after the next task"};
    return std::nullopt;
}

} // namespace

ParsedLine parseLine(std::string_view line) {
    ParsedLine out;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view body = trimLeft(line);
    if (body.empty() || body.front() == '#') return out;
    const auto fail = [&](const Failure& f) {
        out.kind = LineKind::Malformed;
        out.error.column = static_cast<int>(f.at) + 1;
        out.error.message = f.message;
        return out;
    };
    const auto header = findHeader(line);
    if (!header) {
        // Headers of trace-cmd ("cpus=4", "CPU 3 is empty") are not events; a line that names
        // sched_switch but has no readable timestamp is a broken event.
        const auto named = line.find("sched_switch");
        return named == std::string_view::npos
                   ? out
                   : fail({named, "a sched_switch line without a TIMESTAMP: before the event"});
    }
    if (line.substr(header->name, header->nameEnd - header->name) != "sched_switch") {
        out.kind = LineKind::OtherEvent;
        return out;
    }
    SchedSwitch& sw = out.sw;
    if (auto f = parseColumns(line, header->timestamp, sw.cpu)) return fail(*f);
    const std::size_t colon = line.find(':', header->timestamp);
    sw.ns = *timestampNs(line.substr(header->timestamp, colon - header->timestamp));
    std::size_t payload = header->nameEnd + 1;
    while (payload < line.size() && isSpace(line[payload]))
        ++payload;
    const bool kernel = line.substr(payload, 10) == "prev_comm=";
    if (auto f = kernel ? parseKernelPayload(line, payload, sw)
                        : parseTraceCmdPayload(line, payload, sw))
        return fail(*f);
    out.kind = LineKind::SchedSwitch;
    return out;
}

Schedule parseSchedule(std::istream& in) {
    Schedule s;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        ParsedLine p = parseLine(line);
        switch (p.kind) {
        case LineKind::Ignored:
            ++s.ignoredLines;
            break;
        case LineKind::OtherEvent:
            ++s.otherEvents;
            break;
        case LineKind::SchedSwitch:
            p.sw.line = number;
            s.switches.push_back(std::move(p.sw));
            break;
        case LineKind::Malformed:
            p.error.line = number;
            s.error = p.error;
            return s;
        }
    }
    return s;
}

} // namespace uintr::ftrace
