// Every command has a key (listed by F1): the keys trigger the same LabActions as the toolbar.
// Perfetto's W/A/S/D zoom (at the pointer when it is over the timeline) and pan.
import QtQuick
import UintrLab

Item {
    id: keys

    required property LabController controller
    required property LabActions actions
    required property Timeline timeline
    readonly property TimelineView view: controller.timeline

    function zoom(factor: real) {
        // At the pointer, as Perfetto does; at the centre when the pointer is elsewhere.
        const x = timeline.pointerInside ? timeline.pointerX : view.viewWidth / 2
        view.zoomAt(x, factor)
    }
    function pan(fraction: real) { view.panBy((view.viewWidth - view.labelWidth) * fraction) }

    Shortcut { sequences: ["Ctrl+O"]; onActivated: keys.actions.open.trigger() }
    Shortcut { sequences: ["Ctrl+S"]; onActivated: keys.actions.save.trigger() }
    Shortcut { sequences: ["Ctrl+Shift+S"]; onActivated: keys.actions.saveAs.trigger() }
    Shortcut { sequence: "Ctrl+E"; onActivated: keys.actions.exportPicture.trigger() }
    Shortcut { sequences: ["Ctrl+Q"]; onActivated: keys.actions.quit.trigger() }
    Shortcut { sequences: ["Ctrl+Z"]; onActivated: keys.actions.undo.trigger() }
    Shortcut { sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]; onActivated: keys.actions.redo.trigger() }
    Shortcut { sequence: "Ctrl+L"; onActivated: keys.actions.library.trigger() }
    Shortcut { sequence: "Ctrl+R"; onActivated: keys.actions.recent.trigger() }
    Shortcut { sequence: "F1"; onActivated: keys.actions.help.trigger() }
    Shortcut { sequence: "F5"; onActivated: keys.actions.presenter.trigger() }
    Shortcut { sequence: "Ctrl+D"; onActivated: keys.actions.dark.trigger() }
    Shortcut { sequence: "Ctrl+Shift+M"; onActivated: keys.actions.motion.trigger() }
    Shortcut { sequences: ["Ctrl++", "Ctrl+="]; onActivated: keys.actions.larger.trigger() }
    Shortcut { sequence: "Ctrl+-"; onActivated: keys.actions.smaller.trigger() }
    Shortcut { sequence: "Ctrl+0"; onActivated: keys.actions.scaleRequested(0) }
    Shortcut { sequence: "Ctrl+K"; onActivated: keys.actions.nextVariant.trigger() }

    Shortcut { sequence: "Space"; onActivated: keys.actions.play.trigger() }
    Shortcut { sequences: ["Right", "."]; onActivated: keys.actions.stepNext.trigger() }
    Shortcut { sequences: ["Left", ","]; onActivated: keys.actions.stepPrev.trigger() }
    Shortcut { sequence: "Home"; onActivated: keys.actions.toStart.trigger() }
    Shortcut { sequence: "End"; onActivated: keys.actions.toEnd.trigger() }
    Shortcut { sequence: "M"; onActivated: keys.actions.slowMotion.trigger() }

    Shortcut { sequence: "W"; autoRepeat: true; onActivated: keys.zoom(1.25) }
    Shortcut { sequence: "S"; autoRepeat: true; onActivated: keys.zoom(0.8) }
    Shortcut { sequence: "A"; autoRepeat: true; onActivated: keys.pan(-0.1) }
    Shortcut { sequence: "D"; autoRepeat: true; onActivated: keys.pan(0.1) }
    Shortcut { sequence: "F"; onActivated: keys.actions.fit.trigger() }

    Shortcut { sequence: "1"; onActivated: keys.controller.playback.markPlayhead(false) }
    Shortcut { sequence: "2"; onActivated: keys.controller.playback.markPlayhead(true) }
    Shortcut { sequence: "0"; onActivated: keys.controller.playback.clearMarkers() }
    Shortcut {
        sequence: "Esc"
        onActivated: keys.controller.document.previewing ? keys.controller.document.cancelMove() : keys.controller.selectEvent(-1)
    }
}
