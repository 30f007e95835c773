// File ▸ Import: an ftrace capture (the kernel's trace file or `trace-cmd report`) as a new
// scenario. First who sends to whom and how often, then which file; the controller does what
// `uintr-sim import-ftrace` does (docs/ftrace-import.md) and the status line says how many
// spurious notifications that real schedule produced.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import UintrLab

Dialog {
    id: dialog

    required property LabController controller

    function importFrom(file: url): bool {
        return controller.document.importFtrace(file, receiverField.text, sendersField.text,
                                       Number(everyField.text) || 0)
    }

    anchors.centerIn: parent
    width: Math.min(Theme.px(560), parent ? parent.width * 0.9 : Theme.px(560))
    modal: true
    title: qsTr("Import an ftrace capture")
    standardButtons: Dialog.Ok | Dialog.Cancel
    font.pixelSize: Theme.fontBody

    Grid {
        width: dialog.availableWidth
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        verticalItemAlignment: Grid.AlignVCenter
        Label { text: qsTr("Receiver (COMM or PID)") }
        TextField { id: receiverField; objectName: "importReceiver"; placeholderText: qsTr("none: the schedule only") }
        Label { text: qsTr("Senders (comma-separated)") }
        TextField { id: sendersField; objectName: "importSenders"; placeholderText: qsTr("e.g. 5231, worker") }
        Label { text: qsTr("SENDUIPI every (ns)") }
        TextField {
            id: everyField
            objectName: "importEvery"
            text: "1000"
            validator: IntValidator { bottom: 0 }
        }
    }
    onOpened: standardButton(Dialog.Ok).text = qsTr("Choose trace…")
    onAccepted: fileDialog.open()

    FileDialog {
        id: fileDialog
        title: qsTr("Import an ftrace capture")
        nameFilters: [qsTr("Trace text (*.txt *.trace *.dat.txt)"), qsTr("All files (*)")]
        onAccepted: dialog.importFrom(selectedFile)
    }
}
