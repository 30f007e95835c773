#include "TimelineModels.h"

#include "Format.h"
#include "render/MarkerText.h"

#include <algorithm>
#include <tuple>

namespace uintr::lab {

namespace {
// The role numbers set in `bits`, for dataChanged.
QList<int> rolesOf(std::uint32_t bits) {
    QList<int> roles;
    for (int i = 0; bits != 0; ++i, bits >>= 1)
        if (bits & 1u) roles.push_back(Qt::UserRole + 1 + i);
    return roles;
}
} // namespace

template <class Row, class Diff>
void GeometryListModel::assign(std::vector<Row>& store, std::vector<Row>&& rows, Diff diff) {
    const std::size_t before = store.size(), after = rows.size();
    std::size_t head = 0;
    while (head < before && head < after && diff(store[head], rows[head]) == 0)
        ++head;
    std::size_t tail = 0;
    while (tail < before - head && tail < after - head &&
           diff(store[before - 1 - tail], rows[after - 1 - tail]) == 0)
        ++tail;
    const int first = static_cast<int>(head);
    const int oldMiddle = static_cast<int>(before - head - tail);
    const int newMiddle = static_cast<int>(after - head - tail);
    // The middle's first rows are updated in place (the rest inserted or removed after them):
    // what each of those changed, before the old rows go.
    const int kept = std::min(oldMiddle, newMiddle);
    std::vector<RoleBits> changed(static_cast<std::size_t>(kept));
    for (int i = 0; i < kept; ++i) {
        const auto r = static_cast<std::size_t>(first + i);
        changed[static_cast<std::size_t>(i)] = diff(store[r], rows[r]);
    }
    if (newMiddle > oldMiddle) {
        beginInsertRows({}, first + oldMiddle, first + newMiddle - 1);
        store = std::move(rows);
        count_ = static_cast<int>(after);
        endInsertRows();
    } else if (newMiddle < oldMiddle) {
        beginRemoveRows({}, first + newMiddle, first + oldMiddle - 1);
        store = std::move(rows);
        count_ = static_cast<int>(after);
        endRemoveRows();
    } else {
        store = std::move(rows);
    }
    // One signal per run of neighbours that changed the same roles (a pan: one for all, x only).
    for (int i = 0; i < kept;) {
        const RoleBits bits = changed[static_cast<std::size_t>(i)];
        int j = i + 1;
        while (j < kept && changed[static_cast<std::size_t>(j)] == bits)
            ++j;
        if (bits != 0) Q_EMIT dataChanged(index(first + i), index(first + j - 1), rolesOf(bits));
        i = j;
    }
    if (before != after) Q_EMIT countChanged();
}

void GeometryListModel::touch(const QList<int>& roles) {
    if (count_ > 0) Q_EMIT dataChanged(index(0), index(count_ - 1), roles);
}

namespace {
// Field by field, the roles each field feeds (a role that several fields feed hears of any).
class Roles {
  public:
    void operator()(bool differs, std::initializer_list<int> roles) {
        if (differs)
            for (const int role : roles)
                bits_ |= 1u << (role - Qt::UserRole - 1);
    }
    operator std::uint32_t() const { return bits_; }

  private:
    std::uint32_t bits_ = 0;
};

std::uint32_t diff(const render::Lane& a, const render::Lane& b) {
    using M = LaneModel;
    Roles r;
    r(a.cpu != b.cpu, {M::Cpu});
    r(a.y0 != b.y0, {M::Y0});
    r(a.y1 != b.y1, {M::Y1});
    r(a.label != b.label, {M::Label});
    return r;
}
std::uint32_t diff(const render::Segment& a, const render::Segment& b) {
    using M = SegmentModel;
    Roles r;
    r(a.cpu != b.cpu, {M::Cpu});
    r(a.t0 != b.t0, {M::T0});
    r(a.t1 != b.t1, {M::T1});
    r(a.x0 != b.x0, {M::X0});
    r(a.x1 != b.x1, {M::X1});
    r(a.y0 != b.y0, {M::Y0});
    r(a.y1 != b.y1, {M::Y1});
    r(a.kind != b.kind, {M::Kind});
    r(a.task != b.task, {M::Task});
    r(a.merged != b.merged, {M::Merged});
    r(a.label != b.label, {M::Label});
    return r;
}
std::uint32_t diff(const render::Arrow& a, const render::Arrow& b) {
    using M = ArrowModel;
    Roles r;
    // The emphasis follows the events; the tooltip tells the CPUs and the times.
    r(a.sentEvent != b.sentEvent || a.arrivedEvent != b.arrivedEvent,
      {M::SentEvent, M::InWhy, M::Dimmed, M::Tooltip});
    r(a.fromCpu != b.fromCpu, {M::FromCpu, M::Tooltip});
    r(a.toCpu != b.toCpu, {M::ToCpu, M::Tooltip});
    r(a.t0 != b.t0 || a.t1 != b.t1, {M::Tooltip});
    r(a.x0 != b.x0, {M::X0});
    r(a.y0 != b.y0, {M::Y0});
    r(a.x1 != b.x1, {M::X1});
    r(a.y1 != b.y1, {M::Y1});
    r(a.self != b.self, {M::Self, M::Tooltip});
    r(a.spurious != b.spurious, {M::Spurious});
    r(a.merged != b.merged, {M::Merged});
    return r;
}
std::uint32_t diff(const render::Tick& a, const render::Tick& b) {
    using M = TickModel;
    Roles r;
    r(a.t != b.t, {M::T});
    r(a.x != b.x, {M::TickX});
    r(a.major != b.major, {M::Major});
    r(a.label != b.label, {M::Label});
    return r;
}
constexpr auto kDiff = [](const auto& a, const auto& b) { return diff(a, b); };
} // namespace

void LaneModel::setRows(std::vector<render::Lane> rows) {
    assign(rows_, std::move(rows), kDiff);
}
void SegmentModel::setRows(std::vector<render::Segment> rows) {
    assign(rows_, std::move(rows), kDiff);
}
void TickModel::setRows(std::vector<render::Tick> rows) {
    assign(rows_, std::move(rows), kDiff);
}
void ArrowModel::setRows(std::vector<render::Arrow> rows) {
    assign(rows_, std::move(rows), kDiff);
}

QString markerKindString(render::MarkerKind kind) {
    const std::string_view name = render::markerKindName(kind);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString segmentKindName(render::SegmentKind kind) {
    switch (kind) {
    case render::SegmentKind::Task:
        return QStringLiteral("task");
    case render::SegmentKind::Handler:
        return QStringLiteral("handler");
    case render::SegmentKind::Kernel:
        return QStringLiteral("kernel");
    case render::SegmentKind::Idle:
        break;
    }
    return QStringLiteral("idle");
}

// --- lanes
QVariant LaneModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Cpu:
        return r.cpu;
    case Y0:
        return r.y0;
    case Y1:
        return r.y1;
    case Label:
        return QString::fromStdString(r.label);
    default:
        return {};
    }
}

QHash<int, QByteArray> LaneModel::roleNames() const {
    return {{Cpu, "cpu"}, {Y0, "y0"}, {Y1, "y1"}, {Label, "label"}};
}

// --- segments
QVariant SegmentModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Cpu:
        return r.cpu;
    case T0:
        return QVariant::fromValue<qint64>(r.t0);
    case T1:
        return QVariant::fromValue<qint64>(r.t1);
    case X0:
        return r.x0;
    case X1:
        return r.x1;
    case Y0:
        return r.y0;
    case Y1:
        return r.y1;
    case Kind:
        return segmentKindName(r.kind);
    case Task:
        return r.task;
    case Merged:
        return r.merged;
    case Label:
        return QString::fromStdString(r.label);
    default:
        return {};
    }
}

QHash<int, QByteArray> SegmentModel::roleNames() const {
    return {{Cpu, "cpu"},   {T0, "t0"},         {T1, "t1"},      {X0, "x0"},
            {X1, "x1"},     {Y0, "y0"},         {Y1, "y1"},      {Kind, "kind"},
            {Task, "task"}, {Merged, "merged"}, {Label, "label"}};
}

// --- highlight
bool Highlight::isCurrent(const render::Marker& m) const {
    // By spot: an event folded into another's marker lights its host up. An event with no CPU
    // (an op waiting for its task) is found by index.
    if (currentEvent < 0) return false;
    return currentCpu >= 0 ? m.cpu == currentCpu && m.t == currentT : m.event == currentEvent;
}

bool Highlight::inWhy(int event) const {
    return event >= 0 && static_cast<std::size_t>(event) < why.size() &&
           why[static_cast<std::size_t>(event)];
}

bool Highlight::inWhy(const render::Marker& m) const {
    return inWhy(m.event) ||
           std::binary_search(whySpots.begin(), whySpots.end(), std::pair<int, qint64>{m.cpu, m.t});
}

// --- markers
void MarkerModel::setRows(std::vector<render::Marker> markers,
                          const std::vector<render::Lane>& lanes) {
    std::vector<Row> rows(markers.size());
    for (std::size_t i = 0; i < markers.size(); ++i) {
        Row& r = rows[i];
        r.m = std::move(markers[i]);
        for (const auto& lane : lanes)
            if (lane.cpu == r.m.cpu) std::tie(r.laneY0, r.laneY1) = std::pair{lane.y0, lane.y1};
    }
    assign(rows_, std::move(rows), [](const Row& a, const Row& b) -> RoleBits {
        const render::Marker &x = a.m, &y = b.m;
        Roles r;
        // Which event it is and where decide whether it is the playhead's or on the chain.
        r(x.event != y.event, {Event, Current, InWhy, Dimmed});
        r(x.cpu != y.cpu, {Cpu, Current, InWhy, Dimmed});
        r(x.t != y.t, {T, Current, InWhy, Dimmed});
        r(x.entry != y.entry, {Entry, Draggable});
        r(x.x != y.x, {AtX});
        r(x.y != y.y, {AtY});
        r(x.kind != y.kind, {Kind});
        r(x.merged != y.merged, {Merged});
        r(x.label != y.label, {Label});
        r(x.tooltip != y.tooltip, {Tooltip});
        r(a.laneY0 != b.laneY0, {LaneY0});
        r(a.laneY1 != b.laneY1, {LaneY1});
        return r;
    });
}

void MarkerModel::setHighlight(const Highlight* highlight) {
    highlight_ = highlight;
    touch({Current, InWhy, Dimmed});
}

QVariant MarkerModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const render::Marker& r = row.m;
    switch (role) {
    case Event:
        return r.event;
    case Entry:
        return r.entry;
    case Cpu:
        return r.cpu;
    case T:
        return QVariant::fromValue<qint64>(r.t);
    case AtX:
        return r.x;
    case AtY:
        return r.y;
    case Kind:
        return markerKindString(r.kind);
    case Merged:
        return r.merged;
    case Label:
        return QString::fromStdString(r.label);
    case Tooltip:
        return QString::fromStdString(r.tooltip);
    case Draggable:
        return r.entry >= 0;
    case Current:
        return current(index.row());
    case InWhy:
        return inWhy(index.row());
    case Dimmed:
        return dimmed(index.row());
    case LaneY0:
        return row.laneY0;
    case LaneY1:
        return row.laneY1;
    default:
        return {};
    }
}

QHash<int, QByteArray> MarkerModel::roleNames() const {
    return {{Event, "event"},
            {Entry, "entry"},
            {Cpu, "cpu"},
            {T, "t"},
            {AtX, "atX"},
            {AtY, "atY"},
            {Kind, "kind"},
            {Merged, "merged"},
            {Label, "label"},
            {Tooltip, "tooltip"},
            {Draggable, "draggable"},
            {Current, "current"},
            {InWhy, "inWhy"},
            {Dimmed, "dimmed"},
            {LaneY0, "laneY0"},
            {LaneY1, "laneY1"}};
}

// --- arrows
bool ArrowModel::inWhy(const render::Arrow& a) const {
    return highlight_ && (highlight_->inWhy(a.sentEvent) || highlight_->inWhy(a.arrivedEvent));
}

void ArrowModel::setHighlight(const Highlight* highlight) {
    highlight_ = highlight;
    touch({InWhy, Dimmed});
}

QVariant ArrowModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SentEvent:
        return r.sentEvent;
    case FromCpu:
        return r.fromCpu;
    case ToCpu:
        return r.toCpu;
    case X0:
        return r.x0;
    case Y0:
        return r.y0;
    case X1:
        return r.x1;
    case Y1:
        return r.y1;
    case Self:
        return r.self;
    case Spurious:
        return r.spurious;
    case Merged:
        return r.merged;
    case InWhy:
        return inWhy(r);
    case Dimmed:
        return highlight_ && highlight_->hasWhy() && !inWhy(r);
    case Tooltip:
        return (r.self ? QStringLiteral("self-IPI on CPU %1").arg(r.fromCpu)
                       : QStringLiteral("IPI CPU %1 → CPU %2").arg(r.fromCpu).arg(r.toCpu)) +
               QStringLiteral(": sent %1, %2")
                   .arg(formatNs(r.t0), r.arrivedEvent >= 0 ? "arrives " + formatNs(r.t1)
                                                            : QStringLiteral("in flight"));
    default:
        return {};
    }
}

QHash<int, QByteArray> ArrowModel::roleNames() const {
    return {{SentEvent, "sentEvent"},
            {FromCpu, "fromCpu"},
            {ToCpu, "toCpu"},
            {X0, "x0"},
            {Y0, "y0"},
            {X1, "x1"},
            {Y1, "y1"},
            {Self, "self"},
            {Spurious, "spurious"},
            {Merged, "merged"},
            {InWhy, "inWhy"},
            {Dimmed, "dimmed"},
            {Tooltip, "tooltip"}};
}

// --- ticks
QVariant TickModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case T:
        return QVariant::fromValue<qint64>(r.t);
    case TickX:
        return r.x;
    case Major:
        return r.major;
    case Label:
        return QString::fromStdString(r.label);
    default:
        return {};
    }
}

QHash<int, QByteArray> TickModel::roleNames() const {
    return {{T, "t"}, {TickX, "tickX"}, {Major, "major"}, {Label, "label"}};
}

// ---------------------------------------------------------------- labels

void LabelModel::setRows(std::vector<render::Label> labels,
                         const std::vector<render::Segment>& segments,
                         const std::vector<render::Arrow>& arrows) {
    std::vector<Row> rows;
    rows.reserve(labels.size());
    for (auto& l : labels) {
        Row r{std::move(l), -1, {}};
        const bool onSegment =
            r.l.of == render::LabelOf::Segment || r.l.of == render::LabelOf::Handler;
        if (onSegment && r.l.item >= 0 && r.l.item < static_cast<int>(segments.size())) {
            const auto& seg = segments[static_cast<std::size_t>(r.l.item)];
            r.task = seg.task;
            r.style = segmentKindName(seg.kind);
        } else if (r.l.of == render::LabelOf::Arrow) {
            const bool red = r.l.item >= 0 && r.l.item < static_cast<int>(arrows.size()) &&
                             arrows[static_cast<std::size_t>(r.l.item)].spurious;
            r.style = red ? QStringLiteral("ipiSpurious") : QStringLiteral("ipi");
        } else {
            r.style = r.l.of == render::LabelOf::Spurious ? QStringLiteral("spurious")
                                                          : QStringLiteral("marker");
        }
        rows.push_back(std::move(r));
    }
    assign(rows_, std::move(rows), [](const Row& a, const Row& b) -> RoleBits {
        Roles r;
        r(a.task != b.task, {Task});
        r(a.style != b.style, {Style});
        r(a.l.x0 != b.l.x0, {LabelX, LabelWidth});
        r(a.l.x1 != b.l.x1, {LabelWidth});
        r(a.l.y0 != b.l.y0, {LabelY});
        r(a.l.baseline != b.l.baseline, {Baseline});
        r(a.l.font != b.l.font, {FontPx});
        r(a.l.text != b.l.text, {LabelText});
        return r;
    });
}

QVariant LabelModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LabelX:
        return r.l.x0;
    case LabelY:
        return r.l.y0;
    case LabelWidth:
        return r.l.x1 - r.l.x0;
    case Baseline:
        return r.l.baseline;
    case FontPx:
        return r.l.font;
    case LabelText:
        return QString::fromStdString(r.l.text);
    case Style:
        return r.style;
    case Task:
        return r.task;
    default:
        return {};
    }
}

QHash<int, QByteArray> LabelModel::roleNames() const {
    return {{LabelX, "labelX"},          {LabelY, "labelY"}, {LabelWidth, "labelWidth"},
            {Baseline, "labelBaseline"}, {FontPx, "fontPx"}, {LabelText, "labelText"},
            {Style, "labelStyle"},       {Task, "task"}};
}

} // namespace uintr::lab
