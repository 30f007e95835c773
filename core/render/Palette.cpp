#include "render/Palette.h"

#include "render/GlyphShape.h"
#include "render/SvgDocument.h"

namespace uintr::render {

namespace {

// Order of MarkerKind.
constexpr std::array<std::string_view, kMarkerKindCount> kClasses{
    "m-switch",   "m-send",    "m-pir",   "m-ipi",     "m-suppressed", "m-arrived", "m-processed",
    "m-spurious", "m-kvec",    "m-self",  "m-deliver", "m-uiret",      "m-stui",    "m-clui",
    "m-testui",   "m-blocked", "m-woken", "m-fault",   "m-deferred",   "m-other"};

const Palette kLight{"#FFFFFF",
                     "#1A1A1A",
                     "#5E5E5E",
                     "#E3E3E3",
                     "#F7F7F7",
                     {{{"#D4ECFA", "#3A9AD0", "#56B4E9"},
                       {"#FBE5B6", "#C98A00", "#E69F00"},
                       {"#C5EADF", "#00845F", "#2DB38D"},
                       {"#F8F3B5", "#A89C00", "#E2D43A"},
                       {"#C9DDEF", "#0072B2", "#5AA3D6"},
                       {"#F2D7E6", "#B05F8C", "#D58FB6"},
                       {"#DDE3EA", "#6C7D93", "#9FB0C4"},
                       {"#EDE3D3", "#967A4E", "#C9AE84"}}},
                     "#E6E6E6",
                     "#8A8A8A",
                     "#B5B5B5",
                     "#0072B2",
                     "#D55E00",
                     {"#333333", "#0072B2", "#0072B2", "#0072B2", "#6B6B6B", "#0072B2", "#007A59",
                      "#D55E00", "#AA4F84", "#0072B2", "#007A59", "#007A59", "#444444", "#444444",
                      "#444444", "#B07800", "#B07800", "#D55E00", "#6B6B6B", "#555555"}};

const Palette kDark{"#16181C",
                    "#ECECEC",
                    "#A5A5A5",
                    "#2C3036",
                    "#1E2126",
                    {{{"#1D3F55", "#56B4E9", "#3D8CBF"},
                      {"#4A3A12", "#E69F00", "#B07A00"},
                      {"#123F33", "#2DB38D", "#00805D"},
                      {"#47451A", "#F0E442", "#A69C2A"},
                      {"#15304A", "#5AA3D6", "#2F6FA0"},
                      {"#452A3A", "#D58FB6", "#9A5A7E"},
                      {"#2B323B", "#9FB0C4", "#5D6C7E"},
                      {"#3E3527", "#C9AE84", "#86714F"}}},
                    "#33363C",
                    "#8A8A8A",
                    "#5A5E66",
                    "#56B4E9",
                    "#FF8A3D",
                    {"#DDDDDD", "#56B4E9", "#56B4E9", "#56B4E9", "#A5A5A5", "#56B4E9", "#2DC79E",
                     "#FF8A3D", "#E08CBD", "#56B4E9", "#2DC79E", "#2DC79E", "#CCCCCC", "#CCCCCC",
                     "#CCCCCC", "#E6A700", "#E6A700", "#FF8A3D", "#A5A5A5", "#BBBBBB"}};

} // namespace

const Palette& palette(bool dark) {
    return dark ? kDark : kLight;
}

std::string taskClass(int task) {
    if (task < 0) return "task-none";
    return "task-" + std::to_string(static_cast<std::size_t>(task) % kTaskColours);
}

std::string_view markerClass(MarkerKind k) {
    return kClasses[static_cast<std::size_t>(k)];
}

std::string paletteCss(bool dark) {
    const Palette& p = palette(dark);
    auto rule = [](std::string_view selector, std::string_view body) {
        return "    " + std::string(selector) + " { " + std::string(body) + " }\n";
    };
    const std::string ink = p.ink, muted = p.muted;
    std::string css;
    css += rule(".bg", "fill: " + std::string(p.background) + ";");
    // One generic family each: QtSvg (the PNG) takes font-family as a single name, and the
    // generic names resolve everywhere (fontconfig, browsers, office suites).
    css += rule("text", "font-family: sans-serif; fill: " + ink + ";");
    css += rule(".mid", "text-anchor: middle;");
    css += rule(".title", "font-size: 32px; font-weight: bold; fill: " + ink + ";");
    css += rule(".subtitle", "font-size: 19px; fill: " + muted + ";");
    css += rule(".lane-label", "font-size: 24px; font-weight: bold; fill: " + ink + ";");
    css += rule(".lane-bg", "fill: " + std::string(p.laneBg) + ";");
    css += rule(".tick", "stroke: " + muted + "; stroke-width: 1.5;");
    css += rule(".tick-label", "font-size: 18px; fill: " + muted + ";");
    css += rule(".grid", "stroke: " + std::string(p.grid) + "; stroke-width: 1;");
    css += rule(".seg-label", "font-size: 21px; font-weight: bold; fill: " + ink + ";");
    css += rule(".handler-label", "font-size: 17px; font-weight: bold; fill: " + ink + ";");
    css += rule(".idle-label", "font-size: 19px; font-style: italic; fill: " + muted + ";");
    css += rule(".seg-idle", "fill: none; stroke: " + std::string(p.idleStroke) +
                                 "; stroke-width: 1.5; stroke-dasharray: 2 4;");
    css +=
        rule(".seg-kernel", "fill: " + std::string(p.kernelFill) + "; stroke: " + p.kernelStroke +
                                "; stroke-width: 1.5; stroke-dasharray: 6 3;");
    for (std::size_t i = 0; i < kTaskColours; ++i) {
        const TaskColours& t = p.tasks[i];
        const std::string n = std::to_string(i);
        css += rule(".task-" + n, "fill: " + std::string(t.fill) + "; stroke: " + t.stroke +
                                      "; stroke-width: 2;");
        css += rule(".handler-" + n, "fill: " + std::string(t.handler) + "; stroke: " + ink +
                                         "; stroke-width: 1.5;");
    }
    css += rule(".task-none", "fill: " + std::string(p.kernelFill) + "; stroke: none;");
    css += rule(".handler-none", "fill: " + std::string(p.kernelFill) + "; stroke: " + ink + ";");
    for (std::size_t k = 0; k < kMarkerKindCount; ++k) {
        const std::string c = p.markers[k];
        css += rule("." + std::string(kClasses[k]), "fill: " + c + "; stroke: " + c + ";");
    }
    // After the kind colours: these override fill and width, not the colour of the stroke.
    // The widths the screen draws too (render/GlyphShape.h).
    css += rule(".line", "fill: none; stroke-width: " + svg::num(kGlyphStrokeLine) + ";");
    css += rule(".hollow", "fill: " + std::string(p.background) +
                               "; stroke-width: " + svg::num(kGlyphStrokeHollow) + ";");
    css += rule(".m-label", "font-size: 20px; fill: " + ink + ";");
    css += rule(".m-label-spurious",
                "font-size: 24px; font-weight: bold; fill: " + std::string(p.spurious) + ";");
    css += rule(".arrow", "fill: none; stroke: " + std::string(p.ipi) + "; stroke-width: 2.5;");
    css += rule(".arrow-spurious", "fill: none; stroke: " + std::string(p.spurious) +
                                       "; stroke-width: 3; stroke-dasharray: 9 5;");
    css += rule(".arrow-self", "fill: none; stroke: " + std::string(p.ipi) +
                                   "; stroke-width: 2.5; stroke-dasharray: 2 4;");
    css += rule(".a-plate", "fill: " + std::string(p.background) + "; opacity: 0.85;");
    css +=
        rule(".a-label", "font-size: 15px; font-weight: bold; fill: " + std::string(p.ipi) + ";");
    css += rule(".a-label-spurious",
                "font-size: 15px; font-weight: bold; fill: " + std::string(p.spurious) + ";");
    css += rule(".head", "fill: " + std::string(p.ipi) + "; stroke: none;");
    css += rule(".head-spurious", "fill: " + std::string(p.spurious) + "; stroke: none;");
    css += rule(".callout", "fill: " + ink + "; stroke: none;");
    css += rule(".callout-num",
                "font-size: 15px; font-weight: bold; fill: " + std::string(p.background) + ";");
    css += rule(".callout-line", "stroke: " + muted + "; stroke-width: 1; stroke-dasharray: 3 3;");
    css += rule(".narration", "font-size: 19px; fill: " + ink + ";");
    css += rule(".narration-time", "font-size: 19px; font-weight: bold; fill: " + ink + ";");
    css += rule(".annot-line", "stroke: " + ink + "; stroke-width: 1.5; stroke-dasharray: 8 4;");
    css += rule(".annot-tag",
                "fill: " + std::string(p.background) + "; stroke: " + ink + "; stroke-width: 1.5;");
    css += rule(".annot-tag-text", "font-size: 15px; font-weight: bold; fill: " + ink + ";");
    css += rule(".annot", "font-size: 17px; font-family: monospace; fill: " + ink + ";");
    css += rule(".legend", "font-size: 18px; fill: " + ink + ";");
    css += rule(".legend-box", "fill: none; stroke: " + std::string(p.grid) + ";");
    return css;
}

} // namespace uintr::render
