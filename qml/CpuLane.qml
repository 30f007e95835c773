// One CPU's lane: a band across the timeline, its name in the label column on the left, and two
// small buttons there to pin the lane on top (it then stays while the others scroll) or hide it.
import QtQuick
import UintrLab

Rectangle {
    id: lane

    required property int cpu
    required property real y0
    required property real y1
    required property string label
    property TimelineView view
    // Re-read whenever the lanes are arranged anew (pinnedHeight changes with every pin).
    readonly property bool pinned: view !== null && view.pinnedHeight >= 0 && view.lanePinned(cpu)

    y: y0
    width: parent ? parent.width : 0
    height: y1 - y0
    color: Theme.lane

    // A short lane (many CPUs) puts its name on top and the buttons under it.
    readonly property bool compact: height < Theme.px(64)

    Text {
        height: lane.height
        leftPadding: Theme.spacing
        verticalAlignment: lane.compact ? Text.AlignTop : Text.AlignVCenter
        text: lane.label
        color: Theme.ink
        font.pixelSize: lane.compact ? Theme.fontBody : Theme.fontLarge
        font.bold: true
    }
    Row {
        visible: lane.view !== null && lane.height >= Theme.px(36)
        x: Theme.spacing
        y: lane.height - height - Theme.px(2)
        spacing: Theme.px(4)
        LaneButton {
            objectName: "pinLane" + lane.cpu
            text: lane.pinned ? "📌" : "⇡"
            tip: lane.pinned ? qsTr("Unpin CPU %1").arg(lane.cpu)
                             : qsTr("Pin CPU %1 on top while the other lanes scroll").arg(lane.cpu)
            onClicked: lane.view.setLanePinned(lane.cpu, !lane.pinned)
        }
        LaneButton {
            objectName: "hideLane" + lane.cpu
            text: "✕"
            tip: qsTr("Hide CPU %1").arg(lane.cpu)
            onClicked: lane.view.setLaneHidden(lane.cpu, true)
        }
    }
}
