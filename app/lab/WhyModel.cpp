#include "WhyModel.h"

namespace uintr::lab {

void WhyModel::setLines(std::vector<Line> lines) {
    if (lines == lines_) return;
    if (lines.size() == lines_.size()) {
        lines_ = std::move(lines);
        Q_EMIT dataChanged(index(0), index(count() - 1));
        return;
    }
    beginResetModel();
    lines_ = std::move(lines);
    endResetModel();
    Q_EMIT countChanged();
}

int WhyModel::eventAt(int row) const {
    return row >= 0 && row < count() ? line(row).event : -1;
}

QVariant WhyModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Line& l = line(index.row());
    switch (role) {
    case Event:
        return l.event;
    case T:
        return QVariant::fromValue<qint64>(l.t);
    case When:
        return l.when;
    case Text:
        return l.text;
    case Selected:
        return l.selected;
    default:
        return {};
    }
}

QHash<int, QByteArray> WhyModel::roleNames() const {
    return {{Event, "event"}, {T, "t"}, {When, "when"}, {Text, "text"}, {Selected, "selected"}};
}

} // namespace uintr::lab
