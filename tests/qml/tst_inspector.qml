// The inspector's cards are list models with roles (InspectorCards / InspectorFields): stepping
// through the 1100 ns switch-out updates the rows in place — the same FieldRow shows SN go to 1
// with the sn_set event, then UINV go to 0x00 with XSAVES — and only the row that changed is
// highlighted and flashes (uintr-reference.md §4).
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Inspector"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1600, height: 1000 })
        verify(window)
        waitForRendering(window.contentItem)
    }
    function field(group: string, name: string): FieldRow {
        const card = findChild(findChild(window.contentItem, "inspector"), group)
        verify(card, group)
        const row = findChild(card, "field " + name)
        verify(row, group + " " + name)
        return row as FieldRow
    }

    function test_stepsUpdateTheRowsInPlace() {
        lab.playback.playhead = 1099
        lab.playback.stepNext()
        compare(lab.playback.currentKind, "context_switch")
        const sn = field("UPID receiver", "SN")
        const uinv = field("CPU 0", "UINV")
        compare(sn.value, "0")
        compare(uinv.value, "0xEC")
        verify(!sn.changed && !uinv.changed)

        lab.playback.stepNext()
        compare(lab.playback.currentKind, "sn_set")
        compare(field("UPID receiver", "SN"), sn, "the same row, updated")
        compare(sn.value, "1")
        verify(sn.changed)
        verify(findChild(sn, "flash").opacity > 0, "a changed value flashes")
        verify(!uinv.changed)
        compare(findChild(uinv, "flash").opacity, 0)

        lab.playback.stepNext()
        compare(lab.playback.currentKind, "xsaves")
        compare(field("CPU 0", "UINV"), uinv)
        compare(uinv.value, "0x00")
        verify(uinv.changed)
        verify(!sn.changed)
    }

    function test_cardsFollowTheRun() {
        compare(lab.inspector.cpus.count, 2)
        compare(lab.inspector.upids.count, 1)
        compare(lab.inspector.uitts.count, 1)
        lab.playback.playhead = 3100 // in the handler
        compare(field("UITT sender", "[0]").value.indexOf("V=1 UV=3 → receiver"), 0)
        compare(field("CPU 0", "UIF").value, "0")
    }
}
