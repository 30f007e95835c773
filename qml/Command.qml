// One command of the window (LabActions): an Action with the words its key is written in, for
// tooltips and the toolbar's overflow menu, and whether it is a mode that is on.
import QtQuick.Controls

Action {
    property string keys // "Ctrl+E"
    property string tip
    property bool on // a mode that is on (slow motion): its button looks pressed
}
