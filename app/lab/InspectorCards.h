// The inspector's rows as list models with roles: a card per CPU, UPID or UITT
// (InspectorCards: group, task, address, raw bytes …), each with its fields (InspectorFields:
// name, value, tip, raw, changed, wide). The views bind to roles; a new state updates the rows
// in place and names only the roles that differ, so a field whose value or highlight did not
// change is not touched (its flash does not replay), and only a new set of cards resets.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

namespace uintr::lab {

// One register or field, as the spec spells it.
struct InspectorField {
    QString name;         // "UINV"
    QString value;        // "0xEC"
    QString tip;          // where it lives
    QString raw;          // a UITT entry's 16 bytes; empty for the rest
    bool changed = false; // differs from the state before (the instant or the event)
    bool wide = false;    // a long value (an address, a bit set) that wants a row of its own
    bool operator==(const InspectorField&) const = default;
};

class InspectorFields : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a card's fields (InspectorCards' fields role)")
  public:
    enum Role { Name = Qt::UserRole + 1, Value, Tip, Raw, Changed, Wide };
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(fields_.size());
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const std::vector<InspectorField>& fields() const { return fields_; }
    // True if anything changed. The same names in the same order: dataChanged per row, with
    // the roles that differ; otherwise a reset.
    bool setFields(std::vector<InspectorField> fields);

  private:
    std::vector<InspectorField> fields_;
};

struct InspectorCard {
    QString group;   // "CPU 0", "UPID receiver", "UITT sender"
    QString task;    // the task on the CPU / the UPID's or UITT's owner
    QString address; // the UPID's or UITT's address; empty for a CPU
    QString raw;     // the UPID's 16 bytes; empty for the rest
    bool taskChanged = false;
    bool rawChanged = false;
    std::vector<InspectorField> fields;
};

class InspectorCards : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController.inspector's cpus, upids and uitts")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
  public:
    enum Role { Group = Qt::UserRole + 1, Task, TaskChanged, Address, Raw, RawChanged, Fields };
    using QAbstractListModel::QAbstractListModel;
    ~InspectorCards() override;
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    int count() const { return static_cast<int>(cards_.size()); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const InspectorCard& card(int row) const { return cards_[static_cast<std::size_t>(row)]; }
    InspectorFields* fieldsAt(int row) const { return fields_[static_cast<std::size_t>(row)]; }
    // True if anything changed. The same groups: rows and their fields update in place;
    // otherwise a reset (new field models).
    bool setCards(std::vector<InspectorCard> cards);

  Q_SIGNALS:
    void countChanged();

  private:
    std::vector<InspectorCard> cards_;     // fields live in fields_
    std::vector<InspectorFields*> fields_; // children of this model
};

} // namespace uintr::lab
