// What happened, in one or two sentences, big enough for the back row: red-tinted with a
// warning sign while the race shows (a spurious notification), green-tinted with a check mark
// when it does not. The sign and the words carry the meaning, the tint only repeats it.
import QtQuick
import QtQuick.Layouts
import UintrLab

Rectangle {
    id: bar

    required property LabController controller
    readonly property bool race: controller.spuriousCount > 0

    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: race ? Theme.raceBar : Theme.okBar
    border.color: race ? Theme.spurious : Theme.delivered
    border.width: Theme.px(2)

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.px(12)

        Text {
            text: bar.race ? "⚠" : "✓"
            color: bar.race ? Theme.spurious : Theme.delivered
            font.pixelSize: Theme.px(30)
            font.bold: true
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(2)
            Text {
                Layout.fillWidth: true
                text: bar.controller.title + "  ·  kernel " + bar.controller.variant
                color: Theme.muted
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Repeater {
                model: bar.controller.verdict
                delegate: Text {
                    required property string modelData
                    Layout.fillWidth: true
                    objectName: "verdictLine"
                    text: modelData
                    color: Theme.text
                    font.pixelSize: Theme.fontVerdict
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
