// hsct_timeline_input.cpp — the timeline's frame: input -> layout -> draw (see hsct_timeline.h). The input steps
// hit-test layout_'s rectangles and lay out again after each change; Draw() then reads only the final layout.
#include <algorithm>
#include <cmath>

#include "hsct_timeline.h"
#include "hsct_timeline_internal.h"
#include "ui/input.h"
#include "ui/interaction.h"

namespace scw {

void HsctTimelineWidget::Frame(const FrameContext& ctx) {
  ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), ctx.theme->background);
  if (!loaded_ || doc_.variants.empty()) return;
  px_ = ctx.px;
  reduced_motion_ = ctx.reduced_motion;
  width_ = ctx.width;
  height_ = ctx.height;
  scale_ = ctx.scale;
  Advance(ctx.dt);
  // Narrow canvases, and those too short for the horizontal timeline and its detail (a blog's 650 px column at
  // 403 px): the vertical layout, which scrolls, keeps both readable.
  // Too short: the horizontal panel would not hold its title and two lines of text.
  if (!IsVertical(ctx.width, ctx.px)) {
    LayoutNow(false);  // the wide layout (kept: Relayout() below finds it again when it is the one used)
    vertical_ = layout_.panel.h < MinPanelHeight(layout_.panel_pad > 0 ? layout_.panel_pad : 14 * ctx.scale);
  } else {
    vertical_ = true;
  }
  Relayout();
  KeepMarkerVisible();
  // Input, against the layout.
  HandleScroll(ctx);
  HandlePress(ctx);
  if (ctx.focused) {
    const int row = cursor_row_, idx = cursor_idx_;
    const double day = view_.day;
    HandleKeys();
    Relayout();
    KeepMarkerVisible();
    if (row != cursor_row_ || idx != cursor_idx_ || day != view_.day) KeepCursorRowVisible();  // keys only, not the wheel
  }
  UpdateDetail(ctx);
  Draw(ctx);
}

// Short wide canvases scroll the timeline under its header (Layout::panel_side): the row the keyboard is on (the
// phases with their names, or the milestone) comes into view.
void HsctTimelineWidget::KeepCursorRowVisible() {
  const Layout& L = layout_;
  if (!L.panel_side || cursor_row_ == kControls) return;  // the controls stay at the top
  Rect r = L.phase_row;
  if (cursor_row_ == kPhases)
    for (const auto& l : L.phase_labels)
      if (l.shown && l.box.y < r.y) { r.h += r.y - l.box.y; r.y = l.box.y; }
  if (cursor_row_ == kMilestones && cursor_idx_ >= 0 && cursor_idx_ < (int)L.milestones.size() && L.milestones[cursor_idx_].w > 0)
    r = L.milestones[cursor_idx_];
  const float top = r.y - L.scroll_view.y + plot_scroll_.offset();  // content coordinates
  plot_scroll_.ScrollIntoView(top, top + r.h, 8 * L.s);
  Relayout();
}

// Time passes: animations and the play timer.
void HsctTimelineWidget::Advance(float dt) {
  variant_anim_.Advance(dt, reduced_motion_);
  day_anim_.Advance(dt, reduced_motion_);
  if (!playing_) return;
  play_timer_ += dt;
  if (play_timer_ < motion::kStep) return;
  play_timer_ = 0;
  const int i = PhaseAt(view_.day);
  GoToPhase(i + 1, true);
  if (i + 1 >= (int)Var().phases.size() - 1) playing_ = false;  // stops at the last phase
}

// The layout for the current view; the plot's scroll view learns its extent (and clamps to it).
// layout_ = ComputeLayout() for the current view, unless it (or the layout kept beside it) is for the same inputs.
void HsctTimelineWidget::LayoutNow(bool vertical) {
  const LayoutKey key{CurrentFontsKey(), content_rev_, ts_.dmin, ts_.dmax, view_.day, view_.variant, view_.selected,
                      view_.scroll, width_, height_, scale_, vertical};
  if (key == layout_key_) return;
  std::swap(layout_, other_layout_);
  std::swap(layout_key_, other_key_);
  if (key == layout_key_) return;
  layout_ = ComputeLayout(doc_, ts_, view_, width_, height_, scale_, vertical);
  layout_key_ = key;
}

void HsctTimelineWidget::Relayout() {
  view_.scroll = plot_scroll_.offset();
  LayoutNow(vertical_);
  plot_scroll_.SetExtent(layout_.scroll_view, layout_.content_h);
  view_.scroll = layout_.scroll;
}

void HsctTimelineWidget::KeepMarkerVisible() {
  if (!want_marker_visible_) return;
  EnsureMarkerVisible();
  Relayout();
  want_marker_visible_ = false;
}

double HsctTimelineWidget::DayAt(float coord) const {
  const double u = (coord - layout_.axis_a) / std::max(1.0f, layout_.axis_b - layout_.axis_a);
  return std::floor(ts_.Day(u));
}

// The wheel and touch/mouse drags over the phone layout's plot (not on its axis, where a drag moves the marker).
void HsctTimelineWidget::HandleScroll(const FrameContext& ctx) {
  const InputState& io = *ctx.input;
  hover_panel_ = layout_.panel.Contains(io.pos.x, io.pos.y);
  ScrollOptions opt;
  opt.keys = false;  // PageUp/PageDown belong to the detail panel
  opt.drag = vertical_ && !layout_.axis.Contains(io.press_pos.x, io.press_pos.y);
  plot_scroll_.Update(layout_.scroll_view, layout_.content_h, ctx.scale, ctx.px, opt);
  if (plot_scroll_.offset() != view_.scroll) Relayout();
}

// A press on the axis (or, wide, a drag across the plot) moves the marker; a tap activates what it lands on.
void HsctTimelineWidget::HandlePress(const FrameContext& ctx) {
  const InputState& io = *ctx.input;
  const ImVec2 mouse = io.pos;
  const float along = vertical_ ? mouse.y : mouse.x;
  if (io.clicked) {
    press_active_ = true;
    scrubbing_ = false;
    if (!vertical_ && layout_.axis.Contains(mouse.x, mouse.y)) {  // on the axis: the marker jumps there
      scrubbing_ = true;
      playing_ = false;
      SetDay(DayAt(along), true);
    }
  }
  if (press_active_ && io.down) {
    if (!scrubbing_ && !plot_scroll_.Dragging() && BeyondTapSlop(io.press_pos, mouse, ctx.px)) {
      const bool in_plot = layout_.plot.Contains(io.press_pos.x, io.press_pos.y);
      scrubbing_ = in_plot && (!vertical_ || layout_.axis.Contains(io.press_pos.x, io.press_pos.y));
      if (scrubbing_) playing_ = false;
    }
    if (scrubbing_) {
      SetDay(DayAt(along), true);
      Relayout();
    }
  }
  const bool was_drag = scrubbing_ || plot_scroll_.Dragging();
  if (io.released) press_active_ = scrubbing_ = false;
  ImVec2 tap;
  if (!was_drag && Tapped(ctx.px, &tap)) {
    HitTest(tap);
    Relayout();
  }
}

// What a tap lands on, in the order drawn on top: variant switch, transport, milestones, phases, the axis.
bool HsctTimelineWidget::HitTest(ImVec2 tap) {
  const int nv = (int)doc_.variants.size();
  if (layout_.controls_scroll && !layout_.plot.Contains(tap.x, tap.y)) return false;  // all of it scrolls
  const int seg = layout_.variants.HitTest(tap.x, tap.y);
  if (seg >= 0 && seg < nv) { cursor_row_ = kControls; cursor_idx_ = seg; Activate(kControls, seg); return true; }
  const Rect* btns[3] = {&layout_.prev, &layout_.play, &layout_.next};
  for (int k = 0; k < 3; ++k)
    if (btns[k]->Contains(tap.x, tap.y)) { cursor_row_ = kControls; cursor_idx_ = nv + k; Activate(kControls, nv + k); return true; }
  if (vertical_ && !layout_.plot.Contains(tap.x, tap.y)) return false;  // scrolled out of the plot
  for (size_t i = 0; i < layout_.milestones.size(); ++i)
    if (layout_.milestones[i].w > 0 && layout_.milestones[i].Contains(tap.x, tap.y)) {
      cursor_row_ = kMilestones; cursor_idx_ = (int)i; playing_ = false; Activate(kMilestones, (int)i);
      return true;
    }
  for (size_t i = 0; i < layout_.phases.size(); ++i)
    if (layout_.phases[i].Contains(tap.x, tap.y)) { cursor_row_ = kPhases; playing_ = false; Activate(kPhases, (int)i); return true; }
  if (vertical_ && layout_.axis.Contains(tap.x, tap.y)) { playing_ = false; SetDay(DayAt(tap.y), false); return true; }
  return false;
}

// Up/Down pick a row (controls, phases, milestones); Left/Right/Home/End move in it; Enter/Space activate;
// Escape pauses and clears the selection.
void HsctTimelineWidget::HandleKeys() {
  if (HandleShiftKeys()) return;
  const int rows = RowCount();
  if (KeyPressed(Key::Up) && cursor_row_ > 0) { --cursor_row_; cursor_idx_ = 0; }
  if (KeyPressed(Key::Down) && cursor_row_ < rows - 1) { ++cursor_row_; cursor_idx_ = 0; }
  if (cursor_row_ == kPhases) {
    const int cur = PhaseAt(view_.day), last = (int)Var().phases.size() - 1;
    int to = -1;
    if (KeyPressed(Key::Left)) to = std::max(0, cur - 1);
    if (KeyPressed(Key::Right)) to = std::min(last, cur + 1);
    if (KeyPressed(Key::Home)) to = 0;
    if (KeyPressed(Key::End)) to = last;
    if (to >= 0) { playing_ = false; if (to != cur || Var().phases[to].id != view_.selected) GoToPhase(to, true); }
    if (KeyPressed(Key::Enter) || KeyPressed(Key::Space)) { playing_ = false; Activate(kPhases, PhaseAt(view_.day)); }
  } else {
    const int n = RowSize(cursor_row_);
    if (KeyPressed(Key::Left)) cursor_idx_ = std::max(0, cursor_idx_ - 1);
    if (KeyPressed(Key::Right)) cursor_idx_ = std::min(n - 1, cursor_idx_ + 1);
    if (KeyPressed(Key::Home)) cursor_idx_ = 0;
    if (KeyPressed(Key::End)) cursor_idx_ = n - 1;
    if (KeyPressed(Key::Enter) || KeyPressed(Key::Space)) {
      if (cursor_row_ == kMilestones) playing_ = false;
      Activate(cursor_row_, cursor_idx_);
    }
  }
  if (KeyPressed(Key::Escape)) {
    if (playing_) Pause();
    if (!view_.selected.empty()) ClearSelection();
  }
}

// With Shift the marker moves by days: Shift+Left/Up a day back, Shift+Right/Down a day on (time runs right, and
// down on phones), Shift+PageUp/PageDown a week. The new day is announced like any other.
bool HsctTimelineWidget::HandleShiftKeys() {
  if (!CurrentInput().shift) return false;
  double step = 0;
  if (KeyPressed(Key::Left) || KeyPressed(Key::Up)) step -= 1;
  if (KeyPressed(Key::Right) || KeyPressed(Key::Down)) step += 1;
  if (KeyPressed(Key::PageUp)) step -= 7;
  if (KeyPressed(Key::PageDown)) step += 7;
  if (step == 0) return false;
  playing_ = false;
  StepDay(step);
  return true;
}

void HsctTimelineWidget::StepDay(double days) {
  const double old = view_.day;
  SetDay(view_.day + days, false);
  cursor_row_ = kPhases;
  want_marker_visible_ = true;
  if (view_.day != old) StartDayAnim(old);
  else { announcement_ = PhaseAnnouncement(); MarkChanged(); }  // at either end: say where the marker stays
}

// The detail panel's content for the final view, and its scrolling (wheel, drag, PageUp/PageDown).
void HsctTimelineWidget::UpdateDetail(const FrameContext& ctx) {
  detail_ = ComputeDetail(layout_, view_, *ctx.theme);
  panel_.Update(detail_.inner, detail_.content_h, ctx.scale, ctx.px, ScrollOptions{ctx.focused, true});
}

}  // namespace scw
