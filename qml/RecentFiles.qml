// The recently opened scenarios, newest first; a click opens one (after the unsaved-changes
// question). Remembered across sessions (QSettings) by the controller.
import QtQuick
import QtQuick.Controls
import UintrLab

Popup {
    id: popup

    required property LabController controller
    signal openRequested(string path)

    width: Theme.px(620)
    height: Math.min(list.contentHeight, Theme.px(400)) + 2 * padding + Theme.px(44)
    padding: Theme.px(8)
    background: Rectangle { color: Theme.panel; border.color: Theme.border; radius: Theme.radius }

    Text {
        visible: list.count === 0
        text: qsTr("No recent files yet.")
        color: Theme.muted
        font.pixelSize: Theme.fontBody
    }
    ListView {
        id: list
        width: parent.width
        height: parent.height - clear.height - Theme.px(6)
        clip: true
        model: popup.controller.document.recentFiles
        TapHandler {
            onTapped: (point) => {
                const i = list.indexAt(point.position.x + list.contentX, point.position.y + list.contentY)
                if (i < 0) return
                popup.close()
                popup.openRequested(popup.controller.document.recentFiles[i])
            }
        }
        delegate: Rectangle {
            required property string modelData
            width: ListView.view.width
            height: line.implicitHeight + Theme.px(10)
            color: hover.hovered ? Theme.panelAlt : "transparent"
            radius: Theme.px(3)
            Text {
                id: line
                x: Theme.px(8)
                width: parent.width - 2 * x
                anchors.verticalCenter: parent.verticalCenter
                text: parent.modelData
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.family: Theme.mono
                elide: Text.ElideLeft
            }
            HoverHandler { id: hover }
        }
    }
    Button {
        id: clear
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        text: qsTr("Clear list")
        font.pixelSize: Theme.fontSmall
        enabled: list.count > 0
        onClicked: popup.controller.document.clearRecentFiles()
    }
}
