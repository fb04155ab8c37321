// hsct_timeline_draw.cpp — draws the timeline from layout_ and detail_ (see hsct_timeline.h); no input, no
// layout decisions here.
#include <algorithm>

#include "hsct_timeline.h"
#include "hsct_timeline_internal.h"
#include "ui/text_layout.h"

namespace scw {

using timeline::CoveringPhase;
using timeline::DrawIcon;
using timeline::DrawPattern;
using timeline::LerpRect;
using timeline::LineH;

namespace {
// What every draw step starts from: the layout, the theme, the draw list, the scale and a small line's height.
struct DrawPen {
  const HsctTimelineWidget::Layout& L;
  const Theme& th;
  ImDrawList* dl;
  float s, sm;
};
DrawPen Pen(const HsctTimelineWidget::Layout& L, const FrameContext& ctx) {
  return DrawPen{L, *ctx.theme, ctx.draw, L.s, LineH(FontRole::Small)};
}
}  // namespace

namespace timeline {

Color InkOn(Color want, Color bg, Color toward) {
  Color c = want;
  for (int k = 1; k <= 10 && ContrastRatio(c, bg) < 3.05f; ++k) c = Mix(want, toward, 0.1f * (float)k);
  return c;
}

LaneColors LaneColorsFor(const Theme& th, Color series, Color base) {
  LaneColors c;
  series |= 0xFF000000u;
  c.active_fill = WithAlpha(series, 0.12f);
  c.active_bg = Mix(base, series, 0.12f);
  c.active_ink = InkOn(series, c.active_bg, th.text);
  c.peak_fill = WithAlpha(series, 0.38f);
  c.peak_bg = Mix(base, series, 0.38f);
  c.peak_ink = ContrastRatio(th.text, c.peak_bg) >= ContrastRatio(th.background, c.peak_bg) ? th.text : th.background;
  c.outline = InkOn(series, base, th.text);
  return c;
}

Color MilestoneColor(const Theme& th) { return InkOn(Mix(th.text, th.background, 0.35f), th.background, th.text); }

// Draws a pattern clipped to r: each risk lane has its own, so the lanes differ by more than colour.
void DrawPattern(ImDrawList* dl, const Rect& r, int pattern, Color col, float s) {
  if (r.w <= 0.5f || r.h <= 0.5f) return;
  const float step = 6.0f * s, lw = PatternStroke(1.2f * s);
  // Clipped on the CPU (AddLineClipped), inside r by half a line width: no clip rectangle, no extra draw call.
  const Rect in{r.x + lw / 2, r.y + lw / 2, std::max(0.0f, r.w - lw), std::max(0.0f, r.h - lw)};
  auto line = [&](float x0, float y0, float x1, float y1) { AddLineClipped(dl, ImVec2(x0, y0), ImVec2(x1, y1), in, col, lw); };
  switch (pattern % 6) {
    case 0:  // diagonal /
      for (float x = r.x - r.h; x < r.x + r.w; x += step) line(x, r.y + r.h, x + r.h, r.y);
      break;
    case 1: {  // dots, whole ones only
      const float rad = 1.3f * s;
      for (float y = r.y + step / 2; y + rad <= r.y + r.h; y += step)
        for (float x = r.x + step / 2 + (((int)((y - r.y) / step)) % 2) * step / 2; x + rad <= r.x + r.w; x += step)
          dl->AddCircleFilled(ImVec2(x, y), rad, col, 0);
      break;
    }
    case 2:  // horizontal lines
      for (float y = r.y + step / 2; y < r.y + r.h; y += step * 0.75f) line(r.x, y, r.x + r.w, y);
      break;
    case 3:  // diagonal backslash
      for (float x = r.x - r.h; x < r.x + r.w; x += step) line(x, r.y, x + r.h, r.y + r.h);
      break;
    case 4:  // cross-hatch
      for (float x = r.x - r.h; x < r.x + r.w; x += step * 1.4f) {
        line(x, r.y + r.h, x + r.h, r.y);
        line(x, r.y, x + r.h, r.y + r.h);
      }
      break;
    default:  // vertical lines
      for (float x = r.x + step / 2; x < r.x + r.w; x += step * 0.75f) line(x, r.y, x, r.y + r.h);
      break;
  }
}

// The marker's dot on its line: a ring in the text colour.
static void DrawMarkerDot(ImDrawList* dl, ImVec2 c, const Theme& th, float s) {
  dl->AddCircleFilled(c, 6 * s, th.text, 0);
  dl->AddCircleFilled(c, 3 * s, th.background, 0);
}

MarkerTag VerticalMarkerTag(float ax, float m, float tw, float th, float s) {
  MarkerTag t;
  t.box = Rect{std::max(2.0f * s, ax - 10 * s - tw), m - th / 2, tw, th};
  t.over_dot = t.box.x + t.box.w > ax - 6 * s;
  return t;
}

void DrawIcon(ImDrawList* dl, const Rect& r, int kind, Color col, float s) {  // 0 prev, 1 play, 2 pause, 3 next
  const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
  const float k = 6.5f * s;
  if (kind == 1) {
    dl->AddTriangleFilled(ImVec2(c.x - k * 0.7f, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x - k * 0.7f, c.y + k), col);
  } else if (kind == 2) {
    dl->AddRectFilled(ImVec2(c.x - k * 0.8f, c.y - k), ImVec2(c.x - k * 0.2f, c.y + k), col, 1 * s);
    dl->AddRectFilled(ImVec2(c.x + k * 0.2f, c.y - k), ImVec2(c.x + k * 0.8f, c.y + k), col, 1 * s);
  } else {
    const float d = kind == 0 ? -1.0f : 1.0f;
    dl->AddTriangleFilled(ImVec2(c.x - d * k * 0.6f, c.y - k), ImVec2(c.x + d * k * 0.6f, c.y),
                          ImVec2(c.x - d * k * 0.6f, c.y + k), col);
    const float bx = c.x + d * k * 0.6f;
    dl->AddRectFilled(ImVec2(std::min(bx, bx + d * 2.2f * s), c.y - k), ImVec2(std::max(bx, bx + d * 2.2f * s), c.y + k), col);
  }
}

}  // namespace timeline

void HsctTimelineWidget::Draw(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  const bool scrolls = L.vertical || L.panel_side;  // the plot (phones) or the whole left part (short, wide)
  if (!L.controls_scroll) DrawControls(ctx);
  if (!L.status_text.empty())  // beside the switch (fixed; the phone layout has none)
    DrawText(dl, FontRole::Small, ImVec2(L.status.x, L.status.y + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.status_text);
  if (scrolls) dl->PushClipRect(L.scroll_view.Min(), L.scroll_view.Max(), true);
  if (L.controls_scroll) DrawControls(ctx);  // short phone canvases: the controls scroll with the plot
  // Intro.
  for (size_t i = 0; i < L.intro_lines.size(); ++i)
    DrawText(dl, FontRole::Small, ImVec2(L.intro.x, L.intro.y + i * sm + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.intro_lines[i]);
  DrawLanes(ctx);
  DrawPhases(ctx);
  DrawMilestones(ctx);
  DrawAxis(ctx);
  DrawLegend(ctx);
  DrawMarker(ctx);
  // Footer (inside the scrolled content on phones).
  for (size_t i = 0; i < L.footer_lines.size(); ++i)
    DrawText(dl, FontRole::Small, ImVec2(L.footer.x, L.footer.y + i * sm + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.footer_lines[i]);
  if (scrolls) dl->PopClipRect();
  if (L.panel_side) {
    const Rect& v = L.scroll_view;
    plot_scroll_.DrawIndicator(dl, th.border, s, Rect{v.x + v.w - 5 * s, v.y + 4 * s, 3 * s, v.h - 8 * s});
  }
  if (L.vertical) {
    dl->AddLine(ImVec2(0, L.plot.y), ImVec2(L.canvas.w, L.plot.y), th.border, 1 * s);
    dl->AddLine(ImVec2(0, L.plot.y + L.plot.h), ImVec2(L.canvas.w, L.plot.y + L.plot.h), th.border, 1 * s);
    plot_scroll_.DrawIndicator(dl, th.border, s, Rect{L.canvas.w - 5 * s, L.plot.y + 4 * s, 3 * s, L.plot.h - 8 * s});
  }
  DrawDetail(ctx);
}

// The variant switch, the transport buttons and (phones) the day beside them.
void HsctTimelineWidget::DrawControls(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  L.variants.Draw(dl, view_.variant, ctx.focus_visible && cursor_row_ == kControls ? cursor_idx_ : -1, th, s);
  {
    const int nv = (int)doc_.variants.size();
    // (A lambda may not capture structured bindings before C++20: they are passed in by name.)
    auto button = [&, dl = dl, &th = th, s = s](const Rect& r, int icon, const std::string& label, int idx, bool primary) {
      if (primary) dl->AddRectFilled(r.Min(), r.Max(), th.accent, 8 * s);
      else { dl->AddRectFilled(r.Min(), r.Max(), th.surface, 8 * s); dl->AddRect(r.Min(), r.Max(), th.border, 8 * s, 0, 1.2f * s); }
      const Color c = primary ? th.accent_text : th.text;
      // A narrow row gives Play no room for its name (PlaceTransport): the icon alone, never a cut word.
      if (label.empty() || MeasureText(FontRole::Strong, label).x + 14 * s + 8 * s + 12 * s > r.w) DrawIcon(dl, r, icon, c, s);
      else {
        const float w = MeasureText(FontRole::Strong, label).x, iw = 14 * s, gap = 8 * s;
        const float x0 = r.x + (r.w - iw - gap - w) / 2;
        DrawIcon(dl, Rect{x0, r.y, iw, r.h}, icon, c, s);
        DrawText(dl, FontRole::Strong, ImVec2(x0 + iw + gap, r.y + (r.h - CurrentFonts().Size(FontRole::Strong)) / 2 - 1 * s), c, label);
      }
      if (ctx.focus_visible && cursor_row_ == kControls && cursor_idx_ == idx) DrawFocusRing(dl, r, 8 * s, th, s);
    };
    button(L.prev, 0, "", nv, false);
    button(L.play, playing_ ? 2 : 1, doc_.String(playing_ ? "pause" : "play"), nv + 1, true);
    button(L.next, 3, "", nv + 2, false);
  }
  const std::string day_str = doc_.String("dayLabel", {{"day", DayText(view_.day, doc_.lang)}});
  if (L.vertical && L.day_readout.w > 0) {
    const std::string t = Ellipsize(FontRole::Strong, day_str, L.day_readout.w);
    const float w = MeasureText(FontRole::Strong, t).x;
    DrawText(dl, FontRole::Strong, ImVec2(L.day_readout.x + L.day_readout.w - w, L.day_readout.y + (L.day_readout.h - CurrentFonts().Size(FontRole::Strong)) / 2), th.text, t);
  }
}

// Risk lanes: where each phase lists the risk (patterned), and its peak windows (stronger, outlined).
void HsctTimelineWidget::DrawLanes(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  const float vt = variant_anim_.Smooth();
  const Color muted_line = Mix(th.border, th.background, 0.2f);
  for (size_t i = 0; i < L.lanes.size(); ++i) {
    const Lane& ln = L.lanes[i];
    const timeline::LaneColors lc = timeline::LaneColorsFor(th, th.series[ln.pattern % 8], L.vertical ? th.surface : th.background);
    if (L.vertical) dl->AddRectFilled(ln.lane.Min(), ln.lane.Max(), WithAlpha(th.surface, 1.0f), 3 * s);
    else dl->AddLine(ImVec2(ln.lane.x, ln.lane.y + ln.lane.h - 0.5f * s), ImVec2(ln.lane.x + ln.lane.w, ln.lane.y + ln.lane.h - 0.5f * s), muted_line, 1 * s);
    for (const Rect& r : ln.active) {
      dl->AddRectFilled(r.Min(), r.Max(), WithAlpha(lc.active_fill, 0.12f * vt), 0);
      DrawPattern(dl, r, ln.pattern, WithAlpha(lc.active_ink, vt), s);
    }
    for (const Rect& r : ln.peak) {
      dl->AddRectFilled(r.Min(), r.Max(), WithAlpha(lc.peak_fill, 0.38f * vt), 3 * s);
      DrawPattern(dl, r, ln.pattern, WithAlpha(lc.peak_ink, vt), s);
      dl->AddRect(r.Min(), r.Max(), WithAlpha(lc.outline, vt), 3 * s, 0, 1.6f * s);
    }
    if (!L.vertical) {  // the name, on as many lines as it wrapped to
      float ty = ln.label.y + (sm - CurrentFonts().Size(FontRole::Small)) / 2;
      for (size_t p0 = 0;;) {
        const size_t p = ln.name.find('\n', p0);
        DrawText(dl, FontRole::Small, ImVec2(ln.label.x, ty), ln.in_variant ? th.text : th.text_muted, ln.name.substr(p0, p == std::string::npos ? std::string::npos : p - p0));
        if (p == std::string::npos) break;
        p0 = p + 1;
        ty += sm;
      }
    }
  }
}

// Phase bands (moving from where they were when the variant changed), then their labels and leader lines.
void HsctTimelineWidget::DrawPhases(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  const float vt = variant_anim_.Smooth();
  const int cur_phase = CoveringPhase(Var(), view_.day);
  const Color band_a = Mix(th.surface_alt, th.accent, 0.10f), band_b = Mix(th.surface_alt, th.accent, 0.20f);
  for (size_t i = 0; i < L.phases.size(); ++i) {
    Rect r = L.phases[i];
    if (vt < 1 && !from_phases_.empty()) {
      Rect from = i < from_phases_.size() ? from_phases_[i] : from_phases_.back();
      if (i >= from_phases_.size()) { if (L.vertical) { from.y += from.h; from.h = 0; } else { from.x += from.w; from.w = 0; } }
      r = LerpRect(from, r, vt);
    }
    const bool cur = (int)i == cur_phase, sel = Var().phases[i].id == view_.selected;
    const float inset = 0.75f * s;
    Rect b = L.vertical ? Rect{r.x, r.y + inset, r.w, std::max(1.0f * s, r.h - 2 * inset)} : Rect{r.x + inset, r.y, std::max(1.0f * s, r.w - 2 * inset), r.h};
    dl->AddRectFilled(b.Min(), b.Max(), cur ? Mix(th.background, th.accent, 0.30f) : (i % 2 ? band_b : band_a), 4 * s);
    if (sel) dl->AddRect(ImVec2(b.x - 1 * s, b.y - 1 * s), ImVec2(b.x + b.w + 1 * s, b.y + b.h + 1 * s), th.text, 5 * s, 0, 2.5f * s);
    else if (cur) dl->AddRect(b.Min(), b.Max(), th.accent, 4 * s, 0, 1.5f * s);
    const auto& p = Var().phases[i];
    if (p.days.from == p.days.to) {  // a single day (reinfusion): a diamond, so it stays visible
      const ImVec2 c = L.vertical ? ImVec2(b.x + b.w / 2, b.y + b.h / 2) : ImVec2(b.x + b.w / 2, b.y + b.h / 2);
      const float k = 6 * s;
      dl->AddQuadFilled(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), th.text);
    }
    if (ctx.focus_visible && cursor_row_ == kPhases && cur) DrawFocusRing(dl, b, 4 * s, th, s);
  }
  // Phase labels and leader lines.
  for (size_t i = 0; i < L.phase_labels.size(); ++i) {
    const Label& lab = L.phase_labels[i];
    if (!lab.shown) continue;
    const bool cur = (int)i == cur_phase;
    const Color tc = WithAlpha(cur && (L.vertical || lab.box.y < L.phase_row.y) ? th.accent : th.text, vt);
    if (i < L.leaders.size()) {
      const Rect& ld = L.leaders[i];
      if (ld.x != 0 || ld.w != 0) dl->AddLine(ImVec2(ld.x, ld.y), ImVec2(ld.w, ld.h), WithAlpha(cur ? th.accent : th.border, vt), (cur ? 1.6f : 1.0f) * s);
    }
    float ty = lab.box.y;
    size_t p0 = 0;
    while (true) {
      size_t p = lab.text.find('\n', p0);
      const std::string line = lab.text.substr(p0, p == std::string::npos ? std::string::npos : p - p0);
      DrawText(dl, FontRole::Small, ImVec2(lab.box.x, ty + (sm - CurrentFonts().Size(FontRole::Small)) / 2), tc, line);
      if (cur) {  // the current phase's name is underlined, not only coloured
        const float w = MeasureText(FontRole::Small, line).x;
        dl->AddLine(ImVec2(lab.box.x, ty + sm - 1 * s), ImVec2(lab.box.x + w, ty + sm - 1 * s), tc, 1.2f * s);
      }
      ty += sm;
      if (p == std::string::npos) break;
      p0 = p + 1;
    }
  }}

void HsctTimelineWidget::DrawMilestones(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  const float vt = variant_anim_.Smooth();
  for (size_t i = 0; i < L.milestones.size(); ++i) {
    const Rect& r = L.milestones[i];
    if (r.w <= 0) continue;
    const auto& m = Var().milestones[i];
    const bool sel = m.id == view_.selected;
    const Color col = WithAlpha(sel ? th.accent : timeline::MilestoneColor(th), vt);
    const float a = L.Along(ts_.U(m.days.from)), e = L.Along(ts_.U(m.days.to + 1));
    Rect bar = L.vertical ? Rect{r.x + 1 * s, a, r.w - 2 * s, std::max(e - a, 2 * s)}
                          : Rect{a, r.y + r.h - 8 * s, std::max(e - a, 2 * s), 6 * s};
    dl->AddRectFilled(bar.Min(), bar.Max(), col, 3 * s);
    if (m.days.from == m.days.to) {
      const ImVec2 c(bar.x + bar.w / 2, bar.y + bar.h / 2);
      const float k = 5 * s;
      dl->AddQuadFilled(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), col);
    }
    const Label& lab = L.milestone_labels[i];
    if (lab.shown) DrawText(dl, FontRole::Small, ImVec2(lab.box.x, lab.box.y), WithAlpha(sel ? th.accent : th.text_muted, vt), lab.text);
    if (sel) dl->AddRect(ImVec2(r.x - 2 * s, r.y - 1 * s), ImVec2(r.x + r.w + 2 * s, r.y + r.h + 1 * s), th.text, 4 * s, 0, 1.5f * s);
    if (ctx.focus_visible && cursor_row_ == kMilestones && cursor_idx_ == (int)i) DrawFocusRing(dl, r, 4 * s, th, s);
  }}

// The axis line, its ticks and the scale-break marks.
void HsctTimelineWidget::DrawAxis(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  if (L.vertical) {
    const float ax = L.axis_line;  // just left of the bands
    dl->AddLine(ImVec2(ax, L.axis_a), ImVec2(ax, L.axis_b), th.border, 1.5f * s);
    for (const auto& t : L.ticks) {
      const float y = L.Along(ts_.U(t.day + 0.5));
      dl->AddLine(ImVec2(ax - 5 * s, y), ImVec2(ax, y), th.text_muted, 1.2f * s);
      DrawText(dl, t.day == 0 ? FontRole::Strong : FontRole::Small, ImVec2(t.box.x, t.box.y), t.day == 0 ? th.text : th.text_muted, t.text);
    }
    for (float br : L.breaks) {
      dl->AddRectFilled(ImVec2(ax - 6 * s, br - 3 * s), ImVec2(ax + 6 * s, br + 3 * s), th.background);
      dl->AddLine(ImVec2(ax - 6 * s, br - 1 * s), ImVec2(ax + 6 * s, br - 5 * s), th.text_muted, 1.5f * s);
      dl->AddLine(ImVec2(ax - 6 * s, br + 5 * s), ImVec2(ax + 6 * s, br + 1 * s), th.text_muted, 1.5f * s);
    }
  } else {
    const float ay = L.axis.y + 8 * s;
    dl->AddLine(ImVec2(L.axis_a, ay), ImVec2(L.axis_b, ay), th.border, 1.5f * s);
    for (const auto& t : L.ticks) {
      const float x = L.Along(ts_.U(t.day + 0.5));
      dl->AddLine(ImVec2(x, ay), ImVec2(x, ay + 5 * s), th.text_muted, 1.2f * s);
      DrawText(dl, t.day == 0 ? FontRole::Strong : FontRole::Small, ImVec2(t.box.x, t.box.y), t.day == 0 ? th.text : th.text_muted, t.text);
    }
    for (float br : L.breaks) {
      dl->AddRectFilled(ImVec2(br - 3 * s, ay - 6 * s), ImVec2(br + 3 * s, ay + 6 * s), th.background);
      dl->AddLine(ImVec2(br - 5 * s, ay + 6 * s), ImVec2(br - 1 * s, ay - 6 * s), th.text_muted, 1.5f * s);
      dl->AddLine(ImVec2(br + 1 * s, ay + 6 * s), ImVec2(br + 5 * s, ay - 6 * s), th.text_muted, 1.5f * s);
      // the stretches beyond the breaks are compressed: a dotted axis there
    }
  }}

// The key: the risk names with their patterns (phones), and what the two fills mean.
void HsctTimelineWidget::DrawLegend(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  for (size_t i = 0; i < L.legend_labels.size(); ++i) {
    const Rect& sw = L.legend_swatches[i];
    const timeline::LaneColors lc = timeline::LaneColorsFor(th, th.series[i % 8], th.background);
    dl->AddRectFilled(sw.Min(), sw.Max(), lc.active_fill, 2 * s);
    DrawPattern(dl, sw, (int)i, lc.active_ink, s);
    dl->AddRect(sw.Min(), sw.Max(), lc.outline, 2 * s, 0, 1 * s);
    DrawText(dl, FontRole::Small, ImVec2(L.legend_labels[i].box.x, L.legend_labels[i].box.y), th.text, L.legend_labels[i].text);
  }
  if (!L.lanes.empty()) {
    const Color col = th.text_muted;
    const std::string a = doc_.String("activeRisks"), b = doc_.String("whenItPeaks");
    Rect sw1{L.legend.x, L.legend.y + 2 * s, 22 * s, sm - 4 * s};
    float x = sw1.x + sw1.w + 6 * s;
    float y = L.legend.y;
    const timeline::LaneColors key = timeline::LaneColorsFor(th, col, th.background);
    dl->AddRectFilled(sw1.Min(), sw1.Max(), key.active_fill);
    DrawPattern(dl, sw1, 0, key.active_ink, s);
    DrawText(dl, FontRole::Small, ImVec2(x, y), th.text_muted, a);
    x += MeasureText(FontRole::Small, a).x + 18 * s;
    if (L.vertical || x + 30 * s + MeasureText(FontRole::Small, b).x > L.legend.x + L.legend.w) { x = L.legend.x; y += sm; }
    Rect sw2{x, y + 2 * s, 22 * s, sm - 4 * s};
    dl->AddRectFilled(sw2.Min(), sw2.Max(), WithAlpha(col, 0.35f), 3 * s);
    dl->AddRect(sw2.Min(), sw2.Max(), col, 3 * s, 0, 1.5f * s);
    DrawText(dl, FontRole::Small, ImVec2(sw2.x + sw2.w + 6 * s, y), th.text_muted, b);
  }
}

// The "you are here" marker at the shown day (moving while day_anim_ runs), and the readout in the gutter.
void HsctTimelineWidget::DrawMarker(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  {
    const double shown_day = day_anim_.Running() ? day_from_ + (view_.day - day_from_) * day_anim_.Smooth() : view_.day;
    const float m = L.Along(ts_.U(shown_day + 0.5));
    const std::string tag = doc_.String("dayLabel", {{"day", DayText(view_.day, doc_.lang)}});
    const float tw = MeasureText(FontRole::Strong, tag).x + 14 * s, thh = CurrentFonts().Size(FontRole::Strong) + 8 * s;
    if (L.vertical) {
      const float ax = L.axis_line;
      const float x_end = L.lanes.empty() ? L.phase_row.x + L.phase_row.w : L.lanes.back().lane.x + L.lanes.back().lane.w;
      dl->AddLine(ImVec2(ax, m), ImVec2(x_end + 4 * s, m), th.text, 2 * s);
      const timeline::MarkerTag tg = timeline::VerticalMarkerTag(ax, m, tw, thh, s);
      if (tg.over_dot) timeline::DrawMarkerDot(dl, ImVec2(ax, m), th, s);  // under the tag where they meet
      dl->AddRectFilled(tg.box.Min(), tg.box.Max(), th.text, 5 * s);
      DrawText(dl, FontRole::Strong, ImVec2(tg.box.x + 7 * s, tg.box.y + 4 * s), th.background, tag);
      if (!tg.over_dot) timeline::DrawMarkerDot(dl, ImVec2(ax, m), th, s);
    } else {
      const float top = L.phase_row.y - 4 * s, ay = L.axis.y + 8 * s;
      dl->AddLine(ImVec2(m, top), ImVec2(m, ay), th.text, 2 * s);
      const Rect tg{std::max(L.axis_a - 8 * s, std::min(m - tw / 2, L.axis_b - tw + 8 * s)), ay + 4 * s, tw, thh};
      dl->AddRectFilled(tg.Min(), tg.Max(), th.text, 5 * s);
      DrawText(dl, FontRole::Strong, ImVec2(tg.x + 7 * s, tg.y + 4 * s), th.background, tag);
      timeline::DrawMarkerDot(dl, ImVec2(m, ay), th, s);
      // the readout in the gutter
      DrawText(dl, FontRole::Small, ImVec2(L.day_readout.x, L.day_readout.y), th.text_muted, Ellipsize(FontRole::Small, doc_.String("youAreHere"), L.day_readout.w));
      DrawText(dl, FontRole::Title, ImVec2(L.day_readout.x, L.day_readout.y + sm), th.text, Ellipsize(FontRole::Title, tag, L.day_readout.w));
    }
  }}

// The detail panel: the day's phase or the selected milestone, its sources and the active risks (detail_).
void HsctTimelineWidget::DrawDetail(const FrameContext& ctx) const {
  const auto [L, th, dl, s, sm] = Pen(layout_, ctx);
  const Detail& d = detail_;
  const Rect& P = L.panel;
  dl->AddRectFilled(P.Min(), P.Max(), th.surface, 10 * s);
  dl->AddRect(P.Min(), P.Max(), th.border, 10 * s, 0, 1 * s);
  const Rect& inner = d.inner;
  const bool two = d.two_columns;
  const float lw = d.left_w, rx = d.right_x, rw = d.right_w, sw_w = 22 * s;
  const float off = panel_.offset();
  dl->PushClipRect(inner.Min(), inner.Max(), true);
  float y = inner.y - off;
  DrawBlocks(dl, d.left, ImVec2(inner.x, y), lw, s, inner.y, inner.y + inner.h);
  y += BlocksHeight(d.left, lw, s);
  float ry = two ? inner.y - off : y + 14 * s;
  if (two) DrawBlocks(dl, d.sources, ImVec2(inner.x, y), lw, s, inner.y, inner.y + inner.h);
  DrawText(dl, FontRole::Strong, ImVec2(rx, ry), th.text, d.risks_heading);
  ry += LineH(FontRole::Strong) + 4 * s;
  if (d.risks.empty()) ry += DrawWrapped(dl, FontRole::Body, ImVec2(rx, ry), th.text_muted, d.no_risks, rw, inner.y, inner.y + inner.h);
  for (const auto& it : d.risks) {
    const timeline::LaneColors lc = timeline::LaneColorsFor(th, th.series[it.first % 8], th.surface);
    const Rect sw{rx, ry + 4 * s, sw_w, LineH(FontRole::Body) - 8 * s};
    dl->AddRectFilled(sw.Min(), sw.Max(), lc.active_fill, 2 * s);
    DrawPattern(dl, sw, it.first, lc.active_ink, s);
    dl->AddRect(sw.Min(), sw.Max(), lc.outline, 2 * s, 0, 1 * s);
    ry += DrawWrapped(dl, FontRole::Body, ImVec2(rx + sw_w + 8 * s, ry), th.text, it.second, rw - sw_w - 8 * s, inner.y, inner.y + inner.h) + 4 * s;
  }
  if (!two) DrawBlocks(dl, d.sources, ImVec2(inner.x, ry), lw, s, inner.y, inner.y + inner.h);
  dl->PopClipRect();
  panel_.DrawIndicator(dl, th.border, s);
}

}  // namespace scw
