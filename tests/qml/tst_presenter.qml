// Presenter mode (F5): an audience window with the timeline, the verdict and the narration only;
// the presenter's window keeps the controls, the inspector and Why, and shows the next step
// where the timeline was. Both show one controller, so they stay in step. Also: the markers draw
// the SVG export's shapes, from core's one table.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Presenter"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1366, height: 768 })
        verify(window)
        waitForRendering(window.contentItem)
        window.requestActivate()
    }

    function test_f5OpensTheAudienceWindowInStep() {
        const audience = findChild(window, "audienceWindow")
        verify(audience)
        verify(!audience.visible)
        keyClick(Qt.Key_F5)
        tryCompare(audience, "visible", true)
        verify(window.presenting)
        // The audience: timeline, verdict and narration; no toolbar, no inspector.
        const timeline = findChild(audience.contentItem, "audienceTimeline")
        verify(timeline && timeline.visible)
        verify(findChild(audience.contentItem, "audienceNarration"))
        verify(!findChild(audience.contentItem, "inspector"))
        // The presenter: the panel where the timeline was; the inspector and controls stay.
        verify(!findChild(window.contentItem, "timeline").visible)
        verify(findChild(window.contentItem, "presenterPanel").visible)
        verify(findChild(window.contentItem, "inspector").visible)
        // One timeline view, sized by the timeline on show.
        tryCompare(lab.timeline, "viewWidth", timeline.width)
        // In step: a step in one is a step in both; the presenter sees what comes next.
        lab.playback.playhead = 1050
        const audienceText = findChild(audience.contentItem, "audienceNarration")
        verify(findChild(audienceText, "narration").text.indexOf("The sender executes SENDUIPI") === 0)
        const next = findChild(window.contentItem, "nextStep")
        verify(next.text.indexOf("Next, at 1 100 ns: The scheduler switches") === 0, next.text)
        window.requestActivate()
        keyClick(Qt.Key_F5)
        tryCompare(audience, "visible", false)
        verify(findChild(window.contentItem, "timeline").visible)
    }

    // The marker layer (MarkersItem) draws render::glyphShape, the table SvgGlyphs.cpp writes:
    // UIRET a hollow triangle pointing down (its top edge in the kind's colour, the background
    // inside), delivery a filled disc (the colour at its centre, over the switch bar there).
    function test_markersDrawTheExportsShapes() {
        const layer = findChild(window.contentItem, "markers")
        const drawn = layer.drawnGlyphs()
        const uiret = drawn.find(g => g.kind === "uiret")
        const delivered = drawn.find(g => g.kind === "user_interrupt_delivered")
        verify(uiret && delivered)
        verify(!uiret.current && !uiret.inWhy && !uiret.dimmed)
        const image = grabImage(window.contentItem)
        const same = (x, y, expected) => {
            const at = layer.mapToItem(window.contentItem, x, y)
            const c = image.pixel(Math.round(at.x), Math.round(at.y))
            return Math.abs(c.r - expected.r) < 0.08 && Math.abs(c.g - expected.g) < 0.08
                   && Math.abs(c.b - expected.b) < 0.08
        }
        const near = (x, y, expected, what) => verify(same(x, y, expected), what)
        const s = Theme.scale
        near(uiret.x, uiret.y - 9 * s, Theme.markerColor("uiret"), "UIRET's top edge")
        near(uiret.x - 6 * s, uiret.y - 9 * s, Theme.markerColor("uiret"), "UIRET's top edge, left")
        near(uiret.x, uiret.y - 3 * s, Theme.plot, "inside the hollow UIRET")
        // Left of its lower half: outside (a triangle pointing up would cover it).
        verify(!same(uiret.x - 9 * s, uiret.y + 6 * s, Theme.markerColor("uiret")), "outside UIRET")
        near(delivered.x, delivered.y, Theme.markerColor("user_interrupt_delivered"), "the disc")
        // The spurious diamond on top of the others, the switches under them.
        compare(drawn[drawn.length - 1].kind, "spurious_notification")
        compare(drawn[0].kind, "context_switch")
    }
}
