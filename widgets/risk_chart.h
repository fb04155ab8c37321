// risk_chart.h — KIND "risk-chart": the risks of each therapy (doc_.risks × doc_.therapies), honestly compared.
//
// Qualitative levels are drawn as levels (0–3 pips and the level word; "unknown" as a dashed box with "?" on a
// hatched cell), never on a numeric axis. Figures are shown only in the detail panel, each as its own labelled
// value with its own interval line, population, year and source: figures from different populations never
// share an axis. Two views (rows = risks, or rows = therapies) switch with a short animation. Wide canvases
// get a grid with a side panel; narrow ones a list of blocks with the panel below.
//
// Each frame is input → layout → draw: risk_chart_layout.cpp (ComputeLayout, pure), risk_chart_input.cpp
// (hit-testing the layout's rectangles), risk_chart_draw.cpp and risk_chart_detail.cpp (drawing the same
// rectangles); see risk_chart_parts.h.
#pragma once
#include <string>
#include <vector>

#include "content_widget.h"
#include "ui/motion.h"
#include "ui/scroll_view.h"
#include "ui/segmented.h"
#include "ui/text_layout.h"

namespace scw {

class RiskChartWidget final : public ContentWidget {
 public:
  enum class View { ByRisk, ByTherapy };

  struct Label {
    Rect box;
    std::vector<std::string> lines;
    std::vector<std::string> sub;  // a therapy's status ("In clinical trials"), small, under its name in the grid
                                   // (there as a tinted tag, usually one line)
    int tone = -1;                 // the status tag's hue (theme series index), -1 = none
  };
  // A grid column header's text block: its name lines, and under them its status tag (framebuffer px). The
  // header box keeps at least this plus 4 px below it.
  static float HeaderTextHeight(const Label& h, float scale);
  struct Cell {
    std::string id;         // "riskId/therapyId"
    int risk = 0, therapy = 0, level_index = 0;  // indexes into doc.risks / doc.therapies / risk.levels
    Rect box;               // content coordinates (as drawn at chart scroll 0)
    Rect mark;              // where the level mark, word and figure badge stack (content coordinates)
    std::vector<std::string> name_lines;  // list layout: the column entity's name, wrapped
    std::vector<std::string> sub_lines;   // list layout, by risk: the therapy's status under its name (small)
    bool stacked = false;                 // list layout too narrow for both on a line: the level under the name
  };
  struct Layout {
    float scale = 1;
    bool list = false;        // blocks with lines (narrow) instead of a grid
    bool badge_beside = false;  // grid columns wide enough for the figure badge beside the level mark
    bool panel_side = false;  // detail panel beside the chart (wide) or below it (narrow)
    bool sheet_full = false;  // list + selection where the list would show under two cards: the sheet takes the
                              // chart's whole region (the detail names the risk, therapy and level; Close returns)
    SegmentedControl view_switch;  // by risk, by therapy: hit-tested and drawn from its segments
    struct LegendItem {  // level 0..4, 5 = "has figures"
      Rect box;
      int level;
      std::string text;
      std::vector<std::string> lines;  // in the side panel: the text wrapped beside its mark (else one line)
    };
    std::vector<LegendItem> legend;
    bool legend_in_panel = false;  // side panel, nothing selected: the legend under the hint in the idle panel
    Rect chart;               // the chart's viewport (header + body)
    Rect body;                // the scrolling part of the chart
    float content_h = 0;      // height of the body's content
    std::vector<Label> col_headers;  // grid only: screen coordinates (they stay while the body scrolls)
    std::vector<Label> row_headers;  // content coordinates; list layout: one per block
    std::vector<Cell> cells;         // fixed order: risk-major over the levels the data has
    std::vector<int> order;          // reading order of `cells` in this view
    std::vector<Rect> empty_cells;   // grid only: combinations the data has no level for (content coordinates)
    Rect panel;               // detail panel (below: it covers the lower part of the chart when selected)
    Rect close;               // the sheet's close button (w = 0: none; hit-tested and drawn from this rectangle)
    Rect footer;
    std::vector<std::string> footer_lines;
    bool footer_in_body = false;  // a canvas too small to pin the disclaimer: it ends the body's content
                                  // (content coordinates, scrolled with the rows)
    float preferred_h = 0;    // narrow grid with a selection: the canvas height (framebuffer px) that fits the
                              // whole grid with the detail below it; 0 = no wish (the loader may grow the widget)
  };
  // Pure layout from the document, the view, the selection and the canvas (framebuffer px; scale = ctx.scale).
  // Needs the current fonts (text is measured).
  static Layout ComputeLayout(const content::Document& doc, View view, bool selected, float width, float height,
                              float scale);

  // The fill of a cell at a level (a light tint of one hue; meaning is also in the mark and the word).
  static Color CellFill(const Theme& th, content::Level level);

  const char* Kind() const override { return "risk-chart"; }
  void Frame(const FrameContext& ctx) override;
  void State(JsonWriter& out) const override;
  bool SetState(const nlohmann::json& partial, std::string* error) override;
  bool UsesKey(Key key) const override;
  bool UsesWheel() const override { return UsesWheel(0, 0); }
  bool UsesWheel(float, float dy) const override { return panel_.WantsWheel(dy) || chart_.WantsWheel(dy); }
  bool UsesDrag(float x, float y) const override {
    return (chart_.CanScroll() && chart_.Contains(x, y)) || (panel_.CanScroll() && panel_.Contains(x, y));
  }
  bool Animating() const override { return anim_.Running(); }
  std::string Announcement() const override { return announcement_; }
  dom::Node Dom() const override;
  // Issue 13, screen readers and presenter mode (defined in widgets/a11y_steps.cpp).
  std::string Cursor() const override { return nav_.cursor_id(); }
  std::string CursorText() const override;
  bool Step(int dir) override;

  // For tests: the layout as drawn in the last frame, and the visible body (the panel may cover part of it).
  const Layout& last_layout() const { return layout_; }
  std::string LevelWordFor(const Cell& c) const;  // the level word a cell shows
  Rect visible_body() const { return visible_body_; }
  float chart_scroll() const { return chart_.offset(); }
  bool detail_can_scroll() const { return panel_.CanScroll(); }
  // For tests: the detail panel as drawn in the last frame (screen coordinates, the panel at scroll 0).
  struct DetailShown {
    bool open = false;      // a cell is selected and its level found
    Rect view;              // where the items scroll
    Rect title;             // the risk's name (the panel's title), as wrapped
    float content_h = 0;    // the items' total height
    size_t items = 0;
    std::vector<std::string> texts;  // its text items, in order
  };
  const DetailShown& last_detail() const { return shown_; }

 protected:
  const char* SectionPath() const override { return "/risks"; }
  const char* SectionHint() const override { return "a list of risks, each with a level per therapy (and a \"therapies\" list)"; }
  bool HasSection(const content::Document& d) const override { return d.has_risks && !d.risks.empty() && d.has_therapies && !d.therapies.empty(); }
  void OnContent() override;

 private:
  // The detail panel's content for this frame (risk_chart_detail.cpp): what it lists and where it scrolls.
  struct DetailItem {
    enum Kind { Text, LevelRow, Interval, Rule } kind;
    FontRole role;
    std::string text;
    Color color;
    float before;                   // design px above it
    const content::Figure* fig;     // Interval: the figure
    float width;                    // Text: wrap width
  };
  struct Detail {
    int cell = -1;                               // the selected cell (index into the layout's cells), or -1
    const content::RiskLevel* level = nullptr;   // its level (null: nothing to show)
    Rect view;                                   // where the items scroll
    float w = 0, content_h = 0;                  // their width and total height
    std::vector<DetailItem> items;
  };

  void SetView(View v, bool reduced_motion);
  void EnsureVisible(const std::string& id);
  std::string LevelWord(content::Level l) const;
  int HeaderRow(const Cell& c) const { return view_ == View::ByRisk ? c.risk : c.therapy; }
  int HeaderCol(const Cell& c) const { return view_ == View::ByRisk ? c.therapy : c.risk; }

  // Input (risk_chart_input.cpp): reads this frame's input against layout_, the rectangles drawn.
  void Relayout(const FrameContext& ctx);
  void Input(const FrameContext& ctx);
  void ScrollInput(const FrameContext& ctx);
  std::vector<NavItem> NavItems() const;
  void TapInput(const FrameContext& ctx, const std::vector<NavItem>& items);
  bool KeyInput(const FrameContext& ctx, const std::vector<NavItem>& items);
  void ApplySelection(const FrameContext& ctx, const std::string& before, View view_before, bool cursor_moved);
  void ScrollDetail(const FrameContext& ctx, const Detail& d);
  void Animate(const FrameContext& ctx);

  // The detail panel (risk_chart_detail.cpp).
  static float ItemHeight(const DetailItem& it, float scale);
  Detail DetailLayout(const Theme& th, float scale) const;
  void DetailFigures(Detail& d, const content::RiskLevel& lv, const Theme& th) const;
  void DrawDetail(const FrameContext& ctx, const Detail& d) const;

  // Drawing (risk_chart_draw.cpp): reads layout_ and the view state, changes nothing.
  void Draw(const FrameContext& ctx, const Detail& d) const;
  void DrawLegend(const FrameContext& ctx) const;
  void DrawColumnHeaders(const FrameContext& ctx, int sel_cell, float fade) const;
  void DrawRowHeaders(const FrameContext& ctx, int sel_cell, float fade) const;
  void DrawCellCard(const FrameContext& ctx, const Cell& c, const content::RiskLevel& lv, const Rect& card,
                    const Rect& mark) const;
  void DrawCellStack(const FrameContext& ctx, const content::RiskLevel& lv, const Rect& mark) const;
  void DrawCells(const FrameContext& ctx, int sel_cell, float e) const;

  View view_ = View::ByRisk;
  ItemNav nav_;
  ScrollView panel_;                  // the detail panel's content
  // layout_ for these inputs: a frame with the same ones (a hover, a click on another cell) keeps it instead of
  // laying out again; the other selection state's (or view's) layout is kept beside it.
  struct LayoutKey {
    FontsKey fonts;
    unsigned content = 0;
    View view = View::ByRisk;
    bool selected = false;
    float w = -1, h = -1, scale = 0;
    bool operator==(const LayoutKey& o) const {
      return fonts == o.fonts && content == o.content && view == o.view && selected == o.selected && w == o.w &&
             h == o.h && scale == o.scale;
    }
  };
  Layout layout_;
  Layout other_layout_;
  LayoutKey layout_key_, other_key_;
  unsigned content_rev_ = 0;          // counts OnContent(): a new document (or language) lays out again
  Rect visible_body_;
  float last_px_ = 1;
  ScrollView chart_;                  // the chart's body (visible_body_)
  Tween anim_;                        // the view switch's transition (motion::kMove)
  std::vector<Rect> anim_from_;       // cell boxes (content coordinates) before the switch
  std::string pending_visible_;       // a cell to scroll into view after the next layout
  std::string panel_for_;             // the selection the detail panel was last laid out for
  std::string announcement_;
  DetailShown shown_;
  // The detail panel as laid out for these (DetailLayout): a frame with the same ones (a hover, a scroll) keeps it.
  struct DetailKey {
    LayoutKey layout;
    std::string selected;
    Color text = 0, muted = 0, border = 0;
    bool operator==(const DetailKey& o) const {
      return layout == o.layout && selected == o.selected && text == o.text && muted == o.muted && border == o.border;
    }
  };
  DetailKey detail_key_;
  Detail detail_;
};

}  // namespace scw
