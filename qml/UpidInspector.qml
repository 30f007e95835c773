// A receiver's UPID at the playhead: ON, SN, NV, NDST and PIR decoded, then the 16 raw bytes
// as they sit in memory (bits 63:0, then PIR in bits 127:64).
import QtQuick
import UintrLab

Column {
    id: upid

    required property var modelData // {group, task, address, fields, raw, rawChanged}
    spacing: Theme.px(2)

    Rectangle {
        width: upid.width
        height: title.implicitHeight + Theme.px(6)
        radius: Theme.px(3)
        color: Theme.panelAlt
        Text {
            id: title
            x: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "UPID  ·  " + upid.modelData.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Text {
            anchors.right: parent.right
            anchors.rightMargin: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "@ " + upid.modelData.address
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
        }
    }
    Flow {
        width: upid.width
        Repeater {
            model: upid.modelData.fields
            delegate: FieldRow {
                required property var modelData
                width: parent ? (modelData.wide ? parent.width : parent.width / 3) : 0
                nameWidth: Theme.px(modelData.wide ? 92 : 40)
                name: modelData.name
                value: modelData.value
                tip: modelData.tip
                changed: modelData.changed
            }
        }
    }
    FieldRow {
        width: upid.width
        small: true
        name: "raw"
        nameWidth: Theme.px(40)
        value: upid.modelData.raw
        changed: upid.modelData.rawChanged
        tip: qsTr("The 16 bytes of the UPID in memory, lowest address first: ON/SN, NV, NDST, then PIR.")
    }
}
