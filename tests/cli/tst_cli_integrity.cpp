// Nothing lost, no crash from any option (cli.md; issue 13): exit 0 means every byte of the output
// was written; an output file is replaced only by a complete new one and only when it is a
// regular file; every failure is one stderr line in cli.md's forms (`OUT: message`,
// `uintr-sim: OPTION: message`), exit 2, never a signal; every option is bounded (docs/limits.md).
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

struct Run {
    int code = -1;
    bool crashed = true;
    QByteArray out, err;
};

// `stdoutFile`: where the child's stdout goes ("" to capture it). `fileSizeLimit`: `ulimit -f`.
Run sim(const QStringList& args, const QString& stdoutFile = {}, rlim_t fileSizeLimit = 0,
        const QString& program = QStringLiteral(UINTR_SIM)) {
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(UINTR_SOURCE_DIR));
    if (!stdoutFile.isEmpty()) p.setStandardOutputFile(stdoutFile);
    if (fileSizeLimit)
        p.setChildProcessModifier([fileSizeLimit] {
            const rlimit limit{fileSizeLimit, fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) return r;
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Through /bin/sh, so that arguments can be bytes that are not UTF-8 (QProcess encodes QStrings);
// the script finds the binary as $0.
Run shell(const QByteArray& script) {
    return sim({"-c", QString::fromLatin1(script), QStringLiteral(UINTR_SIM)}, {}, 0, "/bin/sh");
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kSeed = QStringLiteral("scenarios/seed-race.json");

} // namespace

class TstCliIntegrity : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

  private slots:
    void fullStdoutFails_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("run --json") << QStringList{"run", kSeed, "--json"};
        QTest::newRow("run") << QStringList{"run", kSeed};
        QTest::newRow("render -o -") << QStringList{"render", kSeed, "-o", "-"};
        QTest::newRow("check") << QStringList{"check", kSeed};
        QTest::newRow("explore") << QStringList{"explore", kSeed, "--vary", "switch-out"};
        QTest::newRow("validate") << QStringList{"validate", kSeed};
    }
    // /dev/full: every write fails with ENOSPC. It used to exit 0.
    void fullStdoutFails() {
        QFETCH(QStringList, args);
        const Run r = sim(args, "/dev/full");
        QVERIFY(!r.crashed);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QByteArray("-: cannot write: No space left on device\n"));
    }

    // `ulimit -f`: the write fails with EFBIG (SIGXFSZ ignored: no death by signal), the old
    // picture stays as it was and no temporary file is left behind.
    void fileSizeLimitKeepsTheOldFile() {
        QDir dir(tmp_.filePath("ulimit"));
        QVERIFY(dir.mkpath("."));
        const QString out = dir.filePath("old.svg");
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("the old picture\n");
        f.close();
        const Run r = sim({"render", kSeed, "-o", out}, {}, 4096);
        QVERIFY(!r.crashed);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, out.toUtf8() + ": cannot write: File too large\n");
        QCOMPARE(readAll(out), QByteArray("the old picture\n"));
        QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden), QStringList{"old.svg"});
        // Without the limit the same command replaces it, keeping its permissions.
        QCOMPARE(::chmod(QFile::encodeName(out).constData(), 0640), 0);
        QCOMPARE(sim({"render", kSeed, "-o", out}).code, 0);
        QVERIFY(readAll(out).endsWith("</svg>\n"));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden), QStringList{"old.svg"});
    }

    // A FIFO and a character device (a /dev/null of our own, when we may make one) are written
    // in place, never replaced by a regular file: as root, `-o /dev/null` used to replace
    // /dev/null.
    void devicesAreWrittenNotReplaced() {
        const QByteArray fifo = tmp_.filePath("pipe").toUtf8();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QProcess reader;
        reader.start("cat", {QString::fromUtf8(fifo)});
        QVERIFY(reader.waitForStarted());
        const Run r = sim({"render", kSeed, "-o", QString::fromUtf8(fifo)});
        QVERIFY(reader.waitForFinished(60000));
        QCOMPARE(r.code, 0);
        QVERIFY(reader.readAllStandardOutput().endsWith("</svg>\n"));
        struct stat st {};
        QCOMPARE(::stat(fifo.constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));

        const QByteArray null = tmp_.filePath("null").toUtf8();
        if (::mknod(null.constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("cannot make a device node here (not root): the FIFO above stands for it");
        QCOMPARE(sim({"render", kSeed, "-o", QString::fromUtf8(null)}).code, 0);
        QCOMPARE(::stat(null.constData(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
        QCOMPARE(sim({"render", kSeed, "-o", "/dev/null"}).code, 0);
        QCOMPARE(::stat("/dev/null", &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
    }

    void directoryIsRefused() {
        const Run r = sim({"render", kSeed, "-o", tmp_.path()});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, tmp_.path().toUtf8() + ": cannot write: Is a directory\n");
    }

    // A newline in OUT must not make two lines on stderr.
    void newlineInOutputStaysOneLine() {
        const QString out = tmp_.filePath("no\nsuch/x.svg");
        const Run r = sim({"render", kSeed, "-o", out});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(r.err, tmp_.filePath("no\\x0Asuch/x.svg").toUtf8() +
                            ": cannot write: No such file or directory\n");
    }

    // File names are bytes: a Latin-1 "café.json" (0xE9, not UTF-8) loads, and a picture can be
    // written under such a name.
    void nonUtf8FileNames() {
        const QByteArray dir = tmp_.path().toUtf8();
        const QByteArray in = dir + "/caf\xE9.json";
        QVERIFY(QFile::copy(QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json"),
                            tmp_.filePath("plain.json")));
        QCOMPARE(::rename((dir + "/plain.json").constData(), in.constData()), 0);
        const Run r = shell("exec \"$0\" validate \"" + dir + "/caf$(printf '\\351').json\"");
        QVERIFY2(r.code == 0, r.err.constData());
        const Run w = shell("exec \"$0\" render \"" + dir + "/caf$(printf '\\351').json\" -o \"" +
                            dir + "/out$(printf '\\351').svg\"");
        QVERIFY2(w.code == 0, w.err.constData());
        struct stat st {};
        QCOMPARE(::stat((dir + "/out\xE9.svg").constData(), &st), 0);
        QVERIFY(st.st_size > 1000);
        // QTemporaryDir cannot name these (Qt decodes file names as UTF-8): remove them here.
        QCOMPARE(::unlink(in.constData()), 0);
        QCOMPARE(::unlink((dir + "/out\xE9.svg").constData()), 0);
    }

    // Every time option is bounded by limits::kMaxTimeNs (near 2^63 they overflowed the time
    // formatting, and --to 2^63-1 made the ruler loop until memory ran out).
    void timeOptionsBounded_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("line");
        const QByteArray big = "'9223372036854775807' is not a time in ns from 0 to "
                               "1000000000000 (limits::kMaxTimeNs)\n";
        QTest::newRow("render --to 2^63-1")
            << QStringList{"render", kSeed, "-o", "-", "--to", "9223372036854775807"}
            << "uintr-sim: --to: " + big;
        QTest::newRow("render --from 2^63-1")
            << QStringList{"render", kSeed, "-o", "-", "--from", "9223372036854775807"}
            << "uintr-sim: --from: " + big;
        QTest::newRow("render --annotate 2^63-1")
            << QStringList{"render", kSeed, "-o", "-", "--annotate", "5,9223372036854775807"}
            << "uintr-sim: --annotate: " + big;
        QTest::newRow("explore --to 2^63-1")
            << QStringList{"explore", kSeed, "--vary", "send", "--to", "9223372036854775807"}
            << "uintr-sim: --to: " + big;
        QTest::newRow("render --to kMaxTimeNs + 1")
            << QStringList{"render", kSeed, "-o", "-", "--to", "1000000000001"}
            << QByteArray("uintr-sim: --to: '1000000000001' is not a time in ns from 0 to "
                          "1000000000000 (limits::kMaxTimeNs)\n");
    }
    void timeOptionsBounded() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, line);
        const Run r = sim(args);
        QVERIFY(!r.crashed);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, line);
    }
    // At the bound itself the picture is drawn.
    void timeAtTheBound() {
        const Run r = sim({"render", kSeed, "-o", "-", "--from", "999999999000", "--to",
                           "1000000000000", "--annotate", "1000000000000"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.endsWith("</svg>\n"));
    }

    // Bounded work: 1,000 annotation panels took 789 MB; a sweep of 10 ms, 10 million runs (the
    // limit on points is the explorer's own, tests/cli/tst_explore.cpp; the budget is per entry).
    void workBounded() {
        QStringList many;
        for (int i = 0; i < 1000; ++i)
            many << QString::number(i);
        Run r = sim({"render", kSeed, "-o", "-", "--annotate", many.join(',')});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QByteArray("uintr-sim: --annotate: 1000 instants; at most 32 "
                                   "(kMaxAnnotateInstants)\n"));
        r = sim({"explore", kSeed, "--vary", "switch-out", "--from", "0", "--to", "10000000"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QByteArray("uintr-sim: --vary: the ranges have more than 10000000 points; "
                                   "narrow them or give a :STEP\n"));
        // The budget counts runs × timeline entries: 20,001 runs of a 20,000-entry scenario are
        // refused though far fewer than maxRuns.
        uintr::scenario::StressShape shape;
        shape.entries = 20'000;
        const QString big = tmp_.filePath("budget.json");
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            uintr::scenario::saveScenarioText(uintr::scenario::makeStressScenario(shape))));
        f.close();
        const std::string firstId = uintr::scenario::makeStressScenario(shape).timeline[0].id;
        r = sim({"explore", big, "--vary", QString::fromStdString(firstId) + "=0..20000"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith("uintr-sim: --vary: the ranges need 20001 runs of 20000 timeline "
                                  "entries; the budget (kExploreBudget, 50000000 runs x entries) "
                                  "allows 2500: narrow them or give a :STEP\n"),
                 r.err.constData());
    }

    // A valid 256-CPU scenario at --scale 8 asked for a 12,800 × 276,640 image (exit 3).
    void pngSizeBounded() {
        uintr::scenario::StressShape shape;
        shape.cpus = 256;
        shape.entries = 600;
        const QString scenario = tmp_.filePath("wide.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            uintr::scenario::saveScenarioText(uintr::scenario::makeStressScenario(shape))));
        f.close();
        const QString out = tmp_.filePath("wide.png");
        const Run r = sim({"render", scenario, "-o", out, "--scale", "8"});
        QVERIFY(!r.crashed);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith(out.toUtf8() + ": a PNG of 12800 × "), r.err.constData());
        QVERIFY2(r.err.contains("is larger than the limit (32767 px a side, 64 Mpx); the largest "
                                "scale that fits is "),
                 r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    // cli.md's usage form: `uintr-sim: OPTION: message`, exactly one line.
    void usageForms_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("line");
        const auto row = [](const char* name, QStringList args, const char* line) {
            QTest::newRow(name) << args << QByteArray(line);
        };
        row("no command", {},
            "uintr-sim: COMMAND: missing; expected one of run, check, render, "
            "explore, validate, import-ftrace, export-perfetto");
        row("unknown command", {"frobnicate"},
            "uintr-sim: frobnicate: unknown command; expected one of run, check, render, explore, "
            "validate, import-ftrace, export-perfetto");
        row("no scenario", {"run"}, "uintr-sim: SCENARIO: missing (uintr-sim run SCENARIO)");
        row("two scenarios", {"run", kSeed, "x"},
            "uintr-sim: x: unexpected argument (run takes one SCENARIO)");
        row("unknown option", {"run", kSeed, "--bogus"}, "uintr-sim: --bogus: unknown option");
        row("missing value", {"run", kSeed, "--set"}, "uintr-sim: --set: missing value");
        row("--json for check", {"check", kSeed, "--json"},
            "uintr-sim: --json: is for run and explore, not check");
        row("--from for run", {"run", kSeed, "--from", "1"},
            "uintr-sim: --from: is for render and explore, not run");
        row("-o for run", {"run", kSeed, "-o", "x.svg"},
            "uintr-sim: -o: is for render, explore, import-ftrace and export-perfetto, not run");
        row("explore without --vary", {"explore", kSeed},
            "uintr-sim: --vary: missing (uintr-sim explore SCENARIO --vary ID)");
        row("explore: empty range",
            {"explore", kSeed, "--vary", "send", "--from", "9", "--to", "3"},
            "uintr-sim: --to: the range 9..3 is empty");
        row("newline in an argument", {"run", kSeed, "x\ny"},
            "uintr-sim: x\\x0Ay: unexpected argument (run takes one SCENARIO)");
    }
    void usageForms() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, line);
        const Run r = sim(args);
        QVERIFY(!r.crashed);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, line + "\n");
        QVERIFY(r.out.isEmpty());
    }

    // run --json is written as it is made (a 2,000,000-entry run took 7.6 GB): the streamed
    // document is still one valid uintr-trace/1 JSON with every event.
    void streamedJsonIsWhole() {
        uintr::scenario::StressShape shape;
        shape.entries = 20'000;
        const QString scenario = tmp_.filePath("stream.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            uintr::scenario::saveScenarioText(uintr::scenario::makeStressScenario(shape))));
        f.close();
        const Run r = sim({"run", scenario, "--json"});
        QCOMPARE(r.code, 0);
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(r.out, &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("format").toString(), QStringLiteral("uintr-trace/1"));
        QVERIFY(doc.object().value("events").toArray().size() > 20'000);
    }
};

QTEST_GUILESS_MAIN(TstCliIntegrity)
#include "tst_cli_integrity.moc"
