// Presenter mode's window for the projector: the timeline, the verdict and the narration, large,
// nothing else (no toolbar, no inspector, no speaker notes). It shows the same controller as the
// presenter's window, so both stay in step; the keys work in both, and the timeline can be
// dragged here too (one screen is enough: put both windows side by side).
import QtQuick
import QtQuick.Layouts
import UintrLab

Window {
    id: audience

    required property LabController controller
    required property LabActions actions

    title: qsTr("UINTR Lab — %1").arg(controller.document.title)
    color: Theme.window
    width: 1366
    height: 768

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        VerdictBar { controller: audience.controller; Layout.fillWidth: true }
        Timeline {
            id: timeline
            objectName: "audienceTimeline"
            controller: audience.controller
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Lanes at their smallest on a short projector at a large scale (1366×768 at 2×):
            // the verdict or the question above and the narration below still fit.
            Layout.minimumHeight: Theme.px(34) + audience.controller.cpuCount * Theme.px(60)
        }
        NarrationPanel {
            objectName: "audienceNarration"
            controller: audience.controller
            compact: true
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.px(170), audience.height * 0.28)
            Layout.minimumHeight: Theme.px(90)
        }
    }
    Shortcuts {
        controller: audience.controller
        actions: audience.actions
        timeline: timeline
    }
}
