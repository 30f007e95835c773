#include "render/TextWidth.h"

namespace uintr::render {

double textWidth(std::string_view text, double fontPx) {
    double em = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue; // continuation byte: counted with its lead
        if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == 'i' || c == 'l' ||
            c == 'I' || c == '\'' || c == '|' || c == '(' || c == ')')
            em += 0.32;
        else if (c >= 'A' && c <= 'Z')
            em += 0.68;
        else if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
            em += 0.85;
        else
            em += 0.58;
    }
    return em * fontPx;
}

} // namespace uintr::render
