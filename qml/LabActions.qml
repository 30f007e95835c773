// Every command of the window once: its words, its keys (shown in tooltips and the overflow
// menu) and what it does. The toolbar's buttons, its overflow menu and the keyboard
// (Shortcuts.qml) all trigger these; Main.qml handles the few that need a window (dialogs).
import QtQuick
import UintrLab

QtObject {
    id: actions

    required property LabController controller

    signal openRequested
    signal saveRequested
    signal saveAsRequested
    signal exportRequested
    signal importRequested
    signal libraryRequested
    signal recentRequested
    signal helpRequested
    signal darkToggled
    signal motionToggled
    signal presenterToggled
    signal scaleRequested(real step) // 0: back to 1
    signal quitRequested

    readonly property Command library: Command { text: qsTr("Library"); keys: "Ctrl+L"; tip: qsTr("Scenario library"); onTriggered: actions.libraryRequested() }
    readonly property Command open: Command { text: qsTr("Open…"); keys: "Ctrl+O"; tip: qsTr("Open a scenario file"); onTriggered: actions.openRequested() }
    readonly property Command recent: Command { text: qsTr("Recent ▾"); keys: "Ctrl+R"; tip: qsTr("Recently opened scenarios"); onTriggered: actions.recentRequested() }
    readonly property Command save: Command { text: qsTr("Save"); keys: "Ctrl+S"; tip: qsTr("Save, atomically"); enabled: actions.controller.document.loaded; onTriggered: actions.saveRequested() }
    readonly property Command saveAs: Command { text: qsTr("Save As…"); keys: "Ctrl+Shift+S"; tip: qsTr("Save under another name"); enabled: actions.controller.document.loaded; onTriggered: actions.saveAsRequested() }
    readonly property Command exportPicture: Command {
        text: qsTr("Export…"); keys: "Ctrl+E"; enabled: actions.controller.document.loaded
        tip: qsTr("Export the timeline as SVG or PNG, the whole run or the visible window")
        onTriggered: actions.exportRequested()
    }
    readonly property Command importCapture: Command {
        text: qsTr("Import…")
        tip: qsTr("Import a real schedule: the sched_switch lines of an ftrace capture")
        onTriggered: actions.importRequested()
    }
    readonly property Command undo: Command {
        text: qsTr("↶ Undo"); keys: "Ctrl+Z"; enabled: actions.controller.document.canUndo
        tip: qsTr("Undo %1").arg(actions.controller.document.undoText)
        onTriggered: actions.controller.document.undo()
    }
    readonly property Command redo: Command {
        text: qsTr("↷ Redo"); keys: "Ctrl+Shift+Z"; enabled: actions.controller.document.canRedo
        tip: qsTr("Redo %1").arg(actions.controller.document.redoText)
        onTriggered: actions.controller.document.redo()
    }
    readonly property Command toStart: Command { text: "⇤"; keys: "Home"; tip: qsTr("To the start"); onTriggered: actions.controller.playback.toStart() }
    readonly property Command stepPrev: Command { text: "◀"; keys: "Left"; tip: qsTr("Previous event"); onTriggered: actions.controller.playback.stepPrev() }
    readonly property Command play: Command {
        text: actions.controller.playback.playing ? qsTr("▮▮ Pause") : qsTr("▶ Play"); keys: "Space"
        tip: qsTr("Play or pause the run"); onTriggered: actions.controller.playback.togglePlay()
    }
    readonly property Command stepNext: Command { text: "▶"; keys: "Right"; tip: qsTr("Next event"); onTriggered: actions.controller.playback.stepNext() }
    readonly property Command toEnd: Command { text: "⇥"; keys: "End"; tip: qsTr("To the end"); onTriggered: actions.controller.playback.toEnd() }
    readonly property Command slowMotion: Command {
        text: qsTr("Slow"); keys: "M"; on: actions.controller.playback.slowMotion
        tip: qsTr("Slow motion: stop on every sub-step of an instant")
        onTriggered: actions.controller.playback.slowMotion = !actions.controller.playback.slowMotion
    }
    readonly property Command nextVariant: Command {
        text: qsTr("Kernel: %1").arg(actions.controller.document.variant); keys: "Ctrl+K"
        tip: actions.controller.document.variantDescription + qsTr("\nRe-simulates at once; undoable.")
        onTriggered: actions.controller.document.cycleVariant()
    }
    readonly property Command fit: Command { text: qsTr("Fit"); keys: "F"; tip: qsTr("Show the whole run"); onTriggered: actions.controller.timeline.fit() }
    readonly property Command zoomOut: Command { text: "−"; keys: "S"; tip: qsTr("Zoom out"); onTriggered: actions.controller.timeline.zoomAt(actions.controller.timeline.viewWidth / 2, 1 / 1.25) }
    readonly property Command zoomIn: Command { text: "+"; keys: "W"; tip: qsTr("Zoom in"); onTriggered: actions.controller.timeline.zoomAt(actions.controller.timeline.viewWidth / 2, 1.25) }
    readonly property Command smaller: Command { text: "A−"; keys: "Ctrl+minus"; tip: qsTr("Smaller presentation scale"); onTriggered: actions.scaleRequested(-0.25) }
    readonly property Command larger: Command { text: "A+"; keys: "Ctrl+plus"; tip: qsTr("Larger presentation scale for the back row"); onTriggered: actions.scaleRequested(0.25) }
    readonly property Command dark: Command { text: Theme.dark ? qsTr("Light") : qsTr("Dark"); keys: "Ctrl+D"; tip: qsTr("Light or dark palette"); onTriggered: actions.darkToggled() }
    readonly property Command motion: Command {
        text: qsTr("Motion"); keys: "Ctrl+Shift+M"; on: !Theme.reducedMotion
        tip: qsTr("Animated interrupt flow (off: reduced motion)")
        onTriggered: actions.motionToggled()
    }
    readonly property Command presenter: Command {
        text: qsTr("Present"); keys: "F5"
        tip: qsTr("Presenter mode: an audience window with the timeline, verdict and narration; here the next step and the speaker notes")
        onTriggered: actions.presenterToggled()
    }
    readonly property Command help: Command { text: "?"; keys: "F1"; tip: qsTr("Keyboard shortcuts"); onTriggered: actions.helpRequested() }
    readonly property Command quit: Command { text: qsTr("Quit"); keys: "Ctrl+Q"; onTriggered: actions.quitRequested() }
}
