// risk_chart_detail.cpp — the risk chart's detail panel (see risk_chart_parts.h): what it lists for the selected
// cell (laid out before input, so the panel's scrolling knows its height) and how it is drawn.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "risk_chart_parts.h"
#include "ui/close_button.h"
#include "ui/text_layout.h"

namespace scw {

using namespace risk_chart;
using content::Level;

namespace {

// This figure's own scale: its interval only, never shared with another figure.
void DrawInterval(ImDrawList* dl, const Theme& th, const content::Document& doc, const content::Figure& f, float x, float y, float w, float s) {
  const std::string unit = f.unit == "%" ? "%" : "";
  const std::string lo = WithUnit(doc, f.lo, unit), hi = WithUnit(doc, f.hi, unit);
  const float lw = MeasureText(FontRole::Small, lo).x, hw = MeasureText(FontRole::Small, hi).x;
  const float x0 = x + std::max(8 * s, lw / 2), x1 = x + std::min(w, 260 * s) - std::max(8 * s, hw / 2);
  const float cy = y + 9 * s;
  dl->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), th.text, 2 * s);
  dl->AddLine(ImVec2(x0, cy - 6 * s), ImVec2(x0, cy + 6 * s), th.text, 2 * s);
  dl->AddLine(ImVec2(x1, cy - 6 * s), ImVec2(x1, cy + 6 * s), th.text, 2 * s);
  const float t = (float)((f.value - f.lo) / (f.hi - f.lo));
  const float vx = x0 + (x1 - x0) * std::max(0.0f, std::min(1.0f, t));
  dl->AddCircleFilled(ImVec2(vx, cy), 5.5f * s, th.accent, 0);
  dl->AddCircle(ImVec2(vx, cy), 5.5f * s, th.surface, 0, 1.5f * s);
  DrawText(dl, FontRole::Small, ImVec2(x0 - lw / 2, cy + 9 * s), th.text_muted, lo);
  DrawText(dl, FontRole::Small, ImVec2(x1 - hw / 2, cy + 9 * s), th.text_muted, hi);
}

}  // namespace

float RiskChartWidget::ItemHeight(const DetailItem& it, float s) {
  switch (it.kind) {
    case DetailItem::Text: return WrappedHeight(it.role, it.text, it.width);
    case DetailItem::LevelRow: return 22 * s;
    case DetailItem::Interval: return 38 * s;
    default: return 1 * s;
  }
}

// The figures of a level, each its own labelled value with its own interval line, population, year and source.
void RiskChartWidget::DetailFigures(Detail& d, const content::RiskLevel& lv, const Theme& th) const {
  auto text = [&](FontRole r, const std::string& t, Color c, float before) {
    if (!t.empty()) d.items.push_back({DetailItem::Text, r, t, c, before, nullptr, d.w});
  };
  for (const auto& f : lv.figures) {
    d.items.push_back({DetailItem::Rule, FontRole::Small, "", th.border, 16, nullptr, d.w});
    text(FontRole::Strong, f.label, th.text, 10);
    text(FontRole::Body, FigureValueText(doc_, f), th.text, 2);
    if (f.has_interval && f.hi > f.lo) d.items.push_back({DetailItem::Interval, FontRole::Small, "", th.text, 6, &f, d.w});
    std::string pop = doc_.String("population") + ": " + f.population;
    if (f.year > 0) pop += " · " + std::to_string(f.year);
    text(FontRole::Small, pop, th.text_muted, 4);
    if (const auto* src = doc_.FindSource(f.source)) text(FontRole::Small, doc_.String("source") + ": " + src->citation, th.text_muted, 2);
  }
}

// The detail of the selected cell: the risk and therapy, the level, its figures, what the risk is, why, when,
// how it is managed, and the sources; where it scrolls and how tall it is. d.cell = -1 with nothing selected.
RiskChartWidget::Detail RiskChartWidget::DetailLayout(const Theme& th, float s) const {
  const Layout& L = layout_;
  Detail d;
  for (int i = 0; i < (int)L.cells.size(); ++i)
    if (L.cells[i].id == nav_.selected()) d.cell = i;
  if (d.cell < 0) return d;
  const Cell& cell = L.cells[d.cell];
  const content::Risk& risk = doc_.risks[cell.risk];
  const content::Therapy& therapy = doc_.therapies[cell.therapy];
  d.level = LevelOf(doc_, cell);
  if (!d.level) return d;
  const content::RiskLevel* lv = d.level;
  const Rect& p = L.panel;
  const float ip = (L.panel_side ? 18 : 14) * s;
  d.view = Rect{p.x + ip, p.y + ip * 0.8f, p.w - 2 * ip, p.h - ip * 1.6f};
  d.w = d.view.w - 12 * s;
  const float w = d.w;
  float close_w = L.panel_side ? 0 : 44 * s, first = 0;
  // A sheet too narrow for the title beside the close button (a phone at text scale 2: a word of it would be
  // broken): the title goes under it.
  float widest_word = 0;
  for (size_t a = 0; a < risk.name.size();) {
    size_t b = risk.name.find(' ', a);
    if (b == std::string::npos) b = risk.name.size();
    widest_word = std::max(widest_word, MeasureText(FontRole::Title, risk.name.substr(a, b - a)).x);
    a = b + 1;
  }
  if (close_w > 0 && (w - close_w < 0.6f * w || widest_word > w - close_w)) {
    first = std::max(0.0f, (L.close.y + L.close.h - d.view.y) / s + 4);
    close_w = 0;
  }
  auto text = [&](FontRole r, const std::string& t, Color c, float before, float width = 0) {
    if (!t.empty()) d.items.push_back({DetailItem::Text, r, t, c, before, nullptr, width > 0 ? width : w});
  };
  text(FontRole::Title, risk.name, th.text, first, w - close_w);
  text(FontRole::Strong, therapy.name, th.text_muted, 2, w - close_w);
  text(FontRole::Small, TherapyStatusText(doc_, therapy), th.text_muted, 2, w - close_w);
  d.items.push_back({DetailItem::LevelRow, FontRole::Strong, LevelWord(lv->level), th.text, 10, nullptr, w});
  text(FontRole::Body, lv->note, th.text, 8);
  DetailFigures(d, *lv, th);
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
    std::string t = doc_.String("dayRangeLabel", {{"from", Number(doc_, win.days.from)}, {"to", Number(doc_, win.days.to)}});
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
    d.items.push_back({DetailItem::Rule, FontRole::Small, "", th.border, 16, nullptr, w});
    text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 10);
    text(FontRole::Small, SourcesText(ids), th.text_muted, 3);
  }
  // A full sheet over a list that ends with the disclaimer (no room to pin it): the sheet ends with it too.
  if (L.sheet_full && L.footer_in_body) text(FontRole::Small, doc_.String("disclaimer"), th.text_muted, 16);
  float total = 0;
  for (const auto& it : d.items) total += it.before * s + ItemHeight(it, s);
  d.content_h = total;
  return d;
}

// The panel, its items scrolled by panel_, and on the sheet its close button.
void RiskChartWidget::DrawDetail(const FrameContext& ctx, const Detail& d) const {
  if (!d.level) return;
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Rect& p = L.panel;
  const Rect& view = d.view;
  dl->AddRectFilled(p.Min(), p.Max(), th.surface, 10 * s);
  dl->AddRect(p.Min(), p.Max(), th.border, 10 * s, 0, 1 * s);
  dl->PushClipRect(ImVec2(p.x, p.y + 1 * s), ImVec2(p.x + p.w, p.y + p.h - 1 * s), true);
  float y = view.y - panel_.offset();
  const float clip_top = p.y, clip_bottom = p.y + p.h;
  for (const auto& it : d.items) {
    y += it.before * s;
    const float h = ItemHeight(it, s);
    if (y + h >= clip_top && y <= clip_bottom) {
      switch (it.kind) {
        case DetailItem::Text: DrawWrapped(dl, it.role, ImVec2(view.x, y), it.color, it.text, it.width, clip_top, clip_bottom); break;
        case DetailItem::LevelRow: {
          DrawLevelMark(dl, th, d.level->level, view.x, y + (h - kMarkH * s) / 2, s);
          const ImVec2 ts = MeasureText(FontRole::Strong, it.text);
          DrawText(dl, FontRole::Strong, ImVec2(view.x + kMarkW * s + 10 * s, y + (h - ts.y) / 2), it.color, it.text);
          break;
        }
        case DetailItem::Interval: DrawInterval(dl, th, doc_, *it.fig, view.x, y, d.w, s); break;
        case DetailItem::Rule: dl->AddLine(ImVec2(view.x, y), ImVec2(view.x + d.w, y), it.color, 1 * s); break;
      }
    }
    y += h;
  }
  dl->PopClipRect();
  if (L.close.w > 0) {  // on the sheet the indicator runs below the close button, not under it
    const float top = L.close.y + L.close.h;
    panel_.DrawIndicator(dl, th.text_muted, s, Rect{view.x + view.w - 3 * s, top, 3 * s, std::max(0.0f, view.y + view.h - top)});
  } else {
    panel_.DrawIndicator(dl, th.text_muted, s);
  }

  CloseButton::Draw(dl, L.close, th, s, false);  // the sheet's (Escape and a second tap do the same)
}

}  // namespace scw
