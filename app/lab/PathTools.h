// What the file chooser (qml/FileChooser.qml) needs to know about the file system and cannot ask
// QML: whether a path is a folder, where a typed name points (an absolute path is used as is,
// "~/" is the home folder, anything else is relative to the folder shown), and where a Save As
// should start.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class PathTools : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
  public:
    using QObject::QObject;

    Q_INVOKABLE static bool isFolder(const QString& path);
    Q_INVOKABLE static bool exists(const QString& path);
    Q_INVOKABLE static QString parentFolder(const QString& path); // "/" stays "/"
    // `name` as typed in a chooser showing `folder`, as an absolute, clean path.
    Q_INVOKABLE static QString resolve(const QString& folder, const QString& name);
    // `path` with `suffix` ("json") appended when its file name has none.
    Q_INVOKABLE static QString withSuffix(const QString& path, const QString& suffix);
    // Where saving a copy of `file` should start: its folder when it can be written and is not
    // the scenario library shipped with the app (`library`), else Documents (or home).
    Q_INVOKABLE static QString saveFolderFor(const QString& file, const QString& library);
    Q_INVOKABLE static QString fileName(const QString& path);
    Q_INVOKABLE static QString baseName(const QString& path); // "seed-race" for …/seed-race.json
};

} // namespace uintr::lab
