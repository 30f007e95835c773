// The race explorer where the user is: drag the seed race's switch-out (or its SENDUIPI) with
// the mouse and the lane shows the outcome at every position as bands whose boundaries are
// those of `uintr-sim explore --json` (read from the files the fixture wrote with the built
// CLI); a newer drag replaces the strip; the race map panel's click moves both entries as one
// undo step.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window
    property Item mouseArea

    name: "RaceExplorer"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    // testDataDir/ID.json, written by `uintr-sim explore scenarios/seed-race.json --vary ID
    // --json` before this test (WriteExploreJson.cmake; tst_qml.cpp sets testDataDir).
    function explore(name: string): var {
        // A context property (tst_qml.cpp), which qmllint cannot see.
        verify(testDataDir !== "", "run through CTest: the fixture writes the JSON") // qmllint disable unqualified
        const xhr = new XMLHttpRequest
        xhr.open("GET", "file://" + testDataDir + "/" + name + ".json", false)
        xhr.send()
        return JSON.parse(xhr.responseText)
    }
    function pressAndMove(entry: int, lane: int, dx: real) {
        const view = lab.timeline
        const x = view.xOf(lab.document.entryTime(entry))
        const y = view.laneCenterY(lane)
        mousePress(mouseArea, x, y)
        mouseMove(mouseArea, x + dx / 2, y)
        mouseMove(mouseArea, x + dx, y)
    }
    // Every boundary inside the strip's range is one of explore's, with the same outcomes.
    // (Windows that touch either range's end are cut there, not by a change of outcome.)
    function compareWithExplore(explored: var) {
        const strip = lab.raceStrip
        verify(strip.count >= 2, "the seed race has a race window")
        const { from: first } = strip.band(0), { to: last } = strip.band(strip.count - 1)
        const axis = explored.axes[0]
        let compared = 0
        for (const w of explored.windows) {
            if (w.from <= Math.max(first, axis.from) || w.to >= Math.min(last, axis.to)) continue
            let found = false
            for (let i = 0; i < strip.count; ++i) {
                const b = strip.band(i)
                if (b.from === w.from && b.to === w.to) {
                    compare(b.outcome, w.outcome)
                    compare(b.label, w.label)
                    found = true
                }
            }
            verify(found, "a band " + w.label)
            ++compared
        }
        verify(compared >= 1)
    }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1400, height: 900 })
        verify(window)
        waitForRendering(window.contentItem)
        mouseArea = findChild(window.contentItem, "timelineMouse")
        verify(mouseArea)
    }

    function test_stripUnderTheSwitchDrag() {
        const entry = lab.document.entryIndex("switch-out")
        verify(!lab.raceStrip.active)
        pressAndMove(entry, 0, 30)
        verify(lab.document.previewing)
        verify(lab.raceStrip.active)
        compare(lab.raceStrip.entry, entry)
        compare(lab.raceStrip.cpu, 0)
        tryCompare(lab.raceStrip, "ready", true)
        compareWithExplore(explore("switch-out"))
        // The race window of cli.md's example, as a band with its label.
        let spurious = null
        for (let i = 0; i < lab.raceStrip.count; ++i)
            if (lab.raceStrip.band(i).outcome === "spurious") spurious = lab.raceStrip.band(i)
        compare(spurious.label, "spurious from 1000 to 1299 ns")
        const bands = findChild(window.contentItem, "raceBands")
        compare(bands.count, lab.raceStrip.count)
        mouseRelease(mouseArea, lab.timeline.xOf(lab.document.entryTime(entry)), lab.timeline.laneCenterY(0))
        verify(!lab.raceStrip.active, "the strip goes with the drag")
    }

    function test_latestDragWins() {
        const out = lab.document.entryIndex("switch-out"), send = lab.document.entryIndex("send")
        pressAndMove(out, 0, 20)
        keyClick(Qt.Key_Escape)
        mouseRelease(mouseArea, 0, 0)
        pressAndMove(send, 1, 20)
        compare(lab.raceStrip.entry, send)
        tryCompare(lab.raceStrip, "ready", true)
        compare(lab.raceStrip.entry, send)
        compareWithExplore(explore("send"))
        mouseRelease(mouseArea, lab.timeline.xOf(lab.document.entryTime(send)), lab.timeline.laneCenterY(1))
    }

    function test_mapClickIsOneUndoStep() {
        const out = lab.document.entryIndex("switch-out"), send = lab.document.entryIndex("send")
        keyClick(Qt.Key_M, Qt.ControlModifier)
        const panel = findChild(window.contentItem, "raceMapPanel")
        verify(lab.raceMap.enabled)
        lab.raceMap.waitForReady()
        compare(lab.raceMap.choices[lab.raceMap.axisA], "switch-out")
        compare(lab.raceMap.choices[lab.raceMap.axisB], "send")
        const view = findChild(panel.contentItem, "raceMapView")
        verify(view)
        // The drawer slides in: click only once it is fully open, or the click lands beside it.
        tryCompare(panel, "position", 1.0)
        waitForRendering(view)
        // The point switch-out = 1400 ns, send = 1000 ns: past the arrival, no race.
        const centre = lab.raceMap.centreOf(1400, 1000)
        const p = view.itemPoint(centre.x, centre.y)
        mouseClick(view, p.x, p.y)
        compare(lab.document.entryTime(out), 1400)
        compare(lab.document.entryTime(send), 1000)
        compare(lab.spuriousCount, 0)
        verify(lab.document.undoText.indexOf("switch-out") >= 0, lab.document.undoText)
        lab.document.undo()
        compare(lab.document.entryTime(out), 1100)
        compare(lab.document.entryTime(send), 1000)
        compare(lab.spuriousCount, 1)
        verify(!lab.document.canUndo)
    }
}
