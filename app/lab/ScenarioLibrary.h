// The scenarios/ folder as a list: each .json file with its title and summary, so a teacher
// picks a lesson by what it is about. The files named in scenarios/tour.txt (the review as a
// guided tour) come first, in that order, the others after them by name. The folder is, in
// order: $UINTR_LAB_SCENARIOS; a `scenarios/` installed beside the executable
// (../share/uintr-lab/scenarios); the source tree's scenarios/ (UINTR_SCENARIO_DIR, set by CMake).
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class ScenarioLibrary : public QAbstractListModel {
    Q_OBJECT
    QML_NAMED_ELEMENT(ScenarioLibraryModel) // ScenarioLibrary is the view (qml/)
    QML_UNCREATABLE("LabController owns the library")
    Q_PROPERTY(QString folder READ folder NOTIFY folderChanged)
    Q_PROPERTY(int count READ count NOTIFY folderChanged)
  public:
    enum Role { Path = Qt::UserRole + 1, FileName, Title, Summary, Variant, Broken };
    explicit ScenarioLibrary(QObject* parent = nullptr);

    static QString locateFolder();
    // The seed race in locateFolder(): what the app (LabDocument::openDefault) opens first.
    static QString defaultFile();
    QString folder() const { return folder_; }
    int count() const { return static_cast<int>(items_.size()); }
    // The file the app opens when none is given: the seed race.
    Q_INVOKABLE QString defaultScenario() const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE QString pathAt(int row) const;
    Q_INVOKABLE int indexOf(const QString& path) const; // -1 when not in the library

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  Q_SIGNALS:
    void folderChanged();

  private:
    struct Item {
        QString path, fileName, title, summary, variant;
        bool broken = false;
    };
    QString folder_;
    std::vector<Item> items_;
};

} // namespace uintr::lab
