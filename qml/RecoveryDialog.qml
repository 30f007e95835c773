// At start, when a crash or a kill left unsaved edits behind (Autosave.h): recover or discard.
import QtQuick
import QtQuick.Controls
import UintrLab

Dialog {
    id: dialog

    required property LabController controller
    readonly property Autosave autosave: controller.document.autosave

    anchors.centerIn: parent
    width: Math.min(Theme.px(560), parent ? parent.width * 0.9 : Theme.px(560))
    modal: true
    title: qsTr("Recover unsaved edits?")
    standardButtons: Dialog.Yes | Dialog.Discard
    font.pixelSize: Theme.fontBody

    Label {
        width: dialog.availableWidth
        wrapMode: Text.WordWrap
        text: dialog.autosave === null ? "" : qsTr("UINTR Lab ended with unsaved edits to %1 (kept at %2). Recover them?")
            .arg(dialog.autosave.recoveryFile === "" ? qsTr("an untitled scenario") : dialog.autosave.recoveryFile)
            .arg(dialog.autosave.recoverySaved.toLocaleString(Qt.locale(), Locale.ShortFormat))
    }
    onAccepted: controller.document.recoverUnsaved()
    onDiscarded: {
        controller.document.discardUnsaved()
        close()
    }
}
