// What the teacher would say now: the scenario's narration step at the playhead, anchored to the
// run on screen (NarrationModel). After an edit an "edited run" badge says the class is not
// looking at the file's run; a step that moved says where it went; a step whose events no longer
// happen is shown struck through with the edited run's verdict in its place. At a predict step the
// question is the verdict bar's headline; here the step waits, saying how to go on, until Space or
// → reveals it. Below it, the exact event at the playhead. Text never shrinks: a long step scrolls.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: panel

    required property LabController controller
    // The audience window's: the words only (no hint, no trace line).
    property bool compact: false
    readonly property NarrationModel narration: controller.narration
    readonly property bool gone: narration.status === NarrationModel.Gone

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(12)
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: panel.narration.count > 0
                      ? qsTr("Narration  %1 / %2").arg(panel.narration.position + 1).arg(panel.narration.count)
                      : qsTr("Narration")
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideRight
            }
            Rectangle {
                objectName: "editedBadge"
                visible: panel.narration.edited
                implicitWidth: badgeText.implicitWidth + Theme.px(14)
                implicitHeight: badgeText.implicitHeight + Theme.px(4)
                radius: height / 2
                color: Theme.cursorB
                Text {
                    id: badgeText
                    anchors.centerIn: parent
                    text: qsTr("edited run")
                    color: Theme.textOn(Theme.cursorB)
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
                ToolTip.visible: badgeMouse.containsMouse
                ToolTip.text: qsTr("The run on screen is not the file's: the narration follows its events, and says when they no longer happen. Ctrl+Z goes back.")
                MouseArea { id: badgeMouse; anchors.fill: parent; hoverEnabled: true }
            }
        }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.fontHuge * 2
            contentWidth: availableWidth
            clip: true
            Column {
                width: scroll.availableWidth
                spacing: Theme.px(4)
                // A predict step: the step waits for the class (its question is in the verdict bar).
                Text {
                    objectName: "questionHint"
                    visible: panel.narration.asking
                    width: parent.width
                    text: qsTr("What happens next? Decide, then Space or → shows it.")
                    color: Theme.muted
                    font.pixelSize: Theme.fontHuge
                    font.italic: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "narrationNote"
                    visible: text !== "" && !panel.narration.asking
                    width: parent.width
                    text: panel.narration.note
                    color: Theme.muted
                    font.pixelSize: Theme.fontBody
                    font.italic: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "narrationFileText"
                    visible: panel.gone && !panel.narration.asking
                    width: parent.width
                    text: panel.narration.fileText
                    color: Theme.muted
                    font.pixelSize: Theme.fontBody
                    font.strikeout: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "narration"
                    visible: !panel.narration.asking
                    width: parent.width
                    text: panel.narration.text !== "" ? panel.narration.text
                          : qsTr("Press Space to play the run, or → to step through it event by event.")
                    color: panel.narration.text !== "" ? Theme.text : Theme.muted
                    font.pixelSize: Theme.fontHuge
                    font.bold: panel.gone
                    wrapMode: Text.WordWrap
                }
            }
        }
        Text {
            visible: panel.controller.whyTitle === "" && !panel.compact && !panel.narration.asking
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
            visible: panel.controller.playback.currentEventText !== "" && !panel.compact
            Text {
                id: eventText
                objectName: "currentEvent"
                x: Theme.px(8)
                width: parent.width - 2 * x
                anchors.verticalCenter: parent.verticalCenter
                text: panel.controller.playback.currentEventText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.family: Theme.mono
                wrapMode: Text.Wrap
            }
        }
    }
}
