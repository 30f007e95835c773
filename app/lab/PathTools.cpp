#include "PathTools.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace uintr::lab {

bool PathTools::isFolder(const QString& path) {
    return !path.isEmpty() && QFileInfo(path).isDir();
}

bool PathTools::exists(const QString& path) {
    return !path.isEmpty() && QFileInfo::exists(path);
}

QString PathTools::parentFolder(const QString& path) {
    QDir dir(QDir::cleanPath(path));
    return dir.cdUp() ? dir.absolutePath() : QDir::cleanPath(path);
}

QString PathTools::resolve(const QString& folder, const QString& name) {
    const QString typed = name.trimmed();
    if (typed.isEmpty()) return QDir::cleanPath(folder);
    if (typed == QLatin1String("~")) return QDir::homePath();
    if (typed.startsWith(QLatin1String("~/")))
        return QDir::cleanPath(QDir::homePath() + typed.mid(1));
    if (QDir::isAbsolutePath(typed)) return QDir::cleanPath(typed);
    return QDir::cleanPath(QDir(folder).absoluteFilePath(typed));
}

QString PathTools::withSuffix(const QString& path, const QString& suffix) {
    if (suffix.isEmpty() || !QFileInfo(path).suffix().isEmpty()) return path;
    return path + QLatin1Char('.') + suffix;
}

QString PathTools::saveFolderFor(const QString& file, const QString& library) {
    const QFileInfo info(file);
    const QString folder = info.absolutePath();
    const bool shipped =
        !library.isEmpty() &&
        QDir::cleanPath(folder) == QDir::cleanPath(QFileInfo(library).absoluteFilePath());
    if (!file.isEmpty() && !shipped && QFileInfo(folder).isWritable()) return folder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir()) return documents;
    return QDir::homePath();
}

QString PathTools::fileName(const QString& path) {
    return QFileInfo(path).fileName();
}

QString PathTools::baseName(const QString& path) {
    return QFileInfo(path).completeBaseName();
}

} // namespace uintr::lab
