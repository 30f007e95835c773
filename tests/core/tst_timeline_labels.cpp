// Label placement (render/TimelineLabels.cpp), shared by the screen and the SVG: for every
// shipped scenario, at the export's sizes, at the app's sizes at 1× and 2× and in a 1366×768
// window, at the fitted view and zoomed in: no two label boxes overlap, none covers a marker's
// glyph or a switch's grip, every one stays in its lane and in the plot, and labels that had no
// room for their whole text are the short form of it.
#include "analysis/EventProse.h"
#include "render/MarkerText.h"
#include "render/Palette.h"
#include "render/TextWidth.h"
#include "render/TimelineGeometry.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <QDir>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace uintr;

namespace {

struct Setup {
    const char* name;
    double width, laneHeight, laneGap, scale;
    bool appSizes; // the app's text sizes (Theme.qml) at `scale`; else the SVG export's
};

// The app's lanes at 1600×1000 and 1366×768 (TimelineView: the timeline gets what the window
// leaves), at 1× and 2×; the export's 1600 px page.
constexpr Setup kSetups[] = {
    {"svg 1600", 1600, 130, 14, 1, false},        {"app 1600x1000", 1584, 150, 40, 1, true},
    {"app 1366x768", 1350, 84, 30, 1, true},      {"app 1366x768 2x", 1350, 96, 32, 2, true},
    {"app 1920x1080 2x", 1904, 200, 60, 2, true},
};

render::Viewport viewportFor(const Setup& s, std::int64_t t0, std::int64_t t1) {
    render::Viewport v;
    v.t0 = t0;
    v.t1 = t1;
    v.width = s.width;
    v.labelWidth = 96 * s.scale;
    v.rulerHeight = 36 * s.scale;
    v.laneHeight = s.laneHeight;
    v.laneGap = s.laneGap;
    v.markerMergePx = 14 * s.scale;
    v.markerStackPx = 26 * s.scale;
    if (s.appSizes) v.text = {20 * s.scale, 15 * s.scale, 19 * s.scale, 19 * s.scale, 13 * s.scale};
    return v;
}

struct Box {
    double x0, x1, y0, y1;
};
bool overlap(const Box& a, const Box& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
Box boxOf(const render::Label& l) {
    return {l.x0, l.x1, l.y0, l.y1()};
}

} // namespace

class TstTimelineLabels : public QObject {
    Q_OBJECT
  private slots:
    void noLabelOverlapsAnything_data();
    void noLabelOverlapsAnything();
    void crowdedLabelsAreShortenedNotCut();
    void svgAndScreenShareThePlacement();
    void ipiLabelSaysVectorAndFlight();
    void markerKindsAreNamedByTheTrace();
};

void TstTimelineLabels::noLabelOverlapsAnything_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("setup");
    QTest::addColumn<int>("zoom"); // 1: fitted; k: a k-times narrower window around the race
    const QDir dir(QStringLiteral(UINTR_SOURCE_DIR "/scenarios"));
    for (const QString& f : dir.entryList({"*.json"}, QDir::Files, QDir::Name))
        for (int s = 0; s < static_cast<int>(std::size(kSetups)); ++s)
            for (int zoom : {1, 3, 8})
                QTest::addRow("%s %s zoom %d", qPrintable(f), kSetups[s].name, zoom)
                    << dir.filePath(f) << s << zoom;
}

void TstTimelineLabels::noLabelOverlapsAnything() {
    QFETCH(QString, file);
    QFETCH(int, setup);
    QFETCH(int, zoom);
    const auto loaded = scenario::loadScenarioFile(file.toStdString());
    QVERIFY(loaded.ok());
    const auto& sc = *loaded.scenario;
    const auto run = sim::runScenario(sc);
    const render::TimelineLayout layout(sc, run.trace);
    const Setup& s = kSetups[setup];
    const auto fitted = layout.fit(s.width);
    const std::int64_t span = (fitted.t1 - fitted.t0) / zoom;
    const std::int64_t t0 = zoom == 1 ? fitted.t0 : std::max<std::int64_t>(0, 1000 - span / 3);
    const auto g = layout.layout(viewportFor(s, t0, t0 + std::max<std::int64_t>(span, 20)));
    QVERIFY(!g.labels.empty());

    for (std::size_t i = 0; i < g.labels.size(); ++i) {
        const auto& a = g.labels[i];
        const Box box = boxOf(a);
        // In the plot, and inside the lane of what it names.
        QVERIFY2(box.x0 >= g.viewport.labelWidth - 0.01 && box.x1 <= g.viewport.width + 0.01,
                 a.text.c_str());
        const bool ofArrow = a.of == render::LabelOf::Arrow;
        const int cpu = a.of == render::LabelOf::Segment || a.of == render::LabelOf::Handler
                            ? g.segments[static_cast<std::size_t>(a.item)].cpu
                        : ofArrow ? g.arrows[static_cast<std::size_t>(a.item)].fromCpu
                                  : g.markers[static_cast<std::size_t>(a.item)].cpu;
        const auto& lane = g.lanes[static_cast<std::size_t>(cpu)];
        if (ofArrow) {
            // An IPI's words: centred on the gap its arrow leaves its lane by, under the ruler.
            const auto& arrow = g.arrows[static_cast<std::size_t>(a.item)];
            const double gapMiddle = arrow.toCpu <= arrow.fromCpu
                                         ? lane.y0 - g.viewport.laneGap / 2
                                         : lane.y1 + g.viewport.laneGap / 2;
            QVERIFY2(std::abs((box.y0 + box.y1) / 2 - gapMiddle) < 0.01, a.text.c_str());
            QVERIFY2(box.y0 >= g.viewport.rulerHeight, a.text.c_str());
        } else {
            QVERIFY2(box.y0 >= lane.y0 && box.y1 <= lane.y1, a.text.c_str());
        }
        // Its box is as wide as its words (bold ones a little wider).
        QVERIFY(a.x1 - a.x0 >= render::textWidth(a.text, a.font) - 1e-9);
        QVERIFY(a.x1 - a.x0 <= 1.2 * render::textWidth(a.text, a.font));
        for (std::size_t j = i + 1; j < g.labels.size(); ++j)
            QVERIFY2(!overlap(box, boxOf(g.labels[j])),
                     qPrintable(QStringLiteral("'%1' overlaps '%2'")
                                    .arg(QString::fromStdString(a.text),
                                         QString::fromStdString(g.labels[j].text))));
        // No word covers a glyph (a switch: its grip on top of the lane).
        const double u = g.viewport.text.glyph / 20;
        for (const auto& m : g.markers) {
            if (m.cpu != cpu && !ofArrow) continue; // an IPI's words cross lanes' gaps
            const auto& mLane = g.lanes[static_cast<std::size_t>(m.cpu)];
            const Box glyph =
                m.kind == render::MarkerKind::ContextSwitch
                    ? Box{m.x - 8 * u, m.x + 8 * u, mLane.y0 - 6 * u, mLane.y0 + 8 * u}
                    : Box{m.x - 10 * u, m.x + 10 * u, m.y - 10 * u, m.y + 10 * u};
            if (m.merged > 1 && m.kind != render::MarkerKind::ContextSwitch) continue;
            QVERIFY2(!overlap(box, glyph), qPrintable(QStringLiteral("'%1' covers a glyph at %2 ns")
                                                          .arg(QString::fromStdString(a.text))
                                                          .arg(m.t)));
        }
    }
}

// Four markers at one spot (a wake-up: kernel vector, woken, self-IPI, delivery): each label
// either has its place or is the last word of its text; none is cut mid-word.
void TstTimelineLabels::crowdedLabelsAreShortenedNotCut() {
    const auto loaded =
        scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/uintr-wait-wakeup.json");
    QVERIFY(loaded.ok());
    const auto run = sim::runScenario(*loaded.scenario);
    const render::TimelineLayout layout(*loaded.scenario, run.trace);
    const auto g = layout.layout(viewportFor(kSetups[2], 0, layout.fit(1350).t1));
    int markerLabels = 0;
    for (const auto& l : g.labels) {
        if (l.of != render::LabelOf::Marker) continue;
        ++markerLabels;
        const std::string& full = g.markers[static_cast<std::size_t>(l.item)].label;
        const bool whole = l.text == full;
        const bool lastWord =
            full.size() > l.text.size() &&
            full.compare(full.size() - l.text.size(), l.text.size(), l.text) == 0 &&
            full[full.size() - l.text.size() - 1] == ' ';
        QVERIFY2(whole || lastWord, (l.text + " from " + full).c_str());
    }
    QVERIFY(markerLabels > 0);
}

// The export and the screen read the same numbers: at the export's sizes the placement is the
// SVG's (seed race: the spurious notification's "UIS +1" is placed first, in the first free
// place around its glyph).
void TstTimelineLabels::svgAndScreenShareThePlacement() {
    const auto loaded = scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/seed-race.json");
    QVERIFY(loaded.ok());
    const auto run = sim::runScenario(*loaded.scenario);
    const render::TimelineLayout layout(*loaded.scenario, run.trace);
    const auto g = layout.layout(viewportFor(kSetups[0], 0, layout.fit(1600).t1));
    const auto spurious =
        std::find_if(g.labels.begin(), g.labels.end(),
                     [](const render::Label& l) { return l.of == render::LabelOf::Spurious; });
    QVERIFY(spurious != g.labels.end());
    QCOMPARE(spurious->text, std::string("UIS +1"));
    const auto& m = g.markers[static_cast<std::size_t>(spurious->item)];
    QCOMPARE(m.t, std::int64_t{1300}); // uintr-reference.md §6: the arrival at 1300 ns
    // Next to its glyph (above, beside or on the lane's top line), not on it.
    QVERIFY(std::abs(spurious->centre() - m.x) < 80 && std::abs(spurious->baseline - m.y) < 60);
    QVERIFY(spurious->y1() <= m.y - 12 || spurious->y0 >= m.y + 12 || spurious->x0 >= m.x + 11 ||
            spurious->x1 <= m.x - 11);
    QCOMPARE(spurious->x1 - spurious->x0, 1.12 * render::textWidth("UIS +1", 24)); // bold
}

// The seed race's notification IPI is labelled with what it carries and how long it flies — the
// race window: UINV 0xEC (uintr-reference.md §2), sent at 1000 ns, arriving at 1300 ns (§6). Its
// words sit in the gap between the lanes, beside the line the core gives screen and SVG alike.
void TstTimelineLabels::ipiLabelSaysVectorAndFlight() {
    const auto loaded = scenario::loadScenarioFile(UINTR_SOURCE_DIR "/scenarios/seed-race.json");
    QVERIFY(loaded.ok());
    const auto run = sim::runScenario(*loaded.scenario);
    const render::TimelineLayout layout(*loaded.scenario, run.trace);
    for (const Setup& s : kSetups) {
        const auto g = layout.layout(viewportFor(s, 0, layout.fit(s.width).t1));
        const auto it = std::find_if(g.labels.begin(), g.labels.end(), [](const render::Label& l) {
            return l.of == render::LabelOf::Arrow;
        });
        QVERIFY2(it != g.labels.end(), s.name);
        QCOMPARE(it->text, std::string("0xEC \xC2\xB7 300 ns"));
        const auto& a = g.arrows[static_cast<std::size_t>(it->item)];
        QCOMPARE(a.t1 - a.t0, std::int64_t{300});
        QVERIFY(a.spurious);
        // Within the arrow's horizontal reach, near where its line crosses the gap.
        QVERIFY(it->x1 > std::min(a.x0, a.x1) && it->x0 < std::max(a.x0, a.x1));
        const double gapY = a.y0 + (a.y1 > a.y0 ? 1 : -1) * g.viewport.laneGap / 2;
        QCOMPARE((it->y0 + it->y1()) / 2, gapY);
        // The path the SVG and the screen draw starts and ends at the arrow's ends.
        const auto path = render::arrowPath(a, g.viewport);
        QCOMPARE(path.front(), std::make_pair(a.x0, a.y0));
        QCOMPARE(path.back(), std::make_pair(a.x1, a.y1));
    }
}

// A marker kind's name and title come from the trace's kinds (model::kindName, the cli.md
// spelling, and analysis::eventTitle), not from a table of their own: each kind but Other names
// an event kind drawn as it, and says what that event is called.
void TstTimelineLabels::markerKindsAreNamedByTheTrace() {
    for (std::size_t k = 0; k < render::kMarkerKindCount; ++k) {
        const auto kind = static_cast<render::MarkerKind>(k);
        const std::string_view name = render::markerKindName(kind);
        if (kind == render::MarkerKind::Other) {
            QCOMPARE(name, std::string_view("other"));
            continue;
        }
        bool found = false;
        for (std::size_t e = 0; e < static_cast<std::size_t>(model::EventKind::Count); ++e) {
            const auto event = static_cast<model::EventKind>(e);
            if (model::kindName(event) != name) continue;
            found = true;
            QCOMPARE(render::markerKindOf(event), kind);
            QCOMPARE(render::markerTitle(kind), analysis::eventTitle(event));
        }
        QVERIFY2(found, std::string(name).c_str());
    }
    QCOMPARE(render::markerKindName(render::MarkerKind::Spurious),
             std::string_view("spurious_notification"));
    QCOMPARE(render::markerKindName(render::MarkerKind::Deferred), std::string_view("op_deferred"));
    QCOMPARE(render::markerTitle(render::MarkerKind::Spurious),
             std::string("spurious notification (UIS +1)"));
}

QTEST_APPLESS_MAIN(TstTimelineLabels)
#include "tst_timeline_labels.moc"
