#include "InspectorCards.h"

namespace uintr::lab {

// ---------------------------------------------------------------- fields

QVariant InspectorFields::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& f = fields_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Name:
        return f.name;
    case Value:
        return f.value;
    case Tip:
        return f.tip;
    case Raw:
        return f.raw;
    case Changed:
        return f.changed;
    case Wide:
        return f.wide;
    default:
        return {};
    }
}

QHash<int, QByteArray> InspectorFields::roleNames() const {
    return {{Name, "name"}, {Value, "value"},     {Tip, "tip"},
            {Raw, "raw"},   {Changed, "changed"}, {Wide, "wide"}};
}

bool InspectorFields::setFields(std::vector<InspectorField> fields) {
    if (fields == fields_) return false;
    const bool sameRows = fields.size() == fields_.size() &&
                          std::equal(fields.begin(), fields.end(), fields_.begin(),
                                     [](const auto& a, const auto& b) { return a.name == b.name; });
    if (!sameRows) {
        beginResetModel();
        fields_ = std::move(fields);
        endResetModel();
        return true;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto& old = fields_[i];
        const auto& now = fields[i];
        QList<int> roles;
        if (now.value != old.value) roles << Value;
        if (now.tip != old.tip) roles << Tip;
        if (now.raw != old.raw) roles << Raw;
        if (now.changed != old.changed) roles << Changed;
        if (now.wide != old.wide) roles << Wide;
        if (roles.isEmpty()) continue;
        old = now;
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at, roles);
    }
    return true;
}

// ---------------------------------------------------------------- cards

InspectorCards::~InspectorCards() = default;

QVariant InspectorCards::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& c = card(index.row());
    switch (role) {
    case Group:
        return c.group;
    case Task:
        return c.task;
    case TaskChanged:
        return c.taskChanged;
    case Address:
        return c.address;
    case Raw:
        return c.raw;
    case RawChanged:
        return c.rawChanged;
    case Fields:
        return QVariant::fromValue(fieldsAt(index.row()));
    default:
        return {};
    }
}

QHash<int, QByteArray> InspectorCards::roleNames() const {
    return {{Group, "group"},     {Task, "task"}, {TaskChanged, "taskChanged"},
            {Address, "address"}, {Raw, "raw"},   {RawChanged, "rawChanged"},
            {Fields, "fields"}};
}

bool InspectorCards::setCards(std::vector<InspectorCard> cards) {
    const bool sameRows =
        cards.size() == cards_.size() &&
        std::equal(cards.begin(), cards.end(), cards_.begin(),
                   [](const auto& a, const auto& b) { return a.group == b.group; });
    if (!sameRows) {
        beginResetModel();
        for (auto* f : fields_)
            f->deleteLater(); // delegates may still hold them until they go
        fields_.clear();
        cards_ = std::move(cards);
        for (auto& c : cards_) {
            auto* f = new InspectorFields(this);
            f->setFields(std::move(c.fields));
            c.fields.clear();
            fields_.push_back(f);
        }
        endResetModel();
        Q_EMIT countChanged();
        return true;
    }
    bool any = false;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        auto& old = cards_[i];
        auto& now = cards[i];
        QList<int> roles;
        if (now.task != old.task) roles << Task;
        if (now.taskChanged != old.taskChanged) roles << TaskChanged;
        if (now.address != old.address) roles << Address;
        if (now.raw != old.raw) roles << Raw;
        if (now.rawChanged != old.rawChanged) roles << RawChanged;
        if (fields_[i]->setFields(std::move(now.fields))) any = true;
        now.fields.clear();
        if (roles.isEmpty()) continue;
        any = true;
        old = std::move(now);
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at, roles);
    }
    return any;
}

} // namespace uintr::lab
