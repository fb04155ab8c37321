// cell_diagram.h — KIND "cell-diagram": where stem cells come from and what they can become.
//
// Cell types are laid out from the data as a layered graph (longest-path layers over "becomes" edges, sinks
// aligned at the bottom, barycentric ordering within layers, layers that wrap into rows when they are wide),
// each drawn as a small glyph with its name. Selecting a cell highlights its lineage and opens a detail panel
// (side panel on wide canvases, bottom sheet on narrow ones); a row of therapy chips highlights the cells a
// therapy uses. Too many cells for the canvas: nodes shrink to a minimum, then the diagram scrolls inside.
#pragma once
#include <string>
#include <vector>

#include "content_widget.h"
#include "ui/panel.h"
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
    std::vector<std::string> lines; // the name, wrapped to two lines at most (ellipsized)
    std::vector<Rect> line_boxes;   // where each line is drawn
  };
  struct Chip {
    std::string id;       // "therapy:all" or "therapy:<therapy id>"
    std::string therapy;  // "" for "All"
    std::string label;    // ellipsized to the chip
    Rect box;
  };
  struct Edge {
    int from = -1, to = -1;  // node indices
    bool reprogramming = false;
  };
  struct LegendEntry {
    int kind = 0;  // 0 = category, 1 = "can become" arrow, 2 = reprogramming arrow
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
    Rect reprog_label;       // label on the first reprogramming arrow (w = 0: no room, the legend explains it)
    int reprog_label_edge = -1;
    Rect panel;              // side panel (wide, always) or bottom sheet (narrow, when a cell is selected)
    Rect close;              // close button in the panel (w = 0: none)
    std::vector<LegendEntry> legend;  // narrow: scrolled content; wide: drawn in the panel when nothing is selected
    Rect legend_heading;
    Rect footer;             // disclaimer (narrow: scrolled content)
    std::vector<std::string> footer_lines;
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
  bool UsesWheel() const override { return main_wants_wheel_ || detail_.WantsWheel(); }
  bool UsesDrag(float x, float y) const override {
    return (main_can_scroll_ && layout_.view.Contains(x, y)) || (detail_.CanScroll() && detail_.Contains(x, y));
  }
  bool Animating() const override { return animating_; }
  std::string Announcement() const override { return announcement_; }
  dom::Node Dom() const override;
  // Issue 13, screen readers and presenter mode (defined in widgets/a11y_steps.cpp).
  std::string Cursor() const override { return nav_.cursor_id(); }
  std::string CursorText() const override;
  bool Step(int dir) override;
  std::vector<std::string> TourOrder() const;  // the cells in the presenter's order: each lineage from its root

  const Layout& last_layout() const { return layout_; }
  float scroll() const { return scroll_; }

 protected:
  const char* SectionPath() const override { return "/cellTypes"; }
  const char* SectionHint() const override { return "a list of cell types (cellTypes)"; }
  bool HasSection(const content::Document& d) const override { return d.has_cell_types && !d.cell_types.empty(); }
  void OnContent() override;

 private:
  struct PanelRow {
    TextBlock block;
    int legend = -1;  // index into layout legend (drawn with its swatch) instead of a text block
  };
  std::vector<PanelRow> PanelRows(const Layout& L, float width, const Theme& th) const;
  std::vector<int> Lineage(int cell) const;  // cells to emphasise for a selection (ancestors, descendants)
  std::string CellNames(const std::vector<std::string>& ids) const;
  void Announce();
  void ScrollMain(float delta_or_target, bool absolute);

  Layout layout_;
  ItemNav nav_;
  ScrollPanel detail_;
  std::string therapy_;       // active therapy filter ("" = all)
  std::string announcement_;
  std::vector<float> emph_;   // per cell: current emphasis 0..1 (animated)
  float scroll_ = 0;          // main view scroll offset
  bool dragging_ = false;
  float drag_y_ = 0, drag_off_ = 0;
  bool main_wants_wheel_ = false, main_can_scroll_ = false;
  bool animating_ = false;
  float last_px_ = 1;
  float last_w_ = 0, last_h_ = 0;
};

}  // namespace scw
