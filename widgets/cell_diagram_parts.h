// cell_diagram_parts.h — what the cell diagram's files share (not part of the widget's interface): the potency
// groups, the "becomes" graph, and the edge curves that layout (label placement) and drawing both use.
//
// The widget's frame is input → layout → draw, one file each:
//   cell_diagram_layout.cpp  ComputeLayout: pure, from the document and the canvas (tested natively)
//   cell_diagram_input.cpp   pointer, wheel and keys hit-tested against the layout's rectangles
//   cell_diagram_draw.cpp    drawing from the same rectangles
//   cell_diagram.cpp         the frame in that order, content, state and the parallel DOM
#pragma once
#include <string>
#include <vector>

#include "cell_diagram.h"

namespace scw {
namespace cell_diagram {

constexpr float kNarrowBelow = 620;   // design px: narrower canvases stack the panel under the diagram
constexpr float kPi = 3.14159265f;

// Potency groups: colour from the theme's Okabe–Ito series AND a distinct outline shape.
enum Shape { kDoubleCircle, kCircle, kDashedCircle, kDiamond, kHexagon, kRoundSquare };
struct Category { const char* key; int series; Shape shape; };
constexpr Category kCategories[] = {
    {"pluripotent", 3, kDoubleCircle}, {"adult", 0, kCircle},   {"induced", 4, kDashedCircle},
    {"stromal", 2, kDiamond},          {"derived", 1, kHexagon}, {"mature", 7, kRoundSquare},
};
constexpr int kNumCategories = 6;

int CategoryIndex(const std::string& key);

// The "becomes" graph with reprogramming and "engineered from" links, by cell index.
struct Graph {
  std::vector<std::vector<int>> kids, parents, reprog_from, reprog_to, eng_from, eng_to;
};
Graph BuildGraph(const content::Document& d);

// A cubic Bézier from one node to another (unscrolled when dy_scroll is 0).
struct Curve {
  ImVec2 p0, p1, p2, p3;
  float tail = 0;  // > 0: a straight drop of this length after p3 (into a lower row of a wrapped layer)
};
ImVec2 Bezier(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, float t);
Curve EdgeCurve(const CellDiagramWidget::Node& a, const CellDiagramWidget::Node& b, float dy_scroll);

}  // namespace cell_diagram
}  // namespace scw
