// cell_diagram_input.cpp — the cell diagram's input step (see cell_diagram_parts.h): the pointer, the wheel and
// the keys, hit-tested against the rectangles of this frame's layout (the same ones the drawing uses), turned
// into selection, therapy filter, scroll offsets and the emphasis animation.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "cell_diagram_parts.h"
#include "ui/close_button.h"
#include "ui/input.h"
#include "ui/motion.h"

namespace scw {

using namespace cell_diagram;
using content::CellType;

bool CellDiagramWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Up: case Key::Down:
    case Key::Home: case Key::End: case Key::Enter: case Key::Space: return true;
    case Key::Escape: return !nav_.selected().empty();
    case Key::PageUp: case Key::PageDown: return detail_.CanScroll() || main_.CanScroll();
    default: return false;
  }
}

// The main view scrolls (before hit-testing): the wheel only over it and only while it can still scroll that
// way, a drag past the tap tolerance, PageUp/PageDown when the panel does not take them.
void CellDiagramWidget::ScrollInput(const FrameContext& ctx) {
  const bool keys = ctx.focused && !detail_.CanScroll();
  main_.Update(layout_.view, layout_.content_h, ctx.scale, ctx.px, ScrollOptions{keys, true});
}

// The items in reading order (chips, then cells row by row) at their boxes on screen now; `scrolls` says which
// move with the view.
std::vector<NavItem> CellDiagramWidget::NavItems(std::vector<char>* scrolls) const {
  const Layout& L = layout_;
  const bool chips_scroll = L.ChipsScroll();
  std::vector<NavItem> items;
  for (const auto& c : L.chips) {
    items.push_back({c.id, OnScreen(c.box, chips_scroll)});
    scrolls->push_back(chips_scroll);
  }
  for (const auto& n : L.nodes) {
    items.push_back({doc_.cell_types[n.cell].id, OnScreen(n.box, true)});
    scrolls->push_back(true);
  }
  return items;
}

// Taps on items (not through the sheet), then keys: Left/Right step through the reading order so they reach
// every item; Up/Down move spatially between layers; Home/End, Enter/Space and Escape as everywhere.
void CellDiagramWidget::NavInput(const std::vector<NavItem>& items, const std::vector<char>& scrolls, bool tapped,
                                 ImVec2 tap, bool keys) {
  std::vector<NavItem> tap_items;
  for (size_t i = 0; i < items.size(); ++i) {
    NavItem t = items[i];
    if (scrolls[i] && !layout_.view.Contains(tap.x, tap.y)) t.box = Rect{-1e6f, -1e6f, 0, 0};  // hidden under the sheet
    tap_items.push_back(t);
  }
  nav_.Update(tap_items, tapped, tap, false);
  const int step = keys ? (KeyPressed(Key::Right) ? 1 : KeyPressed(Key::Left) ? -1 : 0) : 0;
  if (step != 0 && !items.empty()) {
    int cur = -1;
    for (int i = 0; i < (int)items.size(); ++i)
      if (items[i].id == nav_.cursor_id()) cur = i;
    const int next = cur < 0 ? 0 : std::max(0, std::min((int)items.size() - 1, cur + step));
    nav_.SetCursor(items[next].id);
  } else {
    nav_.Update(items, false, tap, keys);
  }
}

// A chip "selected" is a filter choice: apply it and keep the cell selection as it was. A new selection (or the
// close button) announces itself and lays the frame out again (the sheet opens or closes).
void CellDiagramWidget::ApplySelection(const std::string& before, bool closed, const FrameContext& ctx) {
  if (nav_.selected().rfind("therapy:", 0) == 0) {
    const std::string chip = nav_.selected();
    std::string t;
    for (const auto& c : layout_.chips)
      if (c.id == chip) t = c.therapy;
    therapy_ = (t == therapy_) ? std::string() : t;
    nav_.Select(before);
    nav_.SetCursor(chip);
    announcement_ = doc_.String("therapyFilter") + ": " +
                    (therapy_.empty() ? doc_.String("allTherapies") : doc_.FindTherapy(therapy_)->name) + ".";
    MarkChanged();
  } else if (nav_.selected() != before || closed) {
    detail_.Reset();
    Announce();
    MarkChanged();
  }
  if (nav_.selected() != before) {
    EnsureLayout(ctx);
    main_.SetExtent(layout_.view, layout_.content_h);
  }
}

// The keyboard cursor stays in view; a cell selected on a phone stays visible above the sheet (boxes of this
// frame's layout, in unscrolled framebuffer px).
void CellDiagramWidget::KeepInView(const std::string& before, const std::string& cursor_before, bool keys, float s) {
  const Layout& L = layout_;
  auto show = [&](const std::string& id) {
    const Rect* box = nullptr;
    if (L.ChipsScroll())
      for (const auto& c : L.chips)
        if (c.id == id) box = &c.box;
    for (const auto& n : L.nodes)
      if (doc_.cell_types[n.cell].id == id) box = &n.box;
    if (box) main_.ScrollIntoView(box->y - L.view.y, box->y + box->h - L.view.y, 10 * s);
  };
  if (nav_.cursor_id() != cursor_before && keys) show(nav_.cursor_id());
  if (nav_.selected() != before && L.narrow && !nav_.selected().empty()) show(nav_.selected());
}

// The frame's input, in order: the close button, then the panels (reading, not selecting), the main view's
// scrolling, then the items.
void CellDiagramWidget::Input(const FrameContext& ctx) {
  const Layout& L0 = layout_;
  ImVec2 tap;
  bool tapped = Tapped(ctx.px, &tap);
  bool closed = false;
  if (tapped && CloseButton::Hit(L0.close, tap)) {
    nav_.Clear();
    tapped = false;
    closed = true;
  }
  if (tapped && L0.panel.w > 0 && L0.panel.Contains(tap.x, tap.y)) tapped = false;  // reading, not selecting
  ScrollInput(ctx);

  std::vector<char> scrolls;  // not vector<bool>: its push_back alone is ~1 KB of wasm
  const std::vector<NavItem> items = NavItems(&scrolls);
  const std::string before = nav_.selected();
  const std::string cursor_before = nav_.cursor_id();
  NavInput(items, scrolls, tapped, tap, ctx.focused);
  ApplySelection(before, closed, ctx);
  KeepInView(before, cursor_before, ctx.focused, ctx.scale);
}

// The detail panel scrolls its rows (laid out by DetailLayout) by wheel, drag and PageUp/PageDown.
void CellDiagramWidget::ScrollDetail(const Detail& d, bool keys, float s, float px) {
  if (layout_.panel.w > 0) detail_.Update(d.view, d.content_h, s, px, ScrollOptions{keys && detail_.CanScroll(), true});
  else detail_.Update(Rect{0, 0, 0, 0}, 0, s, px, ScrollOptions{false, true});
}

// What is emphasised: the selected cell's lineage, else the therapy's cells, else everything.
CellDiagramWidget::Highlight CellDiagramWidget::HighlightNow() const {
  const int n_cells = (int)doc_.cell_types.size();
  Highlight h;
  h.in_therapy.assign(n_cells, 0);
  h.target.assign(n_cells, 1.0f);
  for (int i = 0; i < n_cells; ++i)
    if (doc_.cell_types[i].id == nav_.selected()) h.selected_cell = i;
  if (const content::Therapy* t = doc_.FindTherapy(therapy_))
    for (int i = 0; i < n_cells; ++i)
      h.in_therapy[i] = std::find(t->cells.begin(), t->cells.end(), doc_.cell_types[i].id) != t->cells.end();
  if (h.selected_cell >= 0) {
    std::fill(h.target.begin(), h.target.end(), 0.0f);
    for (int i : Lineage(h.selected_cell)) h.target[i] = 1.0f;
  } else if (!therapy_.empty()) {
    for (int i = 0; i < n_cells; ++i) h.target[i] = h.in_therapy[i] ? 1.0f : 0.0f;
  }
  return h;
}

// The emphasis fades towards its target (at once with reduced motion).
void CellDiagramWidget::Animate(const FrameContext& ctx, const Highlight& h) {
  const int n_cells = (int)doc_.cell_types.size();
  if ((int)emph_.size() != n_cells) emph_.assign(n_cells, 1.0f);
  animating_ = false;
  for (int i = 0; i < n_cells; ++i) {
    emph_[i] = Approach(emph_[i], h.target[i], ctx.dt, ctx.reduced_motion, motion::kFade);
    if (emph_[i] != h.target[i]) animating_ = true;
  }
}

}  // namespace scw
