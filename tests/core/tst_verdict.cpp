// The verdict line the app shows above the timeline and the CLI prints under the trace: it must
// name the race the scenario teaches (uintr-reference.md §6) in words a class can follow.
#include "analysis/Verdict.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <QtTest>

using namespace uintr;

class TstVerdict : public QObject {
    Q_OBJECT
  private slots:
    void namesTheRace_data();
    void namesTheRace();
};

void TstVerdict::namesTheRace_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("override"); // --set, or empty
    QTest::addColumn<QStringList>("mustContain");
    // §6 steps 2-5: the IPI of 1000 ns (300 ns latency) lands 200 ns after the 1100 ns switch;
    // the switch-in of 3000 delivers at once (self_ipi_latency_ns 0, scenario-format.md).
    QTest::newRow("seed race") << "seed-race.json"
                               << ""
                               << QStringList{"Spurious notification on CPU 0 at 1300 ns",
                                              "arrived 200 ns after receiver was switched out",
                                              "delivered to receiver at 3000 ns"};
    // Moving the switch past the arrival removes the race.
    QTest::newRow("seed race, switch after arrival")
        << "seed-race.json"
        << "switch-out.at=1400" << QStringList{"No spurious notification"};
    // §6: SENDUIPI to an off-CPU receiver finds SN set and sends nothing.
    QTest::newRow("reviewer's question")
        << "reviewer-offcpu-send.json"
        << "" << QStringList{"No spurious notification", "found SN set, so no IPI left the core"};
    // §4: the second XSAVES is the origin of the storm; the post is never delivered.
    QTest::newRow("misc-restore-bug")
        << "variant-misc-restore-bug.json"
        << ""
        << QStringList{"second XSAVES", "misc-restore-bug", "never got it",
                       "still hold posted or requested vectors"};
    // The review's follow-up: XSAVES without a context switch (kernel_fpu, §5).
    QTest::newRow("kernel_fpu") << "kernel-fpu-xsaves.json"
                                << ""
                                << QStringList{"inside kernel_fpu", "without a context switch",
                                               "delivered to receiver at 2000 ns"};
    // scenario-format.md: a sleeper whose post came while ON was set is never woken (v1).
    QTest::newRow("v1 lost wake-up") << "uintr-wait-lost-wakeup.json"
                                     << "" << QStringList{"never woken", "UPID.ON stayed set"};
    // The hot-unplugged CPU swallows the wake-up IPI (rfc-v1).
    QTest::newRow("hot-unplug") << "hotunplug-sleeper.json"
                                << "" << QStringList{"was lost: the CPU is offline", "never woken"};
    // A storm is one line, and the run says why it stopped.
    QTest::newRow("storm") << "variant-misc-restore-bug.json"
                           << "" << QStringList{"a storm (UIS 1009)", "(horizon)"};
}

void TstVerdict::namesTheRace() {
    QFETCH(QString, file);
    QFETCH(QString, override);
    QFETCH(QStringList, mustContain);
    auto loaded = scenario::loadScenarioFile(std::string(UINTR_SOURCE_DIR) + "/scenarios/" +
                                             file.toStdString());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error->toString().c_str());
    scenario::Scenario sc = *loaded.scenario;
    if (!override.isEmpty()) QVERIFY(!scenario::applyOverride(sc, override.toStdString()));
    const auto run = sim::runScenario(sc);
    QString text;
    for (const auto& line : analysis::verdict(sc, run.trace, run.summary))
        text += QString::fromStdString(line) + "\n";
    for (const QString& fragment : mustContain)
        QVERIFY2(text.contains(fragment), qPrintable("missing '" + fragment + "' in: " + text));
}

QTEST_APPLESS_MAIN(TstVerdict)
#include "tst_verdict.moc"
