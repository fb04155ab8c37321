// explainer.h — KIND "explainer": the cell diagram, the transplant timeline and the risk chart in one widget,
// linked by one selection.
//
// The three views are the single widgets themselves (CellDiagramWidget, HsctTimelineWidget, RiskChartWidget),
// used only through the Widget interface: each draws into the explainer's draw list at its own origin (under a
// clip rectangle in its own coordinates), and what it drew is then moved into its rectangle in place (vertices
// translated, its commands' clip rectangles translated and cut to the rectangle); each gets the
// pointer translated into its own coordinates (only the view the pointer is over, or the one a press started
// in) and the keys only while it is the active view. Links are read from the views' State() after they change
// and applied with their SetState(): a therapy (cell-diagram filter, risk-chart column, timeline variant) drives
// the other two views; a risk moves the timeline to when it peaks (risk.window, else the first phase that lists
// it) and outlines its lane; a cell outlines the risk-chart columns of the therapies that use it.
//
// Layout (explainer_layout.cpp): narrow canvases show one view under a segmented control (tabs); from 860 design
// px (framebuffer px / scale, so a projector's larger text counts) two columns (the cell diagram, and the timeline
// or the risks under a segmented control); from 1400 design px all three side by side, each under its heading. "tab" is the active view: the one shown in its column and the one
// that gets the keys. Keyboard: focus starts on the tabs (Left/Right/Home/End choose, Enter/Space/Down enter the
// view); inside a view, Escape or Up that the view does not use go back to the tabs; Tab leaves the widget.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cell_diagram.h"
#include "content/model.h"
#include "hsct_timeline.h"
#include "risk_chart.h"
#include "ui/draw.h"
#include "ui/input.h"
#include "widget.h"

namespace scw {

class ExplainerWidget final : public Widget {
 public:
  enum ViewId : int { kCells = 0, kTimeline = 1, kRisks = 2, kViewCount = 3 };
  static const char* ViewName(int v);  // "cells", "timeline", "risks": the values of state().tab

  struct Tab {
    int view = 0;
    int column = 0;
    Rect box;          // the segment (segmented control) or the heading
  };
  struct Column {
    std::vector<int> views;  // the views that can be shown here (one: a heading; more: a segmented control)
    Rect head;               // the row above the view (segmented control or heading)
    Rect pane;               // where the view draws
  };
  struct Layout {
    enum Mode { Single, Tabs, Two, Three } mode = Single;
    float width = 0, height = 0, scale = 1;
    std::vector<Column> columns;
    std::vector<Tab> tabs;   // in keyboard order
    std::vector<Rect> dividers;
  };
  static const char* ModeName(Layout::Mode m);

  // Pure geometry, in framebuffer px: which views have content (`present`), the canvas, the scale (the
  // breakpoints are in design px, width / scale) and the pixel ratio.
  static Layout ComputeLayout(const bool present[kViewCount], float width, float height, float scale, float px);

  ExplainerWidget();
  const char* Kind() const override { return "explainer"; }
  LoadResult SetContent(const nlohmann::json& doc, const std::string& lang) override;
  void Frame(const FrameContext& ctx) override;
  void State(JsonWriter& out) const override;
  bool SetState(const nlohmann::json& partial, std::string* error) override;
  bool UsesKey(Key key) const override;
  bool UsesWheel() const override { return UsesWheel(0, 0); }
  bool UsesWheel(float dx, float dy) const override;
  bool UsesDrag(float x, float y) const override;
  bool Animating() const override;
  std::string Announcement() const override { return announcement_; }
  dom::Node Dom() const override;
  const content::Document* LoadedDocument() const override { return loaded_ ? &doc_ : nullptr; }
  // Screen readers and presenting: on the tabs the cursor is the tab ("Timeline, 2 of 3"); inside a view it is
  // that view's cursor. A presenter's step goes to the active view's tour, and its links follow.
  std::string Cursor() const override;
  std::string CursorText() const override;
  bool Step(int dir) override;

  // For tests.
  const Layout& last_layout() const { return layout_; }
  Widget* view(int v) const { return views_[v].get(); }
  bool present(int v) const { return present_[v]; }
  int tab() const { return tab_; }
  // The pane a view is drawn in this frame (w = 0: not shown).
  Rect PaneOf(int v) const;
  const std::string& therapy() const { return therapy_; }
  const std::string& risk() const { return risk_; }
  const std::string& cell() const { return cell_; }
  std::vector<std::string> TherapiesForCell(const std::string& cell) const;

 private:
  bool CheckViews(const nlohmann::json& views, const std::string& tabs, std::string* error) const;
  // What the explainer reads of each view's State() to notice what the reader chose there.
  struct Snapshot {
    std::string cell, cell_therapy;             // cell diagram: selected cell, therapy filter
    std::string variant, phase_sel;             // timeline
    double day = 0;
    std::string risk_sel, risk_risk, risk_therapy, risk_view;  // risk chart
  };
  Snapshot Read(int v) const;
  void Resync();                          // re-reads every view's state; drops their change flags
  void OnViewChanged(int v);              // a reader's change in view v: apply the links
  // Each adds a short sentence about what it changed to *note (for the live region).
  void LinkTherapy(const std::string& therapy, int from, std::string* note);
  void LinkRisk(const std::string& risk, std::string* note);
  void LinkCell(const std::string& cell, std::string* note);
  bool SetView(int v, const nlohmann::json& partial);  // SetState on a view, its change flag dropped
  int ShownIn(const Column& c) const;     // the view a column shows now
  int ColumnOf(int v) const;
  bool TakesKey(Key key) const;           // the explainer itself (tabs, going back to them) uses the key
  void SelectTab(int v, bool keyboard);
  std::string ViewLabel(int v) const;
  void DrawChrome(ImDrawList* dl, const FrameContext& ctx);
  void DrawOverlays(ImDrawList* dl, const FrameContext& ctx);

  std::unique_ptr<Widget> views_[kViewCount];
  bool present_[kViewCount] = {false, false, false};
  content::Document doc_;
  bool loaded_ = false;
  Layout layout_;
  float px_ = 1;
  int tab_ = kCells;
  int last_in_column_[kViewCount] = {0, 0, 0};  // per column: the view it showed last (when tab_ is elsewhere)
  bool zone_tabs_ = true;                        // keyboard focus on the tabs (else inside the active view)
  int capture_ = -1;                             // the view a press started in (gets the pointer until release)
  int hover_ = -1;                               // the view under the pointer in the last frame
  bool relink_frame_ = false;                    // links changed other views: draw one more frame
  Snapshot snap_[kViewCount];
  std::string therapy_, risk_, cell_;            // the linked selection
  std::string announcement_;
};

}  // namespace scw
