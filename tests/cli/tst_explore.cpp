// `uintr-sim explore` beyond cli.md's first form (docs/explore.md): two --vary axes, machine
// parameters, --json race maps, -o OUT.svg|OUT.png, --find with a witness scenario the loader
// accepts, the "no witness" exit code 1, and one line `uintr-sim: OPTION: message` (exit 2) for
// every bad option. Runs the built binary.
#include "RunSim.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSeed = QStringLiteral("scenarios/seed-race.json");

QJsonObject jsonOf(const Outcome& o) {
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(o.out, &e);
    if (e.error != QJsonParseError::NoError) qWarning("%s", o.out.left(300).constData());
    return doc.object();
}
} // namespace

class TestExplore : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }
    void badOptions_data();
    void badOptions();
    void windowsCarryTheClass();
    void twoDimensionalJson();
    void threadsDoNotChangeTheMap();
    void findPrintsAWitnessScenario();
    void findWritesTheWitnessWithO();
    void findJson();
    void noWitnessExitsOne();
    void lostWakeUpOnlyOnV1();
    void mapFiles_data();
    void mapFiles();

  private:
    QTemporaryDir dir_;
};

void TestExplore::badOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option"); // the OPTION the one line names
    auto row = [](const char* name, QStringList args, const char* option) {
        QTest::newRow(name) << (QStringList{"explore", kSeed} + args) << QString(option);
    };
    row("unknown id", {"--vary", "nosuch"}, "--vary");
    row("unknown parameter", {"--vary", "machine.nope=1..2"}, "--vary");
    row("parameter without a range", {"--vary", "machine.ipi_latency_ns"}, "--vary");
    row("range without dots", {"--vary", "send=5"}, "--vary");
    row("empty range", {"--vary", "send=9..3"}, "--vary");
    row("zero step", {"--vary", "send=0..9:0"}, "--vary");
    row("latency out of range", {"--vary", "machine.ipi_latency_ns=0..2000000000"}, "--vary");
    row("three axes", {"--vary", "send", "--vary", "switch-out", "--vary", "switch-in"}, "--vary");
    row("the same axis twice", {"--vary", "send", "--vary", "send.at=0..10"}, "--vary");
    row("too many points", {"--vary", "send=0..100000", "--vary", "switch-out=0..100000"},
        "--vary");
    row("--from with a range", {"--vary", "send=0..10", "--from", "3"}, "--from");
    row("--from with two axes", {"--vary", "send", "--vary", "switch-out", "--from", "3"},
        "--from");
    row("unknown --find", {"--vary", "send", "--find", "doom"}, "--find");
    row("--find invalid", {"--vary", "send", "--find", "invalid"}, "--find");
    row("--find with --scale", {"--vary", "send", "--find", "lost", "--scale", "2"}, "--find");
    row("-o with another extension", {"--vary", "send", "-o", "map.pdf"}, "-o");
    row("--scale without -o", {"--vary", "send", "--scale", "2"}, "--scale");
    row("--scale out of range", {"--vary", "send", "-o", "m.png", "--scale", "9"}, "--scale");
    row("--threads 0", {"--vary", "send", "--threads", "0"}, "--threads");
    row("--threads x", {"--vary", "send", "--threads", "x"}, "--threads");
}

void TestExplore::badOptions() {
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const auto o = runSim(args);
    QVERIFY(!o.crashed);
    QCOMPARE(o.code, 2);
    QVERIFY(o.out.isEmpty());
    QVERIFY2(o.err.endsWith('\n') && o.err.count('\n') == 1, o.err);
    QVERIFY2(o.err.startsWith(("uintr-sim: " + option + ": ").toUtf8()), o.err);
}

// cli.md's windows keep their keys; the class, the delays and the label are added.
void TestExplore::windowsCarryTheClass() {
    const auto o = runSim({"explore", kSeed, "--vary", "switch-out", "--json"});
    QCOMPARE(o.code, 0);
    const auto windows = jsonOf(o).value("windows").toArray();
    QCOMPARE(windows.size(), 3);
    const auto race = windows[1].toObject();
    QCOMPARE(race.value("from").toInt(), 1000);
    QCOMPARE(race.value("to").toInt(), 1299);
    QCOMPARE(race.value("outcome").toString(), QStringLiteral("spurious"));
    QCOMPARE(race.value("label").toString(), QStringLiteral("spurious from 1000 to 1299 ns"));
    QCOMPARE(race.value("delay_ns").toObject().value("max").toInt(), 2000);
    QCOMPARE(windows[0].toObject().value("outcome").toString(), QStringLiteral("late"));
    QCOMPARE(windows[2].toObject().value("outcome").toString(), QStringLiteral("delivered"));
}

void TestExplore::twoDimensionalJson() {
    const auto o = runSim({"explore", kSeed, "--vary", "switch-out=1000..1400:100", "--vary",
                           "machine.ipi_latency_ns=100..300:100", "--json"});
    QCOMPARE(o.code, 0);
    const auto j = jsonOf(o);
    QCOMPARE(j.value("runs").toInt(), 15);
    const auto axes = j.value("axes").toArray();
    QCOMPARE(axes.size(), 2);
    QCOMPARE(axes[1].toObject().value("key").toString(), QStringLiteral("machine.ipi_latency_ns"));
    QCOMPARE(axes[1].toObject().value("scenario").toInt(), 300);
    const auto classes = j.value("classes").toArray();
    const auto rows = j.value("rows").toArray();
    QCOMPARE(rows.size(), 5);
    // Spurious exactly when the switch-out is inside [1000, 1000 + latency).
    for (int i = 0; i < 5; ++i)
        for (int k = 0; k < 3; ++k) {
            const QString cls = classes[rows[i].toArray()[k].toInt()].toString();
            QCOMPARE(cls == "spurious", 1000 + 100 * i < 1000 + 100 * (k + 1));
        }
}

void TestExplore::threadsDoNotChangeTheMap() {
    const QStringList args{
        "explore",           kSeed,   "--vary", "switch-out=900..1400:25", "--vary",
        "send=800..1200:25", "--json"};
    const auto one = runSim(args + QStringList{"--threads", "1"});
    const auto two = runSim(args + QStringList{"--threads", "2"});
    QCOMPARE(one.code, 0);
    QCOMPARE(one.out, two.out);
}

void TestExplore::findPrintsAWitnessScenario() {
    const auto o = runSim({"explore", kSeed, "--vary", "send", "--find", "spurious"});
    QCOMPARE(o.code, 0);
    QVERIFY(o.err.isEmpty());
    QVERIFY(o.out.contains("\"id\": \"send\", \"at\": 801,"));
    QVERIFY(o.out.contains("send.at = 801 ns"));
    // The app and the CLI open it: it is a valid scenario with the race in it.
    const QString path = dir_.filePath("witness.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(o.out);
    f.close();
    const auto run = runSim({"run", path, "--json"});
    QCOMPARE(run.code, 0);
    QCOMPARE(jsonOf(run).value("summary").toObject().value("spurious").toArray().size(), 1);
}

void TestExplore::findWritesTheWitnessWithO() {
    const QString path = dir_.filePath("w2.json");
    const auto o = runSim({"explore", kSeed, "--vary", "switch-out=1200..1400:50", "--vary", "send",
                           "--find", "spurious", "-o", path});
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.isEmpty());
    const auto v = runSim({"validate", path});
    QCOMPARE(v.code, 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("\"id\": \"switch-out\", \"at\": 1200,"));
    QVERIFY(text.contains("\"id\": \"send\", \"at\": 901,"));
}

void TestExplore::findJson() {
    const auto o =
        runSim({"explore", kSeed, "--vary", "send=0..3000:10", "--find", "spurious", "--json"});
    QCOMPARE(o.code, 0);
    const auto j = jsonOf(o);
    QCOMPARE(j.value("find").toString(), QStringLiteral("spurious"));
    QCOMPARE(j.value("witness").toObject().value("send.at").toInt(), 810);
    QCOMPARE(j.value("outcome").toObject().value("outcome").toString(), QStringLiteral("spurious"));
    QCOMPARE(j.value("scenario").toObject().value("format").toString(),
             QStringLiteral("uintr-scenario/1"));
}

// grep's convention, and cli.md's 1: the search ran, and what it looked for is not there.
void TestExplore::noWitnessExitsOne() {
    const auto o =
        runSim({"explore", kSeed, "--vary", "switch-out=1300..3000", "--find", "spurious"});
    QCOMPARE(o.code, 1);
    QVERIFY(o.err.isEmpty());
    QVERIFY2(o.out.startsWith("no witness: no point of switch-out.at 1300..3000 shows spurious"),
             o.out);
    const auto j = runSim(
        {"explore", kSeed, "--vary", "switch-out=1300..3000:100", "--find", "spurious", "--json"});
    QCOMPARE(j.code, 1);
    QVERIFY(jsonOf(j).value("witness").isNull());
    QCOMPARE(jsonOf(j).value("runs").toInt(), 18);
}

// The acceptance: on rfc-v1 --find never-woken finds the uintr_wait lost wake-up with
// only the send time varying; on reviewed no point of the range shows it.
void TestExplore::lostWakeUpOnlyOnV1() {
    const auto v1 = runSim({"explore", "scenarios/uintr-wait-lost-wakeup.json", "--vary", "send",
                            "--find", "never-woken", "--json"});
    QCOMPARE(v1.code, 0);
    const auto j = jsonOf(v1);
    QVERIFY(j.value("witness").toObject().contains("send.at"));
    QCOMPARE(j.value("outcome").toObject().value("never_woken").toInt(), 1);
    const auto fixed = runSim({"explore", "scenarios/uintr-wait-lost-wakeup-reviewed.json",
                               "--vary", "send", "--find", "never-woken"});
    QCOMPARE(fixed.code, 1);
    QVERIFY2(fixed.out.startsWith("no witness: no point of send.at "), fixed.out);
}

void TestExplore::mapFiles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("vary");
    QTest::newRow("strip svg") << "strip.svg" << QStringList{"--vary", "switch-out"};
    QTest::newRow("map svg") << "map.svg"
                             << QStringList{"--vary", "switch-out=0..2990:10", "--vary",
                                            "send=0..2990:10"};
    QTest::newRow("map png") << "map.png"
                             << QStringList{"--vary", "switch-out=0..2990:30", "--vary",
                                            "send=0..2990:30"};
}

void TestExplore::mapFiles() {
    QFETCH(QString, name);
    QFETCH(QStringList, vary);
    const QString path = dir_.filePath(name);
    const auto o = runSim(QStringList{"explore", kSeed, "-o", path} + vary);
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.isEmpty() && o.err.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    if (name.endsWith(".png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QVERIFY(image.width() > 1000);
        return;
    }
    QVERIFY(bytes.startsWith("<?xml"));
    QVERIFY(bytes.contains("this scenario"));
    QVERIFY(bytes.contains("switch-out.at (ns)"));
    // The same request writes the same bytes.
    const QString again = dir_.filePath("again-" + name);
    QCOMPARE(runSim(QStringList{"explore", kSeed, "-o", again} + vary).code, 0);
    QFile g(again);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll(), bytes);
}

QTEST_GUILESS_MAIN(TestExplore)
#include "tst_explore.moc"
