// A sender's UITT at the playhead: each entry its connections use (V, UV, the UPID it targets)
// with its 16 raw bytes.
import QtQuick
import UintrLab

Column {
    id: uitt

    // The roles of an InspectorCards row.
    required property string task
    required property string address
    required property InspectorFields fields
    objectName: "UITT " + task
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
            text: "UITT  ·  " + uitt.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Text {
            anchors.right: parent.right
            anchors.rightMargin: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "@ " + uitt.address
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
        }
    }
    Repeater {
        model: uitt.fields
        delegate: FieldRow {
            width: parent ? parent.width : 0
            nameWidth: Theme.px(40)
        }
    }
}
