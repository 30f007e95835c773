// The interrupt flow, animated over the timeline. An IPI travels along its arrow as the playhead
// crosses its flight (at the playback speed, slower in slow motion; eased when stepping); on
// arrival the target shows the outcome — taken by the hardware (PIR → UIRR → handler) or
// diverted into the kernel through the IDT with the UIS counter ticking; a context switch shows
// UINV leaving the MSR for the XSAVE area and coming back. Positions come from the geometry the
// timeline draws (arrows, markers); nothing here knows a time. Theme.reducedMotion turns it all
// off; exports are static pictures and never see it.
import QtQuick
import UintrLab

Item {
    id: flow

    required property TimelineView view
    required property LabController controller
    readonly property bool moving: !Theme.reducedMotion
    readonly property string kind: controller.playback.currentKind

    // The playhead as the animation sees it, in time: exactly the playhead while playing, eased
    // when a step makes it jump (a packet glides to its next spot instead of teleporting). In
    // pixels through the viewport, so panning and zooming move packets with their arrows.
    property real headT: controller.playback.playhead
    Behavior on headT {
        enabled: flow.moving && !flow.controller.playback.playing
        NumberAnimation { duration: 420; easing.type: Easing.InOutQuad }
    }
    readonly property real headX: view.labelWidth + (headT - view.t0) * (view.viewWidth - view.labelWidth)
                                   / Math.max(1, view.t1 - view.t0)

    // The delegates below read this file's root (`flow`) by id. Qt 6.4 has no
    // `pragma ComponentBehavior: Bound`, so qmllint cannot prove that id is in scope from a
    // delegate, though QML resolves it (the delegates are created in this file's context).
    // qmllint disable unqualified

    // IPIs in flight: a packet on each arrow the playhead is crossing.
    Repeater {
        model: flow.view.arrows
        delegate: Item {
            id: flight
            required property real x0
            required property real y0
            required property real x1
            required property real y1
            required property bool self
            required property bool spurious
            readonly property real u: (flow.headX - x0) / Math.max(1, x1 - x0)
            // On the line the arrow layer draws (the core's path; x is linear in u).
            readonly property point at: flow.view.arrowPoint(x0, y0, x1, y1, self, u)
            visible: flow.moving && u > 0 && u < 1
            Rectangle {
                objectName: "ipiPacket"
                width: Theme.px(16)
                height: width
                radius: width / 2
                x: flight.at.x - width / 2
                y: flight.at.y - height / 2
                color: flight.spurious ? Theme.spurious : Theme.ipi
                border.color: Theme.plot
                border.width: Theme.px(3)
            }
        }
    }

    // The outcome at the playhead's event: a pulse and a few words that rise and fade. Only the
    // markers at the playhead have a delegate (TimelineView.currentMarkers).
    Repeater {
        model: flow.view.currentMarkers
        delegate: Item {
            id: spot
            required property string kind
            required property real atX
            required property real atY
            required property bool current
            required property real laneY0
            required property real laneY1
            readonly property string outcome:
                kind === "spurious_notification" ? qsTr("→ kernel (IDT): UIS +1")
                : kind === "user_interrupt_delivered" ? qsTr("PIR → UIRR → handler")
                : kind === "kernel_vector" ? qsTr("→ kernel: wake-up")
                : kind === "ipi_suppressed" ? qsTr("no IPI: posted in PIR only")
                : ""
            readonly property bool isSwitch: kind === "context_switch"
            readonly property color tint: kind === "spurious_notification" ? Theme.spurious
                                        : kind === "kernel_vector" ? Theme.markerColor(kind)
                                        : Theme.delivered
            x: atX
            y: atY
            visible: flow.moving && current && (outcome !== "" || isSwitch)
            onCurrentChanged: if (current && flow.moving) pulse.restart()
            Component.onCompleted: if (current && flow.moving) pulse.restart()
            // Sub-steps of one marker (the switch's SN, XSAVES, XRSTORS) replay it too.
            Connections {
                target: flow
                function onKindChanged() { if (spot.current && flow.moving) pulse.restart() }
            }

            Rectangle {
                id: ring
                objectName: "arrivalPulse"
                visible: spot.outcome !== ""
                width: Theme.px(24)
                height: width
                x: -width / 2
                y: -height / 2
                radius: width / 2
                color: "transparent"
                border.color: spot.tint
                border.width: Theme.px(4)
            }
            Text {
                id: words
                objectName: "outcomeText"
                visible: spot.outcome !== ""
                x: -implicitWidth / 2
                text: spot.outcome
                color: spot.tint
                font.pixelSize: Theme.fontLarge
                font.bold: true
                style: Text.Outline
                styleColor: Theme.plot
            }
            // A switch: UINV leaves for the XSAVE area (XSAVES) or comes back (XRSTORS, the
            // kernel putting UINV back) — a token moving out of or into the lane.
            Rectangle {
                id: token
                objectName: "uinvToken"
                readonly property bool saving: flow.kind === "xsaves" || flow.kind === "sn_set"
                readonly property bool restoring: flow.kind === "xrstors" || flow.kind === "uinv_restored"
                visible: spot.isSwitch && (saving || restoring)
                x: Theme.px(10)
                width: tokenText.implicitWidth + Theme.px(10)
                height: tokenText.implicitHeight + Theme.px(4)
                radius: Theme.px(3)
                color: Theme.panelAlt
                border.color: Theme.ink
                Text {
                    id: tokenText
                    anchors.centerIn: parent
                    text: token.saving ? qsTr("UINV → XSAVE area") : qsTr("XSAVE area → UINV")
                    color: Theme.ink
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            SequentialAnimation {
                id: pulse
                ParallelAnimation {
                    NumberAnimation { target: ring; property: "scale"; from: 0.6; to: 2.6; duration: 900; easing.type: Easing.OutCubic }
                    NumberAnimation { target: ring; property: "opacity"; from: 1; to: 0; duration: 900 }
                    NumberAnimation { target: words; property: "y"; from: -Theme.px(18); to: -Theme.px(46); duration: 1400; easing.type: Easing.OutCubic }
                    SequentialAnimation {
                        NumberAnimation { target: words; property: "opacity"; from: 0; to: 1; duration: 200 }
                        PauseAnimation { duration: 900 }
                        NumberAnimation { target: words; property: "opacity"; to: 0; duration: 500 }
                    }
                    NumberAnimation {
                        target: token; property: "y"; duration: 1000; easing.type: Easing.InOutQuad
                        from: token.saving ? -token.height / 2 : spot.laneY1 - spot.atY + Theme.px(4)
                        to: token.saving ? spot.laneY1 - spot.atY + Theme.px(4) : -token.height / 2
                    }
                    SequentialAnimation {
                        NumberAnimation { target: token; property: "opacity"; from: 0; to: 1; duration: 200 }
                        PauseAnimation { duration: 1000 }
                        NumberAnimation { target: token; property: "opacity"; to: 0; duration: 400 }
                    }
                }
            }
        }
    }
    // qmllint enable unqualified
}
