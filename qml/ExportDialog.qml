// File ▸ Export (Ctrl+E): what to draw (the whole run or the visible window, with or without
// the narration callouts), then where. The controller writes the picture `uintr-sim render`
// would (SVG, or PNG at 2× for slides) in the window's palette; the status line says the size.
import QtQuick
import QtQuick.Controls
import UintrLab

Dialog {
    id: dialog

    required property LabController controller
    property alias visibleOnly: visibleBox.checked
    property alias narration: narrationBox.checked

    // Writes FILE (a URL; .svg or .png) with the choices above; false when it could not.
    function exportTo(file: url): bool {
        return controller.exportTimeline(file, visibleOnly, narration)
    }
    // "seed-race" for seed-race.json: the name the file dialog suggests.
    function baseName(): string {
        const name = controller.document.fileName
        const dot = name.lastIndexOf(".")
        return dot > 0 ? name.substring(0, dot) : name
    }

    anchors.centerIn: parent
    width: Math.min(Theme.px(520), parent ? parent.width * 0.9 : Theme.px(520))
    modal: true
    title: qsTr("Export the timeline")
    standardButtons: Dialog.Ok | Dialog.Cancel
    font.pixelSize: Theme.fontBody

    Column {
        width: dialog.availableWidth
        spacing: Theme.spacing
        CheckBox {
            id: visibleBox
            objectName: "exportVisibleOnly"
            text: qsTr("Visible window only (the times the timeline shows now)")
            font.pixelSize: Theme.fontBody
        }
        CheckBox {
            id: narrationBox
            objectName: "exportNarration"
            text: qsTr("Narration callouts")
            checked: true
            font.pixelSize: Theme.fontBody
        }
        Label {
            width: parent.width
            text: qsTr("SVG, or PNG at %1× for slides; in the %2 palette. The next step asks where.")
                  .arg(dialog.controller.exportScale).arg(dialog.controller.dark ? qsTr("dark") : qsTr("light"))
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
    }
    onOpened: standardButton(Dialog.Ok).text = qsTr("Choose file…")
    // The chooser starts where a copy can be written (beside the scenario, or Documents for the
    // shipped library), suggesting its name: seed-race.svg.
    onAccepted: fileDialog.openIn(PathTools.saveFolderFor(controller.document.filePath, controller.library.folder),
                                  baseName() + ".svg")

    FileChooser {
        id: fileDialog
        objectName: "exportFileDialog"
        title: qsTr("Export the timeline as")
        saving: true
        acceptText: qsTr("Export")
        nameFilters: ["*.svg", "*.png"]
        defaultSuffix: "svg"
        onChosen: (path) => dialog.exportTo("file://" + path)
    }
}
