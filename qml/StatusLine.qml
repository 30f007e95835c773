// The status line: what the last request did (a refusal in the error colour, with its reason),
// the A/B markers and their distance, and the size of the run.
import QtQuick
import UintrLab

Rectangle {
    id: bar

    required property LabController controller

    implicitHeight: row.childrenRect.height + Theme.px(10)
    // One row when it fits; at a presentation scale the parts wrap onto a second line rather
    // than being cut.
    color: Theme.panel
    Rectangle { width: parent.width; height: 1; color: Theme.border }

    Flow {
        id: row
        x: Theme.spacing
        y: Theme.px(5)
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.px(24)
        readonly property real rest: marker.implicitWidth + counts.implicitWidth + 2 * spacing

        Text {
            objectName: "status"
            // The whole line when it fits beside the rest, else a line of its own.
            width: implicitWidth <= row.width - row.rest ? implicitWidth : row.width
            wrapMode: Text.Wrap
            text: (bar.controller.statusError ? "✖ " : "") + bar.controller.statusText
            color: bar.controller.statusError ? Theme.error : Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: bar.controller.statusError
        }
        Text {
            id: marker
            objectName: "markerText"
            text: bar.controller.playback.markerText !== "" ? bar.controller.playback.markerText
                                                   : qsTr("Ctrl+click: marker A · Shift+click: marker B")
            color: bar.controller.playback.markerText !== "" ? Theme.text : Theme.muted
            font.pixelSize: Theme.fontBody
            font.family: bar.controller.playback.markerText !== "" ? Theme.mono : ""
        }
        Text {
            id: counts
            text: qsTr("%1 events · %2 CPUs · %3 visible items").arg(bar.controller.eventCount)
                      .arg(bar.controller.cpuCount).arg(bar.controller.timeline.visibleItems)
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }
    }
}
