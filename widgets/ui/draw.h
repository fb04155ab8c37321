// draw.h — small drawing helpers shared by the widgets (text with a font role, wrapping, focus rings).
#pragma once
#include <string>

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/theme.h"

namespace scw {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool Contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  bool Overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
  bool Inside(const Rect& o) const { return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h; }
  ImVec2 Min() const { return ImVec2(x, y); }
  ImVec2 Max() const { return ImVec2(x + w, y + h); }
};

// The widget's fonts for the current ImGui context (the host builds them; see ui/fonts.h).
const Fonts& CurrentFonts();
void SetCurrentFonts(const Fonts* fonts);

ImVec2 MeasureText(FontRole role, const std::string& text, float wrap_width = 0);
void DrawText(ImDrawList* dl, FontRole role, ImVec2 pos, Color color, const std::string& text, float wrap_width = 0);
// A line clipped to r on the CPU: the part inside r (nothing when it misses). Patterns and hatching use it instead
// of a clip rectangle, which would start a new draw command (one more GL draw call) for every patterned shape.
void AddLineClipped(ImDrawList* dl, ImVec2 a, ImVec2 b, const Rect& r, Color color, float thickness);
// A pattern's or hatching's stroke width in whole pixels (at least 1): ImDrawList draws a whole-pixel line from the
// atlas's baked line texture, 2 triangles a segment, and any other width as geometry, 6 (what a software GPU
// spends most of its time on in a patterned frame; half a timeline frame's triangles were its lanes' patterns).
inline float PatternStroke(float w) { return w < 1.5f ? 1.0f : (float)(int)(w + 0.5f); }
// A focus ring around r (2 CSS px wide, outside the shape), drawn only when visible.
void DrawFocusRing(ImDrawList* dl, const Rect& r, float rounding, const Theme& theme, float scale);

}  // namespace scw
