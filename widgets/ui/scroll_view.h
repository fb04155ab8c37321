// scroll_view.h — one class for every region that scrolls its content vertically inside a widget: a detail
// panel, a diagram that does not fit, the timeline's phone layout, a long chart.
//
// What it does, the same way everywhere:
//   - wheel: only while the pointer is over the view and it can still scroll that way, so the page keeps the
//     wheel otherwise (WantsWheel(dy) answers Widget::UsesWheel between frames);
//   - drag (touch, mouse): a press over the view becomes a scroll once it moves beyond the tap tolerance
//     (kTapSlopCss, ui/motion.h); the content then follows the pointer from where it was pressed. A press that
//     stays within the tolerance is left to the caller as a tap (Tapped(), ui/interaction.h);
//   - keys: PageUp/PageDown by 80 % of the view, when the caller says the keys are the view's this frame;
//   - clamping: the offset is always 0 … content height − view height;
//   - scroll into view (ScrollIntoView) and a thin indicator (DrawIndicator).
//
// Offsets are framebuffer px; "content" coordinates put 0 at the content's top (screen y = view.y + y − offset).
//
//   ScrollView list_;                                          // a member: it keeps the offset between frames
//   list_.Update(L.view, L.content_h, ctx.scale, ctx.px, {ctx.focused, true});   // before hit-testing
//   ... hit-test and draw the content at y − list_.offset(), clipped to L.view ...
//   list_.DrawIndicator(dl, th.border, ctx.scale);
//   bool UsesWheel(float, float dy) const override { return list_.WantsWheel(dy); }
//   bool UsesDrag(float x, float y) const override { return list_.CanScroll() && list_.Contains(x, y); }
#pragma once
#include "ui/draw.h"

namespace scw {

struct ScrollOptions {
  bool keys = false;  // PageUp/PageDown scroll this view this frame (the caller decides which view owns them)
  bool drag = true;   // a press over the view may become a scroll drag (false: the caller uses the press itself,
                      // e.g. the timeline's axis, where a drag moves the day marker)
};

class ScrollView {
 public:
  static constexpr float kWheelStep = 48.0f;  // CSS px per wheel notch (× scale)

  // Once a frame, before hit-testing the content: the viewport (framebuffer px) and the content's height.
  // Reads the frame's input (CurrentInput()): wheel, press/drag, PageUp/PageDown; then clamps.
  // `scale` sizes the wheel step; `px` (FrameContext::px) the tap tolerance.
  void Update(const Rect& view, float content_h, float scale, float px, const ScrollOptions& opt);
  // The detail-panel form (was ScrollPanel::Update): drag allowed, keys as given, tolerance in `scale` units.
  void Update(const Rect& view, float content_h, float scale, bool keys) {
    Update(view, content_h, scale, scale, ScrollOptions{keys, true});
  }
  // New geometry without input (a relayout later in the same frame); clamps the offset to it.
  void SetExtent(const Rect& view, float content_h);

  float offset() const { return offset_; }
  float MaxOffset() const { return content_h_ > view_.h ? content_h_ - view_.h : 0.0f; }
  bool CanScroll() const { return content_h_ > view_.h + 0.5f; }
  // Whether it can move for a wheel of dy notches (+ = up): dy > 0 needs room above, dy < 0 room below.
  bool CanScrollToward(float dy) const;
  bool Contains(float x, float y) const { return view_.Contains(x, y); }
  const Rect& view() const { return view_; }
  // Whether the wheel should go to this view now: the pointer was over it at the last Update and it can scroll
  // (that way, for the dy form). Read at event time, between frames.
  bool WantsWheel() const { return over_ && CanScroll(); }
  bool WantsWheel(float dy) const { return over_ && CanScrollToward(dy); }
  // A press became a scroll drag; stays true through the frame the press ends on, so the caller can tell the
  // release is not a tap.
  bool Dragging() const { return dragging_; }

  void Reset() { offset_ = 0; }
  void ScrollTo(float offset);  // clamped to the last known extent
  void ScrollBy(float delta) { ScrollTo(offset_ + delta); }
  // Scrolls the least so that content rows top … bottom are in view with `margin` to spare (the top wins when
  // the range is taller than the view).
  void ScrollIntoView(float top, float bottom, float margin);

  // A thin indicator when the content is taller than the view: by default 3 px (× scale) on the view's right
  // edge; or in `track` (its x, w and the vertical range the thumb moves in). Thumb at least 24 px high.
  void DrawIndicator(ImDrawList* dl, Color color, float scale) const;
  void DrawIndicator(ImDrawList* dl, Color color, float scale, const Rect& track) const;

 private:
  void Clamp();
  Rect view_;
  float content_h_ = 0, offset_ = 0;
  bool over_ = false, pressed_ = false, dragging_ = false;
  float press_offset_ = 0;
};

}  // namespace scw
