// The drag frame time: from a drag-move request (LabDocument::requestMove: copy the scenario,
// checkConsistency, re-simulate, lay the viewport out, refill the models, refresh the inspector
// and the Why chain) to the models being updated. The call is synchronous on the GUI thread, so
// its duration is what a drag frame costs before painting. Not a test: it asserts nothing about
// time; CTest runs a short version so that it keeps building and running.
//
//   build/tests/app/app_bench_drag [MOVES=200] [EVENTS=10000] [--qml] [--open EVENTS]
//
// Baselines measured in the same run (the machine is shared: ratios mean more than ms): a bare
// event loop turn (QCoreApplication::processEvents with one posted event) and, with --qml, a bare
// frame (grabWindow of an empty QQuickWindow of the same size).
// --open N: open an N-event run (time and resident memory), then pan it frame by frame.
//
// --qml also loads the real window (qrc:/UintrLab/Main.qml, offscreen) and times a whole frame:
// the request, the QML delegates following the models, and QQuickWindow::grabWindow() (scene
// graph sync, render and read-back: an upper bound of what a frame on screen costs).
#include "LabController.h"
#include "analysis/Verdict.h"
#include "render/TimelineDensity.h"
#include "scenario/ScenarioIO.h"
#include "scenario/StressScenario.h"
#include "sim/Recording.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QThread>
#include <QtQml/QQmlExtensionPlugin>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

Q_IMPORT_QML_PLUGIN(UintrLabPlugin)

using namespace uintr;

namespace {

struct Figures {
    double median = 0, p95 = 0, max = 0;
};

// `paceMs`: each move gets a slot this long (the rest of it is slept, not measured), as a hand's
// moves come at the display's rate; a worker then has the time between frames it has on screen.
Figures measure(int moves, const std::function<void(int)>& move, double paceMs = 0) {
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(moves));
    for (int i = 0; i < moves; ++i) {
        QElapsedTimer timer;
        timer.start();
        move(i);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const double left = paceMs - ms.back();
        if (left > 0) QThread::usleep(static_cast<unsigned long>(left * 1000));
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    return {at(0.5), at(0.95), ms.back()};
}

double gBaselineMs = 0; // the bare frame (or event-loop turn) of this run

void report(const char* what, int events, int items, int moves, const Figures& f) {
    std::printf("%-44s %7d events %5d items  %4d moves  median %8.3f ms  p95 %8.3f ms  max %8.3f "
                "ms  p95/baseline %7.1f\n",
                what, events, items, moves, f.median, f.p95, f.max,
                gBaselineMs > 0 ? f.p95 / gBaselineMs : 0.0);
}

// Resident memory of this process, from /proc/self/statm.
double residentMiB() {
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const auto fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096 / (1 << 20) : 0;
}

// A generated scenario of about `events` trace events, scaled from a small probe (a big
// probe would cost as much as the run itself).
scenario::Scenario approximately(int events) {
    scenario::StressShape shape;
    shape.cpus = 4;
    shape.entries = 20'000;
    const sim::Recording probe(scenario::makeStressScenario(shape));
    const double perEntry = static_cast<double>(probe.trace().events.size()) / 20'000.0;
    shape.entries = std::max<std::int64_t>(8, std::llround(events / perEntry));
    return scenario::makeStressScenario(shape);
}

QString saveTo(const QTemporaryDir& dir, const QString& name, const scenario::Scenario& sc) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(QByteArray::fromStdString(scenario::saveScenarioText(sc)));
    return path;
}

// A generated scenario with about `events` trace events (StressScenario: pairs of CPUs with
// SENDUIPIs and context switches whose phases drift).
scenario::Scenario generated(int events) {
    scenario::StressShape shape;
    shape.cpus = 4;
    shape.entries = std::max(8, events / 4);
    for (int round = 0; round < 4; ++round) {
        const sim::Recording probe(scenario::makeStressScenario(shape));
        const auto got = static_cast<double>(probe.trace().events.size());
        shape.entries = std::max<std::int64_t>(
            8, std::llround(static_cast<double>(shape.entries) * events / got));
    }
    return scenario::makeStressScenario(shape);
}

// The real window on `lab`, offscreen, 1600 x 1000; null if it cannot be loaded.
std::unique_ptr<QQmlApplicationEngine> window(lab::LabController& lab, QQuickWindow** out) {
    auto engine = std::make_unique<QQmlApplicationEngine>();
    engine->addImportPath(QStringLiteral("qrc:/"));
    engine->setInitialProperties({{"controller", QVariant::fromValue(&lab)}});
    engine->load(QUrl(QStringLiteral("qrc:/UintrLab/Main.qml")));
    if (engine->rootObjects().isEmpty()) return nullptr;
    *out = qobject_cast<QQuickWindow*>(engine->rootObjects().constFirst());
    if (!*out) return nullptr;
    (*out)->grabWindow(); // the first frame: delegates created, glyphs cached
    return engine;
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    const int moves = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    const int events = argc > 2 ? std::max(100, atoi(argv[2])) : 10000;
    bool qml = false;
    int openEvents = 0;
    for (int i = 3; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--qml") qml = true;
        if (QByteArray(argv[i]) == "--open" && i + 1 < argc) openEvents = atoi(argv[++i]);
    }

    // The baselines.
    {
        QObject target;
        const auto loop = measure(std::max(moves, 200), [&](int) {
            QMetaObject::invokeMethod(
                &target, [] {}, Qt::QueuedConnection);
            QCoreApplication::processEvents();
        });
        std::printf("baseline: bare event loop turn            median %8.4f ms  p95 %8.4f ms\n",
                    loop.median, loop.p95);
        gBaselineMs = loop.p95;
        if (qml) {
            QQuickWindow empty;
            empty.resize(1600, 1000);
            empty.grabWindow();
            const auto frame = measure(std::max(moves, 50), [&](int) { empty.grabWindow(); });
            std::printf("baseline: bare frame (empty window grab)  median %8.3f ms  p95 %8.3f ms\n",
                        frame.median, frame.p95);
            gBaselineMs = frame.p95;
        }
    }

    // The seed race: drag the switch-out back and forth across the IPI's arrival at 1300 ns.
    {
        lab::LabController lab;
        lab.timeline()->setViewWidth(1600);
        lab.timeline()->setViewHeight(420);
        if (!lab.document()->openFile(QStringLiteral(UINTR_SOURCE_DIR "/scenarios/seed-race.json")))
            return 3;
        const int entry = lab.document()->entryIndex("switch-out");
        int spuriousSeen = 0;
        const auto f = measure(moves, [&](int i) {
            lab.document()->requestMove(entry, 1100 + (i % 60) * 10);
            spuriousSeen += lab.spuriousCount();
        });
        lab.document()->commitMove(entry, lab.document()->entryTime(entry));
        report("seed race, whole run on screen", lab.eventCount(), lab.timeline()->visibleItems(),
               moves, f);
        std::printf("  (the race was on screen in %d of %d frames)\n", spuriousSeen, moves);
        // The race strip: from the first move of a drag (the request goes off the GUI thread) to
        // its bands being ready; and what that first move cost the GUI thread.
        int bands = 0;
        const auto strip = measure(std::max(5, moves / 10), [&](int i) {
            lab.document()->requestMove(entry, 1100 + (i % 2) * 10);
            lab.raceStrip()->waitForReady();
            bands = lab.raceStrip()->rowCount();
            lab.document()->cancelMove();
        });
        report("seed race, race strip ready after drag start", lab.eventCount(), bands,
               std::max(5, moves / 10), strip);
        QQuickWindow* w = nullptr;
        if (qml) {
            const auto engine = window(lab, &w);
            if (!engine) return 3;
            const auto g = measure(moves, [&](int i) {
                lab.document()->requestMove(entry, 1100 + (i % 60) * 10);
                w->grabWindow();
            });
            lab.document()->cancelMove();
            report("seed race, QML frame (request + render)", lab.eventCount(),
                   lab.timeline()->visibleItems(), moves, g);
        }
    }

    // A generated scenario: drag one context switch in the middle of the run.
    const scenario::Scenario big = generated(events);
    QTemporaryDir dir;
    const QString path = dir.filePath("generated.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return 3;
    file.write(QByteArray::fromStdString(scenario::saveScenarioText(big)));
    file.close();

    lab::LabController lab;
    lab.timeline()->setViewWidth(1600);
    lab.timeline()->setViewHeight(420);
    if (!lab.document()->openFile(path)) return 3;
    QQuickWindow* w = nullptr;
    std::unique_ptr<QQmlApplicationEngine> engine;
    if (qml && !(engine = window(lab, &w))) return 3;
    int entry = static_cast<int>(big.timeline.size() / 2);
    while (entry < static_cast<int>(big.timeline.size()) &&
           big.timeline[static_cast<std::size_t>(entry)].kind !=
               scenario::TimelineEntry::Kind::ContextSwitch)
        ++entry;
    const qint64 base = lab.document()->entryTime(entry);
    const auto wiggle = [&](int i) {
        lab.document()->requestMove(entry, base + (i % 20) * 7 - 70);
    };

    const auto frame = [&](int i) {
        wiggle(i);
        w->grabWindow();
    };

    lab.timeline()->fit();
    auto f = measure(moves, wiggle);
    report("generated, whole run on screen (LOD)", lab.eventCount(), lab.timeline()->visibleItems(),
           moves, f);
    std::printf("  (%d segments, %d markers, %d arrows, %d ticks)\n",
                lab.timeline()->segments()->count(), lab.timeline()->markers()->count(),
                lab.timeline()->arrows()->count(), lab.timeline()->ticks()->count());
    if (qml) {
        // The whole run on screen: a request simulates nothing on this thread; the worker's runs
        // (PreviewFinisher's late mode) are drawn in the frame they arrive in, so the frame
        // processes events first, and frames come at 60 Hz as a hand's moves do.
        int drawn = 0;
        const auto counting =
            QObject::connect(lab.document(), &lab::LabDocument::runReady, [&drawn] { ++drawn; });
        f = measure(
            moves,
            [&](int i) {
                wiggle(i);
                QCoreApplication::processEvents();
                w->grabWindow();
            },
            1000.0 / 60);
        QObject::disconnect(counting);
        report("generated, whole run, QML frame", lab.eventCount(), lab.timeline()->visibleItems(),
               moves, f);
        std::printf("  (60 Hz moves; %d of %d frames drew a run the worker finished)\n", drawn,
                    moves);
        // The latency of the run: from the move to it drawn (the drag stops).
        f = measure(std::max(5, moves / 5), [&](int i) {
            wiggle(i);
            lab.document()->previewFinisher()->waitForDone();
            w->grabWindow();
        });
        report("generated, whole run, move to run drawn", lab.eventCount(),
               lab.timeline()->visibleItems(), std::max(5, moves / 5), f);
    }
    lab.document()->cancelMove();

    lab.timeline()->showRange(base - 1500, base + 1500);
    f = measure(moves, wiggle);
    report("generated, zoomed to 3 us around the drag", lab.eventCount(),
           lab.timeline()->visibleItems(), moves, f);
    if (qml) {
        f = measure(moves, frame);
        report("generated, zoomed to 3 us, QML frame", lab.eventCount(),
               lab.timeline()->visibleItems(), moves, f);
        // The latency of the rest: from the move to the finished run on screen (the drag stops).
        f = measure(std::max(5, moves / 5), [&](int i) {
            wiggle(i);
            lab.document()->previewFinisher()->waitForDone();
            w->grabWindow();
        });
        report("generated, zoomed, move to finished run drawn", lab.eventCount(),
               lab.timeline()->visibleItems(), std::max(5, moves / 5), f);
    }
    lab.document()->cancelMove();

    if (openEvents > 0) {
        const auto huge = approximately(openEvents);
        const QString hugePath = saveTo(dir, QStringLiteral("huge.json"), huge);
        const double before = residentMiB();
        lab::LabController big;
        big.timeline()->setViewWidth(1600);
        big.timeline()->setViewHeight(420);
        QElapsedTimer timer;
        timer.start();
        if (!big.document()->openFile(hugePath)) return 3;
        const double openMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        std::printf("open a %d-event run: %8.1f ms, +%.0f MiB resident (%.0f B/event)\n",
                    big.eventCount(), openMs, residentMiB() - before,
                    (residentMiB() - before) * (1 << 20) / big.eventCount());
        QQuickWindow* bw = nullptr;
        std::unique_ptr<QQmlApplicationEngine> bigEngine;
        if (qml && !(bigEngine = window(big, &bw))) return 3;
        for (const bool whole : {true, false}) {
            if (whole)
                big.timeline()->fit();
            else
                big.timeline()->showRange(big.endTime() / 2, big.endTime() / 2 + 20'000);
            const auto pan = [&](int i) {
                big.timeline()->panBy(i % 40 < 20 ? 40 : -40);
                if (bw) bw->grabWindow();
            };
            const auto p = measure(moves, pan);
            report(whole ? "huge, pan the whole run" : "huge, pan 20 us", big.eventCount(),
                   big.timeline()->visibleItems(), moves, p);
        }
    }

    // Where the time goes: the re-simulation alone (Recording + layout build + verdict).
    std::vector<scenario::Scenario> copies(static_cast<std::size_t>(std::min(moves, 50)), big);
    f = measure(static_cast<int>(copies.size()), [&](int i) {
        lab::SimRun run(std::move(copies[static_cast<std::size_t>(i)]));
        (void)run.eventCount();
    });
    report("generated, re-simulation only (SimRun)", lab.eventCount(), 0,
           static_cast<int>(copies.size()), f);
    // The same, resumed from the committed run's checkpoint before the moved entry (the drag).
    const auto committed = std::make_shared<const lab::SimRun>(big);
    std::vector<scenario::Scenario> moved(static_cast<std::size_t>(std::min(moves, 50)), big);
    f = measure(static_cast<int>(moved.size()), [&](int i) {
        auto& sc = moved[static_cast<std::size_t>(i)];
        sc.timeline[static_cast<std::size_t>(entry)].at = base + (i % 20) * 7 - 70;
        lab::SimRun run(std::move(sc), committed, base - 70);
        (void)run.eventCount();
    });
    report("generated, resumed re-simulation (SimRun)", lab.eventCount(), 0,
           static_cast<int>(moved.size()), f);

    // The parts of a resumed drag frame, one at a time on the same run.
    {
        const int n = static_cast<int>(moved.size());
        auto sc = big;
        sc.timeline[static_cast<std::size_t>(entry)].at = base - 35;
        f = measure(n, [&](int) {
            const sim::Recording r(sc, committed->recording(), base - 70);
            (void)r.steps();
        });
        report("  part: resumed Recording (sim + summary)", lab.eventCount(), 0, n, f);
        const auto& rec = committed->recording();
        f = measure(n, [&](int) {
            const render::TimelineLayout layout(rec.scenario(), rec.trace());
            (void)layout.endTime();
        });
        report("  part: TimelineLayout build", lab.eventCount(), 0, n, f);
        const sim::Recording resumed(sc, rec, base - 70);
        f = measure(n, [&](int) {
            const render::TimelineLayout layout(resumed.scenario(), resumed.trace(),
                                                committed->layout(),
                                                static_cast<int>(resumed.resumedEvents()));
            (void)layout.endTime();
        });
        report("  part: TimelineLayout over the committed one", lab.eventCount(), 0, n, f);
        f = measure(n, [&](int) {
            const sim::Recording r(sc, rec, base - 70, base + 1500);
            (void)r.steps();
        });
        report("  part: resumed Recording to the 3 us view's edge", lab.eventCount(), 0, n, f);
        const sim::Recording toEdge(sc, rec, base - 70, base + 1500);
        f = measure(n, [&](int) {
            const render::TimelineLayout layout(toEdge.scenario(), toEdge.trace(),
                                                committed->layout(),
                                                static_cast<int>(toEdge.resumedEvents()));
            (void)layout.endTime();
        });
        report("  part: TimelineLayout of that, over the committed", lab.eventCount(), 0, n, f);
        f = measure(n, [&](int) {
            const lab::SimRun run(sc, committed, base - 70, base + 1500);
            (void)run.eventCount();
        });
        report("  part: the whole partial SimRun (copy included)", lab.eventCount(), 0, n, f);
        f = measure(n, [&](int) {
            const render::DensityIndex d(rec.trace(), committed->layout().cpuCount());
            (void)d.markersIn(0, 0, 1);
        });
        report("  part: DensityIndex build", lab.eventCount(), 0, n, f);
        f = measure(
            n, [&](int) { (void)analysis::verdict(rec.scenario(), rec.trace(), rec.summary()); });
        report("  part: verdict", lab.eventCount(), 0, n, f);
        const auto shared = std::make_shared<const lab::SimRun>(big);
        for (const bool whole : {true, false}) {
            if (whole)
                lab.timeline()->fit();
            else
                lab.timeline()->showRange(base - 1500, base + 1500);
            f = measure(n, [&](int) { lab.timeline()->setRun(shared, false); });
            report(whole ? "  part: TimelineView relayout, whole run"
                         : "  part: TimelineView relayout, 3 us",
                   lab.eventCount(), lab.timeline()->visibleItems(), n, f);
            if (qml) {
                f = measure(n, [&](int) { w->grabWindow(); });
                report(whole ? "  part: QML frame, nothing changed, whole run"
                             : "  part: QML frame, nothing changed, 3 us",
                       lab.eventCount(), lab.timeline()->visibleItems(), n, f);
                f = measure(n, [&](int i) {
                    lab.timeline()->panBy(i % 2 ? 1 : -1);
                    w->grabWindow();
                });
                report(whole ? "  part: 1 px pan + QML frame, whole run"
                             : "  part: 1 px pan + QML frame, 3 us",
                       lab.eventCount(), lab.timeline()->visibleItems(), n, f);
            }
        }
        // What drawing a run the worker finished costs the GUI thread in a whole-run drag: the
        // controller following it (views, inspector, narration, Why), then the QML frame.
        lab.timeline()->fit();
        std::shared_ptr<const lab::SimRun> finished[2];
        for (int k = 0; k < 2; ++k) {
            auto moved = big;
            moved.timeline[static_cast<std::size_t>(entry)].at = base + 7 * k - 70;
            finished[k] = lab::SimRun(moved, committed, base - 70).standalone();
        }
        {
            std::vector<double> ms;
            for (int i = 0; i < 10; ++i) {
                auto run = std::make_shared<const lab::SimRun>(big, committed, base - 70);
                QElapsedTimer timer;
                timer.start();
                run.reset();
                ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            }
            std::sort(ms.begin(), ms.end());
            std::printf("  part: destroying a finished run: median %.3f ms max %.3f ms\n", ms[5],
                        ms.back());
        }
        f = measure(n, [&](int i) { Q_EMIT lab.document()->runReady(finished[i % 2], false); });
        report("  part: a finished run shown, whole run", lab.eventCount(),
               lab.timeline()->visibleItems(), n, f);
        if (qml) {
            f = measure(n, [&](int i) {
                Q_EMIT lab.document()->runReady(finished[i % 2], false);
                w->grabWindow();
            });
            report("  part: a finished run shown + QML frame", lab.eventCount(),
                   lab.timeline()->visibleItems(), n, f);
        }
    }
    return 0;
}
