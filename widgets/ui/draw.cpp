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

void AddLineClipped(ImDrawList* dl, ImVec2 a, ImVec2 b, const Rect& r, Color color, float thickness) {
  // Liang–Barsky: the segment a + t (b − a), t in [0, 1], narrowed to each of the four half-planes of r.
  const float dx = b.x - a.x, dy = b.y - a.y;
  float t0 = 0.0f, t1 = 1.0f;
  const float p[4] = {-dx, dx, -dy, dy};
  const float q[4] = {a.x - r.x, r.x + r.w - a.x, a.y - r.y, r.y + r.h - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0.0f) {
      if (q[i] < 0.0f) return;  // parallel to this edge and outside it
      continue;
    }
    const float t = q[i] / p[i];
    if (p[i] < 0.0f) {
      if (t > t1) return;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return;
      if (t < t1) t1 = t;
    }
  }
  if (t1 <= t0) return;
  dl->AddLine(ImVec2(a.x + t0 * dx, a.y + t0 * dy), ImVec2(a.x + t1 * dx, a.y + t1 * dy), color, thickness);
}

void DrawFocusRing(ImDrawList* dl, const Rect& r, float rounding, const Theme& theme, float scale) {
  const float pad = 3.0f * scale, w = 2.0f * scale;
  dl->AddRect(ImVec2(r.x - pad, r.y - pad), ImVec2(r.x + r.w + pad, r.y + r.h + pad), theme.focus,
              rounding + pad, 0, w);
}

}  // namespace scw
