// A crash or a kill must not lose the lesson being edited: while the document has unsaved edits,
// its canonical text is written, debounced (kDelayMs after the last change), to one recovery
// file under QStandardPaths::AppDataLocation, atomically (QSaveFile with a checked commit). A
// save, a clean undo stack or a normal exit removes it. At the next start a recovery file left
// behind is offered (RecoveryDialog.qml); until the user answers, nothing touches it.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <optional>
#include <string>

namespace uintr::lab {

class Autosave : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController.document.autosave")
    Q_PROPERTY(bool recoveryAvailable READ recoveryAvailable NOTIFY recoveryChanged)
    Q_PROPERTY(QString recoveryFile READ recoveryFile NOTIFY recoveryChanged)
    Q_PROPERTY(QDateTime recoverySaved READ recoverySaved NOTIFY recoveryChanged)
  public:
    static constexpr int kDelayMs = 2000;

    // What is to be kept: the document's text, the file it came from, and whether it has edits.
    struct Snapshot {
        bool dirty = false;
        std::string text;
        QString file;
    };
    struct Recovered {
        std::string text;
        QString file; // where the edits belong ("" for an untitled document)
    };

    // `directory` "": QStandardPaths::AppDataLocation. A recovery file found there is pending.
    explicit Autosave(std::function<Snapshot()> source, const QString& directory = {},
                      QObject* parent = nullptr);
    ~Autosave() override; // a normal exit: the user has decided about the edits

    QString path() const { return path_; }
    bool recoveryAvailable() const { return pending_.has_value(); }
    QString recoveryFile() const { return pending_ ? pending_->file : QString(); }
    QDateTime recoverySaved() const { return pendingSaved_; }

    void changed();  // the document changed: write (or remove) after kDelayMs of quiet
    bool writeNow(); // what changed() does, at once (tests; before a risky operation)
    std::optional<Recovered> takeRecovery(); // the pending recovery, now the user's
    void discardRecovery();                  // the user declined it: removed

  Q_SIGNALS:
    void recoveryChanged();
    void failed(const QString& message); // a recovery file that cannot be written: why

  private:
    std::function<Snapshot()> source_;
    QString path_;
    QTimer timer_;
    std::optional<Recovered> pending_;
    QDateTime pendingSaved_;
};

} // namespace uintr::lab
