// uintr-sim's exit codes and error lines, the headless contract of cli.md: 0 ok, 1 an expectation
// failed (check), 2 bad input or usage with exactly one line on stderr (for a file:
// FILE:LINE:COLUMN: JSON-PATH: message, scenario-format.md "Errors"), never a signal. Runs the
// built binary (UINTR_SIM, from $<TARGET_FILE:uintr-sim>) on the shipped scenarios and on broken
// copies of seed-race.json written to a temporary directory.
#include "RunSim.h"

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

QString scenarioPath(const QString& name) {
    return QStringLiteral(UINTR_SOURCE_DIR "/scenarios/") + name;
}

QByteArray seedText() {
    QFile f(scenarioPath(QStringLiteral("seed-race.json")));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

// The seed with one textual replacement (which must apply).
QByteArray seedWith(const QByteArray& from, const QByteArray& to) {
    QByteArray t = seedText();
    if (!t.contains(from)) return {};
    return t.replace(from, to);
}

int lineOf(const QByteArray& text, const QByteArray& needle) {
    const auto at = text.indexOf(needle);
    return at < 0 ? -1 : int(text.left(at).count('\n')) + 1;
}

const QRegularExpression kFileError(QStringLiteral("^[^:]+:[0-9]+:[0-9]+: /[^:]*: .+$"));

enum class Err { None, File, Usage };

} // namespace

Q_DECLARE_METATYPE(Err)

class TestCli : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void shippedScenarios_data();
    void shippedScenarios();
    void exitCodes_data();
    void exitCodes();
    void exploreWindows();
    void errorNamesThePlace_data();
    void errorNamesThePlace();
    void runJsonIsTheContract();

  private:
    QTemporaryDir dir_;
    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) f.write(text);
        return path;
    }
};

void TestCli::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(!dir_.path().contains(':'));
    QVERIFY(QFile::exists(QStringLiteral(UINTR_SIM)));
    QVERIFY(!seedText().isEmpty());
}

// Every shipped scenario loads, runs (text and JSON) and meets its own expect block.
void TestCli::shippedScenarios_data() {
    QTest::addColumn<QStringList>("args");
    const QStringList files =
        QDir(QStringLiteral(UINTR_SOURCE_DIR "/scenarios")).entryList({"*.json"}, QDir::Files);
    QVERIFY(files.size() >= 12);
    for (const QString& f : files) {
        const QString p = QStringLiteral("scenarios/") + f;
        QTest::addRow("check %s", qPrintable(f)) << QStringList{"check", p};
        QTest::addRow("validate %s", qPrintable(f)) << QStringList{"validate", p};
        QTest::addRow("run %s", qPrintable(f)) << QStringList{"run", p};
        QTest::addRow("run --json %s", qPrintable(f)) << QStringList{"run", p, "--json"};
    }
}

void TestCli::shippedScenarios() {
    QFETCH(QStringList, args);
    const auto o = runSim(args);
    QVERIFY(!o.crashed);
    QVERIFY2(o.code == 0, o.out + o.err);
    QVERIFY2(o.err.isEmpty(), o.err);
    if (args[0] == "check")
        QVERIFY(o.out.trimmed().endsWith("failed)") && o.out.contains(": ok ("));
    if (args.contains("--json")) {
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(o.out, &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("format").toString(), QStringLiteral("uintr-trace/1"));
    }
}

// cli.md "Exit codes". File rows are written to the temporary directory first.
void TestCli::exitCodes_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("file"); // written as FILE with `text`, then passed as SCENARIO
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<Err>("err");

    const QString seed = QStringLiteral("scenarios/seed-race.json");
    const QByteArray none;
    auto row = [](const char* name, QStringList args, QString file, QByteArray text, int code,
                  Err err) { QTest::newRow(name) << args << file << text << code << err; };

    // 0
    row("run ok", {"run", seed}, "", none, 0, Err::None);
    row("--help", {"--help"}, "", none, 0, Err::None);
    row("--version", {"--version"}, "", none, 0, Err::None);
    row("run --set moves an entry", {"run", seed, "--set", "switch-out.at=1200"}, "", none, 0,
        Err::None);
    // Switch-out at 1200 is still before the arrival at 1300: the same race, the same checks.
    row("check --set within the race window", {"check", seed, "--set", "switch-out.at=1200"}, "",
        none, 0, Err::None);
    row("check without an expect block", {"check"}, "noexpect.json",
        seedText().left(seedText().indexOf(",\n  \"expect\"")) + "\n}\n", 0, Err::None);
    // 1
    row("check: a failing expectation", {"check"}, "failing.json",
        seedWith("\"ipis_sent\": 1", "\"ipis_sent\": 2"), 1, Err::None);
    // Switch-out at 1400: after the arrival at 1300, no race: the seed's expectations fail.
    row("check --set past the race window", {"check", seed, "--set", "switch-out.at=1400"}, "",
        none, 1, Err::None);
    row("check: wrong delivery time", {"check"}, "late.json",
        seedWith("\"vector\": 3, \"cpu\": 0, \"t\": 3000",
                 "\"vector\": 3, \"cpu\": 0, \"t\": 3001"),
        1, Err::None);
    // 2: files
    row("run: missing file", {"run", "no-such-dir/missing.json"}, "", none, 2, Err::File);
    row("check: missing file", {"check", "missing.json"}, "", none, 2, Err::File);
    row("validate: missing file", {"validate", "missing.json"}, "", none, 2, Err::File);
    row("run: a directory", {"run", "scenarios"}, "", none, 2, Err::File);
    row("broken JSON", {"run"}, "broken.json", seedText().left(300), 2, Err::File);
    row("trailing comma", {"validate"}, "comma.json",
        seedWith("\"kernel_vector\": 235 }", "\"kernel_vector\": 235, }"), 2, Err::File);
    row("empty file", {"run"}, "empty.json", QByteArray(""), 2, Err::File);
    row("vector 64", {"run"}, "vector64.json", seedWith("\"vector\": 3,", "\"vector\": 64,"), 2,
        Err::File);
    row("vector 64, check", {"check"}, "vector64c.json",
        seedWith("\"vector\": 3,", "\"vector\": 64,"), 2, Err::File);
    row("unknown task", {"run"}, "task.json",
        seedWith("\"task\": \"sender\", \"op\"", "\"task\": \"nobody\", \"op\""), 2, Err::File);
    row("unknown op", {"run"}, "op.json", seedWith("\"op\": \"senduipi\"", "\"op\": \"sendipi\""),
        2, Err::File);
    row("unknown key", {"validate"}, "key.json",
        seedWith("\"handler_ns\": 200", "\"handler_nsec\": 200"), 2, Err::File);
    row("unknown expect key", {"check"}, "expect.json",
        seedWith("\"ipis_sent\": 1", "\"ipi_sent\": 1"), 2, Err::File);
    row("task on two CPUs", {"validate"}, "twice.json",
        seedWith("\"cpu\": 0, \"run\": \"other\"", "\"cpu\": 0, \"run\": \"sender\""), 2,
        Err::File);
    row("format", {"run"}, "format.json", seedWith("uintr-scenario/1", "uintr-scenario/2"), 2,
        Err::File);
    row("bad --set value", {"run", seed, "--set", "switch-out.at=abc"}, "", none, 2, Err::File);
    row("bad --set id", {"run", seed, "--set", "nosuch.at=5"}, "", none, 2, Err::File);
    row("bad --set field", {"check", seed, "--set", "switch-out.cpu=1"}, "", none, 2, Err::File);
    row("bad --set form", {"run", seed, "--set", "switch-out=5"}, "", none, 2, Err::File);
    row("bad --set negative", {"run", seed, "--set", "switch-in.at=-1"}, "", none, 2, Err::File);
    // The sender leaves CPU 1 at 4000 and runs on CPU 0 at 5000; moving its leave to 6000 would
    // put it on two CPUs at 5000: a load error after --set.
    const QByteArray moved =
        seedWith("{ \"id\": \"switch-in\", \"at\": 3000, \"cpu\": 0, \"run\": \"receiver\" }",
                 "{ \"id\": \"switch-in\", \"at\": 3000, \"cpu\": 0, \"run\": \"receiver\" },\n"
                 "    { \"id\": \"tx-off\", \"at\": 4000, \"cpu\": 1, \"run\": null },\n"
                 "    { \"id\": \"tx-cpu0\", \"at\": 5000, \"cpu\": 0, \"run\": \"sender\" }")
            // the run now ends with the sender's move, not at the handler's UIRET
            .replace("\"stopped\": { \"t\": 3200, \"reason\": \"idle\" }",
                     "\"stopped\": { \"t\": 5000, \"reason\": \"idle\" }");
    row("a valid migration of the sender", {"check"}, "move.json", moved, 0, Err::None);
    row("--set puts a task on two CPUs", {"run", "--set", "tx-off.at=6000"}, "move2.json", moved, 2,
        Err::File);
    // 2: usage
    row("unknown command", {"frobnicate", seed}, "", none, 2, Err::Usage);
    row("missing command", {}, "", none, 2, Err::Usage);
    row("run: missing SCENARIO", {"run"}, "", none, 2, Err::Usage);
    row("check: missing SCENARIO", {"check"}, "", none, 2, Err::Usage);
    row("validate: missing SCENARIO", {"validate"}, "", none, 2, Err::Usage);
    row("unknown option", {"run", seed, "--bogus"}, "", none, 2, Err::Usage);
    row("--json with check", {"check", seed, "--json"}, "", none, 2, Err::Usage);
    row("--set with validate", {"validate", seed, "--set", "send.at=5"}, "", none, 2, Err::Usage);
    row("two scenarios", {"run", seed, seed}, "", none, 2, Err::Usage);
    row("--set without a value", {"run", seed, "--set"}, "", none, 2, Err::Usage);
    // explore (cli.md): --vary is required and only for explore; an unknown id is bad input.
    row("explore ok", {"explore", seed, "--vary", "switch-out"}, "", none, 0, Err::None);
    row("explore --json ok", {"explore", seed, "--vary", "send", "--json"}, "", none, 0, Err::None);
    row("explore without --vary", {"explore", seed}, "", none, 2, Err::Usage);
    row("explore: unknown id", {"explore", seed, "--vary", "nosuch"}, "", none, 2, Err::Usage);
    row("explore: --to before --from",
        {"explore", seed, "--vary", "send", "--from", "9", "--to", "3"}, "", none, 2, Err::Usage);
    row("explore: bad --from", {"explore", seed, "--vary", "send", "--from", "x"}, "", none, 2,
        Err::Usage);
    row("--vary with run", {"run", seed, "--vary", "send"}, "", none, 2, Err::Usage);
    row("--from with run", {"run", seed, "--from", "5"}, "", none, 2, Err::Usage);
}

// cli.md `explore --json`: sweeping the seed race's switch-out over its span gives the race
// window of the contract's example — switched out in [1000, 1299] ns, the IPI of 1000 ns (300 ns
// of latency) arrives after the switch: one spurious, one delivered; outside it, none spurious.
void TestCli::exploreWindows() {
    const auto o =
        runSim({"explore", "scenarios/seed-race.json", "--vary", "switch-out", "--json"});
    QCOMPARE(o.code, 0);
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(o.out, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value("vary").toString(), QStringLiteral("switch-out"));
    const auto windows = doc.object().value("windows").toArray();
    QCOMPARE(windows.size(), 3);
    const int expected[3][4] = {{0, 999, 0, 1}, {1000, 1299, 1, 1}, {1300, 3000, 0, 1}};
    for (int i = 0; i < 3; ++i) {
        const auto w = windows[i].toObject();
        QCOMPARE(w.value("from").toInt(), expected[i][0]);
        QCOMPARE(w.value("to").toInt(), expected[i][1]);
        QCOMPARE(w.value("spurious").toInt(), expected[i][2]);
        QCOMPARE(w.value("delivered").toInt(), expected[i][3]);
    }
}

void TestCli::exitCodes() {
    QFETCH(QStringList, args);
    QFETCH(QString, file);
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(Err, err);
    if (!file.isEmpty()) {
        QVERIFY2(!text.isNull(), "the row's replacement did not apply to seed-race.json");
        args.insert(1, write(file, text));
    }
    const auto o = runSim(args);
    QVERIFY2(!o.crashed, "uintr-sim ended by a signal");
    QVERIFY2(o.code == code, o.out.right(400) + o.err);
    switch (err) {
    case Err::None:
        QVERIFY2(o.err.isEmpty(), o.err);
        break;
    case Err::File:
    case Err::Usage: {
        QVERIFY2(o.err.endsWith('\n') && o.err.count('\n') == 1, o.err);
        QVERIFY2(o.out.isEmpty(), o.out);
        const QString line = QString::fromUtf8(o.err).trimmed();
        if (err == Err::File)
            QVERIFY2(kFileError.match(line).hasMatch(), qPrintable(line));
        else
            QVERIFY2(line.startsWith("uintr-sim: "), qPrintable(line));
        break;
    }
    }
    if (code == 1) QVERIFY(o.out.contains("FAILED"));
}

// The one line names the file, the line of the offending value and its JSON path.
void TestCli::errorNamesThePlace_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("marker"); // the text on the offending line
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message"); // a part of the message

    QTest::newRow("vector 64") << seedWith("\"vector\": 3,", "\"vector\": 64,") << QByteArray("64,")
                               << "/connections/0/vector"
                               << "64 is out of range 0..63";
    QTest::newRow("unknown task") << seedWith("\"task\": \"sender\", \"op\"",
                                              "\"task\": \"nobody\", \"op\"")
                                  << QByteArray("nobody") << "/timeline/2/task"
                                  << "nobody";
    QTest::newRow("unknown op") << seedWith("\"op\": \"senduipi\"", "\"op\": \"sendipi\"")
                                << QByteArray("sendipi") << "/timeline/2/op"
                                << "sendipi";
    QTest::newRow("notification_vector 31")
        << seedWith("\"notification_vector\": 236", "\"notification_vector\": 31")
        << QByteArray("\"notification_vector\": 31") << "/machine/notification_vector"
        << "31";
    QTest::newRow("negative time")
        << seedWith("\"at\": 1000,", "\"at\": -1000,") << QByteArray("-1000") << "/timeline/2/at"
        << "-1000";
}

void TestCli::errorNamesThePlace() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, marker);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QVERIFY(!text.isNull());
    const QString file = write(QStringLiteral("place.json"), text);
    const auto o = runSim({"validate", file});
    QCOMPARE(o.code, 2);
    const QString line = QString::fromUtf8(o.err).trimmed();
    const QString prefix = file + ":" + QString::number(lineOf(text, marker)) + ":";
    QVERIFY2(line.startsWith(prefix), qPrintable(line + " / expected " + prefix));
    QVERIFY2(line.contains(": " + path + ": "), qPrintable(line));
    QVERIFY2(line.contains(message), qPrintable(line));
}

// cli.md "run --json": the summary of the seed race as the reference tells it (§6).
void TestCli::runJsonIsTheContract() {
    const auto o = runSim({"run", "scenarios/seed-race.json", "--json"});
    QCOMPARE(o.code, 0);
    const auto root = QJsonDocument::fromJson(o.out).object();
    const auto summary = root.value("summary").toObject();
    QCOMPARE(summary.value("ipis_sent").toInt(), 1);
    const auto uis = summary.value("proc_interrupts").toObject().value("UIS").toArray();
    QCOMPARE(uis.size(), 2);
    QCOMPARE(uis[0].toInt(), 1);
    QCOMPARE(uis[1].toInt(), 0);
    const auto delivered = summary.value("user_interrupts").toArray();
    QCOMPARE(delivered.size(), 1);
    // cli.md's example: delivered at the switch-in (the self-IPI is taken at once)
    QCOMPARE(delivered[0].toObject().value("t").toInteger(), 3000);
    QCOMPARE(delivered[0].toObject().value("task").toString(), QStringLiteral("receiver"));
    const auto events = root.value("events").toArray();
    QVERIFY(!events.isEmpty());
    qint64 last = 0;
    for (const auto& e : events) {
        const auto t = e.toObject().value("t").toInteger();
        QVERIFY(t >= last);
        last = t;
    }
    // The UIS line without the feature: rfc-v1 prints it anyway (the reviewer's complaint),
    // reviewed does not (scenario-format.md "Kernel variants", cli.md summary.proc_interrupts).
    const auto uisOf = [](const QByteArray& out) {
        return QJsonDocument::fromJson(out)
            .object()
            .value("summary")
            .toObject()
            .value("proc_interrupts")
            .toObject();
    };
    const auto off = runSim({"run", "scenarios/no-uintr-feature.json", "--json"});
    QCOMPARE(off.code, 0);
    QCOMPARE(uisOf(off.out).value("UIS").toArray().size(), 2);
    const auto offReviewed = runSim({"run", "scenarios/no-uintr-feature-reviewed.json", "--json"});
    QCOMPARE(offReviewed.code, 0);
    QVERIFY(uisOf(offReviewed.out).isEmpty());
}

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
