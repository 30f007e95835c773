// File ▸ Export in the window: the toolbar button and Ctrl+E open the options (visible window
// only, narration callouts), accepting them opens the save dialog, the window's palette is the
// export's, and a failed export shows its one line in the error dialog. (What is written, byte
// for byte, is tests/app/tst_export.cpp's business.)
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Export"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1400, height: 900 })
        verify(window)
        waitForRendering(window.contentItem)
    }

    function test_buttonAndShortcutOpenTheOptions() {
        const dialog = findChild(window, "exportDialog")
        verify(dialog)
        const button = findChild(window.header, "exportButton")
        verify(button)
        verify(button.enabled)
        verify(button.command.keys === "Ctrl+E", button.command.keys)
        verify(button.width > 0 && button.y < button.height, "the button is on the first row")
        mouseClick(button)
        tryCompare(dialog, "opened", true)
        dialog.close()
        tryCompare(dialog, "visible", false)

        window.requestActivate()
        keyClick(Qt.Key_E, Qt.ControlModifier)
        tryCompare(dialog, "opened", true)
        verify(!dialog.visibleOnly)
        verify(dialog.narration)
        mouseClick(findChild(dialog.contentItem, "exportVisibleOnly"))
        verify(dialog.visibleOnly)
        dialog.visibleOnly = false
    }

    function test_acceptingAsksWhere() {
        const dialog = findChild(window, "exportDialog")
        const files = findChild(dialog, "exportFileDialog")
        verify(files)
        dialog.open()
        tryCompare(dialog, "opened", true)
        dialog.accept()
        tryCompare(files, "visible", true)
        verify(files.currentPath().endsWith("/seed-race.svg"), files.currentPath())
        compare(files.nameFilters.length, 2)
        compare(findChild(files, "acceptButton").text, "Export")
        files.reject()
        tryCompare(files, "visible", false)
    }

    function test_exportUsesTheWindowsPalette() {
        verify(!lab.dark)
        window.dark = true
        verify(lab.dark)
        window.dark = false
        verify(!lab.dark)
    }

    function test_failureShowsTheErrorDialog() {
        const dialog = findChild(window, "exportDialog")
        const error = findChild(window, "errorDialog")
        verify(!dialog.exportTo("file:///nonexistent-uintr-lab-folder/seed-race.svg"))
        tryCompare(error, "opened", true)
        verify(error.message.indexOf("/nonexistent-uintr-lab-folder/seed-race.svg: ") === 0, error.message)
        verify(lab.statusError)
        error.close()
    }
}
