// Presenter mode, the teacher's side: where the timeline was, what comes next — the step now with
// the scenario's speaker notes for it, and the next step with the time it happens in this run
// (edits included) and the question it will ask the class. The audience window has the
// timeline; the controls, the inspector and Why stay here.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: panel

    required property LabController controller
    readonly property NarrationModel narration: controller.narration

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: Theme.px(12)
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("Presenting: the audience window shows the timeline, the verdict and the narration (F5 ends).")
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Now  %1 / %2 · %3").arg(panel.narration.position + 1).arg(panel.narration.count)
                          .arg(panel.controller.playback.playheadText)
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Text {
                objectName: "speakerNotes"
                Layout.fillWidth: true
                text: panel.narration.notes !== "" ? panel.narration.notes
                                                   : qsTr("No speaker notes for this step.")
                color: panel.narration.notes !== "" ? Theme.text : Theme.muted
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "presenterAsking"
                visible: panel.narration.asking
                Layout.fillWidth: true
                text: qsTr("The class is asked: %1  (Space or → reveals)").arg(panel.narration.question)
                color: Theme.cursorB
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
            Text {
                objectName: "nextStep"
                Layout.fillWidth: true
                text: panel.narration.nextText !== ""
                      ? qsTr("Next, at %1: %2").arg(panel.narration.nextTimeText).arg(panel.narration.nextText)
                      : qsTr("Next: the end of the lesson.")
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "nextQuestion"
                visible: panel.narration.nextQuestion !== "" && !panel.narration.asking
                Layout.fillWidth: true
                text: qsTr("It asks first: %1").arg(panel.narration.nextQuestion)
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                font.italic: true
                wrapMode: Text.WordWrap
            }
        }
    }
}
