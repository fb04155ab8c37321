// interaction.cpp — see interaction.h.
#include "ui/interaction.h"

#include <cfloat>
#include <cmath>

#include "ui/input.h"
#include "ui/motion.h"

namespace scw {

namespace {
const InputState* g_input = nullptr;
}  // namespace

const InputState& CurrentInput() {
  static const InputState kNone;
  return g_input ? *g_input : kNone;
}
void SetCurrentInput(const InputState* input) { g_input = input; }

bool KeyPressed(Key k) { return CurrentInput().key_pressed[(int)k]; }

bool Tapped(float px, ImVec2* where) {
  const InputState& in = CurrentInput();
  if (!in.released) return false;
  // A drag (scrolling a panel, dragging a marker) is not a tap: allow a little jitter.
  if (BeyondTapSlop(in.press_pos, in.pos, px)) return false;
  *where = in.press_pos;
  return true;
}

int ItemNav::Spatial(const std::vector<NavItem>& items, int from, float dx, float dy) {
  if (from < 0 || from >= (int)items.size()) return items.empty() ? -1 : 0;
  const Rect& a = items[from].box;
  const float ax = a.x + a.w / 2, ay = a.y + a.h / 2;
  int best = -1;
  float best_score = FLT_MAX;
  for (int i = 0; i < (int)items.size(); ++i) {
    if (i == from) continue;
    const Rect& b = items[i].box;
    const float vx = b.x + b.w / 2 - ax, vy = b.y + b.h / 2 - ay;
    const float along = vx * dx + vy * dy;      // distance in the asked direction
    if (along <= 1.0f) continue;
    const float across = std::fabs(vx * dy - vy * dx);  // sideways distance
    const float score = along + 2.0f * across;          // prefer what is straight ahead
    if (score < best_score) { best_score = score; best = i; }
  }
  return best;
}

ItemNav::Result ItemNav::Update(const std::vector<NavItem>& items, bool tapped, ImVec2 tap, bool keys_enabled) {
  Result r;
  int cursor = -1;
  for (int i = 0; i < (int)items.size(); ++i)
    if (items[i].id == cursor_id_) cursor = i;
  if (!selected_.empty()) {  // the selection may have vanished with new content
    bool found = false;
    for (const auto& it : items) found |= it.id == selected_;
    if (!found) { selected_.clear(); r.selection_changed = true; }
  }
  if (tapped) {
    for (int i = (int)items.size() - 1; i >= 0; --i) {  // topmost (drawn last) first
      if (!items[i].box.Contains(tap.x, tap.y)) continue;
      selected_ = selected_ == items[i].id ? std::string() : items[i].id;  // a second tap clears
      cursor_id_ = items[i].id;
      r.selection_changed = true;
      return r;
    }
  }
  if (!keys_enabled || items.empty()) return r;
  int next = cursor;
  if (KeyPressed(Key::Home)) next = 0;
  if (KeyPressed(Key::End)) next = (int)items.size() - 1;
  struct { Key k; float dx, dy; } dirs[] = {{Key::Left, -1, 0}, {Key::Right, 1, 0}, {Key::Up, 0, -1}, {Key::Down, 0, 1}};
  for (const auto& d : dirs) {
    if (!KeyPressed(d.k)) continue;
    if (cursor < 0) { next = 0; continue; }
    int s = Spatial(items, cursor, d.dx, d.dy);
    if (s < 0) {  // nothing that way: step through the reading order instead
      if (d.k == Key::Right || d.k == Key::Down) s = cursor + 1 < (int)items.size() ? cursor + 1 : cursor;
      else s = cursor > 0 ? cursor - 1 : cursor;
    }
    next = s;
  }
  if (next != cursor && next >= 0) {
    cursor_id_ = items[next].id;
    r.cursor_moved = true;
    cursor = next;
  }
  if ((KeyPressed(Key::Enter) || KeyPressed(Key::Space)) && cursor >= 0) {
    selected_ = selected_ == items[cursor].id ? std::string() : items[cursor].id;
    r.selection_changed = true;
  }
  if (KeyPressed(Key::Escape) && !selected_.empty()) {
    selected_.clear();
    r.selection_changed = true;
  }
  return r;
}

bool DrawButton(ImDrawList* dl, const Rect& r, const std::string& label, const ButtonStyle& st, float scale,
                bool focused_ring, const Theme& theme, bool tapped, ImVec2 tap) {
  const float round = 6 * scale;
  if (st.outline) dl->AddRect(r.Min(), r.Max(), st.border, round, 0, 1.5f * scale);
  else dl->AddRectFilled(r.Min(), r.Max(), st.fill, round);
  const ImVec2 ts = MeasureText(FontRole::Strong, label);
  DrawText(dl, FontRole::Strong, ImVec2(r.x + (r.w - ts.x) / 2, r.y + (r.h - ts.y) / 2), st.text, label);
  if (focused_ring) DrawFocusRing(dl, r, round, theme, scale);
  return tapped && r.Contains(tap.x, tap.y);
}

}  // namespace scw
