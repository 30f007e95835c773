// File (open, save, export), undo, playback, the kernel variant switch, zoom, palette and
// presentation scale: one row that never wraps. What does not fit (1366 px, a presentation
// scale) goes, from the right, into the "⋯" menu — every command stays one click away, with its
// key. Buttons and menu entries trigger the same LabActions as the keyboard.
import QtQuick
import QtQuick.Controls
import UintrLab

ToolBar {
    id: bar

    required property LabController controller
    required property LabActions actions

    // The items in display order; the first `fitCount` are on the bar, the rest in the menu.
    readonly property list<Item> items: [
        libraryButton, openButton, recentButton, saveButton, saveAsButton, exportButton, importButton, sep1,
        undoButton, redoButton, sep2, startButton, prevButton, playButton, nextButton, endButton,
        slowButton, sep3, kernelLabel, variantBox, sep4, fitButton, zoomOutButton, zoomInButton,
        sep5, smallerButton, largerButton, darkButton, motionButton, presentButton, helpButton
    ]
    readonly property int fitCount: {
        const room = bar.availableWidth - more.implicitWidth - row.spacing
        let used = 0
        for (let i = 0; i < items.length; ++i) {
            used += items[i].implicitWidth + row.spacing
            if (used > room) return i
        }
        return items.length
    }
    // Shows the items that fit, hides the rest (they are in the menu).
    function applyFit() {
        for (let i = 0; i < items.length; ++i) items[i].visible = i < fitCount
    }
    onFitCountChanged: applyFit()
    Component.onCompleted: applyFit()

    component BarButton: ToolButton {
        id: button
        property Command command
        text: command ? command.text : ""
        enabled: command ? command.enabled : true
        font.pixelSize: Theme.fontBody
        implicitHeight: Theme.px(36)
        padding: Theme.px(6)
        leftPadding: Theme.px(10)
        rightPadding: Theme.px(10)
        onClicked: if (command) command.trigger()
        contentItem: Text {
            text: button.text
            font: button.font
            color: button.enabled ? Theme.text : Theme.muted
            opacity: button.enabled ? 1 : 0.5
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            readonly property bool on: button.command ? button.command.on : false
            radius: Theme.radius
            color: on ? Theme.panelAlt : (button.hovered ? Theme.lane : "transparent")
            border.color: on ? Theme.border : "transparent"
        }
        ToolTip.visible: hovered && command !== null && command.tip !== ""
        ToolTip.text: command ? command.tip + " (" + command.keys + ")" : ""
        ToolTip.delay: 400
    }
    component Separator: Item {
        id: separator
        implicitWidth: Theme.px(9)
        implicitHeight: Theme.px(36)
        Rectangle { anchors.centerIn: parent; width: 1; height: Theme.px(26); color: Theme.border }
    }

    contentHeight: row.implicitHeight
    background: Rectangle { color: Theme.panel; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border } }

    Row {
        id: row
        spacing: Theme.px(2)

        BarButton { id: libraryButton; command: bar.actions.library }
        BarButton { id: openButton; command: bar.actions.open }
        BarButton { id: recentButton; command: bar.actions.recent }
        BarButton { id: saveButton; command: bar.actions.save }
        BarButton { id: saveAsButton; command: bar.actions.saveAs }
        BarButton { id: exportButton; objectName: "exportButton"; command: bar.actions.exportPicture }
        BarButton { id: importButton; objectName: "importButton"; command: bar.actions.importCapture }
        Separator { id: sep1 }
        BarButton { id: undoButton; command: bar.actions.undo }
        BarButton { id: redoButton; command: bar.actions.redo }
        Separator { id: sep2 }
        BarButton { id: startButton; command: bar.actions.toStart }
        BarButton { id: prevButton; command: bar.actions.stepPrev }
        BarButton { id: playButton; objectName: "playButton"; command: bar.actions.play }
        BarButton { id: nextButton; command: bar.actions.stepNext }
        BarButton { id: endButton; command: bar.actions.toEnd }
        BarButton { id: slowButton; command: bar.actions.slowMotion }
        Separator { id: sep3 }
        Label {
            id: kernelLabel
            height: Theme.px(36)
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Kernel")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            leftPadding: Theme.px(6)
            rightPadding: Theme.px(4)
        }
        ComboBox {
            id: variantBox
            objectName: "variantBox"
            model: bar.controller.document.variants
            currentIndex: bar.controller.document.variantIndex
            font.pixelSize: Theme.fontBody
            implicitWidth: Theme.px(200)
            implicitHeight: Theme.px(36)
            onActivated: (index) => bar.controller.document.setVariant(bar.controller.document.variants[index])
            ToolTip.visible: hovered
            ToolTip.text: bar.actions.nextVariant.tip + " (" + bar.actions.nextVariant.keys + qsTr(" cycles)")
            ToolTip.delay: 400
        }
        Separator { id: sep4 }
        BarButton { id: fitButton; command: bar.actions.fit }
        BarButton { id: zoomOutButton; command: bar.actions.zoomOut }
        BarButton { id: zoomInButton; command: bar.actions.zoomIn }
        Separator { id: sep5 }
        BarButton { id: smallerButton; command: bar.actions.smaller }
        BarButton { id: largerButton; command: bar.actions.larger }
        BarButton { id: darkButton; command: bar.actions.dark }
        BarButton { id: motionButton; command: bar.actions.motion }
        BarButton { id: presentButton; objectName: "presentButton"; command: bar.actions.presenter }
        BarButton { id: helpButton; command: bar.actions.help }
    }
    ToolButton {
        id: more
        objectName: "overflowButton"
        anchors.right: parent.right
        visible: bar.fitCount < bar.items.length
        text: "⋯"
        font.pixelSize: Theme.fontLarge
        implicitHeight: Theme.px(36)
        implicitWidth: Theme.px(44)
        onClicked: overflow.open()
        ToolTip.visible: hovered
        ToolTip.text: qsTr("More commands (what does not fit on the bar)")
        Menu {
            id: overflow
            objectName: "overflowMenu"
            y: more.height
            font.pixelSize: Theme.fontBody
            // The commands of the items that are not on the bar, in bar order.
            Instantiator {
                model: bar.hiddenCommands
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.text + "    " + modelData.keys
                    enabled: modelData.enabled
                    onTriggered: modelData.trigger()
                }
                onObjectAdded: (index, object) => overflow.insertItem(index, object)
                onObjectRemoved: (index, object) => overflow.removeItem(object)
            }
        }
    }
    readonly property var hiddenCommands: {
        const out = []
        for (let i = fitCount; i < items.length; ++i) {
            const item = items[i]
            if (item === variantBox) out.push(actions.nextVariant)
            else if (item.command) out.push(item.command)
        }
        return out
    }
}
