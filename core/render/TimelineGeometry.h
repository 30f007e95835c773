// Where everything of a timeline goes for a given viewport: lanes, task segments, event markers,
// IPI arrows and the time ruler, in pixels. Computed once here, in plain C++, and drawn twice:
// by the QML timeline (app/lab) and by the SVG writer (render/SvgWriter) — so the export is the
// screen's picture from the same numbers.
//
// Level of detail: what would be smaller than `Viewport::minFeaturePx` is merged (segments of
// one kind on one lane, markers of one kind at one spot) into one item carrying a count, so the
// number of items is bounded by the pixels on screen, not by the events in the trace.
#pragma once

#include "model/Trace.h"
#include "scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace uintr::render {

struct Viewport {
    std::int64_t t0 = 0;     // first visible nanosecond
    std::int64_t t1 = 1000;  // last visible nanosecond (t1 > t0)
    double width = 1600;     // total width in px, label column included
    double labelWidth = 110; // the lane-label column on the left
    double rulerHeight = 34; // the time ruler on top
    double laneHeight = 64;
    double laneGap = 14;
    double minFeaturePx = 2.0; // level-of-detail threshold
    // Markers and arrows are glyphs (~10 px), not slivers: two of one kind closer than this
    // overlap beyond reading, so they merge at this distance (never below minFeaturePx).
    double markerMergePx = 6.0;
    // Markers of different kinds closer than this would cover each other: they are stacked
    // (Marker::y steps below and above the lane's middle) instead.
    double markerStackPx = 22.0;
    // Major ruler ticks at least this far apart: their labels must not run into each other.
    double tickSpacingPx = 110;
    // The sizes the words are drawn at (px): labels are placed for them, so that none covers
    // another. The defaults are the SVG export's; the app passes its own, times its scale.
    struct TextSizes {
        double glyph = 20;    // a marker's glyph (labels keep clear of it)
        double marker = 20;   // a marker's label
        double spurious = 24; // the spurious notification's "UIS +1" (bold)
        double task = 21;     // a task segment's name (bold)
        double handler = 17;  // a handler band's "handler v3"
        double arrow = 15;    // an IPI's "0xEC · 300 ns", in the gap between lanes
    } text;
    // layout() places the words (placeLabels) unless told not to: the app moves, hides and
    // summarizes lanes first (TimelineView::arrange) and places them on what it kept.
    bool labels = true;
    // pixels per nanosecond in the plot area
    double scale() const { return (width - labelWidth) / static_cast<double>(t1 - t0); }
    double xOf(std::int64_t t) const { return labelWidth + static_cast<double>(t - t0) * scale(); }
    std::int64_t timeAt(double x) const;
};

enum class SegmentKind : std::uint8_t {
    Task,    // a user task runs (colour by task)
    Handler, // the task runs its user-interrupt handler (delivery .. UIRET)
    Kernel,  // the kernel's context switch in progress (kernel.context_switch_ns)
    Idle,    // no task
};

struct Segment {
    int cpu = 0;
    std::int64_t t0 = 0, t1 = 0;
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    SegmentKind kind = SegmentKind::Idle;
    int task = -1;     // Task / Handler: the task
    int merged = 1;    // > 1: this item stands for several too small to draw apart
    std::string label; // task name (or "idle", "switch", "handler v3")
};

enum class MarkerKind : std::uint8_t {
    ContextSwitch, // draggable when it comes from a timeline entry
    SendUipi,      // draggable
    PirPosted,
    IpiSent,
    IpiSuppressed,
    IpiArrived,
    NotificationProcessed,
    Spurious, // the kernel took the notification vector: red, "UIS +1"
    KernelVector,
    SelfIpi,
    Delivered, // user interrupt delivered to the handler
    Uiret,
    Stui,
    Clui,
    Testui,
    Blocked,
    Woken,
    Fault,
    Deferred,
    Other,
};

struct Marker {
    int event = -1; // index into the trace (the first one when merged)
    int entry = -1; // the scenario timeline entry it moves when dragged; -1: not draggable
    int cpu = -1;
    std::int64_t t = 0;
    double x = 0, y = 0; // the anchor, at time t: the lane's middle, or a step below/above it
                         // when other markers share the spot (see Viewport::markerStackPx)
    MarkerKind kind = MarkerKind::Other;
    int merged = 1;
    std::string label;   // short text drawn next to it, e.g. "SENDUIPI", "UIS +1", "v3"
    std::string tooltip; // one line for a tooltip / SVG <title>
};

struct Arrow {
    int sentEvent = -1;    // ipi_sent or self_ipi
    int arrivedEvent = -1; // ipi_arrived (-1: still in flight at the end of the trace)
    int fromCpu = 0, toCpu = 0;
    std::int64_t t0 = 0, t1 = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool self = false;
    bool spurious = false; // the arrival went to the kernel through the IDT
    int merged = 1;
    int vector = 0; // the notification vector it carries (UINV of the target's UPID.NV)
};

struct Tick {
    std::int64_t t = 0;
    double x = 0;
    bool major = false;
    std::string label; // majors only, e.g. "1 000 ns", "1.5 µs"
};

struct Lane {
    int cpu = 0;
    double y0 = 0, y1 = 0;
    std::string label; // "CPU 0"
};

// A word on the timeline, placed once for screen and SVG so that no two overlap and none covers a
// glyph (render/TimelineLabels.cpp). What has no room is shortened ("deliver v3" → "v3") or
// left out; the item's tooltip keeps the whole text.
enum class LabelOf : std::uint8_t { Segment, Handler, Marker, Spurious, Arrow };
struct Label {
    LabelOf of = LabelOf::Marker;
    int item = -1;                 // index into TimelineGeometry::segments, ::markers or ::arrows
    double x0 = 0, y0 = 0, x1 = 0; // the text's box; y0 .. baseline + 0.22 em
    double baseline = 0;
    double font = 0; // px
    std::string text;
    double y1() const { return baseline + 0.22 * font; }
    double centre() const { return (x0 + x1) / 2; }
};

struct TimelineGeometry {
    Viewport viewport;
    double height = 0; // ruler + lanes
    std::vector<Lane> lanes;
    std::vector<Segment> segments;
    std::vector<Marker> markers;
    std::vector<Arrow> arrows;
    std::vector<Tick> ticks;
    std::vector<Label> labels; // lane by lane; segments', handlers', then markers'
};

// Fills g.labels from g's segments, markers and arrows (layout() calls it unless
// Viewport::labels is off).
void placeLabels(TimelineGeometry& g);

// The line an IPI's arrow follows, in px, for the screen, the SVG and the flow animation alike:
// from the sending lane's edge to the target lane's edge, or for a self-IPI a loop in the gap
// above its lane (kSelfLoopSamples + 1 points; an IPI to its own CPU too). Not clipped to the plot.
inline constexpr int kSelfLoopSamples = 16;
std::vector<std::pair<double, double>> arrowPath(const Arrow& a, const Viewport& v);
// The point a fraction u (0..1) of the way along it; its x is x0 + u·(x1 − x0).
std::pair<double, double> arrowPointAt(const Arrow& a, const Viewport& v, double u);
// How high above its lane's top a self-IPI's loop reaches (px).
double selfLoopApex(const Viewport& v);

// Built once per run (O(events)), then asked for any viewport: panning a million-event trace
// costs a binary search per lane plus the visible items, not a pass over the trace.
//
// Conventions (render/TimelineGeometry.cpp explains the why):
// - `sc` and `trace` are referenced, not copied: they must outlive the layout (a sim::Recording
//   keeps both). Tooltips are written by layout() for the visible markers only.
// - Per lane, `segments` holds first the contiguous Task/Kernel/Idle items, then the Handler
//   items, which lie inside their task's segment (bottom band of the lane): draw in order.
// - Marker y is the lane's middle, stepped down/up when markers share a spot. Arrow y0/y1 are lane
// edges (bottom of the upper lane, top of
//   the lower one); a self arrow has y0 == y1 == the lane's top, to be drawn as a loop above.
// - Helper events are folded into the marker they explain, and named in its tooltip:
//   pir_posted and ipi_sent into SENDUIPI; sn_set, xsaves, xrstors, uinv_restored and sn_cleared
//   into the context switch; ipi_arrived into its outcome (spurious, processed, kernel vector);
//   notification_processed into the delivery it caused at the same instant.
// - `entry` is set only where dragging is meaningful: the event happens at its entry's `at`
//   (a deferred op, executed later, is dragged by its op_deferred marker instead).
// - An event with no CPU (an op deferred while its task is off-CPU) is drawn on the lane its
//   task last ran on (CPU 0 if it never ran).
class TimelineLayout {
  public:
    TimelineLayout(const scenario::Scenario& sc, const model::Trace& trace);
    // Both are kept by reference: a temporary would dangle.
    TimelineLayout(const scenario::Scenario&, model::Trace&&) = delete;
    TimelineLayout(scenario::Scenario&&, const model::Trace&) = delete;
    // The drag's layout: `trace` begins with the first `sharedEvents` events of the trace
    // `previous` was built from (a run resumed from a checkpoint, sim::Recording), and `sc`
    // differs from previous's scenario only in entries at or after the time of event
    // `sharedEvents`. The markers and arrows of that common prefix are previous's; only the
    // rest of the trace is read for them (segments are rebuilt: one cheap pass). layout() gives
    // what a layout built from scratch would. `previous` (with its scenario and trace) must
    // outlive this one and must itself be built from scratch.
    TimelineLayout(const scenario::Scenario& sc, const model::Trace& trace,
                   const TimelineLayout& previous, int sharedEvents);

    // The whole run's span (0 .. end + a margin) for a given total width: "fit".
    Viewport fit(double width) const;
    // Only what intersects [viewport.t0, viewport.t1] is produced (arrows crossing it included).
    // `summarized` (by CPU, non-zero): lanes the caller draws as a summary (the app's density
    // where markers are denser than pixels): their markers and the arrows touching them are not
    // produced, so a whole-run view of a million events does not walk every marker.
    TimelineGeometry layout(const Viewport& viewport,
                            const std::vector<char>& summarized = {}) const;

    std::int64_t endTime() const { return endTime_; }
    int cpuCount() const { return cpus_; }
    // The whole-run items in nanoseconds (no pixels): for exports that are not pictures
    // (export/PerfettoTrace), so they show the lanes exactly as the screen does.
    // (Of a layout built from scratch: a layered one holds only what follows its prefix.)
    const std::vector<Segment>& runSegments(int cpu) const { return segmentsByCpu_.at(cpu); }
    const std::vector<Segment>& runHandlers(int cpu) const { return handlersByCpu_.at(cpu); }
    const std::vector<Arrow>& runArrows() const { return arrows_; }

  private:
    // Time-ordered, whole-run items in nanoseconds; layout() maps the visible ones to pixels.
    std::vector<std::vector<Segment>> segmentsByCpu_;
    std::vector<std::vector<Marker>> markersByCpu_;
    std::vector<Arrow> arrows_; // by t0
    std::int64_t endTime_ = 0;
    int cpus_ = 1;

    const scenario::Scenario* sc_ = nullptr;
    const model::Trace* trace_ = nullptr;
    std::vector<std::vector<Segment>> handlersByCpu_; // Handler segments, by t0
    // The events folded into the marker of event e: folded_[foldBegin_[e] .. foldBegin_[e + 1]).
    std::vector<int> foldBegin_;
    std::vector<int> folded_;
    std::int64_t longestArrow_ = 0; // lets layout() find arrows that start before the viewport

    // A layout that takes over `prefix_`'s markers and arrows of events before `from_`; its
    // own folds cover the events from `from_` on (foldBegin_[e - from_]).
    const TimelineLayout* prefix_ = nullptr;
    int from_ = 0;
    std::vector<std::size_t> prefixMarkers_; // by CPU: prefix_'s first markers that are ours
    std::size_t prefixArrows_ = 0;           // prefix_'s first arrows that are ours
    // A lane's markers (the prefix's, then its own) and the arrows, in time order.
    std::array<std::span<const Marker>, 2> markersOf(int cpu) const;
    std::array<std::span<const Arrow>, 2> allArrows() const;

    void buildSegments();
    // `host[i - from_]` for the events from from_ on (-1: folded into a marker before from_).
    void addMarkers(const std::vector<int>& host);
    // Arrows of the IPIs sent at or after event `firstSend`.
    void addArrows(int firstSend);
    std::string tooltipFor(const Marker& m) const;
};

// Convenience for one-off pictures (SVG export): build and lay out in one call.
TimelineGeometry layoutTimeline(const scenario::Scenario& sc, const model::Trace& trace,
                                const Viewport& viewport);

// "1 300 ns", "1.3 µs", "2 ms": the one spelling of times on screen and in SVG.
std::string formatTime(std::int64_t ns);

} // namespace uintr::render
