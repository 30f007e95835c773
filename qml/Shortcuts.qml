// Every action has a key (listed by F1). Perfetto's W/A/S/D zoom and pan the timeline.
import QtQuick
import UintrLab

Item {
    id: keys

    required property LabController controller
    required property Timeline timeline
    readonly property TimelineView view: controller.timeline
    signal openRequested
    signal saveRequested
    signal saveAsRequested
    signal exportRequested
    signal quitRequested
    signal libraryRequested
    signal recentRequested
    signal helpRequested
    signal darkToggled
    signal scaleRequested(real step) // 0: back to 1

    function zoom(factor: real) { view.zoomAt(view.viewWidth / 2, factor) }
    function pan(fraction: real) { view.panBy((view.viewWidth - view.labelWidth) * fraction) }

    Shortcut { sequences: ["Ctrl+O"]; onActivated: keys.openRequested() }
    Shortcut { sequences: ["Ctrl+S"]; onActivated: keys.saveRequested() }
    Shortcut { sequences: ["Ctrl+Shift+S"]; onActivated: keys.saveAsRequested() }
    Shortcut { sequence: "Ctrl+E"; onActivated: keys.exportRequested() }
    Shortcut { sequences: ["Ctrl+Q"]; onActivated: keys.quitRequested() }
    Shortcut { sequences: ["Ctrl+Z"]; onActivated: keys.controller.undo() }
    Shortcut { sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]; onActivated: keys.controller.redo() }
    Shortcut { sequence: "Ctrl+L"; onActivated: keys.libraryRequested() }
    Shortcut { sequence: "Ctrl+R"; onActivated: keys.recentRequested() }
    Shortcut { sequence: "F1"; onActivated: keys.helpRequested() }
    Shortcut { sequence: "Ctrl+D"; onActivated: keys.darkToggled() }
    Shortcut { sequences: ["Ctrl++", "Ctrl+="]; onActivated: keys.scaleRequested(0.25) }
    Shortcut { sequence: "Ctrl+-"; onActivated: keys.scaleRequested(-0.25) }
    Shortcut { sequence: "Ctrl+0"; onActivated: keys.scaleRequested(0) }
    Shortcut { sequence: "Ctrl+K"; onActivated: keys.controller.cycleVariant() }

    Shortcut { sequence: "Space"; onActivated: keys.controller.togglePlay() }
    Shortcut { sequences: ["Right", "."]; onActivated: keys.controller.stepNext() }
    Shortcut { sequences: ["Left", ","]; onActivated: keys.controller.stepPrev() }
    Shortcut { sequence: "Home"; onActivated: keys.controller.toStart() }
    Shortcut { sequence: "End"; onActivated: keys.controller.toEnd() }
    Shortcut { sequence: "M"; onActivated: keys.controller.slowMotion = !keys.controller.slowMotion }

    Shortcut { sequence: "W"; autoRepeat: true; onActivated: keys.zoom(1.25) }
    Shortcut { sequence: "S"; autoRepeat: true; onActivated: keys.zoom(0.8) }
    Shortcut { sequence: "A"; autoRepeat: true; onActivated: keys.pan(-0.1) }
    Shortcut { sequence: "D"; autoRepeat: true; onActivated: keys.pan(0.1) }
    Shortcut { sequence: "F"; onActivated: keys.view.fit() }

    Shortcut { sequence: "1"; onActivated: keys.controller.markPlayhead(false) }
    Shortcut { sequence: "2"; onActivated: keys.controller.markPlayhead(true) }
    Shortcut { sequence: "0"; onActivated: keys.controller.clearMarkers() }
    Shortcut {
        sequence: "Esc"
        onActivated: keys.controller.previewing ? keys.controller.cancelMove() : keys.controller.selectEvent(-1)
    }
}
