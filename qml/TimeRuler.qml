// The time ruler on top (majors labelled in ns or µs, from the geometry's ticks) and faint grid
// lines down through the lanes at the majors.
import QtQuick
import UintrLab

Item {
    id: ruler

    required property TimelineView view

    // Grid lines, full height, clipped to the plot.
    Item {
        x: ruler.view.labelWidth
        width: ruler.width - x
        height: ruler.height
        clip: true
        Item {
            x: -parent.x
            height: parent.height
            Repeater {
                model: ruler.view.ticks
                delegate: Rectangle {
                    required property real tickX
                    required property bool major
                    visible: major
                    x: tickX
                    width: 1
                    height: parent ? parent.height : 0
                    color: Theme.grid
                }
            }
        }
    }
    // The ruler strip: ticks and labels.
    Rectangle {
        width: ruler.width
        height: ruler.view.rulerHeight
        color: Theme.panelAlt
        Text {
            width: ruler.view.labelWidth
            height: parent.height
            leftPadding: Theme.spacing
            verticalAlignment: Text.AlignVCenter
            text: "time"
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }
        Item {
            x: ruler.view.labelWidth
            width: parent.width - x
            height: parent.height
            clip: true
            Item {
                x: -parent.x
                height: parent.height
                Repeater {
                    model: ruler.view.ticks
                    delegate: Item {
                        id: tick
                        required property real tickX
                        required property bool major
                        required property string label
                        x: tickX
                        height: parent ? parent.height : 0
                        Rectangle {
                            y: tick.major ? 0 : tick.height * 0.65
                            width: 1
                            height: tick.major ? tick.height : tick.height * 0.35
                            color: Theme.muted
                            opacity: tick.major ? 1 : 0.6
                        }
                        Text {
                            visible: tick.major
                            x: Theme.px(4)
                            height: tick.height
                            verticalAlignment: Text.AlignVCenter
                            text: tick.label
                            color: Theme.ink
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.mono
                        }
                    }
                }
            }
        }
    }
}
