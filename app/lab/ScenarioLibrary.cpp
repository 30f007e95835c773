#include "ScenarioLibrary.h"

#include "scenario/ScenarioIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace uintr::lab {

namespace {

// The guided tour: scenarios/tour.txt names the files of the review walkthrough, one a line, in
// order ('#' starts a comment). A plain text file, so that nothing that globs *.json (the
// library itself, `uintr-sim check` in CI) takes it for a scenario.
QStringList readTour(const QString& folder) {
    QFile file(folder + "/tour.txt");
    QStringList names;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return names;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).section('#', 0, 0).trimmed();
        if (!line.isEmpty()) names << line;
    }
    return names;
}

} // namespace

ScenarioLibrary::ScenarioLibrary(QObject* parent) : QAbstractListModel(parent) {
    refresh();
}

QString ScenarioLibrary::locateFolder() {
    const QString env = qEnvironmentVariable("UINTR_LAB_SCENARIOS");
    if (!env.isEmpty()) return QDir(env).absolutePath();
    QStringList candidates;
    if (QCoreApplication::instance()) {
        const QString exe = QCoreApplication::applicationDirPath();
        candidates << exe + "/scenarios" << exe + "/../share/uintr-lab/scenarios";
    }
#ifdef UINTR_SCENARIO_DIR
    candidates << QStringLiteral(UINTR_SCENARIO_DIR);
#endif
    for (const auto& c : candidates)
        if (QFileInfo(c + "/seed-race.json").isFile()) return QDir(c).absolutePath();
    return candidates.isEmpty() ? QString() : QDir(candidates.last()).absolutePath();
}

namespace {
constexpr char kSeedRace[] = "/seed-race.json";
}

QString ScenarioLibrary::defaultFile() {
    return locateFolder() + QLatin1String(kSeedRace);
}

QString ScenarioLibrary::defaultScenario() const {
    return folder_ + QLatin1String(kSeedRace);
}

void ScenarioLibrary::refresh() {
    beginResetModel();
    folder_ = locateFolder();
    items_.clear();
    const auto files = QDir(folder_).entryInfoList({"*.json"}, QDir::Files, QDir::Name);
    for (const auto& f : files) {
        Item item{f.absoluteFilePath(), f.fileName(), {}, {}, {}, false};
        const auto loaded = scenario::loadScenarioFile(f.absoluteFilePath().toStdString());
        if (loaded.ok()) {
            item.title = QString::fromStdString(loaded.scenario->title);
            item.summary = QString::fromStdString(loaded.scenario->summary);
            item.variant = QString::fromUtf8(scenario::toString(loaded.scenario->kernel.variant));
        } else {
            item.title = f.completeBaseName();
            item.summary = QString::fromStdString(loaded.error->toString());
            item.broken = true;
        }
        items_.push_back(std::move(item));
    }
    // The tour first, in its order; the other files after it, by name. Without a tour the seed
    // race leads: it is the lesson everything else varies.
    QStringList tour = readTour(folder_);
    if (tour.isEmpty()) tour << QStringLiteral("seed-race.json");
    const auto rank = [&tour](const Item& item) {
        const auto at = tour.indexOf(item.fileName);
        return at < 0 ? tour.size() : at;
    };
    std::stable_sort(items_.begin(), items_.end(),
                     [&rank](const Item& a, const Item& b) { return rank(a) < rank(b); });
    endResetModel();
    Q_EMIT folderChanged();
}

QString ScenarioLibrary::pathAt(int row) const {
    return row >= 0 && row < count() ? items_[static_cast<std::size_t>(row)].path : QString();
}

int ScenarioLibrary::indexOf(const QString& path) const {
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].path == wanted) return static_cast<int>(i);
    return -1;
}

int ScenarioLibrary::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant ScenarioLibrary::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& item = items_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Path:
        return item.path;
    case FileName:
        return item.fileName;
    case Title:
        return item.title;
    case Summary:
        return item.summary;
    case Variant:
        return item.variant;
    case Broken:
        return item.broken;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScenarioLibrary::roleNames() const {
    return {{Path, "path"},       {FileName, "fileName"}, {Title, "title"},
            {Summary, "summary"}, {Variant, "variant"},   {Broken, "broken"}};
}

} // namespace uintr::lab
