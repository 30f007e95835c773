// What runs on a CPU for a stretch of time: a task in its colour (name on top), its
// user-interrupt handler (a darker band at the bottom of the lane), kernel work (grey, hatched),
// or idle (outlined). Colours are core's render palette, as in the SVG export. Its name is a
// TimelineLabel, placed by the core with every other word.
import QtQuick
import UintrLab

Rectangle {
    id: segment

    required property real x0
    required property real x1
    required property real y0
    required property real y1
    required property string kind
    required property int task
    required property int merged

    readonly property bool idle: kind === "idle"
    readonly property bool handler: kind === "handler"
    readonly property color fill: idle ? "transparent"
                                       : kind === "kernel" ? Theme.kernel
                                       : handler ? Theme.taskHandler(task)
                                       : Theme.taskFill(task)

    x: x0
    y: y0
    width: Math.max(1, x1 - x0)
    height: y1 - y0
    color: fill
    border.width: Theme.px(idle ? 1 : (handler ? 1.5 : 2))
    border.color: idle ? Theme.idleStroke
                       : kind === "kernel" ? Theme.kernelStroke
                       : handler ? Theme.ink : Theme.taskStroke(task)

    Image {
        anchors.fill: parent
        anchors.margins: parent.border.width
        visible: segment.kind === "kernel"
        source: "qrc:/UintrLab/hatch.svg"
        fillMode: Image.Tile
        opacity: 0.6
    }
}
