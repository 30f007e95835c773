// One register or field: its name as the spec spells it, its decoded value, optionally the raw
// bits. A value that changed at this instant gets a coloured background and a bar on its left
// edge (a shape as well as a colour), and its tooltip says where the value lives.
import QtQuick
import QtQuick.Controls
import UintrLab

Rectangle {
    id: row

    // The roles of an InspectorFields row (a delegate gets them by name).
    required property string name
    required property string value
    required property string tip
    required property string raw
    required property bool changed
    required property bool wide // a long value: a row of its own
    property bool small: false // long values (raw bytes) in the small size
    property real nameWidth: Theme.px(92)

    objectName: "field " + name // tests find a card's row by its name
    implicitHeight: column.implicitHeight + Theme.px(4)
    color: changed ? Theme.changed : "transparent"
    radius: Theme.px(3)

    // A value that just changed flashes once (PIR, ON, SN… changing visibly as the playhead
    // moves), unless motion is reduced.
    onChangedChanged: if (changed && !Theme.reducedMotion) flash.restart()
    Rectangle {
        id: flashBox
        objectName: "flash"
        anchors.fill: parent
        radius: parent.radius
        color: Theme.changedEdge
        opacity: 0
    }
    NumberAnimation { id: flash; target: flashBox; property: "opacity"; from: 0.9; to: 0; duration: 700; easing.type: Easing.OutQuad }

    Rectangle {
        visible: row.changed
        width: Theme.px(4)
        height: row.height
        color: Theme.changedEdge
    }
    Column {
        id: column
        x: Theme.px(8)
        y: Theme.px(2)
        width: row.width - x - Theme.px(4)
        Row {
            spacing: Theme.px(6)
            Text {
                width: row.nameWidth
                text: row.name
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                font.family: Theme.mono
            }
            Text {
                objectName: "value"
                width: column.width - row.nameWidth - Theme.px(6)
                text: row.value
                color: Theme.text
                font.pixelSize: row.small ? Theme.fontSmall : Theme.fontBody
                font.family: Theme.mono
                font.bold: true
                elide: Text.ElideRight
            }
        }
        Text {
            visible: row.raw !== ""
            x: row.nameWidth + Theme.px(6)
            text: row.raw
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
        }
    }
    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && tip !== ""
    ToolTip.text: tip
    ToolTip.delay: 400
}
