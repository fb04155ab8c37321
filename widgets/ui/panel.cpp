// panel.cpp — see panel.h.
#include "ui/panel.h"

#include <algorithm>

#include "ui/input.h"
#include "ui/interaction.h"

namespace scw {

void ScrollPanel::Update(const Rect& view, float content_height, float scale, bool keys_enabled) {
  view_ = view;
  content_h_ = content_height;
  const float max_off = std::max(0.0f, content_h_ - view_.h);
  const InputState& in = CurrentInput();
  const bool over = view_.Contains(in.pos.x, in.pos.y);
  if (over && CanScroll() && in.wheel != 0) offset_ -= in.wheel * 48.0f * scale;
  if (in.clicked && over && CanScroll()) {
    dragging_ = true;
    drag_start_y_ = in.pos.y;
    drag_start_offset_ = offset_;
  }
  if (dragging_) {
    if (in.down) offset_ = drag_start_offset_ - (in.pos.y - drag_start_y_);
    else dragging_ = false;
  }
  if (keys_enabled && CanScroll()) {
    if (KeyPressed(Key::PageDown)) offset_ += view_.h * 0.8f;
    if (KeyPressed(Key::PageUp)) offset_ -= view_.h * 0.8f;
  }
  offset_ = std::max(0.0f, std::min(offset_, max_off));
  // For the next wheel event: only take it if it would move the panel.
  wants_wheel_ = over && CanScroll();
}

void ScrollPanel::DrawIndicator(ImDrawList* dl, Color color, float scale) const {
  if (!CanScroll()) return;
  const float track = view_.h;
  const float thumb = std::max(24.0f * scale, track * view_.h / content_h_);
  const float max_off = content_h_ - view_.h;
  const float y = view_.y + (track - thumb) * (max_off > 0 ? offset_ / max_off : 0);
  const float x = view_.x + view_.w - 3 * scale;
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 3 * scale, y + thumb), color, 2 * scale);
}

}  // namespace scw
