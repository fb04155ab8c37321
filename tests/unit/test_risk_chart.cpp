// The risk chart, headless: layout at phone/desktop/projector sizes, hit tests, keyboard order, views and their
// transition, reduced motion, the parallel DOM against the data, bad content, colours.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "content/default_content.h"
#include "content/model.h"
#include "harness.h"
#include "risk_chart.h"
#include "ui/close_button.h"
#include "ui/motion.h"
#include "ui/text_layout.h"

using namespace scw;
using scw::test::Harness;

namespace {
struct Chart {
  Harness h;
  int id = 0;
  Chart(float w, float hgt, float dpr = 1, const std::string& data = "") {
    id = h.Make("risk-chart", w, hgt, dpr);
    std::string err;
    const int errors = h.host->SetData(id, data, &err);
    REQUIRE_MESSAGE(errors == 0, err);
    h.Settle();
  }
  RiskChartWidget& w() { return static_cast<RiskChartWidget&>(*h.host->Find(id)->widget); }
  nlohmann::json state() { return h.State(id); }
  nlohmann::json items() { return h.State(id)["items"]; }
  float px() { return h.host->Find(id)->view.px; }
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
  bool ClickItem(const std::string& item) {
    for (const auto& it : items())
      if (it["id"] == item) {
        Click(it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2, it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2);
        return true;
      }
    return false;
  }
  // Makes this instance's fonts current so the test can measure text as the widget did.
  void UseFonts() { SetCurrentFonts(&h.host->Find(id)->fonts->fonts); }
};

bool Within(const Rect& r, float w, float h) { return r.x >= -0.5f && r.y >= -0.5f && r.x + r.w <= w + 0.5f && r.y + r.h <= h + 0.5f; }
bool Overlap(const Rect& a, const Rect& b) {  // a real overlap, not a shared edge
  return a.x + 0.5f < b.x + b.w && b.x + 0.5f < a.x + a.w && a.y + 0.5f < b.y + b.h && b.y + 0.5f < a.y + a.h;
}

// A generated document: n risks × m therapies, every level given, one figure on the first cell.
std::string Generated(int n, int m) {
  nlohmann::json d = {{"version", 1}};
  d["sources"] = nlohmann::json::array({{{"id", "src"}, {"citation", "Test source (2020)"}}});
  for (int t = 0; t < m; ++t) d["therapies"].push_back({{"id", "t" + std::to_string(t)}, {"name", "Therapy number " + std::to_string(t)}});
  const char* levels[5] = {"none", "low", "moderate", "high", "unknown"};
  for (int r = 0; r < n; ++r) {
    nlohmann::json risk = {{"id", "r" + std::to_string(r)}, {"name", "Risk number " + std::to_string(r)},
                           {"short", "A generated risk."}, {"sources", {"src"}}};
    for (int t = 0; t < m; ++t) {
      nlohmann::json lv = {{"therapy", "t" + std::to_string(t)}, {"level", levels[(r + t) % 5]}};
      if (r == 0 && t == 0)
        lv["figures"] = nlohmann::json::array({{{"label", "Something counted"}, {"value", 5}, {"unit", "%"}, {"interval", {2, 9}},
                                                {"intervalKind", "ci95"}, {"population", "Test people"}, {"source", "src"}}});
      risk["levels"].push_back(lv);
    }
    d["risks"].push_back(risk);
  }
  return d.dump();
}

// Checks a layout as drawn: everything inside the canvas, nothing overlapping, text within its boxes.
void CheckLayout(Chart& c, float W, float H) {
  const auto& L = c.w().last_layout();
  c.UseFonts();
  const float fw = W * c.px(), fh = H * c.px();
  REQUIRE(L.view_switch.Count() == 2);
  const Rect* seg = L.view_switch.segments.data();
  CHECK(Within(seg[0], fw, fh));
  CHECK(Within(seg[1], fw, fh));
  CHECK(Within(L.chart, fw, fh));
  CHECK(Within(L.panel, fw, fh));
  CHECK(Within(L.footer, fw, fh));
  CHECK_FALSE(L.footer_lines.empty());  // the disclaimer is always there
  CHECK_FALSE(Overlap(L.chart, L.footer));
  CHECK_FALSE(Overlap(L.panel, L.footer));
  CHECK_FALSE(Overlap(seg[0], L.chart));
  if (L.panel_side) CHECK_FALSE(Overlap(L.chart, L.panel));
  for (const auto& it : L.legend) {
    CHECK(Within(it.box, fw, fh));
    CHECK_FALSE(Overlap(it.box, seg[0]));
    CHECK_FALSE(Overlap(it.box, seg[1]));
    CHECK_FALSE(Overlap(it.box, L.chart));
    for (const auto& o : L.legend)
      if (&o != &it) CHECK_FALSE(Overlap(it.box, o.box));
  }
  // Cells: inside the chart horizontally, inside its content vertically, never overlapping each other/headers.
  for (size_t i = 0; i < L.cells.size(); ++i) {
    const Rect& a = L.cells[i].box;
    CHECK(a.x >= L.chart.x - 0.5f);
    CHECK(a.x + a.w <= L.chart.x + L.chart.w + 0.5f);
    CHECK(a.y >= L.body.y - 0.5f);
    CHECK(a.y + a.h <= L.body.y + L.content_h + 0.5f);
    CHECK(a.h >= 40 * L.scale);  // a comfortable touch target
    for (size_t j = i + 1; j < L.cells.size(); ++j) CHECK_FALSE(Overlap(a, L.cells[j].box));
    for (const auto& hd : L.row_headers) CHECK_FALSE(Overlap(a, hd.box));
    for (const auto& line : L.cells[i].name_lines) CHECK(MeasureText(FontRole::Body, line).x <= a.w);
    for (const auto& line : L.cells[i].sub_lines) CHECK(MeasureText(FontRole::Small, line).x <= a.w);
    if (L.list)  // the name and the status fit inside the card
      CHECK(1.35f * (L.cells[i].name_lines.size() * CurrentFonts().Size(FontRole::Body) + L.cells[i].sub_lines.size() * CurrentFonts().Size(FontRole::Small)) <= a.h);
  }
  for (const auto& hd : L.col_headers) {
    CHECK(Within(hd.box, fw, fh));
    CHECK(hd.box.y + hd.box.h <= L.body.y + 0.5f);
    for (const auto& line : hd.lines) CHECK(MeasureText(FontRole::Small, line).x <= hd.box.w - 4 * L.scale);  // the full column, 2 px aside
    for (const auto& line : hd.sub) CHECK(MeasureText(FontRole::Small, line).x <= hd.box.w - 8 * L.scale);
  }
  for (const auto& hd : L.row_headers) {
    for (const auto& line : hd.lines) CHECK(MeasureText(L.list ? FontRole::Strong : FontRole::Body, line).x <= hd.box.w);
    for (const auto& line : hd.sub) CHECK(MeasureText(FontRole::Small, line).x <= hd.box.w);
    if (!L.list)  // the name and the status fit inside the row
      CHECK(1.2f * hd.lines.size() * CurrentFonts().Size(FontRole::Body) + 1.35f * hd.sub.size() * CurrentFonts().Size(FontRole::Small) <= hd.box.h + 0.5f);  // names set at 1.2
  }
  SetCurrentFonts(nullptr);
}
}  // namespace

TEST_CASE("risk chart: the default content lays out at phone, desktop and projector sizes") {
  struct Size { float w, h; bool list, side; } sizes[] = {{320, 480, true, false}, {1280, 720, false, true}, {1920, 1080, false, true}};
  for (const auto& sz : sizes) {
    CAPTURE(sz.w);
    Chart c(sz.w, sz.h);
    const auto st = c.state();
    CHECK(st["widget"] == "risk-chart");
    CHECK(st["view"] == "by-risk");
    CHECK(st["selected"].is_null());
    const auto& L = c.w().last_layout();
    CHECK(L.list == sz.list);
    CHECK(L.panel_side == sz.side);
    CHECK(L.cells.size() == 40);  // 8 risks × 5 therapies in the default content
    CheckLayout(c, sz.w, sz.h);
    if (!sz.list) CHECK(L.content_h <= c.w().visible_body().h + 0.5f);  // the whole grid shows at once
    // The other view lays out as cleanly.
    REQUIRE(c.ClickItem("view:by-therapy"));
    CHECK(c.state()["view"] == "by-therapy");
    CheckLayout(c, sz.w, sz.h);
    if (!sz.list) CHECK(c.w().last_layout().content_h <= c.w().visible_body().h + 0.5f);
  }
}

TEST_CASE("risk chart: clicking a cell selects it, a second click clears it, and the detail panel follows") {
  for (float w : {320.0f, 1280.0f}) {
    CAPTURE(w);
    Chart c(w, w > 400 ? 720 : 480);
    c.h.host->Focus(c.id, true);
    std::vector<std::string> ids;
    for (const auto& it : c.items())
      if (std::string(it["id"]).find('/') != std::string::npos) ids.push_back(it["id"]);
    int cells = 0;
    for (const auto& id : ids) {
      if (!c.ClickItem(id)) continue;  // phone: scrolled away while the panel was open
      ++cells;
      auto st = c.state();
      CHECK(st["selected"] == id);
      CHECK(st["risk"] == id.substr(0, id.find('/')));
      CHECK(st["therapy"] == id.substr(id.find('/') + 1));
      REQUIRE(c.ClickItem(id));  // it stays visible (above the panel on phones): a second click clears
      CHECK(c.state()["selected"].is_null());
      REQUIRE(c.ClickItem(id));
      c.Press(Key::Escape);
      CHECK(c.state()["selected"].is_null());
    }
    CHECK(cells >= (w > 400 ? 40 : 3));
  }
}

TEST_CASE("risk chart: touch taps select; on a phone the selected cell stays visible above the panel") {
  Chart c(320, 480);
  const auto items = c.state()["items"];
  std::string id;
  float x = 0, y = 0;
  for (const auto& it : items)
    if (std::string(it["id"]).find('/') != std::string::npos) {
      id = it["id"];
      x = it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2;
      y = it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2;
    }
  REQUIRE_FALSE(id.empty());
  c.h.host->Touch(c.id, 0, x, y);
  c.h.host->Touch(c.id, 2, x, y);
  c.h.Settle();
  CHECK(c.state()["selected"] == id);
  bool visible = false;
  for (const auto& it : c.items()) visible |= it["id"] == id;
  CHECK(visible);
  CHECK(c.state()["panel"] == "below");
}

TEST_CASE("risk chart: the keyboard visits every cell in reading order, Home/End, Enter selects, Escape clears") {
  for (float w : {320.0f, 1280.0f}) {
    CAPTURE(w);
    Chart c(w, w > 400 ? 720 : 480);
    c.h.host->Focus(c.id, true);
    CHECK(c.h.host->KeyEvent(c.id, Key::Down, true));
    c.h.host->KeyEvent(c.id, Key::Down, false);
    CHECK_FALSE(c.h.host->KeyEvent(c.id, Key::Tab, true));     // Tab leaves the widget
    CHECK_FALSE(c.h.host->KeyEvent(c.id, Key::Escape, true));  // nothing selected: Escape is the page's
    c.h.Settle();
    c.Press(Key::Home);
    CHECK(c.state()["cursor"] == "view:by-risk");
    c.Press(Key::Down);
    std::vector<std::string> visited = {c.state()["cursor"]};
    for (int i = 0; i < 40; ++i) {
      c.Press(Key::Right);
      const std::string cur = c.state()["cursor"];
      if (cur == visited.back()) break;
      visited.push_back(cur);
    }
    const auto& L = c.w().last_layout();
    REQUIRE(visited.size() == L.order.size());
    for (size_t i = 0; i < visited.size(); ++i) CHECK(visited[i] == L.cells[L.order[i]].id);
    CHECK(visited.front() == "infection/auto-hsct");
    CHECK(visited.back() == "unproven-clinics/islet-replacement");  // the last risk row
    c.Press(Key::Home);
    c.Press(Key::End);
    CHECK(c.state()["cursor"] == "unproven-clinics/islet-replacement");
    c.Press(Key::Enter);
    CHECK(c.state()["selected"] == "unproven-clinics/islet-replacement");
    bool visible = false;
    for (const auto& it : c.items()) visible |= it["id"] == "unproven-clinics/islet-replacement";
    CHECK(visible);  // scrolled into view
    CHECK(c.h.host->KeyEvent(c.id, Key::Escape, true));
    c.h.host->KeyEvent(c.id, Key::Escape, false);
    c.h.Settle();
    CHECK(c.state()["selected"].is_null());
    // The view switch is reachable: Home, Right, Enter.
    c.Press(Key::Home);
    c.Press(Key::Right);
    CHECK(c.state()["cursor"] == "view:by-therapy");
    c.Press(Key::Enter);
    CHECK(c.state()["view"] == "by-therapy");
    CHECK(c.state()["selected"].is_null());  // switching the view is not a selection
  }
}

TEST_CASE("risk chart: switching views moves the cells with a short animation, and keeps the selection") {
  Chart c(1280, 720);
  REQUIRE(c.ClickItem("gvhd/allo-hsct"));
  Rect before;
  for (const auto& cell : c.w().last_layout().cells)
    if (cell.id == "gvhd/allo-hsct") before = cell.box;
  const long frames0 = c.h.host->stats().frames;
  const size_t changes0 = c.h.Of("change").size();
  for (const auto& it : c.items())
    if (it["id"] == "view:by-therapy") {
      const float x = it["box"]["x"].get<float>() + 5, y = it["box"]["y"].get<float>() + 5;
      c.h.host->MouseMove(c.id, x, y);
      c.h.host->MouseButton(c.id, 0, true, x, y);
      c.h.host->MouseButton(c.id, 0, false, x, y);
    }
  for (int i = 0; i < 3; ++i) {  // a few frames, like the browser, without settling
    c.h.frame_pending = false;
    c.h.platform->now += 1.0 / 60.0;
    if (c.h.host->Frame()) c.h.frame_pending = true;
  }
  CHECK(c.state()["animating"] == true);
  const int n = c.h.Settle();
  CHECK(c.state()["animating"] == false);
  const long frames = c.h.host->stats().frames - frames0;
  CHECK(frames >= 10);  // it moved over several frames …
  CHECK(frames <= 24);  // … for at most about 300 ms at 60 Hz
  CHECK(n < 30);
  CHECK(c.state()["view"] == "by-therapy");
  CHECK(c.state()["selected"] == "gvhd/allo-hsct");
  CHECK(c.h.Of("change").size() > changes0);
  Rect after;
  for (const auto& cell : c.w().last_layout().cells)
    if (cell.id == "gvhd/allo-hsct") after = cell.box;
  CHECK((after.x != before.x || after.y != before.y));
  CHECK(c.w().Announcement() == "By therapy");
}

TEST_CASE("risk chart: with reduced motion a view switch or a selection draws no animation frames") {
  Chart c(1280, 720);
  std::string err;
  REQUIRE(c.h.host->SetOption(c.id, "reducedMotion", "1", &err));
  c.h.Settle();
  const long f0 = c.h.host->stats().frames;
  REQUIRE(c.ClickItem("view:by-therapy"));
  CHECK(c.state()["animating"] == false);
  CHECK(c.h.host->stats().frames - f0 <= 3);
  const long f1 = c.h.host->stats().frames;
  REQUIRE(c.ClickItem("infection/msc-therapy"));
  CHECK(c.h.host->stats().frames - f1 <= 3);
  CHECK_FALSE(c.h.host->WantsFrame());
}

TEST_CASE("risk chart: the parallel DOM is a real table holding every cell of the data") {
  Chart c(1280, 720);
  REQUIRE(c.ClickItem("treatment-related-death/auto-hsct"));
  const auto dom = nlohmann::json::parse(c.h.host->Dom(c.id));
  std::set<std::string> col_heads, row_heads, cells, current;
  bool caption = false;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& n) {
    if (!n.is_object()) return;
    const std::string tag = n.value("tag", "");
    const auto attrs = n.value("attrs", nlohmann::json::object());
    if (tag == "caption") caption = true;
    if (tag == "th" && attrs.value("scope", "") == "col" && attrs.contains("data-id")) col_heads.insert(attrs["data-id"].get<std::string>());
    if (tag == "th" && attrs.value("scope", "") == "row") row_heads.insert(attrs["data-id"].get<std::string>());
    if (tag == "td" && attrs.contains("data-id")) cells.insert(attrs["data-id"].get<std::string>());
    if (attrs.value("aria-current", "") == "true") current.insert(attrs["data-id"].get<std::string>());
    if (n.contains("children"))
      for (const auto& ch : n["children"]) walk(ch);
  };
  walk(dom);
  CHECK(caption);
  CHECK(col_heads == std::set<std::string>{"auto-hsct", "allo-hsct", "msc-therapy", "car-msc-therapy", "islet-replacement"});
  CHECK(row_heads.size() == 8);
  CHECK(row_heads.count("unproven-clinics") == 1);
  CHECK(row_heads.count("gvhd") == 1);
  CHECK(cells.size() == 40);
  CHECK(current == std::set<std::string>{"treatment-related-death/auto-hsct"});
  const std::string text = dom.dump();
  CHECK(text.find("(MS), pooled 764 patients") != std::string::npos);  // figures with their population
  CHECK(text.find("95% CI 1.3–3.4%") != std::string::npos);
  CHECK(text.find("education, not medical advice") != std::string::npos);
  CHECK(text.find("Sormani") != std::string::npos);  // sources listed
}

TEST_CASE("risk chart: a one-cell document and a 200-risk document lay out and navigate") {
  {
    Chart c(1280, 720, 1, Generated(1, 1));
    CHECK(c.w().last_layout().cells.size() == 1);
    CheckLayout(c, 1280, 720);
    REQUIRE(c.ClickItem("r0/t0"));
    CHECK(c.state()["selected"] == "r0/t0");
    CHECK(c.w().last_layout().cells.size() == 1);
  }
  for (float w : {320.0f, 1280.0f}) {
    CAPTURE(w);
    Chart c(w, w > 400 ? 720 : 480, 1, Generated(200, 2));
    CHECK(c.w().last_layout().cells.size() == 400);
    CheckLayout(c, w, w > 400 ? 720 : 480);
    CHECK(c.h.host->KeyEvent(c.id, Key::PageDown, true));  // the chart scrolls its own content
    c.h.host->KeyEvent(c.id, Key::PageDown, false);
    c.h.host->Focus(c.id, true);
    c.h.Settle();
    c.Press(Key::End);
    c.Press(Key::Enter);
    CHECK(c.state()["selected"] == "r199/t1");
    bool visible = false;
    for (const auto& it : c.items()) visible |= it["id"] == "r199/t1";
    CHECK(visible);
    CHECK(c.w().chart_scroll() > 0);
    // The other view: 200 columns do not fit a grid, so it becomes a list.
    REQUIRE(c.ClickItem("view:by-therapy"));
    c.h.Settle();
    CHECK(c.state()["layout"] == "list");
    CheckLayout(c, w, w > 400 ? 720 : 480);
  }
}

TEST_CASE("risk chart: the wheel scrolls the chart only when it can scroll") {
  Chart c(320, 480);
  const auto& L = c.w().last_layout();
  const float x = (L.chart.x + L.chart.w / 2) / c.px(), y = (L.chart.y + 20) / c.px();
  c.h.host->MouseMove(c.id, x, y);
  c.h.Settle();
  CHECK(c.h.host->Wheel(c.id, 0, -2));
  c.h.Settle();
  CHECK(c.w().chart_scroll() > 0);
  Chart d(1920, 1080);
  const auto& M = d.w().last_layout();
  d.h.host->MouseMove(d.id, (M.chart.x + 40) / d.px(), (M.chart.y + 40) / d.px());
  d.h.Settle();
  CHECK_FALSE(d.h.host->Wheel(d.id, 0, -2));  // everything fits: the page scrolls
  CHECK_FALSE(d.h.host->KeyEvent(d.id, Key::PageDown, true));
}

TEST_CASE("risk chart: a document without risks is refused with a clear error") {
  Harness h;
  const int id = h.Make("risk-chart", 640, 400);
  std::string err;
  CHECK(h.host->SetData(id, R"({"version": 1, "therapies": [{"id": "a", "name": "A"}]})", &err) >= 1);
  auto errors = h.Of("error");
  REQUIRE_FALSE(errors.empty());
  const auto detail = nlohmann::json::parse(errors.back().detail);
  CHECK(detail["path"] == "/risks");
  CHECK(std::string(detail["message"]).find("risks") != std::string::npos);
  h.Settle();  // draws nothing broken
  // and good content after that is taken
  CHECK(h.host->SetData(id, "", &err) == 0);
  h.Settle();
  CHECK(h.State(id)["items"].size() > 2);
}

TEST_CASE("risk chart: level fills keep text readable (WCAG AA) in every theme") {
  for (ThemeMode m : {ThemeMode::Light, ThemeMode::Dark, ThemeMode::HighContrast}) {
    const Theme th = MakeTheme(m);
    for (int l = 0; l < 5; ++l) {
      CAPTURE(l);
      const Color fill = RiskChartWidget::CellFill(th, (content::Level)l);
      CHECK(ContrastRatio(th.text, fill) >= 4.5f);
    }
    CHECK(ContrastRatio(th.text_muted, th.surface) >= 4.5f);
    CHECK(ContrastRatio(th.text_muted, th.background) >= 4.5f);
    // the fills are distinct steps (also said by pips and words)
    CHECK(RiskChartWidget::CellFill(th, content::Level::High) != RiskChartWidget::CellFill(th, content::Level::Low));
  }
}

TEST_CASE("risk chart: the grid shows each therapy's status under its name, in both views, at desktop and projector sizes") {
  for (float w : {1280.0f, 1920.0f}) {
    CAPTURE(w);
    Chart c(w, w > 1300 ? 1080 : 720);
    const auto& L = c.w().last_layout();
    REQUIRE_FALSE(L.list);
    REQUIRE(L.col_headers.size() == 5);
    const std::vector<std::string> want = {"Standard care", "Standard care", "Experimental", "Experimental", "In clinical trials"};
    for (size_t i = 0; i < 5; ++i) {
      std::string got;
      for (const auto& part : L.col_headers[i].sub) got += (got.empty() ? "" : " ") + part;
      CHECK(got == want[i]);
    }
    REQUIRE(c.ClickItem("view:by-therapy"));
    const auto& B = c.w().last_layout();
    REQUIRE(B.row_headers.size() == 5);
    for (size_t i = 0; i < 5; ++i) {
      std::string got;
      for (const auto& part : B.row_headers[i].sub) got += (got.empty() ? "" : " ") + part;
      CHECK(got == want[i]);
    }
    for (const auto& h : B.col_headers) CHECK(h.sub.empty());  // risks have no status
    CheckLayout(c, w, w > 1300 ? 1080 : 720);
    CHECK(B.content_h <= c.w().visible_body().h + 0.5f);
  }
}

TEST_CASE("risk chart: on a phone the list shows each therapy's status under its name, in both views") {
  Chart c(375, 667);
  const auto& L = c.w().last_layout();
  REQUIRE(L.list);
  auto joined = [](const std::vector<std::string>& v) {
    std::string got;
    for (const auto& part : v) got += (got.empty() ? "" : " ") + part;
    return got;
  };
  int seen = 0;
  for (const auto& cell : L.cells) {
    if (cell.box.h <= 0) continue;
    const std::string th = cell.id.substr(cell.id.find('/') + 1);
    const std::string want = th == "islet-replacement" ? "In clinical trials" : (th.find("msc") != std::string::npos ? "Experimental" : "Standard care");
    CHECK(joined(cell.sub_lines) == want);
    ++seen;
  }
  CHECK(seen == 40);
  CheckLayout(c, 375, 667);
  REQUIRE(c.ClickItem("view:by-therapy"));
  const auto& B = c.w().last_layout();
  REQUIRE(B.row_headers.size() == 5);
  CHECK(joined(B.row_headers[0].sub) == "Standard care");
  CHECK(joined(B.row_headers[4].sub) == "In clinical trials");
  for (const auto& cell : B.cells) CHECK(cell.sub_lines.empty());  // the cells are risks there
  CheckLayout(c, 375, 667);
}

// ---- The frame's seams: layout (pure) -> input (hit tests) -> draw, all on one set of rectangles.

namespace {
bool Same(const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }
Rect Css(const Rect& r, float px) { return Rect{r.x / px, r.y / px, r.w / px, r.h / px}; }
void ClickCss(Chart& c, const Rect& fb) {  // the centre of a framebuffer-px rectangle
  const Rect r = Css(fb, c.px());
  c.Click(r.x + r.w / 2, r.y + r.h / 2);
}
}  // namespace

TEST_CASE("risk chart: ComputeLayout is pure and is what the frame draws; switch and close button are the toolkit's") {
  content::Document doc;
  REQUIRE(content::Load(nlohmann::json::parse(DefaultContentText()), "en", &doc).ok);
  struct Size { float w, h, dpr; } sizes[] = {{375, 700, 2}, {640, 480, 1}, {1280, 720, 1}, {1920, 1080, 1}};
  for (const auto& z : sizes) {
    CAPTURE(z.w);
    Chart c(z.w, z.h, z.dpr);
    REQUIRE(c.ClickItem("infection/allo-hsct"));
    const auto& drawn = c.w().last_layout();
    c.UseFonts();
    const auto pure = RiskChartWidget::ComputeLayout(doc, RiskChartWidget::View::ByRisk, true, z.w * c.px(), z.h * c.px(), drawn.scale);
    const auto again = RiskChartWidget::ComputeLayout(doc, RiskChartWidget::View::ByRisk, true, z.w * c.px(), z.h * c.px(), drawn.scale);
    const auto idle = RiskChartWidget::ComputeLayout(doc, RiskChartWidget::View::ByRisk, false, z.w * c.px(), z.h * c.px(), drawn.scale);
    SetCurrentFonts(nullptr);
    REQUIRE(pure.cells.size() == drawn.cells.size());
    for (size_t i = 0; i < pure.cells.size(); ++i) {
      CHECK(Same(pure.cells[i].box, drawn.cells[i].box));
      CHECK(Same(pure.cells[i].box, again.cells[i].box));
    }
    CHECK(pure.order == drawn.order);
    CHECK(Same(pure.panel, drawn.panel));
    CHECK(Same(pure.close, drawn.close));
    // The view switch: two touching, equal segments, reported where they are drawn.
    REQUIRE(pure.view_switch.Count() == 2);
    const auto& seg = pure.view_switch.segments;
    CHECK(seg[0].x + seg[0].w == doctest::Approx(seg[1].x));
    CHECK(seg[0].w == doctest::Approx(seg[1].w));
    for (const auto& it : c.items())
      if (it["id"] == "view:by-therapy") CHECK(it["box"]["x"].get<float>() == doctest::Approx(seg[1].x / c.px()));
    // The close button exists only on the sheet, at the toolkit's place and size.
    if (pure.panel_side) {
      CHECK(pure.close.w == 0);
    } else {
      CHECK(Same(pure.close, CloseButton::Place(pure.panel, drawn.scale)));
      CHECK(pure.close.Inside(pure.panel));
    }
    CHECK(idle.close.w == 0);  // nothing selected: no sheet, no button
  }
}

TEST_CASE("risk chart: taps on the view switch, the sheet's close button and the side panel's corner hit what is drawn") {
  {
    Chart c(375, 700, 2);
    ClickCss(c, c.w().last_layout().view_switch.segments[1]);
    CHECK(c.state()["view"] == "by-therapy");
    ClickCss(c, c.w().last_layout().view_switch.segments[0]);
    CHECK(c.state()["view"] == "by-risk");
    REQUIRE(c.ClickItem("infection/allo-hsct"));
    const Rect close = c.w().last_layout().close;
    REQUIRE(close.w > 0);
    ClickCss(c, Rect{close.x + close.w - 6, close.y + close.h - 6, 4, 4});  // its far corner is still the button
    CHECK(c.state()["selected"].is_null());
  }
  {
    Chart c(1280, 720);
    REQUIRE(c.ClickItem("infection/allo-hsct"));
    const Rect p = c.w().last_layout().panel;
    CHECK(c.w().last_layout().close.w == 0);
    ClickCss(c, Rect{p.x + p.w - 30, p.y + 8, 10, 10});  // where a sheet's button would be: nothing is drawn
    CHECK(c.state()["selected"] == "infection/allo-hsct");
  }
}

TEST_CASE("risk chart: a drag on the chart scrolls it and selects nothing; the content follows the finger") {
  Chart c(320, 480, 2);
  const Rect vb = c.w().visible_body();
  REQUIRE(c.w().last_layout().content_h > vb.h);
  const float x = (vb.x + vb.w / 2) / c.px(), y = (vb.y + vb.h * 0.7f) / c.px();
  CHECK(c.h.host->Touch(c.id, 0, x, y));  // the touch belongs to the widget: the chart scrolls
  c.h.Settle();
  c.h.host->Touch(c.id, 1, x, y - 50);
  c.h.Settle();
  c.h.host->Touch(c.id, 2, x, y - 50);
  c.h.Settle();
  CHECK(c.w().chart_scroll() == doctest::Approx(50 * c.px()).epsilon(0.02));
  CHECK(c.state()["selected"].is_null());
  // The reported boxes moved with it, and a tap on one of them selects it.
  const auto it = c.items()[3];
  const float tx = it["box"]["x"].get<float>() + it["box"]["w"].get<float>() / 2;
  const float ty = it["box"]["y"].get<float>() + it["box"]["h"].get<float>() / 2;
  c.h.host->Touch(c.id, 0, tx, ty);
  c.h.Settle();
  c.h.host->Touch(c.id, 2, tx, ty);
  c.h.Settle();
  CHECK(c.state()["selected"] == it["id"]);
}

TEST_CASE("risk chart: the view switch moves the cells for motion::kMove, the toolkit's one move") {
  Chart c(1280, 720);
  REQUIRE(c.ClickItem("view:by-therapy"));  // Settle inside ran the transition
  const long f0 = c.h.host->stats().frames;
  const Rect seg0 = Css(c.w().last_layout().view_switch.segments[0], c.px());
  c.h.host->MouseMove(c.id, seg0.x + seg0.w / 2, seg0.y + seg0.h / 2);
  c.h.host->MouseButton(c.id, 0, true, seg0.x + seg0.w / 2, seg0.y + seg0.h / 2);
  c.h.host->MouseButton(c.id, 0, false, seg0.x + seg0.w / 2, seg0.y + seg0.h / 2);
  c.h.Settle();
  const long frames = c.h.host->stats().frames - f0;
  CHECK(frames >= (long)(motion::kMove * 60) - 1);
  CHECK(frames <= (long)(motion::kMove * 60) + 3);
}

