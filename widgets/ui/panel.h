// panel.h — a detail panel that scrolls its own content when it does not fit: by wheel (only while the pointer
// is over it and it can scroll, so the page keeps its scrolling otherwise), by dragging (touch), and by
// PageUp/PageDown.
#pragma once
#include "ui/draw.h"

namespace scw {

class ScrollPanel {
 public:
  // Call once a frame with the panel's rectangle and its content height. Handles wheel, drag and keys.
  void Update(const Rect& view, float content_height, float scale, bool keys_enabled);
  float offset() const { return offset_; }
  bool CanScroll() const { return content_h_ > view_.h + 0.5f; }
  bool Contains(float x, float y) const { return view_.Contains(x, y); }
  // Whether the wheel should go to the panel now (pointer over it, room to scroll). Read at event time.
  bool WantsWheel() const { return wants_wheel_; }
  bool Dragging() const { return dragging_; }
  void Reset() { offset_ = 0; }
  // A thin scroll indicator on the right edge, when the content is taller than the view.
  void DrawIndicator(ImDrawList* dl, Color color, float scale) const;

 private:
  Rect view_;
  float content_h_ = 0, offset_ = 0;
  bool wants_wheel_ = false, dragging_ = false;
  float drag_start_y_ = 0, drag_start_offset_ = 0;
};

}  // namespace scw
