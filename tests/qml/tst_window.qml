// The window as a class sees it: drawn (not blank), the playhead keys, the kernel switch, Why by
// a click, the presentation scale and the dark palette.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    // One controller for the whole case; each test reopens the seed race in it (a fresh
    // document, empty undo stack). It outlives the windows created per test.
    readonly property LabController lab: labObject
    property Main window

    name: "Window"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1400, height: 900 })
        verify(window)
        waitForRendering(window.contentItem)
    }

    function test_isNotBlank() {
        const image = grabImage(window.contentItem)
        compare(image.width, 1400)
        const seen = {}
        let colours = 0
        for (let y = 5; y < image.height; y += 23)
            for (let x = 5; x < image.width; x += 23) {
                const key = image.pixel(x, y).toString()
                if (!seen[key]) { seen[key] = true; ++colours }
            }
        verify(colours > 12, colours + " colours")
        verify(findChild(window.contentItem, "verdictLine").text.startsWith("Spurious notification"))
    }

    function test_keysStepThePlayhead() {
        window.requestActivate()
        keyClick(Qt.Key_Home)
        compare(lab.playback.currentEvent, -1)
        keyClick(Qt.Key_Right)
        compare(lab.playback.currentEvent, 0)
        for (let i = 0; i < 4; ++i) keyClick(Qt.Key_Right)
        compare(lab.playback.playhead, 1000)
        verify(findChild(window.contentItem, "currentEvent").text.indexOf("1 000 ns") === 0)
        keyClick(Qt.Key_Left)
        compare(lab.playback.currentEvent, 3)
        keyClick(Qt.Key_End)
        compare(lab.playback.playhead, lab.endTime)
    }

    function test_clickShowsWhy() {
        const view = lab.timeline
        const mouse = findChild(window.contentItem, "timelineMouse")
        mouseClick(mouse, view.xOf(1300), view.laneCenterY(0))
        verify(lab.selectedEvent >= 0)
        verify(lab.whyTitle.indexOf("spurious notification") >= 0)
        compare(lab.playback.playhead, 1300)
        const list = findChild(window.contentItem, "whyList")
        verify(list.count >= 4)
        keyClick(Qt.Key_Escape)
        compare(lab.selectedEvent, -1)
    }

    function test_kernelSwitchResimulates() {
        const box = findChild(window.contentItem, "variantBox") ?? findChild(window.header, "variantBox")
        verify(box)
        box.activated(box.find("misc-restore-bug"))
        compare(lab.document.variant, "misc-restore-bug")
        compare(lab.deliveredCount, 0)
        compare(box.currentText, "misc-restore-bug")
        lab.document.undo()
        compare(box.currentText, "rfc-v1")
    }

    function test_brokenFileShowsTheLoadersLine() {
        const dialog = findChild(window, "errorDialog")
        verify(dialog)
        verify(!lab.document.openFile(lab.library.defaultScenario() + ".missing"))
        tryCompare(dialog, "opened", true)
        verify(dialog.message.indexOf(lab.library.defaultScenario() + ".missing:") === 0, dialog.message)
        verify(lab.document.filePath.endsWith("seed-race.json"), "the scenario on screen is unchanged")
        dialog.close()
    }

    function test_scaleAndDark() {
        const before = lab.timeline.laneHeight
        keyClick(Qt.Key_Plus, Qt.ControlModifier)
        compare(window.presentationScale, 1.25)
        verify(Theme.fontBody > 15)
        keyClick(Qt.Key_0, Qt.ControlModifier)
        compare(window.presentationScale, 1)
        keyClick(Qt.Key_D, Qt.ControlModifier)
        verify(Theme.dark)
        verify(before > 0)
        window.dark = false
    }
}
