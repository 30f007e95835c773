#include "import/FtraceScenario.h"

#include "scenario/Limits.h"

#include <algorithm>
#include <map>

namespace uintr::ftrace {

namespace lim = scenario::limits;
using scenario::TimelineEntry;

std::string taskName(const std::string& comm, int pid) {
    const std::string suffix = "-" + std::to_string(pid);
    std::string base;
    for (const char c : comm) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_' || l == '-';
        base += ok ? l : '_';
    }
    if (base.empty()) base = "task";
    base.resize(std::min(base.size(), lim::kMaxNameLength - suffix.size()));
    return base + suffix;
}

namespace {

struct Task {
    int pid = 0;
    std::vector<std::string> comms; // every name the pid had (exec renames a task)
};

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "5231" is a PID, anything else a comm that must name exactly one task.
std::optional<int> resolve(const std::string& selector, const std::vector<Task>& tasks,
                           const std::string& option, std::optional<ImportError>& error) {
    if (allDigits(selector)) {
        const long pid = selector.size() > 9 ? -1 : std::stol(selector);
        if (pid == 0) {
            error = ImportError{option, "PID 0 is the idle task; it cannot send or receive"};
            return std::nullopt;
        }
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].pid == pid) return static_cast<int>(i);
        error = ImportError{option, "no task with PID " + selector + " in the trace"};
        return std::nullopt;
    }
    std::vector<int> found;
    for (std::size_t i = 0; i < tasks.size(); ++i)
        if (std::find(tasks[i].comms.begin(), tasks[i].comms.end(), selector) !=
            tasks[i].comms.end())
            found.push_back(static_cast<int>(i));
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        error = ImportError{option, "no task named '" + selector + "' in the trace"};
    } else {
        std::string pids;
        for (const int i : found)
            pids +=
                (pids.empty() ? "" : ", ") + std::to_string(tasks[static_cast<std::size_t>(i)].pid);
        error = ImportError{option, "'" + selector + "' names " + std::to_string(found.size()) +
                                        " tasks (PIDs " + pids + "): give one PID"};
    }
    return std::nullopt;
}

TimelineEntry switchTo(std::int64_t at, int cpu, int task) {
    TimelineEntry e;
    e.kind = TimelineEntry::Kind::ContextSwitch;
    e.at = at;
    e.cpu = cpu;
    e.runTask = task;
    return e;
}

TimelineEntry send(std::int64_t at, int task) {
    TimelineEntry e;
    e.kind = TimelineEntry::Kind::TaskOp;
    e.at = at;
    e.task = task;
    e.op = scenario::OpKind::SendUipi;
    e.uittIndex = 0;
    return e;
}

// The periods a task runs in the switches written so far: [from, to) pairs.
std::vector<std::pair<std::int64_t, std::int64_t>>
runIntervals(const std::vector<TimelineEntry>& switches, int task, std::int64_t end) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    std::map<int, std::int64_t> since; // by CPU: the task runs there since
    for (const auto& e : switches) {
        const auto it = since.find(e.cpu);
        if (it != since.end() && e.runTask != task) {
            out.emplace_back(it->second, e.at);
            since.erase(it);
        } else if (it == since.end() && e.runTask == task) {
            since[e.cpu] = e.at;
        }
    }
    for (const auto& [cpu, from] : since)
        out.emplace_back(from, end + 1);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ImportResult toScenario(const Schedule& schedule, const ImportOptions& options) {
    ImportResult r;
    auto& st = r.stats;
    auto fail = [&](std::string option, std::string message) {
        r.error = ImportError{std::move(option), std::move(message)};
        return r;
    };
    if (schedule.switches.empty())
        return fail("TRACE", "no sched_switch events (record them with -e sched:sched_switch)");
    std::vector<const SchedSwitch*> order;
    order.reserve(schedule.switches.size());
    for (const auto& s : schedule.switches)
        order.push_back(&s);
    std::stable_sort(order.begin(), order.end(),
                     [](const SchedSwitch* a, const SchedSwitch* b) { return a->ns < b->ns; });
    const std::int64_t origin = order.front()->ns;
    st.switches = static_cast<std::int64_t>(order.size());
    st.otherEvents = schedule.otherEvents;
    st.durationNs = order.back()->ns - origin;
    if (st.durationNs > lim::kMaxTimeNs)
        return fail("TRACE", "the capture spans more than " +
                                 std::to_string(lim::kMaxTimeNs / 1'000'000'000) + " s");

    // Tasks by first appearance; pid 0 (swapper/N) is the idle task of every CPU.
    std::vector<Task> tasks;
    std::map<int, int> byPid;
    int maxCpu = 0;
    auto taskOf = [&](int pid, const std::string& comm) {
        if (pid == 0) return -1;
        auto [it, added] = byPid.emplace(pid, static_cast<int>(tasks.size()));
        if (added) tasks.push_back({pid, {}});
        auto& comms = tasks[static_cast<std::size_t>(it->second)].comms;
        if (std::find(comms.begin(), comms.end(), comm) == comms.end()) comms.push_back(comm);
        return it->second;
    };
    for (const SchedSwitch* s : order) {
        taskOf(s->prevPid, s->prevComm);
        taskOf(s->nextPid, s->nextComm);
        maxCpu = std::max(maxCpu, s->cpu);
    }
    st.cpus = maxCpu + 1;
    st.tasks = static_cast<int>(tasks.size());
    if (st.cpus > lim::kMaxCpus)
        return fail("TRACE", "CPU " + std::to_string(maxCpu) + ": a scenario has at most " +
                                 std::to_string(lim::kMaxCpus) + " CPUs");
    if (st.tasks > lim::kMaxTasks)
        return fail("TRACE", std::to_string(st.tasks) + " tasks: a scenario has at most " +
                                 std::to_string(lim::kMaxTasks));

    scenario::Scenario sc;
    sc.machine.cpus = st.cpus;
    for (const Task& t : tasks)
        sc.tasks.push_back({taskName(t.comms.front(), t.pid), false});

    // Who sends to whom.
    if (!options.senders.empty() && options.receiver.empty())
        return fail("--sender", "a sender needs a --receiver to send to");
    if ((options.sendEveryNs > 0 || !options.sendAt.empty()) && options.senders.empty())
        return fail(options.sendEveryNs > 0 ? "--send-every" : "--send-at",
                    "sends need a --sender");
    if (options.senders.size() > 64)
        return fail("--sender", "at most 64 senders (one user vector each)");
    int receiver = -1;
    std::vector<int> senders;
    if (!options.receiver.empty()) {
        const auto rx = resolve(options.receiver, tasks, "--receiver", r.error);
        if (!rx) return r;
        receiver = *rx;
        sc.tasks[static_cast<std::size_t>(receiver)].receiver = true;
    }
    for (const auto& selector : options.senders) {
        const auto tx = resolve(selector, tasks, "--sender", r.error);
        if (!tx) return r;
        if (std::find(senders.begin(), senders.end(), *tx) != senders.end())
            return fail("--sender", "'" + selector + "' is given twice");
        scenario::ConnectionSpec c;
        c.sender = *tx;
        c.receiver = receiver;
        c.vector = static_cast<int>(senders.size()); // one user vector per sender
        c.uittIndex = 0;
        c.uittIndexGiven = true;
        sc.connections.push_back(c);
        senders.push_back(*tx);
    }

    // The schedule. Each CPU starts with the task its first switch switches out; a task seen
    // switching in on one CPU while still running on another lost its switch-out in the
    // capture (ring buffer overrun): it is switched out there at the same instant.
    std::vector<int> running(static_cast<std::size_t>(st.cpus), -1);
    std::vector<int> where(tasks.size(), -1);
    auto place = [&](std::int64_t at, int cpu, int task) {
        int& current = running[static_cast<std::size_t>(cpu)];
        if (current >= 0) where[static_cast<std::size_t>(current)] = -1;
        current = task;
        if (task >= 0) where[static_cast<std::size_t>(task)] = cpu;
        sc.timeline.push_back(switchTo(at, cpu, task));
    };
    std::vector<bool> seen(static_cast<std::size_t>(st.cpus), false);
    for (const SchedSwitch* s : order) {
        if (seen[static_cast<std::size_t>(s->cpu)]) continue;
        seen[static_cast<std::size_t>(s->cpu)] = true;
        const int prev = s->prevPid == 0 ? -1 : byPid.at(s->prevPid);
        if (prev >= 0 && where[static_cast<std::size_t>(prev)] < 0) place(0, s->cpu, prev);
    }
    for (const SchedSwitch* s : order) {
        const std::int64_t at = s->ns - origin;
        const int next = s->nextPid == 0 ? -1 : byPid.at(s->nextPid);
        if (running[static_cast<std::size_t>(s->cpu)] == next) {
            ++st.redundant;
            continue;
        }
        if (next >= 0) {
            const int elsewhere = where[static_cast<std::size_t>(next)];
            if (elsewhere >= 0 && elsewhere != s->cpu) {
                place(at, elsewhere, -1);
                ++st.repaired;
            }
        }
        place(at, s->cpu, next);
    }

    // The sends, after the switches of their instant (so a sender switched in at t sends at t).
    std::vector<TimelineEntry> sends;
    const std::int64_t budget =
        lim::kMaxTimelineEntries - static_cast<std::int64_t>(sc.timeline.size());
    for (const int tx : senders) {
        if (options.sendEveryNs > 0) {
            for (const auto& [from, to] : runIntervals(sc.timeline, tx, st.durationNs)) {
                std::int64_t k = (from + options.sendEveryNs - 1) / options.sendEveryNs;
                for (std::int64_t t = std::max<std::int64_t>(k, 1) * options.sendEveryNs;
                     t < to && t <= st.durationNs; t += options.sendEveryNs) {
                    if (static_cast<std::int64_t>(sends.size()) >= budget)
                        return fail("--send-every", "too many sends for one scenario (at most " +
                                                        std::to_string(lim::kMaxTimelineEntries) +
                                                        " timeline entries): send less often");
                    sends.push_back(send(t, tx));
                }
            }
        }
        for (const std::int64_t t : options.sendAt) {
            if (t > lim::kMaxTimeNs) return fail("--send-at", "a time past the 1000 s limit");
            sends.push_back(send(t, tx));
        }
    }
    if (static_cast<std::int64_t>(sends.size()) > budget)
        return fail("--send-at", "too many sends for one scenario");
    st.sends = static_cast<std::int64_t>(sends.size());
    sc.timeline.insert(sc.timeline.end(), sends.begin(), sends.end());
    std::stable_sort(sc.timeline.begin(), sc.timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });

    sc.title =
        "ftrace: " + (options.sourceName.empty() ? std::string("capture") : options.sourceName);
    sc.summary = "Imported from an ftrace capture: " + std::to_string(st.switches) +
                 " sched_switch events on " + std::to_string(st.cpus) + " CPUs over " +
                 std::to_string(st.durationNs) + " ns, " + std::to_string(st.tasks) + " tasks.";
    if (receiver >= 0)
        sc.summary += " Receiver: " + sc.tasks[static_cast<std::size_t>(receiver)].name + ".";
    if (!senders.empty()) {
        sc.summary += " Senders:";
        for (const int tx : senders)
            sc.summary += " " + sc.tasks[static_cast<std::size_t>(tx)].name;
        sc.summary += "; " + std::to_string(st.sends) + " SENDUIPIs";
        if (options.sendEveryNs > 0)
            sc.summary += " (every " + std::to_string(options.sendEveryNs) + " ns while running)";
        sc.summary += ".";
    }
    r.scenario = std::move(sc);
    return r;
}

} // namespace uintr::ftrace
