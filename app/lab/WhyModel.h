// Why: the causal chain of the selected event as a list model, one row per step, oldest first,
// the selected event last (analysis::Causality, told as prose by analysis::eventProse). Rows
// have roles, so the Why panel's delegates bind to `when` and `text` like any list, and a tap
// asks eventAt(row) instead of looking a key up in a map.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace uintr::lab {

class WhyModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns Why")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
  public:
    enum Role { Event = Qt::UserRole + 1, T, When, Text, Selected };
    struct Line {
        int event = -1;
        qint64 t = 0;
        QString when; // "1 100 ns · CPU 0"
        QString text; // the step in words
        bool selected = false;
        bool operator==(const Line&) const = default;
    };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    int count() const { return static_cast<int>(lines_.size()); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const Line& line(int row) const { return lines_[static_cast<std::size_t>(row)]; }
    Q_INVOKABLE int eventAt(int row) const;

    // A drag rebuilds the chain every frame: unchanged rows say nothing, a chain of the same
    // length updates in place, only a new length resets the list.
    void setLines(std::vector<Line> lines);

  Q_SIGNALS:
    void countChanged();

  private:
    std::vector<Line> lines_;
};

} // namespace uintr::lab
