// The app's file dialog, for opening, saving and exporting mid-lesson (Qt 6.4's non-native
// Quick FileDialog stranded a class: its button and Enter did nothing after entering a folder,
// Save As said "Open" and started in the working directory, a typed absolute path was appended
// to the current folder, and the selected row was unreadable). Here: it starts where the caller
// says with a suggested name; Return or the button accepts — entering a folder when the name is
// one, else choosing the file; an absolute path (or ~/…) typed as the name is used as is; the
// selected row is drawn in the window's palette, readable.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.folderlistmodel
import UintrLab

Dialog {
    id: chooser

    property bool saving: false
    property string folder: ""         // the folder shown, a local path
    property var nameFilters: ["*.json"]
    property string defaultSuffix: ""  // added to a saved name that has none
    property string acceptText: saving ? qsTr("Save") : qsTr("Open")
    property string suggestedName: "" // what the name field says on opening and in a new folder
    signal chosen(string path)

    // Opens in `startFolder` with `name` in the name field (selected, ready to be typed over).
    function openIn(startFolder: string, name: string) {
        folder = startFolder
        suggestedName = name
        nameField.text = name
        list.currentIndex = -1
        open()
    }
    function enterFolder(path: string) {
        folder = path
        list.currentIndex = -1
        nameField.text = saving ? suggestedName : ""
    }
    // Where the name field points now: an absolute path.
    function currentPath(): string {
        const path = PathTools.resolve(folder, nameField.text)
        return saving && !PathTools.isFolder(path) ? PathTools.withSuffix(path, defaultSuffix) : path
    }
    // Return, a double click or the accept button.
    function acceptChoice() {
        if (nameField.text.trim() === "" && list.currentIndex >= 0) {
            if (files.get(list.currentIndex, "fileIsDir")) {
                enterFolder(files.get(list.currentIndex, "filePath"))
                return
            }
            nameField.text = files.get(list.currentIndex, "fileName")
        }
        if (nameField.text.trim() === "") return
        const path = currentPath()
        if (PathTools.isFolder(path)) {
            enterFolder(path)
            return
        }
        chosen(path)
        close()
    }

    anchors.centerIn: parent
    width: Math.min(Theme.px(780), parent ? parent.width * 0.96 : Theme.px(780))
    height: Math.min(Theme.px(580), parent ? parent.height * 0.94 : Theme.px(580))
    modal: true
    focus: true
    padding: Theme.px(12)
    font.pixelSize: Theme.fontBody
    onOpened: { nameField.forceActiveFocus(); nameField.selectAll() }

    FolderListModel {
        id: files
        folder: chooser.folder !== "" ? "file://" + chooser.folder : ""
        nameFilters: chooser.nameFilters
        showDirsFirst: true
        showDotAndDotDot: false
        sortCaseSensitive: false
    }

    // Return: the fields' onAccepted and the list's own handler (a TextField lets the key go on
    // to its parents after `accepted`, so nothing above them may handle it again).
    // (A child, not `contentItem:`: that property is deferred, and the ids below would make it
    // immediate.)
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "upButton"
                text: qsTr("↑ Up")
                onClicked: chooser.enterFolder(PathTools.parentFolder(chooser.folder))
            }
            TextField {
                id: folderField
                objectName: "folderField"
                Layout.fillWidth: true
                text: chooser.folder
                font.family: Theme.mono
                onAccepted: {
                    const path = PathTools.resolve(chooser.folder, text)
                    if (PathTools.isFolder(path)) chooser.enterFolder(path)
                    else text = chooser.folder
                }
            }
        }
        ListView {
            id: list
            objectName: "fileList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: files
            currentIndex: -1
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            Keys.onReturnPressed: chooser.acceptChoice()
            Keys.onEnterPressed: chooser.acceptChoice()
            onCurrentIndexChanged: {
                // Choosing a file row fills the name; a folder row is entered with Return.
                if (currentIndex >= 0 && !files.get(currentIndex, "fileIsDir"))
                    nameField.text = files.get(currentIndex, "fileName")
            }
            delegate: Rectangle {
                id: row
                required property int index
                required property string fileName
                required property string filePath
                required property bool fileIsDir
                readonly property string name: fileName
                readonly property string path: filePath
                readonly property bool isFolder: fileIsDir
                readonly property bool current: ListView.isCurrentItem
                width: ListView.view.width
                height: rowText.implicitHeight + Theme.px(10)
                color: current ? Theme.cursorA : (rowHover.hovered ? Theme.lane : "transparent")
                radius: Theme.px(3)
                Text {
                    id: rowText
                    x: Theme.px(8)
                    anchors.verticalCenter: parent.verticalCenter
                    width: parent.width - 2 * x
                    text: (row.isFolder ? "▸ " : "   ") + row.name + (row.isFolder ? "/" : "")
                    color: row.current ? Theme.textOn(Theme.cursorA) : Theme.text
                    font.pixelSize: Theme.fontBody
                    font.bold: row.isFolder
                    elide: Text.ElideMiddle
                }
                HoverHandler { id: rowHover }
                TapHandler {
                    onTapped: { row.ListView.view.currentIndex = row.index; row.ListView.view.forceActiveFocus() }
                    onDoubleTapped: {
                        row.ListView.view.currentIndex = row.index
                        // The dialog's own functions: a delegate with required properties may
                        // not see its file's ids in qmllint's eyes, and Qt 6.4 has no
                        // `pragma ComponentBehavior: Bound` to say the delegate stays inside.
                        // qmllint disable unqualified
                        if (row.isFolder) chooser.enterFolder(row.path)
                        else chooser.acceptChoice()
                        // qmllint enable unqualified
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Name"); color: Theme.muted }
            TextField {
                id: nameField
                objectName: "nameField"
                Layout.fillWidth: true
                placeholderText: chooser.saving ? qsTr("file name, or an absolute path") : qsTr("a file, or a folder to open")
                onAccepted: chooser.acceptChoice()
            }
        }
        Label {
            Layout.fillWidth: true
            text: chooser.currentPath()
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            font.family: Theme.mono
            elide: Text.ElideMiddle
        }
    }
    footer: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        Button {
            objectName: "cancelButton"
            text: qsTr("Cancel")
            onClicked: chooser.reject()
        }
        Button {
            objectName: "acceptButton"
            text: chooser.acceptText
            highlighted: true
            onClicked: chooser.acceptChoice()
            Layout.rightMargin: Theme.px(12)
            Layout.bottomMargin: Theme.px(12)
        }
    }
}
