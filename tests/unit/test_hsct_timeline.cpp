// test_hsct_timeline.cpp — the HSCT timeline widget, headless: layout at three sizes, hit tests, keys, drag,
// play, wheel, reduced motion, the parallel DOM, tiny and huge documents, and content errors.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <set>

#include "harness.h"
#include "content/default_content.h"
#include "hsct_timeline.h"
#include "hsct_timeline_fixture.h"
#include "hsct_timeline_internal.h"

using scw::HsctTimelineWidget;
using scw::Key;
using scw::Rect;
using json = nlohmann::json;

namespace {

using namespace scw::test::timeline;  // W, Load, Press

void Click(scw::test::Harness& h, int id, float x, float y) {
  h.host->MouseMove(id, x, y);
  h.host->MouseButton(id, 0, true, x, y);
  h.host->MouseButton(id, 0, false, x, y);
  h.Settle();
}
json Item(const json& st, const std::string& id) {
  for (const auto& it : st["items"])
    if (it["id"] == id) return it;
  return json();
}
void ClickItem(scw::test::Harness& h, int id, const std::string& item) {
  const json it = Item(h.State(id), item);
  REQUIRE_MESSAGE(!it.is_null(), "item " << item << " is on screen");
  const auto& b = it["box"];
  Click(h, id, b["x"].get<float>() + b["w"].get<float>() / 2, b["y"].get<float>() + b["h"].get<float>() / 2);
}

// Runs n frames whether or not the host asks for them (play keeps asking). Returns frames that wanted more.
int Run(scw::test::Harness& h, int n) {
  int wanted = 0;
  for (int i = 0; i < n; ++i) {
    h.platform->now += 1.0 / 60.0;
    wanted += h.host->Frame() ? 1 : 0;
  }
  h.frame_pending = h.host->WantsFrame();
  return wanted;
}
void ClickRun(scw::test::Harness& h, int id, const std::string& item) {
  const json it = Item(h.State(id), item);
  REQUIRE(!it.is_null());
  const float x = it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2, y = it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2;
  h.host->MouseMove(id, x, y);
  h.host->MouseButton(id, 0, true, x, y);
  h.host->MouseButton(id, 0, false, x, y);
  Run(h, 4);
}

bool Visible(const HsctTimelineWidget::Layout& L, const Rect& r) {
  if (r.w <= 0 || r.h <= 0) return false;
  return !L.vertical || (r.y >= L.plot.y && r.y + r.h <= L.plot.y + L.plot.h);
}

// No overlaps among the laid-out boxes and labels that are on screen, and all inside the canvas.
void CheckLayout(const HsctTimelineWidget::Layout& L, const std::string& what) {
  INFO(what);
  const Rect canvas = L.canvas;
  std::vector<std::pair<std::string, Rect>> boxes;
  for (size_t i = 0; i < L.variants.segments.size(); ++i) boxes.push_back({"segment", L.variants.segments[i]});
  boxes.push_back({"prev", L.prev});
  boxes.push_back({"play", L.play});
  boxes.push_back({"next", L.next});
  boxes.push_back({"panel", L.panel});
  for (size_t i = 0; i < L.phases.size(); ++i)
    if (Visible(L, L.phases[i])) boxes.push_back({"phase " + std::to_string(i), L.phases[i]});
  for (size_t i = 0; i < L.milestones.size(); ++i)
    if (Visible(L, L.milestones[i])) boxes.push_back({"milestone " + std::to_string(i), L.milestones[i]});
  for (const auto& b : boxes) {
    CHECK_MESSAGE(b.second.Inside(Rect{canvas.x - 0.5f, canvas.y - 0.5f, canvas.w + 1, canvas.h + 1}), b.first << " inside the canvas");
  }
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      Rect a = boxes[i].second, b = boxes[j].second;
      a.x += 0.01f; a.w -= 0.02f; b.x += 0.01f; b.w -= 0.02f;  // touching is fine
      a.y += 0.01f; a.h -= 0.02f; b.y += 0.01f; b.h -= 0.02f;
      CHECK_MESSAGE(!a.Overlaps(b), boxes[i].first << " overlaps " << boxes[j].first);
    }
  // Labels: phase labels, milestone labels, tick labels, lane labels never overlap one another.
  std::vector<std::pair<std::string, Rect>> labels;
  for (size_t i = 0; i < L.phase_labels.size(); ++i)
    if (L.phase_labels[i].shown && Visible(L, L.phase_labels[i].box)) labels.push_back({"phase label " + L.phase_labels[i].text, L.phase_labels[i].box});
  for (size_t i = 0; i < L.milestone_labels.size(); ++i)
    if (L.milestone_labels[i].shown) labels.push_back({"milestone label " + L.milestone_labels[i].text, L.milestone_labels[i].box});
  for (const auto& t : L.ticks)
    if (Visible(L, t.box)) labels.push_back({"tick " + t.text, t.box});
  for (const auto& ln : L.lanes)
    if (ln.label.w > 0) labels.push_back({"lane " + ln.name, ln.label});
  for (const auto& l : labels)
    CHECK_MESSAGE(l.second.Inside(Rect{canvas.x - 0.5f, canvas.y - 0.5f, canvas.w + 1, canvas.h + 1}), l.first << " inside the canvas");
  for (size_t i = 0; i < labels.size(); ++i)
    for (size_t j = i + 1; j < labels.size(); ++j)
      CHECK_MESSAGE(!labels[i].second.Overlaps(labels[j].second), labels[i].first << " overlaps " << labels[j].first);
  // Horizontal: the plot, the panel and the footer are stacked without overlap.
  if (!L.vertical) {
    CHECK(L.panel.y >= L.legend.y + L.legend.h);
    CHECK(L.footer.y >= L.panel.y + L.panel.h);
    CHECK(L.panel.h > 0);
  } else {
    CHECK(L.panel.y >= L.plot.y + L.plot.h);
  }
}

std::string Generated(int phases, int milestones) {
  json d = {{"version", 1}, {"sources", json::array({{{"id", "s1"}, {"citation", "A source (2020)."}}})}};
  json risks = json::array();
  risks.push_back({{"id", "infection"}, {"name", "Infection"}, {"short", "Infections."}, {"levels", json::array()}, {"sources", {"s1"}},
                   {"window", json::array({{{"variant", "v1"}, {"days", {0, 30}}}})}});
  d["risks"] = risks;
  json ph = json::array(), ms = json::array();
  double day = -300;
  for (int i = 0; i < phases; ++i) {
    const double len = phases == 1 ? 100 : (i % 3 == 0 ? 40 : 3);
    ph.push_back({{"id", "p" + std::to_string(i)}, {"name", "Phase number " + std::to_string(i)}, {"days", {day, day + len - 1}},
                  {"text", "What happens in phase " + std::to_string(i) + "."}, {"risks", i % 2 ? json::array({"infection"}) : json::array()},
                  {"sources", {"s1"}}});
    day += len;
  }
  for (int i = 0; i < milestones; ++i)
    ms.push_back({{"id", "m" + std::to_string(i)}, {"name", "Milestone " + std::to_string(i)}, {"days", {-300 + i * 15, -300 + i * 15 + 10}},
                  {"sources", {"s1"}}});
  json v = {{"id", "v1"}, {"name", "Only variant"}, {"phases", ph}};
  if (milestones) v["milestones"] = ms;
  d["timeline"] = {{"variants", json::array({v})}};
  return d.dump();
}

}  // namespace

TEST_CASE("hsct-timeline: the time scale is linear near day 0, compressed elsewhere, and invertible") {
  const scw::TimeScale ts = scw::TimeScale::For(-180, 1826);
  CHECK(ts.BreakBefore());
  CHECK(ts.BreakAfter());
  double prev = -1;
  for (double d = -180; d <= 1826; d += 1) {
    const double u = ts.U(d);
    CHECK(u > prev);
    prev = u;
    CHECK(std::fabs(ts.Day(u) - d) < 1e-6);
  }
  CHECK(ts.U(-180) == doctest::Approx(0));
  CHECK(ts.U(1826) == doctest::Approx(1));
  // A day near day 0 gets much more room than a day a year later.
  CHECK(ts.U(1) - ts.U(0) > 10 * (ts.U(366) - ts.U(365)));
  // Linear in the middle: equal steps.
  CHECK(ts.U(10) - ts.U(5) == doctest::Approx(ts.U(20) - ts.U(15)));
}

TEST_CASE("hsct-timeline: layout at phone, desktop and projector sizes, both variants") {
  struct Size { float w, h; bool vertical; } sizes[] = {{320, 480, true}, {1280, 720, false}, {1920, 1080, false}, {800, 500, false}};
  for (const auto& sz : sizes) {
    scw::test::Harness h;
    const int id = Load(h, sz.w, sz.h);
    for (int v = 0; v < 2; ++v) {
      if (v == 1) { ClickItem(h, id, "variant-allogeneic"); }
      const auto& L = W(h, id)->last_layout();
      CHECK(L.vertical == sz.vertical);
      CHECK(h.State(id)["variant"] == (v ? "allogeneic" : "autologous"));
      CheckLayout(L, std::to_string((int)sz.w) + "x" + std::to_string((int)sz.h) + (v ? " allogeneic" : " autologous"));
      if (!sz.vertical) {
        // Everything of the variant is drawn: every phase band has width, and lanes are labelled.
        for (const auto& r : L.phases) CHECK(r.w > 0);
        for (const auto& ln : L.lanes) CHECK(!ln.name.empty());
        CHECK(L.ticks.size() >= 6);
      }
    }
  }
}

TEST_CASE("hsct-timeline: on a phone the \"you are here\" tag covers the marker's dot, never the dot its text") {
  scw::test::Harness h;
  const int id = Load(h, 320, 480);
  const auto& L = W(h, id)->last_layout();
  REQUIRE(L.vertical);
  const float s = L.s, ax = L.axis_line;
  scw::SetCurrentFonts(&h.host->Find(id)->fonts->fonts);
  const float tw = scw::MeasureText(scw::FontRole::Strong, "Day +91").x + 14 * s;
  scw::SetCurrentFonts(nullptr);
  // The phone's gutter left of the axis is narrower than the tag: it starts at the left edge and crosses the axis,
  // so the dot goes under it.
  const scw::timeline::MarkerTag wide = scw::timeline::VerticalMarkerTag(ax, 200, tw, 20 * s, s);
  CHECK(wide.box.x == doctest::Approx(2 * s));
  CHECK(wide.box.x + wide.box.w > ax - 6 * s);
  CHECK(wide.over_dot);
  // A tag that fits stays left of the axis, clear of the dot, which is drawn over the line as before.
  const scw::timeline::MarkerTag narrow = scw::timeline::VerticalMarkerTag(ax, 200, ax / 3, 20 * s, s);
  CHECK(narrow.box.x + narrow.box.w == doctest::Approx(ax - 10 * s));
  CHECK_FALSE(narrow.over_dot);
  CHECK(narrow.box.y == doctest::Approx(200 - 10 * s));
}

TEST_CASE("hsct-timeline: the therapy's status is always on screen: in the intro, or beside the variant switch") {
  struct Size { float w, h; } sizes[] = {{1280, 720}, {1920, 1080}, {800, 500}};
  for (const auto& sz : sizes) {
    CAPTURE(sz.w);
    scw::test::Harness h;
    const int id = Load(h, sz.w, sz.h);
    for (int v = 0; v < 2; ++v) {
      if (v == 1) ClickItem(h, id, "variant-allogeneic");
      const auto& L = W(h, id)->last_layout();
      REQUIRE_FALSE(L.vertical);
      std::string intro;
      for (const auto& line : L.intro_lines) intro += line + " ";
      const bool in_intro = intro.find("Status: Standard care") != std::string::npos;  // the intro at the top
      const bool beside = L.status_text == "Status: Standard care" || (sz.w < 1000 && L.status_text == "Standard care");
      CHECK_MESSAGE((in_intro || beside), "no status on screen at " << sz.w << "x" << sz.h);
      if (beside) {  // inside the canvas, on the switch's row, clear of the switch and of the transport buttons
        CHECK(L.status.x >= L.variants.segments.back().x + L.variants.segments.back().w);
        CHECK(L.status.x + L.status.w <= L.prev.x);
        CHECK(L.status.y >= L.variants.segments.back().y);
        CHECK(L.status.y + L.status.h <= L.variants.segments.back().y + L.variants.segments.back().h);
      }
    }
  }
}

TEST_CASE("hsct-timeline: the allogeneic variant adds donor search, GvHD prophylaxis and a GvHD lane") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  auto gvhd = [&] {
    for (const auto& ln : W(h, id)->last_layout().lanes)
      if (ln.risk == "gvhd") return ln;
    return HsctTimelineWidget::Lane{};
  };
  CHECK(gvhd().risk == "gvhd");
  CHECK_FALSE(gvhd().in_variant);
  CHECK(gvhd().active.empty());
  ClickItem(h, id, "variant-allogeneic");
  CHECK(gvhd().in_variant);
  CHECK_FALSE(gvhd().active.empty());
  const json st = h.State(id);
  CHECK_FALSE(Item(st, "allo-donor-search").is_null());
  CHECK_FALSE(Item(st, "allo-gvhd-prophylaxis").is_null());
  CHECK(Item(st, "auto-mobilisation").is_null());
}

TEST_CASE("hsct-timeline: a click on a phase selects it and moves the marker; a second click clears") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  json st = h.State(id);
  CHECK(st["widget"] == "hsct-timeline");
  CHECK(st["selected"].is_null());
  CHECK(st["day"] == 0);
  CHECK(st["phase"] == "auto-reinfusion");
  CHECK(st["playing"] == false);
  ClickItem(h, id, "auto-low-counts");
  st = h.State(id);
  CHECK(st["selected"] == "auto-low-counts");
  CHECK(st["phase"] == "auto-low-counts");
  CHECK(st["day"] == 1);
  const auto changes = h.Of("change");
  REQUIRE(!changes.empty());
  CHECK(json::parse(changes.back().detail)["announcement"].get<std::string>().find("Low blood counts") != std::string::npos);
  ClickItem(h, id, "auto-low-counts");
  CHECK(h.State(id)["selected"].is_null());
  CHECK(h.State(id)["phase"] == "auto-low-counts");  // the marker stays
  // Every phase and milestone on screen hits itself.
  for (const auto& it : h.State(id)["items"]) {
    const std::string iid = it["id"];
    if (iid.rfind("auto-", 0) != 0) continue;
    ClickItem(h, id, iid);
    CHECK(h.State(id)["selected"] == iid);
    ClickItem(h, id, iid);
  }
}

TEST_CASE("hsct-timeline: a tap on the phone selects too, and the prev/next buttons step phases") {
  scw::test::Harness h;
  const int id = Load(h, 320, 480);
  const json st = h.State(id);
  CHECK(st["vertical"] == true);
  ClickItem(h, id, "next");
  CHECK(h.State(id)["phase"] == "auto-low-counts");
  CHECK(h.State(id)["selected"] == "auto-low-counts");
  ClickItem(h, id, "prev");
  ClickItem(h, id, "prev");
  CHECK(h.State(id)["phase"] == "auto-conditioning");
  const json it = Item(h.State(id), "auto-conditioning");
  REQUIRE(!it.is_null());
  const float x = it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2, y = it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2;
  h.host->Touch(id, 0, x, y);
  h.host->Touch(id, 2, x, y);
  h.Settle();
  CHECK(h.State(id)["selected"].is_null());  // second tap on the selected phase clears
}

TEST_CASE("hsct-timeline: dragging on the axis moves the day marker") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  const json ax = Item(h.State(id), "axis");
  REQUIRE(!ax.is_null());
  const float y = ax["box"]["y"].get<float>() + ax["box"]["h"].get<float>() / 2;
  const float x0 = ax["box"]["x"].get<float>() + 20, x1 = ax["box"]["x"].get<float>() + ax["box"]["w"].get<float>() - 20;
  h.host->MouseMove(id, x0, y);
  h.host->MouseButton(id, 0, true, x0, y);
  h.Settle();
  const double d0 = h.State(id)["day"];
  CHECK(d0 < -30);
  for (int k = 1; k <= 10; ++k) { h.host->MouseMove(id, x0 + (x1 - x0) * k / 10, y); h.Settle(); }
  h.host->MouseButton(id, 0, false, x1, y);
  h.Settle();
  const json st = h.State(id);
  CHECK(st["day"].get<double>() > 1000);
  CHECK(st["phase"] == "auto-long-term");
  CHECK(st["selected"] == "auto-long-term");
}

TEST_CASE("hsct-timeline: keyboard: arrows visit every phase, Home/End, Enter, Escape, rows, controls") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  h.host->Focus(id, true);
  Press(h, id, Key::Home);
  CHECK(h.State(id)["phase"] == "auto-mobilisation");
  CHECK(h.State(id)["selected"] == "auto-mobilisation");
  std::vector<std::string> seen = {"auto-mobilisation"};
  for (int i = 0; i < 8; ++i) {
    Press(h, id, Key::Right);
    if (seen.back() != h.State(id)["phase"]) seen.push_back(h.State(id)["phase"]);
  }
  CHECK(seen == std::vector<std::string>{"auto-mobilisation", "auto-conditioning", "auto-reinfusion", "auto-low-counts",
                                         "auto-early-recovery", "auto-immune-rebuild", "auto-long-term"});
  Press(h, id, Key::Left);
  CHECK(h.State(id)["phase"] == "auto-immune-rebuild");
  Press(h, id, Key::End);
  CHECK(h.State(id)["phase"] == "auto-long-term");
  CHECK(h.host->KeyEvent(id, Key::Escape, true));
  h.host->KeyEvent(id, Key::Escape, false);
  h.Settle();
  CHECK(h.State(id)["selected"].is_null());
  CHECK_FALSE(h.host->KeyEvent(id, Key::Escape, true));  // nothing to clear: Escape goes to the page
  Press(h, id, Key::Enter);
  CHECK(h.State(id)["selected"] == "auto-long-term");
  CHECK_FALSE(h.host->KeyEvent(id, Key::Tab, true));  // Tab always leaves the widget
  // Up: the controls row; Right moves to the second variant, Enter switches.
  Press(h, id, Key::Up);
  CHECK(h.State(id)["cursor"]["row"] == "controls");
  CHECK_FALSE(h.host->KeyEvent(id, Key::Up, true));  // top row: Up goes to the page
  Press(h, id, Key::Right);
  Press(h, id, Key::Enter);
  CHECK(h.State(id)["variant"] == "allogeneic");
  // Down twice: the milestones row; Enter selects the first milestone.
  Press(h, id, Key::Down);
  Press(h, id, Key::Down);
  CHECK(h.State(id)["cursor"]["row"] == "milestones");
  Press(h, id, Key::Home);
  Press(h, id, Key::Enter);
  CHECK(h.State(id)["selected"] == "allo-engraftment");
  Press(h, id, Key::Escape);
  CHECK(h.State(id)["selected"].is_null());
}

TEST_CASE("hsct-timeline: play steps through the phases and stops at the end; pause stops frames") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  ClickRun(h, id, "play");
  CHECK(h.State(id)["playing"] == true);
  CHECK(h.State(id)["phase"] == "auto-reinfusion");
  CHECK(W(h, id)->Animating());
  // 2.5 s per phase at 60 frames a second: the next phase after ~150 frames.
  Run(h, 150);
  CHECK(h.State(id)["phase"] == "auto-low-counts");
  CHECK(Run(h, 150 * 4) > 0);  // runs to the end and stops by itself
  CHECK(h.State(id)["phase"] == "auto-long-term");
  CHECK(h.State(id)["playing"] == false);
  CHECK_FALSE(W(h, id)->Animating());
  h.Settle();
  CHECK(Run(h, 5) == 0);  // idle: no frame wants another
  CHECK_FALSE(h.host->WantsFrame());
  // Play again from the end starts at the first phase; pause stops.
  ClickRun(h, id, "play");
  CHECK(h.State(id)["phase"] == "auto-mobilisation");
  CHECK(h.State(id)["playing"] == true);
  ClickRun(h, id, "play");
  CHECK(h.State(id)["playing"] == false);
  h.Settle();
  CHECK_FALSE(h.host->WantsFrame());
  // Reduced motion: play still steps phases on the timer, without transitions.
  std::string err;
  REQUIRE(h.host->SetOption(id, "reducedMotion", "1", &err));
  Run(h, 2);
  ClickRun(h, id, "play");
  const double d0 = h.State(id)["day"];
  Run(h, 160);
  CHECK(h.State(id)["day"].get<double>() > d0);
  ClickRun(h, id, "play");
  h.Settle();
  CHECK_FALSE(h.host->WantsFrame());
}

TEST_CASE("hsct-timeline: reduced motion: no animation frames after a selection or a variant switch") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  std::string err;
  REQUIRE(h.host->SetOption(id, "reducedMotion", "1", &err));
  h.Settle();
  const json it = Item(h.State(id), "variant-allogeneic");
  const float x = it["box"]["x"].get<float>() + 10, y = it["box"]["y"].get<float>() + 10;
  h.host->MouseMove(id, x, y);
  h.host->MouseButton(id, 0, true, x, y);
  h.host->MouseButton(id, 0, false, x, y);
  const int frames = h.Settle();
  CHECK(frames <= 4);  // input frames and settling, no animation
  CHECK(h.State(id)["variant"] == "allogeneic");
  CHECK_FALSE(W(h, id)->Animating());
  ClickItem(h, id, "allo-low-counts");
  CHECK_FALSE(W(h, id)->Animating());
  // Without reduced motion the same switch animates for a few frames (≤ 300 ms).
  REQUIRE(h.host->SetOption(id, "reducedMotion", "0", &err));
  h.Settle();
  const json a = Item(h.State(id), "variant-autologous");
  const float ax = a["box"]["x"].get<float>() + 10, ay = a["box"]["y"].get<float>() + 10;
  h.host->MouseMove(id, ax, ay);
  h.host->MouseButton(id, 0, true, ax, ay);
  h.host->MouseButton(id, 0, false, ax, ay);
  const int moving = h.Settle();
  CHECK(moving > 6);
  CHECK(moving <= 24);  // 0.28 s at 60 Hz plus settling
}

TEST_CASE("hsct-timeline: phones scroll the vertical timeline; the wheel goes to the page at the ends") {
  scw::test::Harness h;
  const int id = Load(h, 320, 480);
  auto* w = W(h, id);
  const auto& L = w->last_layout();
  REQUIRE(L.vertical);
  REQUIRE(L.max_scroll > 0);
  const float cx = L.plot.x + L.plot.w / 2, cy = L.plot.y + L.plot.h / 2;
  h.host->MouseMove(id, cx, cy);
  h.Settle();
  for (int i = 0; i < 60 && w->last_layout().scroll > 0; ++i) { h.host->Wheel(id, 0, 1); h.Settle(); }
  CHECK(w->last_layout().scroll == 0);
  CHECK_FALSE(h.host->Wheel(id, 0, 1));   // at the top, wheel up scrolls the page
  CHECK(h.host->Wheel(id, 0, -1));        // down scrolls the timeline
  h.Settle();
  CHECK(w->last_layout().scroll > 0);
  for (int i = 0; i < 200 && w->last_layout().scroll < w->last_layout().max_scroll; ++i) { h.host->Wheel(id, 0, -3); h.Settle(); }
  CHECK_FALSE(h.host->Wheel(id, 0, -1));  // at the bottom, down goes to the page
  // A touch drag in the content scrolls it.
  const float before = w->last_layout().scroll;
  const float tx = L.canvas.w - 20;
  h.host->Touch(id, 0, tx, cy - 60);
  h.Settle();
  for (int k = 1; k <= 6; ++k) { h.host->Touch(id, 1, tx, cy - 60 + k * 20); h.Settle(); }
  h.host->Touch(id, 2, tx, cy + 60);
  h.Settle();
  CHECK(w->last_layout().scroll < before);
  // Desktop: the wheel is never taken.
  scw::test::Harness d;
  const int did = Load(d, 1280, 720);
  d.host->MouseMove(did, 640, 300);
  d.Settle();
  CHECK_FALSE(d.host->Wheel(did, 0, -1));
}

TEST_CASE("hsct-timeline: the parallel DOM holds every phase and milestone, marks the selection, cites sources") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  ClickItem(h, id, "auto-low-counts");
  const std::string dom = h.host->Dom(id);
  const json d = json::parse(dom);
  CHECK(d["tag"] == "section");
  std::set<std::string> ids, current;
  std::function<void(const json&)> walk = [&](const json& n) {
    if (n.contains("attrs")) {
      if (n["attrs"].contains("data-id")) ids.insert(n["attrs"]["data-id"].get<std::string>());
      if (n["attrs"].contains("aria-current") && n["attrs"].contains("data-id")) current.insert(n["attrs"]["data-id"].get<std::string>());
    }
    if (n.contains("children")) for (const auto& c : n["children"]) walk(c);
  };
  walk(d);
  std::string err;
  scw::content::Document doc;
  json raw = json::parse(scw::DefaultContentText());
  REQUIRE(scw::content::Load(raw, "en", &doc).ok);
  for (const auto& v : doc.variants) {
    for (const auto& p : v.phases) CHECK_MESSAGE(ids.count(p.id), p.id);
    for (const auto& m : v.milestones) CHECK_MESSAGE(ids.count(m.id), m.id);
  }
  CHECK(current.count("auto-low-counts"));
  CHECK(current.count("variant-autologous"));
  CHECK(dom.find("\"th\"") != std::string::npos);
  CHECK(dom.find("scope") != std::string::npos);
  CHECK(dom.find(doc.FindSource(doc.variants[0].phases[0].sources[0])->citation.substr(0, 20)) != std::string::npos);
  CHECK(dom.find("not medical advice") != std::string::npos);
}

TEST_CASE("hsct-timeline: a document with one phase, and one with 200 phases and 200 milestones") {
  for (auto n : {std::pair<int, int>{1, 0}, std::pair<int, int>{200, 200}}) {
    for (auto sz : {std::pair<float, float>{320, 480}, std::pair<float, float>{1280, 720}, std::pair<float, float>{1920, 1080}}) {
      scw::test::Harness h;
      const int id = Load(h, sz.first, sz.second, Generated(n.first, n.second));
      const auto& L = W(h, id)->last_layout();
      REQUIRE(L.phases.size() == (size_t)n.first);
      CheckLayout(L, std::to_string(n.first) + " phases at " + std::to_string((int)sz.first));
      const std::string dom = h.host->Dom(id);
      CHECK(dom.find("\"p0\"") != std::string::npos);
      CHECK(dom.find("\"p" + std::to_string(n.first - 1) + "\"") != std::string::npos);
      if (n.second) CHECK(dom.find("\"m199\"") != std::string::npos);
      h.host->Focus(id, true);
      Press(h, id, Key::End);
      CHECK(h.State(id)["phase"] == "p" + std::to_string(n.first - 1));
      Press(h, id, Key::Home);
      CHECK(h.State(id)["phase"] == "p0");
    }
  }
}

TEST_CASE("hsct-timeline: missing or bad timeline section -> a clear error, previous content kept") {
  scw::test::Harness h;
  const int id = Load(h, 640, 400);
  std::string err;
  CHECK(h.host->SetData(id, R"({"version": 1, "risks": []})", &err) > 0);
  CHECK(err.find("timeline") != std::string::npos);
  const auto errors = h.Of("error");
  REQUIRE(!errors.empty());
  CHECK(json::parse(errors.back().detail)["path"] == "/timeline");
  CHECK(h.State(id)["variant"] == "autologous");  // still showing the default content
  CHECK(h.host->SetData(id, R"({"version": 1, "timeline": {"variants": [{"id": "a", "name": "A", "phases": [{"id": "p", "name": "P", "days": "soon", "text": "t", "sources": []}]}]}})", &err) > 0);
  CHECK(json::parse(h.Of("error").back().detail)["path"].get<std::string>().find("/timeline/variants/0/phases/0") == 0);
}

// ---- the split's seams: the variant switch (SegmentedControl), the detail panel's layout, the scrolled plot ----

TEST_CASE("hsct-timeline: the variant switch is hit where it is drawn, at every size, and its labels fit") {
  for (const auto& size : {std::pair<float, float>{320, 480}, {375, 640}, {1280, 720}, {1920, 1080}}) {
    const float w = size.first, hgt = size.second;  // not a structured binding: INFO's lambda captures them
    INFO(w << "x" << hgt);
    scw::test::Harness h;
    const int id = Load(h, w, hgt);
    scw::SetCurrentFonts(&h.host->Find(id)->fonts->fonts);  // measure as the layout did (the host sets them per frame)
    REQUIRE(scw::MeasureText(scw::FontRole::Small, "Day").x > 0);
    const auto& seg = W(h, id)->last_layout().variants;
    const float s = W(h, id)->last_layout().s;
    REQUIRE(seg.Count() == 2);
    CHECK(seg.segments[1].x == doctest::Approx(seg.segments[0].x + seg.segments[0].w));  // touching
    for (int i = 0; i < seg.Count(); ++i) {
      const Rect& r = seg.segments[i];
      // Every label line fits the width the segment draws it in (so drawing never shortens it again).
      size_t p0 = 0;
      const std::string& lab = seg.labels[i];
      while (true) {
        const size_t p = lab.find('\n', p0);
        const std::string line = lab.substr(p0, p == std::string::npos ? std::string::npos : p - p0);
        CHECK(scw::MeasureText(seg.role, line).x <= r.w - 12 * s + 0.01f);
        if (p == std::string::npos) break;
        p0 = p + 1;
      }
      // The box state() reports is that rectangle, and a click in it picks that variant.
      const json it = Item(h.State(id), std::string("variant-") + (i == 0 ? "autologous" : "allogeneic"));
      REQUIRE_FALSE(it.is_null());
      CHECK(it["box"]["x"].get<float>() == doctest::Approx(r.x));
      CHECK(it["box"]["w"].get<float>() == doctest::Approx(r.w));
      CHECK(seg.HitTest(r.x + r.w / 2, r.y + r.h / 2) == i);
      Click(h, id, r.x + r.w / 2, r.y + r.h / 2);
      CHECK(h.State(id)["variant"] == (i == 0 ? "autologous" : "allogeneic"));
      scw::SetCurrentFonts(&h.host->Find(id)->fonts->fonts);
    }
    scw::SetCurrentFonts(nullptr);
  }
}

TEST_CASE("hsct-timeline: the detail panel's layout follows the day and the selection and sits in the panel") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  auto* w = W(h, id);
  const auto& L = w->last_layout();
  const auto& d = w->last_detail();
  CHECK(d.two_columns);  // wide: text left, risks right
  CHECK(d.inner.Inside(L.panel));
  CHECK(d.right_x >= d.inner.x + d.left_w);
  CHECK(d.right_x + d.right_w == doctest::Approx(d.inner.x + d.inner.w));
  // The shown day's phase: its name as the title, the day in the first line, its risks in order, each with its
  // lane's pattern.
  const json st = h.State(id);
  const json doc = json::parse(scw::DefaultContentText());
  json phase, milestone;
  for (const auto& v : doc["timeline"]["variants"]) {
    for (const auto& p : v["phases"]) if (p["id"] == st["phase"]) phase = p;
    for (const auto& m : v["milestones"]) if (m["id"] == "auto-neutrophil-engraftment") milestone = m;
  }
  REQUIRE(phase.is_object());
  REQUIRE(d.left.size() >= 3);
  CHECK(d.left[0].text.find(st["dayLabel"].get<std::string>()) != std::string::npos);
  CHECK(d.left[1].text == phase["name"].get<std::string>());
  REQUIRE(d.risks.size() == phase["risks"].size());
  for (size_t i = 0; i < d.risks.size(); ++i) {
    bool lane = false;
    for (const auto& ln : L.lanes) lane |= ln.risk == phase["risks"][i] && ln.pattern == d.risks[i].first;
    CHECK_MESSAGE(lane, d.risks[i].second << " has its lane's pattern");
  }
  CHECK(d.content_h > 0);
  // A milestone selected: its name is the title.
  std::string err;
  REQUIRE(milestone.is_object());
  REQUIRE(h.host->SetState(id, R"({"selected": "auto-neutrophil-engraftment"})", &err));
  h.Settle();
  CHECK(w->last_detail().left[1].text == milestone["name"].get<std::string>());
  // Phones: one column, the risks under the text.
  scw::test::Harness p;
  const int pid = Load(p, 375, 640);
  const auto& pd = W(p, pid)->last_detail();
  CHECK_FALSE(pd.two_columns);
  CHECK(pd.right_x == pd.inner.x);
  CHECK(pd.inner.Inside(W(p, pid)->last_layout().panel));
}

TEST_CASE("hsct-timeline: a day between phases shows 'Between phases' with no active risks") {
  json d = json::parse(Generated(3, 0));
  d["timeline"]["variants"][0]["phases"][1]["days"] = {-259, -258};  // day -260 is in no phase
  scw::test::Harness h;
  const int id = Load(h, 1280, 720, d.dump());
  std::string err;
  REQUIRE(h.host->SetState(id, R"({"day": -260})", &err));
  h.Settle();
  const auto& det = W(h, id)->last_detail();
  CHECK(det.left[1].text == "Between phases");
  CHECK(det.risks.empty());
  REQUIRE(h.host->SetState(id, R"({"day": -258})", &err));  // phase 1 lists "infection"
  h.Settle();
  CHECK(W(h, id)->last_detail().left[1].text == "Phase number 1");
  REQUIRE(W(h, id)->last_detail().risks.size() == 1);
  CHECK(W(h, id)->last_detail().risks[0].second == "Infection");
}

TEST_CASE("hsct-timeline: scrolling the phone plot moves every box by the scroll, and taps follow") {
  scw::test::Harness h;
  const int id = Load(h, 320, 480);
  auto* w = W(h, id);
  const auto before = w->last_layout();
  REQUIRE(before.vertical);
  h.host->MouseMove(id, before.plot.x + before.plot.w / 2, before.plot.y + before.plot.h / 2);
  h.Settle();
  CHECK(h.host->Wheel(id, 0, -2));
  h.Settle();
  const auto& after = w->last_layout();
  const float dy = after.scroll - before.scroll;
  REQUIRE(dy > 0);
  CHECK(dy == doctest::Approx(2 * scw::ScrollView::kWheelStep * before.s).epsilon(0.001));  // unless clamped
  for (size_t i = 0; i < after.phases.size(); ++i) CHECK(after.phases[i].y == doctest::Approx(before.phases[i].y - dy));
  CHECK(after.axis.y == doctest::Approx(before.axis.y - dy));
  CHECK(after.axis_a == doctest::Approx(before.axis_a - dy));
  CHECK(after.footer.y == doctest::Approx(before.footer.y - dy));
  // The fixed parts do not move.
  CHECK(after.variants.segments[0].y == before.variants.segments[0].y);
  CHECK(after.panel.y == before.panel.y);
  // A tap on a phase where it now is selects it.
  for (size_t i = 0; i < after.phases.size(); ++i) {
    const Rect r = after.phases[i];
    if (r.h < 8 || r.y < after.plot.y || r.y + r.h > after.plot.y + after.plot.h) continue;
    Click(h, id, r.x + r.w / 2, r.y + r.h / 2);
    CHECK(h.State(id)["selected"] == h.State(id)["phase"]);
    CHECK_FALSE(h.State(id)["selected"].is_null());
    break;
  }
}
