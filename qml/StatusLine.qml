// The status line: what the last request did (a refusal in the error colour, with its reason),
// the A/B markers and their distance, and the size of the run.
import QtQuick
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: bar

    required property LabController controller

    implicitHeight: row.implicitHeight + Theme.px(10)
    color: Theme.panel
    Rectangle { width: parent.width; height: 1; color: Theme.border }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.px(24)

        Text {
            objectName: "status"
            Layout.fillWidth: true
            text: (bar.controller.statusError ? "✖ " : "") + bar.controller.statusText
            color: bar.controller.statusError ? Theme.error : Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: bar.controller.statusError
            elide: Text.ElideRight
        }
        Text {
            objectName: "markerText"
            text: bar.controller.markerText !== "" ? bar.controller.markerText
                                                   : qsTr("Ctrl+click: marker A · Shift+click: marker B")
            color: bar.controller.markerText !== "" ? Theme.text : Theme.muted
            font.pixelSize: Theme.fontBody
            font.family: bar.controller.markerText !== Theme.sans ? Theme.mono : ""
        }
        Text {
            text: qsTr("%1 events · %2 CPUs · %3 visible items").arg(bar.controller.eventCount)
                      .arg(bar.controller.cpuCount).arg(bar.controller.timeline.visibleItems)
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }
    }
}
