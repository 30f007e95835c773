// The timeline's hands (Perfetto and Kdenlive): the wheel zooms at the pointer (Shift+wheel
// pans); dragging a context switch or a SENDUIPI moves it (a live preview; the release commits
// one undo step; snapping to ns and to other events); dragging elsewhere pans; dragging on the
// ruler scrubs the playhead; a click selects an event (Why) and puts the playhead there;
// Ctrl+click sets marker A, Shift+click marker B. Esc during a drag puts the entry back.
import QtQuick
import QtQuick.Controls
import UintrLab

MouseArea {
    id: area

    required property TimelineView view
    required property LabController controller

    property string mode: ""       // "move", "pan", "scrub", "" (idle or cancelled)
    property int entry: -1
    property real grab: 0          // pointer x minus the entry's x at the press
    property real pressX: 0
    property real lastX: 0
    property bool moved: false
    property string hoverTip: ""

    hoverEnabled: true
    acceptedButtons: Qt.LeftButton
    preventStealing: true
    cursorShape: mode === "move" ? Qt.SizeHorCursor
               : mode === "pan" ? Qt.ClosedHandCursor
               : view.draggableEntryAt(mouseX, mouseY) >= 0 ? Qt.SizeHorCursor : Qt.ArrowCursor

    function cancel() {
        if (mode === "move") controller.document.cancelMove()
        mode = ""
    }

    onPressed: (mouse) => {
        // The hover text describes the run before this press (a drag moves what it names):
        // the next hover asks again.
        hoverTip = ""
        pressX = lastX = mouse.x
        moved = false
        entry = mouse.modifiers === Qt.NoModifier ? view.draggableEntryAt(mouse.x, mouse.y) : -1
        if (mouse.y < view.rulerHeight) {
            mode = "scrub"
            controller.playback.playhead = Math.max(0, view.timeAt(mouse.x))
        } else if (entry >= 0) {
            mode = "move"
            grab = mouse.x - view.xOf(controller.document.entryTime(entry))
        } else {
            mode = "pan"
        }
    }
    onPositionChanged: (mouse) => {
        if (!pressed) {
            hoverTip = view.tooltipAt(mouse.x, mouse.y)
            return
        }
        if (Math.abs(mouse.x - pressX) > 3) moved = true
        if (mode === "scrub") {
            controller.playback.playhead = Math.max(0, view.timeAt(mouse.x))
        } else if (mode === "move" && moved) {
            controller.document.requestMove(entry, view.snapTime(entry, mouse.x - grab))
        } else if (mode === "pan") {
            view.panBy(lastX - mouse.x)
        }
        lastX = mouse.x
    }
    onReleased: (mouse) => {
        if (mode === "move" && moved) {
            controller.document.commitMove(entry, view.snapTime(entry, mouse.x - grab))
        } else if (!moved && mode !== "") {
            if (mouse.modifiers & Qt.ControlModifier) {
                controller.playback.setMarkerA(view.snapTime(-1, mouse.x))
            } else if (mouse.modifiers & Qt.ShiftModifier) {
                controller.playback.setMarkerB(view.snapTime(-1, mouse.x))
            } else if (mouse.y >= view.rulerHeight && mouse.x > view.labelWidth) {
                const ev = view.eventAt(mouse.x, mouse.y)
                controller.selectEvent(ev)
                if (ev >= 0) controller.playback.stepTo(ev)
                else controller.playback.playhead = Math.max(0, view.timeAt(mouse.x))
            }
        }
        mode = ""
    }
    onCanceled: cancel()
    onExited: hoverTip = ""
    onWheel: (wheel) => {
        const dy = wheel.angleDelta.y, dx = wheel.angleDelta.x
        // Over the lane labels (or with Alt): scroll the lanes when they do not all fit.
        if (view.maxScrollY > 0 && (wheel.x < view.labelWidth || wheel.modifiers & Qt.AltModifier))
            view.scrollBy(-(dy !== 0 ? dy : dx) / 2)
        else if (wheel.modifiers & Qt.ShiftModifier || Math.abs(dx) > Math.abs(dy))
            view.panBy(-(Math.abs(dx) > Math.abs(dy) ? dx : dy) / 2)
        else if (dy !== 0)
            view.zoomAt(wheel.x, Math.pow(1.25, dy / 120))
    }

    Connections {
        target: area.controller.document
        // Esc (or an undo) ended the preview under the hand: ignore the rest of this drag.
        function onPreviewChanged() {
            if (!area.controller.document.previewing && area.mode === "move" && area.moved) area.mode = ""
        }
    }
    ToolTip {
        id: tip
        objectName: "timelineTip"
        readonly property bool dragging: area.mode === "move" && area.controller.document.previewing
        visible: dragging || area.hoverTip !== ""
        x: Math.min(area.mouseX + Theme.px(16), area.width - width)
        y: Math.max(0, area.mouseY - height - Theme.px(12))
        delay: dragging ? 0 : 500
        font.pixelSize: dragging ? Theme.fontLarge : Theme.fontBody
        text: dragging ? area.controller.document.previewText : area.hoverTip
    }
}
