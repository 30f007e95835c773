// F1: every shortcut on one card.
import QtQuick
import QtQuick.Controls
import UintrLab

Popup {
    id: help

    // Key, then what it does.
    readonly property var rows: [
        "Space", qsTr("play / pause"), "→  or  .", qsTr("next event (sub-step)"),
        "←  or  ,", qsTr("previous event"), "Home / End", qsTr("start / end of the run"),
        "M", qsTr("slow motion"), "W / S", qsTr("zoom in / out"), "A / D", qsTr("pan left / right"),
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
        "Ctrl+D", qsTr("light / dark"), "Ctrl+Q", qsTr("quit"), "F1", qsTr("this card")
    ]

    anchors.centerIn: parent
    modal: true
    padding: Theme.px(20)
    background: Rectangle { color: Theme.panel; border.color: Theme.border; radius: Theme.radius }

    Grid {
        columns: 2
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
