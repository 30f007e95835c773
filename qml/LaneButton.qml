// A small button in a lane's label column (pin, hide): text, a tooltip, a click.
import QtQuick
import QtQuick.Controls
import UintrLab

Rectangle {
    id: button

    property alias text: glyph.text
    property string tip
    signal clicked

    width: Theme.px(22)
    height: Theme.px(16)
    radius: Theme.px(3)
    color: hover.hovered ? Theme.panelAlt : "transparent"
    border.color: Theme.border

    Text {
        id: glyph
        anchors.centerIn: parent
        color: Theme.ink
        font.pixelSize: Theme.fontSmall
    }
    HoverHandler { id: hover }
    TapHandler { onTapped: button.clicked() }
    ToolTip.visible: hover.hovered
    ToolTip.delay: 500
    ToolTip.text: tip
}
