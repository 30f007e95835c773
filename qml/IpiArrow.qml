// An IPI's label — the vector it carries and its flight time ("0xEC · 300 ns") — where the
// arrow is long enough to carry it. The arrows themselves are one scene-graph layer
// (ArrowsItem) drawn from the same geometry.
import QtQuick
import UintrLab

Text {
    id: arrowLabel

    required property real x0
    required property real y0
    required property real x1
    required property real y1
    required property bool self
    required property bool spurious
    required property bool dimmed
    required property string label

    readonly property real lift: Theme.px(26) // how high a self-IPI loops above the lane

    visible: Math.abs(x1 - x0) > implicitWidth * 0.6
    x: (x0 + x1) / 2 - implicitWidth / 2
    y: self ? y0 - lift - implicitHeight - Theme.px(2) : (y0 + y1) / 2 - implicitHeight - Theme.px(2)
    z: 1
    opacity: dimmed ? 0.3 : 1
    text: arrowLabel.label
    color: spurious ? Theme.spurious : Theme.ipi
    font.pixelSize: Theme.fontSmall
    font.bold: true
    style: Text.Outline
    styleColor: Theme.plot
}
