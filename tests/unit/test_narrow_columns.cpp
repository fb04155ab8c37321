// Narrow columns: every widget in a 650 px content column (a WordPress theme's, e.g. Twenty Twenty-Three) stays
// readable after a selection, at the height the loader picks from the width (650 × 0.62 = 403 px) and at
// "auto" height, where the loader grows the widget to the height it asks for (state().preferredHeight).
#include <doctest/doctest.h>

#include <string>

#include "cell_diagram.h"
#include "harness.h"
#include "hsct_timeline.h"
#include "risk_chart.h"

using namespace scw;
using scw::test::Harness;
using nlohmann::json;

namespace {
constexpr float kW = 650, kH = 403;  // the loader: max(360, min(720, round(650 × 0.62)))

bool Inside(const Rect& r, float w, float h) { return r.x >= -0.5f && r.y >= -0.5f && r.x + r.w <= w + 0.5f && r.y + r.h <= h + 0.5f; }

struct Column {
  Harness h;
  int id = 0;
  explicit Column(const std::string& kind, float w = kW, float hgt = kH) {
    id = h.Make(kind, w, hgt, 1);
    std::string err;
    REQUIRE_MESSAGE(h.host->SetData(id, "", &err) == 0, err);
    h.Settle();
  }
  json State() { return h.State(id); }
  // The first selectable item of the content (not a control: view switch, therapy chip, play, variant).
  std::string FirstItem() {
    const json st = State();  // (a temporary's items would dangle in a range-for)
    for (const auto& it : st["items"]) {
      const std::string i = it["id"];
      const bool control = i.find(':') != std::string::npos || i.rfind("variant-", 0) == 0 || i == "prev" || i == "play" ||
                           i == "next" || i == "axis" || i == "plot" || i == "panel";
      if (!control) return i;
    }
    return "";
  }
  bool Click(const std::string& item) {
    const json st = State();
    for (const auto& it : st["items"])
      if (it["id"] == item) {
        const float x = it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2;
        const float y = it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2;
        h.host->MouseMove(id, x, y);
        h.host->MouseButton(id, 0, true, x, y);
        h.host->MouseButton(id, 0, false, x, y);
        h.Settle();
        return true;
      }
    return false;
  }
  bool Visible(const std::string& item) {
    const json st = State();
    for (const auto& it : st["items"])
      if (it["id"] == item) return true;
    return false;
  }
  // What the loader does with an auto height: grow to the height the widget asks for.
  void GrowAsLoader() {
    const json st = State();
    if (st.contains("preferredHeight") && st["preferredHeight"].get<float>() > kH) {
      h.host->Resize(id, kW, st["preferredHeight"].get<float>(), 1);
      h.Settle();
    }
  }
  template <class T> const T& As() { return *static_cast<const T*>(h.host->Find(id)->widget.get()); }
};

// After a selection: the selected item is still on screen, inside the canvas.
void CheckSelected(Column& w, const std::string& item, float H) {
  const json st = w.State();
  CHECK(st["selected"] == item);
  bool found = false;
  for (const auto& it : st["items"]) {
    if (it["id"] != item) continue;
    found = true;
    const Rect r{it["box"]["x"].get<float>(), it["box"]["y"].get<float>(), it["box"]["w"].get<float>(), it["box"]["h"].get<float>()};
    CHECK_MESSAGE(Inside(r, kW, H), "the selected item is inside the canvas");
  }
  CHECK_MESSAGE(found, "the selected item is still on screen");
}
}  // namespace

TEST_CASE("narrow column 650x403: the risk chart keeps its grid readable beside the detail, never a sliver") {
  Column w("risk-chart");
  const std::string item = w.FirstItem();
  REQUIRE_FALSE(item.empty());
  CHECK(w.State()["layout"] == "grid");
  REQUIRE(w.Click(item));
  CheckSelected(w, item, kH);
  const auto& c = w.As<RiskChartWidget>();
  const auto& L = c.last_layout();
  CHECK(L.panel.y >= c.visible_body().y + c.visible_body().h);  // the detail is below the visible grid
  CHECK(c.visible_body().h >= 96);    // at least two rows of the grid stay visible (not a sliver)
  CHECK(L.panel.h >= 120);            // and the detail has room for its heading and a few lines
  int cells = 0;
  const json st = w.State();
  for (const auto& it : st["items"]) cells += std::string(it["id"]).find('/') != std::string::npos;
  CHECK(cells >= 2);
  CHECK(w.State()["preferredHeight"].get<float>() > kH);  // and it asks for more room where the page allows it
}

TEST_CASE("narrow column 650xauto: the risk chart grows so that the detail sits below the whole grid") {
  Column w("risk-chart");
  const std::string item = w.FirstItem();
  REQUIRE(w.Click(item));
  w.GrowAsLoader();
  const float H = w.State().value("preferredHeight", kH);
  CHECK(H > kH);
  CHECK(H <= 1200);  // the loader's cap
  CheckSelected(w, item, H);
  const auto& c = w.As<RiskChartWidget>();
  const auto& L = c.last_layout();
  CHECK(L.panel.y >= c.visible_body().y + c.visible_body().h);
  CHECK(c.visible_body().h >= std::min(L.content_h, 480.0f) - 1);  // the whole grid (or 480 px of it) above the detail
  CHECK(L.panel.h >= 280);
  // Stable: at the grown height it asks for the same height (the loader does not keep growing it).
  CHECK(w.State()["preferredHeight"].get<float>() <= H + 1);
  // Clearing the selection drops the wish: the loader goes back to its own height.
  w.h.host->Focus(w.id, true);
  w.h.host->KeyEvent(w.id, Key::Escape, true);
  w.h.host->KeyEvent(w.id, Key::Escape, false);
  w.h.Settle();
  CHECK(w.State()["selected"].is_null());
  CHECK_FALSE(w.State().contains("preferredHeight"));
}

TEST_CASE("narrow column 650x403 and 650xauto: the cell diagram keeps the diagram and the detail readable") {
  for (bool grow : {false, true}) {
    CAPTURE(grow);
    Column w("cell-diagram");
    const std::string item = w.FirstItem();
    REQUIRE_FALSE(item.empty());
    REQUIRE(w.Click(item));
    if (grow) w.GrowAsLoader();
    const float H = grow ? w.State().value("preferredHeight", kH) : kH;
    CheckSelected(w, item, H);
    const auto& L = w.As<CellDiagramWidget>().last_layout();
    CHECK(L.view.h >= 120);
    CHECK(L.panel.h >= 120);
    CHECK(Inside(L.panel, kW, H));
  }
}

TEST_CASE("narrow column 650x403 and 650xauto: the timeline keeps its phases and the detail readable") {
  for (bool grow : {false, true}) {
    CAPTURE(grow);
    Column w("hsct-timeline");
    // The reader selects a phase with the keyboard (Home selects the first; Right the next): the widget keeps
    // the selected phase in view.
    w.h.host->Focus(w.id, true);
    for (Key k : {Key::Home, Key::Right, Key::Right}) {
      w.h.host->KeyEvent(w.id, k, true);
      w.h.host->KeyEvent(w.id, k, false);
      w.h.Settle();
    }
    const std::string item = w.State()["selected"].is_string() ? w.State()["selected"].get<std::string>() : "";
    REQUIRE_FALSE(item.empty());
    CHECK(w.State()["vertical"] == true);  // too short for the horizontal timeline with its detail
    if (grow) w.GrowAsLoader();
    const float H = grow ? w.State().value("preferredHeight", kH) : kH;
    CheckSelected(w, item, H);
    const auto& L = w.As<HsctTimelineWidget>().last_layout();
    CHECK(L.plot.h >= 100);
    CHECK(L.panel.h >= 80);
    CHECK(Inside(L.panel, kW, H));
  }
}
