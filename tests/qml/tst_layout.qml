// The window at a projector's sizes: 1366×768 and a presentation scale (Ctrl+plus three times,
// `--scale 2`). Nothing shrinks, is cut or hidden: the toolbar is one row (what does not fit is
// in its ⋯ menu), the narration keeps its size, Why and the inspector keep a height, the page
// scrolls when it must. The verdict bar keeps its height through a drag that removes the race;
// labels placed by the core never cover one another, the UIS badge never covers a task name or
// a switch's grip; the playhead's tag leaves the ruler's labels readable.
import QtQuick
import QtTest
import UintrLab

TestCase {
    id: test

    readonly property LabController lab: labObject
    property Main window

    name: "Layout"
    when: windowShown

    LabController { id: labObject }
    Component { id: mainComponent; Main {} }

    function open(width: int, height: int, scale: real) {
        verify(lab.document.openDefault())
        window = createTemporaryObject(mainComponent, test,
                                       { controller: lab, width: width, height: height, presentationScale: scale })
        verify(window)
        waitForRendering(window.contentItem)
    }
    function labels(): list<Item> {
        const repeater = findChild(window.contentItem, "labels")
        const out = []
        for (let i = 0; i < repeater.count; ++i) out.push(repeater.itemAt(i))
        return out
    }
    function overlap(a: rect, b: rect): bool {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
    function box(item: Item): rect { return Qt.rect(item.x, item.y, item.width, item.height) }

    function test_toolbarIsOneRow_data() {
        return [
            { tag: "1366x768", width: 1366, height: 768, scale: 1 },
            { tag: "1366x768 Ctrl+plus x3", width: 1366, height: 768, scale: 1.75 },
            { tag: "1920x1080 2x", width: 1920, height: 1080, scale: 2 },
        ]
    }
    function test_toolbarIsOneRow(data) {
        open(data.width, data.height, data.scale)
        const bar = window.header
        verify(bar.height <= Theme.px(36) + bar.topPadding + bar.bottomPadding + 1, "one row: " + bar.height)
        let shown = 0
        for (let i = 0; i < bar.items.length; ++i) {
            const item = bar.items[i]
            if (!item.visible) continue
            ++shown
            const right = item.mapToItem(bar, item.width, 0).x
            verify(right <= bar.width - findChild(bar, "overflowButton").width + 1, "item " + i + " is cut")
            compare(item.mapToItem(bar, 0, 0).y, bar.topPadding)
        }
        verify(shown >= 6)
        // Whatever is not on the bar is in the overflow menu: every command stays reachable.
        let hiddenCommands = 0
        for (let i = 0; i < bar.items.length; ++i) {
            const item = bar.items[i]
            if (!item.visible && (item.command || item.objectName === "variantBox")) ++hiddenCommands
        }
        compare(bar.hiddenCommands.length, hiddenCommands)
        compare(findChild(bar, "overflowButton").visible, shown < bar.items.length)
    }

    function test_ctrlPlusThreeTimesKeepsEverything() {
        open(1366, 768, 1)
        const narrationBefore = findChild(window.contentItem, "narration").font.pixelSize
        const laneBefore = lab.timeline.laneHeight
        window.requestActivate()
        for (let i = 0; i < 3; ++i) keyClick(Qt.Key_Plus, Qt.ControlModifier)
        compare(window.presentationScale, 1.75)
        waitForRendering(window.contentItem)
        const narration = findChild(window.contentItem, "narration")
        compare(narration.font.pixelSize, Theme.fontHuge, "the narration never shrinks to fit")
        verify(narration.font.pixelSize > narrationBefore)
        verify(lab.timeline.laneHeight >= laneBefore, "lanes grow with the scale, never shrink")
        verify(lab.timeline.laneHeight >= 40 * 1.75)
        // Why and the inspector keep room: click the race.
        lab.selectEvent(lab.findEvent("spurious_notification"))
        waitForRendering(window.contentItem)
        const why = findChild(window.contentItem, "whyPanel")
        const inspector = findChild(window.contentItem, "inspector")
        const panel = findChild(window.contentItem, "narrationPanel")
        verify(why.visible && why.height >= Theme.px(120), "Why: " + why.height)
        verify(inspector.height >= Theme.px(200), "inspector: " + inspector.height)
        verify(panel.height >= Theme.px(120), "narration: " + panel.height)
        // The page scrolls rather than squeezing: it is taller than the window now.
        const page = findChild(window.contentItem, "page")
        verify(page.contentHeight > page.height)
        verify(page.interactive)
    }

    function test_verdictKeepsItsHeightMidDrag() {
        open(1366, 768, 1)
        const verdict = findChild(window.contentItem, "verdictLine")
        const bar = verdict.parent.parent.parent
        const before = bar.height
        const mouse = findChild(window.contentItem, "timelineMouse")
        const view = lab.timeline
        const y = view.laneCenterY(0)
        mousePress(mouse, view.xOf(1100), y)
        mouseMove(mouse, view.xOf(1200), y)
        mouseMove(mouse, view.xOf(1450), y)
        verify(lab.document.previewing)
        compare(lab.spuriousCount, 0, "the race is gone under the hand")
        compare(bar.height, before, "the timeline did not jump")
        mouseMove(mouse, view.xOf(1150), y)
        compare(lab.spuriousCount, 1)
        compare(bar.height, before)
        mouseRelease(mouse, view.xOf(1150), y)
    }

    function test_labelsNeverOverlap_data() {
        return [
            { tag: "1366x768", width: 1366, height: 768, scale: 1 },
            { tag: "1366x768 2x", width: 1366, height: 768, scale: 2 },
            { tag: "1600x1000", width: 1600, height: 1000, scale: 1 },
        ]
    }
    function test_labelsNeverOverlap(data) {
        open(data.width, data.height, data.scale)
        const all = labels()
        verify(all.length >= 6)
        for (let i = 0; i < all.length; ++i)
            for (let j = i + 1; j < all.length; ++j)
                verify(!overlap(box(all[i]), box(all[j])), all[i].labelText + " / " + all[j].labelText)
        // The UIS badge: clear of the task names and of every switch's grip.
        const badge = all.find(l => l.labelStyle === "spurious")
        verify(badge)
        for (const l of all)
            if (l.labelStyle === "task") verify(!overlap(box(badge), box(l)), "covers " + l.labelText)
        let grips = 0
        for (const m of findChild(window.contentItem, "markers").drawnGlyphs()) {
            if (m.kind !== "context_switch" || !m.draggable) continue
            ++grips
            const grip = Qt.rect(m.x - Theme.px(8), m.laneY0 - Theme.px(6), Theme.px(16), Theme.px(14))
            verify(!overlap(box(badge), grip), "covers the grip at " + m.x)
        }
        verify(grips >= 2)
    }

    function test_playheadTagLeavesTheRulerReadable() {
        open(1366, 768, 1)
        lab.playback.playhead = 0
        const playhead = findChild(window.contentItem, "playhead")
        verify(playhead.visible)
        const tag = playhead.children[1]
        verify(tag.mapToItem(window.contentItem, 0, 0).y
               >= findChild(window.contentItem, "timeline").mapToItem(window.contentItem, 0, lab.timeline.rulerHeight).y - 1)
    }

    function test_helpClosesWithEscAndF1() {
        open(1366, 768, 1)
        const help = findChild(window, "help")
        window.requestActivate()
        keyClick(Qt.Key_F1)
        tryCompare(help, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(help, "visible", false)
        keyClick(Qt.Key_F1)
        tryCompare(help, "opened", true)
        keyClick(Qt.Key_F1)
        tryCompare(help, "visible", false)
    }

    function test_escapeDuringADragClearsTheStatus() {
        open(1366, 768, 1)
        const mouse = findChild(window.contentItem, "timelineMouse")
        const view = lab.timeline
        const y = view.laneCenterY(0)
        mousePress(mouse, view.xOf(1100), y)
        mouseMove(mouse, view.xOf(1250), y)
        verify(lab.statusText.indexOf("→") >= 0, lab.statusText)
        keyClick(Qt.Key_Escape)
        verify(!lab.document.previewing)
        verify(lab.statusText.indexOf("→") < 0, "stale: " + lab.statusText)
        verify(lab.statusText.indexOf("1 100 ns") >= 0, lab.statusText)
        mouseRelease(mouse, view.xOf(1250), y)
    }

    function test_zoomKeysFollowThePointerAndStop() {
        open(1366, 768, 1)
        const mouse = findChild(window.contentItem, "timelineMouse")
        const view = lab.timeline
        const x = view.xOf(3000)
        mouseMove(mouse, x, view.laneCenterY(1))
        window.requestActivate()
        keyClick(Qt.Key_W)
        keyClick(Qt.Key_W)
        verify(Math.abs(view.timeAt(x) - 3000) <= 2, "the time under the pointer stays: " + view.timeAt(x))
        verify(view.t1 - view.t0 < 3000)
        for (let i = 0; i < 30; ++i) keyClick(Qt.Key_S)
        const span = view.t1 - view.t0
        view.fit()
        compare(span, view.t1 - view.t0, "zooming out stops at the whole run")
    }

    function test_narrationSaysWhenTheRunIsEdited() {
        open(1366, 768, 1)
        const badge = findChild(window.contentItem, "editedBadge")
        verify(!badge.visible)
        verify(lab.document.moveEntry(lab.document.entryIndex("switch-out"), 1400))
        verify(badge.visible)
        lab.playback.playhead = 1300
        const text = findChild(window.contentItem, "narration").text
        verify(text.indexOf("UIS +1") < 0, text)
        verify(findChild(window.contentItem, "narrationFileText").visible)
        verify(findChild(window.contentItem, "narrationNote").text.indexOf("no longer happens") >= 0)
        lab.document.undo()
        verify(!badge.visible)
    }
}
