// risk_chart_input.cpp — the risk chart's input step (see risk_chart_parts.h): the wheel, drags, taps and keys,
// hit-tested against this frame's layout (the rectangles the drawing uses), turned into the view, the
// selection, the scroll offsets and the view-switch animation.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "risk_chart_parts.h"
#include "ui/close_button.h"
#include "ui/input.h"

namespace scw {

using namespace risk_chart;

bool RiskChartWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Up: case Key::Down: case Key::Home: case Key::End:
    case Key::Enter: case Key::Space:
      return true;
    case Key::Escape: return !nav_.selected().empty();
    case Key::PageUp: case Key::PageDown:
      return (!nav_.selected().empty() && panel_.CanScroll()) || chart_.CanScroll();
    default: return false;
  }
}

void RiskChartWidget::SetView(View v, bool reduced_motion) {
  if (v == view_) return;
  anim_from_.clear();
  for (const auto& c : layout_.cells) anim_from_.push_back(c.box);
  view_ = v;
  anim_.Start(reduced_motion);
  chart_.Reset();
  const std::string& keep = !nav_.selected().empty() ? nav_.selected() : nav_.cursor_id();
  if (keep.find('/') != std::string::npos) pending_visible_ = keep;
  announcement_ = doc_.String(v == View::ByRisk ? "byRisk" : "byTherapy");
  MarkChanged();
}

void RiskChartWidget::EnsureVisible(const std::string& id) {
  const float s = layout_.scale;
  const Rect& vb = visible_body_;
  for (const auto& c : layout_.cells) {
    if (c.id != id) continue;
    float top = c.box.y, bottom = c.box.y + c.box.h;
    if (layout_.list) {  // show the block's heading too when the cell is its first line
      for (const auto& h : layout_.row_headers)
        if (std::fabs(h.box.y + h.box.h - c.box.y) < 1) top = h.box.y;
      if (bottom - top > vb.h) top = c.box.y;  // both do not fit (a tall card at text scale 2): the card whole
    }
    const float off = chart_.offset();
    if (top - off < vb.y) chart_.ScrollTo(top - vb.y);
    else if (bottom - off > vb.y + vb.h) chart_.ScrollTo(std::min(top - vb.y, bottom - vb.y - vb.h + 4 * s));
  }
}

// This frame's layout, and the part of the body not under the detail sheet (where the chart scrolls).
void RiskChartWidget::Relayout(const FrameContext& ctx) {
  const float s = ctx.scale;
  const LayoutKey key{CurrentFontsKey(), content_rev_, view_, !nav_.selected().empty(), ctx.width, ctx.height, s};
  if (!(key == layout_key_)) {
    std::swap(layout_, other_layout_);
    std::swap(layout_key_, other_key_);
    if (!(key == layout_key_)) {
      layout_ = ComputeLayout(doc_, view_, key.selected, ctx.width, ctx.height, s);
      layout_key_ = key;
    }
  }
  visible_body_ = layout_.body;
  if (!layout_.panel_side && !nav_.selected().empty())
    visible_body_.h = std::max(0.0f, std::min(visible_body_.h, layout_.panel.y - 8 * s - visible_body_.y));
  chart_.SetExtent(visible_body_, layout_.content_h);
}

// Scrolling the chart (before hit-testing): the wheel over it while it can still scroll that way, a drag past
// the tap tolerance, PageUp/PageDown when the detail panel does not take them.
void RiskChartWidget::ScrollInput(const FrameContext& ctx) {
  const bool panel_keys = !nav_.selected().empty() && panel_.CanScroll();
  chart_.Update(visible_body_, layout_.content_h, ctx.scale, ctx.px, ScrollOptions{ctx.focused && !panel_keys, true});
}

// The items in reading order: the two segments of the view switch, then the cells where they are on screen.
std::vector<NavItem> RiskChartWidget::NavItems() const {
  std::vector<NavItem> items;
  for (int i = 0; i < 2; ++i) items.push_back({std::string("view:") + kViewIds[i], layout_.view_switch.segments[i]});
  for (int ci : layout_.order) items.push_back({layout_.cells[ci].id, Shift(layout_.cells[ci].box, -chart_.offset())});
  return items;
}

// A tap: the view switch, else the detail panel (its close button; taps there never reach cells hidden under
// it), else a cell in the visible body (a second tap clears).
void RiskChartWidget::TapInput(const FrameContext& ctx, const std::vector<NavItem>& items) {
  ImVec2 tap;
  if (!Tapped(ctx.px, &tap)) return;
  const int seg = layout_.view_switch.HitTest(tap.x, tap.y);
  if (seg >= 0) {
    nav_.SetCursor(items[seg].id);
    SetView((View)seg, ctx.reduced_motion);
    return;
  }
  if (!nav_.selected().empty() && layout_.panel.Contains(tap.x, tap.y)) {
    if (CloseButton::Hit(layout_.close, tap)) { pending_visible_ = nav_.selected(); nav_.Clear(); }  // back to its card
    return;
  }
  if (!visible_body_.Contains(tap.x, tap.y)) return;
  for (size_t i = 2; i < items.size(); ++i) {
    if (!items[i].box.Contains(tap.x, tap.y)) continue;
    if (nav_.selected() == items[i].id) nav_.Clear();
    else nav_.Select(items[i].id);
    nav_.SetCursor(items[i].id);
    break;
  }
}

// Keys. Arrows move spatially in the grid; in the list (one column) Left/Right step through the reading order.
// Returns whether the cursor moved.
bool RiskChartWidget::KeyInput(const FrameContext& ctx, const std::vector<NavItem>& items) {
  if (!ctx.focused || items.empty()) return false;
  bool cursor_moved = false;
  int cur = -1;
  for (int i = 0; i < (int)items.size(); ++i)
    if (items[i].id == nav_.cursor_id()) cur = i;
  int next = cur;
  if (KeyPressed(Key::Home)) next = 0;
  if (KeyPressed(Key::End)) next = (int)items.size() - 1;
  const struct { Key k; float dx, dy; } dirs[] = {{Key::Left, -1, 0}, {Key::Right, 1, 0}, {Key::Up, 0, -1}, {Key::Down, 0, 1}};
  for (const auto& d : dirs) {
    if (!KeyPressed(d.k)) continue;
    if (next < 0) { next = d.dx < 0 || d.dy < 0 ? 0 : 2 % (int)items.size(); continue; }
    const bool step = layout_.list && d.dx != 0;
    int sp = step ? -1 : ItemNav::Spatial(items, next, d.dx, d.dy);
    if (sp < 0) sp = (d.dx > 0 || d.dy > 0) ? std::min(next + 1, (int)items.size() - 1) : std::max(next - 1, 0);
    next = sp;
  }
  if (next != cur && next >= 0) {
    nav_.SetCursor(items[next].id);
    cursor_moved = true;
    cur = next;
  }
  if ((KeyPressed(Key::Enter) || KeyPressed(Key::Space)) && cur >= 0) {
    const std::string& id = items[cur].id;
    if (cur < 2) SetView((View)cur, ctx.reduced_motion);  // the switch changes the view, not the selection
    else if (nav_.selected() == id) nav_.Clear();
    else { nav_.Select(id); }
  }
  if (KeyPressed(Key::Escape) && !nav_.selected().empty()) { pending_visible_ = nav_.selected(); nav_.Clear(); }
  return cursor_moved;
}

// After taps and keys: announce a new selection, lay out again for a new selection or view, and scroll the
// cell the reader moved to into view.
void RiskChartWidget::ApplySelection(const FrameContext& ctx, const std::string& before, View view_before,
                                     bool cursor_moved) {
  if (cursor_moved && nav_.cursor_id().find('/') != std::string::npos) pending_visible_ = nav_.cursor_id();
  const bool sel_changed = nav_.selected() != before;
  if (sel_changed) {
    MarkChanged();
    panel_.Reset();
    if (nav_.selected().empty()) {
      announcement_ = doc_.String("riskSelectHint");
    } else {
      pending_visible_ = nav_.selected();
      for (const auto& c : layout_.cells)
        if (c.id == nav_.selected()) {
          const auto* lv = LevelOf(doc_, c);
          announcement_ = doc_.risks[c.risk].name + " · " + doc_.therapies[c.therapy].name + ": " +
                          (lv ? LevelWord(lv->level) : std::string()) + ".";
        }
    }
  }
  if (sel_changed || view_ != view_before) Relayout(ctx);
  if (!pending_visible_.empty()) {
    EnsureVisible(pending_visible_);
    pending_visible_.clear();
  }
}

// The frame's input, in order: the chart's scrolling, taps, keys, then what they changed.
void RiskChartWidget::Input(const FrameContext& ctx) {
  ScrollInput(ctx);
  const std::vector<NavItem> items = NavItems();
  const std::string before = nav_.selected();
  const View view_before = view_;
  TapInput(ctx, items);
  const bool cursor_moved = KeyInput(ctx, items);
  ApplySelection(ctx, before, view_before, cursor_moved);
}

// The detail panel scrolls its content (DetailLayout) by wheel, drag and PageUp/PageDown; with nothing selected
// it holds the hint and does not scroll.
void RiskChartWidget::ScrollDetail(const FrameContext& ctx, const Detail& d) {
  if (d.cell < 0) panel_.Update(layout_.panel, 0, ctx.scale, ctx.px, ScrollOptions{false, true});
  else if (d.level) panel_.Update(d.view, d.content_h, ctx.scale, ctx.px, ScrollOptions{ctx.focused, true});
}

// The view switch's transition advances (motion::kMove; ends at once under reduced motion, or when the cells
// changed under it).
void RiskChartWidget::Animate(const FrameContext& ctx) {
  if (!anim_.Running()) return;
  anim_.Advance(ctx.dt, ctx.reduced_motion, motion::kMove);
  if (anim_from_.size() != layout_.cells.size()) anim_.Finish();
}

}  // namespace scw
