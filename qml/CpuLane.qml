// One CPU's lane: a band across the timeline, its name in the label column on the left.
import QtQuick
import UintrLab

Rectangle {
    id: lane

    required property int cpu
    required property real y0
    required property real y1
    required property string label

    y: y0
    width: parent ? parent.width : 0
    height: y1 - y0
    color: Theme.lane

    Text {
        height: lane.height
        leftPadding: Theme.spacing
        verticalAlignment: Text.AlignVCenter
        text: lane.label
        color: Theme.ink
        font.pixelSize: Theme.fontLarge
        font.bold: true
    }
}
