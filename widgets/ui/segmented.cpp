// segmented.cpp — see segmented.h.
#include "ui/segmented.h"

#include <algorithm>

#include "ui/input.h"
#include "ui/interaction.h"
#include "ui/text_layout.h"

namespace scw {

namespace {
constexpr float kLineSpacing = 1.35f;
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t p0 = 0;
  while (true) {
    const size_t p = s.find('\n', p0);
    out.push_back(s.substr(p0, p == std::string::npos ? std::string::npos : p - p0));
    if (p == std::string::npos) break;
    p0 = p + 1;
  }
  return out;
}
}  // namespace

void SegmentedControl::LayoutFitted(float x, float y, float h, float max_w, const std::vector<std::string>& texts,
                                    FontRole r, float scale) {
  role = r;
  segments.clear();
  labels.clear();
  if (texts.empty()) return;
  const float pad = kLabelPad * scale;
  float total = 0;
  for (const auto& t : texts) total += MeasureText(r, t).x + pad;
  const float each_max = max_w / (float)texts.size();
  for (const auto& t : texts) {
    std::string l = t;
    float w = MeasureText(r, l).x + pad;
    if (total > max_w) {
      l = Ellipsize(r, l, each_max - pad);
      w = each_max;
    }
    segments.push_back(Rect{x, y, w, h});
    labels.push_back(l);
    x += w;
  }
}

void SegmentedControl::LayoutEqual(const Rect& area, const std::vector<std::string>& texts, FontRole r) {
  role = r;
  segments.clear();
  labels = texts;
  const float w = texts.empty() ? 0 : area.w / (float)texts.size();
  for (size_t i = 0; i < texts.size(); ++i) segments.push_back(Rect{area.x + i * w, area.y, w, area.h});
}

Rect SegmentedControl::Bounds() const {
  if (segments.empty()) return Rect{};
  const Rect& a = segments.front();
  const Rect& b = segments.back();
  return Rect{a.x, a.y, b.x + b.w - a.x, a.h};
}

int SegmentedControl::HitTest(float x, float y) const {
  for (int i = 0; i < Count(); ++i)
    if (segments[i].Contains(x, y)) return i;
  return -1;
}

Rect SegmentedControl::Inner(int i, float s) const {
  const Rect& r = segments[i];
  return Rect{r.x + 3 * s, r.y + 3 * s, r.w - 6 * s, r.h - 6 * s};
}

int SegmentedControl::KeyStep(int cursor) const {
  const int n = Count();
  if (n == 0) return -1;
  if (KeyPressed(Key::Left)) cursor = cursor - 1;
  if (KeyPressed(Key::Right)) cursor = cursor + 1;
  if (KeyPressed(Key::Home)) cursor = 0;
  if (KeyPressed(Key::End)) cursor = n - 1;
  return std::max(0, std::min(cursor, n - 1));
}

bool SegmentedControl::KeyActivate() { return KeyPressed(Key::Enter) || KeyPressed(Key::Space); }

void SegmentedControl::Draw(ImDrawList* dl, int selected, int focused, const Theme& th, float s) const {
  if (segments.empty()) return;
  const Rect all = Bounds();
  dl->AddRectFilled(all.Min(), all.Max(), th.surface_alt, 10 * s);
  dl->AddRect(all.Min(), all.Max(), th.border, 10 * s, 0, 1 * s);
  const float size = CurrentFonts().Size(role), lh = size * kLineSpacing;
  for (int i = 0; i < Count(); ++i) {
    const Rect& r = segments[i];
    const bool on = i == selected;
    const Rect in = Inner(i, s);
    if (on) dl->AddRectFilled(in.Min(), in.Max(), th.accent, 8 * s);
    const Color tc = on ? th.accent_text : th.text;
    const std::vector<std::string> lines = Lines(i < (int)labels.size() ? labels[i] : std::string());
    float ty = r.y + (r.h - lh * lines.size()) / 2;
    for (const auto& ln : lines) {
      const std::string t = Ellipsize(role, ln, r.w - 12 * s);
      const float w = MeasureText(role, t).x;
      DrawText(dl, role, ImVec2(r.x + (r.w - w) / 2, ty + (lh - size) / 2), tc, t);
      ty += lh;
    }
    if (i == focused) DrawFocusRing(dl, in, 8 * s, th, s);
  }
}

}  // namespace scw
