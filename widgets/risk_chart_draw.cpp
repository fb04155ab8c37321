// risk_chart_draw.cpp — the risk chart's draw step (see risk_chart_parts.h): the view switch, the legend, the
// headers, the cells with their level marks, drawn from this frame's layout and view state. It changes nothing.
#include <algorithm>
#include <cmath>
#include <map>

#include <imgui.h>

#include "risk_chart_parts.h"
#include "ui/text_layout.h"

namespace scw {
namespace risk_chart {

using content::Level;

namespace {

int Filled(Level l) {
  switch (l) {
    case Level::Low: return 1;
    case Level::Moderate: return 2;
    case Level::High: return 3;
    default: return 0;
  }
}

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, Color c, float thick, float dash, float gap) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  for (float t = 0; t < len; t += dash + gap) {
    const float e = std::min(len, t + dash);
    dl->AddLine(ImVec2(a.x + dx * t / len, a.y + dy * t / len), ImVec2(a.x + dx * e / len, a.y + dy * e / len), c, thick);
  }
}

}  // namespace

// 0–3 filled pips, or a dashed box with "?" for unknown. Top-left at (x, y); kMarkW × kMarkH design px.
void DrawLevelMark(ImDrawList* dl, const Theme& th, Level l, float x, float y, float s) {
  if (l == Level::Unknown) {
    const float w = kMarkW * s, h = kMarkH * s, t = PatternStroke(1.3f * s), d = 3 * s, g = 2.5f * s;
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
    if (i < n) dl->AddCircleFilled(c, r, th.text, 0);
    else dl->AddCircle(c, r - 0.7f * s, th.text_muted, 0, 1.4f * s);
  }
}

// A small interval glyph (|—•—|) standing for "this cell has figures".
void DrawFigureGlyph(ImDrawList* dl, const Theme& th, float x, float cy, float s) {
  const float w = 16 * s;
  dl->AddLine(ImVec2(x, cy), ImVec2(x + w, cy), th.text, 1.4f * s);
  dl->AddLine(ImVec2(x, cy - 4 * s), ImVec2(x, cy + 4 * s), th.text, 1.4f * s);
  dl->AddLine(ImVec2(x + w, cy - 4 * s), ImVec2(x + w, cy + 4 * s), th.text, 1.4f * s);
  dl->AddCircleFilled(ImVec2(x + w * 0.45f, cy), 2.8f * s, th.text, 0);
}

namespace {

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

}  // namespace
}  // namespace risk_chart

using namespace risk_chart;
using content::Level;

void RiskChartWidget::DrawLegend(const FrameContext& ctx) const {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  for (const auto& it : layout_.legend) {
    const float lhs = LineH(FontRole::Small);
    const float cy = it.lines.empty() ? it.box.y + it.box.h / 2 : it.box.y + lhs / 2;  // wrapped: by its first line
    float tx;
    if (it.level == 5) {
      DrawFigureGlyph(dl, th, it.box.x, cy, s);
      tx = it.box.x + 16 * s + 6 * s;
    } else {
      DrawLevelMark(dl, th, (Level)it.level, it.box.x, cy - kMarkH * s / 2, s);
      tx = it.box.x + kMarkW * s + 6 * s;
    }
    if (it.lines.empty()) {
      const ImVec2 ts = MeasureText(FontRole::Small, it.text);
      DrawText(dl, FontRole::Small, ImVec2(tx, cy - ts.y / 2), th.text, it.text);
    }
    float ly = it.box.y;
    for (const auto& line : it.lines) {
      DrawText(dl, FontRole::Small, ImVec2(tx, ly + (lhs - CurrentFonts().Size(FontRole::Small)) / 2), th.text, line);
      ly += lhs;
    }
  }
}

// Grid: the column headers (they stay while the body scrolls), the selected cell's column highlighted.
void RiskChartWidget::DrawColumnHeaders(const FrameContext& ctx, int sel_cell, float fade) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Color text_fade = WithAlpha(th.text, fade);
  for (size_t c = 0; c < L.col_headers.size(); ++c) {
    const Label& h = L.col_headers[c];
    const bool hl = sel_cell >= 0 && HeaderCol(L.cells[sel_cell]) == (int)c;
    if (hl) dl->AddRectFilled(ImVec2(h.box.x + 2 * s, h.box.y), ImVec2(h.box.x + h.box.w - 2 * s, h.box.y + h.box.h - 2 * s), th.surface_alt, 6 * s);
    const float lh = HeadLineH();
    float y = h.box.y + h.box.h - 4 * s - HeaderTextHeight(h, s);
    for (const auto& line : h.lines) {
      const ImVec2 ts = MeasureText(FontRole::Small, line);
      DrawText(dl, FontRole::Small, ImVec2(h.box.x + (h.box.w - ts.x) / 2, y + (lh - ts.y) / 2), text_fade, line);
      y += lh;
    }
    if (!h.sub.empty()) {  // the status: a tag tinted by its kind, the text in full colour
      y += 3 * s;
      float tw = 0;
      for (const auto& line : h.sub) tw = std::max(tw, MeasureText(FontRole::Small, line).x);
      tw += 12 * s;
      const float tx = h.box.x + (h.box.w - tw) / 2, th_ = TagH(h.sub.size(), s);
      const Color hue = th.series[h.tone >= 0 && h.tone < 8 ? h.tone : 7];
      dl->AddRectFilled(ImVec2(tx, y), ImVec2(tx + tw, y + th_), WithAlpha(Mix(th.surface, hue, 0.22f), fade), std::min(th_ / 2, 8 * s));
      dl->AddRect(ImVec2(tx, y), ImVec2(tx + tw, y + th_), WithAlpha(Mix(th.surface, hue, 0.6f), fade), std::min(th_ / 2, 8 * s), 0, 1 * s);
      y += 1.5f * s;
      for (const auto& line : h.sub) {
        const ImVec2 ts = MeasureText(FontRole::Small, line);
        DrawText(dl, FontRole::Small, ImVec2(h.box.x + (h.box.w - ts.x) / 2, y + (lh - ts.y) / 2), text_fade, line);
        y += lh;
      }
    }
  }
  dl->AddLine(ImVec2(L.chart.x, L.body.y - 0.5f * s), ImVec2(L.chart.x + L.chart.w, L.body.y - 0.5f * s), th.border, 1 * s);
}

// The row headers (grid) or block headings (list), scrolled with the body; then the empty grid cells.
void RiskChartWidget::DrawRowHeaders(const FrameContext& ctx, int sel_cell, float fade) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Rect& vb = visible_body_;
  const float off = -chart_.offset();
  const Color text_fade = WithAlpha(th.text, fade);
  for (size_t r = 0; r < L.row_headers.size(); ++r) {
    const Label& h = L.row_headers[r];
    const Rect b = Shift(h.box, off);
    if (b.y > vb.y + vb.h || b.y + b.h < vb.y) continue;
    const bool hl = !L.list && sel_cell >= 0 && HeaderRow(L.cells[sel_cell]) == (int)r;
    if (hl) dl->AddRectFilled(ImVec2(b.x, b.y + 2 * s), ImVec2(b.x + b.w - 4 * s, b.y + b.h - 2 * s), th.surface_alt, 6 * s);
    const FontRole role = L.list ? FontRole::Strong : FontRole::Body;
    const float lh = L.list ? LineH(role) : RowLineH();
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
}

// A cell's card: its level's fill, hatched for "unknown" ("we do not know", never a value); in the list, the
// column's name (and status) on the left.
void RiskChartWidget::DrawCellCard(const FrameContext& ctx, const Cell& c, const content::RiskLevel& lv,
                                   const Rect& card, const Rect& mark) const {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(card.Min(), card.Max(), CellFill(th, lv.level), 6 * s);
  if (lv.level == Level::Unknown) {
    const Rect hz = !layout_.list ? card
                    : c.stacked ? Rect{card.x, mark.y - 2 * s, card.w, card.y + card.h - mark.y + 2 * s}  // never under a name
                                : Rect{mark.x, card.y, card.x + card.w - mark.x, card.h};
    const Color hatch = WithAlpha(th.border, 0.75f);  // clipped on the CPU: no clip rectangle, no extra draw call
    const Rect in{hz.x + 0.5f * s, hz.y + 0.5f * s, std::max(0.0f, hz.w - 1 * s), std::max(0.0f, hz.h - 1 * s)};
    for (float k = -card.h; k < card.w; k += 9 * s)
      AddLineClipped(dl, ImVec2(card.x + k, card.y + card.h), ImVec2(card.x + k + card.h, card.y), in, hatch, PatternStroke(1 * s));
  }
  dl->AddRect(card.Min(), card.Max(), th.border, 6 * s, 0, 1 * s);
  if (!layout_.list) return;
  const float lh = LineH(FontRole::Body);
  const float lhs = LineH(FontRole::Small);
  float y = c.stacked ? card.y + 5 * s : card.y + (card.h - (float)c.name_lines.size() * lh - (float)c.sub_lines.size() * lhs) / 2;
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
void RiskChartWidget::DrawCellStack(const FrameContext& ctx, const content::RiskLevel& lv, const Rect& mark) const {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const bool fig = !lv.figures.empty();
  const bool beside = fig && layout_.badge_beside;  // the badge on the mark's line
  const float sh = StackHeight(fig && !beside, s);
  const float cx = mark.x + mark.w / 2;
  float y = mark.y + (mark.h - sh) / 2;
  // The level word stays inside its cell: a long label (a translation, say) is cut with an ellipsis here; the
  // detail panel and the HTML copy give it in full.
  const std::string word = FitWord(LevelWord(lv.level), std::max(1.0f, mark.w - 4 * s));
  const ImVec2 ws = MeasureText(FontRole::Small, word);
  const std::string count = layout_.list ? FigureCount(doc_, lv.figures.size()) : Number(doc_, (double)lv.figures.size());
  const ImVec2 cs = MeasureText(FontRole::Small, count);
  const float bw = 16 * s + 4 * s + cs.x;
  const float row_w = beside ? kMarkW * s + 6 * s + bw : kMarkW * s;
  if (lv.level == Level::Unknown) {
    const float pw = std::max(row_w, ws.x) + 10 * s;
    dl->AddRectFilled(ImVec2(cx - pw / 2, y - 3 * s), ImVec2(cx + pw / 2, y + sh + 3 * s), CellFill(th, lv.level), 4 * s);
  }
  const float mx = cx - row_w / 2;
  DrawLevelMark(dl, th, lv.level, mx, y, s);
  if (beside) {
    const float bx = mx + kMarkW * s + 6 * s;
    DrawFigureGlyph(dl, th, bx, y + kMarkH * s / 2, s);
    DrawText(dl, FontRole::Small, ImVec2(bx + 20 * s, y + (kMarkH * s - cs.y) / 2), th.text, count);
  }
  y += kMarkH * s + 2 * s;
  DrawText(dl, FontRole::Small, ImVec2(cx - ws.x / 2, y), th.text, word);
  y += CurrentFonts().Size(FontRole::Small) + 4 * s;
  if (fig && !beside) {
    DrawFigureGlyph(dl, th, cx - bw / 2, y + kBadgeH * s / 2, s);
    DrawText(dl, FontRole::Small, ImVec2(cx - bw / 2 + 20 * s, y + (kBadgeH * s - cs.y) / 2), th.text, count);
  }
}

// The cells, scrolled (and, during a view switch, moving from where they were); the selection and focus rings.
void RiskChartWidget::DrawCells(const FrameContext& ctx, int sel_cell, float e) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Rect& vb = visible_body_;
  const float off = -chart_.offset();
  for (int i = 0; i < (int)L.cells.size(); ++i) {
    const Cell& c = L.cells[i];
    const Rect to = c.box;
    const Rect box = Shift(anim_.Running() && i < (int)anim_from_.size() ? Lerp(anim_from_[i], to, e) : to, off);
    if (box.y > vb.y + vb.h || box.y + box.h < vb.y) continue;
    const Rect mark = Rect{box.x + (c.mark.x - to.x) * (box.w / std::max(1.0f, to.w)), box.y + (c.mark.y - to.y), c.mark.w * (box.w / std::max(1.0f, to.w)), c.mark.h};
    const auto* lv = LevelOf(doc_, c);
    if (!lv) continue;
    const Rect card{box.x + 2 * s, box.y + 2 * s, box.w - 4 * s, box.h - 4 * s};
    DrawCellCard(ctx, c, *lv, card, mark);
    DrawCellStack(ctx, *lv, mark);
    if (i == sel_cell) dl->AddRect(ImVec2(card.x - 1 * s, card.y - 1 * s), ImVec2(card.x + card.w + 1 * s, card.y + card.h + 1 * s), th.accent, 7 * s, 0, 3 * s);
    if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, card, 6 * s, th, s);
  }
}

// Everything, back to front: the view switch (ui/segmented.h), the legend, the chart (headers, then the scrolled body clipped to what
// the panel leaves), its scroll indicator, the panel, the footer.
void RiskChartWidget::Draw(const FrameContext& ctx, const Detail& d) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const float e = anim_.Out();  // ease-out cubic; 1 at rest
  const float fade = anim_.Running() ? std::min(1.0f, anim_.t() * 1.6f) : 1.0f;
  int switch_focus = -1;
  for (int i = 0; i < 2; ++i)
    if (ctx.focus_visible && nav_.cursor_id() == std::string("view:") + kViewIds[i]) switch_focus = i;
  L.view_switch.Draw(dl, (int)view_, switch_focus, th, s);
  if (!L.legend_in_panel) DrawLegend(ctx);
  if (!L.list) DrawColumnHeaders(ctx, d.cell, fade);
  const Rect& vb = visible_body_;
  dl->PushClipRect(vb.Min(), vb.Max(), true);
  DrawRowHeaders(ctx, d.cell, fade);
  DrawCells(ctx, d.cell, e);
  dl->PopClipRect();
  // Where we are in the chart: a thin indicator just right of the body.
  if (vb.h > 0) chart_.DrawIndicator(dl, th.text_muted, s, Rect{vb.x + vb.w + (L.list ? 2 * s : 4 * s), vb.y, 3 * s, vb.h});
  if (d.cell >= 0) {
    DrawDetail(ctx, d);
  } else {
    const Rect& p = L.panel;
    dl->AddRectFilled(p.Min(), p.Max(), th.surface, 10 * s);
    const float ip = 14 * s;
    DrawWrapped(dl, FontRole::Body, ImVec2(p.x + ip, p.y + 10 * s), th.text_muted, doc_.String("riskSelectHint"), p.w - 2 * ip, p.y, p.y + p.h);
    if (L.legend_in_panel) DrawLegend(ctx);
  }
  // The footer: the disclaimer, always visible (pinned; on a very small canvas, at the end of the chart's content).
  float fy = L.footer_in_body ? L.footer.y - chart_.offset() : L.footer.y;
  if (L.footer_in_body) dl->PushClipRect(vb.Min(), vb.Max(), true);
  for (const auto& line : L.footer_lines) {
    DrawText(dl, FontRole::Small, ImVec2(L.footer.x, fy + (LineH(FontRole::Small) - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, line);
    fy += LineH(FontRole::Small);
  }
  if (L.footer_in_body) dl->PopClipRect();
}

}  // namespace scw
