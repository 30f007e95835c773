// The machine at the playhead, for people who lean in: per CPU the task and the UINTR registers,
// per receiver its UPID, per sender its UITT, and the /proc/interrupts UIS line. What changed at
// this instant is highlighted.
import QtQuick
import QtQuick.Controls
import UintrLab

Rectangle {
    id: panel

    required property LabController controller
    readonly property InspectorModel model: controller.inspector

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: Theme.spacing
        contentWidth: availableWidth
        clip: true
        // Always visible when there is more below: the other CPUs must not look absent.
        ScrollBar.vertical.policy: contentHeight > height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded

        // Cards side by side as the width allows (two CPUs next to each other at 1600 px).
        Flow {
            id: cards
            width: scroll.availableWidth - Theme.px(12)
            spacing: Theme.px(10)

            Text {
                width: cards.width
                text: qsTr("Inspector at %1").arg(panel.controller.playback.playheadText)
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Repeater {
                model: panel.model.cpus
                delegate: MsrInspector { width: Theme.cardWidth(parent ? parent.width : 0) }
            }
            Repeater {
                model: panel.model.upids
                delegate: UpidInspector { width: Theme.cardWidth(parent ? parent.width : 0) }
            }
            Repeater {
                model: panel.model.uitts
                delegate: UittInspector { width: Theme.cardWidth(parent ? parent.width : 0) }
            }
            Column {
                width: Theme.cardWidth(cards.width)
                spacing: Theme.px(2)
                Text {
                    text: "/proc/interrupts"
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.mono
                }
                Rectangle {
                    width: parent.width
                    height: procText.implicitHeight + Theme.px(8)
                    radius: Theme.px(3)
                    color: panel.model.uisChanged ? Theme.changed : Theme.panelAlt
                    border.color: panel.model.uisChanged ? Theme.changedEdge : "transparent"
                    border.width: Theme.px(2)
                    Text {
                        id: procText
                        objectName: "uisLine"
                        x: Theme.px(6)
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width - 2 * x
                        text: panel.model.hasUis ? panel.model.uisHeader + "\n" + panel.model.uisLine
                                                 : qsTr("(no UIS line: this kernel prints it only where UINTR is available and enabled)")
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.mono
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
