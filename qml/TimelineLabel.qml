// One word on the timeline at the box the core placed it in (render/TimelineLabels.cpp, the SVG
// export's placement too): task and handler names, marker labels, the spurious notification's
// red "UIS +1" badge, an IPI's "0xEC · 300 ns" in the gap its arrow crosses. None overlaps another or a glyph; shortened ones keep their whole text in
// their marker's tooltip.
import QtQuick
import UintrLab

Item {
    id: label

    required property real labelX
    required property real labelY
    required property real labelWidth
    required property real labelBaseline
    required property real fontPx
    required property string labelText
    required property string labelStyle
    required property int task

    readonly property bool ipi: labelStyle === "ipi" || labelStyle === "ipiSpurious"
    readonly property bool onSegment: labelStyle !== "marker" && labelStyle !== "spurious" && !ipi
    readonly property bool spurious: labelStyle === "spurious"
    readonly property color back: labelStyle === "handler" ? Theme.taskHandler(task)
                                : labelStyle === "kernel" ? Theme.kernel
                                : labelStyle === "task" ? Theme.taskFill(task)
                                : Theme.plot

    x: labelX
    y: labelY
    width: labelWidth
    height: fontPx
    z: ipi ? 2 : spurious ? 1 : 0 // an IPI's words above the arrow layer (z 1)

    Rectangle {
        visible: label.spurious
        anchors.fill: parent
        anchors.margins: -Theme.px(3)
        radius: Theme.px(4)
        color: Theme.spurious
    }
    // An IPI's words sit on its line: a plate of the background keeps the line from striking
    // them through (the SVG's a-plate).
    Rectangle {
        visible: label.ipi
        anchors.fill: parent
        anchors.leftMargin: -Theme.px(2)
        anchors.rightMargin: -Theme.px(2)
        color: Theme.plot
        opacity: 0.85
    }
    Text {
        objectName: "timelineLabel"
        // The core's box is at the estimate's width: the words are centred in it (markers) or
        // start at its left (segments), and never elided.
        width: parent.width
        y: label.labelBaseline - label.labelY - baselineOffset
        horizontalAlignment: label.onSegment ? Text.AlignLeft : Text.AlignHCenter
        text: label.labelText
        color: label.spurious ? "#ffffff"
             : label.labelStyle === "ipiSpurious" ? Theme.spurious
             : label.ipi ? Theme.ipi
             : label.labelStyle === "idle" ? Theme.muted
             : label.onSegment ? Theme.textOn(label.back) : Theme.ink
        font.pixelSize: label.fontPx
        font.bold: label.onSegment && label.labelStyle !== "idle" || label.spurious || label.ipi
        font.italic: label.labelStyle === "idle"
        style: label.onSegment || label.spurious ? Text.Normal : Text.Outline
        styleColor: Theme.plot
    }
}
