// risk_chart.cpp — see risk_chart.h.
#include "risk_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <imgui.h>

#include "ui/input.h"
#include "ui/text_layout.h"

namespace scw {
namespace {
using content::Level;
constexpr float kAnimSeconds = 0.26f;
constexpr float kLineSpacing = 1.35f;
const char* kViewIds[2] = {"by-risk", "by-therapy"};

// Chart labels: UI strings of the document (built-in English otherwise).
std::string Local(const content::Document& d, const std::string& key) {
  static const std::map<std::string, const char*> keys = {{"ci95", "ci95Label"}, {"range", "rangeLabel"}, {"iqr", "iqrLabel"},
                                                          {"figures", "figuresHint"}, {"figureOne", "figureOne"},
                                                          {"figureMany", "figureMany"}};
  auto it = keys.find(key);
  return d.String(it == keys.end() ? key : it->second);
}

std::string FormatNumber(double v) { return DecimalText(v, 2); }  // "12", "0.35"

std::string WithUnit(const std::string& num, const std::string& unit) {
  if (unit.empty()) return num;
  if (unit == "%") return num + "%";
  return num + " " + unit;
}

std::string FigureValueText(const content::Document& d, const content::Figure& f) {
  std::string s = WithUnit(FormatNumber(f.value), f.unit);
  if (f.has_interval) {
    std::string kind;
    if (f.interval_kind == "ci95") kind = Local(d, "ci95") + " ";
    else if (f.interval_kind == "range") kind = Local(d, "range") + " ";
    else if (f.interval_kind == "iqr") kind = Local(d, "iqr") + " ";
    s += " (" + kind + WithUnit(FormatNumber(f.lo) + "–" + FormatNumber(f.hi), f.unit) + ")";
  }
  return s;
}

std::string FigureCount(const content::Document& d, size_t n) {
  if (n == 1) return Local(d, "figureOne");
  std::string s = Local(d, "figureMany");
  const size_t p = s.find("{n}");
  if (p != std::string::npos) s.replace(p, 3, std::to_string(n));
  return s;
}

int Filled(Level l) {
  switch (l) {
    case Level::Low: return 1;
    case Level::Moderate: return 2;
    case Level::High: return 3;
    default: return 0;
  }
}

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

float LineH(FontRole r) { return CurrentFonts().Size(r) * kLineSpacing; }

// The stack drawn for one cell: level mark, level word, and (when the data has figures) a figure badge.
constexpr float kMarkW = 34, kMarkH = 14, kBadgeH = 11;
float StackHeight(bool figures, float s) {
  return kMarkH * s + 2 * s + CurrentFonts().Size(FontRole::Small) + (figures ? 4 * s + kBadgeH * s : 0);
}

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, Color c, float thick, float dash, float gap) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  for (float t = 0; t < len; t += dash + gap) {
    const float e = std::min(len, t + dash);
    dl->AddLine(ImVec2(a.x + dx * t / len, a.y + dy * t / len), ImVec2(a.x + dx * e / len, a.y + dy * e / len), c, thick);
  }
}

// 0–3 filled pips, or a dashed box with "?" for unknown. Top-left at (x, y); kMarkW × kMarkH design px.
void DrawLevelMark(ImDrawList* dl, const Theme& th, Level l, float x, float y, float s) {
  if (l == Level::Unknown) {
    const float w = kMarkW * s, h = kMarkH * s, t = 1.3f * s, d = 3 * s, g = 2.5f * s;
    DashedLine(dl, ImVec2(x, y), ImVec2(x + w, y), th.text, t, d, g);
    DashedLine(dl, ImVec2(x, y + h), ImVec2(x + w, y + h), th.text, t, d, g);
    DashedLine(dl, ImVec2(x, y), ImVec2(x, y + h), th.text, t, d, g);
    DashedLine(dl, ImVec2(x + w, y), ImVec2(x + w, y + h), th.text, t, d, g);
    const ImVec2 q = MeasureText(FontRole::Strong, "?");
    DrawText(dl, FontRole::Strong, ImVec2(x + (w - q.x) / 2, y + (h - q.y) / 2), th.text, "?");
    return;
  }
  const int n = Filled(l);
  const float r = 4.6f * s, step = 12.4f * s;
  for (int i = 0; i < 3; ++i) {
    const ImVec2 c(x + 4.6f * s + 0.2f * s + i * step, y + kMarkH * s / 2);
    if (i < n) dl->AddCircleFilled(c, r, th.text, 20);
    else dl->AddCircle(c, r - 0.7f * s, th.text_muted, 20, 1.4f * s);
  }
}

// A small interval glyph (|—•—|) standing for "this cell has figures".
void DrawFigureGlyph(ImDrawList* dl, const Theme& th, float x, float cy, float s) {
  const float w = 16 * s;
  dl->AddLine(ImVec2(x, cy), ImVec2(x + w, cy), th.text, 1.4f * s);
  dl->AddLine(ImVec2(x, cy - 4 * s), ImVec2(x, cy + 4 * s), th.text, 1.4f * s);
  dl->AddLine(ImVec2(x + w, cy - 4 * s), ImVec2(x + w, cy + 4 * s), th.text, 1.4f * s);
  dl->AddCircleFilled(ImVec2(x + w * 0.45f, cy), 2.8f * s, th.text, 12);
}

Rect Lerp(const Rect& a, const Rect& b, float t) {
  return Rect{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t};
}
Rect Shift(Rect r, float dy) { r.y += dy; return r; }

const content::RiskLevel* LevelOf(const content::Document& d, const RiskChartWidget::Cell& c) {
  if (c.risk < 0 || c.risk >= (int)d.risks.size()) return nullptr;
  const auto& r = d.risks[c.risk];
  if (c.level_index < 0 || c.level_index >= (int)r.levels.size()) return nullptr;
  return &r.levels[c.level_index];
}

// `word` cut with an ellipsis to `width`, remembered per (word, width, font size): the chart draws it in every
// cell on every frame, and Ellipsize measures once per character dropped.
std::string FitWord(const std::string& word, float width) {
  static std::map<std::string, std::string> cache;
  const std::string key = word + '\x01' + std::to_string((int)width) + '\x01' + std::to_string((int)(CurrentFonts().Size(FontRole::Small) * 8));
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() > 64) cache.clear();
  size_t n = std::min<size_t>(word.size(), 80);  // no cell shows more than this: measure no more
  while (n < word.size() && n > 0 && ((unsigned char)word[n] & 0xC0) == 0x80) --n;
  return cache[key] = Ellipsize(FontRole::Small, n < word.size() ? word.substr(0, n) + "…" : word, width);
}

std::string LevelKey(Level l) {
  switch (l) {
    case Level::None: return "levelNone";
    case Level::Low: return "levelLow";
    case Level::Moderate: return "levelModerate";
    case Level::High: return "levelHigh";
    default: return "levelUnknown";
  }
}

std::vector<std::string> CellSources(const content::Risk& r, const content::RiskLevel& lv) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& s : lv.sources) add(s);
  for (const auto& f : lv.figures) add(f.source);
  for (const auto& s : r.sources) add(s);
  return ids;
}
}  // namespace

Color RiskChartWidget::CellFill(const Theme& th, Level l) {
  const Color hue = th.series[1];
  switch (l) {
    case Level::Low: return Mix(th.surface, hue, 0.12f);
    case Level::Moderate: return Mix(th.surface, hue, 0.24f);
    case Level::High: return Mix(th.surface, hue, 0.36f);
    default: return th.surface;
  }
}

std::string RiskChartWidget::LevelWord(Level l) const { return doc_.String(LevelKey(l)); }

RiskChartWidget::Layout RiskChartWidget::ComputeLayout(const content::Document& doc, View view, bool selected,
                                                       float W, float H, float s) {
  Layout L;
  L.scale = s;
  const float dw = W / s;
  const float pad = (dw < 480 ? 12 : 20) * s;
  const float lhS = LineH(FontRole::Small), lhB = LineH(FontRole::Body), lhT = LineH(FontRole::Strong);
  const size_t nr = doc.risks.size(), nt = doc.therapies.size();
  const bool by_risk = view == View::ByRisk;
  const size_t nrows = by_risk ? nr : nt, ncols = by_risk ? nt : nr;

  // The view switch.
  const std::string seg_text[2] = {doc.String("byRisk"), doc.String("byTherapy")};
  float segw = std::max(MeasureText(FontRole::Strong, seg_text[0]).x, MeasureText(FontRole::Strong, seg_text[1]).x) + 36 * s;
  if (2 * segw > W - 2 * pad) segw = (W - 2 * pad) / 2;
  const float segh = 36 * s;
  L.seg[0] = Rect{pad, pad, segw, segh};
  L.seg[1] = Rect{pad + segw, pad, segw, segh};

  L.panel_side = dw >= 760;
  const float gap = 20 * s;
  const float panel_w = std::min(std::max(W * 0.3f, 280 * s), 440 * s);
  const float chart_w = L.panel_side ? W - 2 * pad - gap - panel_w : W - 2 * pad;
  const float row_head_w = std::min(std::max(chart_w * 0.22f, 110 * s), 210 * s);
  const float col_w = ncols ? (chart_w - row_head_w) / (float)ncols : chart_w;
  L.list = col_w < 64 * s;

  // Legend (grid only; the list spells every level out next to its mark): beside the switch, else below it.
  float top_bottom = L.seg[0].y + segh;
  if (!L.list) {
    std::vector<Layout::LegendItem> items;
    const Level lv[5] = {Level::None, Level::Low, Level::Moderate, Level::High, Level::Unknown};
    for (int i = 0; i < 5; ++i) items.push_back({Rect{}, i, doc.String(LevelKey(lv[i]))});
    items.push_back({Rect{}, 5, Local(doc, "figures")});
    const float ih = kMarkH * s + 4 * s, igap = 16 * s;
    for (auto& it : items) it.box.w = (it.level == 5 ? 16 * s : kMarkW * s) + 6 * s + MeasureText(FontRole::Small, it.text).x, it.box.h = ih;
    float total = 0;
    for (auto& it : items) total += it.box.w + igap;
    float x = L.seg[1].x + segw + 28 * s, y = L.seg[0].y + (segh - ih) / 2;
    int lines = 1;
    if (x + total - igap > W - pad) { x = pad; y = L.seg[0].y + segh + 10 * s; }
    const float x0 = x;
    for (auto& it : items) {
      if (x + it.box.w > W - pad && x > x0) { x = x0; y += ih + 6 * s; ++lines; }
      it.box.x = x; it.box.y = y;
      x += it.box.w + igap;
    }
    // A short narrow column (a blog's content column at the height the loader picks) keeps its rows for the
    // chart: the legend goes only where it fits beside the switch (every cell spells its level out anyway).
    const bool short_narrow = !L.panel_side && H / s < 520 && lines + (y > L.seg[0].y + segh ? 1 : 0) > 1;
    if (lines <= 2 && items.back().box.x + items.back().box.w <= W - pad && !short_narrow) {
      L.legend = items;
      for (auto& it : items) top_bottom = std::max(top_bottom, it.box.y + it.box.h);
    }
  }
  top_bottom += 14 * s;

  // Footer: the disclaimer, always visible.
  L.footer_lines = WrapLines(FontRole::Small, doc.String("disclaimer"), W - 2 * pad);
  const float footer_h = (float)L.footer_lines.size() * lhS;
  L.footer = Rect{pad, H - 10 * s - footer_h, W - 2 * pad, footer_h};
  const float bottom = L.footer.y - 10 * s;
  const float region_h = std::max(0.0f, bottom - top_bottom);

  if (L.panel_side) {
    L.chart = Rect{pad, top_bottom, chart_w, region_h};
    L.panel = Rect{pad + chart_w + gap, top_bottom, panel_w, region_h};
  } else {
    const float hint_h = WrappedHeight(FontRole::Body, doc.String("selectHint"), W - 2 * pad - 28 * s) + 20 * s;
    L.chart = Rect{pad, top_bottom, chart_w, std::max(0.0f, region_h - hint_h - 8 * s)};
    const float ph = selected ? std::max(hint_h, std::floor(region_h * 0.6f)) : hint_h;
    L.panel = Rect{pad, bottom - ph, W - 2 * pad, ph};
  }

  // Which cell sits at (row, col) of this view.
  std::vector<std::vector<int>> at(nrows, std::vector<int>(ncols, -1));
  for (size_t ri = 0; ri < nr; ++ri) {
    const auto& r = doc.risks[ri];
    for (size_t li = 0; li < r.levels.size(); ++li) {
      int ti = -1;
      for (size_t k = 0; k < nt; ++k)
        if (doc.therapies[k].id == r.levels[li].therapy) ti = (int)k;
      if (ti < 0) continue;
      const size_t row = by_risk ? ri : (size_t)ti, col = by_risk ? (size_t)ti : ri;
      if (at[row][col] >= 0) continue;  // one cell per (risk, therapy), found in O(1): 60×40 cells drew in 280 ms
      Cell c;
      c.id = r.id + "/" + doc.therapies[ti].id;
      c.risk = (int)ri;
      c.therapy = ti;
      c.level_index = (int)li;
      L.cells.push_back(c);
      at[row][col] = (int)L.cells.size() - 1;
    }
  }
  auto row_name = [&](size_t i) { return by_risk ? doc.risks[i].name : doc.therapies[i].name; };
  auto col_name = [&](size_t i) { return by_risk ? doc.therapies[i].name : doc.risks[i].name; };
  // A therapy's status label ("Experimental"), or "" where the document gives none.
  auto status_of = [&](size_t therapy) {
    const std::string& st = doc.therapies[therapy].status;
    return st.empty() ? std::string() : doc.String("status_" + st);
  };
  auto has_fig = [&](int ci) { return ci >= 0 && !doc.risks[L.cells[ci].risk].levels[L.cells[ci].level_index].figures.empty(); };

  if (!L.list) {
    const bool short_column = !L.panel_side && H / s < 520;  // a blog column at the loader's height: rows first
    float head_h = 0;
    for (size_t c = 0; c < ncols; ++c) {
      Label lab;
      lab.lines = CapLines(WrapHyphen(FontRole::Small, col_name(c), col_w - 10 * s), short_column ? 3 : 5, FontRole::Small, col_w - 10 * s);
      // (Not in a short narrow column: its few rows come first there; the detail panel gives the status.)
      const std::string st = by_risk && !short_column ? status_of(c) : std::string();
      if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, col_w - 10 * s), 2, FontRole::Small, col_w - 10 * s);
      head_h = std::max(head_h, (float)(lab.lines.size() + lab.sub.size()) * lhS + 14 * s);
      L.col_headers.push_back(lab);
    }
    for (size_t c = 0; c < ncols; ++c)
      L.col_headers[c].box = Rect{L.chart.x + row_head_w + c * col_w, L.chart.y, col_w, head_h};
    L.body = Rect{L.chart.x, L.chart.y + head_h, L.chart.w, std::max(0.0f, L.chart.h - head_h)};
    std::vector<float> rh(nrows);
    float total = 0;
    for (size_t r = 0; r < nrows; ++r) {
      Label lab;
      lab.lines = CapLines(WrapHyphen(FontRole::Body, row_name(r), row_head_w - 16 * s), 4, FontRole::Body, row_head_w - 16 * s);
      const std::string st = by_risk || short_column ? std::string() : status_of(r);
      if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, row_head_w - 16 * s), 2, FontRole::Small, row_head_w - 16 * s);
      bool fig = false;
      for (size_t c = 0; c < ncols; ++c) fig |= has_fig(at[r][c]);
      rh[r] = std::max((float)lab.lines.size() * lhB + (float)lab.sub.size() * lhS, StackHeight(fig, s));
      total += rh[r];
      L.row_headers.push_back(lab);
    }
    // Each row gets 12 px of air; where the whole grid would not fit (eight risks at 1280 × 720), the header's
    // air and then the rows' (down to 4 px) shrink before the grid scrolls. A row is never lower than a 40 px
    // touch target, and text keeps its size.
    auto rows_h = [&](float pad) {
      float t = 0;
      for (float h : rh) t += std::max(h + pad, 40 * s);
      return t;
    };
    float row_pad = 12 * s;
    if (nrows && rows_h(row_pad) > L.body.h && (L.panel_side || H / s >= 520)) {
      const float trim = std::min(8 * s, rows_h(row_pad) - L.body.h);
      head_h -= trim;
      for (auto& hd : L.col_headers) hd.box.h = head_h;
      L.body = Rect{L.chart.x, L.chart.y + head_h, L.chart.w, std::max(0.0f, L.chart.h - head_h)};
      float lo = 4 * s, hi = 12 * s;  // the largest air that fits, or 4 px
      for (int k = 0; k < 24; ++k) {
        const float mid = (lo + hi) / 2;
        (rows_h(mid) <= L.body.h ? lo : hi) = mid;
      }
      row_pad = lo;
    }
    total = 0;
    for (auto& h : rh) total += (h = std::max(h + row_pad, 40 * s));
    // Rows stretch to fill a roomy chart, except under a narrow column's detail sheet (the grid then keeps its
    // natural height, so the detail fits below it).
    if (nrows && total < L.body.h && (L.panel_side || !selected)) {
      const float extra = std::min((L.body.h - total) / (float)nrows, 22 * s);
      for (auto& h : rh) h += extra;
    }
    float y = L.body.y;
    for (size_t r = 0; r < nrows; ++r) {
      L.row_headers[r].box = Rect{L.chart.x, y, row_head_w, rh[r]};
      for (size_t c = 0; c < ncols; ++c) {
        const Rect box{L.chart.x + row_head_w + c * col_w, y, col_w, rh[r]};
        if (at[r][c] < 0) { L.empty_cells.push_back(box); continue; }
        Cell& cell = L.cells[at[r][c]];
        cell.box = box;
        cell.mark = Rect{box.x + 4 * s, box.y + 4 * s, box.w - 8 * s, box.h - 8 * s};
        L.order.push_back(at[r][c]);
      }
      y += rh[r];
    }
    L.content_h = y - L.body.y;
    // Narrow column, a cell selected: the detail sheet comes up from the bottom, but never squeezes the grid to a
    // sliver: the grid keeps its header and at least about half the room (all of it if it is that short). Where
    // the page lets the widget grow, preferred_h asks for the height that puts the detail below the whole grid.
    if (!L.panel_side && selected) {
      const float region_h = bottom - top_bottom;
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
      L.panel = Rect{pad, bottom - ph, W - 2 * pad, ph};
      L.preferred_h = H + std::max(0.0f, want_chart + 8 * s + want_panel - region_h);
      // Grown past the short-column height, the legend and full headers come back: ask for the height that
      // layout needs (it is stable there: the loader does not keep growing the widget).
      if (H / s < 520 && L.preferred_h / s >= 520)
        L.preferred_h = ComputeLayout(doc, view, selected, W, L.preferred_h, s).preferred_h;
    }
  } else {
    L.body = L.chart;
    float word_w = 0;
    for (int i = 0; i < 5; ++i) word_w = std::max(word_w, MeasureText(FontRole::Small, doc.String(LevelKey((Level)i))).x);
    size_t most = 0;  // the widest figure badge ("11 figures": the list spells it out, it has no legend)
    for (const auto& c : L.cells) most = std::max(most, doc.risks[c.risk].levels[c.level_index].figures.size());
    const float badge_w = most ? 16 * s + 4 * s + MeasureText(FontRole::Small, FigureCount(doc, most)).x : 0;
    const float right_w = std::max({kMarkW * s, word_w, badge_w}) + 8 * s;
    const float name_w = std::max(40 * s, L.chart.w - 12 * s - right_w - 12 * s - 8 * s);
    float y = L.body.y;
    for (size_t r = 0; r < nrows; ++r) {
      Label lab;
      lab.lines = CapLines(WrapHyphen(FontRole::Strong, row_name(r), L.chart.w - 8 * s), 3, FontRole::Strong, L.chart.w - 8 * s);
      const std::string st = by_risk ? std::string() : status_of(r);  // by therapy: the status under the heading
      if (!st.empty()) lab.sub = CapLines(WrapHyphen(FontRole::Small, st, L.chart.w - 8 * s), 2, FontRole::Small, L.chart.w - 8 * s);
      lab.box = Rect{L.chart.x, y, L.chart.w, (float)lab.lines.size() * lhT + (float)lab.sub.size() * lhS + 10 * s};
      y += lab.box.h;
      L.row_headers.push_back(lab);
      for (size_t c = 0; c < ncols; ++c) {
        if (at[r][c] < 0) continue;
        Cell& cell = L.cells[at[r][c]];
        cell.name_lines = CapLines(WrapHyphen(FontRole::Body, col_name(c), name_w), 3, FontRole::Body, name_w);
        const std::string st = by_risk ? status_of(c) : std::string();
        if (!st.empty()) cell.sub_lines = CapLines(WrapHyphen(FontRole::Small, st, name_w), 2, FontRole::Small, name_w);
        const float text_h = (float)cell.name_lines.size() * lhB + (float)cell.sub_lines.size() * lhS;
        const float h = std::max(44 * s, std::max(text_h, StackHeight(has_fig(at[r][c]), s)) + 14 * s);
        cell.box = Rect{L.chart.x, y, L.chart.w, h};
        cell.mark = Rect{L.chart.x + L.chart.w - 8 * s - right_w, y + 4 * s, right_w, h - 8 * s};
        L.order.push_back(at[r][c]);
        y += h + 4 * s;
      }
      y += 14 * s;
    }
    L.content_h = y - L.body.y;
  }
  return L;
}

void RiskChartWidget::OnContent() {
  anim_t_ = -1;
  anim_from_.clear();
  chart_scroll_ = 0;
  panel_.Reset();
  panel_for_.clear();
  // Keep the selection when the new content still has that cell (Frame drops it otherwise via ItemNav).
  announcement_.clear();
}

void RiskChartWidget::SetView(View v, bool reduced_motion) {
  if (v == view_) return;
  anim_from_.clear();
  for (const auto& c : layout_.cells) anim_from_.push_back(c.box);
  view_ = v;
  anim_t_ = reduced_motion ? -1.0f : 0.0f;
  chart_scroll_ = 0;
  const std::string& keep = !nav_.selected().empty() ? nav_.selected() : nav_.cursor_id();
  if (keep.find('/') != std::string::npos) pending_visible_ = keep;
  announcement_ = doc_.String(v == View::ByRisk ? "byRisk" : "byTherapy");
  MarkChanged();
}

void RiskChartWidget::EnsureVisible(const std::string& id) {
  const float s = layout_.scale;
  for (const auto& c : layout_.cells) {
    if (c.id != id) continue;
    const Rect& vb = visible_body_;
    float top = c.box.y, bottom = c.box.y + c.box.h;
    if (layout_.list) {  // show the block's heading too when the cell is its first line
      for (const auto& h : layout_.row_headers)
        if (std::fabs(h.box.y + h.box.h - c.box.y) < 1) top = h.box.y;
    }
    if (top - chart_scroll_ < vb.y) chart_scroll_ = top - vb.y;
    else if (bottom - chart_scroll_ > vb.y + vb.h) chart_scroll_ = std::min(top - vb.y, bottom - vb.y - vb.h + 4 * s);
  }
  const float max_off = std::max(0.0f, layout_.content_h - visible_body_.h);
  chart_scroll_ = std::max(0.0f, std::min(chart_scroll_, max_off));
}

bool RiskChartWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Up: case Key::Down: case Key::Home: case Key::End:
    case Key::Enter: case Key::Space:
      return true;
    case Key::Escape: return !nav_.selected().empty();
    case Key::PageUp: case Key::PageDown:
      return (!nav_.selected().empty() && panel_.CanScroll()) || chart_can_scroll_;
    default: return false;
  }
}

void RiskChartWidget::Frame(const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), th.background);
  last_px_ = ctx.px;
  if (!loaded_) return;
  const float s = ctx.scale;
  const InputState& io = *ctx.input;

  auto relayout = [&] {
    layout_ = ComputeLayout(doc_, view_, !nav_.selected().empty(), ctx.width, ctx.height, s);
    visible_body_ = layout_.body;
    if (!layout_.panel_side && !nav_.selected().empty())
      visible_body_.h = std::max(0.0f, std::min(visible_body_.h, layout_.panel.y - 8 * s - visible_body_.y));
    chart_can_scroll_ = layout_.content_h > visible_body_.h + 0.5f;
    const float max_off = std::max(0.0f, layout_.content_h - visible_body_.h);
    chart_scroll_ = std::max(0.0f, std::min(chart_scroll_, max_off));
  };
  relayout();

  // ---- input: scrolling the chart (wheel over it, drag, PageUp/PageDown when the panel does not take them)
  const Rect& vb0 = visible_body_;
  const bool over = vb0.Contains(io.pos.x, io.pos.y);
  if (over && chart_can_scroll_ && io.wheel != 0) chart_scroll_ -= io.wheel * 48 * s;
  if (io.clicked && over && chart_can_scroll_) {
    chart_dragging_ = true;
    drag_y_ = io.pos.y;
    drag_off_ = chart_scroll_;
  }
  if (chart_dragging_) {
    if (io.down) chart_scroll_ = drag_off_ - (io.pos.y - drag_y_);
    else chart_dragging_ = false;
  }
  const bool panel_keys = !nav_.selected().empty() && panel_.CanScroll();
  if (ctx.focused && chart_can_scroll_ && !panel_keys) {
    if (KeyPressed(Key::PageDown)) chart_scroll_ += vb0.h * 0.8f;
    if (KeyPressed(Key::PageUp)) chart_scroll_ -= vb0.h * 0.8f;
  }
  chart_scroll_ = std::max(0.0f, std::min(chart_scroll_, std::max(0.0f, layout_.content_h - vb0.h)));
  chart_wants_wheel_ = over && chart_can_scroll_;

  // ---- input: taps and keys
  std::vector<NavItem> items;
  items.push_back({std::string("view:") + kViewIds[0], layout_.seg[0]});
  items.push_back({std::string("view:") + kViewIds[1], layout_.seg[1]});
  for (int ci : layout_.order) items.push_back({layout_.cells[ci].id, Shift(layout_.cells[ci].box, -chart_scroll_)});

  const std::string before = nav_.selected();
  const View view_before = view_;
  ImVec2 tap;
  if (Tapped(s, &tap)) {
    bool handled = false;
    for (int i = 0; i < 2 && !handled; ++i)
      if (layout_.seg[i].Contains(tap.x, tap.y)) {
        nav_.SetCursor(items[i].id);
        SetView((View)i, ctx.reduced_motion);
        handled = true;
      }
    if (!handled && !nav_.selected().empty() && layout_.panel.Contains(tap.x, tap.y)) {
      const Rect close{layout_.panel.x + layout_.panel.w - 48 * s, layout_.panel.y + 6 * s, 34 * s, 34 * s};
      if (close.Contains(tap.x, tap.y)) nav_.Clear();
      handled = true;  // taps in the panel never reach cells hidden under it
    }
    if (!handled && vb0.Contains(tap.x, tap.y)) {
      for (size_t i = 2; i < items.size(); ++i) {
        if (!items[i].box.Contains(tap.x, tap.y)) continue;
        if (nav_.selected() == items[i].id) nav_.Clear();
        else nav_.Select(items[i].id);
        nav_.SetCursor(items[i].id);
        break;
      }
    }
  }
  // Keys. Arrows move spatially in the grid; in the list (one column) Left/Right step through the reading order.
  bool cursor_moved = false;
  if (ctx.focused && !items.empty()) {
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
    if (KeyPressed(Key::Escape) && !nav_.selected().empty()) nav_.Clear();
  }
  if (cursor_moved && nav_.cursor_id().find('/') != std::string::npos) pending_visible_ = nav_.cursor_id();
  const bool sel_changed = nav_.selected() != before;
  if (sel_changed) {
    MarkChanged();
    panel_.Reset();
    if (nav_.selected().empty()) {
      announcement_ = doc_.String("selectHint");
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
  if (sel_changed || view_ != view_before) relayout();
  if (!pending_visible_.empty()) {
    EnsureVisible(pending_visible_);
    pending_visible_.clear();
  }

  if (anim_t_ >= 0) {
    anim_t_ += ctx.dt / kAnimSeconds;
    if (anim_t_ >= 1 || ctx.reduced_motion || anim_from_.size() != layout_.cells.size()) anim_t_ = -1;
  }
  const float rest = 1 - anim_t_;
  const float e = anim_t_ >= 0 ? 1 - rest * rest * rest : 1.0f;   // ease-out cubic
  const float fade = anim_t_ >= 0 ? std::min(1.0f, anim_t_ * 1.6f) : 1.0f;

  // ---- draw: the view switch
  const Layout& L = layout_;
  const Rect segall{L.seg[0].x, L.seg[0].y, L.seg[0].w * 2, L.seg[0].h};
  dl->AddRectFilled(segall.Min(), segall.Max(), th.surface, 8 * s);
  dl->AddRect(segall.Min(), segall.Max(), th.border, 8 * s, 0, 1.2f * s);
  for (int i = 0; i < 2; ++i) {
    const Rect& r = L.seg[i];
    const bool on = (int)view_ == i;
    if (on) dl->AddRectFilled(ImVec2(r.x + 3 * s, r.y + 3 * s), ImVec2(r.x + r.w - 3 * s, r.y + r.h - 3 * s), th.accent, 6 * s);
    const std::string t = Ellipsize(FontRole::Strong, doc_.String(i == 0 ? "byRisk" : "byTherapy"), r.w - 12 * s);
    const ImVec2 ts = MeasureText(FontRole::Strong, t);
    DrawText(dl, FontRole::Strong, ImVec2(r.x + (r.w - ts.x) / 2, r.y + (r.h - ts.y) / 2), on ? th.accent_text : th.text, t);
    if (ctx.focus_visible && nav_.cursor_id() == items[i].id) DrawFocusRing(dl, r, 6 * s, th, s);
  }
  // ---- legend
  for (const auto& it : L.legend) {
    const float cy = it.box.y + it.box.h / 2;
    float tx;
    if (it.level == 5) {
      DrawFigureGlyph(dl, th, it.box.x, cy, s);
      tx = it.box.x + 16 * s + 6 * s;
    } else {
      DrawLevelMark(dl, th, (Level)it.level, it.box.x, cy - kMarkH * s / 2, s);
      tx = it.box.x + kMarkW * s + 6 * s;
    }
    const ImVec2 ts = MeasureText(FontRole::Small, it.text);
    DrawText(dl, FontRole::Small, ImVec2(tx, cy - ts.y / 2), th.text, it.text);
  }

  // ---- the chart
  const Rect& vb = visible_body_;
  const float off = -chart_scroll_;
  const std::string& selid = nav_.selected();
  int sel_cell = -1;
  for (int i = 0; i < (int)L.cells.size(); ++i)
    if (L.cells[i].id == selid) sel_cell = i;
  auto header_row_of = [&](const Cell& c) { return view_ == View::ByRisk ? c.risk : c.therapy; };
  auto header_col_of = [&](const Cell& c) { return view_ == View::ByRisk ? c.therapy : c.risk; };
  const Color text_fade = WithAlpha(th.text, fade);

  if (!L.list) {
    for (size_t c = 0; c < L.col_headers.size(); ++c) {
      const Label& h = L.col_headers[c];
      const bool hl = sel_cell >= 0 && header_col_of(L.cells[sel_cell]) == (int)c;
      if (hl) dl->AddRectFilled(ImVec2(h.box.x + 2 * s, h.box.y), ImVec2(h.box.x + h.box.w - 2 * s, h.box.y + h.box.h - 2 * s), th.surface_alt, 6 * s);
      float y = h.box.y + h.box.h - 7 * s - (float)(h.lines.size() + h.sub.size()) * LineH(FontRole::Small);
      for (size_t k = 0; k < h.lines.size() + h.sub.size(); ++k) {
        const bool sub = k >= h.lines.size();
        const std::string& line = sub ? h.sub[k - h.lines.size()] : h.lines[k];
        const ImVec2 ts = MeasureText(FontRole::Small, line);
        DrawText(dl, FontRole::Small, ImVec2(h.box.x + (h.box.w - ts.x) / 2, y + (LineH(FontRole::Small) - ts.y) / 2),
                 sub ? WithAlpha(th.text_muted, fade) : text_fade, line);
        y += LineH(FontRole::Small);
      }
    }
    dl->AddLine(ImVec2(L.chart.x, L.body.y - 0.5f * s), ImVec2(L.chart.x + L.chart.w, L.body.y - 0.5f * s), th.border, 1 * s);
  }
  dl->PushClipRect(vb.Min(), vb.Max(), true);
  for (size_t r = 0; r < L.row_headers.size(); ++r) {
    const Label& h = L.row_headers[r];
    const Rect b = Shift(h.box, off);
    if (b.y > vb.y + vb.h || b.y + b.h < vb.y) continue;
    const bool hl = !L.list && sel_cell >= 0 && header_row_of(L.cells[sel_cell]) == (int)r;
    if (hl) dl->AddRectFilled(ImVec2(b.x, b.y + 2 * s), ImVec2(b.x + b.w - 4 * s, b.y + b.h - 2 * s), th.surface_alt, 6 * s);
    const FontRole role = L.list ? FontRole::Strong : FontRole::Body;
    const float lh = LineH(role);
    float y = L.list ? b.y + 4 * s : b.y + (b.h - (float)h.lines.size() * lh - (float)h.sub.size() * LineH(FontRole::Small)) / 2;
    for (const auto& line : h.lines) {
      DrawText(dl, role, ImVec2(b.x + (L.list ? 2 * s : 8 * s), y + (lh - CurrentFonts().Size(role)) / 2), text_fade, line);
      y += lh;
    }
    for (const auto& line : h.sub) {  // the therapy's status, under its name (by therapy)
      DrawText(dl, FontRole::Small, ImVec2(b.x + (L.list ? 2 * s : 8 * s), y + (LineH(FontRole::Small) - CurrentFonts().Size(FontRole::Small)) / 2),
               WithAlpha(th.text_muted, fade), line);
      y += LineH(FontRole::Small);
    }
  }
  for (const auto& r0 : L.empty_cells) {
    const Rect r = Shift(r0, off);
    const ImVec2 ts = MeasureText(FontRole::Body, "–");
    DrawText(dl, FontRole::Body, ImVec2(r.x + (r.w - ts.x) / 2, r.y + (r.h - ts.y) / 2), th.text_muted, "–");
  }
  for (int i = 0; i < (int)L.cells.size(); ++i) {
    const Cell& c = L.cells[i];
    const Rect to = c.box;
    const Rect box = Shift(anim_t_ >= 0 && i < (int)anim_from_.size() ? Lerp(anim_from_[i], to, e) : to, off);
    if (box.y > vb.y + vb.h || box.y + box.h < vb.y) continue;
    const Rect mark = Rect{box.x + (c.mark.x - to.x) * (box.w / std::max(1.0f, to.w)), box.y + (c.mark.y - to.y), c.mark.w * (box.w / std::max(1.0f, to.w)), c.mark.h};
    const auto* lv = LevelOf(doc_, c);
    if (!lv) continue;
    const Rect card{box.x + 2 * s, box.y + 2 * s, box.w - 4 * s, box.h - 4 * s};
    const Color fill = CellFill(th, lv->level);
    dl->AddRectFilled(card.Min(), card.Max(), fill, 6 * s);
    if (lv->level == Level::Unknown) {  // hatched: "we do not know", never a value
      const Rect hz = L.list ? Rect{mark.x, card.y, card.x + card.w - mark.x, card.h} : card;  // never under a name
      dl->PushClipRect(hz.Min(), hz.Max(), true);
      const Color hatch = WithAlpha(th.border, 0.75f);
      for (float k = -card.h; k < card.w; k += 9 * s)
        dl->AddLine(ImVec2(card.x + k, card.y + card.h), ImVec2(card.x + k + card.h, card.y), hatch, 1 * s);
      dl->PopClipRect();
    }
    dl->AddRect(card.Min(), card.Max(), th.border, 6 * s, 0, 1 * s);
    if (L.list) {
      const float lh = LineH(FontRole::Body);
      const float lhs = LineH(FontRole::Small);
      float y = card.y + (card.h - (float)c.name_lines.size() * lh - (float)c.sub_lines.size() * lhs) / 2;
      for (const auto& line : c.name_lines) {
        DrawText(dl, FontRole::Body, ImVec2(card.x + 10 * s, y + (lh - CurrentFonts().Size(FontRole::Body)) / 2), th.text, line);
        y += lh;
      }
      for (const auto& line : c.sub_lines) {  // full text colour: the muted one is too faint on a "high" fill
        DrawText(dl, FontRole::Small, ImVec2(card.x + 10 * s, y + (lhs - CurrentFonts().Size(FontRole::Small)) / 2), th.text, line);
        y += lhs;
      }
    }
    // The stack: mark, word, figure badge, centred in `mark`; on a plate so hatching never crosses the text.
    const bool fig = !lv->figures.empty();
    const float sh = StackHeight(fig, s);
    const float cx = mark.x + mark.w / 2;
    float y = mark.y + (mark.h - sh) / 2;
    // The level word stays inside its cell: a long label (a translation, say) is cut with an ellipsis here; the
    // detail panel and the HTML copy give it in full.
    const std::string word = FitWord(LevelWord(lv->level), std::max(1.0f, mark.w - 4 * s));
    const ImVec2 ws = MeasureText(FontRole::Small, word);
    const std::string count = L.list ? FigureCount(doc_, lv->figures.size()) : std::to_string(lv->figures.size());
    const ImVec2 cs = MeasureText(FontRole::Small, count);
    if (lv->level == Level::Unknown) {
      const float pw = std::max(kMarkW * s, ws.x) + 10 * s;
      dl->AddRectFilled(ImVec2(cx - pw / 2, y - 3 * s), ImVec2(cx + pw / 2, y + sh + 3 * s), fill, 4 * s);
    }
    DrawLevelMark(dl, th, lv->level, cx - kMarkW * s / 2, y, s);
    y += kMarkH * s + 2 * s;
    DrawText(dl, FontRole::Small, ImVec2(cx - ws.x / 2, y), th.text, word);
    y += CurrentFonts().Size(FontRole::Small) + 4 * s;
    if (fig) {
      const float bw = 16 * s + 4 * s + cs.x;
      DrawFigureGlyph(dl, th, cx - bw / 2, y + kBadgeH * s / 2, s);
      DrawText(dl, FontRole::Small, ImVec2(cx - bw / 2 + 20 * s, y + (kBadgeH * s - cs.y) / 2), th.text, count);
    }
    if (i == sel_cell) dl->AddRect(ImVec2(card.x - 1 * s, card.y - 1 * s), ImVec2(card.x + card.w + 1 * s, card.y + card.h + 1 * s), th.accent, 7 * s, 0, 3 * s);
    if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, card, 6 * s, th, s);
  }
  dl->PopClipRect();
  if (chart_can_scroll_) {  // where we are in the chart
    const float track = vb.h, max_off = layout_.content_h - vb.h;
    const float thumb = std::max(24 * s, track * vb.h / layout_.content_h);
    const float ty = vb.y + (track - thumb) * (max_off > 0 ? chart_scroll_ / max_off : 0);
    const float tx = vb.x + vb.w + (L.list ? 2 * s : 4 * s);
    dl->AddRectFilled(ImVec2(tx, ty), ImVec2(tx + 3 * s, ty + thumb), th.text_muted, 2 * s);
  }

  // ---- detail panel
  if (sel_cell >= 0) {
    DrawDetail(dl, ctx, L.cells[sel_cell]);
  } else {
    const Rect& p = L.panel;
    dl->AddRectFilled(p.Min(), p.Max(), th.surface, 10 * s);
    const float ip = 14 * s;
    DrawWrapped(dl, FontRole::Body, ImVec2(p.x + ip, p.y + 10 * s), th.text_muted, doc_.String("selectHint"), p.w - 2 * ip, p.y, p.y + p.h);
    panel_.Update(Rect{p.x, p.y, p.w, p.h}, 0, s, false);
  }

  // ---- footer: the disclaimer, always visible
  float fy = L.footer.y;
  for (const auto& line : L.footer_lines) {
    DrawText(dl, FontRole::Small, ImVec2(L.footer.x, fy + (LineH(FontRole::Small) - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, line);
    fy += LineH(FontRole::Small);
  }
}

void RiskChartWidget::DrawDetail(ImDrawList* dl, const FrameContext& ctx, const Cell& cell) {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  const Layout& L = layout_;
  const Rect& p = L.panel;
  const content::Risk& risk = doc_.risks[cell.risk];
  const content::Therapy& therapy = doc_.therapies[cell.therapy];
  const content::RiskLevel* lv = LevelOf(doc_, cell);
  if (!lv) return;

  dl->AddRectFilled(p.Min(), p.Max(), th.surface, 10 * s);
  dl->AddRect(p.Min(), p.Max(), th.border, 10 * s, 0, 1 * s);

  const float ip = (L.panel_side ? 18 : 14) * s;
  const Rect view{p.x + ip, p.y + ip * 0.8f, p.w - 2 * ip, p.h - ip * 1.6f};
  const float w = view.w - 12 * s;
  const float close_w = L.panel_side ? 0 : 44 * s;

  enum Kind { Text, LevelRow, Interval, Rule };
  struct Item { Kind kind; FontRole role; std::string text; Color color; float before; const content::Figure* fig; float width; };
  std::vector<Item> items;
  auto text = [&](FontRole r, const std::string& t, Color c, float before, float width = 0) {
    if (!t.empty()) items.push_back({Text, r, t, c, before, nullptr, width > 0 ? width : w});
  };
  text(FontRole::Title, risk.name, th.text, 0, w - close_w);
  text(FontRole::Strong, therapy.name, th.text_muted, 2, w - close_w);
  text(FontRole::Small, TherapyStatusText(doc_, therapy), th.text_muted, 2, w - close_w);
  items.push_back({LevelRow, FontRole::Strong, LevelWord(lv->level), th.text, 10, nullptr, w});
  text(FontRole::Body, lv->note, th.text, 8);
  for (const auto& f : lv->figures) {
    items.push_back({Rule, FontRole::Small, "", th.border, 16, nullptr, w});
    text(FontRole::Strong, f.label, th.text, 10);
    text(FontRole::Body, FigureValueText(doc_, f), th.text, 2);
    if (f.has_interval && f.hi > f.lo) items.push_back({Interval, FontRole::Small, "", th.text, 6, &f, w});
    std::string pop = doc_.String("population") + ": " + f.population;
    if (f.year > 0) pop += " · " + std::to_string(f.year);
    text(FontRole::Small, pop, th.text_muted, 4);
    if (const auto* src = doc_.FindSource(f.source)) text(FontRole::Small, doc_.String("source") + ": " + src->citation, th.text_muted, 2);
  }
  auto section = [&](const char* key, const std::string& body) {
    if (body.empty()) return;
    text(FontRole::Strong, doc_.String(key), th.text, 16);
    text(FontRole::Body, body, th.text, 3);
  };
  section("whatItIs", risk.what.empty() ? risk.short_text : risk.what);
  section("whyItHappens", risk.why);
  section("whenItPeaks", risk.when);
  for (const auto& win : risk.windows) {  // the timeline window of this therapy's own transplant, if any
    if (therapy.timeline_variant.empty() || win.variant != therapy.timeline_variant) continue;
    std::string t = doc_.String("dayRangeLabel", {{"from", FormatNumber(win.days.from)}, {"to", FormatNumber(win.days.to)}});
    if (win.days.from >= 0) {
      std::string after = doc_.String("afterTransplant");
      if (!after.empty() && after[0] >= 'A' && after[0] <= 'Z') after[0] = (char)(after[0] - 'A' + 'a');
      t += " " + after;
    }
    if (const auto* v = doc_.FindVariant(win.variant)) t += " — " + v->name;
    text(FontRole::Body, t, th.text, 4);
  }
  section("howManaged", risk.managed);
  const auto ids = CellSources(risk, *lv);
  if (!ids.empty()) {
    items.push_back({Rule, FontRole::Small, "", th.border, 16, nullptr, w});
    text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 10);
    text(FontRole::Small, SourcesText(ids), th.text_muted, 3);
  }

  auto height_of = [&](const Item& it) -> float {
    switch (it.kind) {
      case Text: return WrappedHeight(it.role, it.text, it.width);
      case LevelRow: return 22 * s;
      case Interval: return 38 * s;
      default: return 1 * s;
    }
  };
  float total = 0;
  for (const auto& it : items) total += it.before * s + height_of(it);
  panel_.Update(view, total, s, ctx.focused);

  dl->PushClipRect(ImVec2(p.x, p.y + 1 * s), ImVec2(p.x + p.w, p.y + p.h - 1 * s), true);
  float y = view.y - panel_.offset();
  const float clip_top = p.y, clip_bottom = p.y + p.h;
  for (const auto& it : items) {
    y += it.before * s;
    const float h = height_of(it);
    if (y + h >= clip_top && y <= clip_bottom) {
      switch (it.kind) {
        case Text: DrawWrapped(dl, it.role, ImVec2(view.x, y), it.color, it.text, it.width, clip_top, clip_bottom); break;
        case LevelRow: {
          DrawLevelMark(dl, th, lv->level, view.x, y + (h - kMarkH * s) / 2, s);
          const ImVec2 ts = MeasureText(FontRole::Strong, it.text);
          DrawText(dl, FontRole::Strong, ImVec2(view.x + kMarkW * s + 10 * s, y + (h - ts.y) / 2), it.color, it.text);
          break;
        }
        case Interval: {  // this figure's own scale: its interval only, never shared with another figure
          const content::Figure& f = *it.fig;
          const std::string lo = WithUnit(FormatNumber(f.lo), f.unit == "%" ? "%" : ""), hi = WithUnit(FormatNumber(f.hi), f.unit == "%" ? "%" : "");
          const float lw = MeasureText(FontRole::Small, lo).x, hw = MeasureText(FontRole::Small, hi).x;
          const float x0 = view.x + std::max(8 * s, lw / 2), x1 = view.x + std::min(w, 260 * s) - std::max(8 * s, hw / 2);
          const float cy = y + 9 * s;
          dl->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), th.text, 2 * s);
          dl->AddLine(ImVec2(x0, cy - 6 * s), ImVec2(x0, cy + 6 * s), th.text, 2 * s);
          dl->AddLine(ImVec2(x1, cy - 6 * s), ImVec2(x1, cy + 6 * s), th.text, 2 * s);
          const float t = (float)((f.value - f.lo) / (f.hi - f.lo));
          const float vx = x0 + (x1 - x0) * std::max(0.0f, std::min(1.0f, t));
          dl->AddCircleFilled(ImVec2(vx, cy), 5.5f * s, th.accent, 20);
          dl->AddCircle(ImVec2(vx, cy), 5.5f * s, th.surface, 20, 1.5f * s);
          DrawText(dl, FontRole::Small, ImVec2(x0 - lw / 2, cy + 9 * s), th.text_muted, lo);
          DrawText(dl, FontRole::Small, ImVec2(x1 - hw / 2, cy + 9 * s), th.text_muted, hi);
          break;
        }
        case Rule: dl->AddLine(ImVec2(view.x, y), ImVec2(view.x + w, y), it.color, 1 * s); break;
      }
    }
    y += h;
  }
  dl->PopClipRect();
  panel_.DrawIndicator(dl, th.text_muted, s);

  if (!L.panel_side) {  // a close button on the sheet (Escape and a second tap do the same)
    const Rect c{p.x + p.w - 48 * s, p.y + 6 * s, 34 * s, 34 * s};
    dl->AddCircleFilled(ImVec2(c.x + c.w / 2, c.y + c.h / 2), 15 * s, th.surface_alt, 24);
    const float k = 5.5f * s;
    const ImVec2 m(c.x + c.w / 2, c.y + c.h / 2);
    dl->AddLine(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), th.text, 2 * s);
    dl->AddLine(ImVec2(m.x - k, m.y + k), ImVec2(m.x + k, m.y - k), th.text, 2 * s);
  }
}

void RiskChartWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  const std::string& sel = nav_.selected();
  if (sel.empty()) {
    j.Key("selected").Null().Key("risk").Null().Key("therapy").Null();
  } else {
    j.Field("selected", sel);
    const size_t slash = sel.find('/');
    j.Field("risk", sel.substr(0, slash));
    j.Field("therapy", slash == std::string::npos ? std::string() : sel.substr(slash + 1));
  }
  j.Field("view", kViewIds[(int)view_]);
  j.Field("layout", layout_.list ? "list" : "grid");
  j.Field("panel", layout_.panel_side ? "side" : "below");
  if (layout_.preferred_h > 0) j.Field("preferredHeight", (int)std::ceil(layout_.preferred_h / last_px_));
  j.Field("animating", anim_t_ >= 0);
  j.Key("cursor").StringOrNull(nav_.cursor_id());
  auto item = [&](const std::string& id, const Rect& r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / last_px_).Field("y", r.y / last_px_).Field("w", r.w / last_px_).Field("h", r.h / last_px_);
    j.EndObject().EndObject();
  };
  j.Key("items").BeginArray();
  for (int i = 0; i < 2; ++i) item(std::string("view:") + kViewIds[i], layout_.seg[i]);
  for (int ci : layout_.order) {  // cells fully visible now (not scrolled away, not under the panel)
    const Rect r = Shift(layout_.cells[ci].box, -chart_scroll_);
    const Rect& v = visible_body_;
    if (r.y >= v.y - 0.5f && r.y + r.h <= v.y + v.h + 0.5f) item(layout_.cells[ci].id, r);
  }
  j.EndArray();
}

// {"selected": "risk/therapy" | null, "risk": id | null, "therapy": id | null, "view": "by-risk" | "by-therapy"}.
// A risk without a therapy keeps the selected therapy (or takes the first therapy the risk has a level for), and
// the other way round; null for either clears the selection. Checked first, then applied.
bool RiskChartWidget::SetState(const nlohmann::json& p, std::string* error) {
  if (!CheckStateKeys(p, {"selected", "risk", "therapy", "view"}, error)) return false;
  const std::string& cur = nav_.selected();
  const size_t slash = cur.find('/');
  std::string risk = slash == std::string::npos ? std::string() : cur.substr(0, slash);
  std::string therapy = slash == std::string::npos ? std::string() : cur.substr(slash + 1);
  bool touched = false, cleared = false;
  if (p.contains("selected")) {
    std::string sel;
    if (!StateIdOrNull(p["selected"], "selected", &sel, error)) return false;
    const size_t sl = sel.find('/');
    if (!sel.empty() && sl == std::string::npos) {
      *error = "setState: \"selected\" must be \"riskId/therapyId\" (e.g. \"" +
               (doc_.risks.empty() || doc_.therapies.empty() ? std::string("risk/therapy")
                                                             : doc_.risks[0].id + "/" + doc_.therapies[0].id) +
               "\"), got \"" + sel + "\".";
      return false;
    }
    risk = sel.empty() ? std::string() : sel.substr(0, sl);
    therapy = sel.empty() ? std::string() : sel.substr(sl + 1);
    cleared = sel.empty();
    touched = true;
  }
  for (const char* key : {"risk", "therapy"}) {
    if (!p.contains(key)) continue;
    std::string v;
    if (!StateIdOrNull(p[key], key, &v, error)) return false;
    if (v.empty()) cleared = true;
    (std::string(key) == "risk" ? risk : therapy) = v;
    touched = true;
  }
  View view = view_;
  if (p.contains("view")) {
    const auto& v = p["view"];
    if (v.is_string() && v.get<std::string>() == kViewIds[0]) view = View::ByRisk;
    else if (v.is_string() && v.get<std::string>() == kViewIds[1]) view = View::ByTherapy;
    else {
      *error = std::string("setState: \"view\" must be \"") + kViewIds[0] + "\" or \"" + kViewIds[1] + "\", got " +
               ShownValue(v) + ".";
      return false;
    }
  }
  std::string select;
  if (touched && !cleared) {
    if (!risk.empty() && !doc_.FindRisk(risk)) {
      *error = "setState: \"" + risk + "\" is not a risk id in the content (risks).";
      return false;
    }
    if (!therapy.empty() && !doc_.FindTherapy(therapy)) {
      *error = "setState: \"" + therapy + "\" is not a therapy id in the content (therapies).";
      return false;
    }
    if (therapy.empty()) {  // the risk's first therapy with a level
      const auto* r = doc_.FindRisk(risk);
      if (r && !r->levels.empty()) therapy = r->levels[0].therapy;
    } else if (risk.empty()) {  // the first risk with a level for the therapy
      for (const auto& r : doc_.risks)
        for (const auto& l : r.levels)
          if (risk.empty() && l.therapy == therapy) risk = r.id;
    }
    const auto* r = doc_.FindRisk(risk);
    const content::RiskLevel* level = nullptr;
    if (r)
      for (const auto& l : r->levels)
        if (l.therapy == therapy) level = &l;
    if (!level) {
      *error = "setState: the content has no level for risk \"" + risk + "\" with therapy \"" + therapy + "\".";
      return false;
    }
    select = risk + "/" + therapy;
    announcement_ = r->name + " · " + doc_.FindTherapy(therapy)->name + ": " + LevelWord(level->level) + ".";
  }
  if (view != view_) SetView(view, false);  // the frame ends the transition at once under reduced motion
  if (touched && select != nav_.selected()) {
    if (select.empty()) { nav_.Clear(); announcement_ = doc_.String("selectHint"); }
    else { nav_.Select(select); pending_visible_ = select; }
    panel_.Reset();
  }
  MarkChanged();
  return true;
}

dom::Node RiskChartWidget::Dom() const {
  if (!loaded_) return {};
  using dom::Add;
  using dom::Attr;
  using dom::El;
  dom::Node root = El("section");
  Add(root, El("h3", doc_.String("byRisk")));
  Add(root, El("p", doc_.String("disclaimer")));
  dom::Node table = El("table");
  Add(table, El("caption", (doc_.title.empty() ? std::string() : doc_.title + ": ") + doc_.String("byRisk")));
  dom::Node thead = El("thead");
  dom::Node hr = El("tr");
  dom::Node corner = El("th", doc_.String("byRisk"));
  Attr(corner, "scope", "col");
  Add(hr, corner);
  for (const auto& t : doc_.therapies) {
    dom::Node th = El("th", t.name);
    Attr(th, "scope", "col");
    Attr(th, "data-id", t.id);
    Add(hr, th);
  }
  Add(thead, hr);
  if (!doc_.therapies.empty() && !doc_.therapies[0].status.empty()) {  // each therapy's status, under its name
    dom::Node sr = El("tr");
    Add(sr, El("th", doc_.String("statusLabel")));  // no scope="row": the body rows are the risks
    for (const auto& t : doc_.therapies) Add(sr, El("td", t.status.empty() ? std::string() : doc_.String("status_" + t.status)));
    Add(thead, sr);
  }
  Add(table, thead);
  dom::Node tbody = El("tbody");
  const std::string& sel = nav_.selected();
  for (const auto& r : doc_.risks) {
    dom::Node tr = El("tr");
    dom::Node th = El("th", r.name);
    Attr(th, "scope", "row");
    Attr(th, "data-id", r.id);
    Add(tr, th);
    for (const auto& t : doc_.therapies) {
      const content::RiskLevel* lv = nullptr;
      for (const auto& l : r.levels)
        if (l.therapy == t.id && !lv) lv = &l;
      if (!lv) { Add(tr, El("td", "–")); continue; }
      const std::string id = r.id + "/" + t.id;
      dom::Node td = El("td");
      Attr(td, "data-id", id);
      if (id == sel) Attr(td, "aria-current", "true");
      Add(td, El("strong", LevelWord(lv->level)));
      if (!lv->note.empty()) Add(td, El("span", ". " + lv->note));
      if (!lv->figures.empty()) {
        dom::Node ul = El("ul");
        for (const auto& f : lv->figures) {
          std::string t2 = f.label + ": " + FigureValueText(doc_, f) + ". " + doc_.String("population") + ": " + f.population;
          if (f.year > 0) t2 += ", " + std::to_string(f.year);
          if (const auto* src = doc_.FindSource(f.source)) t2 += ". " + doc_.String("source") + ": " + src->citation;
          Add(ul, El("li", t2));
        }
        Add(td, ul);
      }
      Add(tr, td);
    }
    Add(tbody, tr);
  }
  Add(table, tbody);
  Add(root, table);

  std::vector<std::string> all;
  for (const auto& r : doc_.risks) {
    Add(root, El("h4", r.name));
    Add(root, El("p", r.short_text));
    dom::Node dl = El("dl");
    auto pair = [&](const char* key, const std::string& v) {
      if (v.empty()) return;
      Add(dl, El("dt", doc_.String(key)));
      Add(dl, El("dd", v));
    };
    pair("whatItIs", r.what);
    pair("whyItHappens", r.why);
    pair("whenItPeaks", r.when);
    pair("howManaged", r.managed);
    if (!dl.children.empty()) Add(root, dl);
    for (const auto& l : r.levels)
      for (const auto& id : CellSources(r, l))
        if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
  }
  Add(root, El("h4", doc_.String("sourcesHeading")));
  Add(root, SourcesList(all));
  return root;
}

}  // namespace scw
