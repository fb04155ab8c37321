// risk_chart_parts.h — what the risk chart's files share (not part of the widget's interface): level words and
// marks, figure text, line heights and the cell stack's size.
//
// The widget's frame is input → layout → draw, one file each:
//   risk_chart_layout.cpp  ComputeLayout: pure, from the document, the view and the canvas (tested natively)
//   risk_chart_input.cpp   wheel, drag, taps and keys hit-tested against the layout's rectangles
//   risk_chart_draw.cpp    drawing from the same rectangles (the detail panel in risk_chart_detail.cpp)
//   risk_chart.cpp         the frame in that order, content, state and the parallel DOM
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "risk_chart.h"

namespace scw {
namespace risk_chart {

constexpr float kLineSpacing = 1.35f;
// Below this much chart (design px: a header and about two rows) the disclaimer is not pinned under the chart
// but ends its scrolling content.
constexpr float kMinChartH = 180;
constexpr const char* kViewIds[2] = {"by-risk", "by-therapy"};

// The stack drawn for one cell: level mark, level word, and (when the data has figures) a figure badge.
constexpr float kMarkW = 34, kMarkH = 14, kBadgeH = 11;

inline float LineH(FontRole r) { return CurrentFonts().Size(r) * kLineSpacing; }
// Grid row names set their lines a little closer too (a label, not running text).
inline float RowLineH() { return CurrentFonts().Size(FontRole::Body) * 1.2f; }
// Column headers set their small lines closer (a heading block, not running text).
inline float HeadLineH() { return CurrentFonts().Size(FontRole::Small) * 1.2f; }
inline float TagH(size_t lines, float s) { return lines ? (float)lines * HeadLineH() + 3 * s : 0; }
// A therapy status's tag hue (theme series): care in use green, trials blue, experimental orange.
inline int StatusTone(const std::string& st) {
  if (st == "approved" || st == "standard-care") return 2;
  if (st == "in-trials") return 0;
  if (st == "experimental") return 1;
  return st.empty() ? -1 : 7;
}
inline float StackHeight(bool figures, float s) {
  return kMarkH * s + 2 * s + CurrentFonts().Size(FontRole::Small) + (figures ? 4 * s + kBadgeH * s : 0);
}
inline Rect Lerp(const Rect& a, const Rect& b, float t) {
  return Rect{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t};
}
inline Rect Shift(Rect r, float dy) { r.y += dy; return r; }

// Text (risk_chart.cpp).
std::string Local(const content::Document& d, const std::string& key);  // chart labels from the UI strings
std::string Number(const content::Document& d, double v);  // "12", "0.35", "1,200"; es "0,35", "1.200"
std::string WithUnit(const content::Document& d, double v, const std::string& unit);  // "20.8%"; es "20,8 %"
std::string FigureValueText(const content::Document& d, const content::Figure& f);
std::string FigureCount(const content::Document& d, size_t n);           // "1 figure", "3 figures"
std::string LevelKey(content::Level l);                                  // the UI string key of a level word
const content::RiskLevel* LevelOf(const content::Document& d, const RiskChartWidget::Cell& c);
std::vector<std::string> CellSources(const content::Risk& r, const content::RiskLevel& lv);

// Marks (risk_chart_draw.cpp).
void DrawLevelMark(ImDrawList* dl, const Theme& th, content::Level l, float x, float y, float s);
void DrawFigureGlyph(ImDrawList* dl, const Theme& th, float x, float cy, float s);

}  // namespace risk_chart
}  // namespace scw
