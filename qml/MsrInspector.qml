// One CPU at the playhead: the task it runs, CPL, UIF, the UINTR MSRs decoded (UIRR, UINV,
// UITTSZ, HANDLER, STACKADJUST, PD, TT) and the local APIC's IRR and ISR. Short values share a
// row two by two; addresses get a full row.
import QtQuick
import UintrLab

Column {
    id: cpu

    // The roles of an InspectorCards row.
    required property string group
    required property string task
    required property bool taskChanged
    required property InspectorFields fields
    objectName: group
    spacing: Theme.px(2)

    Rectangle {
        width: cpu.width
        height: title.implicitHeight + Theme.px(6)
        radius: Theme.px(3)
        color: cpu.taskChanged ? Theme.changed : Theme.panelAlt
        Text {
            id: title
            x: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: cpu.group + "  ·  " + cpu.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
    }
    Flow {
        width: cpu.width
        Repeater {
            model: cpu.fields
            delegate: FieldRow {
                width: parent ? (wide ? parent.width : parent.width / 2) : 0
                nameWidth: Theme.px(wide ? 92 : 84)
            }
        }
    }
}
