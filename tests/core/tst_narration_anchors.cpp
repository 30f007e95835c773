// Narration that follows the run (analysis/NarrationAnchors): each step is anchored to the
// events at its time in the file's run and found again in an edited run.
#include "analysis/NarrationAnchors.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <QtTest>
#include <algorithm>

using namespace uintr;
using Status = analysis::AnchoredStep::Status;

namespace {

scenario::Scenario load(const char* file) {
    auto loaded = scenario::loadScenarioFile(std::string(UINTR_SOURCE_DIR) + "/scenarios/" + file);
    if (!loaded.ok()) qFatal("%s", loaded.error->toString().c_str());
    return *loaded.scenario;
}

const analysis::AnchoredStep& stepNumber(const std::vector<analysis::AnchoredStep>& steps, int n) {
    for (const auto& s : steps)
        if (s.step == n) return s;
    qFatal("no step %d", n);
}

} // namespace

class TstNarrationAnchors : public QObject {
    Q_OBJECT
  private slots:
    void unEditedRunKeepsEveryStep();
    void draggedSwitchMovesItsStepAndDropsTheRace();
    void stepsWithoutEventsStayPut();
    void orderFollowsTheEditedRun();
};

// The file's own run: every anchored step happens where the file says.
void TstNarrationAnchors::unEditedRunKeepsEveryStep() {
    const auto sc = load("seed-race.json");
    const auto run = sim::runScenario(sc);
    const auto steps = analysis::anchorNarration(sc, run.trace, run.trace);
    QCOMPARE(steps.size(), sc.narration.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps[i].step, static_cast<int>(i));
        QCOMPARE(steps[i].status, Status::Same);
        QCOMPARE(steps[i].t, sc.narration[i].at);
        QVERIFY(!steps[i].events.empty());
    }
}

// The case: the switch-out dragged past the arrival (1300 ns). The switch-out step moves
// with it; the spurious-handler step (1300 ns) and the self-IPI delivery (3300 ns) no longer
// happen; the SENDUIPI step is untouched.
void TstNarrationAnchors::draggedSwitchMovesItsStepAndDropsTheRace() {
    const auto sc = load("seed-race.json");
    auto edited = sc;
    QVERIFY(!scenario::applyOverride(edited, "switch-out.at=1400"));
    const auto original = sim::runScenario(sc);
    const auto now = sim::runScenario(edited);
    const auto steps = analysis::anchorNarration(sc, original.trace, now.trace);
    QCOMPARE(stepNumber(steps, 1).status, Status::Same);  // SENDUIPI at 1000
    QCOMPARE(stepNumber(steps, 2).status, Status::Moved); // the switch-out
    QCOMPARE(stepNumber(steps, 2).t, std::int64_t{1400});
    const auto& spurious = stepNumber(steps, 3);
    QCOMPARE(spurious.status, Status::Gone);
    QCOMPARE(spurious.t, std::int64_t{1300});
    QCOMPARE(original.trace.events[static_cast<std::size_t>(spurious.missing)].kind,
             model::EventKind::SpuriousNotification);
    QCOMPARE(stepNumber(steps, 5).status, Status::Gone); // the self-IPI's delivery at 3300
}

// A step at a time with no event is not anchored: it stays at its time in any run.
void TstNarrationAnchors::stepsWithoutEventsStayPut() {
    auto sc = load("seed-race.json");
    sc.narration.push_back({1234, "between events", {}, {}});
    const auto run = sim::runScenario(sc);
    const auto steps = analysis::anchorNarration(sc, run.trace, run.trace);
    const auto& extra = stepNumber(steps, static_cast<int>(sc.narration.size()) - 1);
    QCOMPARE(extra.status, Status::Unanchored);
    QCOMPARE(extra.t, std::int64_t{1234});
    QVERIFY(extra.events.empty());
}

// Steps come in the order of the edited run: the switch-out dragged to 1400 now follows the
// (gone) 1300 ns step.
void TstNarrationAnchors::orderFollowsTheEditedRun() {
    const auto sc = load("seed-race.json");
    auto edited = sc;
    QVERIFY(!scenario::applyOverride(edited, "switch-out.at=1400"));
    const auto steps =
        analysis::anchorNarration(sc, sim::runScenario(sc).trace, sim::runScenario(edited).trace);
    std::vector<int> order;
    for (const auto& s : steps)
        order.push_back(s.step);
    const auto pos = [&](int step) { return std::find(order.begin(), order.end(), step); };
    QVERIFY(pos(3) < pos(2));
    for (std::size_t i = 1; i < steps.size(); ++i)
        QVERIFY(steps[i - 1].t <= steps[i].t);
}

QTEST_APPLESS_MAIN(TstNarrationAnchors)
#include "tst_narration_anchors.moc"
