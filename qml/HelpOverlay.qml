// F1: every shortcut on one card.
import QtQuick
import QtQuick.Controls
import UintrLab

Popup {
    id: help

    // Key, then what it does.
    readonly property var rows: [
        "Space", qsTr("play / pause; at a question, reveal"), "→  or  .", qsTr("next event (sub-step); at a question, reveal"),
        "←  or  ,", qsTr("previous event"), "Home / End", qsTr("start / end of the run"),
        "M", qsTr("slow motion"), "W / S", qsTr("zoom in / out at the pointer"), "A / D", qsTr("pan left / right"),
        "F", qsTr("fit the whole run"), qsTr("wheel"), qsTr("zoom at the pointer (Shift: pan)"),
        qsTr("drag a switch or SENDUIPI"), qsTr("move it in time (Esc: put it back)"),
        qsTr("drag elsewhere"), qsTr("pan"), qsTr("drag on the ruler"), qsTr("move the playhead"),
        qsTr("click an event"), qsTr("why it happened"),
        qsTr("Ctrl+click / Shift+click"), qsTr("marker A / B"),
        "1 / 2 / 0", qsTr("marker A / B at the playhead, clear"), "Esc", qsTr("clear the Why chain"),
        "Ctrl+Z / Ctrl+Shift+Z", qsTr("undo / redo"), "Ctrl+K", qsTr("next kernel variant"),
        "Ctrl+O / Ctrl+S / Ctrl+Shift+S", qsTr("open / save / save as"),
        "Ctrl+E", qsTr("export the timeline (SVG / PNG)"),
        "Ctrl+L / Ctrl+R", qsTr("scenario library / recent files"),
        "Ctrl+plus / Ctrl+minus / Ctrl+0", qsTr("presentation scale"),
        "Ctrl+D", qsTr("light / dark"), "Ctrl+Shift+M", qsTr("animation on / off (reduced motion)"), "F5", qsTr("presenter mode (audience window)"), "Ctrl+Q", qsTr("quit"), "F1", qsTr("this card")
    ]

    anchors.centerIn: parent
    modal: true
    focus: true
    // Esc or F1 (the key that opened it) closes it; so does a click outside.
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    padding: Theme.px(20)
    background: Rectangle { color: Theme.panel; border.color: Theme.border; radius: Theme.radius }

    // Never cut at a presentation scale: two pairs of columns when they fit, and it scrolls.
    width: Math.min(grid.implicitWidth + 2 * padding, parent ? parent.width * 0.96 : grid.implicitWidth)
    height: Math.min(grid.implicitHeight + 2 * padding, parent ? parent.height * 0.92 : grid.implicitHeight)

    Flickable {
        id: card
        anchors.fill: parent
        contentWidth: grid.implicitWidth
        contentHeight: grid.implicitHeight
        clip: true
        focus: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_F1 || event.key === Qt.Key_Escape) {
                help.close()
                event.accepted = true
            }
        }

        Grid {
            id: grid
            // Two (key, what) pairs side by side when the window is wide enough for them.
            columns: help.parent && help.parent.width > 2 * Theme.px(640) ? 4 : 2
            columnSpacing: Theme.px(24)
            rowSpacing: Theme.px(6)
            Repeater {
                model: help.rows
                delegate: Text {
                    required property int index
                    required property string modelData
                    text: modelData
                    color: index % 2 ? Theme.text : Theme.muted
                    font.pixelSize: Theme.fontBody
                    font.family: index % 2 ? Theme.sans : Theme.mono
                    font.bold: index % 2 === 0
                }
            }
        }
    }
    onOpened: card.forceActiveFocus()
}
