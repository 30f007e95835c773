// An IPI in flight from the sending CPU to the target CPU, across its flight time; a self-IPI
// loops above its lane. An IPI that reached the kernel (spurious) is drawn dashed in red.
import QtQuick
import QtQuick.Shapes
import UintrLab

Shape {
    id: arrow

    required property real x0
    required property real y0
    required property real x1
    required property real y1
    required property bool self
    required property bool spurious
    required property int merged
    required property bool inWhy
    required property bool dimmed
    required property string label

    readonly property color stroke: spurious ? Theme.spurious : Theme.ipi
    readonly property real lift: Theme.px(26) // how high a self-IPI loops above the lane
    // The direction the line enters its end point, for the arrow head.
    readonly property real angle: self ? Math.atan2(2 * lift, (x1 - x0) / 2)
                                       : Math.atan2(y1 - y0, x1 - x0)
    readonly property real head: Theme.px(12)

    opacity: dimmed ? 0.3 : 1
    z: 1

    // The vector and the flight time, where the arrow is long enough to carry them.
    Text {
        visible: Math.abs(arrow.x1 - arrow.x0) > implicitWidth * 0.6
        x: (arrow.x0 + arrow.x1) / 2 - implicitWidth / 2
        y: arrow.self ? arrow.y0 - arrow.lift - implicitHeight - Theme.px(2)
                      : (arrow.y0 + arrow.y1) / 2 - implicitHeight - Theme.px(2)
        text: arrow.label
        color: arrow.stroke
        font.pixelSize: Theme.fontSmall
        font.bold: true
        style: Text.Outline
        styleColor: Theme.plot
    }

    ShapePath {
        strokeColor: arrow.stroke
        strokeWidth: Theme.px(arrow.inWhy ? 4.5 : 2.5)
        strokeStyle: arrow.spurious ? ShapePath.DashLine : ShapePath.SolidLine
        dashPattern: [3, 2]
        fillColor: "transparent"
        startX: arrow.x0
        startY: arrow.y0
        PathQuad {
            x: arrow.x1
            y: arrow.y1
            controlX: (arrow.x0 + arrow.x1) / 2
            controlY: arrow.self ? arrow.y0 - 2 * arrow.lift : (arrow.y0 + arrow.y1) / 2
        }
    }
    ShapePath {
        strokeColor: "transparent"
        fillColor: arrow.stroke
        startX: arrow.x1
        startY: arrow.y1
        PathLine {
            x: arrow.x1 - arrow.head * Math.cos(arrow.angle - 0.4)
            y: arrow.y1 - arrow.head * Math.sin(arrow.angle - 0.4)
        }
        PathLine {
            x: arrow.x1 - arrow.head * Math.cos(arrow.angle + 0.4)
            y: arrow.y1 - arrow.head * Math.sin(arrow.angle + 0.4)
        }
        PathLine { x: arrow.x1; y: arrow.y1 }
    }
}
