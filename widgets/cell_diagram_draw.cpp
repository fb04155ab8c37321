// cell_diagram_draw.cpp — the cell diagram's draw step (see cell_diagram_parts.h): glyphs, potency outlines,
// arrows, chips, the legend and the panel, drawn from this frame's layout and view state. It changes nothing.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "cell_diagram_parts.h"
#include "ui/close_button.h"

namespace scw {

using namespace cell_diagram;
using content::CellType;

namespace {

struct Palette {
  Color stroke, fill, dark, light, bg;
};

void Ellipse(ImDrawList* dl, ImVec2 c, float a, float b, float angle, Color fill, Color stroke, float thick, int n = 28) {
  ImVec2 pts[40];
  n = std::min(n, 40);
  const float ca = std::cos(angle), sa = std::sin(angle);
  for (int i = 0; i < n; ++i) {
    const float t = 2 * kPi * i / n;
    const float x = a * std::cos(t), y = b * std::sin(t);
    pts[i] = ImVec2(c.x + x * ca - y * sa, c.y + x * sa + y * ca);
  }
  dl->AddConvexPolyFilled(pts, n, fill);
  if (thick > 0) dl->AddPolyline(pts, n, stroke, ImDrawFlags_Closed, thick);
}

// A cell drawn by its glyph, inside radius g.
void DrawGlyph(ImDrawList* dl, const std::string& glyph, ImVec2 c, float g, const Palette& p, float s) {
  const float lw = std::max(1.0f, 1.4f * s);
  auto cell = [&](float rad) {
    dl->AddCircleFilled(c, rad, p.light, 0);
    dl->AddCircle(c, rad, p.stroke, 0, lw);
  };
  auto at = [&](float fx, float fy) { return ImVec2(c.x + fx * g, c.y + fy * g); };
  if (glyph == "stem") {
    cell(g);
    dl->AddCircleFilled(at(0.05f, 0.03f), 0.6f * g, p.dark, 0);
    dl->AddCircleFilled(at(0.2f, -0.12f), 0.13f * g, p.light, 0);
  } else if (glyph == "progenitor") {
    cell(g);
    dl->AddCircleFilled(at(-0.18f, 0.02f), 0.46f * g, p.dark, 0);
    dl->AddCircleFilled(at(0.5f, -0.28f), 0.1f * g, p.dark, 0);
    dl->AddCircleFilled(at(0.52f, 0.22f), 0.1f * g, p.dark, 0);
    dl->AddCircleFilled(at(0.3f, 0.55f), 0.08f * g, p.dark, 0);
  } else if (glyph == "disc") {  // red cell: biconcave disc, lighter centre
    dl->AddCircleFilled(c, g, p.dark, 0);
    dl->AddCircleFilled(c, 0.5f * g, p.light, 0);
    dl->AddCircle(c, 0.5f * g, p.stroke, 0, lw * 0.8f);
    dl->AddCircle(c, g, p.stroke, 0, lw);
  } else if (glyph == "fragment") {  // platelets: small irregular pieces
    const float offs[3][2] = {{-0.45f, -0.25f}, {0.4f, -0.35f}, {0.05f, 0.42f}};
    const float radii[3] = {0.36f, 0.3f, 0.34f};
    for (int k = 0; k < 3; ++k) {
      ImVec2 pts[7];
      for (int i = 0; i < 7; ++i) {
        const float t = 2 * kPi * i / 7 + k;
        const float rr = radii[k] * g * (0.75f + 0.25f * std::sin(3.0f * t + k));
        pts[i] = ImVec2(c.x + offs[k][0] * g + rr * std::cos(t), c.y + offs[k][1] * g + rr * std::sin(t));
      }
      dl->AddConvexPolyFilled(pts, 7, p.dark);
      dl->AddPolyline(pts, 7, p.stroke, ImDrawFlags_Closed, lw * 0.8f);
    }
  } else if (glyph == "lobed") {  // neutrophil: multi-lobed nucleus
    cell(g);
    const ImVec2 lobes[3] = {at(-0.38f, 0.12f), at(0.0f, -0.2f), at(0.38f, 0.12f)};
    dl->AddPolyline(lobes, 3, p.dark, 0, 0.16f * g);
    for (const auto& l : lobes) dl->AddCircleFilled(l, 0.25f * g, p.dark, 0);
  } else if (glyph == "monocyte") {  // kidney-shaped nucleus
    cell(g);
    ImVec2 pts[24];
    int n = 0;
    for (int i = 0; i < 24; ++i) {  // a bean: a circle pushed in on one side
      const float t = 2 * kPi * i / 24;
      float rr = 0.55f * g;
      const float dent = std::cos(t);
      if (dent > 0.55f) rr *= 1.0f - 0.5f * (dent - 0.55f) / 0.45f;
      pts[n++] = ImVec2(c.x - 0.1f * g + rr * std::cos(t), c.y + rr * std::sin(t));
    }
    for (int i = 0; i < n; ++i) {  // drawn as a fan of triangles from the bean's centre (it is not convex)
      const ImVec2 o(c.x - 0.25f * g, c.y);
      dl->AddTriangleFilled(o, pts[i], pts[(i + 1) % n], p.dark);
    }
  } else if (glyph == "lymphocyte") {  // large round nucleus
    cell(g);
    dl->AddCircleFilled(at(0.06f, 0.04f), 0.74f * g, p.dark, 0);
  } else if (glyph == "spindle") {  // MSC / fibroblast: elongated
    Ellipse(dl, c, 1.1f * g, 0.42f * g, -0.5f, p.light, p.stroke, lw, 32);
    Ellipse(dl, c, 0.34f * g, 0.2f * g, -0.5f, p.dark, p.dark, 0, 20);
  } else if (glyph == "islet") {  // beta-cell cluster with granules
    const float offs[5][2] = {{0, 0}, {-0.5f, -0.32f}, {0.5f, -0.32f}, {-0.42f, 0.5f}, {0.42f, 0.5f}};
    for (int k = 4; k >= 0; --k) {
      const ImVec2 q = at(offs[k][0], offs[k][1]);
      dl->AddCircleFilled(q, 0.4f * g, p.light, 0);
      dl->AddCircle(q, 0.4f * g, p.stroke, 0, lw * 0.9f);
      dl->AddCircleFilled(ImVec2(q.x - 0.1f * g, q.y - 0.06f * g), 0.07f * g, p.dark, 0);
      dl->AddCircleFilled(ImVec2(q.x + 0.12f * g, q.y + 0.08f * g), 0.07f * g, p.dark, 0);
    }
  } else if (glyph == "embryo") {  // blastocyst: a ring of cells with an inner cell mass
    dl->AddCircleFilled(c, g, p.light, 0);
    for (int i = 0; i < 12; ++i) {
      const float t = 2 * kPi * i / 12;
      dl->AddCircleFilled(ImVec2(c.x + 0.86f * g * std::cos(t), c.y + 0.86f * g * std::sin(t)), 0.17f * g, p.dark, 0);
    }
    dl->AddCircleFilled(at(0.0f, -0.42f), 0.3f * g, p.dark, 0);
    dl->AddCircleFilled(at(-0.25f, -0.3f), 0.22f * g, p.dark, 0);
    dl->AddCircleFilled(at(0.25f, -0.3f), 0.22f * g, p.dark, 0);
  } else if (glyph == "skin") {  // flat squamous cell
    const ImVec2 pts[6] = {at(-1.05f, 0.05f), at(-0.55f, -0.38f), at(0.55f, -0.42f),
                           at(1.05f, -0.02f), at(0.55f, 0.4f),    at(-0.55f, 0.42f)};
    dl->AddConvexPolyFilled(pts, 6, p.light);
    dl->AddPolyline(pts, 6, p.stroke, ImDrawFlags_Closed, lw);
    Ellipse(dl, c, 0.3f * g, 0.14f * g, 0, p.dark, p.dark, 0, 16);
  } else {  // generic
    cell(g);
    dl->AddCircleFilled(c, 0.36f * g, p.dark, 0);
  }
}

// The potency group's outline around the glyph: a distinct shape per category (not colour alone).
void DrawBacking(ImDrawList* dl, Shape shape, ImVec2 c, float r, Color fill, Color stroke, float s) {
  const float w = 2.0f * s;
  switch (shape) {
    case kDoubleCircle:
      dl->AddCircleFilled(c, r, fill, 0);
      dl->AddCircle(c, r, stroke, 0, 1.6f * s);
      dl->AddCircle(c, r - 3.5f * s, stroke, 0, 1.2f * s);
      break;
    case kCircle:
      dl->AddCircleFilled(c, r, fill, 0);
      dl->AddCircle(c, r, stroke, 0, 2.6f * s);
      break;
    case kDashedCircle: {
      dl->AddCircleFilled(c, r, fill, 0);
      const int dashes = 14;
      for (int i = 0; i < dashes; ++i) {
        const float a0 = 2 * kPi * i / dashes, a1 = a0 + kPi / dashes;
        dl->PathArcTo(c, r, a0, a1, 6);
        dl->PathStroke(stroke, 0, w);
      }
      break;
    }
    case kDiamond: {
      const float k = r * 1.12f;
      const ImVec2 pts[4] = {ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y)};
      dl->AddConvexPolyFilled(pts, 4, fill);
      dl->AddPolyline(pts, 4, stroke, ImDrawFlags_Closed, w);
      break;
    }
    case kHexagon: {
      ImVec2 pts[6];
      for (int i = 0; i < 6; ++i) {
        const float t = kPi / 6 + 2 * kPi * i / 6;
        pts[i] = ImVec2(c.x + 1.04f * r * std::cos(t), c.y + 1.04f * r * std::sin(t));
      }
      dl->AddConvexPolyFilled(pts, 6, fill);
      dl->AddPolyline(pts, 6, stroke, ImDrawFlags_Closed, w);
      break;
    }
    case kRoundSquare: {
      const float k = r * 0.92f;
      dl->AddRectFilled(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), fill, 0.35f * r);
      dl->AddRect(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), stroke, 0.35f * r, 0, 1.4f * s);
      break;
    }
  }
}

Palette CategoryPalette(const Theme& th, int ci, float dim) {
  const Color base = th.series[kCategories[ci].series];
  const bool dark = th.mode != ThemeMode::Light;
  Palette p;
  p.bg = th.background;
  p.stroke = Mix(base, th.text, dark ? 0.1f : 0.3f);
  p.fill = Mix(th.background, base, dark ? 0.26f : 0.16f);
  p.dark = Mix(base, th.text, dark ? 0.0f : 0.2f);
  p.light = Mix(th.background, base, dark ? 0.45f : 0.32f);
  if (dim > 0) {
    p.stroke = Mix(p.stroke, th.background, dim);
    p.fill = Mix(p.fill, th.background, dim);
    p.dark = Mix(p.dark, th.background, dim);
    p.light = Mix(p.light, th.background, dim);
  }
  return p;
}

void Arrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 from, float size, Color col) {
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) { dx = 0; dy = 1; } else { dx /= len; dy /= len; }
  const ImVec2 b(tip.x - dx * size, tip.y - dy * size);
  dl->AddTriangleFilled(tip, ImVec2(b.x - dy * size * 0.55f, b.y + dx * size * 0.55f),
                        ImVec2(b.x + dy * size * 0.55f, b.y - dx * size * 0.55f), col);
}

// Dashes of `dash` and gaps of `gap` design px: 7/5 for reprogramming, 3/4 (dots) for "engineered from".
void DrawCurve(ImDrawList* dl, const Curve& c, Color col, float thick, bool dashed, float s, float dash_px = 7,
               float gap_px = 5) {
  const int n = 28;
  ImVec2 pts[n + 1];
  for (int i = 0; i <= n; ++i) pts[i] = Bezier(c.p0, c.p1, c.p2, c.p3, (float)i / n);
  if (!dashed) {
    dl->AddPolyline(pts, n + 1, col, 0, thick);
    return;
  }
  const float dash = dash_px * s, gap = gap_px * s;
  float acc = 0;
  bool on = true;
  for (int i = 0; i < n; ++i) {
    ImVec2 a = pts[i], b = pts[i + 1];
    float seg = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
    while (seg > 0) {
      const float left = (on ? dash : gap) - acc;
      const float take = std::min(left, seg);
      const float f = take / seg;
      const ImVec2 m(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
      if (on) dl->AddLine(a, m, col, thick);
      a = m;
      seg -= take;
      acc += take;
      if (acc >= (on ? dash : gap) - 1e-3f) { acc = 0; on = !on; }
    }
  }
}

// The colours of the two lab-made kinds of arrow (reprogrammed, engineered), darkened on light backgrounds.
Color ReprogColour(const Theme& th) { return Mix(th.series[4], th.text, th.mode == ThemeMode::Light ? 0.35f : 0.0f); }
Color EngineeredColour(const Theme& th) { return Mix(th.series[5], th.text, th.mode == ThemeMode::Light ? 0.35f : 0.0f); }

void DrawLegendSwatch(ImDrawList* dl, const CellDiagramWidget::LegendEntry& e, const Rect& r, const Theme& th,
                      float s) {
  const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
  if (e.kind == 0) {
    const int ci = CategoryIndex(e.category);
    const Palette p = CategoryPalette(th, ci, 0);
    DrawBacking(dl, kCategories[ci].shape, c, r.h * 0.42f, p.fill, p.stroke, s * 0.8f);
  } else {
    const Color col = e.kind == 2 ? ReprogColour(th) : e.kind == 3 ? EngineeredColour(th) : th.text_muted;
    Curve cv{ImVec2(r.x, c.y), ImVec2(r.x + r.w * 0.3f, c.y), ImVec2(r.x + r.w * 0.6f, c.y), ImVec2(r.x + r.w - 6 * s, c.y)};
    if (e.kind == 3) DrawCurve(dl, cv, col, 2 * s, true, s, 3, 4);
    else DrawCurve(dl, cv, col, 2 * s, e.kind == 2, s * 0.6f);
    Arrowhead(dl, ImVec2(r.x + r.w, c.y), ImVec2(r.x, c.y), 7 * s, col);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// The frame's drawing

Rect CellDiagramWidget::OnScreen(Rect r, bool scrolls) const {
  if (scrolls) r.y -= main_.offset();
  return r;
}

// The filter label and the therapy chips (narrow: inside the scrolled view).
void CellDiagramWidget::DrawChips(const FrameContext& ctx) const {
  const Layout& L = layout_;
  if (L.chips.empty()) return;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const bool chips_scroll = L.ChipsScroll();
  const float small = CurrentFonts().Size(FontRole::Small), lh = small * 1.35f;
  const Rect lab = OnScreen(L.chip_label, chips_scroll);
  for (size_t k = 0; k < L.chip_label_lines.size(); ++k)
    DrawText(dl, FontRole::Small, ImVec2(lab.x, lab.y + k * lh + (lh - small) / 2), th.text_muted, L.chip_label_lines[k]);
  for (const auto& c : L.chips) {
    const Rect b = OnScreen(c.box, chips_scroll);
    const bool on = c.therapy == therapy_;
    const float round = std::min(b.h / 2, 16 * s);
    if (on) {
      dl->AddRectFilled(b.Min(), b.Max(), th.accent, round);
    } else {
      dl->AddRectFilled(b.Min(), b.Max(), th.surface, round);
      dl->AddRect(b.Min(), b.Max(), th.border, round, 0, 1.2f * s);
    }
    float ly = b.y + (b.h - c.lines.size() * lh) / 2;
    for (const auto& line : c.lines) {
      const float lw = MeasureText(FontRole::Small, line).x;
      DrawText(dl, FontRole::Small, ImVec2(b.x + (b.w - lw) / 2, ly + (lh - small) / 2), on ? th.accent_text : th.text, line);
      ly += lh;
    }
    if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, b, round, th, s);
  }
}

// The arrows: dim ones first, emphasised ones on top; then the label on the first reprogramming arrow.
void CellDiagramWidget::DrawEdges(const FrameContext& ctx, const Highlight& h) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Color edge_col = Mix(th.text_muted, th.background, 0.25f);
  const Color reprog_col = ReprogColour(th), eng_col = EngineeredColour(th);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& e : L.edges) {
      const Node& a = L.nodes[e.from];
      const Node& b = L.nodes[e.to];
      const float em = std::min(emph_[a.cell], emph_[b.cell]);
      const bool strong = h.selected_cell >= 0 && em > 0.5f;
      if ((pass == 1) != strong) continue;
      const Curve c = EdgeCurve(a, b, main_.offset());
      const float ey0 = std::min(c.p0.y, c.p3.y + c.tail), ey1 = std::max(c.p0.y, c.p3.y + c.tail);
      if (ey1 < L.view.y || ey0 > L.view.y + L.view.h) continue;  // off screen
      Color col = e.reprogramming ? reprog_col : e.engineered ? eng_col : (strong ? th.text : edge_col);
      col = Mix(col, th.background, (1 - em) * 0.78f);
      const bool dashed = e.reprogramming || e.engineered;  // lab-made: dashed (reprogrammed) or dotted (engineered)
      const float dash = e.engineered ? 3 : 7, gap = e.engineered ? 4 : 5;
      const float thick = dashed ? 2.0f * s : (strong ? 2.2f : 1.5f) * s;
      if (c.tail > 0) {  // curve to the top of the layer, then straight down between the cells above
        const ImVec2 end(c.p3.x, c.p3.y + c.tail);
        DrawCurve(dl, c, col, thick, dashed, s, dash, gap);
        if (dashed) DrawCurve(dl, Curve{c.p3, c.p3, end, end}, col, thick, true, s, dash, gap);
        else dl->AddLine(c.p3, ImVec2(end.x, end.y - 5 * s), col, thick);
        Arrowhead(dl, end, c.p3, 8 * s, col);
        continue;
      }
      Curve shortened = c;
      shortened.p3.y += (c.p3.y > c.p2.y ? -5 * s : 5 * s);
      DrawCurve(dl, dashed ? c : shortened, col, thick, dashed, s, dash, gap);
      Arrowhead(dl, c.p3, c.p2, 8 * s, col);
    }
  }
  if (L.reprog_label.w > 0) {
    const Edge& e = L.edges[L.reprog_label_edge];
    const float em = std::min(emph_[L.nodes[e.from].cell], emph_[L.nodes[e.to].cell]);
    const Rect b = OnScreen(L.reprog_label, true);
    dl->AddRectFilled(b.Min(), b.Max(), th.background, b.h / 2);
    dl->AddRect(b.Min(), b.Max(), Mix(reprog_col, th.background, (1 - em) * 0.78f), b.h / 2, 0, 1.2f * s);
    const std::string text = doc_.String("reprogrammedFrom");
    const ImVec2 ts = MeasureText(FontRole::Small, text);
    DrawText(dl, FontRole::Small, ImVec2(b.x + (b.w - ts.x) / 2, b.y + (b.h - ts.y) / 2),
             Mix(th.text, th.text_muted, 1 - em), text);
  }
}

// The cells: a card behind the selected one and the therapy's (shape, not colour alone), the potency outline,
// the glyph, the name on a backing that keeps arrows off the text, the focus ring.
void CellDiagramWidget::DrawNodes(const FrameContext& ctx, const Highlight& h) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  for (const auto& n : L.nodes) {
    const CellType& c = doc_.cell_types[n.cell];
    const int ci = CategoryIndex(c.category);
    const float dim = (1.0f - emph_[n.cell]) * 0.72f;
    const Palette p = CategoryPalette(th, ci, dim);
    const Rect box = OnScreen(n.box, true);
    if (box.y + box.h < L.view.y - 8 * s || box.y > L.view.y + L.view.h + 8 * s) continue;  // off screen
    const ImVec2 centre(n.centre.x, n.centre.y - main_.offset());
    const bool sel = n.cell == h.selected_cell;
    const bool card = sel || (h.in_therapy[n.cell] && !therapy_.empty());
    if (card) {
      dl->AddRectFilled(box.Min(), box.Max(), Mix(th.surface, th.background, dim), 10 * s);
      if (sel) dl->AddRect(box.Min(), box.Max(), th.accent, 10 * s, 0, 2.5f * s);
      else dl->AddRect(box.Min(), box.Max(), Mix(th.border, th.background, dim), 10 * s, 0, 1.2f * s);
    }
    DrawBacking(dl, kCategories[ci].shape, centre, n.r, p.fill, p.stroke, s);
    const float g = n.r * (kCategories[ci].shape == kDiamond ? 0.58f : 0.66f);
    DrawGlyph(dl, c.glyph, centre, g, p, s);
    // Dimmed names turn muted, never fainter than the theme's muted text (AA contrast).
    const Color tc = Mix(th.text, th.text_muted, std::min(1.0f, dim / 0.72f));
    if (!n.line_boxes.empty() && !card) {  // keeps arrows off the text
      Rect lb = OnScreen(n.line_boxes[0], true);
      float x0 = lb.x, x1 = lb.x + lb.w, y1 = lb.y + lb.h;
      for (const auto& o : n.line_boxes) { x0 = std::min(x0, o.x); x1 = std::max(x1, o.x + o.w); y1 = o.y - main_.offset() + o.h; }
      dl->AddRectFilled(ImVec2(x0 - 3 * s, lb.y), ImVec2(x1 + 3 * s, y1), th.background, 4 * s);
    }
    for (size_t k = 0; k < n.lines.size(); ++k) {
      const Rect lb = OnScreen(n.line_boxes[k], true);
      DrawText(dl, FontRole::Small, ImVec2(lb.x, lb.y + (lb.h - CurrentFonts().Size(FontRole::Small)) / 2), tc, n.lines[k]);
    }
    if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, box, 10 * s, th, s);
  }
}

// Narrow: the legend after the diagram, in the scrolled content.
void CellDiagramWidget::DrawLegendFlow(const FrameContext& ctx) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  ImDrawList* dl = ctx.draw;
  const Rect h = OnScreen(L.legend_heading, true);
  DrawText(dl, FontRole::Strong, h.Min(), th.text, doc_.String("legendHeading"));
  for (const auto& e : L.legend) {
    DrawLegendSwatch(dl, e, OnScreen(e.swatch, true), th, ctx.scale);
    const Rect t = OnScreen(e.text, true);
    const float small = CurrentFonts().Size(FontRole::Small), lh = small * 1.35f;
    for (size_t k = 0; k < e.lines.size(); ++k)
      DrawText(dl, FontRole::Small, ImVec2(t.x, t.y + k * lh + (lh - small) / 2), th.text, e.lines[k]);
  }
}

void CellDiagramWidget::DrawFooter(const FrameContext& ctx, bool scrolls) const {
  const float lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
  const Rect f = OnScreen(layout_.footer, scrolls);
  for (size_t k = 0; k < layout_.footer_lines.size(); ++k)
    DrawText(ctx.draw, FontRole::Small, ImVec2(f.x, f.y + k * lh), ctx.theme->text_muted, layout_.footer_lines[k]);
}

// The side panel or bottom sheet: its rows (the selection's details, else the hint, the filter and the legend)
// scrolled by `detail_`, and the close button.
void CellDiagramWidget::DrawPanel(const FrameContext& ctx, const Detail& d) const {
  const Layout& L = layout_;
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const Rect P = L.panel;
  if (L.narrow) {
    dl->AddRectFilled(ImVec2(P.x, P.y - 6 * s), ImVec2(P.x + P.w, P.y), WithAlpha(th.text, 0.06f));
    dl->AddRectFilled(P.Min(), P.Max(), th.surface, 14 * s, ImDrawFlags_RoundCornersTop);
    dl->AddLine(ImVec2(P.x, P.y), ImVec2(P.x + P.w, P.y), th.border, 1.2f * s);
    dl->AddRectFilled(ImVec2(P.x + P.w / 2 - 18 * s, P.y + 8 * s), ImVec2(P.x + P.w / 2 + 18 * s, P.y + 12 * s), th.border, 2 * s);
  } else {
    dl->AddRectFilled(P.Min(), P.Max(), th.surface, 12 * s);
    dl->AddRect(P.Min(), P.Max(), Mix(th.border, th.surface, 0.3f), 12 * s, 0, 1.0f * s);
  }
  const Rect& view = d.view;
  const float small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
  dl->PushClipRect(view.Min(), view.Max(), true);
  float y = view.y - detail_.offset();
  for (const auto& r : d.rows) {
    y += r.block.space_before * s;
    if (r.legend >= 0) {
      const LegendEntry& e = L.legend[r.legend];
      const float h = std::max(e.swatch.h, e.lines.size() * small_lh);
      DrawLegendSwatch(dl, e, Rect{view.x, y + (h - e.swatch.h) / 2, e.swatch.w, e.swatch.h}, th, s);
      float ly = y + (h - e.lines.size() * small_lh) / 2;
      for (const auto& line : e.lines) {
        DrawText(dl, FontRole::Small, ImVec2(view.x + e.text.x, ly + (small_lh - CurrentFonts().Size(FontRole::Small)) / 2), th.text, line);
        ly += small_lh;
      }
      y += h;
    } else {
      y += DrawWrapped(dl, r.block.role, ImVec2(view.x, y), r.block.color, r.block.text, d.text_w, view.y - 40 * s,
                       view.y + view.h + 40 * s);
    }
  }
  dl->PopClipRect();
  detail_.DrawIndicator(dl, th.border, s);
  CloseButton::Draw(dl, L.close, th, s, false);  // Escape and a second tap on the cell do the same
}

// Everything, back to front: fixed chips, the scrolled view (chips on a phone, arrows, cells, legend and footer on
// a phone), its scroll indicator, the footer beside the diagram, the panel.
void CellDiagramWidget::Draw(const FrameContext& ctx, const Highlight& h, const Detail& d) const {
  const Layout& L = layout_;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  const bool chips_scroll = L.ChipsScroll();
  if (!chips_scroll) DrawChips(ctx);
  dl->PushClipRect(L.view.Min(), L.view.Max(), true);
  if (chips_scroll) DrawChips(ctx);
  DrawEdges(ctx, h);
  DrawNodes(ctx, h);
  if (L.narrow) {
    DrawLegendFlow(ctx);
    DrawFooter(ctx, true);
  }
  dl->PopClipRect();
  // A thin scroll indicator just inside the view's right edge.
  main_.DrawIndicator(dl, ctx.theme->border, s, Rect{L.view.x + L.view.w - 4 * s, L.view.y, 3 * s, L.view.h});
  if (!L.narrow) DrawFooter(ctx, false);
  if (L.panel.w > 0) DrawPanel(ctx, d);
}

}  // namespace scw
