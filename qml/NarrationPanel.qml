// What the teacher would say now (the scenario's narration at the playhead), large, and below it
// the exact event at the playhead, as the trace spells it.
import QtQuick
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: panel

    required property LabController controller

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(12)
        spacing: Theme.spacing

        Text {
            text: panel.controller.narrationCount > 0
                  ? qsTr("Narration  %1 / %2").arg(panel.controller.narrationIndex + 1).arg(panel.controller.narrationCount)
                  : qsTr("Narration")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            font.bold: true
        }
        Text {
            objectName: "narration"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.fontSmall * 3
            text: panel.controller.narrationText !== "" ? panel.controller.narrationText
                  : qsTr("Press Space to play the run, or → to step through it event by event.")
            color: panel.controller.narrationText !== "" ? Theme.text : Theme.muted
            font.pixelSize: Theme.fontHuge
            fontSizeMode: Text.VerticalFit // a long narration shrinks rather than hides
            minimumPixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            clip: true
        }
        Text {
            visible: panel.controller.whyTitle === ""
            Layout.fillWidth: true
            text: panel.controller.spuriousCount > 0
                  ? qsTr("Click an event on the timeline (the red UIS +1 badge, say) to see why it happened.")
                  : qsTr("Click an event on the timeline to see why it happened.")
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: eventText.implicitHeight + Theme.px(10)
            radius: Theme.px(3)
            color: Theme.panelAlt
            visible: panel.controller.currentEventText !== ""
            Text {
                id: eventText
                objectName: "currentEvent"
                x: Theme.px(8)
                width: parent.width - 2 * x
                anchors.verticalCenter: parent.verticalCenter
                text: panel.controller.currentEventText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.family: Theme.mono
                wrapMode: Text.Wrap
            }
        }
    }
}
