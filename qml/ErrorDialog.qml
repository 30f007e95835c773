// Bad input, said plainly: the loader's one line (FILE:LINE:COLUMN: JSON-PATH: message), which
// can be selected and copied into a mail. Nothing else changed.
import QtQuick
import QtQuick.Controls
import UintrLab

Dialog {
    id: dialog

    property string message

    function show(heading: string, text: string) {
        title = heading
        message = text
        open()
    }

    anchors.centerIn: parent
    width: Math.min(Theme.px(760), parent ? parent.width * 0.9 : Theme.px(760))
    modal: true
    standardButtons: Dialog.Ok
    font.pixelSize: Theme.fontBody

    Column {
        width: dialog.availableWidth
        spacing: Theme.spacing
        TextEdit {
            objectName: "errorText"
            width: parent.width
            text: dialog.message
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            font.family: Theme.mono
            font.pixelSize: Theme.fontBody
            color: Theme.error
        }
        Label {
            width: parent.width
            text: qsTr("The scenario on screen is unchanged.")
            wrapMode: Text.WordWrap
        }
    }
}
