// uintr-lab --screenshot, as the README's headless main job runs it: the default scenario is
// drawn offscreen and is not blank; a bad scenario exits 2 with the loader's one line.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

class TestScreenshot : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void defaultScenarioIsDrawn();
    void darkAndScaledToo();
    void badScenarioExitsTwo();

  private:
    static int run(const QStringList& args, QString* err = nullptr) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UINTR_LAB_EXE), args);
        if (!p.waitForFinished(60000)) return -1;
        if (err) *err = QString::fromLocal8Bit(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    // Not blank: many colours, and a good share of pixels away from the background.
    static void checkPicture(const QString& path, QSize size) {
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), size);
        std::set<QRgb> colours;
        const QRgb corner = image.pixel(size.width() / 2, size.height() - 2);
        int differ = 0, total = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb c = image.pixel(x, y);
                colours.insert(c);
                differ += c != corner;
                ++total;
            }
        QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
        QVERIFY(differ > total / 10);
    }
};

void TestScreenshot::defaultScenarioIsDrawn() {
    QTemporaryDir dir;
    const QString out = dir.filePath("lab.png");
    QCOMPARE(run({"--screenshot", out}), 0);
    checkPicture(out, QSize(1600, 1000));
}

void TestScreenshot::darkAndScaledToo() {
    QTemporaryDir dir;
    const QString out = dir.filePath("dark.png");
    QCOMPARE(run({"--screenshot", out, "--dark", "--scale", "1.5", "--width", "1280", "--height",
                  "800", "--why", "spurious_notification"}),
             0);
    checkPicture(out, QSize(1280, 800));
}

void TestScreenshot::badScenarioExitsTwo() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ \"format\": \"uintr-scenario/1\",\n  \"title\": 3 }\n");
    f.close();
    QString err;
    QCOMPARE(run({bad, "--screenshot", dir.filePath("x.png")}, &err), 2);
    const QStringList lines = err.trimmed().split('\n');
    // FILE:LINE:COLUMN: JSON-PATH: message
    QVERIFY2(QRegularExpression("^" + QRegularExpression::escape(bad) + ":\\d+:\\d+: /\\S*: .+$")
                 .match(lines.last())
                 .hasMatch(),
             qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath("x.png")));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
