// The timeline's viewport (which nanoseconds, how many pixels) and the items it shows. Every
// change of viewport or run asks render::TimelineLayout for the geometry once and refills the
// models; QML only draws what the models hold, so the SVG export and the screen agree.
#pragma once

#include "SimRun.h"
#include "TimelineModels.h"

#include <QObject>
#include <QPointF>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace uintr::lab {

class TimelineView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns the timeline")
    Q_PROPERTY(double viewWidth READ viewWidth WRITE setViewWidth NOTIFY viewportChanged)
    Q_PROPERTY(double viewHeight READ viewHeight WRITE setViewHeight NOTIFY viewportChanged)
    Q_PROPERTY(double uiScale READ uiScale WRITE setUiScale NOTIFY viewportChanged)
    // Doubles in QML (see Playback::playhead): exact nanoseconds up to 2^53.
    Q_PROPERTY(double t0 READ t0Ns NOTIFY viewportChanged)
    Q_PROPERTY(double t1 READ t1Ns NOTIFY viewportChanged)
    Q_PROPERTY(double labelWidth READ labelWidth NOTIFY viewportChanged)
    Q_PROPERTY(double rulerHeight READ rulerHeight NOTIFY viewportChanged)
    Q_PROPERTY(double laneHeight READ laneHeight NOTIFY viewportChanged)
    Q_PROPERTY(double contentHeight READ contentHeight NOTIFY layoutChanged)
    Q_PROPERTY(double playheadX READ playheadX NOTIFY cursorsChanged)
    // A predict step's veil (setVeil): where the hidden part of the run starts, -1 if none.
    Q_PROPERTY(double veilX READ veilX NOTIFY layoutChanged)
    Q_PROPERTY(double markerAX READ markerAX NOTIFY cursorsChanged)
    Q_PROPERTY(double markerBX READ markerBX NOTIFY cursorsChanged)
    Q_PROPERTY(int visibleItems READ visibleItems NOTIFY layoutChanged)
    // Many CPUs (an imported 64-CPU capture): the lanes scroll vertically under the pinned ones.
    Q_PROPERTY(double scrollY READ scrollY WRITE setScrollY NOTIFY layoutChanged)
    Q_PROPERTY(double maxScrollY READ maxScrollY NOTIFY layoutChanged)
    Q_PROPERTY(double pinnedHeight READ pinnedHeight NOTIFY layoutChanged)
    Q_PROPERTY(int hiddenLanes READ hiddenLanes NOTIFY layoutChanged)
    // Lanes whose events are denser than their pixels show per-column counts instead of markers.
    Q_PROPERTY(int denseLanes READ denseLanes NOTIFY layoutChanged)
    Q_PROPERTY(uintr::lab::LaneModel* lanes READ lanes CONSTANT)
    Q_PROPERTY(uintr::lab::SegmentModel* segments READ segments CONSTANT)
    // The segments wide enough to carry their name: what the label delegates show (the
    // segments themselves are one scene-graph layer, SegmentsItem).
    Q_PROPERTY(uintr::lab::MarkerModel* markers READ markers CONSTANT)
    // The markers at the playhead (usually one; a few stacked at one spot): what the flow
    // animation plays its outcome on, without a delegate per marker of the run.
    Q_PROPERTY(QAbstractItemModel* currentMarkers READ currentMarkers CONSTANT)
    Q_PROPERTY(uintr::lab::ArrowModel* arrows READ arrows CONSTANT)
    Q_PROPERTY(uintr::lab::TickModel* ticks READ ticks CONSTANT)
    Q_PROPERTY(uintr::lab::LabelModel* labels READ labels CONSTANT)
  public:
    explicit TimelineView(QObject* parent = nullptr);

    double viewWidth() const { return width_; }
    void setViewWidth(double width);
    double viewHeight() const { return viewHeight_; }
    void setViewHeight(double height);
    double uiScale() const { return scale_; }
    void setUiScale(double scale);
    qint64 t0() const { return t0_; }
    qint64 t1() const { return t1_; }
    double t0Ns() const { return static_cast<double>(t0_); }
    double t1Ns() const { return static_cast<double>(t1_); }
    double labelWidth() const { return viewport().labelWidth; }
    double rulerHeight() const { return viewport().rulerHeight; }
    double laneHeight() const { return viewport().laneHeight; }
    double contentHeight() const { return height_; }
    double playheadX() const { return playhead_ < 0 ? -1 : xOf(playhead_); }
    double veilX() const { return veil_ < 0 ? -1 : xOf(veil_); }
    double markerAX() const { return markerA_ < 0 ? -1 : xOf(markerA_); }
    double markerBX() const { return markerB_ < 0 ? -1 : xOf(markerB_); }
    int visibleItems() const;
    double scrollY() const { return scrollY_; }
    void setScrollY(double y);
    double maxScrollY() const { return maxScrollY_; }
    double pinnedHeight() const { return pinnedBottom_; }
    int hiddenLanes() const;
    struct DenseLane {
        render::LaneDensity density;
        double y0 = 0, y1 = 0;
    };
    const std::vector<DenseLane>& denseLaneRows() const { return dense_; }
    int denseLanes() const { return static_cast<int>(dense_.size()); }
    LaneModel* lanes() { return &lanes_; }
    SegmentModel* segments() { return &segments_; }
    MarkerModel* markers() { return &markers_; }
    QAbstractItemModel* currentMarkers() { return &currentMarkers_; }
    ArrowModel* arrows() { return &arrows_; }
    TickModel* ticks() { return &ticks_; }
    LabelModel* labels() { return &labels_; }

    Q_INVOKABLE double xOf(qint64 t) const;
    Q_INVOKABLE qint64 timeAt(double x) const;
    Q_INVOKABLE double laneCenterY(int cpu) const;
    // Where a packet a fraction u of the way along an arrow (its model row's ends) is drawn: the
    // core's path (render::arrowPointAt), the line the arrow layer and the SVG draw.
    Q_INVOKABLE QPointF arrowPoint(double x0, double y0, double x1, double y1, bool self,
                                   double u) const;
    // Zoom by `factor` (> 1: in) keeping the time under x where it is (Perfetto's W/S, wheel).
    Q_INVOKABLE void zoomAt(double x, double factor);
    // Pan by a number of pixels (positive: later times come into view; A/D, drag, wheel).
    Q_INVOKABLE void panBy(double dx);
    Q_INVOKABLE void fit();
    Q_INVOKABLE void showRange(qint64 from, qint64 to);
    // Hit tests on what is drawn: the draggable timeline entry near (x, y), or the event.
    Q_INVOKABLE int draggableEntryAt(double x, double y) const;
    Q_INVOKABLE int eventAt(double x, double y) const;
    Q_INVOKABLE QString tooltipAt(double x, double y) const;
    // The time a drag of `entry` to x lands on: whole ns, pulled to another event's time (or
    // marker A/B) within a few pixels. Events of `entry` itself do not attract it.
    Q_INVOKABLE qint64 snapTime(int entry, double x) const;
    // Lanes a user arranges: a hidden lane is not drawn; pinned lanes stay on top, unscrolled.
    Q_INVOKABLE void setLaneHidden(int cpu, bool hidden);
    Q_INVOKABLE void setLanePinned(int cpu, bool pinned);
    Q_INVOKABLE bool lanePinned(int cpu) const;
    Q_INVOKABLE void showAllLanes();
    Q_INVOKABLE void scrollBy(double dy) { setScrollY(scrollY_ + dy); }

    // From the controller.
    void setRun(std::shared_ptr<const SimRun> run, bool refit);
    void setSnapSource(std::shared_ptr<const SimRun> run) { snapRun_ = std::move(run); }
    const SimRun* shownRun() const { return run_.get(); }
    void setCursors(qint64 playhead, qint64 markerA, qint64 markerB);
    // The controller keeps `highlight` alive and calls this again after changing it.
    void setHighlight(const Highlight* highlight);
    // A predict step: nothing that happens at or after `t` is drawn (no marker, no label, no
    // segment starting then; segments end there), so the outcome is not on screen. -1: all.
    void setVeil(qint64 t);
    render::Viewport viewport() const;

  Q_SIGNALS:
    void viewportChanged();
    void layoutChanged();
    void cursorsChanged();

  private:
    void setRange(qint64 t0, qint64 t1);
    render::Viewport fitted() const;
    qint64 maxSpan() const; // the widest zoom: the whole run
    void relayout();
    const render::Marker* markerAt(double x, double y, bool draggableOnly) const;
    int shownCpus() const;
    void arrange(render::TimelineGeometry& g);
    void summarizeDenseLanes(render::TimelineGeometry& g);
    void cutAtVeil(render::TimelineGeometry& g) const;

    std::shared_ptr<const SimRun> run_;
    std::shared_ptr<const SimRun> snapRun_;
    LaneModel lanes_;
    SegmentModel segments_;
    MarkerModel markers_;
    QSortFilterProxyModel currentMarkers_; // markers_ whose Current role is true
    ArrowModel arrows_;
    TickModel ticks_;
    LabelModel labels_;
    double width_ = 1200;
    double viewHeight_ = 0; // 0: lanes of the default height
    double scale_ = 1.0;
    double height_ = 0;
    qint64 t0_ = 0;
    qint64 t1_ = 1000;
    qint64 playhead_ = -1;
    qint64 markerA_ = -1;
    qint64 markerB_ = -1;
    qint64 veil_ = -1;
    std::vector<char> hidden_, pinned_; // by CPU
    std::vector<DenseLane> dense_;
    double scrollY_ = 0, maxScrollY_ = 0, pinnedBottom_ = 0;
};

} // namespace uintr::lab
