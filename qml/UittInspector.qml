// A sender's UITT at the playhead: each entry its connections use (V, UV, the UPID it targets)
// with its 16 raw bytes.
import QtQuick
import UintrLab

Column {
    id: uitt

    required property var modelData // {group, task, address, fields}

    spacing: Theme.px(2)

    Rectangle {
        width: uitt.width
        height: title.implicitHeight + Theme.px(6)
        radius: Theme.px(3)
        color: Theme.panelAlt
        Text {
            id: title
            x: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "UITT  ·  " + uitt.modelData.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Text {
            anchors.right: parent.right
            anchors.rightMargin: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "@ " + uitt.modelData.address
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
        }
    }
    Repeater {
        model: uitt.modelData.fields
        delegate: FieldRow {
            required property var modelData
            width: parent ? parent.width : 0
            nameWidth: Theme.px(40)
            name: modelData.name
            value: modelData.value
            tip: modelData.tip
            raw: modelData.raw
            changed: modelData.changed
        }
    }
}
