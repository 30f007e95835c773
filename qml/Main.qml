// The window: toolbar, verdict, the timeline in the centre with narration and Why below it,
// the inspector on the right, the status line at the bottom. Views only: every action is a
// request to the controller (LabController), which decides.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import UintrLab

ApplicationWindow {
    id: window

    required property LabController controller
    property bool dark: false
    property real presentationScale: 1.0
    property string startupError: ""

    width: 1600
    height: 1000
    visible: true
    color: Theme.window
    title: (controller.dirty ? "• " : "") + controller.fileName + " — UINTR Lab"

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

    // Runs `action` now, or after the user saved or discarded the unsaved changes.
    function whenSaved(action: var) {
        if (!controller.dirty) { action(); return }
        unsaved.pending = action
        unsaved.open()
    }
    function openPath(path: string) { whenSaved(() => controller.openFile(path)) }
    function saveOrAsk(then: var) {
        if (controller.filePath !== "" && controller.save()) { if (then) then(); return }
        saveDialog.then = then
        saveDialog.open()
    }
    function scaleBy(step: real) {
        presentationScale = Math.max(0.75, Math.min(3.0, Math.round((presentationScale + step) * 4) / 4))
    }

    header: Toolbar {
        id: toolbar
        controller: window.controller
        onOpenRequested: window.whenSaved(() => openDialog.open())
        onSaveRequested: window.saveOrAsk(null)
        onSaveAsRequested: { saveDialog.then = null; saveDialog.open() }
        onExportRequested: exportDialog.open()
        onImportRequested: window.whenSaved(() => importDialog.open())
        onLibraryRequested: library.open()
        onRecentRequested: (path) => window.openPath(path)
        onHelpRequested: help.open()
        onDarkToggled: window.dark = !window.dark
        onScaleRequested: (step) => window.scaleBy(step)
    }
    footer: StatusLine { controller: window.controller }

    // The timeline across the whole width (the race is a matter of horizontal distance), the
    // teaching text and the registers below it.
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        VerdictBar { controller: window.controller; Layout.fillWidth: true }
        Timeline {
            id: timeline
            objectName: "timeline"
            controller: window.controller
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.px(160)
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(window.height * 0.42, Theme.px(480))
            spacing: Theme.spacing

            // The narration has the column; once an event is clicked, Why takes the lower half.
            Item {
                id: teaching
                Layout.fillHeight: true
                Layout.preferredWidth: Theme.px(560)
                Layout.maximumWidth: window.width * 0.4
                NarrationPanel {
                    controller: window.controller
                    width: teaching.width
                    height: why.visible ? Math.max(Theme.px(150), teaching.height * 0.5 - Theme.spacing / 2)
                                        : teaching.height
                }
                WhyPanel {
                    id: why
                    objectName: "whyPanel"
                    visible: window.controller.whyTitle !== ""
                    controller: window.controller
                    y: teaching.height - height
                    width: teaching.width
                    height: teaching.height - Math.max(Theme.px(150), teaching.height * 0.5 - Theme.spacing / 2) - Theme.spacing
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

    ScenarioLibrary {
        id: library
        controller: window.controller
        height: window.height
        onOpenRequested: (path) => window.openPath(path)
    }
    HelpOverlay { id: help }
    RaceMapPanel { controller: window.controller; height: window.height }
    Shortcuts {
        controller: window.controller
        timeline: timeline
        onOpenRequested: window.whenSaved(() => openDialog.open())
        onSaveRequested: window.saveOrAsk(null)
        onSaveAsRequested: { saveDialog.then = null; saveDialog.open() }
        onExportRequested: if (window.controller.loaded) exportDialog.open()
        onQuitRequested: window.close()
        onLibraryRequested: library.visible ? library.close() : library.open()
        onRecentRequested: toolbar.showRecent()
        onHelpRequested: help.visible ? help.close() : help.open()
        onDarkToggled: window.dark = !window.dark
        onScaleRequested: (step) => step === 0 ? window.presentationScale = 1 : window.scaleBy(step)
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open scenario")
        nameFilters: [qsTr("Scenarios (*.json)"), qsTr("All files (*)")]
        currentFolder: "file://" + window.controller.library.folder
        onAccepted: window.controller.openFile(selectedFile)
    }
    FileDialog {
        id: saveDialog
        property var then: null
        title: qsTr("Save scenario as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Scenarios (*.json)")]
        onAccepted: {
            const after = then
            if (window.controller.saveAs(selectedFile) && after) after()
        }
    }
    UnsavedDialog {
        id: unsaved
        fileName: window.controller.fileName
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
        if (controller.autosave !== null && controller.autosave.recoveryAvailable) recoveryDialog.open()
    }

    onClosing: (close) => {
        if (!controller.dirty) return
        close.accepted = false
        whenSaved(() => Qt.quit())
    }
}
