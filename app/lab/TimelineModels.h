// The timeline's items for the current viewport as list models, one per kind of item, filled
// from render::TimelineLayout::layout(viewport). A new layout is diffed against the rows the
// view has: the common head and tail stay untouched (no signal), the middle is updated in place
// (delegates are reused, not destroyed and created) and only the difference in count is
// inserted or removed there. A drag changes a stretch of the timeline: only that stretch's
// delegates hear about it. Panning moves everything: every row updates, none is recreated.
#pragma once

#include "render/TimelineGeometry.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <cstdint>
#include <vector>

namespace uintr::lab {

// What the timeline emphasises: the playhead's event and the selected event's causal chain.
// Events folded into another's marker (pir_posted into SENDUIPI, xsaves into the switch…) light
// their host marker up, found by CPU and time, as the geometry draws them at their host's spot.
struct Highlight {
    int currentEvent = -1;
    int currentCpu = -1;
    qint64 currentT = -1;
    std::vector<char> why;                        // why[event]: on the chain
    std::vector<std::pair<int, qint64>> whySpots; // (cpu, t) of the chain's events, sorted
    bool hasWhy() const { return !why.empty(); }
    bool isCurrent(const render::Marker& m) const;
    bool inWhy(const render::Marker& m) const;
    bool inWhy(int event) const;
};

class GeometryListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
  public:
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count_;
    }
    int count() const { return count_; }

  Q_SIGNALS:
    void countChanged();

  protected:
    // Which roles of a row differ between two versions of it: bit (role − Qt::UserRole − 1).
    using RoleBits = std::uint32_t;
    // Makes the model hold `rows` (moved in); `diff(a, b)`: the roles in which a and b differ on
    // screen (0: they look the same). Rows kept in place hear only of the roles that changed.
    template <class Row, class Diff>
    void assign(std::vector<Row>& store, std::vector<Row>&& rows, Diff diff);
    // Tells the views that `roles` of every row may have changed (values only, no relayout).
    void touch(const QList<int>& roles);

  private:
    int count_ = 0;
};

class LaneModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role { Cpu = Qt::UserRole + 1, Y0, Y1, Label };
    using GeometryListModel::GeometryListModel;
    void setRows(std::vector<render::Lane> rows);
    const std::vector<render::Lane>& rows() const { return rows_; }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  private:
    std::vector<render::Lane> rows_;
};

class SegmentModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role { Cpu = Qt::UserRole + 1, T0, T1, X0, X1, Y0, Y1, Kind, Task, Merged, Label };
    using GeometryListModel::GeometryListModel;
    void setRows(std::vector<render::Segment> rows);
    const std::vector<render::Segment>& rows() const { return rows_; }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  private:
    std::vector<render::Segment> rows_;
};

class MarkerModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role {
        Event = Qt::UserRole + 1,
        Entry,
        Cpu,
        T,
        AtX,
        AtY,
        Kind,
        Merged,
        Label,
        Tooltip,
        Draggable,
        Current,
        InWhy,
        Dimmed,
        LaneY0,
        LaneY1
    };
    using GeometryListModel::GeometryListModel;
    // `lanes` gives each marker its lane's edges (a switch spans its lane).
    void setRows(std::vector<render::Marker> rows, const std::vector<render::Lane>& lanes);
    // What hit tests read: the geometry's markers, in model order.
    const render::Marker& marker(int row) const { return rows_[static_cast<std::size_t>(row)].m; }
    // What the marker layer (MarkersItem) draws for a row besides its geometry.
    double laneY0(int row) const { return rows_[static_cast<std::size_t>(row)].laneY0; }
    double laneY1(int row) const { return rows_[static_cast<std::size_t>(row)].laneY1; }
    bool current(int row) const { return highlight_ && highlight_->isCurrent(marker(row)); }
    bool inWhy(int row) const {
        return highlight_ && highlight_->hasWhy() && highlight_->inWhy(marker(row));
    }
    bool dimmed(int row) const {
        return highlight_ && highlight_->hasWhy() && !highlight_->inWhy(marker(row));
    }
    void setHighlight(const Highlight* highlight);
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  private:
    struct Row {
        render::Marker m;
        double laneY0 = 0, laneY1 = 0; // its lane (a switch spans it)
    };
    std::vector<Row> rows_;
    const Highlight* highlight_ = nullptr;
};

class ArrowModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role {
        SentEvent = Qt::UserRole + 1,
        FromCpu,
        ToCpu,
        X0,
        Y0,
        X1,
        Y1,
        Self,
        Spurious,
        Merged,
        InWhy,
        Dimmed,
        Tooltip
    };
    using GeometryListModel::GeometryListModel;
    void setRows(std::vector<render::Arrow> rows);
    const std::vector<render::Arrow>& rows() const { return rows_; }
    void setHighlight(const Highlight* highlight);
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The emphasis of row `row` (for the scene-graph layer that draws the arrows).
    bool emphasised(int row) const { return inWhy(rows_[static_cast<std::size_t>(row)]); }
    bool dimmed(int row) const { return highlight_ && highlight_->hasWhy() && !emphasised(row); }

  private:
    bool inWhy(const render::Arrow& a) const;
    std::vector<render::Arrow> rows_;
    const Highlight* highlight_ = nullptr;
};

class TickModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role { T = Qt::UserRole + 1, TickX, Major, Label };
    using GeometryListModel::GeometryListModel;
    void setRows(std::vector<render::Tick> rows);
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  private:
    std::vector<render::Tick> rows_;
};

// The words on the timeline, placed by the core (render/TimelineLabels.cpp) as the SVG places
// them: the delegates draw each at its box, none overlaps another.
class LabelModel : public GeometryListModel {
    Q_OBJECT
    QML_ANONYMOUS
  public:
    enum Role {
        LabelX = Qt::UserRole + 1,
        LabelY,
        LabelWidth,
        Baseline,
        FontPx,
        LabelText,
        Style, // "task", "handler", "kernel", "idle" (segment kinds), "marker", "spurious",
               // "ipi", "ipiSpurious" (an arrow's)
        Task
    };
    using GeometryListModel::GeometryListModel;
    // `segments` tells a segment's or handler's label which task it sits on (its colour),
    // `arrows` whether an arrow's went to the kernel (red).
    void setRows(std::vector<render::Label> labels, const std::vector<render::Segment>& segments,
                 const std::vector<render::Arrow>& arrows);
    const render::Label& label(int row) const { return rows_[static_cast<std::size_t>(row)].l; }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  private:
    struct Row {
        render::Label l;
        int task = -1; // the task of the segment it names (its colour), -1 for a marker's
        QString style;
    };
    std::vector<Row> rows_;
};

// The trace's kind names (cli.md spelling) for marker kinds, so the screen greps to the code:
// render::markerKindName as a QString.
QString markerKindString(render::MarkerKind kind);
QString segmentKindName(render::SegmentKind kind);

} // namespace uintr::lab
