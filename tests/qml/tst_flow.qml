// The interrupt flow, animated (FlowOverlay): the IPI's packet rides its arrow where the
// playhead is in its flight, the arrival shows its outcome, a changed register flashes; reduced
// motion turns all of it off.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Flow"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function init() {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test, { controller: lab, width: 1600, height: 1000 })
        verify(window)
        waitForRendering(window.contentItem)
    }
    function visibleNamed(name: string): list<Item> {
        const out = []
        const walk = (item) => {
            if (!item.visible) return
            if (item.objectName === name) out.push(item)
            for (let i = 0; i < item.children.length; ++i) walk(item.children[i])
        }
        walk(findChild(window.contentItem, "flow"))
        return out
    }

    function test_packetRidesTheArrow() {
        const view = lab.timeline
        lab.playback.playhead = 900
        tryVerify(() => visibleNamed("ipiPacket").length === 0, 3000, "no packet before the send")
        // uintr-reference.md §6: sent at 1000 ns, lands 300 ns later; at 1150 it is half way.
        lab.playback.playhead = 1150
        tryVerify(() => {
            const p = visibleNamed("ipiPacket")
            return p.length === 1 && Math.abs(p[0].x + p[0].width / 2 - view.xOf(1150)) < 1.5
        }, 3000, "one packet, at the playhead's x")
        lab.playback.playhead = 1400
        tryVerify(() => visibleNamed("ipiPacket").length === 0, 3000, "none after the arrival")
    }

    function test_arrivalShowsTheOutcome() {
        lab.playback.stepTo(lab.findEvent("spurious_notification"))
        const words = visibleNamed("outcomeText")
        compare(words.length, 1)
        verify(words[0].text.indexOf("UIS +1") >= 0, words[0].text)
        lab.playback.stepTo(lab.findEvent("user_interrupt_delivered"))
        const taken = visibleNamed("outcomeText")
        compare(taken.length, 1)
        verify(taken[0].text.indexOf("UIRR") >= 0, taken[0].text)
    }

    function test_switchShowsUinvLeaving() {
        lab.playback.playhead = 1099
        lab.playback.stepNext() // the switch-out
        lab.playback.stepNext() // SN set
        lab.playback.stepNext() // XSAVES
        compare(lab.playback.currentKind, "xsaves")
        const token = visibleNamed("uinvToken")
        compare(token.length, 1)
        verify(token[0].children[0].text.indexOf("UINV → XSAVE") === 0)
    }

    function test_reducedMotionStopsEverything() {
        window.reducedMotion = true
        lab.playback.playhead = 1150
        wait(0)
        compare(visibleNamed("ipiPacket").length, 0)
        lab.playback.stepTo(lab.findEvent("spurious_notification"))
        compare(visibleNamed("outcomeText").length, 0)
        window.reducedMotion = false
    }
}
