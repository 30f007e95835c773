// The few SVG primitives the export needs, written so that the same input gives the same bytes
// on every machine: numbers through std::to_chars (never the C locale, which Qt's application
// object sets from the environment), text escaped for XML and stripped of characters XML 1.0
// cannot carry, and no timestamps or ids that depend on memory.
#pragma once

#include "render/TextWidth.h"

#include <string>
#include <string_view>
#include <vector>

namespace uintr::render::svg {

// "12.5", "3", "-0.2": one decimal, no trailing ".0", never "-0".
std::string num(double v);

// Text for an element's content or an attribute value: & < > " ' escaped; C0 controls (which
// XML 1.0 forbids) and invalid UTF-8 replaced, tabs and newlines turned into spaces.
std::string escape(std::string_view text);

using render::textWidth;

// Splits `text` into lines no wider than `maxPx` at spaces (a word longer than a line stays
// whole).
std::vector<std::string> wrap(std::string_view text, double fontPx, double maxPx);

// A growing document with an indentation that follows the nesting of groups.
class Document {
  public:
    void open(std::string_view tagAndAttributes); // "<g class=\"lane\">"
    void close(std::string_view tag);             // "</g>"
    void line(std::string_view element);          // one complete element
    // Style goes in classes only: QtSvg, which renders the PNG, ignores an element's CSS as soon
    // as the element also carries a presentation attribute (text-anchor, fill…).
    void text(double x, double y, std::string_view cssClass, std::string_view content);
    // An element with a <title> child: a tooltip in a browser.
    void titled(std::string_view tagAndAttributes, std::string_view tag, std::string_view title);
    const std::string& str() const { return out_; }

  private:
    void indent();
    std::string out_;
    int depth_ = 0;
};

} // namespace uintr::render::svg
