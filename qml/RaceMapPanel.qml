// The race map (Ctrl+M): the same map as `uintr-sim explore --vary A --vary B -o map.svg`, for
// the document on screen: what every pair of positions of two entries (or an entry and the IPI
// latency) comes to, the scenario's own point ringed. Clicking a cell moves the entries there,
// one undo step. The map is computed off the GUI thread while the panel is open.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import UintrLab

Drawer {
    id: panel

    required property LabController controller
    readonly property RaceMapModel map: controller.raceMap

    objectName: "raceMapPanel"
    width: Math.min(Theme.px(900), parent ? parent.width * 0.7 : Theme.px(900))
    edge: Qt.RightEdge
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    Binding { target: panel.map; property: "enabled"; value: panel.visible }
    Shortcut {
        sequence: "Ctrl+M"
        onActivated: panel.visible ? panel.close() : panel.open()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Text {
            text: qsTr("Race map")
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        RowLayout {
            spacing: Theme.spacing
            Text { text: qsTr("Across"); color: Theme.muted; font.pixelSize: Theme.fontBody }
            ComboBox {
                objectName: "raceMapAxisA"
                model: panel.map.choices
                currentIndex: panel.map.axisA
                onActivated: (i) => panel.map.axisA = i
                Layout.preferredWidth: Theme.px(240)
            }
            Text { text: qsTr("Up"); color: Theme.muted; font.pixelSize: Theme.fontBody }
            ComboBox {
                objectName: "raceMapAxisB"
                model: panel.map.choices
                currentIndex: panel.map.axisB
                onActivated: (i) => panel.map.axisB = i
                Layout.preferredWidth: Theme.px(240)
            }
            Text {
                text: panel.map.busy ? qsTr("computing…") : qsTr("%1 runs").arg(panel.map.runs)
                color: Theme.muted
                font.pixelSize: Theme.fontBody
            }
        }
        RaceMapView {
            id: view
            objectName: "raceMapView"
            model: panel.map
            Layout.fillWidth: true
            Layout.fillHeight: true
            TapHandler {
                onTapped: (point) => view.clickAt(point.position.x, point.position.y)
            }
        }
        Text {
            Layout.fillWidth: true
            text: panel.map.summary + "  ·  " + qsTr("Click a cell to move the entries there (Ctrl+Z undoes it).")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
    }
}
