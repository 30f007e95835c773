// `uintr-sim render`: the exported SVG (and PNG) as a user keeps it. Runs the built binary:
// golden files (tests/golden/golden.list, rewritten only by scripts/regen-golden.sh), validity
// for xmllint and for QtSvg, byte-identical reruns, a PNG that is not blank, XML-hostile text,
// a 100,000-event run of bounded size, and the usage errors of cli.md.
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <set>

namespace {

const QString kSource = QStringLiteral(UINTR_SOURCE_DIR);

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run uintrSim(const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(kSource);
    p.start(QStringLiteral(UINTR_SIM), args);
    Run r;
    if (!p.waitForFinished(120'000)) return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Golden {
    QString name, scenario;
    QStringList options;
};

std::vector<Golden> goldenList() {
    std::vector<Golden> out;
    const QByteArray text = readAll(kSource + "/tests/golden/golden.list");
    for (const QByteArray& line : text.split('\n')) {
        const QString l = QString::fromUtf8(line).trimmed();
        if (l.isEmpty() || l.startsWith('#')) continue;
        QStringList words = l.split(' ', Qt::SkipEmptyParts);
        Golden g{words.takeFirst(), words.takeFirst(), words};
        out.push_back(g);
    }
    return out;
}

QStringList renderArgs(const Golden& g, const QString& output) {
    return QStringList{"render", g.scenario, "-o", output} + g.options;
}

} // namespace

class TstRender : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    QString exportOf(const Golden& g, const QString& suffix = ".svg") {
        const QString out = tmp_.filePath(g.name + suffix);
        const Run r = uintrSim(renderArgs(g, out));
        if (r.exitCode != 0) qWarning("%s", r.err.constData());
        return r.exitCode == 0 ? out : QString();
    }

  private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(UINTR_SIM)), UINTR_SIM);
        QVERIFY(goldenList().size() >= 3);
    }

    void golden_data() {
        QTest::addColumn<int>("index");
        const auto list = goldenList();
        for (std::size_t i = 0; i < list.size(); ++i)
            QTest::newRow(qPrintable(list[i].name)) << static_cast<int>(i);
    }
    void golden() {
        QFETCH(int, index);
        const Golden g = goldenList()[static_cast<std::size_t>(index)];
        const QString out = exportOf(g);
        QVERIFY(!out.isEmpty());
        const QByteArray expected = readAll(kSource + "/tests/golden/" + g.name + ".svg");
        QVERIFY2(!expected.isEmpty(), "missing golden file: run scripts/regen-golden.sh");
        QVERIFY2(readAll(out) == expected,
                 qPrintable("the export differs from tests/golden/" + g.name + ".svg (new: " + out +
                            "). If the change is intended: bash scripts/regen-golden.sh"));
    }

    void validForXmllintAndQtSvg_data() { golden_data(); }
    void validForXmllintAndQtSvg() {
        QFETCH(int, index);
        const Golden g = goldenList()[static_cast<std::size_t>(index)];
        const QString out = exportOf(g);
        QVERIFY(!out.isEmpty());
        const QByteArray svg = readAll(out);
        QVERIFY(QSvgRenderer(svg).isValid());
        QCOMPARE(QSvgRenderer(svg).defaultSize().width(), 1600);

        const QString xmllint = QStandardPaths::findExecutable("xmllint");
        if (xmllint.isEmpty()) QSKIP("xmllint is not installed");
        QProcess p;
        p.start(xmllint, {"--noout", out});
        QVERIFY(p.waitForFinished(30'000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void documentStructure() {
        const QByteArray svg = readAll(exportOf(goldenList()[0]));
        // A group per CPU and per task, a <title> per marker, palette classes, text as text.
        QVERIFY(svg.contains("<g class=\"cpu\" id=\"cpu-0\">"));
        QVERIFY(svg.contains("<g class=\"cpu\" id=\"cpu-1\">"));
        QVERIFY(svg.contains("id=\"cpu-0-task-receiver\""));
        QVERIFY(svg.contains("id=\"cpu-0-task-other\""));
        QVERIFY(svg.contains("<text") && svg.contains(">UIS +1</text>"));
        QVERIFY(svg.contains("class=\"m-spurious\""));
        QVERIFY(svg.contains("<style type=\"text/css\">"));
        QVERIFY(svg.contains("<title>1 300 ns, CPU 0, other: ipi_arrived"));
        QVERIFY(svg.contains("A1 at 1 200 ns"));
        QVERIFY(svg.contains("SN=1")); // the receiver's UPID at 1200: switched out
    }

    void twoRunsGiveTheSameBytes_data() { golden_data(); }
    void twoRunsGiveTheSameBytes() {
        QFETCH(int, index);
        const Golden g = goldenList()[static_cast<std::size_t>(index)];
        const QString a = exportOf(g, ".a.svg"), b = exportOf(g, ".b.svg");
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(readAll(a), readAll(b));
    }

    void xmlSpecialCharactersStayText() {
        const QByteArray svg = readAll(
            exportOf({"xml-special", "tests/golden/inputs/xml-special.json", {"--narration"}}));
        QVERIFY(QSvgRenderer(svg).isValid());
        QVERIFY(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;"));
        QVERIFY(svg.contains("A &lt; B &amp;&amp; C &gt; D"));
        QVERIFY(!svg.contains("<script>"));
        QVERIFY(!svg.contains("<b>"));
        QVERIFY(!svg.contains('\x01')); // XML 1.0 cannot carry it
        QVERIFY(svg.count("]]>") == 1); // only the end of the style sheet's CDATA
    }

    void pngIsRenderedAndNotBlank() {
        const Golden seed{"seed-png", "scenarios/seed-race.json", {"--scale", "1"}};
        const QString out = exportOf(seed, ".png");
        QVERIFY(!out.isEmpty());
        const QImage image(out);
        QCOMPARE(image.size(), QSize(1600, 900));
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        // The spurious marker's vermillion (#D55E00) is somewhere on the picture.
        bool red = false;
        for (int y = 0; y < image.height() && !red; ++y)
            for (int x = 0; x < image.width() && !red; ++x)
                red = image.pixel(x, y) == qRgb(0xD5, 0x5E, 0x00);
        QVERIFY(red);
        QVERIFY(!QFile::exists(out + ".tmp"));
        QCOMPARE(QDir(tmp_.path()).entryList({"*seed-png*"}, QDir::Files).size(), 1);
    }

    void pngScaleForSlides() {
        const QString out =
            exportOf({"seed-png2", "scenarios/seed-race.json", {"--scale", "2", "--dark"}}, ".png");
        QVERIFY(!out.isEmpty());
        QCOMPARE(QImage(out).size(), QSize(3200, 1800));
    }

    void svgOnStdout() {
        const Run r = uintrSim({"render", "scenarios/seed-race.json", "-o", "-"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("<?xml"));
        QVERIFY(QSvgRenderer(r.out).isValid());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString seed = "scenarios/seed-race.json";
        // cli.md: `uintr-sim: OPTION: message`.
        QTest::newRow("no output") << QStringList{"render", seed} << "uintr-sim: -o: missing";
        QTest::newRow("from == to")
            << QStringList{"render", seed, "-o", "x.svg", "--from", "500", "--to", "500"}
            << "uintr-sim: --from: 500 is not before --to 500";
        QTest::newRow("from > to")
            << QStringList{"render", seed, "-o", "x.svg", "--from", "900", "--to", "100"}
            << "uintr-sim: --from: 900 is not before --to 100";
        QTest::newRow("negative") << QStringList{"render", seed, "-o", "x.svg", "--from=-5"}
                                  << "uintr-sim: --from: '-5' is not a time in ns from 0 to";
        QTest::newRow("not a number") << QStringList{"render", seed, "-o", "x.svg", "--to", "soon"}
                                      << "uintr-sim: --to: 'soon' is not a time in ns";
        QTest::newRow("scale") << QStringList{"render", seed, "-o", "x.png", "--scale", "0"}
                               << "uintr-sim: --scale: '0' is not a number from 0.1 to 8";
        QTest::newRow("annotate") << QStringList{"render", seed,         "-o",
                                                 "x.svg",  "--annotate", "10,,20"}
                                  << "uintr-sim: --annotate: '' is not a time in ns";
        QTest::newRow("dark elsewhere") << QStringList{"run", seed, "--dark"}
                                        << "uintr-sim: --dark: is for render and explore, not run";
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = uintrSim(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1); // one line
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(kSource + "/x.svg"));
    }

    void badScenarioNamesThePlace() {
        const QString bad = tmp_.filePath("bad.json");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"format\": \"uintr-scenario/1\",\n  \"title\": 7\n}\n");
        f.close();
        const QString out = tmp_.filePath("bad.svg");
        const Run r = uintrSim({"render", bad, "-o", out});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        // FILE:LINE:COLUMN: JSON-PATH: message
        QVERIFY2(QString::fromUtf8(r.err).contains(QRegularExpression("bad\\.json:\\d+:\\d+: /")),
                 r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutputKeepsTheOldFile() {
        const Run r = uintrSim(
            {"render", "scenarios/seed-race.json", "-o", tmp_.filePath("no-such-dir/out.svg")});
        QCOMPARE(r.exitCode, 2);
        // cli.md: OUT: message
        QVERIFY2(
            r.err.startsWith(tmp_.filePath("no-such-dir/out.svg").toUtf8() + ": cannot write: "),
            r.err.constData());
    }

    void largeRunStaysUsable() {
        // ~100,000 trace events: the export must stay a document a viewer opens at once.
        uintr::scenario::StressShape shape;
        shape.cpus = 4;
        shape.entries = 20'000;
        const QString scenario = tmp_.filePath("stress.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            uintr::scenario::saveScenarioText(uintr::scenario::makeStressScenario(shape))));
        f.close();
        const QString out = tmp_.filePath("stress.svg");
        QElapsedTimer timer;
        timer.start();
        const Run r = uintrSim({"render", scenario, "-o", out});
        const qint64 ms = timer.elapsed();
        QCOMPARE(r.exitCode, 0);
        const QByteArray svg = readAll(out);
        qInfo("stress export: %lld ms, %lld bytes", static_cast<long long>(ms),
              static_cast<long long>(svg.size()));
        QVERIFY2(svg.size() < 3'000'000, qPrintable(QString::number(svg.size())));
        QVERIFY(svg.contains("(zoom in to see each)")); // merged, not dropped
        QVERIFY(QSvgRenderer(svg).isValid());
        // A window of the same run: full detail, small file.
        const QString window = tmp_.filePath("stress-window.svg");
        QCOMPARE(uintrSim({"render", scenario, "-o", window, "--from", "100000", "--to", "104000"})
                     .exitCode,
                 0);
        QVERIFY(readAll(window).size() < 200'000);
    }
};

QTEST_MAIN(TstRender)
#include "tst_render.moc"
