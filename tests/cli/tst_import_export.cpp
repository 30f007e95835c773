// uintr-sim import-ftrace and export-perfetto, run as a user runs them (the built binary):
// a real capture of this machine's scheduler (tests/data/ftrace, recorded through tracefs with
// and without the irq-info columns) imported into a scenario that loads, runs and renders; the
// summary line with spurious notifications per second of trace; one-line errors for a malformed
// line (TRACE:LINE:COLUMN), a bad option (uintr-sim: OPTION:) and an output that cannot be
// written (OUT:), leaving an existing file as it was; the Perfetto export of the imported run.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome {
    int code = -1;
    bool crashed = true;
    QByteArray out, err;
};

Outcome runSim(const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(UINTR_SOURCE_DIR));
    p.start(QStringLiteral(UINTR_SIM), args);
    Outcome o;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) return o;
    o.crashed = p.exitStatus() != QProcess::NormalExit;
    o.code = p.exitCode();
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

const QString kCapture = QStringLiteral("tests/data/ftrace/capture-2cpu-irqinfo.txt");

} // namespace

class TestImportExport : public QObject {
    Q_OBJECT
  private slots:
    void importRealCapture_data();
    void importRealCapture();
    void importErrors_data();
    void importErrors();
    void failedWriteKeepsTheOldFile();
    void exportPerfetto();

  private:
    QTemporaryDir dir_;
};

void TestImportExport::importRealCapture_data() {
    QTest::addColumn<QString>("trace");
    QTest::newRow("kernel trace, irq-info") << kCapture;
    QTest::newRow("kernel trace, no irq-info")
        << QStringLiteral("tests/data/ftrace/capture-2cpu-noirq.txt");
}

void TestImportExport::importRealCapture() {
    QFETCH(QString, trace);
    const QString out = dir_.filePath(QStringLiteral("imported.json"));
    const auto r = runSim({"import-ftrace", trace, "-o", out, "--receiver", "19188", "--sender",
                           "19189", "--send-every", "1000"});
    QVERIFY(!r.crashed);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("670 sched_switch events on 2 CPUs"), r.out.constData());
    QVERIFY2(QRegularExpression(QStringLiteral("simulated: \\d+ spurious notifications \\([0-9.]+ "
                                               "per second of trace\\)"))
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
             r.out.constData());
    const auto valid = runSim({"validate", out});
    QCOMPARE(valid.code, 0);
    const QString svg = dir_.filePath(QStringLiteral("imported.svg"));
    QCOMPARE(runSim({"render", out, "-o", svg}).code, 0);
    QVERIFY(QFile(svg).size() > 1000);
}

void TestImportExport::importErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error"); // a regular expression for the one line on stderr
    QTest::newRow("unknown receiver")
        << QStringList{kCapture, "--receiver", "nosuchtask"}
        << "^uintr-sim: --receiver: no task named 'nosuchtask' in the trace$";
    QTest::newRow("ambiguous comm") << QStringList{kCapture, "--receiver", "cc1plus"}
                                    << "^uintr-sim: --receiver: 'cc1plus' names \\d+ tasks .*$";
    QTest::newRow("bad period") << QStringList{kCapture, "--receiver",   "15", "--sender",
                                               "19188",  "--send-every", "0"}
                                << "^uintr-sim: --send-every: takes a period in ns > 0$";
    QTest::newRow("missing trace") << QStringList{"tests/data/ftrace/none.txt"}
                                   << "^tests/data/ftrace/none.txt: cannot open the trace$";
    QTest::newRow("options of another command")
        << QStringList{kCapture, "--set", "a.at=1"}
        << "^uintr-sim: --set: is for run, check, render and explore, not "
           "import-ftrace$"; // cli.md's OPTION form
}

void TestImportExport::importErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const auto r = runSim(QStringList{"import-ftrace"} + args +
                          QStringList{"-o", dir_.filePath(QStringLiteral("x.json"))});
    QVERIFY(!r.crashed);
    QCOMPARE(r.code, 2);
    const QString line = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!line.contains('\n'), qPrintable(line));
    QVERIFY2(QRegularExpression(error).match(line).hasMatch(), qPrintable(line));
}

// A malformed sched_switch line names its line and column; an output that cannot be completed
// leaves the file that was there.
void TestImportExport::failedWriteKeepsTheOldFile() {
    QFile capture(QStringLiteral(UINTR_SOURCE_DIR "/") + kCapture);
    QVERIFY(capture.open(QIODevice::ReadOnly));
    QByteArray text = capture.readAll();
    const auto at = text.indexOf("prev_prio=120 prev_state=S", text.indexOf("sched_switch: "));
    QVERIFY(at > 0);
    text.replace(at, 26, "prev_prio=120 prev_state=?");
    const QString broken = dir_.filePath(QStringLiteral("broken.txt"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(text);
    b.close();
    const QString out = dir_.filePath(QStringLiteral("keep.json"));
    QFile old(out);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    const auto r = runSim({"import-ftrace", broken, "-o", out});
    QCOMPARE(r.code, 2);
    const int line = static_cast<int>(text.left(at).count('\n')) + 1;
    QVERIFY2(r.err.startsWith((broken + QStringLiteral(":%1:").arg(line)).toUtf8()),
             r.err.constData());
    QVERIFY(r.err.trimmed().endsWith("sched_switch: prev_state '?' is not a task state"));
    QFile kept(out);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("old"));

    // A directory cannot be replaced: OUT: message, exit 2.
    const auto d = runSim({"import-ftrace", kCapture, "-o", dir_.path()});
    QCOMPARE(d.code, 2);
    QVERIFY2(d.err.startsWith(dir_.path().toUtf8() + ": cannot write"), d.err.constData());
}

void TestImportExport::exportPerfetto() {
    const QString scenario = dir_.filePath(QStringLiteral("for-perfetto.json"));
    QCOMPARE(runSim({"import-ftrace", kCapture, "-o", scenario, "--receiver", "19188", "--sender",
                     "19189", "--send-every", "1000"})
                 .code,
             0);
    const QString out = dir_.filePath(QStringLiteral("trace.json"));
    const auto r = runSim({"export-perfetto", scenario, "-o", out});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.code, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto doc = QJsonDocument::fromJson(f.readAll());
    const auto events = doc.object().value(QStringLiteral("traceEvents")).toArray();
    QVERIFY(events.size() > 100);
    int starts = 0, finishes = 0, slices = 0;
    for (const auto& v : events) {
        const auto ph = v.toObject().value(QStringLiteral("ph")).toString();
        starts += ph == QLatin1String("s");
        finishes += ph == QLatin1String("f");
        slices += ph == QLatin1String("X");
    }
    QVERIFY(slices > 600);
    QVERIFY(starts > 0);
    QCOMPARE(starts, finishes);
    // Usage errors.
    QCOMPARE(runSim({"export-perfetto", "scenarios/seed-race.json"}).code, 2);
    QCOMPARE(
        runSim({"export-perfetto", "scenarios/seed-race.json", "-o", out, "--scale", "2"}).code, 2);
}

QTEST_GUILESS_MAIN(TestImportExport)
#include "tst_import_export.moc"
