// The window: toolbar, verdict, the timeline in the centre with narration and Why below it,
// the inspector on the right, the status line at the bottom. Views only: every action is a
// request to the controller (LabController), which decides.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import UintrLab

ApplicationWindow {
    id: window

    required property LabController controller
    property bool dark: false
    property real presentationScale: 1.0
    property bool reducedMotion: false
    // Presenter mode (F5, --presenter): the audience window gets the timeline, this one the
    // presenter's panel in its place.
    property bool presenting: false
    property string startupError: ""

    width: 1600
    height: 1000
    visible: true
    color: Theme.window
    title: (controller.document.dirty ? "• " : "") + controller.document.fileName + " — UINTR Lab"

    Binding { target: Theme; property: "dark"; value: window.dark }
    Binding { target: window.controller; property: "dark"; value: window.dark } // the export's palette
    // The Controls (dialogs, combo box, tooltips, scroll bars) follow the palette too.
    palette.window: Theme.panel
    palette.windowText: Theme.text
    palette.base: Theme.panelAlt
    palette.text: Theme.text
    palette.button: Theme.panelAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.cursorA
    palette.highlightedText: Theme.textOn(Theme.cursorA)
    palette.toolTipBase: Theme.panelAlt
    palette.toolTipText: Theme.text
    palette.mid: Theme.border
    palette.dark: Theme.muted
    palette.light: Theme.panel
    Binding { target: Theme; property: "scale"; value: window.presentationScale }
    Binding { target: Theme; property: "reducedMotion"; value: window.reducedMotion }
    // The class sees the projector: a predict step's outcome stays hidden until it is asked.
    Binding { target: window.controller.playback; property: "hideAhead"; value: window.presenting }

    // Runs `action` now, or after the user saved or discarded the unsaved changes.
    function whenSaved(action: var) {
        if (!controller.document.dirty) { action(); return }
        unsaved.pending = action
        unsaved.open()
    }
    function openPath(path: string) { whenSaved(() => controller.document.openFile(path)) }
    function saveOrAsk(then: var) {
        if (controller.document.filePath !== "" && controller.document.save()) { if (then) then(); return }
        saveDialog.then = then
        saveDialog.start()
    }
    function scaleBy(step: real) {
        presentationScale = Math.max(0.75, Math.min(3.0, Math.round((presentationScale + step) * 4) / 4))
    }

    // Every command once (LabActions); the toolbar, its overflow menu and the keys trigger them.
    LabActions {
        id: actions
        controller: window.controller
        onOpenRequested: window.whenSaved(() => openDialog.start())
        onSaveRequested: window.saveOrAsk(null)
        onSaveAsRequested: { saveDialog.then = null; saveDialog.start() }
        onExportRequested: if (window.controller.document.loaded) exportDialog.open()
        onImportRequested: window.whenSaved(() => importDialog.open())
        onLibraryRequested: library.visible ? library.close() : library.open()
        onRecentRequested: recent.visible ? recent.close() : recent.open()
        onHelpRequested: help.visible ? help.close() : help.open()
        onDarkToggled: window.dark = !window.dark
        onMotionToggled: window.reducedMotion = !window.reducedMotion
        onPresenterToggled: window.presenting = !window.presenting
        onScaleRequested: (step) => step === 0 ? window.presentationScale = 1 : window.scaleBy(step)
        onQuitRequested: window.close()
    }
    header: Toolbar {
        id: toolbar
        controller: window.controller
        actions: actions
    }
    footer: StatusLine { controller: window.controller }

    // The timeline across the whole width (the race is a matter of horizontal distance), the
    // teaching text and the registers below it. Nothing shrinks below what it needs to be read
    // (a presentation scale, a 1366×768 projector): when the window is too short for that, the
    // page scrolls instead.
    Flickable {
        id: page
        objectName: "page"
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, column.needed + 2 * Theme.spacing)
        interactive: contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: page.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }

        ColumnLayout {
            id: column
            // What each part needs at the current scale: the verdict's lines, every lane at its
            // smallest, and the narration / Why / inspector row.
            readonly property real timelineNeeded: Theme.px(60) + window.controller.cpuCount * Theme.px(80)
            readonly property real teachingNeeded: Theme.px(why.visible ? 330 : 230)
            readonly property real needed: verdict.implicitHeight + timelineNeeded + teachingNeeded + 2 * spacing

            x: Theme.spacing
            y: Theme.spacing
            width: page.width - 2 * Theme.spacing - (page.interactive ? Theme.px(10) : 0)
            height: page.contentHeight - 2 * Theme.spacing
            spacing: Theme.spacing

            VerdictBar { id: verdict; controller: window.controller; Layout.fillWidth: true }
            Timeline {
                id: timeline
                objectName: "timeline"
                visible: !window.presenting
                controller: window.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: column.timelineNeeded
            }
            PresenterPanel {
                objectName: "presenterPanel"
                visible: window.presenting
                controller: window.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: column.timelineNeeded
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.minimumHeight: column.teachingNeeded
                Layout.preferredHeight: Math.max(column.teachingNeeded, Math.min(window.height * 0.4, Theme.px(480)))
                spacing: Theme.spacing

                // The narration has the column; once an event is clicked, Why takes the lower half.
                Item {
                    id: teaching
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.px(560)
                    Layout.maximumWidth: window.width * 0.42
                    NarrationPanel {
                        objectName: "narrationPanel"
                        controller: window.controller
                        width: teaching.width
                        height: why.visible ? (teaching.height - Theme.spacing) / 2 : teaching.height
                    }
                    WhyPanel {
                        id: why
                        objectName: "whyPanel"
                        visible: window.controller.whyTitle !== ""
                        controller: window.controller
                        y: teaching.height - height
                        width: teaching.width
                        height: (teaching.height - Theme.spacing) / 2
                    }
                }
                Inspector {
                    objectName: "inspector"
                    controller: window.controller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }
        }
    }

    ScenarioLibrary {
        id: library
        controller: window.controller
        height: window.height
        onOpenRequested: (path) => window.openPath(path)
    }
    RecentFiles {
        id: recent
        x: (window.width - width) / 2
        y: 0
        controller: window.controller
        onOpenRequested: (path) => window.openPath(path)
    }
    HelpOverlay { id: help; objectName: "help" }
    RaceMapPanel { controller: window.controller; height: window.height }
    AudienceWindow {
        id: audience
        objectName: "audienceWindow"
        visible: window.presenting
        controller: window.controller
        actions: actions
        onClosing: window.presenting = false
    }
    Shortcuts {
        controller: window.controller
        actions: actions
        timeline: timeline
    }

    // Open starts where the scenario on screen lives; Save As where a copy can be written (the
    // scenario's folder, or Documents for the shipped library), suggesting the scenario's name.
    FileChooser {
        id: openDialog
        objectName: "openDialog"
        title: qsTr("Open scenario")
        nameFilters: ["*.json"]
        function start() {
            const path = window.controller.document.filePath
            openIn(path !== "" ? PathTools.parentFolder(path) : window.controller.library.folder, "")
        }
        onChosen: (path) => window.controller.document.openFile(path)
    }
    FileChooser {
        id: saveDialog
        objectName: "saveDialog"
        property var then: null
        title: qsTr("Save scenario as")
        saving: true
        defaultSuffix: "json"
        nameFilters: ["*.json"]
        function start() {
            openIn(PathTools.saveFolderFor(window.controller.document.filePath, window.controller.library.folder),
                   window.controller.document.fileName)
        }
        onChosen: (path) => {
            const after = then
            if (window.controller.document.saveAs(path) && after) after()
        }
    }
    UnsavedDialog {
        id: unsaved
        fileName: window.controller.document.fileName
        onSaveChosen: window.saveOrAsk(pending)
    }
    ExportDialog { id: exportDialog; objectName: "exportDialog"; controller: window.controller }
    ImportDialog { id: importDialog; objectName: "importDialog"; controller: window.controller }
    ErrorDialog { id: errorDialog; objectName: "errorDialog" }
    RecoveryDialog { id: recoveryDialog; objectName: "recoveryDialog"; controller: window.controller }
    Connections {
        target: window.controller
        function onErrorOccurred(title: string, message: string) { errorDialog.show(title, message) }
    }
    Component.onCompleted: {
        if (startupError !== "") errorDialog.show(qsTr("Cannot open the scenario"), startupError)
        if (controller.document.autosave !== null && controller.document.autosave.recoveryAvailable) recoveryDialog.open()
    }

    onClosing: (close) => {
        if (!controller.document.dirty) return
        close.accepted = false
        whenSaved(() => Qt.quit())
    }
}
