// text_layout.cpp — see text_layout.h.
#include "ui/text_layout.h"

#include <vector>

#include <imgui.h>

namespace scw {
namespace {
constexpr float kLineSpacing = 1.35f;
}

std::vector<std::string> WrapLines(FontRole role, const std::string& text, float width) {
  std::vector<std::string> lines;
  const Fonts& f = CurrentFonts();
  ImFont* font = f.Get(role);
  if (!font || text.empty()) return lines;
  const float size = f.Size(role);
  const float scale = size / font->FontSize;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const char* nl = s;
    while (nl < end && *nl != '\n') ++nl;  // explicit line breaks are kept
    const char* line_end = font->CalcWordWrapPositionA(scale, s, nl, width > 1 ? width : 1);
    if (line_end == s) {  // not even one character fits: take one anyway
      line_end = s + 1;
      while (line_end < nl && ((unsigned char)*line_end & 0xC0) == 0x80) ++line_end;
    }
    std::string line(s, line_end);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    s = line_end;
    while (s < nl && *s == ' ') ++s;
    if (s == nl && nl < end) ++s;  // consume the newline
  }
  return lines;
}

float WrappedHeight(FontRole role, const std::string& text, float width) {
  const float lh = CurrentFonts().Size(role) * kLineSpacing;
  return (float)WrapLines(role, text, width).size() * lh;
}

float DrawWrapped(ImDrawList* dl, FontRole role, ImVec2 pos, Color color, const std::string& text, float width,
                  float clip_top, float clip_bottom) {
  const float size = CurrentFonts().Size(role);
  const float lh = size * kLineSpacing;
  const auto lines = WrapLines(role, text, width);
  float y = pos.y;
  for (const auto& line : lines) {
    if (y + lh >= clip_top && y <= clip_bottom) DrawText(dl, role, ImVec2(pos.x, y + (lh - size) / 2), color, line);
    y += lh;
  }
  return y - pos.y;
}

float BlocksHeight(const std::vector<TextBlock>& blocks, float width, float scale) {
  float h = 0;
  for (const auto& b : blocks) h += b.space_before * scale + WrappedHeight(b.role, b.text, width);
  return h;
}

void DrawBlocks(ImDrawList* dl, const std::vector<TextBlock>& blocks, ImVec2 pos, float width, float scale,
                float clip_top, float clip_bottom) {
  float y = pos.y;
  for (const auto& b : blocks) {
    y += b.space_before * scale;
    y += DrawWrapped(dl, b.role, ImVec2(pos.x, y), b.color, b.text, width, clip_top, clip_bottom);
  }
}

std::string Ellipsize(FontRole role, const std::string& text, float width) {
  if (MeasureText(role, text).x <= width) return text;
  // The longest prefix (whole UTF-8 characters, trailing spaces dropped) that fits with "…": a binary search over
  // the character starts, so a long text costs log n measurements, not n (it ran every frame, per cell).
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i)
    if (((unsigned char)text[i] & 0xC0) != 0x80) starts.push_back(i);
  auto prefix = [&](size_t n) {  // the first n characters, trailing spaces dropped, with "…"
    std::string s = text.substr(0, n < starts.size() ? starts[n] : text.size());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "…";
  };
  size_t lo = 0, hi = starts.size();  // prefix(lo) is the best known to fit (0 = "…" alone); prefix(hi) does not
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    if (MeasureText(role, prefix(mid)).x <= width) lo = mid; else hi = mid;
  }
  return lo == 0 ? std::string("…") : prefix(lo);
}

}  // namespace scw
