// What happened, in one or two sentences, big enough for the back row: red-tinted with a
// warning sign while the race shows (a spurious notification), green-tinted with a check mark
// when it does not. The sign and the words carry the meaning, the tint only repeats it. At a
// predict step the verdict would give the answer away: the bar asks the step's question instead,
// untinted, until Space or → reveals.
import QtQuick
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: bar

    required property LabController controller
    readonly property bool asking: controller.narration.asking
    // Presenting a lesson with a question ahead: the verdict would answer it.
    readonly property bool veiled: controller.timeline.veilX >= 0
    readonly property bool race: controller.spuriousCount > 0 && !veiled

    // A constant height: the title line and two verdict lines are always reserved, and during a
    // drag the bar never shrinks (the race appearing and disappearing under the hand must not
    // move the timeline under it).
    readonly property real reserved: titleLine.implicitHeight + 2 * Math.ceil(Theme.fontVerdict * 1.4) + Theme.px(2)
    property real heldHeight: 0
    readonly property real contentHeight: Math.max(row.implicitHeight, reserved) + 2 * Theme.spacing
    implicitHeight: controller.document.previewing ? Math.max(contentHeight, heldHeight) : contentHeight
    Connections {
        target: bar.controller.document
        function onPreviewChanged() { if (bar.controller.document.previewing && bar.heldHeight === 0) bar.heldHeight = bar.contentHeight; else if (!bar.controller.document.previewing) bar.heldHeight = 0 }
    }
    radius: Theme.radius
    color: veiled ? Theme.panelAlt : race ? Theme.raceBar : Theme.okBar
    border.color: veiled ? Theme.cursorB : race ? Theme.spurious : Theme.delivered
    border.width: Theme.px(2)

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.px(12)

        Text {
            text: bar.veiled ? "?" : bar.race ? "⚠" : "✓"
            color: bar.veiled ? Theme.cursorB : bar.race ? Theme.spurious : Theme.delivered
            font.pixelSize: Theme.px(30)
            font.bold: true
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.px(2)
            Text {
                id: titleLine
                Layout.fillWidth: true
                text: bar.asking ? qsTr("Predict, then Space or → shows what happens")
                                 : bar.controller.document.title + "  ·  kernel " + bar.controller.document.variant
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            // One Text for all the sentences: a Repeater inside a layout would recreate its
            // delegates on every drag frame that changes the verdict.
            // (Veiled, the same Text asks instead: toggling items' visibility inside a layout
            // while the audience window is hidden leaves them overlapping when it is shown.)
            Text {
                Layout.fillWidth: true
                objectName: "verdictLine"
                text: {
                    if (bar.asking) return bar.controller.narration.question
                    if (bar.veiled) return qsTr("What happens next is hidden until the class has made its prediction.")
                    const lines = bar.controller.verdict
                    let out = ""
                    for (let i = 0; i < lines.length; ++i) out += (i > 0 ? "\n" : "") + lines[i]
                    return out
                }
                color: Theme.text
                font.pixelSize: Theme.fontVerdict
                font.bold: true
                wrapMode: Text.WordWrap
            }
        }
    }
}
