// The name on a segment wide enough to carry it: the task (top of the lane), the handler (in its
// band at the bottom) or "switch". The segments themselves — fills, outlines, the kernel's
// hatching — are one scene-graph layer (SegmentsItem) drawn from the same geometry.
import QtQuick
import UintrLab

Text {
    id: name

    required property real x0
    required property real x1
    required property real y0
    required property real y1
    required property string kind
    required property int task
    required property string label

    readonly property bool handler: kind === "handler"
    readonly property color fill: kind === "kernel" ? Theme.kernel
                                : handler ? Theme.taskHandler(task) : Theme.taskFill(task)

    x: x0 + Theme.px(12)
    y: handler ? y0 : y0 + Theme.px(3)
    width: x1 - x0 - Theme.px(16)
    height: handler ? y1 - y0 : implicitHeight
    verticalAlignment: handler ? Text.AlignVCenter : Text.AlignTop
    text: label
    color: Theme.textOn(fill)
    font.pixelSize: handler ? Theme.fontSmall : Theme.fontLarge
    font.bold: true
    elide: Text.ElideRight
}
