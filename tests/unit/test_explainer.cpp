// The explainer (issue 14, item 1), headless: the links between its three views (therapy -> cells, column and
// variant; risk -> timeline lane and peak day; cell -> therapies), the tab in state() and setState, input routed
// to the view under the pointer in its own coordinates, keys to the active view, setState validation naming the
// bad key or id, the layout at 375/650/1280/1920 px (no overlap, nothing out of bounds), the parallel DOM, and
// the content model's links (unknown ids refused with their JSON path). Uses the embedded default content.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "content/model.h"
#include "explainer.h"
#include "harness.h"
#include "imgui.h"

using namespace scw;
using scw::test::Harness;
using nlohmann::json;

namespace {
struct Ex {
  Harness h;
  int id = 0;
  explicit Ex(float w = 1920, float hgt = 1080, const std::string& data = "", float dpr = 1) {
    id = h.Make("explainer", w, hgt, dpr);
    std::string err;
    const int errors = h.host->SetData(id, data, &err);
    REQUIRE_MESSAGE(errors == 0, err);
    h.Settle();
    h.events.clear();
  }
  ExplainerWidget& w() { return static_cast<ExplainerWidget&>(*h.host->Find(id)->widget); }
  json S() { return h.State(id); }
  json V(const char* view) { return S()["views"][view]; }
  std::string Set(const std::string& text) {
    std::string err;
    const bool ok = h.host->SetState(id, text, &err);
    if (ok) h.Settle();
    return ok ? std::string() : err;
  }
  void Click(float x, float y) {  // CSS px
    h.host->MouseMove(id, x, y);
    h.host->MouseButton(id, 0, true, x, y);
    h.host->MouseButton(id, 0, false, x, y);
    h.Settle();
  }
  void Press(Key k) {
    h.host->KeyEvent(id, k, true);
    h.host->KeyEvent(id, k, false);
    h.Settle();
  }
  // Clicks an item a view reports in its own state (its own coordinates), at the view's pane.
  bool ClickIn(const char* view, const std::string& item) {
    const json v = V(view);
    for (const auto& it : v["items"])
      if (it["id"] == item) {
        Click(v["pane"]["x"].get<float>() + it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2,
              v["pane"]["y"].get<float>() + it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2);
        return true;
      }
    return false;
  }
  bool ClickTab(const std::string& tab) {
    const json st = S();
    for (const auto& it : st["items"])
      if (it["id"] == "tab:" + tab) {
        Click(it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2, it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2);
        return true;
      }
    return false;
  }
};
bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
bool Overlap(const Rect& a, const Rect& b) {
  return a.x + 0.5f < b.x + b.w && b.x + 0.5f < a.x + a.w && a.y + 0.5f < b.y + b.h && b.y + 0.5f < a.y + a.h;
}
bool Within(const Rect& r, float w, float h) { return r.x >= -0.5f && r.y >= -0.5f && r.x + r.w <= w + 0.5f && r.y + r.h <= h + 0.5f; }
}  // namespace

TEST_CASE("explainer: all three views side by side at 1920x720, tabs at 375, two columns at 1280 and on a projector") {
  Ex wide(1920, 720);
  CHECK(wide.S()["layout"] == "three");
  for (const char* v : {"cells", "timeline", "risks"}) CHECK(wide.V(v)["shown"] == true);
  CHECK(wide.V("cells")["widget"] == "cell-diagram");
  CHECK(wide.V("timeline")["widget"] == "hsct-timeline");
  CHECK(wide.V("risks")["widget"] == "risk-chart");
  Ex phone(375, 667);
  CHECK(phone.S()["layout"] == "tabs");
  CHECK(phone.S()["tab"] == "cells");
  CHECK(phone.V("cells")["shown"] == true);
  CHECK(phone.V("timeline")["shown"] == false);
  CHECK(phone.V("risks")["shown"] == false);
  Ex desk(1280, 720);
  CHECK(desk.S()["layout"] == "two");
  CHECK(desk.V("cells")["shown"] == true);
  CHECK(desk.V("timeline")["shown"] == true);  // the right column shows the timeline first
  CHECK(desk.V("risks")["shown"] == false);
  Ex projector(1920, 1080);  // larger text (the host's UI factor): two columns
  CHECK(projector.S()["layout"] == "two");
}

TEST_CASE("explainer: a therapy chosen in the cell diagram sets the risk chart's column and the timeline's variant") {
  Ex e(1920, 720);
  REQUIRE(e.V("timeline")["variant"] == "autologous");
  const json before_risks = e.V("risks");
  CHECK(e.ClickIn("cells", "therapy:allo-hsct"));
  CHECK(e.V("cells")["therapy"] == "allo-hsct");
  CHECK(e.S()["therapy"] == "allo-hsct");
  CHECK(e.V("risks")["therapy"] == "allo-hsct");             // its column
  CHECK(e.V("risks")["selected"] != before_risks["selected"]);
  CHECK(e.V("timeline")["variant"] == "allogeneic");         // its transplant variant
  CHECK(e.S()["tab"] == "cells");                            // the click was in the cell diagram
  // A therapy without a transplant variant leaves the timeline where it is.
  CHECK(e.ClickIn("cells", "therapy:msc-therapy"));
  CHECK(e.V("risks")["therapy"] == "msc-therapy");
  CHECK(e.V("timeline")["variant"] == "allogeneic");
  const auto changes = e.h.Of("change");
  REQUIRE(!changes.empty());
  CHECK(json::parse(changes.back().detail)["therapy"] == "msc-therapy");
}

TEST_CASE("explainer: a therapy chosen on the timeline or in the risk chart drives the other two") {
  Ex e(1920, 720);
  CHECK(e.ClickIn("timeline", "variant-allogeneic"));
  CHECK(e.V("timeline")["variant"] == "allogeneic");
  CHECK(e.S()["therapy"] == "allo-hsct");
  CHECK(e.V("cells")["therapy"] == "allo-hsct");
  CHECK(e.V("risks")["therapy"] == "allo-hsct");
  CHECK(e.S()["tab"] == "timeline");
  // In the risk chart: the auto-HSCT cell of a risk -> the therapy everywhere, and the risk on the timeline.
  CHECK(e.Set(R"({"views":{"timeline":{"day":20}}})").empty());
  CHECK(e.V("timeline")["day"] == 20);
  CHECK(e.ClickIn("risks", "infection/auto-hsct"));
  CHECK(e.V("risks")["selected"] == "infection/auto-hsct");
  CHECK(e.S()["therapy"] == "auto-hsct");
  CHECK(e.S()["risk"] == "infection");
  CHECK(e.V("cells")["therapy"] == "auto-hsct");
  CHECK(e.V("timeline")["variant"] == "autologous");
  CHECK(e.V("timeline")["day"] == 0);  // infections peak from day 0 (window [0, 30])
}

TEST_CASE("explainer: a risk moves the timeline to its peak window, else to the first phase that lists it") {
  Ex e(1920, 720);
  CHECK(e.Set(R"({"risk":"treatment-related-death"})").empty());
  CHECK(e.S()["risk"] == "treatment-related-death");
  CHECK(e.V("risks")["risk"] == "treatment-related-death");
  CHECK(e.V("timeline")["day"] == 0);  // window [0, 100]
  CHECK(e.Set(R"({"risk":"low-blood-counts"})").empty());
  CHECK(e.V("timeline")["day"] == 1);
  // No window: the first phase of the shown variant whose risks list it (its lane's first active stretch).
  CHECK(e.Set(R"({"risk":"secondary-autoimmunity"})").empty());
  CHECK(e.V("timeline")["selected"] == "auto-immune-rebuild");
  CHECK(e.V("timeline")["phase"] == "auto-immune-rebuild");
  // The same risk with the allogeneic variant: GvHD is listed first in the low-counts phase.
  CHECK(e.Set(R"({"therapy":"allo-hsct","risk":"gvhd"})").empty());
  CHECK(e.V("timeline")["variant"] == "allogeneic");
  CHECK(e.V("timeline")["selected"] == "allo-low-counts");
  // A risk with no lane on the timeline: the timeline stays, the announcement says so.
  const json tl = e.V("timeline");
  CHECK(e.Set(R"({"risk":"tumour-formation"})").empty());
  CHECK(e.V("timeline")["day"] == tl["day"]);
  CHECK(Has(e.w().Announcement(), "not shown on this transplant timeline"));
}

TEST_CASE("explainer: the chosen risk's lane is the one the timeline draws for it (risk -> lane)") {
  Ex e(1920, 720);
  CHECK(e.Set(R"({"risk":"infection"})").empty());
  const auto& L = static_cast<const HsctTimelineWidget&>(*e.w().view(ExplainerWidget::kTimeline)).last_layout();
  int lanes = 0;
  for (const auto& ln : L.lanes)
    if (ln.risk == "infection") { ++lanes; CHECK(!ln.peak.empty()); }
  CHECK(lanes == 1);
}

TEST_CASE("explainer: a cell shows the therapies that use it") {
  Ex e(1920, 720);
  CHECK(e.ClickIn("cells", "hsc"));
  CHECK(e.V("cells")["selected"] == "hsc");
  CHECK(e.S()["cell"] == "hsc");
  CHECK(e.S()["therapiesForCell"] == json::array({"auto-hsct", "allo-hsct"}));
  CHECK(Has(e.w().Announcement(), "Used in"));
  CHECK(e.Set(R"({"cell":"beta-cell"})").empty());
  CHECK(e.S()["therapiesForCell"] == json::array({"islet-replacement"}));
  CHECK(e.V("cells")["selected"] == "beta-cell");
  CHECK(e.Set(R"({"cell":"skin-cell"})").empty());
  CHECK(e.S()["therapiesForCell"].empty());
}

TEST_CASE("explainer: the pointer reaches the view under it, in that view's coordinates") {
  Ex e(1920, 720);
  // A click on the risk chart's cell, at the pane's offset, selects exactly that cell, and nothing in the
  // cell diagram, which has items at the same local coordinates.
  const json cells_before = e.V("cells");
  CHECK(e.ClickIn("risks", "infection/allo-hsct"));
  CHECK(e.V("risks")["selected"] == "infection/allo-hsct");
  CHECK(e.V("cells")["selected"] == cells_before["selected"]);
  CHECK(e.S()["tab"] == "risks");
  // The same local point without the pane's offset lands in the cell diagram's pane, not in the chart.
  const json v = e.V("risks");
  for (const auto& it : v["items"])
    if (it["id"] == "infection/auto-hsct") {
      const float x = it["box"]["x"].get<float>() + 4, y = it["box"]["y"].get<float>() + 4;
      e.Click(x, y);
      CHECK(e.S()["tab"] == "cells");
      // The chart changes only through a link (a therapy chip there sets its column), never by the click itself.
      const json r = e.V("risks");
      CHECK((r["selected"] == "infection/allo-hsct" || r["therapy"] == e.V("cells")["therapy"]));
      CHECK(r["risk"] == "infection");
    }
}

TEST_CASE("explainer: the wheel and touch drags go to the view under the pointer, and only when it scrolls") {
  Ex e(375, 667);
  const json before = e.V("cells");
  REQUIRE(before["shown"] == true);
  const float px = before["pane"]["x"].get<float>() + 150, py = before["pane"]["y"].get<float>() + 300;
  e.h.host->MouseMove(e.id, px, py);
  e.h.Settle();
  CHECK(e.h.host->Wheel(e.id, 0, -1));  // the diagram is taller than the phone: it scrolls
  e.h.Settle();
  CHECK(e.V("cells")["scroll"].get<float>() > before["scroll"].get<float>());
  CHECK(e.w().UsesDrag(px, py));
  // Over the tabs nothing scrolls: the page keeps the wheel and the drag.
  e.h.host->MouseMove(e.id, 60, 20);
  e.h.Settle();
  CHECK_FALSE(e.h.host->Wheel(e.id, 0, -1));
  CHECK_FALSE(e.w().UsesDrag(60, 20));
}

TEST_CASE("explainer: tabs on a phone: tap, keyboard, and the tab in state() and setState") {
  Ex e(375, 667);
  CHECK(e.S()["tab"] == "cells");
  CHECK(e.ClickTab("risks"));
  CHECK(e.S()["tab"] == "risks");
  CHECK(e.V("risks")["shown"] == true);
  CHECK(e.V("cells")["shown"] == false);
  CHECK(e.h.Of("change").size() >= 1);
  CHECK(json::parse(e.h.Of("change").back().detail)["tab"] == "risks");
  CHECK(e.Set(R"({"tab":"timeline"})").empty());
  CHECK(e.S()["tab"] == "timeline");
  CHECK(e.V("timeline")["shown"] == true);
  CHECK(e.V("timeline")["vertical"] == true);  // the phone layout of the timeline inside the tab
  // Keyboard: focus on the tabs; Left/Right choose, End/Home jump, Enter goes into the view, Escape back.
  e.h.host->Focus(e.id, true);
  e.Press(Key::Left);
  CHECK(e.S()["tab"] == "cells");
  e.Press(Key::End);
  CHECK(e.S()["tab"] == "risks");
  e.Press(Key::Home);
  CHECK(e.S()["tab"] == "cells");
  CHECK(e.S()["focus"] == "tabs");
  CHECK_FALSE(e.h.host->KeyEvent(e.id, Key::Tab, true));  // Tab leaves the widget
  e.h.host->KeyEvent(e.id, Key::Tab, false);
  e.Press(Key::Enter);
  CHECK(e.S()["focus"] == "view");
  // Inside the cell diagram the arrows move its cursor, Enter selects.
  e.Press(Key::Right);
  CHECK(e.S()["tab"] == "cells");
  CHECK_FALSE(e.V("cells")["cursor"].is_null());
  e.Press(Key::Enter);
  const json sel = e.V("cells")["selected"];
  CHECK(e.S()["focus"] == "view");
  // Escape clears the view's selection first (the view uses it), then goes back to the tabs.
  if (!sel.is_null()) {
    e.Press(Key::Escape);
    CHECK(e.V("cells")["selected"].is_null());
  }
  e.Press(Key::Escape);
  CHECK(e.S()["focus"] == "tabs");
}

TEST_CASE("explainer: setState names bad keys, values and ids, and changes nothing") {
  Ex e(1280, 720);
  REQUIRE(e.Set(R"({"therapy":"auto-hsct"})").empty());
  const json before = e.S();
  const size_t changes = e.h.Of("change").size();
  CHECK(Has(e.Set(R"({"colour":"red"})"), "\"colour\""));
  CHECK(Has(e.Set(R"({"tab":"graphs"})"), "graphs"));
  CHECK(Has(e.Set(R"({"tab":"graphs"})"), "\"timeline\""));  // says what it has
  CHECK(Has(e.Set(R"({"therapy":"magic"})"), "magic"));
  CHECK(Has(e.Set(R"({"risk":"dragons"})"), "dragons"));
  CHECK(Has(e.Set(R"({"cell":"unicorn-cell"})"), "unicorn-cell"));
  CHECK(Has(e.Set(R"({"therapy":3})"), "\"therapy\""));
  CHECK(Has(e.Set(R"({"tab":"risks","therapy":"magic"})"), "magic"));  // one bad value: the tab stays too
  CHECK(Has(e.Set(R"({"views":{"timeline":{"day":"soon"}}})"), "views.timeline"));
  CHECK(Has(e.Set(R"({"views":{"timeline":{"variant":"nope"}}})"), "nope"));
  CHECK(Has(e.Set(R"({"views":{"charts":{}}})"), "charts"));
  CHECK(Has(e.Set(R"({"widget":"risk-chart"})"), "risk-chart"));
  CHECK(Has(e.Set(R"(["cells"])"), "object"));
  const json after = e.S();
  CHECK(after["tab"] == before["tab"]);
  CHECK(after["therapy"] == before["therapy"]);
  CHECK(after["views"]["timeline"]["day"] == before["views"]["timeline"]["day"]);
  CHECK(after["views"]["timeline"]["variant"] == before["views"]["timeline"]["variant"]);
  CHECK(e.h.Of("change").size() == changes);
  // A view's own keys go through "views", and link like a reader's choice there.
  CHECK(e.Set(R"({"views":{"timeline":{"variant":"allogeneic","day":8}}})").empty());
  CHECK(e.V("timeline")["day"] == 8);
  CHECK(e.S()["therapy"] == "allo-hsct");
  CHECK(e.V("cells")["therapy"] == "allo-hsct");
  CHECK(e.Set(R"({"widget":"explainer","tab":"risks","therapy":null})").empty());
  CHECK(e.S()["tab"] == "risks");
  CHECK(e.S()["therapy"].is_null());
  CHECK(e.V("cells")["therapy"].is_null());
}

TEST_CASE("explainer: layout at 375, 650, 1280 and 1920 px: panes and tabs inside, nothing overlapping") {
  struct Size { float w, h; const char* mode; };
  for (const Size& sz : {Size{375, 667, "tabs"}, Size{650, 403, "tabs"}, Size{650, 760, "tabs"}, Size{1280, 720, "two"},
                         Size{1920, 1080, "two"}, Size{1920, 720, "three"}}) {
    CAPTURE(sz.w);
    CAPTURE(sz.h);
    Ex e(sz.w, sz.h);
    CHECK(e.S()["layout"] == sz.mode);
    const auto& L = e.w().last_layout();
    std::vector<Rect> boxes;
    for (const auto& c : L.columns) {
      CHECK(Within(c.pane, sz.w, sz.h));
      CHECK(Within(c.head, sz.w, sz.h));
      CHECK(c.pane.w > 200);
      CHECK(c.pane.h > 200);
      CHECK_FALSE(Overlap(c.head, c.pane));
      boxes.push_back(c.pane);
      boxes.push_back(c.head);
    }
    for (size_t i = 0; i < boxes.size(); ++i)
      for (size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(Overlap(boxes[i], boxes[j]));
    for (const auto& t : L.tabs) {
      CHECK(t.box.Inside(L.columns[t.column].head));
      CHECK(t.box.h >= 24);  // a touch target
      for (const auto& u : L.tabs)
        if (&t != &u) CHECK_FALSE(Overlap(t.box, u.box));
    }
    for (const auto& d : L.dividers)
      for (const auto& c : L.columns) CHECK_FALSE(Overlap(d, c.pane));
    // What each view drew was moved into its pane: every draw command is clipped to one pane, or is the
    // explainer's own chrome (the whole canvas: headings, tabs, dividers, overlays cut to their pane).
    const ImDrawList& dl = *e.h.host->Find(e.id)->draw;
    int in_panes = 0;
    for (const ImDrawCmd& cmd : dl.CmdBuffer) {
      if (cmd.ElemCount == 0) continue;
      const Rect clip{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z - cmd.ClipRect.x, cmd.ClipRect.w - cmd.ClipRect.y};
      CAPTURE(clip.x); CAPTURE(clip.y); CAPTURE(clip.w); CAPTURE(clip.h);
      CHECK(Within(clip, sz.w, sz.h));
      CHECK(clip.w >= 0);
      CHECK(clip.h >= 0);
      for (const auto& c : L.columns)
        if (clip.Inside(c.pane)) ++in_panes;
    }
    CHECK(in_panes > 0);
    CHECK(L.tabs.size() == 3);
    // Every view, when shown, keeps its own items inside its pane.
    for (const char* view : {"cells", "timeline", "risks"}) {
      CHECK(e.Set(std::string(R"({"tab":")") + view + "\"}").empty());
      const json v = e.V(view);
      CHECK(v["shown"] == true);
      const float pw = v["pane"]["w"].get<float>(), ph = v["pane"]["h"].get<float>();
      for (const auto& it : v["items"]) {
        const Rect r{it["box"]["x"].get<float>(), it["box"]["y"].get<float>(), it["box"]["w"].get<float>(), it["box"]["h"].get<float>()};
        CAPTURE(it["id"]);
        if (it.contains("visible") && it["visible"] == false) continue;
        CHECK(Within(r, pw, ph));
      }
    }
  }
}

TEST_CASE("explainer: one view only when the content has one section; none is an error") {
  const std::string only_cells = R"({"version":1,"cellTypes":[{"id":"hsc","name":"Blood stem cell","category":"adult","short":"Makes blood."}]})";
  Ex e(1280, 720, only_cells);
  CHECK(e.S()["layout"] == "single");
  CHECK(e.S()["tabs"] == json::array({"cells"}));
  CHECK(e.V("cells")["shown"] == true);
  CHECK(e.S()["items"].empty());
  CHECK(Has(e.Set(R"({"tab":"risks"})"), "\"cells\""));
  Harness h;
  const int id = h.Make("explainer", 800, 600);
  std::string err;
  CHECK(h.host->SetData(id, R"({"version":1,"title":"Nothing"})", &err) > 0);
  CHECK(Has(err, "at least one of"));
}

TEST_CASE("explainer: the parallel DOM holds each view's copy under its heading, and follows the language") {
  Ex e(1920, 720);
  const std::string dom = dom::ToJson(e.w().Dom());
  const json d = json::parse(dom);
  REQUIRE(d["children"].size() == 3);
  CHECK(d["children"][0]["children"][0]["tag"] == "h2");
  CHECK(d["children"][0]["children"][0]["text"] == "Cells");
  CHECK(d["children"][1]["children"][0]["text"] == "Timeline");
  CHECK(d["children"][2]["children"][0]["text"] == "Risks");
  CHECK(Has(dom, "Blood stem cell"));
  CHECK(d["children"][2]["attrs"]["data-id"] == "view:risks");
  Harness h;
  const int id = h.Make("explainer", 1920, 1080);
  std::string err;
  std::ifstream f(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer.es.json");
  const std::string es_text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  REQUIRE(!es_text.empty());
  REQUIRE(h.host->SetData(id, es_text, &err) == 0);
  h.Settle();
  const json es = json::parse(dom::ToJson(static_cast<ExplainerWidget&>(*h.host->Find(id)->widget).Dom()));
  CHECK(es["children"][0]["children"][0]["text"] == "Células");
  CHECK(es["children"][2]["children"][0]["text"] == "Riesgos");
}

TEST_CASE("explainer: idle after settling, and a frame with all three views stays cheap") {
  Ex e(1920, 720);
  REQUIRE(e.S()["layout"] == "three");
  CHECK_FALSE(e.h.host->WantsFrame());
  // Move the pointer over each view and time the frames (draw into scratch lists + translated append).
  auto t0 = std::chrono::steady_clock::now();
  int frames = 0;
  for (int i = 0; i < 60; ++i) {
    e.h.host->MouseMove(e.id, 100.0f + i * 30.0f, 400);
    frames += e.h.Settle();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  CHECK(frames >= 60);
  CHECK_FALSE(e.h.host->WantsFrame());
  // The same three widgets alone, each at its pane's size and the explainer's scale: what the composition adds
  // (scratch lists, the translated copy, the links' State() reads) is the difference.
  const json st = e.S();
  double alone = 0;
  int alone_frames = 0;
  for (const char* view : {"cells", "timeline", "risks"}) {
    const json pane = st["views"][view]["pane"];
    Harness h;
    const std::string kind = st["views"][view]["widget"];
    const int id = h.Make(kind, pane["w"].get<float>(), pane["h"].get<float>());
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    auto a0 = std::chrono::steady_clock::now();
    int n = 0;
    for (int i = 0; i < 60; ++i) {
      h.host->MouseMove(id, 20.0f + i * 8.0f, 300);
      n += h.Settle();
    }
    alone += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a0).count() / std::max(n, 1);
    alone_frames += n;
  }
  MESSAGE("explainer 1920x720, three views (debug build): " << ms / std::max(frames, 1) << " ms a frame; the three "
          "widgets alone at their pane sizes: " << alone << " ms (sum of their per-frame times)");
}

TEST_CASE("content links: therapy -> cells and variant, risk window -> variant, unknown ids named by path") {
  content::Document d;
  const json doc = json::parse(R"({"version":1,
    "cellTypes":[{"id":"hsc","name":"Blood stem cell","category":"adult","short":"Makes blood."}],
    "therapies":[{"id":"t1","name":"Transplant","cells":["hsc","ghost-cell"],"timelineVariant":"nope"}],
    "timeline":{"variants":[{"id":"v1","name":"One","phases":[{"id":"p1","name":"P","days":[0,5],"text":"x","risks":["r1","r9"],"sources":["s1"]}]}]},
    "risks":[{"id":"r1","name":"Risk","short":"s","window":[{"variant":"v2","days":[0,3]}],
              "levels":[{"therapy":"t1","level":"unknown"}],"sources":["s1"]},
             {"id":"r2","name":"Lonely","short":"s","window":[{"variant":"v1","days":[0,3]}],
              "levels":[{"therapy":"t1","level":"unknown"}],"sources":["s1"]}],
    "sources":[{"id":"s1","citation":"A source."}]})");
  const LoadResult r = content::Load(doc, "en", &d);
  CHECK_FALSE(r.ok);
  auto at = [&](const std::string& path, const std::string& part, bool warning) {
    for (const auto& p : r.problems)
      if (p.path == path && Has(p.message, part) && p.warning == warning) return true;
    return false;
  };
  CHECK(at("/therapies/0/cells/1", "ghost-cell", false));
  CHECK(at("/therapies/0/timelineVariant", "nope", false));
  CHECK(at("/risks/0/window/0/variant", "v2", false));
  CHECK(at("/timeline/variants/0/phases/0/risks/1", "r9", false));
  // A peak window needs a lane: some phase must list the risk, or the timeline cannot draw it.
  CHECK(at("/risks/1/window", "no phase", true));
  // The good links are kept.
  REQUIRE(d.therapies.size() == 1);
  CHECK(d.therapies[0].cells.front() == "hsc");
}

TEST_CASE("explainer: screen-reader cursor on the tabs and inside a view; a presenter's step goes to the active view and links") {
  Ex e(375, 667);
  e.h.host->Focus(e.id, true);
  // On the tabs: the tab's name and its position.
  CHECK(e.w().Cursor() == "tab:cells");
  const std::string on_tab = e.w().CursorText();
  CHECK(on_tab.find("1 of 3") != std::string::npos);
  e.Press(Key::Right);
  CHECK(e.w().Cursor() == "tab:timeline");
  CHECK(e.w().CursorText().find("2 of 3") != std::string::npos);
  CHECK(e.w().CursorText() != on_tab);
  // Inside the risk chart: its own cursor, prefixed by the view so ids of different views never collide.
  e.Press(Key::Right);
  e.Press(Key::Enter);
  e.Press(Key::Right);
  const std::string inner = e.w().Cursor();
  CHECK(inner.rfind("risks:", 0) == 0);
  CHECK(e.w().CursorText() == e.w().view(ExplainerWidget::kRisks)->CursorText());
  CHECK_FALSE(e.w().CursorText().empty());
  // Presenting: a step moves the active view's tour, the explainer reports the change and the links follow.
  e.h.events.clear();
  CHECK(e.h.host->Step(e.id, 1));
  e.h.Settle();
  CHECK(e.h.Of("change").size() >= 1);
  const json s = e.S();
  CHECK_FALSE(s["views"]["risks"]["selected"].is_null());
  CHECK_FALSE(s["risk"].is_null());
  CHECK(s["risk"] == e.V("risks")["risk"]);
  CHECK_FALSE(e.w().Announcement().empty());
}
