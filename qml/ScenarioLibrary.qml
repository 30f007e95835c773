// The scenarios/ folder as lessons: title, summary, file and kernel variant; a click opens one
// (after asking about unsaved changes). Broken files are listed with the loader's error.
import QtQuick
import QtQuick.Controls
import UintrLab

Drawer {
    id: drawer

    required property LabController controller
    signal openRequested(string path)

    width: Math.min(Theme.px(560), parent ? parent.width * 0.8 : Theme.px(560))
    edge: Qt.LeftEdge
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    Text {
        id: heading
        x: Theme.spacing
        y: Theme.spacing
        width: drawer.width - 2 * x
        text: qsTr("Scenario library  ·  %1").arg(drawer.controller.library.folder)
        color: Theme.muted
        font.pixelSize: Theme.fontBody
        font.bold: true
        elide: Text.ElideMiddle
    }
    ListView {
        id: list
        objectName: "libraryList"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.topMargin: heading.height + 2 * Theme.spacing
        clip: true
        spacing: Theme.px(6)
        model: drawer.controller.library
        currentIndex: drawer.controller.library.indexOf(drawer.controller.document.filePath)
        highlightFollowsCurrentItem: false
        ScrollBar.vertical: ScrollBar {}
        TapHandler {
            onTapped: (point) => {
                const i = list.indexAt(point.position.x + list.contentX, point.position.y + list.contentY)
                if (i < 0) return
                drawer.close()
                drawer.openRequested(drawer.controller.library.pathAt(i))
            }
        }
        delegate: Rectangle {
            id: item
            required property string fileName
            required property string title
            required property string summary
            required property string variant
            required property bool broken
            width: ListView.view.width
            height: column.implicitHeight + Theme.px(16)
            radius: Theme.radius
            color: ListView.isCurrentItem ? Theme.changed : (hover.hovered ? Theme.lane : Theme.panelAlt)
            border.color: broken ? Theme.error : Theme.border
            Column {
                id: column
                x: Theme.px(10)
                y: Theme.px(8)
                width: item.width - 2 * x
                spacing: Theme.px(4)
                Text {
                    width: parent.width
                    text: item.title
                    color: item.broken ? Theme.error : Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    width: parent.width
                    text: item.summary
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    font.family: item.broken ? Theme.mono : Theme.sans
                    wrapMode: Text.WordWrap
                    maximumLineCount: 4
                    elide: Text.ElideRight
                }
                Text {
                    text: item.fileName + (item.variant !== "" ? "  ·  kernel " + item.variant : "")
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.mono
                }
            }
            HoverHandler { id: hover }
        }
    }
    onOpened: drawer.controller.library.refresh()
}
