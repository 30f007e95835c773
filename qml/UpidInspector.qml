// A receiver's UPID at the playhead: ON, SN, NV, NDST and PIR decoded, then the 16 raw bytes
// as they sit in memory (bits 63:0, then PIR in bits 127:64).
import QtQuick
import UintrLab

Column {
    id: upid

    // The roles of an InspectorCards row.
    required property string task
    required property string address
    required property string raw
    required property bool rawChanged
    required property InspectorFields fields
    objectName: "UPID " + task
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
            text: "UPID  ·  " + upid.task
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Text {
            anchors.right: parent.right
            anchors.rightMargin: Theme.px(8)
            anchors.verticalCenter: parent.verticalCenter
            text: "@ " + upid.address
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
        }
    }
    Flow {
        width: upid.width
        Repeater {
            model: upid.fields
            delegate: FieldRow {
                width: parent ? (wide ? parent.width : parent.width / 3) : 0
                nameWidth: Theme.px(wide ? 92 : 40)
            }
        }
    }
    FieldRow {
        width: upid.width
        small: true
        name: "raw"
        nameWidth: Theme.px(40)
        value: upid.raw
        raw: ""
        wide: true
        changed: upid.rawChanged
        tip: qsTr("The 16 bytes of the UPID in memory, lowest address first: ON/SN, NV, NDST, then PIR.")
    }
}
