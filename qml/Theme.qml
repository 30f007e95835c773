// The palettes and sizes every view reads. The timeline's colours come from core's render
// palette (Okabe-Ito hues, distinguishable with every common colour-vision deficiency); nothing
// is told by colour alone: the spurious notification is also a labelled badge ("UIS +1"),
// kernel work is hatched, idle is outlined, each marker kind has its own shape.
// `scale` is the presentation scale (Ctrl+plus / Ctrl+minus) for the back of a lecture hall.
pragma Singleton
import QtQuick
import UintrLab

QtObject {
    property bool dark: false
    property real scale: 1.0
    // Reduced motion: no travelling packets, pulses or flashes (a setting, --reduced-motion).
    property bool reducedMotion: false

    function px(v: real): real { return Math.round(v * scale) }
    // Inspector cards: as many ~360 px columns as `total` holds (two CPUs side by side at
    // 1366 px).
    function cardWidth(total: real): real {
        const columns = Math.max(1, Math.floor(total / px(360)))
        return (total - (columns - 1) * px(10)) / columns
    }

    readonly property int fontSmall: px(13)
    readonly property int fontBody: px(15)
    readonly property int fontLarge: px(19)
    readonly property int fontVerdict: px(21)
    readonly property int fontHuge: px(23)
    readonly property string mono: "DejaVu Sans Mono"
    readonly property string sans: "sans-serif"
    readonly property int spacing: px(8)
    readonly property int radius: px(5)

    readonly property color window: dark ? "#101215" : "#ecece8"
    readonly property color panel: dark ? "#16181c" : "#ffffff"
    readonly property color panelAlt: dark ? "#23272d" : "#f0f0ec"
    readonly property color border: dark ? "#3c424a" : "#c4c4bd"
    readonly property color text: dark ? "#eef0f2" : "#16181b"
    readonly property color muted: dark ? "#a7afb9" : "#4e545c"
    readonly property color playhead: dark ? "#ffffff" : "#111111"
    readonly property color cursorA: dark ? "#56b4e9" : "#0072b2"
    readonly property color cursorB: dark ? "#f0e442" : "#8a6d00"
    readonly property color changed: dark ? "#574500" : "#ffe27a"
    readonly property color changedEdge: dark ? "#f0e442" : "#b07d00"

    // The timeline: core's render palette (render/Palette.h), the SVG export's very colours.
    readonly property color plot: RenderPalette.color("background", dark)
    readonly property color ink: RenderPalette.color("ink", dark)
    readonly property color lane: RenderPalette.color("laneBg", dark)
    readonly property color grid: RenderPalette.color("grid", dark)
    readonly property color kernel: RenderPalette.color("kernelFill", dark)
    readonly property color kernelStroke: RenderPalette.color("kernelStroke", dark)
    readonly property color idleStroke: RenderPalette.color("idleStroke", dark)
    readonly property color ipi: RenderPalette.color("ipi", dark)
    readonly property color spurious: RenderPalette.color("spurious", dark)
    readonly property color delivered: RenderPalette.marker("user_interrupt_delivered", dark)
    readonly property color error: spurious
    readonly property color okBar: dark ? "#173b2f" : "#dff3ea"
    readonly property color raceBar: dark ? "#4a2212" : "#fde3d3"

    function taskFill(task: int): color { return RenderPalette.taskFill(task, dark) }
    function taskStroke(task: int): color { return RenderPalette.taskStroke(task, dark) }
    function taskHandler(task: int): color { return RenderPalette.taskHandler(task, dark) }
    function markerColor(kind: string): color { return RenderPalette.marker(kind, dark) }
    // Black or white, whichever reads better on `c` (relative luminance).
    function textOn(c: color): color {
        const l = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b
        return l > 0.5 ? "#111111" : "#ffffff"
    }
}
