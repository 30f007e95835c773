// Crash recovery (Autosave.h, issue 13): unsaved edits reach a recovery file, written atomically;
// a later session finds it and offers it; recovering gives back the edited document, unsaved,
// under its file's name; a save, a clean document or a normal exit removes it, and nothing
// touches it while the user has not answered. A "crash" here is a controller that is never
// destroyed normally: its recovery file is copied aside before the destructor runs.
#include "Autosave.h"
#include "LabController.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using uintr::lab::Autosave;
using uintr::lab::LabController;

namespace {
const QString kSeed = QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAutosave : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void writesOnlyUnsavedEdits() {
        QTemporaryDir dir;
        Autosave::Snapshot now{true, "{ \"edited\": 1 }", "/lessons/race.json"};
        {
            Autosave a([&] { return now; }, dir.path());
            QVERIFY(!a.recoveryAvailable());
            QVERIFY(a.writeNow());
            QVERIFY(readAll(a.path()).contains("\"file\": \"/lessons/race.json\""));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                     QStringList{"recovery.json"}); // QSaveFile left no temporary behind
            now.dirty = false;                      // saved: the recovery file goes
            QVERIFY(a.writeNow());
            QVERIFY(!QFile::exists(a.path()));
            now.dirty = true;
            QVERIFY(a.writeNow());
            QVERIFY(QFile::copy(a.path(), dir.filePath("crash.json"))); // what a kill leaves
        }
        QVERIFY(!QFile::exists(dir.filePath("recovery.json"))); // a normal exit removes it

        QVERIFY(QFile::rename(dir.filePath("crash.json"), dir.filePath("recovery.json")));
        Autosave next([] { return Autosave::Snapshot{}; }, dir.path());
        QVERIFY(next.recoveryAvailable());
        QCOMPARE(next.recoveryFile(), QStringLiteral("/lessons/race.json"));
        QVERIFY(!next.writeNow()); // not answered yet: the clean new session keeps it
        QVERIFY(QFile::exists(next.path()));
        next.discardRecovery();
        QVERIFY(!next.recoveryAvailable());
        QVERIFY(!QFile::exists(next.path()));
    }

    void controllerRecoversTheEditedLesson() {
        QTemporaryDir dir;
        auto crashed = std::make_unique<LabController>();
        crashed->document()->enableAutosave(dir.path());
        QVERIFY(crashed->document()->openFile(kSeed));
        QVERIFY(
            crashed->document()->moveEntry(crashed->document()->entryIndex("switch-out"), 1250));
        QVERIFY(crashed->document()->setVariant("no-sn"));
        QVERIFY(crashed->document()->autosave()->writeNow());
        const QString recovery = crashed->document()->autosave()->path();
        QVERIFY(QFile::copy(recovery, dir.filePath("left-behind")));
        crashed.reset();
        QVERIFY(QFile::rename(dir.filePath("left-behind"), recovery));

        LabController lab;
        lab.document()->enableAutosave(dir.path());
        QVERIFY(lab.document()->openFile(kSeed)); // the app opens its default first: the file stays
        QVERIFY(lab.document()->autosave()->recoveryAvailable());
        QVERIFY(lab.document()->recoverUnsaved());
        QVERIFY(!lab.document()->autosave()->recoveryAvailable());
        QCOMPARE(lab.document()->entryTime(lab.document()->entryIndex("switch-out")), 1250);
        QCOMPARE(lab.document()->variant(), QStringLiteral("no-sn"));
        QVERIFY(lab.document()->dirty()); // recovered, not saved
        QVERIFY(lab.document()->filePath().endsWith("seed-race.json"));
        QVERIFY(QFile::exists(recovery)); // kept again until saved

        const QString saved = dir.filePath("saved.json");
        QVERIFY(lab.document()->saveAs(saved));
        QVERIFY(!lab.document()->dirty());
        QVERIFY(!QFile::exists(recovery));
    }
};

QTEST_GUILESS_MAIN(TestAutosave)
#include "tst_autosave.moc"
