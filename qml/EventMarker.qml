// One event on a lane, shaped by kind so that nothing relies on colour alone: a context switch
// is a full-height bar (with a grip when it can be dragged), SENDUIPI a triangle, delivery a
// disc… — the SVG export's shapes, from core's one table (render::markerGlyph); the spurious
// kernel interrupt a red diamond. Geometry gives the anchor (atX, atY); the
// words beside it are TimelineLabels (the core places them with every other word).
import QtQuick
import UintrLab

Item {
    id: marker

    required property int entry
    required property string kind
    required property real atX
    required property real atY
    required property int merged
    required property bool draggable
    required property bool current
    required property bool inWhy
    required property bool dimmed
    required property real laneY0 // the lane's edges: a switch spans its lane
    required property real laneY1

    readonly property bool isSwitch: kind === "context_switch"
    readonly property bool isSpurious: kind === "spurious_notification"
    readonly property int glyphSize: Theme.px(isSpurious ? 26 : 20)
    readonly property color tint: isSpurious ? Theme.spurious : Theme.markerColor(kind)

    x: atX
    y: atY
    opacity: dimmed ? 0.3 : 1
    z: isSpurious ? 3 : (isSwitch ? 1 : 2)

    // On the Why chain: a highlighter stroke behind the marker (and a wider bar for a switch).
    Rectangle {
        visible: marker.inWhy
        x: marker.isSwitch ? -width / 2 : -glyph.width / 2 - Theme.px(4)
        y: marker.isSwitch ? marker.laneY0 - marker.atY : -height / 2
        width: marker.isSwitch ? Theme.px(16) : glyph.width + Theme.px(8)
        height: marker.isSwitch ? marker.laneY1 - marker.laneY0 : glyph.height + Theme.px(4)
        radius: Theme.px(4)
        color: Theme.changed
        border.color: Theme.changedEdge
    }
    // A context switch: a bar across the lane; the grip on top is what a hand reaches for.
    Rectangle {
        visible: marker.isSwitch
        x: -width / 2
        y: marker.laneY0 - marker.atY
        width: Theme.px(marker.current ? 7 : (marker.draggable ? 5 : 3))
        height: marker.laneY1 - marker.laneY0
        color: marker.current ? Theme.playhead : marker.tint
        Rectangle {
            visible: marker.draggable
            anchors.horizontalCenter: parent.horizontalCenter
            y: -Theme.px(5)
            width: Theme.px(16)
            height: Theme.px(12)
            radius: Theme.px(3)
            color: Theme.plot
            border.color: marker.tint
            border.width: Theme.px(2)
        }
    }
    Text {
        id: glyph
        objectName: "glyph"
        visible: !marker.isSwitch
        x: -width / 2
        y: -height / 2
        text: RenderPalette.glyph(marker.kind)
        color: marker.tint
        font.pixelSize: marker.glyphSize
        style: Text.Outline
        styleColor: Theme.plot
    }
    // The playhead's event: a ring (a switch shows it on its bar).
    Rectangle {
        visible: marker.current && !marker.isSwitch
        x: -width / 2
        y: -height / 2
        width: Theme.px(marker.isSpurious ? 36 : 30)
        height: width
        radius: width / 2
        color: "transparent"
        border.color: Theme.playhead
        border.width: Theme.px(2)
    }
}
