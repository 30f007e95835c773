// The file dialogs mid-lesson (FileChooser): Save As starts where a copy can be written with the
// scenario's name and a button that says Save; an absolute path typed as the name is used as
// is; Export works with Return after entering a folder; the selected row is readable.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Dialogs"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1366, height: 768 })
        verify(window)
        waitForRendering(window.contentItem)
        window.requestActivate()
    }
    function unique(suffix: string): string {
        return "/tmp/uintr-lab-dialogs-" + Date.now() + "-" + Math.floor(Math.random() * 1e6) + suffix
    }

    function test_saveAsStartsSomewhereSensible() {
        const save = findChild(window, "saveDialog")
        keyClick(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
        tryCompare(save, "opened", true)
        compare(findChild(save, "acceptButton").text, "Save")
        compare(findChild(save, "nameField").text, "seed-race.json")
        verify(save.folder !== PathTools.parentFolder(lab.document.filePath), "not the shipped library: " + save.folder)
        save.reject()
        tryCompare(save, "visible", false)
    }

    function test_absolutePathIsUsedAsIs() {
        const save = findChild(window, "saveDialog")
        const target = unique(".json")
        keyClick(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
        tryCompare(save, "opened", true)
        const name = findChild(save, "nameField")
        name.text = target
        name.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryCompare(save, "visible", false)
        compare(lab.document.filePath, target)
        verify(PathTools.exists(target))
    }

    function test_exportWithReturnAfterEnteringAFolder() {
        const options = findChild(window, "exportDialog")
        const files = findChild(options, "exportFileDialog")
        options.open()
        tryCompare(options, "opened", true)
        options.accept()
        tryCompare(files, "opened", true)
        const name = findChild(files, "nameField")
        // Into /tmp by typing it and Return: the dialog enters the folder and keeps the name.
        name.text = "/tmp"
        name.forceActiveFocus()
        keyClick(Qt.Key_Return)
        compare(files.folder, "/tmp")
        verify(files.visible)
        compare(name.text, "seed-race.svg")
        const target = unique(".svg")
        name.text = target.substring(5) // relative to /tmp now
        keyClick(Qt.Key_Return)
        tryCompare(files, "visible", false)
        verify(PathTools.exists(target), target)
    }

    function test_selectedRowIsReadable() {
        const open = findChild(window, "openDialog")
        keyClick(Qt.Key_O, Qt.ControlModifier)
        tryCompare(open, "opened", true)
        const list = findChild(open, "fileList")
        tryVerify(() => list.count > 3)
        list.forceActiveFocus()
        list.currentIndex = 1
        const row = list.currentItem
        verify(row.current)
        const text = row.children[0]
        compare(text.color, Theme.textOn(Theme.cursorA))
        compare(row.color, Theme.cursorA)
        // Return on a file opens it.
        keyClick(Qt.Key_Return)
        tryCompare(open, "visible", false)
        compare(lab.document.filePath, row.path)
    }
}
