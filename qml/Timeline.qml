// The centre: one lane per CPU, the running tasks as segments, markers, IPI arrows, the ruler,
// the playhead and the A/B markers. Every position comes from the C++ geometry (TimelineView's
// models, filled from render::TimelineLayout for this viewport): this file only stacks layers.
import QtQuick
import QtQuick.Controls
import UintrLab

Rectangle {
    id: root

    required property LabController controller
    readonly property TimelineView view: controller.timeline
    // Where the pointer is, for W/S zooming at it.
    readonly property bool pointerInside: mouseArea.containsMouse
    readonly property real pointerX: mouseArea.mouseX

    implicitHeight: Theme.px(240)
    color: Theme.plot
    radius: Theme.radius
    border.color: Theme.border
    clip: true

    // One TimelineView per controller: the timeline on show (presenter mode hides the
    // presenter's) gives it its size.
    Binding { target: root.view; property: "viewWidth"; value: root.width; when: root.visible }
    Binding { target: root.view; property: "viewHeight"; value: root.height; when: root.visible }
    Binding { target: root.view; property: "uiScale"; value: Theme.scale }

    Repeater {
        model: root.view.lanes
        // A delegate reads the root's id: qmllint 6.4 cannot prove it (see FlowOverlay.qml).
        delegate: CpuLane { view: root.view } // qmllint disable unqualified
    }
    TimeRuler {
        view: root.view
        width: root.width
        height: root.height
    }
    // The plot: clipped to the right of the lane labels; children use the geometry's x as is.
    Item {
        x: root.view.labelWidth
        width: root.width - x
        height: root.height
        clip: true
        Item {
            x: -parent.x
            width: root.width
            height: root.height
            // One scene-graph node per bulk layer, fed by the same geometry as the models;
            // QML delegates only where there is text (names, labels).
            SegmentsItem {
                objectName: "segmentLayer"
                view: root.view
                dark: Theme.dark
                uiScale: Theme.scale
                width: root.width
                height: root.height
            }
            ArrowsItem {
                objectName: "arrowLayer"
                view: root.view
                dark: Theme.dark
                uiScale: Theme.scale
                width: root.width
                height: root.height
                z: 1
            }
            // A predict step: the run is not drawn from the veil on (TimelineView::setVeil; asking:
            // after the playhead, presenting: from the next question) and this says so; words
            // that reach past it stay on top, readable.
            Rectangle {
                objectName: "predictVeil"
                visible: root.view.veilX >= 0
                x: Math.max(root.view.labelWidth, root.view.veilX + Theme.px(2))
                y: root.view.rulerHeight
                width: Math.max(0, root.width - x)
                height: root.height - y
                color: Theme.plot
                Text {
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(16)
                    horizontalAlignment: Text.AlignHCenter
                    text: "?"
                    color: Theme.cursorB
                    font.pixelSize: Theme.px(64)
                    font.bold: true
                }
            }
            // Lanes denser than their pixels: counts per column instead of markers.
            DensityItem {
                objectName: "density"
                view: root.view
                dark: Theme.dark
                uiScale: Theme.scale
                width: root.width
                height: root.height
                z: 1
            }
            // Every marker's glyph (the export's shapes): one node; the hands hit-test the
            // same geometry in C++ (TimelineView::draggableEntryAt, eventAt, tooltipAt).
            MarkersItem {
                objectName: "markers"
                view: root.view
                dark: Theme.dark
                uiScale: Theme.scale
                playheadColor: Theme.playhead
                highlightColor: Theme.changed
                highlightEdge: Theme.changedEdge
                width: root.width
                height: root.height
                // Above the segments, arrows and density; the UIS badge (z 1, after) on top.
                z: 1
            }
            Repeater {
                objectName: "labels"
                model: root.view.labels
                delegate: TimelineLabel {}
            }
            FlowOverlay {
                objectName: "flow"
                view: root.view
                controller: root.controller
            }
        }
    }
    RaceStrip {
        anchors.fill: parent
        view: root.view
        model: root.controller.raceStrip
    }
    Cursors {
        anchors.fill: parent
        view: root.view
        controller: root.controller
    }
    TimelineMouse {
        id: mouseArea
        objectName: "timelineMouse"
        anchors.fill: parent
        view: root.view
        controller: root.controller
    }
    // More lanes than fit (an imported 64-CPU capture): a vertical scroll bar; the wheel over
    // the lane labels scrolls too.
    ScrollBar {
        objectName: "laneScroll"
        visible: root.view.maxScrollY > 0
        orientation: Qt.Vertical
        x: root.width - width
        y: root.view.pinnedHeight
        height: root.height - y
        policy: ScrollBar.AlwaysOn
        size: (root.height - y) / (root.height - y + root.view.maxScrollY)
        position: root.view.maxScrollY > 0 ? root.view.scrollY / root.view.maxScrollY * (1 - size) : 0
        onPositionChanged: if (pressed) root.view.scrollY = position / (1 - size) * root.view.maxScrollY
    }
    Button {
        objectName: "showAllLanes"
        visible: root.view.hiddenLanes > 0
        x: Theme.px(4)
        y: Theme.px(4)
        text: qsTr("Show all CPUs (%1 hidden)").arg(root.view.hiddenLanes)
        font.pixelSize: Theme.fontSmall
        onClicked: root.view.showAllLanes()
    }
}
