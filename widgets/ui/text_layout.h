// text_layout.h — wrapped text: measure a block for a width, then draw it; stacked blocks for detail panels.
#pragma once
#include <string>
#include <vector>

#include "ui/draw.h"

namespace scw {

struct TextBlock {
  FontRole role = FontRole::Body;
  std::string text;
  Color color = 0;
  float space_before = 0;  // design px (× scale)
};

// Height of `text` wrapped to `width` in `role`, with line spacing 1.35.
float WrappedHeight(FontRole role, const std::string& text, float width);
// Draws `text` wrapped to `width`; returns the height used. Lines outside [clip_top, clip_bottom] are skipped.
float DrawWrapped(ImDrawList* dl, FontRole role, ImVec2 pos, Color color, const std::string& text, float width,
                  float clip_top = -1e9f, float clip_bottom = 1e9f);
// Stacked blocks: total height, and drawing with a vertical offset (for a scrolled panel).
float BlocksHeight(const std::vector<TextBlock>& blocks, float width, float scale);
void DrawBlocks(ImDrawList* dl, const std::vector<TextBlock>& blocks, ImVec2 pos, float width, float scale,
                float clip_top, float clip_bottom);
// One line of text shortened with "…" to fit `width`.
std::string Ellipsize(FontRole role, const std::string& text, float width);
// Splits text into lines that fit `width`: breaks at spaces and after a hyphen or slash inside a word, so words
// wrap whole; only a word wider than the whole line is cut (on lines of its own). '\n' starts a new line.
// The result is remembered (per fonts key, role, width and text; at most a few thousand texts), so a text wrapped
// every frame (a detail panel, a label) is measured once.
std::vector<std::string> WrapLines(FontRole role, const std::string& text, float width);
// Tests: how many texts were wrapped afresh (not found in that cache) since the start.
size_t WrapsMeasured();
// What text measuring depends on: the current fonts' (quantised) scale and glyph set. Two measurements under an
// equal key give the same widths, so a layout cached under a key stays valid while CurrentFontsKey() equals it.
struct FontsKey {
  const void* fonts = nullptr;  // the Fonts (its address only tells sets apart; scale and glyph set decide widths)
  float scale = -1;
  unsigned long generation = 0;
  bool operator==(const FontsKey& o) const { return fonts == o.fonts && scale == o.scale && generation == o.generation; }
  bool operator!=(const FontsKey& o) const { return !(*this == o); }
};
FontsKey CurrentFontsKey();
// Tests: sees every WrapLines call (its text, width and lines); nullptr turns it off.
using WrapObserver = void (*)(FontRole role, const std::string& text, float width, const std::vector<std::string>& lines);
void SetWrapObserver(WrapObserver observer);

}  // namespace scw
