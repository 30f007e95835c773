// Before losing unsaved changes: Save, Discard or Cancel. `pending` runs after Save or Discard.
import QtQuick
import QtQuick.Controls
import UintrLab

Dialog {
    id: dialog

    property string fileName
    property var pending: null
    signal saveChosen

    anchors.centerIn: parent
    width: Math.min(Theme.px(560), parent ? parent.width * 0.9 : Theme.px(560))
    modal: true
    title: qsTr("Save changes to %1?").arg(fileName)
    standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
    font.pixelSize: Theme.fontBody

    Label {
        width: dialog.availableWidth
        text: qsTr("Your moves since the last save will be lost otherwise.")
        wrapMode: Text.WordWrap
    }
    onAccepted: dialog.saveChosen()
    onDiscarded: {
        const action = pending
        pending = null
        close()
        if (action) action()
    }
    onRejected: pending = null
}
