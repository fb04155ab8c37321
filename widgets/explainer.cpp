// explainer.cpp — see explainer.h. Sections: views and content | frame (input routing, drawing the views into
// their panes, chrome, overlays) | links | keys and queries | state, setState and the parallel DOM.
#include "explainer.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <type_traits>

#include <imgui.h>

#include "content/json_text.h"
#include "content_widget.h"
#include "ui/text_layout.h"

namespace scw {

namespace {
using nlohmann::json;

const char* const kViewNames[ExplainerWidget::kViewCount] = {"cells", "timeline", "risks"};
const char* const kViewLabelKeys[ExplainerWidget::kViewCount] = {"tabCells", "tabTimeline", "tabRisks"};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Moves what a view drew into `dl` since (vtx0, cmd0) by `off` and clips it to `pane`. The view drew at its own
// origin under a clip rectangle in its own coordinates (pushed by the caller, so cmd0 holds only the view's
// primitives); its vertices and its commands' clip rectangles are moved in place. Measured with bench_frames
// (1920x1080, 27K vertices, release build, median of 590 frames): drawing into a scratch list per view and
// appending a translated copy took 0.53-0.63 ms a frame; moving in place takes 0.25-0.31 ms (p95 is dominated by
// the shared machine's load there: 0.4-8 ms across runs, for the single widgets too).
void MoveDrawn(ImDrawList* dl, int vtx0, int cmd0, ImVec2 off, const Rect& pane) {
  if (off.x == 0 && off.y == 0 && pane.x == 0 && pane.y == 0) return;  // a single view filling the canvas
  ImDrawVert* v = dl->VtxBuffer.Data;
  for (int i = vtx0; i < dl->VtxBuffer.Size; ++i) {
    v[i].pos.x += off.x;
    v[i].pos.y += off.y;
  }
  for (int i = std::max(cmd0, 0); i < dl->CmdBuffer.Size; ++i) {
    ImVec4& c = dl->CmdBuffer[i].ClipRect;
    const float r = pane.x + pane.w, b = pane.y + pane.h;  // cut to the pane (an empty cut stays in it, empty)
    const float x0 = std::min(std::max(c.x + off.x, pane.x), r), y0 = std::min(std::max(c.y + off.y, pane.y), b);
    c = ImVec4(x0, y0, std::min(std::max(c.z + off.x, x0), r), std::min(std::max(c.w + off.y, y0), b));
  }
}

// The frame's input as a view sees it: the pointer in its own coordinates (or none), the keys (or none).
InputState ForView(const InputState& in, const Rect& pane, bool pointer, bool keys) {
  InputState o = in;
  const ImVec2 far(-FLT_MAX, -FLT_MAX);
  if (pointer) {
    if (in.HasPointer()) o.pos = ImVec2(in.pos.x - pane.x, in.pos.y - pane.y);
    if (in.press_pos.x > -FLT_MAX / 2) o.press_pos = ImVec2(in.press_pos.x - pane.x, in.press_pos.y - pane.y);
  } else {
    o.pos = o.press_pos = far;
    o.down = o.clicked = o.released = false;
    o.wheel = o.wheel_h = 0;
  }
  if (!keys)
    for (int k = 0; k < (int)Key::Count; ++k) o.key_down[k] = o.key_pressed[k] = false;
  return o;
}

// setState's per-view part, checked on a copy of the view so that a refusal changes nothing. (A view that cannot
// be copied is checked when the part is applied instead: it still refuses by itself without changing.)
template <typename W>
bool ProbeSetState(const Widget& w, const json& partial, std::string* error) {
  if constexpr (std::is_copy_constructible_v<W>) {
    W probe(static_cast<const W&>(w));
    return probe.SetState(partial, error);
  } else {
    (void)w; (void)partial; (void)error;
    return true;
  }
}

// JSON text -> value through the content's parser (json_text), which the bundle has anyway: building values with
// nlohmann::json's initializer lists or json::parse instantiates another large set of templates in the wasm.
json Parsed(const std::string& text) {
  json out;
  std::vector<Problem> ignored;
  if (!ParseJsonText(text, &out, &ignored)) return json();
  return out;
}
// {"key": "id"} ({"key": null} for ""), or {"key": number}: a view's setState part.
json Part(const char* key, const std::string& id) {
  JsonWriter w;
  w.BeginObject().Key(key).StringOrNull(id).EndObject();
  return Parsed(w.str());
}
json Part(const char* key, double number) {
  JsonWriter w;
  w.BeginObject().Key(key).Number(number).EndObject();
  return Parsed(w.str());
}

Rect Translated(Rect r, const Rect& pane) { r.x += pane.x; r.y += pane.y; return r; }
Rect Intersect(const Rect& a, const Rect& b) {
  const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}
}  // namespace

const char* ExplainerWidget::ViewName(int v) { return v >= 0 && v < kViewCount ? kViewNames[v] : "cells"; }

// ---- views and content ---------------------------------------------------------------------------------

ExplainerWidget::ExplainerWidget() {
  views_[kCells] = std::make_unique<CellDiagramWidget>();
  views_[kTimeline] = std::make_unique<HsctTimelineWidget>();
  views_[kRisks] = std::make_unique<RiskChartWidget>();
}

LoadResult ExplainerWidget::SetContent(const nlohmann::json& json_doc, const std::string& lang) {
  content::Document d;
  LoadResult r = content::Load(json_doc, lang, &d);
  const bool pres[kViewCount] = {d.has_cell_types && !d.cell_types.empty(), d.has_timeline && !d.variants.empty(),
                                 d.has_risks && !d.risks.empty() && d.has_therapies && !d.therapies.empty()};
  if (r.ok && !pres[0] && !pres[1] && !pres[2]) {
    r.ok = false;
    PutFirst(r.problems, Problem{"", "the explainer needs at least one of: cell types (cellTypes), a timeline with a "
                                     "variant (timeline), or risks with the therapies they compare (risks and therapies). "
                                     "See docs/DATA.md.", false});
  }
  if (!r.ok) return r;  // every section counts here: each feeds a view (keep showing the previous content)
  for (int v = 0; v < kViewCount; ++v) {
    if (!pres[v]) {  // a view whose section is gone forgets its old content
      if (v == kCells) views_[v] = std::make_unique<CellDiagramWidget>();
      if (v == kTimeline) views_[v] = std::make_unique<HsctTimelineWidget>();
      if (v == kRisks) views_[v] = std::make_unique<RiskChartWidget>();
      continue;
    }
    LoadResult vr = views_[v]->SetContent(json_doc, lang);
    if (!vr.ok) return vr;  // cannot happen when the whole document passed, but never show a half-loaded view
  }
  doc_ = std::move(d);
  const bool replacing = loaded_;
  loaded_ = true;
  for (int v = 0; v < kViewCount; ++v) present_[v] = pres[v];
  if (!present_[tab_])
    for (int v = kViewCount - 1; v >= 0; --v)
      if (present_[v]) tab_ = v;
  for (int& c : last_in_column_) c = -1;
  therapy_.clear();
  risk_.clear();
  cell_.clear();
  capture_ = hover_ = -1;
  Resync();
  if (replacing) MarkChanged();
  return r;
}

ExplainerWidget::Snapshot ExplainerWidget::Read(int v) const {
  Snapshot s;
  if (!present_[v]) return s;
  JsonWriter w;
  w.BeginObject();
  views_[v]->State(w);
  w.EndObject();
  const json j = Parsed(w.str());
  if (!j.is_object()) return s;
  if (v == kCells) {
    s.cell = Str(j, "selected");
    s.cell_therapy = Str(j, "therapy");
  } else if (v == kTimeline) {
    s.variant = Str(j, "variant");
    s.phase_sel = Str(j, "selected");
    if (j.contains("day") && j["day"].is_number()) s.day = j["day"].get<double>();
  } else {
    s.risk_sel = Str(j, "selected");
    s.risk_risk = Str(j, "risk");
    s.risk_therapy = Str(j, "therapy");
    s.risk_view = Str(j, "view");
  }
  return s;
}

void ExplainerWidget::Resync() {
  for (int v = 0; v < kViewCount; ++v) {
    views_[v]->TakeChanged();
    snap_[v] = Read(v);
  }
}

bool ExplainerWidget::SetView(int v, const nlohmann::json& partial) {
  if (!present_[v]) return false;
  std::string err;
  const bool ok = views_[v]->SetState(partial, &err);
  views_[v]->TakeChanged();
  snap_[v] = Read(v);
  return ok;
}

std::string ExplainerWidget::ViewLabel(int v) const { return doc_.String(kViewLabelKeys[v]); }

std::string ExplainerWidget::Cursor() const {
  if (!loaded_) return std::string();
  if (zone_tabs_) return std::string("tab:") + ViewName(tab_);
  const std::string c = views_[tab_]->Cursor();
  return c.empty() ? std::string() : std::string(ViewName(tab_)) + ":" + c;
}

std::string ExplainerWidget::CursorText() const {
  if (!loaded_) return std::string();
  if (!zone_tabs_) return views_[tab_]->CursorText();
  size_t n = 0, total = layout_.tabs.size();
  for (size_t i = 0; i < total; ++i)
    if (layout_.tabs[i].view == tab_) n = i + 1;
  if (total <= 1 || n == 0) return ViewLabel(tab_);
  return ViewLabel(tab_) + ", " + doc_.String("positionOf", {{"n", std::to_string(n)}, {"total", std::to_string(total)}});
}

bool ExplainerWidget::Step(int dir) {
  if (!loaded_ || !present_[tab_] || !views_[tab_]->Step(dir)) return false;
  views_[tab_]->TakeChanged();
  OnViewChanged(tab_);  // the links follow, the announcement is the view's plus what followed; marks the change
  return true;
}

std::vector<std::string> ExplainerWidget::TherapiesForCell(const std::string& cell) const {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  for (const auto& t : doc_.therapies)
    if (std::find(t.cells.begin(), t.cells.end(), cell) != t.cells.end()) out.push_back(t.id);
  return out;
}

int ExplainerWidget::ColumnOf(int v) const {
  for (size_t i = 0; i < layout_.columns.size(); ++i)
    for (int x : layout_.columns[i].views)
      if (x == v) return (int)i;
  return -1;
}

int ExplainerWidget::ShownIn(const Column& c) const {
  if (c.views.empty()) return -1;
  if (std::find(c.views.begin(), c.views.end(), tab_) != c.views.end()) return tab_;
  const int ci = (int)(&c - layout_.columns.data());
  const int last = ci >= 0 && ci < kViewCount ? last_in_column_[ci] : -1;
  if (std::find(c.views.begin(), c.views.end(), last) != c.views.end()) return last;
  return c.views[0];
}

Rect ExplainerWidget::PaneOf(int v) const {
  for (const auto& c : layout_.columns)
    if (ShownIn(c) == v) return c.pane;
  return Rect{};
}

void ExplainerWidget::SelectTab(int v, bool keyboard) {
  if (v < 0 || v >= kViewCount || !present_[v] || v == tab_) return;
  tab_ = v;
  const int ci = ColumnOf(v);
  if (ci >= 0 && ci < kViewCount) last_in_column_[ci] = v;
  (void)keyboard;
  announcement_ = ViewLabel(v) + ".";
  MarkChanged();
}

// ---- frame ---------------------------------------------------------------------------------------------

void ExplainerWidget::Frame(const FrameContext& ctx) {
  relink_frame_ = false;
  px_ = ctx.px;
  const Theme& th = *ctx.theme;
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), th.background);
  if (!loaded_) return;
  layout_ = ComputeLayout(present_, ctx.width, ctx.height, ctx.scale, ctx.px);
  if (layout_.columns.size() < 2 && layout_.tabs.empty() && layout_.mode == Layout::Single) zone_tabs_ = false;
  for (size_t ci = 0; ci < layout_.columns.size() && ci < (size_t)kViewCount; ++ci)
    if (last_in_column_[ci] < 0 || std::find(layout_.columns[ci].views.begin(), layout_.columns[ci].views.end(),
                                             last_in_column_[ci]) == layout_.columns[ci].views.end())
      last_in_column_[ci] = layout_.columns[ci].views[0];

  const InputState& in = *ctx.input;
  auto view_at = [&](ImVec2 p) {
    for (const auto& c : layout_.columns)
      if (c.pane.Contains(p.x, p.y)) return ShownIn(c);
    return -1;
  };
  // Pointer: a press belongs to the view it started in until it is released; taps on the tabs choose a view.
  if (in.clicked) {
    capture_ = view_at(in.press_pos);
    if (capture_ >= 0) {
      if (capture_ != tab_) SelectTab(capture_, false);
      zone_tabs_ = false;
    }
  }
  hover_ = in.HasPointer() ? view_at(in.pos) : -1;
  if (in.released && capture_ < 0) {
    for (const auto& t : layout_.tabs)
      if (t.box.Contains(in.press_pos.x, in.press_pos.y) && t.box.Contains(in.pos.x, in.pos.y)) {
        SelectTab(t.view, false);
        zone_tabs_ = true;
      }
  }
  // Keys: the explainer's own first (the tabs, and back to them), else the active view's.
  bool key_taken = false;
  for (int k = 1; k < (int)Key::Count; ++k) {
    if (!in.key_pressed[k] || !TakesKey((Key)k)) continue;
    key_taken = true;
    const Key key = (Key)k;
    if (!zone_tabs_) { zone_tabs_ = true; announcement_ = ViewLabel(tab_) + "."; MarkChanged(); continue; }
    int i = 0;
    const int n = (int)layout_.tabs.size();
    for (int t = 0; t < n; ++t)
      if (layout_.tabs[t].view == tab_) i = t;
    if (key == Key::Left) i = (i + n - 1) % std::max(n, 1);
    else if (key == Key::Right) i = (i + 1) % std::max(n, 1);
    else if (key == Key::Home) i = 0;
    else if (key == Key::End) i = n - 1;
    else { zone_tabs_ = false; announcement_ = ViewLabel(tab_) + "."; MarkChanged(); continue; }  // into the view
    if (n > 0) SelectTab(layout_.tabs[i].view, true);
  }

  // The views, each in its pane.
  for (size_t ci = 0; ci < layout_.columns.size(); ++ci) {
    const Column& c = layout_.columns[ci];
    const int v = ShownIn(c);
    if (v < 0 || c.pane.w < 1 || c.pane.h < 1) continue;
    const bool pointer = capture_ >= 0 ? capture_ == v : hover_ == v;
    const bool keys = !zone_tabs_ && v == tab_ && !key_taken;
    const InputState vin = ForView(in, c.pane, pointer, keys);
    // The view draws straight into the explainer's list at its own origin; then what it drew is moved.
    const int vtx0 = dl->VtxBuffer.Size;
    dl->PushClipRect(ImVec2(0, 0), ImVec2(c.pane.w, c.pane.h), false);
    const int cmd0 = dl->CmdBuffer.Size - 1;
    FrameContext vc = ctx;
    vc.width = c.pane.w;
    vc.height = c.pane.h;
    vc.focused = ctx.focused && !zone_tabs_ && v == tab_;
    vc.focus_visible = ctx.focus_visible && vc.focused;
    vc.draw = dl;
    vc.input = &vin;
    SetCurrentInput(&vin);
    views_[v]->Frame(vc);
    SetCurrentInput(ctx.input);
    MoveDrawn(dl, vtx0, cmd0, ImVec2(c.pane.x, c.pane.y), c.pane);
    dl->PopClipRect();
  }
  if (in.released || !in.down) capture_ = -1;

  DrawOverlays(dl, ctx);
  DrawChrome(dl, ctx);

  // What the reader changed in a view drives the others.
  for (int v = 0; v < kViewCount; ++v)
    if (present_[v] && views_[v]->TakeChanged()) OnViewChanged(v);
}

void ExplainerWidget::DrawChrome(ImDrawList* dl, const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  const Layout& L = layout_;
  for (const Rect& d : L.dividers) dl->AddRectFilled(d.Min(), d.Max(), th.border);
  const bool many_columns = L.columns.size() > 1;
  for (size_t ci = 0; ci < L.columns.size(); ++ci) {
    const Column& c = L.columns[ci];
    if (c.head.h < 1) continue;
    const int shown = ShownIn(c);
    if (many_columns && shown == tab_)  // the active column (the one the keys go to)
      dl->AddRectFilled(ImVec2(c.head.x, c.head.y + c.head.h - 3 * s), ImVec2(c.head.x + c.head.w, c.head.y + c.head.h), th.accent);
    Rect all{0, 0, 0, 0};
    for (const auto& t : L.tabs) {
      if (t.column != (int)ci) continue;
      if (all.w == 0) all = t.box;
      else all.w = t.box.x + t.box.w - all.x;
    }
    const bool segmented = c.views.size() > 1;
    if (segmented && all.w > 0) {
      dl->AddRectFilled(all.Min(), all.Max(), th.surface_alt, 10 * s);
      dl->AddRect(all.Min(), all.Max(), th.border, 10 * s, 0, 1 * s);
    }
    for (const auto& t : L.tabs) {
      if (t.column != (int)ci || t.box.w < 1) continue;
      const bool on = t.view == shown;
      Rect box = t.box;
      if (segmented) {
        const Rect in{box.x + 3 * s, box.y + 3 * s, box.w - 6 * s, box.h - 6 * s};
        if (on) dl->AddRectFilled(in.Min(), in.Max(), th.accent, 8 * s);
        const std::string label = Ellipsize(FontRole::Strong, ViewLabel(t.view), in.w - 12 * s);
        const ImVec2 ts = MeasureText(FontRole::Strong, label);
        DrawText(dl, FontRole::Strong, ImVec2(in.x + (in.w - ts.x) / 2, in.y + (in.h - ts.y) / 2),
                 on ? th.accent_text : th.text, label);
        box = in;
      } else {
        const std::string label = Ellipsize(FontRole::Strong, ViewLabel(t.view), box.w);
        const ImVec2 ts = MeasureText(FontRole::Strong, label);
        DrawText(dl, FontRole::Strong, ImVec2(box.x, box.y + (box.h - ts.y) / 2), th.text, label);
        box.w = std::min(box.w, ts.x + 4 * s);
      }
      if (ctx.focused && ctx.focus_visible && zone_tabs_ && t.view == tab_) DrawFocusRing(dl, box, 8 * s, th, s);
    }
  }
}

void ExplainerWidget::DrawOverlays(ImDrawList* dl, const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  // The chosen risk's lane on the timeline.
  const Rect tp = PaneOf(kTimeline);
  if (!risk_.empty() && tp.w > 0) {
    const auto& L = static_cast<const HsctTimelineWidget&>(*views_[kTimeline]).last_layout();
    for (const auto& ln : L.lanes) {
      if (ln.risk != risk_) continue;
      Rect r = ln.lane;
      if (!L.vertical) { const float x0 = std::min(ln.label.x, r.x); r.w = r.x + r.w - x0; r.x = x0; }
      const Rect clip = Intersect(Translated(L.vertical ? L.plot : L.canvas, tp), tp);
      r = Translated(r, tp);
      if (clip.w <= 0 || clip.h <= 0) break;
      dl->PushClipRect(clip.Min(), clip.Max(), false);
      dl->AddRect(ImVec2(r.x - 1 * s, r.y), ImVec2(r.x + r.w + 1 * s, r.y + r.h), th.accent, 4 * s, 0, 2.5f * s);
      dl->PopClipRect();
      break;
    }
  }
  // The linked therapies' headers on the risk chart: the chosen therapy, or the therapies that use the chosen cell.
  const Rect rp = PaneOf(kRisks);
  if (rp.w > 0) {
    const std::vector<std::string> marked = cell_.empty() ? (therapy_.empty() ? std::vector<std::string>{}
                                                                                : std::vector<std::string>{therapy_})
                                                          : TherapiesForCell(cell_);
    const auto& rc = static_cast<const RiskChartWidget&>(*views_[kRisks]);
    const auto& L = rc.last_layout();
    if (!L.list && !marked.empty()) {
      const bool by_risk = snap_[kRisks].risk_view != "by-therapy";
      dl->PushClipRect(rp.Min(), rp.Max(), false);
      for (size_t ti = 0; ti < doc_.therapies.size(); ++ti) {
        if (std::find(marked.begin(), marked.end(), doc_.therapies[ti].id) == marked.end()) continue;
        Rect r;
        if (by_risk) {
          if (ti >= L.col_headers.size()) continue;
          r = Translated(L.col_headers[ti].box, rp);
        } else {
          if (ti >= L.row_headers.size()) continue;
          r = L.row_headers[ti].box;
          r.y -= rc.chart_scroll();
          r = Intersect(Translated(r, rp), Translated(rc.visible_body(), rp));
          if (r.h <= 0) continue;
        }
        dl->AddRect(ImVec2(r.x - 3 * s, r.y - 3 * s), ImVec2(r.x + r.w + 3 * s, r.y + r.h + 3 * s), th.accent, 6 * s, 0, 2.5f * s);
      }
      dl->PopClipRect();
    }
  }
}

// ---- links ---------------------------------------------------------------------------------------------

void ExplainerWidget::OnViewChanged(int v) {
  const Snapshot old = snap_[v];
  snap_[v] = Read(v);
  const Snapshot& cur = snap_[v];
  std::string note;
  if (v == kCells) {
    if (cur.cell_therapy != old.cell_therapy) LinkTherapy(cur.cell_therapy, kCells, &note);
    if (cur.cell != old.cell) LinkCell(cur.cell, &note);
  } else if (v == kRisks) {
    if (cur.risk_sel != old.risk_sel) {
      if (cur.risk_sel.empty()) risk_.clear();
      else {
        if (cur.risk_therapy != therapy_) LinkTherapy(cur.risk_therapy, kRisks, &note);
        LinkRisk(cur.risk_risk, &note);
      }
    }
  } else if (v == kTimeline) {
    if (cur.variant != old.variant) {
      const content::Therapy* t = TherapyForVariant(doc_, cur.variant);
      if (t && t->id != therapy_) LinkTherapy(t->id, kTimeline, &note);
    }
  }
  const std::string own = views_[v]->Announcement();
  announcement_ = own.empty() ? note : (note.empty() ? own : own + " " + note);
  relink_frame_ = true;
  MarkChanged();
}

void ExplainerWidget::LinkTherapy(const std::string& therapy, int from, std::string* note) {
  therapy_ = therapy;
  if (from != kCells) SetView(kCells, Part("therapy", therapy));
  if (therapy.empty()) return;
  const content::Therapy* t = doc_.FindTherapy(therapy);
  if (from != kRisks) SetView(kRisks, Part("therapy", therapy));  // keeps the risk, or takes its first one
  if (from != kTimeline && present_[kTimeline] && t && !t->timeline_variant.empty()) {
    const std::string before = snap_[kTimeline].variant;
    if (SetView(kTimeline, Part("variant", t->timeline_variant)) && before != snap_[kTimeline].variant) {
      if (const content::Variant* var = doc_.FindVariant(t->timeline_variant))
        *note += ViewLabel(kTimeline) + ": " + var->name + ".";
      if (!risk_.empty()) LinkRisk(risk_, note);  // where the chosen risk peaks in this variant
    }
  }
}

void ExplainerWidget::LinkRisk(const std::string& risk, std::string* note) {
  risk_ = risk;
  const content::Risk* r = doc_.FindRisk(risk);
  if (!r || !present_[kTimeline]) return;
  const std::string& variant = snap_[kTimeline].variant;
  for (const auto& w : r->windows) {
    if (w.variant != variant) continue;
    SetView(kTimeline, Part("day", w.days.from));
    const std::string from = HsctTimelineWidget::DayText(w.days.from), to = HsctTimelineWidget::DayText(w.days.to);
    *note += (note->empty() ? "" : " ") + doc_.String("whenItPeaks") + ": " +
             (w.days.from == w.days.to ? doc_.String("dayLabel", {{"day", from}})
                                       : doc_.String("dayRangeLabel", {{"from", from}, {"to", to}})) + ".";
    return;
  }
  if (const content::Variant* var = doc_.FindVariant(variant)) {
    for (const auto& p : var->phases) {
      if (std::find(p.risks.begin(), p.risks.end(), risk) == p.risks.end()) continue;
      SetView(kTimeline, Part("selected", p.id));
      *note += (note->empty() ? "" : " ") + ViewLabel(kTimeline) + ": " + p.name + ".";
      return;
    }
  }
  *note += (note->empty() ? "" : " ") + doc_.String("notOnTimeline", {{"name", r->name}});
}

void ExplainerWidget::LinkCell(const std::string& cell, std::string* note) {
  cell_ = cell;
  const auto ids = TherapiesForCell(cell);
  if (ids.empty()) return;
  std::string names;
  for (const auto& id : ids) names += (names.empty() ? "" : ", ") + doc_.FindTherapy(id)->name;
  *note += (note->empty() ? "" : " ") + doc_.String("usedIn") + ": " + names + ".";
}

// ---- keys and queries ----------------------------------------------------------------------------------

bool ExplainerWidget::TakesKey(Key key) const {
  if (!loaded_ || layout_.tabs.empty()) return false;
  if (zone_tabs_) {
    switch (key) {
      case Key::Left: case Key::Right: case Key::Home: case Key::End:
      case Key::Enter: case Key::Space: case Key::Down: return true;
      default: return false;
    }
  }
  if (views_[tab_]->UsesKey(key)) return false;
  return key == Key::Escape || key == Key::Up;  // unused by the view: back to the tabs
}

bool ExplainerWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  if (TakesKey(key)) return true;
  return !zone_tabs_ && present_[tab_] && views_[tab_]->UsesKey(key);
}

bool ExplainerWidget::UsesWheel(float dx, float dy) const {
  return loaded_ && hover_ >= 0 && views_[hover_]->UsesWheel(dx, dy);
}

bool ExplainerWidget::UsesDrag(float x, float y) const {
  if (!loaded_) return false;
  for (const auto& c : layout_.columns) {
    if (!c.pane.Contains(x, y)) continue;
    const int v = ShownIn(c);
    return v >= 0 && views_[v]->UsesDrag(x - c.pane.x, y - c.pane.y);
  }
  return false;
}

bool ExplainerWidget::Animating() const {
  if (relink_frame_) return true;
  for (const auto& c : layout_.columns) {
    const int v = ShownIn(c);
    if (v >= 0 && views_[v]->Animating()) return true;
  }
  return false;
}

// ---- state, setState and the parallel DOM --------------------------------------------------------------

void ExplainerWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Field("tab", ViewName(tab_));
  std::string selected;
  if (tab_ == kCells) selected = snap_[kCells].cell;
  else if (tab_ == kTimeline) selected = snap_[kTimeline].phase_sel;
  else selected = snap_[kRisks].risk_sel;
  j.Key("selected").StringOrNull(selected);
  j.Key("therapy").StringOrNull(therapy_);
  j.Key("risk").StringOrNull(risk_);
  j.Key("cell").StringOrNull(cell_);
  j.Key("therapiesForCell").BeginArray();
  for (const auto& id : TherapiesForCell(cell_)) j.String(id);
  j.EndArray();
  j.Field("layout", ModeName(layout_.mode));
  j.Field("focus", zone_tabs_ ? "tabs" : "view");
  j.Key("tabs").BeginArray();
  for (int v = 0; v < kViewCount; ++v)
    if (present_[v]) j.String(ViewName(v));
  j.EndArray();
  auto box = [&](const Rect& r) {
    j.BeginObject().Field("x", r.x / px_).Field("y", r.y / px_).Field("w", r.w / px_).Field("h", r.h / px_).EndObject();
  };
  j.Key("items").BeginArray();
  for (const auto& t : layout_.tabs) {
    j.BeginObject().Field("id", std::string("tab:") + ViewName(t.view)).Key("box");
    box(t.box);
    j.EndObject();
  }
  j.EndArray();
  j.Key("views").BeginObject();
  for (int v = 0; v < kViewCount; ++v) {
    if (!present_[v]) continue;
    j.Key(ViewName(v)).BeginObject();
    views_[v]->State(j);
    const Rect pane = PaneOf(v);
    j.Field("shown", pane.w > 0).Key("pane");
    box(pane);
    j.EndObject();
  }
  j.EndObject();
}

namespace {
// "setState: views.timeline: \"day\" must be a number …" from a view's own "setState: \"day\" must be …".
std::string ViewError(const std::string& view, std::string err) {
  const std::string prefix = "setState: ";
  if (err.compare(0, prefix.size(), prefix) == 0) err = err.substr(prefix.size());
  return "setState: views." + view + ": " + err;
}
}  // namespace

// setState's "views": an object of view name -> that view's own partial state, each checked on a copy of the view.
bool ExplainerWidget::CheckViews(const nlohmann::json& views, const std::string& tabs, std::string* error) const {
  if (!views.is_object()) {
    *error = "setState: \"views\" must be an object such as {\"timeline\": {\"day\": 8}}, got " + ShownValue(views) + ".";
    return false;
  }
  for (auto it = views.begin(); it != views.end(); ++it) {
    int v = -1;
    for (int x = 0; x < kViewCount; ++x)
      if (present_[x] && it.key() == ViewName(x)) v = x;
    if (v < 0) {
      *error = "setState: \"views\" has \"" + it.key() + "\"; this explainer has " + tabs + ".";
      return false;
    }
    std::string err;
    bool ok = false;
    if (v == kCells) ok = ProbeSetState<CellDiagramWidget>(*views_[v], it.value(), &err);
    if (v == kTimeline) ok = ProbeSetState<HsctTimelineWidget>(*views_[v], it.value(), &err);
    if (v == kRisks) ok = ProbeSetState<RiskChartWidget>(*views_[v], it.value(), &err);
    if (!ok) {
      *error = ViewError(it.key(), err);
      return false;
    }
  }
  return true;
}

bool ExplainerWidget::SetState(const nlohmann::json& p, std::string* error) {
  static const char* const kKeys[] = {"widget", "tab", "therapy", "risk", "cell", "views"};
  const std::string accepted = "\"tab\", \"therapy\", \"risk\", \"cell\" and \"views\"";
  if (!p.is_object()) {
    *error = "setState expects an object such as {\"tab\": \"timeline\"} or {\"therapy\": \"auto-hsct\"}, got " +
             ShownValue(p) + ".";
    return false;
  }
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return it.key() == k; }) == std::end(kKeys)) {
      *error = "setState: the explainer has no \"" + it.key() + "\" to set; it accepts " + accepted + ".";
      return false;
    }
  }
  if (!loaded_) { *error = "setState: the explainer has no content yet; wait for stemcell:ready."; return false; }
  if (p.contains("widget") && !(p["widget"].is_string() && p["widget"].get<std::string>() == Kind())) {
    *error = "setState: \"widget\" is " + ShownValue(p["widget"]) + ", but this widget is an explainer.";
    return false;
  }
  std::string tabs;
  for (int v = 0; v < kViewCount; ++v)
    if (present_[v]) tabs += std::string(tabs.empty() ? "" : ", ") + "\"" + ViewName(v) + "\"";
  int tab = tab_;
  if (p.contains("tab")) {
    tab = -1;
    for (int v = 0; v < kViewCount; ++v)
      if (present_[v] && p["tab"].is_string() && p["tab"].get<std::string>() == ViewName(v)) tab = v;
    if (tab < 0) {
      *error = "setState: \"tab\" is " + ShownValue(p["tab"]) + "; this explainer has " + tabs + ".";
      return false;
    }
  }
  // The linked ids: a string id the content defines, or null.
  struct IdKey { const char* key; const char* what; bool (*known)(const content::Document&, const std::string&); std::string value; bool given = false; };
  IdKey ids[] = {
      {"therapy", "a therapy id in the content (therapies)", [](const content::Document& d, const std::string& id) { return d.FindTherapy(id) != nullptr; }, {}, false},
      {"risk", "a risk id in the content (risks)", [](const content::Document& d, const std::string& id) { return d.FindRisk(id) != nullptr; }, {}, false},
      {"cell", "a cell type id in the content (cellTypes)", [](const content::Document& d, const std::string& id) { return d.FindCell(id) != nullptr; }, {}, false},
  };
  for (auto& k : ids) {
    if (!p.contains(k.key)) continue;
    const json& v = p[k.key];
    if (!v.is_null() && !v.is_string()) {
      *error = std::string("setState: \"") + k.key + "\" must be " + k.what + " or null, got " + ShownValue(v) + ".";
      return false;
    }
    k.value = v.is_string() ? v.get<std::string>() : std::string();
    if (!k.value.empty() && !k.known(doc_, k.value)) {
      *error = std::string("setState: \"") + k.key + "\" is \"" + k.value + "\", which is not " + k.what + ".";
      return false;
    }
    k.given = true;
  }
  if (ids[2].given && !present_[kCells] && !ids[2].value.empty()) {
    *error = "setState: \"cell\" needs the cell diagram, and this content has no cell types.";
    return false;
  }
  // Per-view parts, checked on a copy of each view so that nothing changes when one is refused.
  const json* views = p.contains("views") ? &p["views"] : nullptr;
  if (views && !CheckViews(*views, tabs, error)) return false;
  // Apply: the views' own parts first (they link like a reader's choice), then the linked ids, then the tab.
  std::string note;
  if (views) {
    for (auto it = views->begin(); it != views->end(); ++it) {
      for (int v = 0; v < kViewCount; ++v) {
        if (it.key() != ViewName(v)) continue;
        std::string err;
        if (!views_[v]->SetState(it.value(), &err)) {  // only where the view could not be checked on a copy
          *error = ViewError(it.key(), err);
          return false;
        }
        views_[v]->TakeChanged();
        OnViewChanged(v);
        if (!announcement_.empty()) note += (note.empty() ? "" : " ") + announcement_;
      }
    }
  }
  if (ids[0].given) {
    LinkTherapy(ids[0].value, -1, &note);
    if (!ids[0].value.empty()) note = doc_.FindTherapy(ids[0].value)->name + ". " + note;
  }
  if (ids[1].given) {
    if (ids[1].value.empty()) {
      SetView(kRisks, Part("selected", std::string()));
      risk_.clear();
    } else {
      SetView(kRisks, Part("risk", ids[1].value));
      note += (note.empty() ? "" : " ") + doc_.FindRisk(ids[1].value)->name + ".";
      LinkRisk(ids[1].value, &note);
    }
  }
  if (ids[2].given) {
    SetView(kCells, Part("selected", ids[2].value));
    if (!ids[2].value.empty()) note += (note.empty() ? "" : " ") + doc_.FindCell(ids[2].value)->name + ".";
    LinkCell(ids[2].value, &note);
  }
  if (tab != tab_) {
    SelectTab(tab, false);
    note = note.empty() ? announcement_ : announcement_ + " " + note;
  }
  announcement_ = note;
  relink_frame_ = false;
  MarkChanged();
  return true;
}

dom::Node ExplainerWidget::Dom() const {
  if (!loaded_) return {};
  dom::Node root = dom::El("section");
  dom::Attr(root, "aria-label", doc_.title.empty() ? std::string("Stem cell explainer") : doc_.title);
  for (int v = 0; v < kViewCount; ++v) {
    if (!present_[v]) continue;
    dom::Node part = dom::El("section");
    dom::Attr(part, "data-id", std::string("view:") + ViewName(v));  // the loader keeps data-id
    dom::Add(part, dom::El("h2", ViewLabel(v)));
    dom::Node inner = views_[v]->Dom();
    if (!inner.tag.empty()) dom::Add(part, std::move(inner));
    dom::Add(root, std::move(part));
  }
  return root;
}

}  // namespace scw
