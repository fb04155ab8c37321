// hsct_timeline.cpp — see hsct_timeline.h: the time scale, content, state changes, setState, state() and the
// parallel DOM. The layout, the frame's input and the drawing are in hsct_timeline_layout/_input/_draw.cpp.
#include "hsct_timeline.h"

#include <algorithm>
#include <cmath>

#include "hsct_timeline_internal.h"
#include "ui/mathx.h"
#include "ui/number_format.h"

namespace scw {

using timeline::BetweenPhases;
using timeline::CoveringPhase;

namespace timeline {

int CoveringPhase(const content::Variant& v, double day) {
  for (int i = (int)v.phases.size() - 1; i >= 0; --i)
    if (day >= v.phases[i].days.from && day <= v.phases[i].days.to) return i;
  return -1;
}

std::string BetweenPhases(const content::Document& d) {
  const std::string s = d.String("betweenPhases");
  return s == "betweenPhases" ? "Between phases" : s;
}

std::string RangeText(const content::Document& doc, const content::DayRange& d) {
  using D = HsctTimelineWidget;
  return d.from == d.to ? doc.String("dayLabel", {{"day", D::DayText(d.from, doc.lang)}})
                        : doc.String("dayRangeLabel", {{"from", D::DayText(d.from, doc.lang)}, {"to", D::DayText(d.to, doc.lang)}});
}

}  // namespace timeline

namespace {
Rect Intersect(const Rect& a, const Rect& b) {
  const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}
std::string Lower(std::string s) {
  for (auto& c : s) c = (char)std::tolower((unsigned char)c);
  return s;
}
}  // namespace

// ---- time scale ---------------------------------------------------------------------------------------

TimeScale TimeScale::For(double dmin, double dmax) {
  TimeScale t;
  t.dmin = std::min(dmin, 0.0);
  t.dmax = std::max(dmax, 1.0);
  t.lin0 = std::max(t.dmin, -7.0);
  t.lin1 = std::min(t.dmax, 31.0);
  const double lpre = t.dmin < t.lin0 ? Ln(1 + (t.lin0 - t.dmin) / kLogK) : 0;
  const double lpost = t.dmax > t.lin1 ? Ln(1 + (t.dmax - t.lin1) / kLogK) : 0;
  const double wpre = std::min(0.2, 0.08 * lpre), wpost = std::min(0.42, 0.09 * lpost);
  const double wlin = std::max(0.1, 0.42 * (t.lin1 - t.lin0) / 38.0);
  const double sum = wpre + wpost + wlin;
  t.f_pre = wpre / sum;
  t.f_post = wpost / sum;
  t.f_lin = 1 - t.f_pre - t.f_post;
  return t;
}

double TimeScale::U(double d) const {
  d = std::max(dmin, std::min(dmax, d));
  if (d < lin0 && f_pre > 0) {
    const double g = Ln(1 + (lin0 - d) / kLogK), G = Ln(1 + (lin0 - dmin) / kLogK);
    return f_pre * (1 - g / G);
  }
  if (d <= lin1 || f_post <= 0) return f_pre + f_lin * (d - lin0) / std::max(1e-9, lin1 - lin0);
  const double h = Ln(1 + (d - lin1) / kLogK), H = Ln(1 + (dmax - lin1) / kLogK);
  return f_pre + f_lin + f_post * h / H;
}

double TimeScale::Day(double u) const {
  u = std::max(0.0, std::min(1.0, u));
  if (u < f_pre && f_pre > 0) {
    const double G = Ln(1 + (lin0 - dmin) / kLogK);
    return lin0 - kLogK * (Exp((1 - u / f_pre) * G) - 1);
  }
  if (u <= f_pre + f_lin || f_post <= 0) return lin0 + (u - f_pre) / f_lin * (lin1 - lin0);
  const double H = Ln(1 + (dmax - lin1) / kLogK);
  return lin1 + kLogK * (Exp((u - f_pre - f_lin) / f_post * H) - 1);
}

TimeScale HsctTimelineWidget::ScaleFor(const content::Document& doc) {
  double lo = 0, hi = 1;
  for (const auto& v : doc.variants) {
    for (const auto& p : v.phases) { lo = std::min(lo, p.days.from); hi = std::max(hi, p.days.to + 1); }
    for (const auto& m : v.milestones) { lo = std::min(lo, m.days.from); hi = std::max(hi, m.days.to + 1); }
  }
  for (const auto& r : doc.risks)
    for (const auto& w : r.windows)
      if (doc.FindVariant(w.variant)) { lo = std::min(lo, w.days.from); hi = std::max(hi, w.days.to + 1); }
  return TimeScale::For(lo, hi);
}

std::string HsctTimelineWidget::DayText(double day, const std::string& lang) { return FormatSigned(day, lang); }

// ---- state changes ------------------------------------------------------------------------------------

void HsctTimelineWidget::OnContent() {
  ++content_rev_;
  ts_ = ScaleFor(doc_);
  if (view_.variant >= (int)doc_.variants.size()) view_.variant = 0;
  view_.day = std::max(ts_.dmin, std::min(ts_.dmax - 1, view_.day));
  if (PhaseAt(view_.day) < 0 && !Var().phases.empty()) view_.day = Var().phases[0].days.from;
  bool found = view_.selected.empty();
  for (const auto& p : Var().phases) found |= p.id == view_.selected;
  for (const auto& m : Var().milestones) found |= m.id == view_.selected;
  if (!found) view_.selected.clear();
  playing_ = false;
  variant_anim_.Finish();
  day_anim_.Finish();
  from_phases_.clear();
  cursor_idx_ = 0;
  if (cursor_row_ >= RowCount()) cursor_row_ = kPhases;
  panel_.Reset();
  announcement_.clear();
  want_marker_visible_ = true;  // phones: open with the marker in view
}

int HsctTimelineWidget::PhaseAt(double day) const {
  if (!loaded_) return -1;
  const auto& ph = Var().phases;
  for (int i = (int)ph.size() - 1; i >= 0; --i)  // the later phase wins where two overlap
    if (day >= ph[i].days.from && day <= ph[i].days.to) return i;
  // Between phases: the nearest one.
  int best = -1;
  double bd = 1e18;
  for (int i = 0; i < (int)ph.size(); ++i) {
    const double d = day < ph[i].days.from ? ph[i].days.from - day : day - ph[i].days.to;
    if (d < bd) { bd = d; best = i; }
  }
  return best;
}

int HsctTimelineWidget::RowSize(int row) const {
  if (!loaded_) return 0;
  if (row == kControls) return (int)doc_.variants.size() + 3;
  if (row == kPhases) return (int)Var().phases.size();
  return (int)Var().milestones.size();
}
int HsctTimelineWidget::RowCount() const { return RowSize(kMilestones) > 0 ? 3 : 2; }

std::string HsctTimelineWidget::PhaseAnnouncement() const {
  const int i = CoveringPhase(Var(), view_.day);
  std::string out = doc_.String("dayLabel", {{"day", DayText(view_.day, doc_.lang)}});
  out += ", " + (i >= 0 ? Var().phases[i].name : BetweenPhases(doc_));
  out += ". ";
  std::vector<std::string> names;
  if (i >= 0)
    for (const auto& r : Var().phases[i].risks)
      if (const auto* risk = doc_.FindRisk(r)) names.push_back(risk->name);
  if (names.empty()) return out + doc_.String("noActiveRisks");
  out += doc_.String("activeRisks") + ": ";
  for (size_t k = 0; k < names.size(); ++k) out += (k ? ", " : "") + names[k];
  return out + ".";
}

void HsctTimelineWidget::StartDayAnim(double from) {
  day_from_ = from;
  day_anim_.Start(reduced_motion_);
}

void HsctTimelineWidget::GoToPhase(int i, bool select) {
  const auto& ph = Var().phases;
  if (ph.empty()) return;
  i = std::max(0, std::min(i, (int)ph.size() - 1));
  const double old = view_.day;
  view_.day = ph[i].days.from;
  if (view_.day != old) StartDayAnim(old);
  if (select) view_.selected = ph[i].id;
  want_marker_visible_ = true;
  announcement_ = PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::SetDay(double day, bool from_drag) {
  day = std::floor(std::max(ts_.dmin, std::min(ts_.dmax - 1, day)));
  if (day == view_.day) return;
  if (from_drag) day_anim_.Finish();
  view_.day = day;
  const int i = CoveringPhase(Var(), day);
  view_.selected = i >= 0 ? Var().phases[i].id : std::string();
  announcement_ = PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::SetVariant(int v, bool animate) {
  if (v < 0 || v >= (int)doc_.variants.size() || v == view_.variant) return;
  from_phases_ = layout_.phases;
  bool sel_phase = view_.selected.empty();
  for (const auto& p : Var().phases) sel_phase |= p.id == view_.selected;
  view_.variant = v;
  variant_anim_.Start(!animate || reduced_motion_);
  const int i = PhaseAt(view_.day);
  view_.selected = (sel_phase && !view_.selected.empty() && i >= 0) ? Var().phases[i].id : std::string();
  if (cursor_row_ >= RowCount()) cursor_row_ = kPhases;
  if (cursor_row_ == kMilestones) cursor_idx_ = std::min(cursor_idx_, std::max(0, RowSize(kMilestones) - 1));
  want_marker_visible_ = true;
  announcement_ = Var().name + ". " + PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::Pause() {
  playing_ = false;
  announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::ClearSelection() {
  view_.selected.clear();
  announcement_ = PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::TogglePlay() {
  if (playing_) {
    playing_ = false;
    announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement();
  } else {
    const int i = PhaseAt(view_.day);
    if (i < 0 || i >= (int)Var().phases.size() - 1) GoToPhase(0, true);
    else GoToPhase(i, true);
    playing_ = true;
    play_timer_ = 0;
    announcement_ = doc_.String("play") + ". " + PhaseAnnouncement();
  }
  MarkChanged();
}

void HsctTimelineWidget::Activate(int row, int idx) {
  if (row == kControls) {
    const int nv = (int)doc_.variants.size();
    if (idx < nv) SetVariant(idx, true);
    else if (idx == nv) { playing_ = false; GoToPhase(PhaseAt(view_.day) - 1, true); }
    else if (idx == nv + 1) TogglePlay();
    else { playing_ = false; GoToPhase(PhaseAt(view_.day) + 1, true); }
  } else if (row == kPhases) {
    const auto& ph = Var().phases;
    if (idx < 0 || idx >= (int)ph.size()) return;
    if (view_.selected == ph[idx].id) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
      MarkChanged();
    } else {
      GoToPhase(idx, true);
    }
  } else {
    const auto& ms = Var().milestones;
    if (idx < 0 || idx >= (int)ms.size()) return;
    if (view_.selected == ms[idx].id) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
    } else {
      view_.selected = ms[idx].id;
      const double old = view_.day;
      view_.day = std::max(ts_.dmin, std::min(ts_.dmax - 1, ms[idx].days.from));
      if (old != view_.day) StartDayAnim(old);
      want_marker_visible_ = true;
      announcement_ = ms[idx].name + ": " +
                      (ms[idx].days.from == ms[idx].days.to
                           ? doc_.String("dayLabel", {{"day", DayText(ms[idx].days.from, doc_.lang)}})
                           : doc_.String("dayRangeLabel", {{"from", DayText(ms[idx].days.from, doc_.lang)}, {"to", DayText(ms[idx].days.to, doc_.lang)}})) + ".";
    }
    MarkChanged();
  }
}

// {"variant": id, "day": number, "selected": phase or milestone id | null, "playing": bool}: checked first (the
// selection against the variant it will show), then applied in that order.
bool HsctTimelineWidget::SetState(const nlohmann::json& p, std::string* error) {
  if (!CheckStateKeys(p, {"selected", "variant", "day", "playing"}, error)) return false;
  int variant = view_.variant;
  if (p.contains("variant")) {
    const auto& v = p["variant"];
    std::string known;
    variant = -1;
    for (size_t i = 0; i < doc_.variants.size(); ++i) {
      if (v.is_string() && doc_.variants[i].id == v.get<std::string>()) variant = (int)i;
      known += std::string(i ? ", " : "") + "\"" + doc_.variants[i].id + "\"";
    }
    if (variant < 0) {
      *error = "setState: \"variant\" is " + ShownValue(v) + ", which is not a timeline variant id; the content has " +
               known + ".";
      return false;
    }
  }
  double day = view_.day;
  const bool has_day = p.contains("day");
  if (has_day) {
    const auto& d = p["day"];
    if (!d.is_number() || !(d.get<double>() >= ts_.dmin && d.get<double>() <= ts_.dmax - 1)) {
      *error = "setState: \"day\" must be a number from " + DayText(ts_.dmin) + " to " + DayText(ts_.dmax - 1) +
               " (days from the transplant, day 0), got " + ShownValue(d) + ".";
      return false;
    }
    day = std::floor(d.get<double>());
  }
  std::string sel = view_.selected;
  int phase = -1, milestone = -1;
  const bool has_sel = p.contains("selected");
  if (has_sel) {
    if (!StateIdOrNull(p["selected"], "selected", &sel, error)) return false;
    const auto& var = doc_.variants[variant];
    for (size_t i = 0; i < var.phases.size(); ++i) if (var.phases[i].id == sel) phase = (int)i;
    for (size_t i = 0; i < var.milestones.size(); ++i) if (var.milestones[i].id == sel) milestone = (int)i;
    if (!sel.empty() && phase < 0 && milestone < 0) {
      *error = "setState: \"selected\" is \"" + sel + "\", which is not a phase or milestone id of the \"" + var.id +
               "\" variant.";
      return false;
    }
  }
  bool playing = playing_;
  if (p.contains("playing")) {
    if (!p["playing"].is_boolean()) {
      *error = "setState: \"playing\" must be true or false, got " + ShownValue(p["playing"]) + ".";
      return false;
    }
    playing = p["playing"].get<bool>();
  }
  // Apply.
  if (variant != view_.variant) SetVariant(variant, true);
  if (has_day && day != view_.day) {
    const double old = view_.day;
    view_.day = day;
    StartDayAnim(old);
    const int i = CoveringPhase(Var(), day);
    view_.selected = i >= 0 ? Var().phases[i].id : std::string();
    want_marker_visible_ = true;
    announcement_ = PhaseAnnouncement();
  }
  if (has_sel) {
    if (sel.empty()) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
    } else if (phase >= 0 && !has_day) {
      GoToPhase(phase, true);
    } else if (milestone >= 0 && !has_day) {
      view_.selected.clear();
      Activate(kMilestones, milestone);
    } else {
      view_.selected = sel;
    }
  }
  if (playing != playing_) {
    if (playing) TogglePlay();
    else { playing_ = false; announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement(); }
  }
  MarkChanged();
  return true;
}

void HsctTimelineWidget::EnsureMarkerVisible() {
  if (!layout_.vertical) return;
  const float y = layout_.Along(ts_.U(view_.day + 0.5));
  const float top = layout_.plot.y + 24 * layout_.s, bottom = layout_.plot.y + layout_.plot.h - 24 * layout_.s;
  if (y < top || y > bottom) plot_scroll_.ScrollBy(y - (layout_.plot.y + layout_.plot.h * 0.3f));
}

// ---- queries ------------------------------------------------------------------------------------------

bool HsctTimelineWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Home: case Key::End: case Key::Enter: case Key::Space: return true;
    case Key::Up: return cursor_row_ > 0;
    case Key::Down: return cursor_row_ < RowCount() - 1;
    case Key::Escape: return !view_.selected.empty() || playing_;
    // The detail panel's own scroll view answers, measured against its text area (not the whole panel).
    case Key::PageUp: return panel_.CanScrollToward(1);
    case Key::PageDown: return panel_.CanScrollToward(-1);
    default: return false;
  }
}

bool HsctTimelineWidget::UsesShiftKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Up: case Key::Down: case Key::PageUp: case Key::PageDown: return true;
    default: return UsesKey(key);
  }
}

bool HsctTimelineWidget::UsesWheel() const { return UsesWheel(0, 0); }

bool HsctTimelineWidget::UsesDrag(float x, float y) const {
  if (!loaded_) return false;
  if (layout_.axis.Contains(x, y)) return true;  // dragging the day marker
  if (panel_.CanScroll() && layout_.panel.Contains(x, y)) return true;
  return layout_.vertical && plot_scroll_.CanScroll() && plot_scroll_.Contains(x, y);
}

bool HsctTimelineWidget::UsesWheel(float, float dy) const {
  if (!loaded_) return false;
  if (hover_panel_ && panel_.CanScroll()) return panel_.CanScrollToward(dy);
  return (layout_.vertical || layout_.panel_side) && plot_scroll_.WantsWheel(dy);
}

bool HsctTimelineWidget::Animating() const { return playing_ || variant_anim_.Running() || day_anim_.Running(); }

std::string HsctTimelineWidget::Announcement() const { return announcement_; }

// ---- frame --------------------------------------------------------------------------------------------
// ---- state and the parallel DOM -----------------------------------------------------------------------

void HsctTimelineWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Key("selected").StringOrNull(view_.selected);
  if (!loaded_) { j.Key("items").BeginArray().EndArray(); return; }
  const int pi = CoveringPhase(Var(), view_.day);
  j.Field("variant", Var().id);
  j.Field("day", view_.day);
  j.Field("dayLabel", doc_.String("dayLabel", {{"day", DayText(view_.day, doc_.lang)}}));
  j.Key("phase").StringOrNull(pi >= 0 ? Var().phases[pi].id : std::string());
  j.Field("playing", playing_);
  j.Field("vertical", layout_.vertical);
  j.Field("scroll", layout_.scroll / px_);
  j.Field("maxScroll", layout_.max_scroll / px_);
  const char* rows[] = {"controls", "phases", "milestones"};
  j.Key("cursor").BeginObject().Field("index", cursor_row_ == kPhases ? PhaseAt(view_.day) : cursor_idx_);
  j.Field("row", rows[std::max(0, std::min(2, cursor_row_))]).EndObject();
  auto item = [&](const std::string& id, const Rect& r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / px_).Field("y", r.y / px_).Field("w", r.w / px_).Field("h", r.h / px_);
    j.EndObject().EndObject();
  };
  j.Key("items").BeginArray();
  const Layout& L = layout_;
  for (size_t i = 0; i < L.variants.segments.size() && i < doc_.variants.size(); ++i)
    item("variant-" + doc_.variants[i].id, L.variants.segments[i]);
  item("prev", L.prev);
  item("play", L.play);
  item("next", L.next);
  const Rect view = L.vertical ? L.plot : L.panel_side ? L.scroll_view : L.canvas;
  for (size_t i = 0; i < L.phases.size() && i < Var().phases.size(); ++i) {
    const Rect r = Intersect(L.phases[i], view);
    if (r.w > 0 && r.h > 0) item(Var().phases[i].id, r);
  }
  for (size_t i = 0; i < L.milestones.size() && i < Var().milestones.size(); ++i) {
    const Rect r = Intersect(L.milestones[i], view);
    if (r.w > 0 && r.h > 0) item(Var().milestones[i].id, r);
  }
  const Rect ax = Intersect(L.axis, view);
  if (ax.w > 0 && ax.h > 0) item("axis", ax);
  item("panel", L.panel);
  if (L.vertical) item("plot", L.plot);
  j.EndArray();
}

dom::Node HsctTimelineWidget::Dom() const {
  using dom::Add;
  using dom::Attr;
  using dom::El;
  if (!loaded_) return {};
  // Column headings the format has no string for yet: the document may supply them, else English.
  auto str = [&](const char* key, const char*) { return doc_.String(key); };  // document, else built-in English
  auto range_of = [&](const content::DayRange& d) { return timeline::RangeText(doc_, d); };
  dom::Node root = El("section");
  Attr(root, "aria-label", doc_.title.empty() ? std::string("HSCT timeline") : doc_.title);
  const int pi = CoveringPhase(Var(), view_.day);
  std::string here = doc_.String("youAreHere") + ": " + Var().name + ", " + doc_.String("dayLabel", {{"day", DayText(view_.day, doc_.lang)}});
  here += " \xE2\x80\x94 " + (pi >= 0 ? Var().phases[pi].name : BetweenPhases(doc_));
  Add(root, El("p", here));
  std::vector<std::string> all_sources;
  auto add_sources = [&](const std::vector<std::string>& ids) {
    for (const auto& id : ids)
      if (std::find(all_sources.begin(), all_sources.end(), id) == all_sources.end()) all_sources.push_back(id);
  };
  for (size_t vi = 0; vi < doc_.variants.size(); ++vi) {
    const auto& v = doc_.variants[vi];
    dom::Node& h = Add(root, El("h3", v.name));
    Attr(h, "data-id", "variant-" + v.id);
    if ((int)vi == view_.variant) Attr(h, "aria-current", "true");
    const std::string intro = VariantIntroText(doc_, v);
    if (!intro.empty()) Add(root, El("p", intro));
    dom::Node table = El("table");
    Add(table, El("caption", v.name));
    dom::Node thead = El("thead");
    dom::Node hr = El("tr");
    for (const std::string& t : {str("phaseHeading", "Phase"), str("daysHeading", "Days"), str("whatHappens", "What happens"), doc_.String("activeRisks")})
      Attr(Add(hr, El("th", t)), "scope", "col");
    Add(thead, hr);
    Add(table, thead);
    dom::Node tbody = El("tbody");
    for (const auto& p : v.phases) {
      dom::Node tr = El("tr");
      Attr(tr, "data-id", p.id);
      if (p.id == view_.selected) Attr(tr, "aria-current", "true");
      Attr(Add(tr, El("th", p.name)), "scope", "row");
      Add(tr, El("td", range_of(p.days)));
      Add(tr, El("td", p.text));
      std::string risks;
      for (const auto& r : p.risks)
        if (const auto* risk = doc_.FindRisk(r)) {
          std::string w;
          for (const auto& win : risk->windows)
            if (win.variant == v.id) w += (w.empty() ? "" : ", ") + range_of(win.days);
          risks += (risks.empty() ? "" : "; ") + risk->name + (w.empty() ? "" : " (" + Lower(doc_.String("whenItPeaks")) + ": " + w + ")");
        }
      Add(tr, El("td", risks.empty() ? doc_.String("noActiveRisks") : risks));
      Add(tbody, tr);
      add_sources(p.sources);
    }
    Add(table, tbody);
    Add(root, table);
    if (!v.milestones.empty()) {
      Add(root, El("h4", str("milestonesHeading", "Milestones")));
      dom::Node ul = El("ul");
      for (const auto& m : v.milestones) {
        dom::Node li = El("li", m.name + " \xE2\x80\x94 " + range_of(m.days) + (m.text.empty() ? "" : ". " + m.text));
        Attr(li, "data-id", m.id);
        if (m.id == view_.selected) Attr(li, "aria-current", "true");
        Add(ul, li);
        add_sources(m.sources);
      }
      Add(root, ul);
    }
    add_sources(v.sources);
  }
  Add(root, El("h4", doc_.String("sourcesHeading")));
  Add(root, SourcesList(all_sources));
  Add(root, El("p", doc_.String("disclaimer")));
  return root;
}

}  // namespace scw
