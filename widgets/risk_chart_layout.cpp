// risk_chart_layout.cpp — the risk chart's pure layout (see risk_chart.h, risk_chart_parts.h): the view switch,
// the legend, the grid (or, narrow, the list of blocks), the detail panel and the footer.
#include <algorithm>
#include <cmath>

#include "risk_chart_parts.h"
#include "ui/close_button.h"
#include "ui/sort.h"
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
  float body_extra = 0;              // what the body's content holds after the rows (the disclaimer, when not pinned)
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
  // Too narrow for a label on one line (a phone at text scale 2): it wraps, and the switch grows to hold it.
  std::vector<std::string> labels;
  size_t most = 1;
  for (const auto& t : seg_text) {
    const auto lines = WrapLines(FontRole::Strong, t, std::max(1.0f, segw - 14 * s));
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : "\n") + l;
    labels.push_back(joined);
    most = std::max(most, lines.size());
  }
  const float h = std::max(36 * s, (float)most * f.lhT + 10 * s);
  L.view_switch.LayoutEqual(Rect{pad, pad, 2 * segw, h}, labels, FontRole::Strong);
}

// The legend's entries (level 0..4, 5 = "has figures"), sized but not placed.
std::vector<Layout::LegendItem> LegendItems(const Plan& f) {
  const float s = f.s;
  std::vector<Layout::LegendItem> items;
  const Level lv[5] = {Level::None, Level::Low, Level::Moderate, Level::High, Level::Unknown};
  for (int i = 0; i < 5; ++i) items.push_back({Rect{}, i, f.doc.String(LevelKey(lv[i]))});
  items.push_back({Rect{}, 5, Local(f.doc, "figures")});
  for (auto& it : items) {
    it.box.w = (it.level == 5 ? 16 * s : kMarkW * s) + 6 * s + MeasureText(FontRole::Small, it.text).x;
    it.box.h = kMarkH * s + 4 * s;
  }
  return items;
}

// Flows the entries left to right from (x0, y) within [x0, right]; returns the number of lines.
int FlowLegend(const Plan& f, std::vector<Layout::LegendItem>& items, float x0, float y, float right) {
  const float s = f.s, igap = 16 * s;
  float x = x0;
  int lines = 1;
  for (auto& it : items) {
    if (x + it.box.w > right && x > x0) { x = x0; y += it.box.h + 6 * s; ++lines; }
    it.box.x = x; it.box.y = y;
    x += it.box.w + igap;
  }
  return lines;
}

// The legend above the chart (grid only; the list spells every level out next to its mark; with a side panel
// it is in the idle panel instead, LegendInPanel): beside the switch, else below it. Returns the bottom of
// what sits above the chart.
float PlaceLegend(const Plan& f, Layout& L) {
  const Rect sw = L.view_switch.Bounds();
  const float s = f.s, W = f.W, pad = f.pad, segh = sw.h;
  float top_bottom = sw.y + segh;
  if (L.list || L.panel_side) return top_bottom;
  std::vector<Layout::LegendItem> items = LegendItems(f);
  const float ih = items[0].box.h, igap = 16 * s;
  float total = 0;
  for (auto& it : items) total += it.box.w + igap;
  float x = sw.x + sw.w + 28 * s, y = sw.y + (segh - ih) / 2;
  if (x + total - igap > W - pad) { x = pad; y = sw.y + segh + 10 * s; }
  const int lines = FlowLegend(f, items, x, y, W - pad);
  y = items.front().box.y;
  // A short narrow column (a blog's content column at the height the loader picks) keeps its rows for the
  // chart: the legend goes only where it fits beside the switch (every cell spells its level out anyway).
  const bool short_narrow = f.H / s < 520 && lines + (y > sw.y + segh ? 1 : 0) > 1;
  if (lines <= 2 && items.back().box.x + items.back().box.w <= W - pad && !short_narrow) {
    L.legend = items;
    for (auto& it : items) top_bottom = std::max(top_bottom, it.box.y + it.box.h);
  }
  return top_bottom;
}

// Beside the chart with nothing selected: the legend under the select hint in the idle side panel (as the cell
// diagram's), where it takes no row from the chart; left out where the panel is too short for it.
void LegendInPanel(const Plan& f, Layout& L) {
  if (L.list || !L.panel_side || f.selected) return;
  const float s = f.s, ip = 14 * s;
  const Rect& p = L.panel;
  std::vector<Layout::LegendItem> items = LegendItems(f);
  float y = p.y + 10 * s + WrappedHeight(FontRole::Body, f.doc.String("riskSelectHint"), p.w - 2 * ip) + 16 * s;
  for (auto& it : items) {  // one entry a line, its text wrapped beside its mark
    const float mark_w = (it.level == 5 ? 16 * s : kMarkW * s) + 6 * s;
    it.lines = WrapLines(FontRole::Small, it.text, std::max(1.0f, p.w - 2 * ip - mark_w));
    it.box = Rect{p.x + ip, y, p.w - 2 * ip, std::max(it.box.h, (float)it.lines.size() * f.lhS)};
    y += it.box.h + 6 * s;
  }
  if (y - 6 * s > p.y + p.h - 10 * s) return;
  L.legend = items;
  L.legend_in_panel = true;
}

// The footer (the disclaimer, always visible), the chart and the panel: beside the chart on wide canvases,
// below it otherwise (the select hint, or the detail when a cell is selected). A canvas too small to pin the
// disclaimer and still show the chart (a phone at 200% zoom, text scale 2) ends the chart's scrolling content
// with it instead (FooterInBody), so neither is cut.
void PlaceRegions(Plan& f, Layout& L) {
  const float s = f.s, W = f.W, pad = f.pad;
  L.footer_lines = WrapLines(FontRole::Small, f.doc.String("disclaimer"), W - 2 * pad);
  const float footer_h = (float)L.footer_lines.size() * f.lhS;
  const float hint_h = L.panel_side ? 0 : WrappedHeight(FontRole::Body, f.doc.String("riskSelectHint"), W - 2 * pad - 28 * s) + 20 * s;
  const float pinned_room = f.H - 20 * s - footer_h - f.top_bottom - (L.panel_side ? 0 : hint_h + 8 * s);
  L.footer_in_body = pinned_room < kMinChartH * s;
  L.footer = Rect{pad, f.H - 10 * s - footer_h, W - 2 * pad, footer_h};
  f.bottom = L.footer_in_body ? f.H - 10 * s : L.footer.y - 10 * s;
  const float region_h = std::max(0.0f, f.bottom - f.top_bottom);
  if (L.panel_side) {
    L.chart = Rect{pad, f.top_bottom, f.chart_w, region_h};
    L.panel = Rect{pad + f.chart_w + f.gap, f.top_bottom, f.panel_w, region_h};
  } else {
    L.chart = Rect{pad, f.top_bottom, f.chart_w, std::max(0.0f, region_h - hint_h - 8 * s)};
    float ph = hint_h;
    if (f.selected) {  // the sheet: 60% of the room, at least 150 px of it, and always a row of the chart above
      const float keep = 8 * s + 48 * s;
      ph = std::max(std::floor(region_h * 0.6f), std::min(150 * s, region_h - keep));
      ph = std::max(hint_h, std::min(ph, region_h - keep));
    }
    L.panel = Rect{pad, f.bottom - ph, W - 2 * pad, ph};
  }
  if (L.footer_in_body) {  // wrapped to the chart's width; placed after the rows (FooterInBody)
    L.footer_lines = WrapLines(FontRole::Small, f.doc.String("disclaimer"), L.chart.w - 8 * s);
    f.body_extra = 12 * s + (float)L.footer_lines.size() * f.lhS + 4 * s;
  }
}

// The disclaimer at the end of the body's content (content coordinates), when it is not pinned.
void FooterInBody(const Plan& f, Layout& L) {
  if (!L.footer_in_body) return;
  const float h = (float)L.footer_lines.size() * f.lhS;
  L.footer = Rect{L.chart.x + 4 * f.s, L.body.y + L.content_h + 12 * f.s, L.chart.w - 8 * f.s, h};
  L.content_h += f.body_extra;
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
  const float name_w = col_w - 4 * s, tag_w = col_w - 4 * s - 12 * s;  // the full column; the tag's padding
  float head_h = 0;
  for (size_t c = 0; c < f.ncols; ++c) {
    Label lab;
    lab.lines = CapLines(WrapHyphen(FontRole::Small, f.ColName(c), name_w), short_column ? 3 : 5, FontRole::Small, name_w);
    // (Not in a short narrow column: its few rows come first there; the detail panel gives the status.)
    const std::string st = f.by_risk && !short_column ? f.StatusOf(c) : std::string();
    if (!st.empty()) {
      lab.sub = CapLines(WrapHyphen(FontRole::Small, st, tag_w), 2, FontRole::Small, tag_w);
      lab.tone = StatusTone(f.doc.therapies[c].status);
    }
    head_h = std::max(head_h, RiskChartWidget::HeaderTextHeight(lab, s) + 9 * s);
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
    lab.lines = CapLines(WrapHyphen(FontRole::Body, f.RowName(r), w), 6, FontRole::Body, w);
    const std::string st = f.by_risk || short_column ? std::string() : f.StatusOf(r);
    if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, w), 2, FontRole::Small, w);
    bool fig = false;
    for (size_t c = 0; c < f.ncols; ++c) fig |= f.HasFigures(L, f.at[r][c]);
    rh[r] = std::max((float)lab.lines.size() * RowLineH() + (float)lab.sub.size() * f.lhS, StackHeight(fig && !L.badge_beside, s));
    L.row_headers.push_back(lab);
  }
  return rh;
}

// Grid: each row gets 12 px of air; where the whole grid would not fit (eight risks at 1280 × 720), the header's
// air and then the rows' (down to 3 px) shrink before the grid scrolls. A row is never lower than a 40 px touch
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
  const float extra = f.body_extra;  // the disclaimer after the rows, when it is not pinned
  if (f.nrows && rows_h(row_pad) > L.body.h - extra && (L.panel_side || f.H / s >= 520)) {
    const float trim = std::min(5 * s, rows_h(row_pad) - (L.body.h - extra));
    *head_h -= trim;
    for (auto& hd : L.col_headers) hd.box.h = *head_h;
    L.body = Rect{L.chart.x, L.chart.y + *head_h, L.chart.w, std::max(0.0f, L.chart.h - *head_h)};
    float lo = 3 * s, hi = 12 * s;  // the largest air that fits, or 3 px
    for (int k = 0; k < 24; ++k) {
      const float mid = (lo + hi) / 2;
      (rows_h(mid) <= L.body.h - extra ? lo : hi) = mid;
    }
    row_pad = lo;
  }
  float total = 0;
  for (auto& h : rh) total += (h = std::max(h + row_pad, 40 * s));
  if (f.nrows && total < L.body.h - extra && (L.panel_side || !f.selected)) {
    const float add = std::min((L.body.h - extra - total) / (float)f.nrows, 22 * s);
    for (auto& h : rh) h += add;
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
  // Too narrow for the name beside the level (a phone at text scale 2): the level goes under the name.
  const bool stacked = L.chart.w - 12 * s - right_w - 12 * s - 8 * s < 110 * s;
  const float name_w = stacked ? L.chart.w - 20 * s : L.chart.w - 12 * s - right_w - 12 * s - 8 * s;
  float y = L.body.y;
  for (size_t r = 0; r < f.nrows; ++r) {
    Label lab;
    lab.lines = CapLines(WrapHyphen(FontRole::Strong, f.RowName(r), L.chart.w - 8 * s), 8, FontRole::Strong, L.chart.w - 8 * s);
    const std::string st = f.by_risk ? std::string() : f.StatusOf(r);  // by therapy: the status under the heading
    if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, L.chart.w - 8 * s), 2, FontRole::Small, L.chart.w - 8 * s);
    lab.box = Rect{L.chart.x, y, L.chart.w, (float)lab.lines.size() * f.lhT + (float)lab.sub.size() * f.lhS + 10 * s};
    y += lab.box.h;
    L.row_headers.push_back(lab);
    for (size_t c = 0; c < f.ncols; ++c) {
      if (f.at[r][c] < 0) continue;
      Cell& cell = L.cells[f.at[r][c]];
      cell.name_lines = CapLines(WrapHyphen(FontRole::Body, f.ColName(c), name_w), 8, FontRole::Body, name_w);
      const std::string st = f.by_risk ? f.StatusOf(c) : std::string();
      if (!st.empty()) cell.sub_lines = CapLines(WrapHyphen(FontRole::Small, st, name_w), 2, FontRole::Small, name_w);
      const float text_h = (float)cell.name_lines.size() * f.lhB + (float)cell.sub_lines.size() * f.lhS;
      const float stack_h = StackHeight(f.HasFigures(L, f.at[r][c]), s);
      cell.stacked = stacked;
      if (stacked) {
        const float h = std::max(44 * s, 7 * s + text_h + 6 * s + stack_h + 10 * s);
        cell.box = Rect{L.chart.x, y, L.chart.w, h};
        cell.mark = Rect{L.chart.x + 6 * s, y + 7 * s + text_h + 4 * s, std::min(right_w, L.chart.w - 12 * s), stack_h + 4 * s};
        y += h + 4 * s;
      } else {
        const float h = std::max(44 * s, std::max(text_h, stack_h) + 14 * s);
        cell.box = Rect{L.chart.x, y, L.chart.w, h};
        cell.mark = Rect{L.chart.x + L.chart.w - 8 * s - right_w, y + 4 * s, right_w, h - 8 * s};
        y += h + 4 * s;
      }
      L.order.push_back(f.at[r][c]);
    }
    y += 14 * s;
  }
  L.content_h = y - L.body.y;
}

// A phone at text scale 1.5 or 2 with a selection: above the sheet the list would show under two cards of the
// usual height (half of a tall one), neither usable. The sheet then takes the chart's whole region, under the view switch and over the
// list: the detail names the risk, the therapy, its status and the level (all the card says) and scrolls; its
// close button (or Escape) brings the list back, scrolled to the card. Where the disclaimer ends the list (no
// room to pin it), the sheet ends with it (DetailLayout).
void FullSheet(const Plan& f, Layout& L) {
  // Only on canvases under 300 design px wide (text scale 1.5+ on a phone, or zoomed): a 320 px phone at text scale 1
  // keeps the selected card above its sheet.
  if (!L.list || L.panel_side || L.cells.empty() || f.W / f.s >= 300) return;
  std::vector<float> hs;
  for (const auto& c : L.cells) hs.push_back(c.box.h);
  StableSortSmall(hs.begin(), hs.end(), [](float a, float b) { return a < b; });  // tens of cards
  const float room = L.panel.y - 8 * f.s - L.body.y;  // what of the list shows above the sheet
  if (room >= 2 * hs[hs.size() / 2] + 4 * f.s) return;  // two cards of the usual height
  L.panel = Rect{L.panel.x, L.chart.y, L.panel.w, L.panel.y + L.panel.h - L.chart.y};
  L.sheet_full = true;
}

}  // namespace

float RiskChartWidget::HeaderTextHeight(const Label& h, float s) {
  return (float)h.lines.size() * HeadLineH() + (h.sub.empty() ? 0 : 3 * s + TagH(h.sub.size(), s));
}

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
  // A list where a grid column could not hold the widest level word whole ("Desconocido" at text scale 2).
  float word_w = 0;
  for (int i = 0; i < 5; ++i) word_w = std::max(word_w, MeasureText(FontRole::Small, doc.String(LevelKey((Level)i))).x);
  L.list = f.col_w < std::max(64 * s, word_w + 12 * s + 0.5f);  // the word's room in a cell: col_w - 12 px
  // The figure badge ("|—•—| 11") beside the level mark where the column has room, so the cell is two lines.
  const float badge_w = 16 * s + 4 * s + MeasureText(FontRole::Small, "88").x;
  L.badge_beside = !L.list && f.col_w - 12 * s >= kMarkW * s + 6 * s + badge_w;

  f.top_bottom = PlaceLegend(f, L) + (L.legend.empty() ? 10 : 14) * s;  // less air under the switch alone
  PlaceRegions(f, L);
  LegendInPanel(f, L);
  IndexCells(f, L);
  if (!L.list) GridLayout(f, L);
  else ListLayout(f, L);
  FooterInBody(f, L);
  if (selected) FullSheet(f, L);
  // The list's sheet squeezed under 150 px (a zoomed phone or column at text scale 2): ask for the height that
  // gives it 150 (the loader grows the widget; PlaceRegions then gives the sheet exactly that).
  if (selected && L.list && !L.panel_side && L.panel.h < 150 * s - 0.5f)
    L.preferred_h = H + (150 * s - L.panel.h);
  if (selected && !L.panel_side) L.close = CloseButton::Place(L.panel, s);  // the sheet's
  return L;
}

}  // namespace scw
