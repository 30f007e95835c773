// The centre: one lane per CPU, the running tasks as segments, markers, IPI arrows, the ruler,
// the playhead and the A/B markers. Every position comes from the C++ geometry (TimelineView's
// models, filled from render::TimelineLayout for this viewport): this file only stacks layers.
import QtQuick
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
        delegate: CpuLane {}
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
            Repeater {
                objectName: "segments"
                model: root.view.segments
                delegate: TaskSegment {}
            }
            Repeater {
                objectName: "arrows"
                model: root.view.arrows
                delegate: IpiArrow {}
            }
            Repeater {
                id: markerRepeater
                objectName: "markers"
                model: root.view.markers
                delegate: EventMarker {}
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
}
