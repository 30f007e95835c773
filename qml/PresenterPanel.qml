// Presenter mode, the teacher's side: where the timeline was, what comes next — the step now and
// the next step with the time it happens in this run (edits included). The audience window has
// the timeline; the controls, the inspector and Why stay here.
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
                          .arg(panel.controller.playheadText)
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
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
        }
    }
}
