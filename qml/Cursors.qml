// The playhead (a solid line with its time on the ruler) and KernelShark's markers A and B
// (dashed-looking, lettered), drawn over the lanes.
import QtQuick
import UintrLab

Item {
    id: cursors

    required property TimelineView view
    required property LabController controller

    component Cursor: Item {
        id: cursor
        property real at: -1
        property color tint: Theme.playhead
        property string tag
        property real lineWidth: Theme.px(2)
        property real minX: 0
        property real maxX: 0
        property real tagHeight: Theme.fontSmall + Theme.px(6)
        // The tag hangs just under the ruler: the ruler's own labels stay readable.
        property real tagY: 0
        visible: at >= minX && at <= maxX
        x: at
        Rectangle {
            x: -cursor.lineWidth / 2
            width: cursor.lineWidth
            height: cursor.height
            color: cursor.tint
            opacity: 0.85
        }
        Rectangle {
            x: -width / 2
            y: cursor.tagY
            width: tagText.implicitWidth + Theme.px(10)
            height: cursor.tagHeight
            radius: Theme.px(3)
            color: cursor.tint
            Text {
                id: tagText
                anchors.centerIn: parent
                text: cursor.tag
                color: Theme.textOn(cursor.tint)
                font.pixelSize: Theme.fontSmall
                font.family: Theme.mono
                font.bold: true
            }
        }
    }

    Cursor {
        minX: cursors.view.labelWidth
        maxX: cursors.width
        height: cursors.height
        tagY: cursors.view.rulerHeight
        at: cursors.view.markerAX
        tint: Theme.cursorA
        tag: "A"
        lineWidth: Theme.px(1.5)
    }
    Cursor {
        minX: cursors.view.labelWidth
        maxX: cursors.width
        height: cursors.height
        tagY: cursors.view.rulerHeight
        at: cursors.view.markerBX
        tint: Theme.cursorB
        tag: "B"
        lineWidth: Theme.px(1.5)
    }
    Cursor {
        objectName: "playhead"
        minX: cursors.view.labelWidth
        maxX: cursors.width
        height: cursors.height
        tagY: cursors.view.rulerHeight
        at: cursors.view.playheadX
        tag: cursors.controller.playback.playheadText
    }
}
