// cell_diagram.cpp — see cell_diagram.h. The frame (input → layout → draw, in the files named in
// cell_diagram_parts.h), content and view state, the detail panel's rows, and the parallel DOM.
#include "cell_diagram.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "cell_diagram_parts.h"

namespace scw {

using namespace cell_diagram;
using content::CellType;

// ---------------------------------------------------------------------------------------------------------------
// Content and view state

void CellDiagramWidget::OnContent() {
  ++content_rev_;
  emph_.assign(doc_.cell_types.size(), 1.0f);
  if (!therapy_.empty() && !doc_.FindTherapy(therapy_)) therapy_.clear();
  if (!nav_.selected().empty() && !doc_.FindCell(nav_.selected())) nav_.Clear();
  main_.Reset();
  detail_.Reset();
  animating_ = false;
}

std::vector<int> CellDiagramWidget::Lineage(int cell) const {
  const Graph g = BuildGraph(doc_);
  std::vector<int> mark(doc_.cell_types.size(), 0), out;
  mark[cell] = 1;
  std::vector<int> stack = {cell};
  while (!stack.empty()) {  // ancestors
    int u = stack.back();
    stack.pop_back();
    for (int p : g.parents[u])
      if (!mark[p]) { mark[p] = 1; stack.push_back(p); }
  }
  stack = {cell};
  while (!stack.empty()) {  // descendants
    int u = stack.back();
    stack.pop_back();
    for (int k : g.kids[u])
      if (!mark[k]) { mark[k] = 1; stack.push_back(k); }
  }
  for (int k : g.reprog_from[cell]) mark[k] = 1;  // what it is reprogrammed from, and what it can be turned into
  for (int k : g.reprog_to[cell]) mark[k] = 1;
  for (int k : g.eng_from[cell]) mark[k] = 1;  // what it is engineered from, and what is engineered from it
  for (int k : g.eng_to[cell]) mark[k] = 1;
  for (int i = 0; i < (int)mark.size(); ++i)
    if (mark[i]) out.push_back(i);
  return out;
}

std::string CellDiagramWidget::CellNames(const std::vector<std::string>& ids) const {
  std::string out;
  for (const auto& id : ids) {
    const CellType* c = doc_.FindCell(id);
    if (!c) continue;
    if (!out.empty()) out += ", ";
    out += c->name;
  }
  return out;
}

void CellDiagramWidget::Announce() {
  const CellType* c = doc_.FindCell(nav_.selected());
  if (!c) {
    announcement_ = doc_.String("selectHint");
    return;
  }
  announcement_ = c->name + ". " + doc_.String("category_" + c->category) + ".";
  const std::string kids = CellNames(c->becomes);
  if (!kids.empty()) announcement_ += " " + doc_.String("canBecome") + ": " + kids + ".";
  const std::string eng = CellNames(c->engineered_from);
  if (!eng.empty()) announcement_ += " " + doc_.String("engineeredFrom") + ": " + eng + ".";
}


std::vector<CellDiagramWidget::PanelRow> CellDiagramWidget::PanelRows(const Layout& L, float width,
                                                                     const Theme& th) const {
  (void)width;
  std::vector<PanelRow> rows;
  auto text = [&](FontRole role, const std::string& t, Color col, float before) {
    if (t.empty()) return;
    rows.push_back(PanelRow{TextBlock{role, t, col, before}, -1});
  };
  const CellType* c = doc_.FindCell(nav_.selected());
  if (c) {
    text(FontRole::Title, c->name, th.text, 0);
    text(FontRole::Small, doc_.String("category_" + c->category), th.text_muted, 2);
    text(FontRole::Strong, doc_.String("whatItIs"), th.text, 14);
    text(FontRole::Body, c->long_text.empty() ? c->short_text : c->long_text, th.text, 2);
    if (!c->found_in.empty()) {
      text(FontRole::Strong, doc_.String("foundIn"), th.text, 12);
      text(FontRole::Body, c->found_in, th.text, 2);
    }
    const std::string kids = CellNames(c->becomes);
    if (!kids.empty()) {
      text(FontRole::Strong, doc_.String("canBecome"), th.text, 12);
      text(FontRole::Body, kids, th.text, 2);
    }
    std::vector<std::string> parents;
    for (const auto& o : doc_.cell_types)
      if (std::find(o.becomes.begin(), o.becomes.end(), c->id) != o.becomes.end()) parents.push_back(o.id);
    if (!parents.empty()) {
      text(FontRole::Strong, doc_.String("madeFrom"), th.text, 12);
      text(FontRole::Body, CellNames(parents), th.text, 2);
    }
    if (!c->reprogrammed_from.empty()) {
      text(FontRole::Strong, doc_.String("reprogrammedFrom"), th.text, 12);
      text(FontRole::Body, CellNames(c->reprogrammed_from), th.text, 2);
    }
    if (!c->engineered_from.empty()) {
      text(FontRole::Strong, doc_.String("engineeredFrom"), th.text, 12);
      text(FontRole::Body, CellNames(c->engineered_from), th.text, 2);
    }
    std::string used;
    for (const auto& t : doc_.therapies)
      if (std::find(t.cells.begin(), t.cells.end(), c->id) != t.cells.end()) used += (used.empty() ? "" : "\n") + ("• " + t.name);
    if (!c->therapy_role.empty() || !used.empty()) {
      text(FontRole::Strong, doc_.String("usedIn"), th.text, 12);
      text(FontRole::Body, c->therapy_role, th.text, 2);
      text(FontRole::Body, used, th.text, 4);
    }
    const std::string src = SourcesText(c->sources);
    if (!src.empty()) {
      text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 12);
      text(FontRole::Small, src, th.text_muted, 2);
    }
    return rows;
  }
  text(FontRole::Strong, doc_.String("selectHint"), th.text, 0);
  if (const content::Therapy* t = doc_.FindTherapy(therapy_)) {
    text(FontRole::Small, doc_.String("therapyFilter"), th.text_muted, 14);
    text(FontRole::Title, t->name, th.text, 2);
    text(FontRole::Strong, TherapyStatusText(doc_, *t), th.text, 2);
    text(FontRole::Body, t->short_text, th.text, 4);
    text(FontRole::Body, CellNames(t->cells), th.text, 4);
    const std::string src = SourcesText(t->sources);
    if (!src.empty()) {
      text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 10);
      text(FontRole::Small, src, th.text_muted, 2);
    }
  }
  if (!L.narrow) {
    text(FontRole::Strong, doc_.String("legendHeading"), th.text, 18);
    for (int i = 0; i < (int)L.legend.size(); ++i) rows.push_back(PanelRow{TextBlock{FontRole::Small, "", 0, 8}, i});
  }
  return rows;
}

// The panel's rows for this frame, and where they scroll: under the close button, inside the panel's padding.
CellDiagramWidget::Detail CellDiagramWidget::DetailLayout(const Layout& L, const Theme& th, float s) const {
  Detail d;
  if (L.panel.w <= 0) return d;
  const Rect P = L.panel;
  const float ip = L.panel_pad > 0 ? L.panel_pad : 16 * s;
  const float header = L.close.w > 0 ? (L.close.y + L.close.h - P.y) : ip;
  d.view = Rect{P.x + ip, P.y + header, P.w - 2 * ip, std::max(1.0f, P.h - header - ip * 0.5f)};
  d.text_w = d.view.w - 6 * s;
  d.rows = PanelRows(L, d.text_w, th);
  const float small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
  float content = 0;
  for (const auto& r : d.rows) {
    content += r.block.space_before * s;
    if (r.legend >= 0) content += std::max(L.legend[r.legend].swatch.h, L.legend[r.legend].lines.size() * small_lh);
    else content += WrappedHeight(r.block.role, r.block.text, d.text_w);
  }
  content += 8 * s;
  d.content_h = content;
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// Frame: input → layout → draw

void CellDiagramWidget::EnsureLayout(const FrameContext& ctx) {
  const LayoutKey key{CurrentFontsKey(), content_rev_, !nav_.selected().empty(), ctx.width, ctx.height, ctx.scale};
  if (key == layout_key_) return;
  std::swap(layout_, other_layout_);
  std::swap(layout_key_, other_key_);
  if (key == layout_key_) return;  // the other selection state's layout, kept from before
  layout_ = ComputeLayout(doc_, key.selected, ctx.width, ctx.height, ctx.scale);
  layout_key_ = key;
}

void CellDiagramWidget::Frame(const FrameContext& ctx) {
  ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), ctx.theme->background);
  last_px_ = ctx.px;
  if (!loaded_) return;
  if (ctx.width != last_w_ || ctx.height != last_h_) { last_w_ = ctx.width; last_h_ = ctx.height; }

  EnsureLayout(ctx);
  Input(ctx);  // hit-tests this layout; lays out again when the selection opened or closed the sheet
  const DetailKey dk{layout_key_, nav_.selected(), therapy_, ctx.theme->text, ctx.theme->text_muted};
  if (!(dk == detail_key_)) {  // the panel's rows change with the selection, the therapy, the layout or the theme
    detail_layout_ = DetailLayout(layout_, *ctx.theme, ctx.scale);
    detail_key_ = dk;
  }
  ScrollDetail(detail_layout_, ctx.focused, ctx.scale, ctx.px);
  const Highlight highlight = HighlightNow();
  Animate(ctx, highlight);
  Draw(ctx, highlight, detail_layout_);
}

// ---------------------------------------------------------------------------------------------------------------
// State and parallel DOM

void CellDiagramWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Key("selected").StringOrNull(nav_.selected());
  j.Key("therapy").StringOrNull(therapy_);
  j.Key("cursor").StringOrNull(nav_.cursor_id());
  j.Field("layout", layout_.narrow ? "narrow" : "wide");
  j.Field("scroll", main_.offset() / last_px_);
  auto item = [&](const std::string& id, Rect r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / last_px_).Field("y", r.y / last_px_).Field("w", r.w / last_px_).Field("h", r.h / last_px_);
    j.EndObject();
  };
  j.Key("items").BeginArray();
  for (const auto& c : layout_.chips) {
    Rect b = c.box;
    if (layout_.ChipsScroll()) b.y -= main_.offset();
    item(c.id, b);
    j.EndObject();
  }
  for (const auto& n : layout_.nodes) {
    if (!loaded_ || n.cell >= (int)doc_.cell_types.size()) break;
    Rect b = n.box;
    b.y -= main_.offset();
    const bool visible = b.y >= layout_.view.y - 0.5f && b.y + b.h <= layout_.view.y + layout_.view.h + 0.5f;
    item(doc_.cell_types[n.cell].id, b);
    j.Field("visible", visible).EndObject();
  }
  if (layout_.close.w > 0) { item("close", layout_.close); j.EndObject(); }
  j.EndArray();
}

// {"selected": cell id | null, "therapy": therapy id | null}: checked first, then applied.
bool CellDiagramWidget::SetState(const nlohmann::json& p, std::string* error) {
  if (!CheckStateKeys(p, {"selected", "therapy"}, error)) return false;
  std::string cell = nav_.selected(), therapy = therapy_;
  if (p.contains("selected")) {
    if (!StateIdOrNull(p["selected"], "selected", &cell, error)) return false;
    if (!cell.empty() && !doc_.FindCell(cell)) {
      *error = "setState: \"selected\" is \"" + cell + "\", which is not a cell type id in the content (cellTypes).";
      return false;
    }
  }
  if (p.contains("therapy")) {
    if (!StateIdOrNull(p["therapy"], "therapy", &therapy, error)) return false;
    if (!therapy.empty() && !doc_.FindTherapy(therapy)) {
      *error = "setState: \"therapy\" is \"" + therapy + "\", which is not a therapy id in the content (therapies).";
      return false;
    }
  }
  if (therapy != therapy_) {
    therapy_ = therapy;
    announcement_ = doc_.String("therapyFilter") + ": " +
                    (therapy_.empty() ? doc_.String("allTherapies") : doc_.FindTherapy(therapy_)->name) + ".";
  }
  if (cell != nav_.selected()) {
    if (cell.empty()) nav_.Clear();
    else nav_.Select(cell);
    detail_.Reset();
    Announce();
  }
  MarkChanged();
  return true;
}

dom::Node CellDiagramWidget::Dom() const {
  if (!loaded_) return {};
  dom::Node root = dom::El("section");
  dom::Attr(root, "aria-label", doc_.title.empty() ? std::string("Cell types") : doc_.title);
  dom::Add(root, dom::El("p", doc_.String("selectHint")));
  if (!doc_.therapies.empty()) {
    dom::Add(root, dom::El("h3", doc_.String("therapyFilter")));
    dom::Node ul = dom::El("ul");
    dom::Node all = dom::El("li", doc_.String("allTherapies"));
    dom::Attr(all, "data-id", "therapy:all");
    if (therapy_.empty()) dom::Attr(all, "aria-current", "true");
    dom::Add(ul, all);
    for (const auto& t : doc_.therapies) {
      dom::Node li = dom::El("li");
      dom::Attr(li, "data-id", "therapy:" + t.id);
      if (therapy_ == t.id) dom::Attr(li, "aria-current", "true");
      dom::Add(li, dom::El("strong", t.name));
      const std::string status = TherapyStatusText(doc_, t);
      if (!status.empty()) dom::Add(li, dom::El("em", " " + status + "."));
      std::string text;
      if (!t.short_text.empty()) text += " " + t.short_text;
      const std::string cells = CellNames(t.cells);
      if (!cells.empty()) text += " (" + cells + ")";
      if (!text.empty()) dom::Add(li, dom::El("span", text));
      dom::Add(ul, li);
    }
    dom::Add(root, ul);
  }
  std::vector<std::string> cited;
  for (int ci = 0; ci < kNumCategories; ++ci) {
    std::vector<const CellType*> group;
    for (const auto& c : doc_.cell_types)
      if (CategoryIndex(c.category) == ci) group.push_back(&c);
    if (group.empty()) continue;
    dom::Add(root, dom::El("h3", doc_.String(std::string("category_") + kCategories[ci].key)));
    dom::Node ul = dom::El("ul");
    for (const CellType* c : group) {
      dom::Node li = dom::El("li");
      dom::Attr(li, "data-id", c->id);
      const bool sel = c->id == nav_.selected();
      if (sel) dom::Attr(li, "aria-current", "true");
      dom::Add(li, dom::El("strong", c->name));
      dom::Add(li, dom::El("span", " " + c->short_text));
      dom::Node dl = dom::El("dl");
      auto pair = [&](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        dom::Add(dl, dom::El("dt", doc_.String(key)));
        dom::Add(dl, dom::El("dd", value));
      };
      if (sel && !c->long_text.empty()) pair("whatItIs", c->long_text);
      pair("foundIn", c->found_in);
      pair("canBecome", CellNames(c->becomes));
      pair("reprogrammedFrom", CellNames(c->reprogrammed_from));
      pair("engineeredFrom", CellNames(c->engineered_from));
      std::string used;
      for (const auto& t : doc_.therapies)
        if (std::find(t.cells.begin(), t.cells.end(), c->id) != t.cells.end()) used += (used.empty() ? "" : "; ") + t.name;
      pair("usedIn", c->therapy_role.empty() ? used : (used.empty() ? c->therapy_role : c->therapy_role + " " + used));
      if (!dl.children.empty()) dom::Add(li, dl);
      if (sel && !c->sources.empty()) {
        dom::Add(li, dom::El("p", doc_.String("sourcesHeading")));
        dom::Add(li, SourcesList(c->sources));
      }
      dom::Add(ul, li);
      for (const auto& sid : c->sources)
        if (std::find(cited.begin(), cited.end(), sid) == cited.end()) cited.push_back(sid);
    }
    dom::Add(root, ul);
  }
  for (const auto& t : doc_.therapies)
    for (const auto& sid : t.sources)
      if (std::find(cited.begin(), cited.end(), sid) == cited.end()) cited.push_back(sid);
  if (!cited.empty()) {
    dom::Add(root, dom::El("h3", doc_.String("sourcesHeading")));
    dom::Add(root, SourcesList(cited));
  }
  dom::Add(root, dom::El("p", doc_.String("disclaimer")));
  return root;
}

}  // namespace scw
