// The timeline's colours, light and dark, as data: the SVG writer turns them into CSS classes
// and the app can bind the same values, so screen and export agree.
//
// Colour-blind safe (Okabe–Ito hues). Colour is never the only cue: each marker kind has its own
// shape (render/GlyphShape.cpp), spurious IPIs are dashed and labelled "UIS +1", handlers are a
// darker band with a name, the kernel's switch is dashed: the picture still reads printed in grey.
#pragma once

#include "render/TimelineGeometry.h"

#include <array>
#include <string>
#include <string_view>

namespace uintr::render {

struct TaskColours {
    const char* fill;    // the task segment (a light tint: text and markers sit on it)
    const char* stroke;  // its outline
    const char* handler; // the handler band (the same hue, darker in grey)
};

inline constexpr std::size_t kTaskColours = 8; // task i uses entry i % 8
inline constexpr std::size_t kMarkerKindCount = static_cast<std::size_t>(MarkerKind::Other) + 1;

struct Palette {
    const char* background;
    const char* ink;    // text
    const char* muted;  // ticks, secondary text
    const char* grid;   // faint vertical lines at major ticks
    const char* laneBg; // behind the segments
    std::array<TaskColours, kTaskColours> tasks;
    const char* kernelFill;
    const char* kernelStroke;
    const char* idleStroke;
    const char* ipi;      // IPI arrows (and SENDUIPI)
    const char* spurious; // red: the notification reached the kernel through the IDT
    std::array<const char*, kMarkerKindCount> markers;
};

const Palette& palette(bool dark);

// The <style> body for one palette: classes named below, plain selectors only (QtSvg, which
// renders the PNG, supports no more).
std::string paletteCss(bool dark);

// CSS class names, also used as the words of the legend's tooltip.
std::string taskClass(int task);            // "task-0" … "task-7"; "task-none" for -1
std::string_view markerClass(MarkerKind k); // "m-spurious"

} // namespace uintr::render
