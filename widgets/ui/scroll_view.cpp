// scroll_view.cpp — see scroll_view.h.
#include "ui/scroll_view.h"

#include <algorithm>

#include "ui/input.h"
#include "ui/interaction.h"
#include "ui/motion.h"

namespace scw {

void ScrollView::Clamp() { offset_ = std::max(0.0f, std::min(offset_, MaxOffset())); }

void ScrollView::SetExtent(const Rect& view, float content_h) {
  view_ = view;
  content_h_ = content_h;
  Clamp();
}

void ScrollView::ScrollTo(float offset) {
  offset_ = offset;
  Clamp();
}

bool ScrollView::CanScrollToward(float dy) const {
  if (!CanScroll()) return false;
  if (dy > 0) return offset_ > 0.5f;
  if (dy < 0) return offset_ < MaxOffset() - 0.5f;
  return true;
}

void ScrollView::Update(const Rect& view, float content_h, float scale, float px, const ScrollOptions& opt) {
  view_ = view;
  content_h_ = content_h;
  const InputState& in = CurrentInput();
  over_ = view_.Contains(in.pos.x, in.pos.y);
  if (over_ && CanScroll() && in.wheel != 0) offset_ -= in.wheel * kWheelStep * scale;
  if (in.clicked) {
    pressed_ = opt.drag && over_ && CanScroll();
    dragging_ = false;
    press_offset_ = offset_;
  }
  if (pressed_ && in.down && !dragging_ && BeyondTapSlop(in.press_pos, in.pos, px)) dragging_ = true;
  if (dragging_ && in.down) offset_ = press_offset_ - (in.pos.y - in.press_pos.y);
  if (!in.down && !in.released) pressed_ = dragging_ = false;
  if (opt.keys && CanScroll()) {
    if (KeyPressed(Key::PageDown)) offset_ += view_.h * 0.8f;
    if (KeyPressed(Key::PageUp)) offset_ -= view_.h * 0.8f;
  }
  Clamp();
}

void ScrollView::ScrollIntoView(float top, float bottom, float margin) {
  if (bottom - offset_ > view_.h - margin) offset_ = bottom - view_.h + margin;
  if (top - offset_ < margin) offset_ = top - margin;
  Clamp();
}

void ScrollView::DrawIndicator(ImDrawList* dl, Color color, float scale) const {
  DrawIndicator(dl, color, scale, Rect{view_.x + view_.w - 3 * scale, view_.y, 3 * scale, view_.h});
}

void ScrollView::DrawIndicator(ImDrawList* dl, Color color, float scale, const Rect& track) const {
  if (!CanScroll()) return;
  const float thumb = std::max(24.0f * scale, track.h * view_.h / content_h_);
  const float max_off = MaxOffset();
  const float y = track.y + (track.h - thumb) * (max_off > 0 ? offset_ / max_off : 0);
  dl->AddRectFilled(ImVec2(track.x, y), ImVec2(track.x + track.w, y + thumb), color, 2 * scale);
}

}  // namespace scw
