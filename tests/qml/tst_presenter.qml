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

    function test_markersDrawTheExportsShapes() {
        const markers = findChild(window.contentItem, "markers")
        let uiret = null
        for (let i = 0; i < markers.count; ++i)
            if (markers.itemAt(i).kind === "uiret") uiret = markers.itemAt(i)
        verify(uiret)
        // render/SvgGlyphs.cpp draws UIRET as a hollow triangle pointing down.
        compare(findChild(uiret, "glyph").text, "▽")
        compare(RenderPalette.glyph("spurious_notification"), "◆")
        compare(RenderPalette.glyph("user_interrupt_delivered"), "●")
    }
}
