// risk_chart.cpp — see risk_chart.h. The frame (input → layout → draw, in the files named in
// risk_chart_parts.h), level and figure text, content and view state, and the parallel DOM.
#include "risk_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "risk_chart_parts.h"
#include "ui/number_format.h"
#include "ui/text_layout.h"

namespace scw {
namespace risk_chart {

using content::Level;

// Chart labels: UI strings of the document (built-in English otherwise).
std::string Local(const content::Document& d, const std::string& key) {
  static const char* const keys[][2] = {{"ci95", "ci95Label"}, {"range", "rangeLabel"}, {"iqr", "iqrLabel"},
                                        {"figures", "figuresHint"}};  // a plain table: a std::map costs ~1 KB of code
  for (const auto& k : keys)
    if (key == k[0]) return d.String(k[1]);
  return d.String(key);
}

// As many decimals as the figure has (up to 2, as the data gives them: "12", "0.35", "20.8"), in the document's
// language (ui/number_format.h: es "20,8", "1.200"; en "20.8", "1,200").
static int Decimals(double v) {
  const std::string t = DecimalText(v, 2);
  const size_t dot = t.find('.');
  return dot == std::string::npos ? 0 : (int)(t.size() - dot - 1);
}

std::string Number(const content::Document& d, double v) { return scw::FormatNumber(v, Decimals(v), d.lang); }

std::string WithUnit(const content::Document& d, double v, const std::string& unit) {
  if (unit == "%") return FormatPercent(v, Decimals(v), d.lang);
  if (unit.empty()) return Number(d, v);
  return Number(d, v) + "\xC2\xA0" + unit;  // a no-break space: a number never wraps away from its unit
}

std::string FigureValueText(const content::Document& d, const content::Figure& f) {
  std::string s = WithUnit(d, f.value, f.unit);
  if (f.has_interval) {
    std::string kind;
    if (f.interval_kind == "ci95") kind = Local(d, "ci95") + " ";
    else if (f.interval_kind == "range") kind = Local(d, "range") + " ";
    else if (f.interval_kind == "iqr") kind = Local(d, "iqr") + " ";
    s += " (" + kind + Number(d, f.lo) + "–" + WithUnit(d, f.hi, f.unit) + ")";
  }
  return s;
}

std::string FigureCount(const content::Document& d, size_t n) {
  if (n == 1) return Local(d, "figureOne");
  std::string s = Local(d, "figureMany");
  const size_t p = s.find("{n}");
  if (p != std::string::npos) s.replace(p, 3, scw::FormatNumber((double)n, 0, d.lang));
  return s;
}

const content::RiskLevel* LevelOf(const content::Document& d, const RiskChartWidget::Cell& c) {
  if (c.risk < 0 || c.risk >= (int)d.risks.size()) return nullptr;
  const auto& r = d.risks[c.risk];
  if (c.level_index < 0 || c.level_index >= (int)r.levels.size()) return nullptr;
  return &r.levels[c.level_index];
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

}  // namespace risk_chart

using namespace risk_chart;
using content::Level;

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

std::string RiskChartWidget::LevelWordFor(const Cell& c) const {
  const auto* lv = LevelOf(doc_, c);
  return lv ? LevelWord(lv->level) : std::string();
}


void RiskChartWidget::OnContent() {
  ++content_rev_;
  anim_.Finish();
  anim_from_.clear();
  chart_.Reset();
  panel_.Reset();
  panel_for_.clear();
  detail_ = Detail{};  // its pointers were into the old document
  detail_key_ = DetailKey{};
  // Keep the selection when the new content still has that cell (Frame drops it otherwise via ItemNav).
  announcement_.clear();
}

// ---------------------------------------------------------------------------------------------------------------
// Frame: input → layout → draw

void RiskChartWidget::Frame(const FrameContext& ctx) {
  ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), ctx.theme->background);
  last_px_ = ctx.px;
  if (!loaded_) return;
  Relayout(ctx);
  Input(ctx);  // hit-tests this layout; lays out again for a new selection or view
  Animate(ctx);
  const Theme& th = *ctx.theme;
  const DetailKey dk{layout_key_, nav_.selected(), th.text, th.text_muted, th.border};
  if (!(dk == detail_key_)) {  // the panel changes with the selection, the layout or the theme, not on a hover
    detail_ = DetailLayout(th, ctx.scale);
    detail_key_ = dk;
    shown_ = DetailShown{};
    if (detail_.level && !detail_.items.empty()) {
      const DetailItem& t = detail_.items.front();  // the risk's name
      shown_ = {true, detail_.view, Rect{detail_.view.x, detail_.view.y + t.before * ctx.scale, t.width, ItemHeight(t, ctx.scale)},
                detail_.content_h, detail_.items.size(), {}};
      for (const auto& it : detail_.items)
        if (it.kind == DetailItem::Text) shown_.texts.push_back(it.text);
    }
  }
  ScrollDetail(ctx, detail_);
  Draw(ctx, detail_);
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
  j.Field("animating", anim_.Running());
  j.Key("cursor").StringOrNull(nav_.cursor_id());
  auto item = [&](const std::string& id, const Rect& r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / last_px_).Field("y", r.y / last_px_).Field("w", r.w / last_px_).Field("h", r.h / last_px_);
    j.EndObject().EndObject();
  };
  j.Key("items").BeginArray();
  const auto& segs = layout_.view_switch.segments;  // none before the first frame
  for (int i = 0; i < 2; ++i) item(std::string("view:") + kViewIds[i], i < (int)segs.size() ? segs[i] : Rect{});
  for (int ci : layout_.order) {  // cells fully visible now (not scrolled away, not under the panel)
    const Rect r = Shift(layout_.cells[ci].box, -chart_.offset());
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
    if (select.empty()) { nav_.Clear(); announcement_ = doc_.String("riskSelectHint"); }
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
