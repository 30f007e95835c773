// Predict steps and speaker notes (docs/scenarios.md, "Presenter keys"): the seed lesson asks
// before the arrival at 1300 ns. Stepping or playing stops just before it with nothing of the
// outcome on screen (the verdict bar asks the question instead of giving the answer, the timeline
// after the playhead is covered), and Space or → reveals the step on its first event. The
// presenter's panel shows the step's speaker notes and the next question.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Predict"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault()) // a new file: its questions are asked again
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1366, height: 768 })
        verify(window)
        waitForRendering(window.contentItem)
        window.requestActivate()
        lab.playback.toStart()
    }

    function narrationText(name) { return findChild(findChild(window.contentItem, "narrationPanel"), name) }

    // Presses `key` until the lesson asks (at most `limit` times); returns the presses.
    function pressUntilAsked(key, limit) {
        for (let i = 1; i <= limit; ++i) {
            keyClick(key)
            if (lab.narration.asking) return i
        }
        return -1
    }

    function test_steppingStopsBeforeTheArrivalAndRevealsOnAKey() {
        verify(pressUntilAsked(Qt.Key_Right, 40) > 0, "never asked")
        // Just before the arrival: the last event shown is the switch-out's, not the spurious one.
        compare(lab.playback.playheadText, "1 299 ns") // (qmllint 6.4 cannot type a qint64 property)
        verify(lab.playback.currentEventText.indexOf("spurious") < 0, lab.playback.currentEventText)
        verify(lab.narration.question.indexOf("Will vector 3 be delivered now") >= 0)
        // The verdict bar asks; its verdict ("Spurious notification …") would tell.
        const question = findChild(window.contentItem, "verdictLine")
        compare(question.text, lab.narration.question)
        verify(!narrationText("narration").visible)
        verify(narrationText("questionHint").visible)
        // The future is covered from just after the playhead to the right edge.
        const veil = findChild(window.contentItem, "predictVeil")
        verify(veil.visible)
        verify(veil.x > lab.timeline.xOf(1299) && veil.x < lab.timeline.xOf(1300) + 4)
        compare(veil.x + veil.width, findChild(window.contentItem, "timeline").width)
        // → reveals: the step's first event at 1300 ns and its text.
        keyClick(Qt.Key_Right)
        verify(!lab.narration.asking)
        compare(lab.playback.playheadText, "1 300 ns")
        verify(!veil.visible)
        verify(question.text.indexOf("Spurious notification") === 0, question.text)
        verify(narrationText("narration").visible)
        verify(narrationText("narration").text.indexOf("The IPI arrives.") === 0)
        // Answered: stepping back and on again does not ask twice.
        keyClick(Qt.Key_Home)
        compare(pressUntilAsked(Qt.Key_Right, 40), -1)
        verify(lab.playback.playhead > 1300)
    }

    function test_playbackPausesAtTheQuestionAndSpaceReveals() {
        keyClick(Qt.Key_Space)
        verify(lab.playback.playing)
        tryCompare(lab.narration, "asking", true, 20000)
        verify(!lab.playback.playing)
        compare(lab.playback.playheadText, "1 299 ns") // (qmllint 6.4 cannot type a qint64 property)
        keyClick(Qt.Key_Space) // reveals, does not play on
        verify(!lab.narration.asking)
        verify(!lab.playback.playing)
        compare(lab.playback.playheadText, "1 300 ns")
        keyClick(Qt.Key_Space) // plays on
        verify(lab.playback.playing)
        lab.playback.playing = false
    }

    function test_movingAwayEndsTheQuestionUnanswered() {
        verify(pressUntilAsked(Qt.Key_Right, 40) > 0)
        lab.playback.playhead = 500
        verify(!lab.narration.asking)
        verify(narrationText("narration").visible)
        // Not answered: asked again on the way back.
        verify(pressUntilAsked(Qt.Key_Right, 40) > 0)
        compare(lab.playback.playheadText, "1 299 ns") // (qmllint 6.4 cannot type a qint64 property)
    }

    function test_anEditedRunWhereTheStepIsGoneAsksNothing() {
        // The switch-out after the arrival: no spurious notification, the 1300 step is gone.
        verify(lab.document.moveEntry(lab.document.entryIndex("switch-out"), 1400))
        lab.playback.toStart()
        compare(pressUntilAsked(Qt.Key_Right, 40), -1)
    }

    // Presenting, the class must not see the answer before the question: from the next
    // unanswered question on the run is hidden, and the verdict with it, until it is revealed.
    function test_presentingHidesTheOutcomeUntilItIsAsked() {
        const spuriousMarkers = () => findChild(window.contentItem, "markers").drawnGlyphs()
                                        .filter(g => g.kind === "spurious_notification").length
        compare(spuriousMarkers(), 1) // not presenting: the whole run
        keyClick(Qt.Key_F5)
        const audience = findChild(window, "audienceWindow")
        tryCompare(audience, "visible", true)
        window.requestActivate()
        lab.playback.playhead = 500
        verify(lab.playback.hideAhead)
        compare(spuriousMarkers(), 0)
        const veil = findChild(audience.contentItem, "predictVeil")
        verify(veil.visible)
        verify(Math.abs(veil.x - lab.timeline.xOf(1300)) < 4)
        const verdict = findChild(audience.contentItem, "verdictLine")
        verify(verdict.text.indexOf("hidden until the class") >= 0, verdict.text)
        verify(pressUntilAsked(Qt.Key_Right, 40) > 0)
        keyClick(Qt.Key_Right) // revealed: the whole run again
        verify(!veil.visible)
        compare(spuriousMarkers(), 1)
        verify(verdict.text.indexOf("Spurious notification") === 0, verdict.text)
        keyClick(Qt.Key_F5)
        tryCompare(audience, "visible", false)
        verify(!lab.playback.hideAhead)
    }

    function test_presenterSeesSpeakerNotesAndTheNextQuestion() {
        keyClick(Qt.Key_F5)
        const audience = findChild(window, "audienceWindow")
        tryCompare(audience, "visible", true)
        window.requestActivate()
        lab.playback.playhead = 1150 // the switch-out's step; the next one asks
        const notes = findChild(window.contentItem, "speakerNotes")
        verify(notes.text.indexOf("The race: the switch-out lands") === 0, notes.text)
        const next = findChild(window.contentItem, "nextQuestion")
        verify(next.visible)
        verify(next.text.indexOf("Will vector 3 be delivered now") >= 0)
        // The audience never sees the notes.
        verify(!findChild(audience.contentItem, "speakerNotes"))
        // Asking shows in both windows.
        keyClick(Qt.Key_Right)
        tryCompare(lab.narration, "asking", true)
        compare(findChild(audience.contentItem, "verdictLine").text, lab.narration.question)
        verify(findChild(audience.contentItem, "predictVeil").visible)
        verify(findChild(window.contentItem, "presenterAsking").visible)
        keyClick(Qt.Key_F5)
        tryCompare(audience, "visible", false)
    }
}
