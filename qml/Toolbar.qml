// File (open, save, export), undo, playback, the kernel variant switch, zoom, palette and presentation scale.
// Every button names its shortcut in its tooltip.
import QtQuick
import QtQuick.Controls
import UintrLab

ToolBar {
    id: bar

    required property LabController controller
    signal openRequested
    signal saveRequested
    signal saveAsRequested
    signal exportRequested
    signal importRequested
    signal libraryRequested
    signal recentRequested(string path)
    signal helpRequested
    signal darkToggled
    signal scaleRequested(real step)

    function showRecent() { recent.open() }

    component BarButton: ToolButton {
        id: button
        property string tip
        font.pixelSize: Theme.fontBody
        height: Theme.px(36)
        padding: Theme.px(6)
        leftPadding: Theme.px(10)
        rightPadding: Theme.px(10)
        contentItem: Text {
            text: button.text
            font: button.font
            color: button.enabled ? Theme.text : Theme.muted
            opacity: button.enabled ? 1 : 0.5
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: Theme.radius
            color: button.checked ? Theme.panelAlt : (button.hovered ? Theme.lane : "transparent")
            border.color: button.checked ? Theme.border : "transparent"
        }
        ToolTip.visible: hovered && tip !== ""
        ToolTip.text: tip
        ToolTip.delay: 400
    }
    component Separator: Item {
        implicitWidth: Theme.px(9)
        implicitHeight: Theme.px(36)
        Rectangle { anchors.centerIn: parent; width: 1; height: Theme.px(26); color: Theme.border }
    }

    background: Rectangle { color: Theme.panel; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border } }

    // A Flow, so that at a large presentation scale the buttons wrap instead of falling off.
    Flow {
        width: parent.width
        spacing: Theme.px(2)

        BarButton { text: qsTr("Library"); tip: qsTr("Scenario library (Ctrl+L)"); onClicked: bar.libraryRequested() }
        BarButton { text: qsTr("Open…"); tip: qsTr("Open a scenario file (Ctrl+O)"); onClicked: bar.openRequested() }
        BarButton {
            id: recentButton
            text: qsTr("Recent ▾")
            tip: qsTr("Recently opened scenarios (Ctrl+R)")
            onClicked: recent.open()
            RecentFiles {
                id: recent
                y: recentButton.height
                controller: bar.controller
                onOpenRequested: (path) => bar.recentRequested(path)
            }
        }
        BarButton { text: qsTr("Save"); tip: qsTr("Save (Ctrl+S), atomically"); enabled: bar.controller.loaded; onClicked: bar.saveRequested() }
        BarButton { text: qsTr("Save As…"); tip: qsTr("Save under another name (Ctrl+Shift+S)"); enabled: bar.controller.loaded; onClicked: bar.saveAsRequested() }
        BarButton {
            objectName: "exportButton"
            text: qsTr("Export…")
            tip: qsTr("Export the timeline as SVG or PNG, the whole run or the visible window (Ctrl+E)")
            enabled: bar.controller.loaded
            onClicked: bar.exportRequested()
        }
        BarButton {
            objectName: "importButton"
            text: qsTr("Import…")
            tip: qsTr("Import a real schedule: the sched_switch lines of an ftrace capture")
            onClicked: bar.importRequested()
        }
        Separator {}
        BarButton {
            text: qsTr("↶ Undo")
            enabled: bar.controller.canUndo
            tip: qsTr("Undo %1 (Ctrl+Z)").arg(bar.controller.undoText)
            onClicked: bar.controller.undo()
        }
        BarButton {
            text: qsTr("↷ Redo")
            enabled: bar.controller.canRedo
            tip: qsTr("Redo %1 (Ctrl+Shift+Z)").arg(bar.controller.redoText)
            onClicked: bar.controller.redo()
        }
        Separator {}
        BarButton { text: "⇤"; tip: qsTr("To the start (Home)"); onClicked: bar.controller.toStart() }
        BarButton { text: "◀"; tip: qsTr("Previous event (Left or ,)"); onClicked: bar.controller.stepPrev() }
        BarButton {
            objectName: "playButton"
            text: bar.controller.playing ? qsTr("▮▮ Pause") : qsTr("▶ Play")
            tip: qsTr("Play or pause the run (Space)")
            onClicked: bar.controller.togglePlay()
        }
        BarButton { text: "▶"; tip: qsTr("Next event (Right or .)"); onClicked: bar.controller.stepNext() }
        BarButton { text: "⇥"; tip: qsTr("To the end (End)"); onClicked: bar.controller.toEnd() }
        BarButton {
            text: qsTr("Slow")
            checkable: true
            checked: bar.controller.slowMotion
            tip: qsTr("Slow motion: stop on every sub-step of an instant (M)")
            onToggled: bar.controller.slowMotion = checked
        }
        Separator {}
        Label {
            height: Theme.px(36)
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Kernel")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            leftPadding: Theme.px(6)
        }
        ComboBox {
            objectName: "variantBox"
            model: bar.controller.variants
            currentIndex: bar.controller.variantIndex
            font.pixelSize: Theme.fontBody
            implicitWidth: Theme.px(200)
            height: Theme.px(36)
            onActivated: (index) => bar.controller.setVariant(bar.controller.variants[index])
            ToolTip.visible: hovered
            ToolTip.text: bar.controller.variantDescription + qsTr("\nRe-simulates at once; undoable. (Ctrl+K cycles)")
            ToolTip.delay: 400
        }
        Item { width: Theme.px(24); height: 1 }
        BarButton { text: qsTr("Fit"); tip: qsTr("Show the whole run (F)"); onClicked: bar.controller.timeline.fit() }
        BarButton { text: "−"; tip: qsTr("Zoom out (S)"); onClicked: bar.controller.timeline.zoomAt(bar.controller.timeline.viewWidth / 2, 1 / 1.4) }
        BarButton { text: "+"; tip: qsTr("Zoom in (W)"); onClicked: bar.controller.timeline.zoomAt(bar.controller.timeline.viewWidth / 2, 1.4) }
        Separator {}
        BarButton { text: "A−"; tip: qsTr("Smaller presentation scale (Ctrl+minus)"); onClicked: bar.scaleRequested(-0.25) }
        BarButton { text: "A+"; tip: qsTr("Larger presentation scale for the back row (Ctrl+plus)"); onClicked: bar.scaleRequested(0.25) }
        BarButton { text: Theme.dark ? qsTr("Light") : qsTr("Dark"); tip: qsTr("Light or dark palette (Ctrl+D)"); onClicked: bar.darkToggled() }
        BarButton { text: "?"; tip: qsTr("Keyboard shortcuts (F1)"); onClicked: bar.helpRequested() }
    }
}
