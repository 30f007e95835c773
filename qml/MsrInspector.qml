// One CPU at the playhead: the task it runs, CPL, UIF, the UINTR MSRs decoded (UIRR, UINV,
// UITTSZ, HANDLER, STACKADJUST, PD, TT) and the local APIC's IRR and ISR. Short values share a
// row two by two; addresses get a full row.
import QtQuick
import UintrLab

Column {
    id: cpu

    required property var modelData // {group, task, taskChanged, fields: [{name, value, tip, changed, raw, wide}]}
    spacing: Theme.px(2)

    Rectangle {
        width: cpu.width
        height: title.implicitHeight + Theme.px(6)
        radius: Theme.px(3)
        color: cpu.modelData.taskChanged ? Theme.changed : Theme.panelAlt
        Text {
            id: title
            x: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: cpu.modelData.group + "  ·  " + cpu.modelData.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
    }
    Flow {
        width: cpu.width
        Repeater {
            model: cpu.modelData.fields
            delegate: FieldRow {
                required property var modelData
                width: parent ? (modelData.wide ? parent.width : parent.width / 2) : 0
                nameWidth: Theme.px(modelData.wide ? 92 : 84)
                name: modelData.name
                value: modelData.value
                tip: modelData.tip
                changed: modelData.changed
            }
        }
    }
}
