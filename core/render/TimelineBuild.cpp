// TimelineLayout's constructor: one pass over the trace turns events into whole-run items in
// nanoseconds (segments per lane, markers per lane, IPI arrows). Pixels come later, in layout().
#include "render/MarkerText.h"
#include "render/TimelineGeometry.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace uintr::render {

using model::EventKind;
using model::TraceEvent;

namespace {

// The lane-filling state of one CPU while the trace is read.
struct CpuCursor {
    SegmentKind kind = SegmentKind::Idle; // what runs since `since`
    int task = -1;
    std::int64_t since = 0;
    std::int64_t switchEnd = -1; // > 0 while the kernel's switch is in progress
    SegmentKind nextKind = SegmentKind::Idle;
    int nextTask = -1;
    // The handler drawn on this lane now, if any.
    int handlerTask = -1;
    int handlerVector = -1;
    std::int64_t handlerSince = 0;
};

Segment makeSegment(int cpu, std::int64_t t0, std::int64_t t1, SegmentKind kind, int task,
                    const scenario::Scenario& sc, int vector = -1) {
    Segment s;
    s.cpu = cpu;
    s.t0 = t0;
    s.t1 = t1;
    s.kind = kind;
    s.task = task;
    switch (kind) {
    case SegmentKind::Task:
        s.label = sc.taskName(task);
        break;
    case SegmentKind::Handler:
        s.label = "handler v" + std::to_string(vector);
        break;
    case SegmentKind::Kernel:
        s.label = "switch";
        break;
    case SegmentKind::Idle:
        s.label = "idle";
        break;
    }
    return s;
}

// Builds the per-lane segments. Handlers are kept in their own list: they overlap the task
// segment they belong to, and a separate list keeps both sorted by t0 *and* t1, which is what
// the viewport's binary search needs.
class SegmentBuilder {
  public:
    SegmentBuilder(const scenario::Scenario& sc, std::vector<std::vector<Segment>>& base,
                   std::vector<std::vector<Segment>>& handlers)
        : sc_(sc), base_(base), handlers_(handlers), cursors_(base.size()),
          pendingHandler_(sc.tasks.size(), -1), handlerEvent_(sc.tasks.size(), -1) {}

    std::int64_t end = 0; // the latest instant any segment reaches

    void onEvent(const TraceEvent& e, int index) {
        if (e.cpu < 0 || e.cpu >= static_cast<int>(cursors_.size())) return;
        advance(e.cpu, e.t);
        CpuCursor& c = cursors_[static_cast<std::size_t>(e.cpu)];
        switch (e.kind) {
        case EventKind::ContextSwitch:
            contextSwitch(e);
            break;
        case EventKind::Xrstors:
            // The restore of the incoming task ends the kernel's part of a slow switch.
            if (c.switchEnd >= 0 && e.task == c.nextTask) finishSwitch(e.cpu, e.t);
            break;
        case EventKind::UserInterruptDelivered:
            closeHandler(e.cpu, e.t);
            c.handlerTask = e.task;
            c.handlerVector = e.vector;
            c.handlerSince = e.t;
            handlerEvent_[static_cast<std::size_t>(e.task)] = index;
            break;
        case EventKind::Uiret:
        case EventKind::Fault:
            if (c.handlerTask >= 0 && c.handlerTask == e.task &&
                (e.kind == EventKind::Uiret ||
                 e.cause == handlerEvent_[static_cast<std::size_t>(e.task)])) {
                closeHandler(e.cpu, e.t);
                c.handlerTask = -1;
            }
            break;
        default:
            break;
        }
    }

    void finish(std::int64_t traceEnd) {
        end = std::max(end, traceEnd);
        for (std::size_t cpu = 0; cpu < cursors_.size(); ++cpu) {
            advance(static_cast<int>(cpu), end);
            closeHandler(static_cast<int>(cpu), end);
            close(static_cast<int>(cpu), end);
        }
    }

  private:
    void contextSwitch(const TraceEvent& e) {
        CpuCursor& c = cursors_[static_cast<std::size_t>(e.cpu)];
        if (c.handlerTask >= 0) {
            // The handler is preempted; it goes on when its task runs again (Simulation's
            // taskResumed), so the band reopens then.
            pendingHandler_[static_cast<std::size_t>(c.handlerTask)] = c.handlerVector;
            closeHandler(e.cpu, e.t);
            c.handlerTask = -1;
        }
        close(e.cpu, e.t);
        const SegmentKind next = e.task >= 0 ? SegmentKind::Task : SegmentKind::Idle;
        const std::int64_t duration = sc_.kernel.contextSwitchNs;
        if (duration > 0 && !(e.flags & model::kFlagInitial)) {
            c.kind = SegmentKind::Kernel;
            c.task = e.task;
            c.switchEnd = e.t + duration;
            c.nextKind = next;
            c.nextTask = e.task;
            end = std::max(end, c.switchEnd);
            return;
        }
        start(e.cpu, e.t, next, e.task);
    }

    void advance(int cpu, std::int64_t t) {
        const CpuCursor& c = cursors_[static_cast<std::size_t>(cpu)];
        if (c.switchEnd >= 0 && t >= c.switchEnd) finishSwitch(cpu, c.switchEnd);
    }

    void finishSwitch(int cpu, std::int64_t t) {
        CpuCursor& c = cursors_[static_cast<std::size_t>(cpu)];
        close(cpu, t);
        c.switchEnd = -1;
        start(cpu, t, c.nextKind, c.nextTask);
    }

    void start(int cpu, std::int64_t t, SegmentKind kind, int task) {
        CpuCursor& c = cursors_[static_cast<std::size_t>(cpu)];
        c.kind = kind;
        c.task = task;
        c.since = t;
        if (task >= 0 && pendingHandler_[static_cast<std::size_t>(task)] >= 0) {
            c.handlerTask = task;
            c.handlerVector = pendingHandler_[static_cast<std::size_t>(task)];
            c.handlerSince = t;
            pendingHandler_[static_cast<std::size_t>(task)] = -1;
        }
    }

    void close(int cpu, std::int64_t t) {
        CpuCursor& c = cursors_[static_cast<std::size_t>(cpu)];
        if (t > c.since)
            base_[static_cast<std::size_t>(cpu)].push_back(
                makeSegment(cpu, c.since, t, c.kind, c.task, sc_));
        c.since = t;
    }

    void closeHandler(int cpu, std::int64_t t) {
        CpuCursor& c = cursors_[static_cast<std::size_t>(cpu)];
        if (c.handlerTask >= 0 && t > c.handlerSince)
            handlers_[static_cast<std::size_t>(cpu)].push_back(makeSegment(
                cpu, c.handlerSince, t, SegmentKind::Handler, c.handlerTask, sc_, c.handlerVector));
        c.handlerSince = t;
    }

    const scenario::Scenario& sc_;
    std::vector<std::vector<Segment>>& base_;
    std::vector<std::vector<Segment>>& handlers_;
    std::vector<CpuCursor> cursors_;
    std::vector<int> pendingHandler_; // per task: the vector of a preempted handler, or -1
    std::vector<int> handlerEvent_;   // per task: its current delivery event
};

bool isOutcomeOfArrival(EventKind k) {
    return k == EventKind::SpuriousNotification || k == EventKind::NotificationProcessed ||
           k == EventKind::KernelVector || k == EventKind::Fault;
}

bool isSwitchDetail(EventKind k) {
    return k == EventKind::SnSet || k == EventKind::Xsaves || k == EventKind::Xrstors ||
           k == EventKind::UinvRestored || k == EventKind::SnCleared;
}

// Which marker each event is shown by (see the header's conventions): itself, or the event it
// is folded into. Folds point back (details of a SENDUIPI or a switch) or forward (an arrival
// to its outcome, a processed notification to the delivery it allowed). For the events from
// `from` on: host[i - from]; -1 when the host is an event before `from` (its marker is the
// prefix layout's). Forward folds join events of one instant, which a prefix cut at an instant
// boundary never separates.
std::vector<int> markerHosts(const model::Trace& trace, int from) {
    const auto& ev = trace.events;
    const int n = static_cast<int>(ev.size());
    const auto at = [&](int i) { return static_cast<std::size_t>(i - from); };
    std::vector<int> forward(static_cast<std::size_t>(n - from), -1);
    for (int i = from; i < n; ++i) {
        const TraceEvent& e = ev[static_cast<std::size_t>(i)];
        if (e.cause < from || e.cause >= i) continue;
        const TraceEvent& c = ev[static_cast<std::size_t>(e.cause)];
        const bool sameSpot = c.t == e.t && c.cpu == e.cpu;
        if (sameSpot && c.kind == EventKind::IpiArrived && isOutcomeOfArrival(e.kind) &&
            forward[at(e.cause)] < 0)
            forward[at(e.cause)] = i;
        if (e.kind == EventKind::UserInterruptDelivered && e.cause2 >= from && e.cause2 < i) {
            const TraceEvent& p = ev[static_cast<std::size_t>(e.cause2)];
            if (p.kind == EventKind::NotificationProcessed && p.t == e.t && p.cpu == e.cpu)
                forward[at(e.cause2)] = i;
        }
    }
    std::vector<int> host(static_cast<std::size_t>(n - from));
    for (int i = n - 1; i >= from; --i) {
        const int f = forward[at(i)];
        host[at(i)] = f >= 0 ? host[at(f)] : i;
    }
    for (int i = from; i < n; ++i) {
        const TraceEvent& e = ev[static_cast<std::size_t>(i)];
        if (e.cause < 0 || e.cause >= i) continue;
        const EventKind ck = ev[static_cast<std::size_t>(e.cause)].kind;
        const bool intoSend = (e.kind == EventKind::PirPosted && ck == EventKind::SendUipi) ||
                              (e.kind == EventKind::IpiSent && ck == EventKind::PirPosted);
        const bool intoSwitch = isSwitchDetail(e.kind) && ck == EventKind::ContextSwitch;
        if (intoSend || intoSwitch) host[at(i)] = e.cause < from ? -1 : host[at(e.cause)];
    }
    return host;
}

// uintr_wait and exit ops leave no event of their own that names their entry; find it back
// so that their markers can be dragged too.
using OpKey = std::tuple<int, int, std::int64_t>; // task, op, at
std::map<OpKey, int> opEntries(const scenario::Scenario& sc) {
    std::map<OpKey, int> out;
    for (std::size_t i = 0; i < sc.timeline.size(); ++i) {
        const auto& t = sc.timeline[i];
        if (t.kind == scenario::TimelineEntry::Kind::TaskOp)
            out.emplace(OpKey{t.task, static_cast<int>(t.op), t.at}, static_cast<int>(i));
    }
    return out;
}

} // namespace

TimelineLayout::TimelineLayout(const scenario::Scenario& sc, const model::Trace& trace)
    : cpus_(std::max(1, sc.machine.cpus)), sc_(&sc), trace_(&trace) {
    buildSegments();
    addMarkers(markerHosts(trace, 0));
    addArrows(0);
}

TimelineLayout::TimelineLayout(const scenario::Scenario& sc, const model::Trace& trace,
                               const TimelineLayout& previous, int sharedEvents)
    : cpus_(std::max(1, sc.machine.cpus)), sc_(&sc), trace_(&trace), prefix_(&previous) {
    const auto& ev = trace.events;
    // Cut at an instant boundary (what happens at one instant is laid out together), and never
    // past what both traces share.
    int from = std::clamp(sharedEvents, 0, static_cast<int>(ev.size()));
    while (from > 0 && static_cast<std::size_t>(from) < ev.size() &&
           ev[static_cast<std::size_t>(from) - 1].t == ev[static_cast<std::size_t>(from)].t)
        --from;
    from_ = from;
    buildSegments();

    // The prefix's markers, read in place (layout() walks them before this layout's own): each
    // lane's are in trace order.
    prefixMarkers_.assign(static_cast<std::size_t>(cpus_), 0);
    for (int cpu = 0; cpu < std::min(cpus_, previous.cpus_); ++cpu) {
        const auto& theirs = previous.markersByCpu_[static_cast<std::size_t>(cpu)];
        prefixMarkers_[static_cast<std::size_t>(cpu)] = static_cast<std::size_t>(
            std::partition_point(theirs.begin(), theirs.end(),
                                 [&](const Marker& m) { return m.event < from_; }) -
            theirs.begin());
    }
    addMarkers(markerHosts(trace, from_));

    // The prefix's arrows, up to the first IPI still in flight at the cut (its arrival, and so
    // whether it was spurious, belongs to the new run).
    const std::int64_t cut =
        static_cast<std::size_t>(from_) < ev.size() ? ev[static_cast<std::size_t>(from_)].t : 0;
    const auto& theirs = previous.arrows_;
    auto keep = std::partition_point(theirs.begin(), theirs.end(),
                                     [&](const Arrow& a) { return a.sentEvent < from_; });
    int firstSend = from_;
    for (auto it = keep; it != theirs.begin();) {
        --it;
        if (it->t0 < cut - previous.longestArrow_) break;
        if (it->arrivedEvent < 0 || it->arrivedEvent >= from_) firstSend = it->sentEvent;
    }
    keep = std::partition_point(theirs.begin(), keep,
                                [&](const Arrow& a) { return a.sentEvent < firstSend; });
    prefixArrows_ = static_cast<std::size_t>(keep - theirs.begin());
    longestArrow_ = previous.longestArrow_;
    addArrows(firstSend);
}

void TimelineLayout::buildSegments() {
    segmentsByCpu_.assign(static_cast<std::size_t>(cpus_), {});
    handlersByCpu_.assign(static_cast<std::size_t>(cpus_), {});
    SegmentBuilder segments(*sc_, segmentsByCpu_, handlersByCpu_);
    const auto& ev = trace_->events;
    for (std::size_t i = 0; i < ev.size(); ++i)
        segments.onEvent(ev[i], static_cast<int>(i));
    segments.finish(trace_->endTime());
    endTime_ = segments.end;
}

void TimelineLayout::addMarkers(const std::vector<int>& host) {
    const auto& ev = trace_->events;
    const std::size_t n = ev.size();
    const auto from = static_cast<std::size_t>(from_);
    const std::size_t count = n - from;
    markersByCpu_.resize(static_cast<std::size_t>(cpus_));
    // Folded events grouped by host (a counting sort keeps trace order inside each group).
    const auto folds = [&](std::size_t i) {
        return host[i] >= 0 && host[i] != static_cast<int>(i + from);
    };
    foldBegin_.assign(count + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        if (folds(i)) ++foldBegin_[static_cast<std::size_t>(host[i]) - from + 1];
    for (std::size_t i = 0; i < count; ++i)
        foldBegin_[i + 1] += foldBegin_[i];
    folded_.assign(static_cast<std::size_t>(foldBegin_[count]), -1);
    std::vector<int> fill(foldBegin_.begin(), foldBegin_.end() - 1);
    for (std::size_t i = 0; i < count; ++i)
        if (folds(i))
            folded_[static_cast<std::size_t>(fill[static_cast<std::size_t>(host[i]) - from]++)] =
                static_cast<int>(i + from);

    // Built on the first op marker that needs it (most traces have none).
    std::map<OpKey, int> ops;
    bool opsBuilt = false;
    std::vector<int> lastCpu(sc_->tasks.size(), -1);
    const auto track = [&](const TraceEvent& e) {
        if (e.task >= 0 && e.cpu >= 0 && e.cpu < cpus_ && e.task < static_cast<int>(lastCpu.size()))
            lastCpu[static_cast<std::size_t>(e.task)] = e.cpu;
    };
    for (std::size_t i = 0; i < from; ++i)
        track(ev[i]);
    for (std::size_t i = from; i < n; ++i) {
        const TraceEvent& e = ev[i];
        track(e);
        if (host[i - from] != static_cast<int>(i)) continue;
        Marker m;
        m.event = static_cast<int>(i);
        m.cpu = e.cpu;
        if (m.cpu < 0 || m.cpu >= cpus_)
            m.cpu = e.task >= 0 && e.task < static_cast<int>(lastCpu.size()) &&
                            lastCpu[static_cast<std::size_t>(e.task)] >= 0
                        ? lastCpu[static_cast<std::size_t>(e.task)]
                        : 0;
        m.t = e.t;
        m.kind = markerKindOf(e.kind);
        m.label = markerLabel(e, *sc_);
        int entry = e.entry;
        if (entry < 0 && (e.kind == EventKind::Blocked || e.kind == EventKind::WaitReturned ||
                          e.kind == EventKind::Exit)) {
            if (!opsBuilt) {
                ops = opEntries(*sc_);
                opsBuilt = true;
            }
            const auto op =
                e.kind == EventKind::Exit ? scenario::OpKind::Exit : scenario::OpKind::UintrWait;
            const auto it = ops.find(OpKey{e.task, static_cast<int>(op), e.t});
            if (it != ops.end()) entry = it->second;
        }
        if (entry >= 0 && entry < static_cast<int>(sc_->timeline.size()) &&
            sc_->timeline[static_cast<std::size_t>(entry)].at == e.t)
            m.entry = entry;
        markersByCpu_[static_cast<std::size_t>(m.cpu)].push_back(std::move(m));
    }
}

void TimelineLayout::addArrows(int firstSend) {
    const auto& ev = trace_->events;
    const std::size_t n = ev.size();
    const auto from = static_cast<std::size_t>(firstSend);
    // The outcome of each arrival tells whether the IPI was spurious.
    std::vector<int> arrivalOf(n - from, -1);
    std::vector<bool> spurious(n - from, false);
    for (std::size_t i = from; i < n; ++i) {
        const TraceEvent& e = ev[i];
        if (e.cause < firstSend || static_cast<std::size_t>(e.cause) >= i) continue;
        const auto c = static_cast<std::size_t>(e.cause);
        if (e.kind == EventKind::IpiArrived &&
            (ev[c].kind == EventKind::IpiSent || ev[c].kind == EventKind::SelfIpi))
            arrivalOf[c - from] = static_cast<int>(i);
        if (e.kind == EventKind::SpuriousNotification && ev[c].kind == EventKind::IpiArrived)
            spurious[c - from] = true;
    }
    for (std::size_t i = from; i < n; ++i) {
        const TraceEvent& e = ev[i];
        if (e.kind != EventKind::IpiSent && e.kind != EventKind::SelfIpi) continue;
        Arrow a;
        a.sentEvent = static_cast<int>(i);
        a.arrivedEvent = arrivalOf[i - from];
        a.fromCpu = e.cpu;
        a.t0 = e.t;
        a.self = e.kind == EventKind::SelfIpi;
        a.vector = e.vector;
        if (a.arrivedEvent >= 0) {
            const TraceEvent& r = ev[static_cast<std::size_t>(a.arrivedEvent)];
            a.toCpu = r.cpu;
            a.t1 = r.t;
            a.spurious = spurious[static_cast<std::size_t>(a.arrivedEvent) - from];
        } else {
            // Still in flight when the trace ends: drawn to where it would land.
            a.toCpu = a.self ? e.cpu : e.other;
            a.t1 = e.t + sc_->machine.ipiLatencyNs;
        }
        if (a.fromCpu < 0 || a.fromCpu >= cpus_ || a.toCpu < 0 || a.toCpu >= cpus_) continue;
        longestArrow_ = std::max(longestArrow_, a.t1 - a.t0);
        arrows_.push_back(a);
    }
}

} // namespace uintr::render
