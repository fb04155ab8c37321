// risk_chart_layout.cpp — the risk chart's pure layout (see risk_chart.h, risk_chart_parts.h): the view switch,
// the legend, the grid (or, narrow, the list of blocks), the detail panel and the footer.
#include <algorithm>
#include <cmath>

#include "risk_chart_parts.h"
#include "ui/close_button.h"
#include "ui/text_layout.h"

namespace scw {
namespace {

using namespace risk_chart;
using content::Level;
using Layout = RiskChartWidget::Layout;
using Cell = RiskChartWidget::Cell;
using Label = RiskChartWidget::Label;
using View = RiskChartWidget::View;

// Word wrap that also breaks after hyphens ("Graft-versus-host"), for narrow headers.
std::vector<std::string> WrapHyphen(FontRole role, const std::string& text, float width) {
  struct Tok { std::string s; bool space_after; };
  std::vector<Tok> toks;
  std::string cur;
  for (char ch : text) {
    if (ch == ' ') {
      if (!cur.empty()) toks.push_back({cur, true});
      cur.clear();
    } else {
      cur += ch;
      if (ch == '-') { toks.push_back({cur, false}); cur.clear(); }
    }
  }
  if (!cur.empty()) toks.push_back({cur, true});
  std::vector<std::string> lines;
  std::string line;
  bool prev_space = false;
  for (const auto& t : toks) {
    const std::string cand = line.empty() ? t.s : line + (prev_space ? " " : "") + t.s;
    if (line.empty() || MeasureText(role, cand).x <= width) {
      line = cand;
    } else {
      lines.push_back(line);
      line = t.s;
    }
    if (MeasureText(role, line).x > width) {  // one token wider than the column: break it
      auto parts = WrapLines(role, line, width);
      for (size_t i = 0; i + 1 < parts.size(); ++i) lines.push_back(parts[i]);
      line = parts.empty() ? std::string() : parts.back();
    }
    prev_space = t.space_after;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::string> CapLines(std::vector<std::string> lines, size_t max, FontRole role, float width) {
  if (lines.size() <= max) return lines;
  std::string last = lines[max - 1];
  for (size_t i = max; i < lines.size(); ++i) last += " " + lines[i];
  lines.resize(max);
  lines.back() = Ellipsize(role, last, width);
  return lines;
}

// What the layout steps share: the document and view, the canvas, line heights and the chart's columns.
struct Plan {
  const content::Document& doc;
  View view;
  bool by_risk = true, selected = false;
  float W = 0, H = 0, s = 1, pad = 0;
  float lhS = 0, lhB = 0, lhT = 0;  // line heights: small, body, strong
  size_t nr = 0, nt = 0, nrows = 0, ncols = 0;
  float chart_w = 0, row_head_w = 0, col_w = 0, panel_w = 0, gap = 0;
  float top_bottom = 0, bottom = 0;  // the region between the legend and the footer
  std::vector<std::vector<int>> at;  // which cell sits at (row, col) of this view (-1: none)

  std::string RowName(size_t i) const { return by_risk ? doc.risks[i].name : doc.therapies[i].name; }
  std::string ColName(size_t i) const { return by_risk ? doc.therapies[i].name : doc.risks[i].name; }
  // A therapy's status label ("Experimental"), or "" where the document gives none.
  std::string StatusOf(size_t therapy) const {
    const std::string& st = doc.therapies[therapy].status;
    return st.empty() ? std::string() : doc.String("status_" + st);
  }
  bool HasFigures(const Layout& L, int ci) const {
    return ci >= 0 && !doc.risks[L.cells[ci].risk].levels[L.cells[ci].level_index].figures.empty();
  }
};

// The view switch (ui/segmented.h): two equal segments as wide as the wider label, sharing the width when they
// do not fit.
void PlaceSwitch(const Plan& f, Layout& L) {
  const float s = f.s, pad = f.pad;
  const std::vector<std::string> seg_text = {f.doc.String("byRisk"), f.doc.String("byTherapy")};
  float segw = std::max(MeasureText(FontRole::Strong, seg_text[0]).x, MeasureText(FontRole::Strong, seg_text[1]).x) + 36 * s;
  if (2 * segw > f.W - 2 * pad) segw = (f.W - 2 * pad) / 2;
  L.view_switch.LayoutEqual(Rect{pad, pad, 2 * segw, 36 * s}, seg_text, FontRole::Strong);
}

// The legend (grid only; the list spells every level out next to its mark): beside the switch, else below it.
// Returns the bottom of what sits above the chart.
float PlaceLegend(const Plan& f, Layout& L) {
  const Rect sw = L.view_switch.Bounds();
  const float s = f.s, W = f.W, pad = f.pad, segh = sw.h;
  float top_bottom = sw.y + segh;
  if (L.list) return top_bottom;
  std::vector<Layout::LegendItem> items;
  const Level lv[5] = {Level::None, Level::Low, Level::Moderate, Level::High, Level::Unknown};
  for (int i = 0; i < 5; ++i) items.push_back({Rect{}, i, f.doc.String(LevelKey(lv[i]))});
  items.push_back({Rect{}, 5, Local(f.doc, "figures")});
  const float ih = kMarkH * s + 4 * s, igap = 16 * s;
  for (auto& it : items) it.box.w = (it.level == 5 ? 16 * s : kMarkW * s) + 6 * s + MeasureText(FontRole::Small, it.text).x, it.box.h = ih;
  float total = 0;
  for (auto& it : items) total += it.box.w + igap;
  float x = sw.x + sw.w + 28 * s, y = sw.y + (segh - ih) / 2;
  int lines = 1;
  if (x + total - igap > W - pad) { x = pad; y = sw.y + segh + 10 * s; }
  const float x0 = x;
  for (auto& it : items) {
    if (x + it.box.w > W - pad && x > x0) { x = x0; y += ih + 6 * s; ++lines; }
    it.box.x = x; it.box.y = y;
    x += it.box.w + igap;
  }
  // A short narrow column (a blog's content column at the height the loader picks) keeps its rows for the
  // chart: the legend goes only where it fits beside the switch (every cell spells its level out anyway).
  const bool short_narrow = !L.panel_side && f.H / s < 520 && lines + (y > sw.y + segh ? 1 : 0) > 1;
  if (lines <= 2 && items.back().box.x + items.back().box.w <= W - pad && !short_narrow) {
    L.legend = items;
    for (auto& it : items) top_bottom = std::max(top_bottom, it.box.y + it.box.h);
  }
  return top_bottom;
}

// The footer (the disclaimer, always visible), the chart and the panel: beside the chart on wide canvases,
// below it otherwise (the select hint, or the detail when a cell is selected).
void PlaceRegions(Plan& f, Layout& L) {
  const float s = f.s, W = f.W, pad = f.pad;
  L.footer_lines = WrapLines(FontRole::Small, f.doc.String("disclaimer"), W - 2 * pad);
  const float footer_h = (float)L.footer_lines.size() * f.lhS;
  L.footer = Rect{pad, f.H - 10 * s - footer_h, W - 2 * pad, footer_h};
  f.bottom = L.footer.y - 10 * s;
  const float region_h = std::max(0.0f, f.bottom - f.top_bottom);
  if (L.panel_side) {
    L.chart = Rect{pad, f.top_bottom, f.chart_w, region_h};
    L.panel = Rect{pad + f.chart_w + f.gap, f.top_bottom, f.panel_w, region_h};
  } else {
    const float hint_h = WrappedHeight(FontRole::Body, f.doc.String("selectHint"), W - 2 * pad - 28 * s) + 20 * s;
    L.chart = Rect{pad, f.top_bottom, f.chart_w, std::max(0.0f, region_h - hint_h - 8 * s)};
    const float ph = f.selected ? std::max(hint_h, std::floor(region_h * 0.6f)) : hint_h;
    L.panel = Rect{pad, f.bottom - ph, W - 2 * pad, ph};
  }
}

// One cell per (risk, therapy) the data has a level for, risk-major; f.at finds it by (row, col) in O(1)
// (60×40 cells drew in 280 ms when it was searched).
void IndexCells(Plan& f, Layout& L) {
  f.at.assign(f.nrows, std::vector<int>(f.ncols, -1));
  for (size_t ri = 0; ri < f.nr; ++ri) {
    const auto& r = f.doc.risks[ri];
    for (size_t li = 0; li < r.levels.size(); ++li) {
      int ti = -1;
      for (size_t k = 0; k < f.nt; ++k)
        if (f.doc.therapies[k].id == r.levels[li].therapy) ti = (int)k;
      if (ti < 0) continue;
      const size_t row = f.by_risk ? ri : (size_t)ti, col = f.by_risk ? (size_t)ti : ri;
      if (f.at[row][col] >= 0) continue;
      Cell c;
      c.id = r.id + "/" + f.doc.therapies[ti].id;
      c.risk = (int)ri;
      c.therapy = ti;
      c.level_index = (int)li;
      L.cells.push_back(c);
      f.at[row][col] = (int)L.cells.size() - 1;
    }
  }
}

// Grid: the column headers (names, and by risk each therapy's status), and the body under them. Returns the
// header height.
float GridHeaders(const Plan& f, bool short_column, Layout& L) {
  const float s = f.s, col_w = f.col_w;
  float head_h = 0;
  for (size_t c = 0; c < f.ncols; ++c) {
    Label lab;
    lab.lines = CapLines(WrapHyphen(FontRole::Small, f.ColName(c), col_w - 10 * s), short_column ? 3 : 5, FontRole::Small, col_w - 10 * s);
    // (Not in a short narrow column: its few rows come first there; the detail panel gives the status.)
    const std::string st = f.by_risk && !short_column ? f.StatusOf(c) : std::string();
    if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, col_w - 10 * s), 2, FontRole::Small, col_w - 10 * s);
    head_h = std::max(head_h, (float)(lab.lines.size() + lab.sub.size()) * f.lhS + 14 * s);
    L.col_headers.push_back(lab);
  }
  for (size_t c = 0; c < f.ncols; ++c)
    L.col_headers[c].box = Rect{L.chart.x + f.row_head_w + c * col_w, L.chart.y, col_w, head_h};
  L.body = Rect{L.chart.x, L.chart.y + head_h, L.chart.w, std::max(0.0f, L.chart.h - head_h)};
  return head_h;
}

// Grid: the row headers, and each row's natural height (its header or its tallest cell stack).
std::vector<float> GridRowHeaders(const Plan& f, bool short_column, Layout& L) {
  const float s = f.s, w = f.row_head_w - 16 * s;
  std::vector<float> rh(f.nrows);
  for (size_t r = 0; r < f.nrows; ++r) {
    Label lab;
    lab.lines = CapLines(WrapHyphen(FontRole::Body, f.RowName(r), w), 4, FontRole::Body, w);
    const std::string st = f.by_risk || short_column ? std::string() : f.StatusOf(r);
    if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, w), 2, FontRole::Small, w);
    bool fig = false;
    for (size_t c = 0; c < f.ncols; ++c) fig |= f.HasFigures(L, f.at[r][c]);
    rh[r] = std::max((float)lab.lines.size() * f.lhB + (float)lab.sub.size() * f.lhS, StackHeight(fig, s));
    L.row_headers.push_back(lab);
  }
  return rh;
}

// Grid: each row gets 12 px of air; where the whole grid would not fit (eight risks at 1280 × 720), the header's
// air and then the rows' (down to 4 px) shrink before the grid scrolls. A row is never lower than a 40 px touch
// target, and text keeps its size. Rows stretch to fill a roomy chart, except under a narrow column's detail
// sheet (the grid then keeps its natural height, so the detail fits below it).
void FitRows(const Plan& f, std::vector<float>& rh, float* head_h, Layout& L) {
  const float s = f.s;
  auto rows_h = [&](float pad) {
    float t = 0;
    for (float h : rh) t += std::max(h + pad, 40 * s);
    return t;
  };
  float row_pad = 12 * s;
  if (f.nrows && rows_h(row_pad) > L.body.h && (L.panel_side || f.H / s >= 520)) {
    const float trim = std::min(8 * s, rows_h(row_pad) - L.body.h);
    *head_h -= trim;
    for (auto& hd : L.col_headers) hd.box.h = *head_h;
    L.body = Rect{L.chart.x, L.chart.y + *head_h, L.chart.w, std::max(0.0f, L.chart.h - *head_h)};
    float lo = 4 * s, hi = 12 * s;  // the largest air that fits, or 4 px
    for (int k = 0; k < 24; ++k) {
      const float mid = (lo + hi) / 2;
      (rows_h(mid) <= L.body.h ? lo : hi) = mid;
    }
    row_pad = lo;
  }
  float total = 0;
  for (auto& h : rh) total += (h = std::max(h + row_pad, 40 * s));
  if (f.nrows && total < L.body.h && (L.panel_side || !f.selected)) {
    const float extra = std::min((L.body.h - total) / (float)f.nrows, 22 * s);
    for (auto& h : rh) h += extra;
  }
}

// Grid: row headers and cells at their rows (content coordinates), the empty combinations, the reading order.
void PlaceGridCells(const Plan& f, const std::vector<float>& rh, Layout& L) {
  const float s = f.s;
  float y = L.body.y;
  for (size_t r = 0; r < f.nrows; ++r) {
    L.row_headers[r].box = Rect{L.chart.x, y, f.row_head_w, rh[r]};
    for (size_t c = 0; c < f.ncols; ++c) {
      const Rect box{L.chart.x + f.row_head_w + c * f.col_w, y, f.col_w, rh[r]};
      if (f.at[r][c] < 0) { L.empty_cells.push_back(box); continue; }
      Cell& cell = L.cells[f.at[r][c]];
      cell.box = box;
      cell.mark = Rect{box.x + 4 * s, box.y + 4 * s, box.w - 8 * s, box.h - 8 * s};
      L.order.push_back(f.at[r][c]);
    }
    y += rh[r];
  }
  L.content_h = y - L.body.y;
}

// Narrow column, a cell selected: the detail sheet comes up from the bottom, but never squeezes the grid to a
// sliver: the grid keeps its header and at least about half the room (all of it if it is that short). Where
// the page lets the widget grow, preferred_h asks for the height that puts the detail below the whole grid.
void GridSheet(const Plan& f, float head_h, Layout& L) {
  const float s = f.s, H = f.H;
  const float region_h = f.bottom - f.top_bottom;
  const float chart_need = head_h + L.content_h;
  const float want_chart = head_h + std::min(L.content_h, 480 * s), want_panel = 300 * s;
  float ph;
  if (region_h >= want_chart + 8 * s + want_panel) {
    ph = region_h - 8 * s - want_chart;  // room for both: the detail below the whole grid (or 420 px of it)
  } else {
    const float keep = std::min(chart_need, std::max(region_h * 0.5f, head_h + 96 * s));
    const float min_panel = std::min(region_h * 0.4f, 120 * s);
    ph = std::max(min_panel, std::min(std::floor(region_h * 0.6f), region_h - 8 * s - keep));
  }
  L.panel = Rect{f.pad, f.bottom - ph, f.W - 2 * f.pad, ph};
  L.preferred_h = H + std::max(0.0f, want_chart + 8 * s + want_panel - region_h);
  // Grown past the short-column height, the legend and full headers come back: ask for the height that
  // layout needs (it is stable there: the loader does not keep growing the widget).
  if (H / s < 520 && L.preferred_h / s >= 520)
    L.preferred_h = RiskChartWidget::ComputeLayout(f.doc, f.view, f.selected, f.W, L.preferred_h, s).preferred_h;
}

void GridLayout(const Plan& f, Layout& L) {
  const bool short_column = !L.panel_side && f.H / f.s < 520;  // a blog column at the loader's height: rows first
  float head_h = GridHeaders(f, short_column, L);
  std::vector<float> rh = GridRowHeaders(f, short_column, L);
  FitRows(f, rh, &head_h, L);
  PlaceGridCells(f, rh, L);
  if (!L.panel_side && f.selected) GridSheet(f, head_h, L);
}

// Narrow: a block per row (its name as a heading, by therapy with the status under it), a line per cell with
// the column's name on the left and the level stack on the right.
void ListLayout(const Plan& f, Layout& L) {
  const float s = f.s;
  const content::Document& doc = f.doc;
  L.body = L.chart;
  float word_w = 0;
  for (int i = 0; i < 5; ++i) word_w = std::max(word_w, MeasureText(FontRole::Small, doc.String(LevelKey((Level)i))).x);
  size_t most = 0;  // the widest figure badge ("11 figures": the list spells it out, it has no legend)
  for (const auto& c : L.cells) most = std::max(most, doc.risks[c.risk].levels[c.level_index].figures.size());
  const float badge_w = most ? 16 * s + 4 * s + MeasureText(FontRole::Small, FigureCount(doc, most)).x : 0;
  const float right_w = std::max({kMarkW * s, word_w, badge_w}) + 8 * s;
  const float name_w = std::max(40 * s, L.chart.w - 12 * s - right_w - 12 * s - 8 * s);
  float y = L.body.y;
  for (size_t r = 0; r < f.nrows; ++r) {
    Label lab;
    lab.lines = CapLines(WrapHyphen(FontRole::Strong, f.RowName(r), L.chart.w - 8 * s), 3, FontRole::Strong, L.chart.w - 8 * s);
    const std::string st = f.by_risk ? std::string() : f.StatusOf(r);  // by therapy: the status under the heading
    if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, L.chart.w - 8 * s), 2, FontRole::Small, L.chart.w - 8 * s);
    lab.box = Rect{L.chart.x, y, L.chart.w, (float)lab.lines.size() * f.lhT + (float)lab.sub.size() * f.lhS + 10 * s};
    y += lab.box.h;
    L.row_headers.push_back(lab);
    for (size_t c = 0; c < f.ncols; ++c) {
      if (f.at[r][c] < 0) continue;
      Cell& cell = L.cells[f.at[r][c]];
      cell.name_lines = CapLines(WrapHyphen(FontRole::Body, f.ColName(c), name_w), 3, FontRole::Body, name_w);
      const std::string st = f.by_risk ? f.StatusOf(c) : std::string();
      if (!st.empty()) cell.sub_lines = CapLines(WrapHyphen(FontRole::Small, st, name_w), 2, FontRole::Small, name_w);
      const float text_h = (float)cell.name_lines.size() * f.lhB + (float)cell.sub_lines.size() * f.lhS;
      const float h = std::max(44 * s, std::max(text_h, StackHeight(f.HasFigures(L, f.at[r][c]), s)) + 14 * s);
      cell.box = Rect{L.chart.x, y, L.chart.w, h};
      cell.mark = Rect{L.chart.x + L.chart.w - 8 * s - right_w, y + 4 * s, right_w, h - 8 * s};
      L.order.push_back(f.at[r][c]);
      y += h + 4 * s;
    }
    y += 14 * s;
  }
  L.content_h = y - L.body.y;
}

}  // namespace

RiskChartWidget::Layout RiskChartWidget::ComputeLayout(const content::Document& doc, View view, bool selected,
                                                       float W, float H, float s) {
  Layout L;
  L.scale = s;
  Plan f{doc, view};
  f.by_risk = view == View::ByRisk;
  f.selected = selected;
  f.W = W;
  f.H = H;
  f.s = s;
  const float dw = W / s;
  f.pad = (dw < 480 ? 12 : 20) * s;
  f.lhS = LineH(FontRole::Small);
  f.lhB = LineH(FontRole::Body);
  f.lhT = LineH(FontRole::Strong);
  f.nr = doc.risks.size();
  f.nt = doc.therapies.size();
  f.nrows = f.by_risk ? f.nr : f.nt;
  f.ncols = f.by_risk ? f.nt : f.nr;
  PlaceSwitch(f, L);

  L.panel_side = dw >= 760;
  f.gap = 20 * s;
  f.panel_w = std::min(std::max(W * 0.3f, 280 * s), 440 * s);
  f.chart_w = L.panel_side ? W - 2 * f.pad - f.gap - f.panel_w : W - 2 * f.pad;
  f.row_head_w = std::min(std::max(f.chart_w * 0.22f, 110 * s), 210 * s);
  f.col_w = f.ncols ? (f.chart_w - f.row_head_w) / (float)f.ncols : f.chart_w;
  L.list = f.col_w < 64 * s;

  f.top_bottom = PlaceLegend(f, L) + 14 * s;
  PlaceRegions(f, L);
  IndexCells(f, L);
  if (!L.list) GridLayout(f, L);
  else ListLayout(f, L);
  if (selected && !L.panel_side) L.close = CloseButton::Place(L.panel, s);  // the sheet's
  return L;
}

}  // namespace scw
