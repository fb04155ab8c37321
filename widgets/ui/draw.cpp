// draw.cpp — see draw.h.
#include "ui/draw.h"

namespace scw {
namespace {
const Fonts* g_fonts = nullptr;  // per ImGui context; the host sets it before each widget frame
}

const Fonts& CurrentFonts() {
  static const Fonts empty;
  return g_fonts ? *g_fonts : empty;
}
void SetCurrentFonts(const Fonts* fonts) { g_fonts = fonts; }

ImVec2 MeasureText(FontRole role, const std::string& text, float wrap_width) {
  const Fonts& f = CurrentFonts();
  ImFont* font = f.Get(role);
  if (!font) return ImVec2(0, 0);
  return font->CalcTextSizeA(f.Size(role), 1e9f, wrap_width, text.c_str(), text.c_str() + text.size());
}

void DrawText(ImDrawList* dl, FontRole role, ImVec2 pos, Color color, const std::string& text, float wrap_width) {
  const Fonts& f = CurrentFonts();
  ImFont* font = f.Get(role);
  if (!font || text.empty()) return;
  pos.x = (float)(int)(pos.x + 0.5f);  // whole pixels: crisp glyphs
  pos.y = (float)(int)(pos.y + 0.5f);
  dl->AddText(font, f.Size(role), pos, color, text.c_str(), text.c_str() + text.size(), wrap_width);
}

void DrawFocusRing(ImDrawList* dl, const Rect& r, float rounding, const Theme& theme, float scale) {
  const float pad = 3.0f * scale, w = 2.0f * scale;
  dl->AddRect(ImVec2(r.x - pad, r.y - pad), ImVec2(r.x + r.w + pad, r.y + r.h + pad), theme.focus,
              rounding + pad, 0, w);
}

}  // namespace scw
