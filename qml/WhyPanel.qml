// "Why did this happen?": the causal chain of the event clicked on the timeline, oldest first,
// in words; clicking a step puts the playhead on it. The timeline highlights the same chain.
import QtQuick
import QtQuick.Controls
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

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: panel.controller.whyTitle !== "" ? panel.controller.whyTitle : qsTr("Why")
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideRight
            }
            ToolButton {
                visible: panel.controller.selectedEvent >= 0 || panel.controller.whyTitle !== ""
                text: qsTr("Clear")
                font.pixelSize: Theme.fontSmall
                onClicked: panel.controller.selectEvent(-1)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Clear the chain (Esc)")
            }
        }
        Text {
            visible: panel.controller.why.count === 0
            Layout.fillWidth: true
            text: qsTr("The event is not in this run any more; move things back and its chain returns.")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list
            objectName: "whyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(2)
            model: panel.controller.why
            ScrollBar.vertical: ScrollBar {}
            // A click on a step puts the playhead on it.
            TapHandler {
                onTapped: (point) => {
                    const i = list.indexAt(point.position.x + list.contentX, point.position.y + list.contentY)
                    if (i >= 0) panel.controller.playback.stepTo(panel.controller.why.eventAt(i))
                }
            }
            // The chain ends with the clicked event, the conclusion of the story: keep it in view
            // as the chain changes (until the reader scrolls up).
            property bool followEnd: true
            onCountChanged: followEnd = true
            onContentHeightChanged: if (followEnd) positionViewAtEnd()
            onHeightChanged: if (followEnd) positionViewAtEnd()
            onMovementStarted: followEnd = false
            delegate: Rectangle {
                id: step
                required property int index
                required property string when
                required property string text
                required property bool selected
                width: ListView.view.width
                height: lines.implicitHeight + Theme.px(8)
                radius: Theme.px(3)
                color: selected ? Theme.changed : (index % 2 ? Theme.panelAlt : "transparent")
                Column {
                    id: lines
                    x: Theme.px(6)
                    width: parent.width - 2 * x
                    anchors.verticalCenter: parent.verticalCenter
                    Text {
                        text: (step.index + 1) + ".  " + step.when
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                    }
                    Text {
                        objectName: "whyStep"
                        width: parent.width
                        text: step.text
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
