// File ▸ Export (LabController::exportTimeline): the app writes the very picture `uintr-sim
// render` writes (render::writeSvg on the same scenario and run, unsaved edits included), valid
// XML; a PNG of the expected size that is not blank; the visible window only; a failure says so
// and leaves no file. A QGuiApplication (QTEST_MAIN with QtGui), offscreen, for the PNG.
#include "LabController.h"
#include "render/Palette.h"
#include "render/SvgWriter.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

using uintr::lab::LabController;

namespace {
const QString kSeed = QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// writeSvg called directly on `sc` and its run, as `uintr-sim render` does.
QByteArray direct(const uintr::scenario::Scenario& sc, const uintr::render::SvgOptions& o) {
    const auto run = uintr::sim::runScenario(sc);
    return QByteArray::fromStdString(uintr::render::writeSvg(sc, run.trace, o));
}

uintr::scenario::Scenario seed() {
    const auto loaded = uintr::scenario::loadScenarioFile(kSeed.toStdString());
    return loaded.ok() ? *loaded.scenario : uintr::scenario::Scenario{};
}

// The instants of the markers' tooltips ("1 300 ns, CPU 0, …") and of the ruler's labels.
std::vector<qint64> instants(const QByteArray& svg) {
    static const QRegularExpression re(
        QStringLiteral("(?:<title>|class=\"tick-label[^\"]*\">)(-?[0-9][0-9 ]*) ns[,<]"));
    std::vector<qint64> out;
    auto it = re.globalMatch(QString::fromUtf8(svg));
    while (it.hasNext())
        out.push_back(it.next().captured(1).remove(QLatin1Char(' ')).toLongLong());
    return out;
}

std::size_t colourCount(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size();
}
} // namespace

class TestExport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void svgIsWriteSvgOfTheScenario_data();
    void svgIsWriteSvgOfTheScenario();
    void svgIsWhatTheCliWrites();
    void svgIncludesUnsavedEdits();
    void svgIsValidXml();
    void pngIsTheSvgRendered();
    void visibleWindowOnly();
    void unwritablePathFailsAndLeavesNoFile();
    void badNameOrNothingOpenFails();
};

void TestExport::svgIsWriteSvgOfTheScenario_data() {
    QTest::addColumn<bool>("narration");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false << false;
    QTest::newRow("narration") << true << false;
    QTest::newRow("dark, narration") << true << true;
}

void TestExport::svgIsWriteSvgOfTheScenario() {
    QFETCH(bool, narration);
    QFETCH(bool, dark);
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.setDark(dark);
    const QString out = dir.filePath("seed-race.svg");
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(out), false, narration));

    uintr::render::SvgOptions o;
    o.narration = narration;
    o.dark = dark;
    const QByteArray bytes = readAll(out);
    QVERIFY(bytes.startsWith("<?xml"));
    QCOMPARE(bytes, direct(seed(), o));
    QCOMPARE(bytes.contains("class=\"dark\""), dark);
    QCOMPARE(bytes.contains("class=\"narration\""), narration);
    // "Exported seed-race.svg (16 KB)"
    QVERIFY(!lab.statusError());
    QCOMPARE(lab.statusText(),
             QStringLiteral("Exported seed-race.svg (%1 KB)").arg((bytes.size() + 512) / 1024));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"seed-race.svg"});
}

void TestExport::svgIsWhatTheCliWrites() {
    const QString sim = QStringLiteral(UINTR_SIM);
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(dir.filePath("app.svg")), false, true));
    QProcess p;
    p.start(sim, {"render", kSeed, "-o", dir.filePath("cli.svg"), "--narration"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(readAll(dir.filePath("app.svg")), readAll(dir.filePath("cli.svg")));
}

void TestExport::svgIncludesUnsavedEdits() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    const QString before = dir.filePath("before.svg"), after = dir.filePath("after.svg");
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(before), false, false));
    const int entry = lab.document()->entryIndex("switch-out");
    QVERIFY(
        lab.document()->moveEntry(entry, 1350)); // after the IPI lands: no spurious notification
    QVERIFY(lab.document()->dirty());
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(after), false, false));

    auto edited = seed();
    edited.timeline[static_cast<std::size_t>(entry)].at = 1350;
    uintr::render::SvgOptions o;
    o.narration = false;
    QCOMPARE(readAll(after), direct(edited, o));
    QVERIFY(readAll(before) != readAll(after));
    // The spurious notification's marker and dashed arrow are drawn before the move, not after.
    QVERIFY(readAll(before).contains("class=\"m-spurious\""));
    QVERIFY(readAll(before).contains("class=\"arrow-spurious\""));
    QCOMPARE(lab.spuriousCount(), 0);
    QVERIFY(!readAll(after).contains("class=\"m-spurious\""));
    QVERIFY(!readAll(after).contains("class=\"arrow-spurious\""));
    QVERIFY(lab.document()->dirty()); // exporting is not saving
}

void TestExport::svgIsValidXml() {
    const QString xmllint = QStandardPaths::findExecutable("xmllint");
    if (xmllint.isEmpty()) QSKIP("xmllint is not installed");
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.setDark(true);
    lab.timeline()->showRange(900, 1500);
    const QStringList files{dir.filePath("whole.svg"), dir.filePath("window.svg")};
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(files[0]), false, true));
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(files[1]), true, true));
    for (const QString& file : files) {
        QProcess p;
        p.start(xmllint, {"--noout", file});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QSvgRenderer(file).isValid());
    }
}

void TestExport::pngIsTheSvgRendered() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QCOMPARE(lab.exportScale(), 2.0); // for slides
    const QString svg = dir.filePath("seed.svg"), png = dir.filePath("seed.png");
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(svg), false, true));
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(png), false, true));
    QVERIFY(lab.statusText().startsWith("Exported seed.png ("));
    QVERIFY(readAll(png).startsWith("\x89PNG\r\n\x1a\n"));

    const QSize page = QSvgRenderer(svg).defaultSize();
    QCOMPARE(page.width(), 1600);
    const QImage image(png);
    QCOMPARE(image.size(), page * 2);
    QVERIFY2(colourCount(image) > 20, qPrintable(QString::number(colourCount(image))));
    // The page's light background in the corner, the spurious marker's vermillion somewhere.
    QCOMPARE(image.pixel(2, 2), QColor(uintr::render::palette(false).background).rgb());
    bool red = false;
    for (int y = 0; y < image.height() && !red; y += 1)
        for (int x = 0; x < image.width() && !red; x += 1)
            red = image.pixel(x, y) == qRgb(0xD5, 0x5E, 0x00);
    QVERIFY(red);

    // The scale and the palette are the controller's.
    lab.setExportScale(1);
    lab.setDark(true);
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(png), false, true));
    const QImage dark(png);
    QCOMPARE(dark.size(), page);
    QCOMPARE(dark.pixel(2, 2), QColor(uintr::render::palette(true).background).rgb());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), (QStringList{"seed.png", "seed.svg"}));
}

void TestExport::visibleWindowOnly() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    lab.timeline()->showRange(900, 1500);
    QCOMPARE(lab.timeline()->t0(), 900);
    QCOMPARE(lab.timeline()->t1(), 1500);
    const QString whole = dir.filePath("whole.svg"), window = dir.filePath("window.svg");
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(whole), false, false));
    QVERIFY(lab.exportTimeline(QUrl::fromLocalFile(window), true, false));
    const QByteArray w = readAll(window);
    QVERIFY(w != readAll(whole));

    uintr::render::SvgOptions o;
    o.from = 900;
    o.to = 1500;
    o.narration = false;
    QCOMPARE(w, direct(seed(), o));

    const auto inWindow = instants(w);
    QVERIFY(inWindow.size() >= 5);
    for (const qint64 t : inWindow)
        QVERIFY2(t >= 900 && t <= 1500, qPrintable(QString::number(t)));
    QVERIFY(std::find(inWindow.begin(), inWindow.end(), 1300) != inWindow.end()); // the race
    // The whole run has instants outside the window: the start and the end of the run.
    const auto all = instants(readAll(whole));
    QVERIFY(std::find(all.begin(), all.end(), 0) != all.end());
    QVERIFY(std::any_of(all.begin(), all.end(), [](qint64 t) { return t > 1500; }));
}

void TestExport::unwritablePathFailsAndLeavesNoFile() {
    QTemporaryDir dir;
    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QSignalSpy errors(&lab, &LabController::errorOccurred);
    QVERIFY(QDir(dir.path()).mkdir("taken.svg")); // a directory where the file would go
    QFile plain(dir.filePath("plain"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QStringList targets{dir.filePath("missing/folder/x.svg"), dir.filePath("plain/x.png"),
                              dir.filePath("taken.svg")};
    for (const QString& target : targets) {
        QVERIFY(!lab.exportTimeline(QUrl::fromLocalFile(target), false, true));
        QVERIFY(lab.statusError());
        QVERIFY2(lab.statusText().startsWith("Not exported: " + target + ": "),
                 qPrintable(lab.statusText()));
        QVERIFY(lab.lastError().startsWith(target + ": "));
        QVERIFY(!QFileInfo(target).isFile());
    }
    QCOMPARE(errors.size(), targets.size());
    QCOMPARE(errors.last().at(0).toString(), QStringLiteral("Cannot export taken.svg"));
    QVERIFY(QFileInfo(dir.filePath("taken.svg")).isDir());
    // Nothing else was left behind: no temporaries.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             (QStringList{"plain", "taken.svg"}));
    QCOMPARE(QFileInfo(dir.filePath("plain")).size(), 0);
}

void TestExport::badNameOrNothingOpenFails() {
    QTemporaryDir dir;
    LabController empty;
    QSignalSpy errors(&empty, &LabController::errorOccurred);
    QVERIFY(!empty.exportTimeline(QUrl::fromLocalFile(dir.filePath("x.svg")), false, true));
    QCOMPARE(errors.size(), 1);

    LabController lab;
    QVERIFY(lab.document()->openFile(kSeed));
    QVERIFY(!lab.exportTimeline(QUrl::fromLocalFile(dir.filePath("x.jpg")), false, true));
    QVERIFY(lab.statusText().contains(".svg or .png"));
    QVERIFY(!lab.exportTimeline(QUrl("https://example.org/x.svg"), false, true));
    QVERIFY(lab.statusError());
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
