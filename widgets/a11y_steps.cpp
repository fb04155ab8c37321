// a11y_steps.cpp — issue 13 for the three content widgets, kept apart from their layout and drawing code:
//   Cursor() / CursorText(): what a screen reader hears when the keyboard cursor moves (name, state, position);
//   Spoken(): what the live region says after a change (a played timeline: the phase name only);
//   Step(dir): presenter mode (PageDown / PageUp, the full-screen toolbar's Previous / Next).
// Every word comes from the document's strings (content/model.cpp KnownStringKeys), English where it has none.
#include <algorithm>
#include <string>
#include <vector>

#include "cell_diagram.h"
#include "hsct_timeline.h"
#include "risk_chart.h"

namespace scw {
namespace {

std::string Position(const content::Document& d, int n, int total) {
  return d.String("positionOf", {{"n", std::to_string(n)}, {"total", std::to_string(total)}});
}

std::string Days(const content::Document& d, const content::DayRange& r) {
  if (r.from == r.to) return d.String("dayLabel", {{"day", HsctTimelineWidget::DayText(r.from)}});
  return d.String("dayRangeLabel", {{"from", HsctTimelineWidget::DayText(r.from)}, {"to", HsctTimelineWidget::DayText(r.to)}});
}

// The phase whose days include `day` (the later one where two overlap), or -1 between phases.
int Covering(const content::Variant& v, double day) {
  for (int i = (int)v.phases.size() - 1; i >= 0; --i)
    if (day >= v.phases[i].days.from && day <= v.phases[i].days.to) return i;
  return -1;
}

std::string LevelWordOf(const content::Document& d, content::Level l) {
  switch (l) {
    case content::Level::None: return d.String("levelNone");
    case content::Level::Low: return d.String("levelLow");
    case content::Level::Moderate: return d.String("levelModerate");
    case content::Level::High: return d.String("levelHigh");
    default: return d.String("levelUnknown");
  }
}

}  // namespace

// ---- cell diagram ------------------------------------------------------------------------------------------

std::string CellDiagramWidget::CursorText() const {
  if (!loaded_) return std::string();
  const std::string& id = nav_.cursor_id();
  if (id.empty()) return std::string();
  const std::string sel = doc_.String("selectedState");
  if (id.rfind("therapy:", 0) == 0) {  // a therapy filter chip
    const std::string t = id.substr(8);
    int n = 0, k = 0;
    for (const auto& c : layout_.chips) { ++n; if (c.id == id) k = n; }
    const content::Therapy* th = t == "all" ? nullptr : doc_.FindTherapy(t);
    std::string out = doc_.String("therapyFilter") + ": " + (th ? th->name : doc_.String("allTherapies"));
    if ((th ? th->id : std::string()) == therapy_) out += ", " + sel;
    if (k > 0) out += ", " + Position(doc_, k, n);
    return out + ".";
  }
  const content::CellType* c = doc_.FindCell(id);
  if (!c) return std::string();
  std::string out = c->name + ", " + doc_.String("category_" + c->category);
  if (nav_.selected() == id) out += ", " + sel;
  if (!therapy_.empty()) {
    const content::Therapy* th = doc_.FindTherapy(therapy_);
    if (th && std::find(th->cells.begin(), th->cells.end(), id) == th->cells.end())
      out += ", " + doc_.String("notUsedIn", {{"therapy", th->name}});
  }
  int n = 0, k = 0;
  for (const auto& node : layout_.nodes) { ++n; if (doc_.cell_types[node.cell].id == id) k = n; }
  if (n == 0) { n = (int)doc_.cell_types.size(); for (int i = 0; i < n; ++i) if (doc_.cell_types[i].id == id) k = i + 1; }
  if (k > 0) out += ", " + Position(doc_, k, n);
  return out + ".";
}

// Each lineage from its root: the cells nothing becomes, in document order, each followed depth-first by what it
// becomes; a cell is visited once (the first lineage that reaches it).
std::vector<std::string> CellDiagramWidget::TourOrder() const {
  std::vector<std::string> out;
  if (!loaded_) return out;
  const auto& cells = doc_.cell_types;
  std::vector<char> has_parent(cells.size(), 0), seen(cells.size(), 0);  // not vector<bool> (its code in the wasm)
  auto index = [&](const std::string& id) {
    for (size_t i = 0; i < cells.size(); ++i) if (cells[i].id == id) return (int)i;
    return -1;
  };
  for (const auto& c : cells)
    for (const auto& b : c.becomes) { const int i = index(b); if (i >= 0) has_parent[i] = true; }
  std::vector<int> stack;
  auto visit = [&](int root) {
    stack.push_back(root);
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      if (seen[i]) continue;
      seen[i] = true;
      out.push_back(cells[i].id);
      for (auto it = cells[i].becomes.rbegin(); it != cells[i].becomes.rend(); ++it) {
        const int j = index(*it);
        if (j >= 0 && !seen[j]) stack.push_back(j);
      }
    }
  };
  for (size_t i = 0; i < cells.size(); ++i) if (!has_parent[i]) visit((int)i);
  for (size_t i = 0; i < cells.size(); ++i) if (!seen[i]) visit((int)i);
  return out;
}

bool CellDiagramWidget::Step(int dir) {
  const std::vector<std::string> tour = TourOrder();
  if (tour.empty() || dir == 0) return false;
  int cur = -1;
  for (int i = 0; i < (int)tour.size(); ++i) if (tour[i] == nav_.selected()) cur = i;
  const int next = cur < 0 ? (dir > 0 ? 0 : (int)tour.size() - 1) : cur + (dir > 0 ? 1 : -1);
  if (next < 0 || next >= (int)tour.size()) return false;
  std::string error;
  if (!SetState(nlohmann::json{{"selected", tour[next]}}, &error)) return false;
  nav_.SetCursor(tour[next]);
  return true;
}

// ---- risk chart --------------------------------------------------------------------------------------------

std::string RiskChartWidget::CursorText() const {
  if (!loaded_) return std::string();
  const std::string& id = nav_.cursor_id();
  if (id.empty()) return std::string();
  const std::string sel = doc_.String("selectedState");
  if (id.rfind("view:", 0) == 0) {
    const int v = id == "view:by-therapy" ? 1 : 0;
    std::string out = doc_.String(v ? "byTherapy" : "byRisk");
    if ((int)view_ == v) out += ", " + sel;
    return out + ", " + Position(doc_, v + 1, 2) + ".";
  }
  int n = 0, k = 0;
  const Cell* cell = nullptr;
  for (int ci : layout_.order) {
    ++n;
    if (ci >= 0 && ci < (int)layout_.cells.size() && layout_.cells[ci].id == id) { k = n; cell = &layout_.cells[ci]; }
  }
  if (!cell) return std::string();
  const auto& risk = doc_.risks[cell->risk];
  const auto& therapy = doc_.therapies[cell->therapy];
  std::string out = view_ == View::ByRisk ? risk.name + " · " + therapy.name : therapy.name + " · " + risk.name;
  if (cell->level_index >= 0 && cell->level_index < (int)risk.levels.size()) {
    const auto& lv = risk.levels[cell->level_index];
    out += ": " + LevelWordOf(doc_, lv.level);
    if (lv.figures.size() == 1) out += ", " + doc_.String("figureOne");
    else if (lv.figures.size() > 1) out += ", " + doc_.String("figureMany", {{"n", std::to_string(lv.figures.size())}});
  }
  if (nav_.selected() == id) out += ", " + sel;
  return out + ", " + Position(doc_, k, n) + ".";
}

// Through the risks in document order, keeping the therapy of the selection (or of the cursor's cell, else the
// risk's first therapy with a level).
bool RiskChartWidget::Step(int dir) {
  if (!loaded_ || doc_.risks.empty() || dir == 0) return false;
  const std::string& from = !nav_.selected().empty() ? nav_.selected() : std::string();
  std::string therapy;
  int cur = -1;
  const std::string& ref = !from.empty() ? from : nav_.cursor_id();
  const size_t slash = ref.find('/');
  if (slash != std::string::npos) therapy = ref.substr(slash + 1);
  if (!from.empty())
    for (int i = 0; i < (int)doc_.risks.size(); ++i) if (doc_.risks[i].id == from.substr(0, slash)) cur = i;
  const int n = (int)doc_.risks.size();
  const int next = cur < 0 ? (dir > 0 ? 0 : n - 1) : cur + (dir > 0 ? 1 : -1);
  if (next < 0 || next >= n) return false;
  const auto& r = doc_.risks[next];
  if (r.levels.empty()) return false;
  std::string t = r.levels[0].therapy;
  for (const auto& l : r.levels) if (l.therapy == therapy) t = therapy;
  const std::string id = r.id + "/" + t;
  std::string error;
  if (!SetState(nlohmann::json{{"selected", id}}, &error)) return false;
  nav_.SetCursor(id);
  return true;
}

// ---- HSCT timeline -----------------------------------------------------------------------------------------

std::string HsctTimelineWidget::Cursor() const {
  if (!loaded_) return std::string();
  const int nv = (int)doc_.variants.size();
  if (cursor_row_ == kControls) {
    if (cursor_idx_ < nv) return "variant-" + doc_.variants[cursor_idx_].id;
    static const char* kButtons[3] = {"control:prev", "control:play", "control:next"};
    return kButtons[std::max(0, std::min(2, cursor_idx_ - nv))];
  }
  if (cursor_row_ == kPhases) {
    const int i = PhaseAt(view_.day);
    return i >= 0 ? Var().phases[i].id : std::string();
  }
  const auto& ms = Var().milestones;
  return cursor_idx_ >= 0 && cursor_idx_ < (int)ms.size() ? ms[cursor_idx_].id : std::string();
}

std::string HsctTimelineWidget::CursorText() const {
  if (!loaded_) return std::string();
  const std::string sel = doc_.String("selectedState");
  const int nv = (int)doc_.variants.size();
  if (cursor_row_ == kControls) {
    if (cursor_idx_ < nv) {
      std::string out = doc_.variants[cursor_idx_].name;
      if (cursor_idx_ == view_.variant) out += ", " + sel;
      return out + ", " + Position(doc_, cursor_idx_ + 1, nv) + ".";
    }
    const int b = cursor_idx_ - nv;
    return doc_.String(b == 0 ? "stepBack" : b == 2 ? "stepForward" : playing_ ? "pause" : "play") + ".";
  }
  if (cursor_row_ == kPhases) {
    const int i = PhaseAt(view_.day);
    if (i < 0) return std::string();
    const auto& p = Var().phases[i];
    if (playing_) return p.name;  // while playing: the phase name only
    std::string out = p.name + ", " + Days(doc_, p.days);
    if (view_.selected == p.id) out += ", " + sel;
    out += ", " + Position(doc_, i + 1, (int)Var().phases.size()) + ".";
    std::vector<std::string> names;
    for (const auto& r : p.risks)
      if (const auto* risk = doc_.FindRisk(r)) names.push_back(risk->name);
    if (names.empty()) return out + " " + doc_.String("noActiveRisks");
    out += " " + doc_.String("activeRisks") + ": ";
    for (size_t k = 0; k < names.size(); ++k) out += (k ? ", " : "") + names[k];
    return out + ".";
  }
  const auto& ms = Var().milestones;
  if (cursor_idx_ < 0 || cursor_idx_ >= (int)ms.size()) return std::string();
  const auto& m = ms[cursor_idx_];
  std::string out = m.name + ", " + Days(doc_, m.days);
  if (view_.selected == m.id) out += ", " + sel;
  return out + ", " + Position(doc_, cursor_idx_ + 1, (int)ms.size()) + ".";
}

std::string HsctTimelineWidget::Spoken() const {
  if (!loaded_ || !playing_) return announcement_;
  const int i = Covering(Var(), view_.day);
  const std::string between = doc_.String("betweenPhases");
  return i >= 0 ? Var().phases[i].name : (between == "betweenPhases" ? std::string("Between phases") : between);
}

// The day moves to the next phase's first day (or back to the previous phase's first day); the phase is selected.
bool HsctTimelineWidget::Step(int dir) {
  if (!loaded_ || dir == 0) return false;
  const auto& ph = Var().phases;
  int to = -1;
  if (dir > 0) {
    for (int i = 0; i < (int)ph.size() && to < 0; ++i) if (ph[i].days.from > view_.day) to = i;
  } else {
    for (int i = (int)ph.size() - 1; i >= 0 && to < 0; --i) if (ph[i].days.from < view_.day) to = i;
  }
  if (to < 0) return false;
  playing_ = false;
  cursor_row_ = kPhases;
  GoToPhase(to, true);
  return true;
}

}  // namespace scw
