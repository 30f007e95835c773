#include "Autosave.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace uintr::lab {

namespace {
// The recovery file is one JSON object, so that its parts are written in one atomic rename:
// { "format": "uintr-lab-recovery/1", "file": ORIGINAL PATH, "scenario": SCENARIO TEXT }.
constexpr auto kFormat = "uintr-lab-recovery/1";
} // namespace

Autosave::Autosave(std::function<Snapshot()> source, const QString& directory, QObject* parent)
    : QObject(parent), source_(std::move(source)) {
    const QString dir = directory.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            : directory;
    path_ = QDir(dir).filePath(QStringLiteral("recovery.json"));
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, &Autosave::writeNow);

    QFile f(path_);
    if (!f.open(QIODevice::ReadOnly)) return;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) return;
    pending_ = Recovered{o.value(QStringLiteral("scenario")).toString().toStdString(),
                         o.value(QStringLiteral("file")).toString()};
    pendingSaved_ = QFileInfo(path_).lastModified();
}

Autosave::~Autosave() {
    if (!pending_) QFile::remove(path_);
}

void Autosave::changed() {
    if (!pending_) timer_.start(); // restarted by every change: written once edits pause
}

bool Autosave::writeNow() {
    timer_.stop();
    if (pending_) return false; // the user has not answered: keep the file as the crash left it
    const Snapshot s = source_();
    if (!s.dirty) {
        QFile::remove(path_);
        return true;
    }
    QDir().mkpath(QFileInfo(path_).absolutePath());
    const QJsonObject o{{QStringLiteral("format"), QLatin1String(kFormat)},
                        {QStringLiteral("file"), s.file},
                        {QStringLiteral("scenario"), QString::fromStdString(s.text)}};
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Q_EMIT failed(QStringLiteral("%1: %2").arg(path_, file.errorString()));
        return false;
    }
    return true;
}

std::optional<Autosave::Recovered> Autosave::takeRecovery() {
    auto taken = std::move(pending_);
    pending_.reset();
    Q_EMIT recoveryChanged();
    return taken; // the file stays until the recovered edits are saved or autosaved again
}

void Autosave::discardRecovery() {
    pending_.reset();
    QFile::remove(path_);
    Q_EMIT recoveryChanged();
}

} // namespace uintr::lab
