// The race strip under a drag: along the dragged entry's lane, for every position it could take
// in view, the outcome there as a coloured band with its boundaries in ns ("spurious from 1000
// to 1299 ns"). The bands come from the controller's RaceStripModel, computed off the GUI
// thread; this file only places them with the timeline's own x (TimelineView.xOf).
pragma ComponentBehavior: Bound
import QtQuick
import UintrLab

Item {
    id: strip

    required property TimelineView view
    required property RaceStripModel model

    readonly property real bandHeight: Theme.px(22)
    // The lane's lower edge, where the bands sit under the markers.
    // (Reading the viewport's properties makes the binding follow a resize or a zoom.)
    readonly property real laneBottom: {
        void view.viewHeight, view.laneHeight, view.uiScale
        return model.cpu >= 0 ? view.laneCenterY(model.cpu) + view.laneHeight / 2 : 0
    }

    visible: model.active && model.ready
    clip: true

    Item {
        x: strip.view.labelWidth
        width: strip.width - x
        height: strip.height
        clip: true
        Repeater {
            objectName: "raceBands"
            model: strip.model
            delegate: Rectangle {
                id: band
                required property var from
                required property var to
                required property string outcome
                required property string label
                required property string colour
                // Re-placed whenever the viewport pans or zooms: t0, t1 and the width all
                // notify viewportChanged, which reading viewWidth subscribes to.
                readonly property real x0: {
                    void strip.view.viewWidth
                    return strip.view.xOf(band.from)
                }
                readonly property real x1: {
                    void strip.view.viewWidth
                    return strip.view.xOf(Number(band.to) + 1)
                }
                x: band.x0 - strip.view.labelWidth
                y: strip.laneBottom - strip.bandHeight - Theme.px(2)
                width: Math.max(1, band.x1 - band.x0)
                height: strip.bandHeight
                color: band.colour
                opacity: 0.85
                border.color: Theme.ink
                border.width: 1

                Text {
                    anchors.fill: parent
                    leftPadding: Theme.px(4)
                    rightPadding: Theme.px(4)
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    text: band.label
                    color: Theme.textOn(band.color)
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    visible: band.width > Theme.px(40)
                }
            }
        }
    }
}
