// The race appears and disappears under the hand: drag the seed race's switch-out past the
// IPI's arrival (1300 ns) with the mouse and the red "UIS +1" marker goes; drag it back and it
// returns. One drag is one undo step; Ctrl+Z and Ctrl+Shift+Z walk them.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    // One controller for the whole case; each test reopens the seed race in it (a fresh
    // document, empty undo stack). It outlives the windows created per test.
    readonly property LabController lab: labObject
    property Main window
    property Item mouseArea

    // The glyphs the marker layer draws (MarkersItem), of one kind.
    function markers(kind: string): list<var> {
        return findChild(window.contentItem, "markers").drawnGlyphs().filter(g => g.kind === kind)
    }
    // Press on the entry's marker, move in steps to `to`, release.
    function drag(entry: int, to: real, steps: int) {
        const view = lab.timeline
        const y = view.laneCenterY(0)
        const from = view.xOf(lab.document.entryTime(entry))
        mousePress(mouseArea, from, y)
        for (let i = 1; i <= steps; ++i)
            mouseMove(mouseArea, from + (view.xOf(to) - from) * i / steps, y)
        mouseRelease(mouseArea, view.xOf(to), y)
    }

    name: "Drag"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1400, height: 900 })
        verify(window)
        waitForRendering(window.contentItem)
        mouseArea = findChild(window.contentItem, "timelineMouse")
        verify(mouseArea)
    }

    function test_dragSwitchOutPastTheArrivalAndBack() {
        const entry = lab.document.entryIndex("switch-out")
        compare(markers("spurious_notification").length, 1)

        drag(entry, 1450, 8)
        compare(lab.document.entryTime(entry) > 1300, true, "the switch-out moved past the arrival")
        compare(markers("spurious_notification").length, 0)
        compare(lab.spuriousCount, 0)
        verify(/^Move switch-out to 1 [0-9]{3} ns$/.test(lab.document.undoText), lab.document.undoText)
        verify(lab.verdict[0].startsWith("No spurious notification"))

        drag(entry, 1100, 8)
        // the mouse moves in whole pixels: the entry lands within one pixel of 1100 ns
        const nsPerPx = 1 / (lab.timeline.xOf(1001) - lab.timeline.xOf(1000))
        verify(Math.abs(lab.document.entryTime(entry) - 1100) <= Math.ceil(nsPerPx),
               "switch-out at " + lab.document.entryTime(entry))
        compare(markers("spurious_notification").length, 1)
        compare(lab.spuriousCount, 1)

        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(markers("spurious_notification").length, 0)
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(lab.document.entryTime(entry), 1100) // back to the file's value
        compare(markers("spurious_notification").length, 1)
        verify(!lab.document.canUndo)
        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        compare(markers("spurious_notification").length, 0)
    }

    function test_theRaceVanishesMidDrag() {
        const entry = lab.document.entryIndex("switch-out")
        const view = lab.timeline
        const y = view.laneCenterY(0)
        mousePress(mouseArea, view.xOf(1100), y)
        mouseMove(mouseArea, view.xOf(1200), y)
        verify(lab.document.previewing)
        compare(markers("spurious_notification").length, 1, "still switched out before 1300")
        mouseMove(mouseArea, view.xOf(1400), y)
        compare(markers("spurious_notification").length, 0, "the preview already shows it")
        // The tooltip under the hand says where the switch is going.
        const tip = findChild(mouseArea, "timelineTip")
        tryVerify(() => tip.opened, 1000, "the tooltip is shown: " + tip.text)
        verify(/^switch-out → 1 [0-9]{3} ns$/.test(tip.text), tip.text)
        compare(tip.text, lab.document.previewText)
        verify(!lab.document.canUndo, "no undo entry before the release")
        keyClick(Qt.Key_Escape)
        verify(!lab.document.previewing)
        compare(markers("spurious_notification").length, 1)
        mouseRelease(mouseArea, view.xOf(1400), y)
        compare(lab.document.entryTime(entry), 1100)
        verify(!lab.document.canUndo)
    }

    function test_dragSendUipiAfterTheSwitchOut() {
        // SENDUIPI after the receiver left: SN is set, so no IPI is sent and nothing is spurious.
        const entry = lab.document.entryIndex("send")
        const view = lab.timeline
        const y = view.laneCenterY(1)
        mousePress(mouseArea, view.xOf(1000), y)
        mouseMove(mouseArea, view.xOf(1100), y)
        mouseMove(mouseArea, view.xOf(1600), y)
        mouseRelease(mouseArea, view.xOf(1600), y)
        verify(lab.document.entryTime(entry) > 1500)
        compare(markers("spurious_notification").length, 0)
        // uintr-reference.md §2.4: SN set, so the post is made and no IPI leaves: a suppressed
        // marker, no arrow.
        compare(markers("ipi_suppressed").length, 1)
        compare(lab.timeline.arrows.count, 1, "only the self-IPI at switch-in")
    }

    function test_markersInTheStatusLine() {
        const text = findChild(window.contentItem, "markerText")
        verify(text.text.startsWith("Ctrl+click"), text.text)
        lab.playback.setMarkerA(1000)
        lab.playback.setMarkerB(1300)
        compare(text.text, "A 1 000 ns   B 1 300 ns   B−A +300 ns")
        lab.playback.clearMarkers()
        verify(text.text.startsWith("Ctrl+click"), text.text)
    }
}
