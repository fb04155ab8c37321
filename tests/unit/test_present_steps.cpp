// Issue 13: presenter steps (Widget::Step through Host::Step, as scw_step calls it) and the spoken cursor
// ("cursor" events with the item's name, state and position) for the three widgets, on the embedded content.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "harness.h"

using scw::test::Harness;

namespace {
struct W {
  Harness h;
  int id = 0;
  explicit W(const std::string& kind, float w = 1280, float hgt = 720) {
    id = h.Make(kind, w, hgt);
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    h.events.clear();
  }
  bool Step(int dir) { const bool ok = h.host->Step(id, dir); h.Settle(); return ok; }
  nlohmann::json S() { return h.State(id); }
  nlohmann::json LastChange() { return nlohmann::json::parse(h.Of("change").back().detail); }
  void Key(scw::Key k) { h.host->KeyEvent(id, k, true); h.host->KeyEvent(id, k, false); h.Settle(); }
  std::vector<std::string> Spoken() {
    std::vector<std::string> out;
    for (const auto& e : h.Of("cursor")) out.push_back(nlohmann::json::parse(e.detail)["text"].get<std::string>());
    return out;
  }
};
bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("present: the timeline steps from phase start to phase start, both ways, and stops at the ends") {
  W w("hsct-timeline");
  const double day0 = w.S()["day"].get<double>();
  std::vector<double> days{day0};
  std::vector<std::string> phases;
  while (w.Step(1)) {
    const auto s = w.S();
    REQUIRE(days.size() < 50);
    CHECK(s["day"].get<double>() > days.back());  // always forward, to the next phase's first day
    days.push_back(s["day"].get<double>());
    phases.push_back(s["selected"].get<std::string>());
    CHECK(Has(w.LastChange()["announcement"].get<std::string>(), "Day"));  // the change is announced
  }
  CHECK(phases.size() >= 4);
  CHECK(std::set<std::string>(phases.begin(), phases.end()).size() == phases.size());  // each phase once
  const size_t changes = w.h.Of("change").size();
  CHECK(changes == phases.size());  // each step fires stemcell:change
  CHECK_FALSE(w.Step(1));           // past the last phase: nothing more
  CHECK(w.h.Of("change").size() == changes);
  CHECK(w.Step(-1));
  CHECK(w.S()["day"].get<double>() == days[days.size() - 2]);
  CHECK(w.S()["playing"] == false);
}

TEST_CASE("present: the cell diagram tours every cell once, lineage by lineage, from a root") {
  W w("cell-diagram");
  std::vector<std::string> seen;
  while (w.Step(1)) {
    REQUIRE(seen.size() < 500);
    seen.push_back(w.S()["selected"].get<std::string>());
    CHECK(w.LastChange()["selected"] == seen.back());
    CHECK_FALSE(w.LastChange()["announcement"].get<std::string>().empty());
  }
  const auto items = w.S();
  CHECK(seen.size() >= 10);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size());
  CHECK(seen.front() == "embryonic-stem-cell");  // the first root in the document
  // A lineage is followed: the second stop is something the first one becomes.
  CHECK(seen[1] == "beta-cell");
  CHECK(w.Step(-1));
  CHECK(w.S()["selected"] == seen[seen.size() - 2]);
}

TEST_CASE("present: the risk chart steps through the risks, keeping the therapy") {
  W w("risk-chart");
  std::vector<std::string> risks;
  while (w.Step(1)) {
    REQUIRE(risks.size() < 100);
    const auto s = w.S();
    risks.push_back(s["risk"].get<std::string>());
    if (risks.size() > 1 && s["therapy"] != "auto-hsct") {}  // some risks have no level for a therapy
  }
  CHECK(risks.size() == 8);  // the default content's eight risks
  CHECK(std::set<std::string>(risks.begin(), risks.end()).size() == risks.size());
  CHECK(w.h.Of("change").size() == risks.size());
  CHECK(w.Step(-1));
  CHECK(w.S()["risk"] == risks[risks.size() - 2]);
  // The therapy is kept from the selection.
  std::string err;
  REQUIRE(w.h.host->SetState(w.id, R"({"selected":null})", &err));
  w.h.Settle();
  const auto first = w.S();
  REQUIRE(w.Step(1));
  const std::string therapy = w.S()["therapy"].get<std::string>();
  REQUIRE(w.Step(1));
  CHECK(w.S()["therapy"] == therapy);
  (void)first;
}

TEST_CASE("present: widgets without a tour do not step") {
  Harness h;
  const int id = h.Make("test-pattern");
  CHECK_FALSE(h.host->Step(id, 1));
  CHECK_FALSE(h.host->Step(999, 1));
}

TEST_CASE("cursor: arrows in the cell diagram speak five distinct names with their positions") {
  W w("cell-diagram");
  w.h.host->Focus(w.id, true);
  w.h.Settle();
  for (int i = 0; i < 6; ++i) w.Key(scw::Key::Right);
  const auto spoken = w.Spoken();
  REQUIRE(spoken.size() >= 5);
  std::set<std::string> distinct(spoken.begin(), spoken.end());
  CHECK(distinct.size() == spoken.size());
  for (const auto& t : spoken) CHECK(Has(t, " of "));
  // Selected and filtered-out states are spoken.
  w.Key(scw::Key::Enter);
  CHECK(Has(w.Spoken().back(), "selected"));
  std::string err;
  REQUIRE(w.h.host->SetState(w.id, R"({"therapy":"allo-hsct","selected":null})", &err));
  w.h.Settle();
  bool filtered = false;
  for (int i = 0; i < 20; ++i) { w.Key(scw::Key::Right); filtered |= Has(w.Spoken().back(), "not used in"); }
  CHECK(filtered);
}

TEST_CASE("cursor: the risk chart speaks the level and position; the timeline's phases their days and position") {
  W r("risk-chart");
  r.h.host->Focus(r.id, true);
  r.h.Settle();
  for (int i = 0; i < 5; ++i) r.Key(scw::Key::Right);
  r.Key(scw::Key::Down);
  const auto rs = r.Spoken();
  REQUIRE(rs.size() >= 5);
  CHECK(std::set<std::string>(rs.begin(), rs.end()).size() == rs.size());
  CHECK(Has(rs.back(), " of 40"));
  CHECK((Has(rs.back(), "High") || Has(rs.back(), "Low") || Has(rs.back(), "Moderate") || Has(rs.back(), "None") ||
         Has(rs.back(), "Unknown")));

  W t("hsct-timeline");
  t.h.host->Focus(t.id, true);
  t.h.Settle();
  for (int i = 0; i < 5; ++i) t.Key(scw::Key::Right);
  const auto ts = t.Spoken();
  REQUIRE(ts.size() >= 5);
  CHECK(std::set<std::string>(ts.begin(), ts.end()).size() >= 5);
  CHECK(Has(ts.back(), " of "));
  CHECK(Has(ts.back(), "selected"));
  // No cursor events without focus.
  t.h.host->Focus(t.id, false);
  t.h.Settle();
  const size_t n = t.h.Of("cursor").size();
  REQUIRE(t.h.host->Step(t.id, -1));
  t.h.Settle();
  CHECK(t.h.Of("cursor").size() == n);
}

TEST_CASE("cursor: a played timeline speaks the phase name only") {
  W t("hsct-timeline");
  std::string err;
  REQUIRE(t.h.host->SetState(t.id, R"({"playing":true})", &err));
  for (int i = 0; i < 600; ++i) {  // play frames by hand: 10 s, several phases (Settle would stop at its limit)
    t.h.platform->now += 1.0 / 60.0;
    t.h.host->Frame();
  }
  bool saw_playing = false;
  for (const auto& e : t.h.Of("change")) {
    const auto d = nlohmann::json::parse(e.detail);
    if (d["playing"] == true && !d["announcement"].get<std::string>().empty()) {
      saw_playing = true;
      INFO(d["announcement"].get<std::string>());
      // The phase's name, not "Play. Day +8, Engraftment. Risks at this time: …".
      CHECK_FALSE(Has(d["announcement"].get<std::string>(), "Risks at this time"));
      CHECK_FALSE(Has(d["announcement"].get<std::string>(), "No main risks"));
      CHECK_FALSE(Has(d["announcement"].get<std::string>(), "Play."));
    }
  }
  CHECK(saw_playing);
}

TEST_CASE("strings: the page chrome's words come from the document, in its language") {
  W w("risk-chart");
  auto s = nlohmann::json::parse(w.h.host->Strings(w.id, {"fullScreen", "positionOf", "no-such-key"}));
  CHECK(s["fullScreen"] == "Full screen");
  CHECK(s["positionOf"] == "{n} of {total}");
  CHECK_FALSE(s.contains("no-such-key"));
  std::string err;
  REQUIRE(w.h.host->SetOption(w.id, "lang", "es", &err));
  s = nlohmann::json::parse(w.h.host->Strings(w.id, {"fullScreen"}));
  CHECK(s["fullScreen"] == "Full screen");  // the default document is English only: the English fallback
}

TEST_CASE("strings: documentTitle is the document's title in the widget's language, the built-in one's too") {
  W w("hsct-timeline");
  auto title = [&] { return nlohmann::json::parse(w.h.host->Strings(w.id, {"documentTitle"})).value("documentTitle", ""); };
  CHECK(title() == "Stem cells and stem cell transplants, explained");  // the built-in (English) document
  std::ifstream in(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer.es.json", std::ios::binary);
  const std::string es((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string err;
  REQUIRE(w.h.host->SetData(w.id, es, &err) == 0);
  CHECK(title() == "Las células madre y el trasplante de células madre, explicados");
  CHECK(nlohmann::json::parse(w.h.host->Strings(w.id, {"documentLang"}))["documentLang"] == "es");  // its own lang
}

TEST_CASE("forced colours: systemColors makes the widget draw in the reader's system colours") {
  W w("risk-chart");
  std::string err;
  REQUIRE(w.h.host->SetOption(w.id, "systemColors", "#000000,#ffffff,#1aebff,#000000,#3ff23f", &err));
  const scw::Theme& t = w.h.host->Find(w.id)->theme;
  scw::Color black = 0, white = 0, cyan = 0;
  REQUIRE(scw::ParseColor("#000000", &black));
  REQUIRE(scw::ParseColor("#ffffff", &white));
  REQUIRE(scw::ParseColor("#1aebff", &cyan));
  CHECK(t.background == black);
  CHECK(t.text == white);
  CHECK(t.accent == cyan);
  CHECK(t.focus == cyan);
  CHECK_FALSE(w.h.host->SetOption(w.id, "systemColors", "#000000,red", &err));
  CHECK(Has(err, "systemColors"));
  REQUIRE(w.h.host->SetOption(w.id, "systemColors", "", &err));
  CHECK(w.h.host->Find(w.id)->theme.background != black);  // back to the light theme
}

TEST_CASE("cursor: a click is announced by its change, not as a keyboard move") {
  W w("cell-diagram");
  w.h.host->Focus(w.id, true);
  w.h.Settle();
  const auto items = w.S()["items"];
  REQUIRE(items.size() > 6);
  const auto& box = items[6]["box"];
  const float x = box["x"].get<float>() + box["w"].get<float>() / 2, y = box["y"].get<float>() + box["h"].get<float>() / 2;
  w.h.host->MouseMove(w.id, x, y);
  w.h.host->MouseButton(w.id, 0, true, x, y);
  w.h.host->MouseButton(w.id, 0, false, x, y);
  w.h.Settle();
  CHECK(w.h.Of("change").size() == 1);
  CHECK(w.h.Of("cursor").empty());
  w.Key(scw::Key::Right);  // the keyboard again: spoken
  CHECK(w.h.Of("cursor").size() == 1);
}
