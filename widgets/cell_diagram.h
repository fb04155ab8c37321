// cell_diagram.h — KIND "cell-diagram": where stem cells come from and what they can become.
//
// Cell types are laid out from the data as a layered graph (longest-path layers over "becomes" edges, sinks
// aligned at the bottom, barycentric ordering within layers, layers that wrap into rows when they are wide),
// each drawn as a small glyph with its name. Selecting a cell highlights its lineage and opens a detail panel
// (side panel on wide canvases, bottom sheet on narrow ones); a row of therapy chips highlights the cells a
// therapy uses. Too many cells for the canvas: nodes shrink to a minimum, then the diagram scrolls inside.
//
// Each frame is input → layout → draw: cell_diagram_layout.cpp (ComputeLayout, pure), cell_diagram_input.cpp
// (hit-testing the layout's rectangles), cell_diagram_draw.cpp (drawing the same rectangles); see
// cell_diagram_parts.h.
#pragma once
#include <string>
#include <vector>

#include "content_widget.h"
#include "ui/scroll_view.h"
#include "ui/text_layout.h"

namespace scw {

class CellDiagramWidget final : public ContentWidget {
 public:
  struct Node {
    int cell = -1;                  // index into doc.cell_types
    int layer = 0, row = 0;         // layer, and row inside a wrapped layer (0-based, over the whole diagram)
    float layer_top = 0;            // top of the layer's first row
    Rect box;                       // the whole node (glyph + name): the hit area, unscrolled framebuffer px
    ImVec2 centre;                  // glyph centre
    float r = 0;                    // glyph radius
    std::vector<std::string> lines; // the whole name, wrapped (two lines, more only where a name needs them)
    std::vector<Rect> line_boxes;   // where each line is drawn
  };
  struct Chip {
    std::string id;       // "therapy:all" or "therapy:<therapy id>"
    std::string therapy;  // "" for "All"
    std::string label;    // the therapy's name (or "All")
    std::vector<std::string> lines;  // the label wrapped to the chip (a long name takes two lines, never "…")
    Rect box;
  };
  struct Edge {
    int from = -1, to = -1;  // node indices
    bool reprogramming = false;
    bool engineered = false;  // "engineered in a lab from" (CAR-MSC from MSC): its own dashed arrow
  };
  struct LegendEntry {
    int kind = 0;  // 0 = category, 1 = "can become" arrow, 2 = reprogramming arrow, 3 = "engineered from" arrow
    std::string category, label;
    Rect swatch, text;
    std::vector<std::string> lines;
  };
  struct Layout {
    bool narrow = false;
    float width = 0, height = 0, scale = 1;
    Rect view;               // the scrolling viewport (framebuffer px)
    float content_h = 0;     // height of the scrolled content (the view scrolls when it is taller)
    Rect diagram;            // where nodes go (unscrolled)
    std::vector<Node> nodes; // in reading order (layer, row, left to right)
    std::vector<Edge> edges;
    std::vector<Chip> chips; // narrow: inside the scrolled content; wide: fixed above
    Rect chip_label;         // "Show the cells used in"
    std::vector<std::string> chip_label_lines;  // wrapped to the canvas
    Rect reprog_label;       // label on the first reprogramming arrow (w = 0: no room, the legend explains it)
    int reprog_label_edge = -1;
    Rect panel;              // side panel (wide, always) or bottom sheet (narrow, when a cell is selected)
    Rect close;              // close button in the panel (w = 0: none)
    std::vector<LegendEntry> legend;  // narrow: scrolled content; wide: drawn in the panel when nothing is selected
    Rect legend_heading;
    Rect footer;             // disclaimer (narrow: scrolled content)
    std::vector<std::string> footer_lines;
    float panel_pad = 0;     // the panel's inner padding (less on a very narrow canvas: 200% zoom with large text)
    float node_w = 0, glyph_r = 0;
    int layers = 0;
    bool ChipsScroll() const { return narrow; }
  };

  // Pure layout from the document and view state, in framebuffer px. Needs the fonts current (text measuring).
  static Layout ComputeLayout(const content::Document& doc, bool selected, float width, float height, float scale);

  const char* Kind() const override { return "cell-diagram"; }
  void Frame(const FrameContext& ctx) override;
  void State(JsonWriter& out) const override;
  bool SetState(const nlohmann::json& partial, std::string* error) override;
  bool UsesKey(Key key) const override;
  bool UsesWheel() const override { return UsesWheel(0, 0); }
  bool UsesWheel(float, float dy) const override { return main_.WantsWheel(dy) || detail_.WantsWheel(dy); }
  bool UsesDrag(float x, float y) const override {
    return (main_.CanScroll() && main_.Contains(x, y)) || (detail_.CanScroll() && detail_.Contains(x, y));
  }
  bool Animating() const override { return animating_; }
  std::string Announcement() const override { return announcement_; }
  dom::Node Dom() const override;
  // Issue 13, screen readers and presenter mode (defined in widgets/a11y_steps.cpp).
  std::string Cursor() const override { return nav_.cursor_id(); }
  std::string CursorText() const override;
  bool Step(int dir) override;
  std::vector<std::string> TourOrder() const;  // the cells in the presenter's order: each lineage from its root

  struct PanelRow {
    TextBlock block;
    int legend = -1;  // index into layout legend (drawn with its swatch) instead of a text block
  };
  // The detail panel's content for this frame: its rows and where they scroll (view.w = 0: no panel).
  struct Detail {
    Rect view;
    float text_w = 0, content_h = 0;
    std::vector<PanelRow> rows;
  };

  const Layout& last_layout() const { return layout_; }
  const Detail& last_detail() const { return detail_layout_; }  // the panel's rows as the last frame drew them
  float scroll() const { return main_.offset(); }

 protected:
  const char* SectionPath() const override { return "/cellTypes"; }
  const char* SectionHint() const override { return "a list of cell types (cellTypes)"; }
  bool HasSection(const content::Document& d) const override { return d.has_cell_types && !d.cell_types.empty(); }
  void OnContent() override;

 private:
  // What is emphasised this frame (the selected cell's lineage, else the therapy's cells, else everything).
  struct Highlight {
    int selected_cell = -1;
    std::vector<char> in_therapy;  // per cell
    std::vector<float> target;     // per cell: emphasis to fade towards
  };
  std::vector<PanelRow> PanelRows(const Layout& L, float width, const Theme& th) const;
  Detail DetailLayout(const Layout& L, const Theme& th, float scale) const;
  std::vector<int> Lineage(int cell) const;  // cells to emphasise for a selection (ancestors, descendants)
  std::string CellNames(const std::vector<std::string>& ids) const;
  void Announce();

  // Input (cell_diagram_input.cpp): reads this frame's input against layout_, the rectangles drawn.
  void Input(const FrameContext& ctx);
  void ScrollInput(const FrameContext& ctx);
  std::vector<NavItem> NavItems(std::vector<char>* scrolls) const;
  void NavInput(const std::vector<NavItem>& items, const std::vector<char>& scrolls, bool tapped, ImVec2 tap,
                bool keys);
  void ApplySelection(const std::string& before, bool closed, const FrameContext& ctx);
  void KeepInView(const std::string& before, const std::string& cursor_before, bool keys, float scale);
  void ScrollDetail(const Detail& d, bool keys, float scale, float px);
  Highlight HighlightNow() const;
  void Animate(const FrameContext& ctx, const Highlight& h);

  // Drawing (cell_diagram_draw.cpp): reads layout_ and the view state, changes nothing.
  Rect OnScreen(Rect r, bool scrolls) const;  // content → screen for what moves with the main view
  void Draw(const FrameContext& ctx, const Highlight& h, const Detail& d) const;
  void DrawChips(const FrameContext& ctx) const;
  void DrawEdges(const FrameContext& ctx, const Highlight& h) const;
  void DrawNodes(const FrameContext& ctx, const Highlight& h) const;
  void DrawLegendFlow(const FrameContext& ctx) const;
  void DrawFooter(const FrameContext& ctx, bool scrolls) const;
  void DrawPanel(const FrameContext& ctx, const Detail& d) const;

  // layout_ for these inputs (the selection only opens or closes the sheet): a frame with the same inputs (a hover,
  // a click on another cell) keeps it instead of laying out again; the other state's layout is kept beside it.
  struct LayoutKey {
    FontsKey fonts;
    unsigned content = 0;
    bool selected = false;
    float w = -1, h = -1, scale = 0;
    bool operator==(const LayoutKey& o) const {
      return fonts == o.fonts && content == o.content && selected == o.selected && w == o.w && h == o.h && scale == o.scale;
    }
  };
  void EnsureLayout(const FrameContext& ctx);

  Layout layout_;
  Layout other_layout_;
  LayoutKey layout_key_, other_key_;
  unsigned content_rev_ = 0;  // counts OnContent(): a new document (or language) lays out again
  Detail detail_layout_;
  // detail_layout_ was laid out for these: a frame with the same ones (a hover, a scroll) keeps it.
  struct DetailKey {
    LayoutKey layout;
    std::string selected, therapy;
    Color text = 0, muted = 0;
    bool operator==(const DetailKey& o) const {
      return layout == o.layout && selected == o.selected && therapy == o.therapy && text == o.text && muted == o.muted;
    }
  };
  DetailKey detail_key_;
  ItemNav nav_;
  ScrollView main_;           // the diagram's view (narrow: with chips, legend and footer)
  ScrollView detail_;         // the side panel or bottom sheet
  std::string therapy_;       // active therapy filter ("" = all)
  std::string announcement_;
  std::vector<float> emph_;   // per cell: current emphasis 0..1 (animated)
  bool animating_ = false;
  float last_px_ = 1;
  float last_w_ = 0, last_h_ = 0;
};

}  // namespace scw
