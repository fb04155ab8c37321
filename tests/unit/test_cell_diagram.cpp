// The cell-type diagram, headless: layout at three sizes, 1 and 200 cells, hit tests, keyboard, selection,
// therapy filter, scrolling, reduced motion, the parallel DOM and content errors.
#include <doctest/doctest.h>

#include <set>

#include "cell_diagram.h"
#include "content/default_content.h"
#include "content/model.h"
#include "harness.h"
#include "ui/close_button.h"
#include "ui/motion.h"

using namespace scw;
using scw::test::Harness;
using Layout = CellDiagramWidget::Layout;

namespace {

const CellDiagramWidget& Diagram(Harness& h, int id) {
  return *static_cast<const CellDiagramWidget*>(h.host->Find(id)->widget.get());
}

int MakeDiagram(Harness& h, float w, float h_, float dpr = 1, const std::string& data = "") {
  const int id = h.Make("cell-diagram", w, h_, dpr);
  std::string err;
  REQUIRE(h.host->SetData(id, data, &err) == 0);
  h.Settle();
  return id;
}

// A synthetic lineage of n cells: a few roots, each later cell becomes-child of one or two earlier cells.
std::string Synthetic(int n, bool with_reprog = true) {
  nlohmann::json cells = nlohmann::json::array();
  unsigned seed = 12345;
  auto rnd = [&]() { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7fff; };
  const char* cats[] = {"pluripotent", "adult", "induced", "stromal", "derived", "mature"};
  const char* glyphs[] = {"stem", "progenitor", "disc", "fragment", "lobed", "monocyte",
                          "lymphocyte", "spindle", "islet", "embryo", "skin", "generic"};
  std::vector<std::vector<std::string>> becomes(n);
  for (int i = 1; i < n; ++i) {
    if (i < 6) continue;  // roots
    const int p = rnd() % i;
    becomes[p].push_back("c" + std::to_string(i));
    if (rnd() % 4 == 0) {
      const int q = rnd() % i;
      if (q != p) becomes[q].push_back("c" + std::to_string(i));
    }
  }
  for (int i = 0; i < n; ++i) {
    nlohmann::json c = {{"id", "c" + std::to_string(i)},
                        {"name", "Synthetic cell number " + std::to_string(i) + " with a long name"},
                        {"category", cats[i % 6]},
                        {"short", "A made-up cell for a layout test."},
                        {"glyph", glyphs[i % 12]}};
    if (!becomes[i].empty()) c["becomes"] = becomes[i];
    if (with_reprog && i == 2 && n > 10) c["reprogrammedFrom"] = {"c" + std::to_string(n - 1)};
    cells.push_back(c);
  }
  nlohmann::json doc = {{"version", 1}, {"lang", "en"}, {"cellTypes", cells}};
  return doc.dump();
}

// Nothing overlaps and everything stays inside the canvas (horizontally always; vertically inside the scrolled
// content, which starts at the top of the view).
void CheckNoOverlap(const Layout& L, size_t cells) {
  CHECK(L.nodes.size() == cells);
  const Rect canvas{0, 0, L.width, L.height};
  for (size_t i = 0; i < L.nodes.size(); ++i) {
    const auto& a = L.nodes[i];
    CHECK_MESSAGE(a.box.x >= -0.5f, "node " << i << " spills left");
    CHECK_MESSAGE(a.box.x + a.box.w <= L.width + 0.5f, "node " << i << " spills right");
    CHECK(a.box.y >= L.view.y - 0.5f);
    CHECK(a.box.y + a.box.h <= L.view.y + L.content_h + 0.5f);
    CHECK(a.lines.size() >= 1);
    std::string shown;  // the whole name, wrapped (never shortened with "…"; issue 13 item 5)
    for (const auto& l : a.lines) shown += l;
    CHECK(shown.find("…") == std::string::npos);
    for (const auto& lb : a.line_boxes) {
      CHECK_MESSAGE(lb.x >= a.box.x - 0.5f, "label wider than its node " << i);
      CHECK(lb.x + lb.w <= a.box.x + a.box.w + 0.5f);
      CHECK(lb.y + lb.h <= a.box.y + a.box.h + 0.5f);
    }
    for (size_t j = i + 1; j < L.nodes.size(); ++j)
      CHECK_MESSAGE(!a.box.Overlaps(L.nodes[j].box), "nodes " << i << " and " << j << " overlap");
    if (L.reprog_label.w > 0) CHECK_MESSAGE(!L.reprog_label.Overlaps(a.box), "the arrow label covers node " << i);
  }
  for (size_t i = 0; i < L.chips.size(); ++i) {
    CHECK(L.chips[i].box.Inside(canvas));
    CHECK_FALSE(L.chips[i].box.Overlaps(L.chip_label));
    for (size_t j = i + 1; j < L.chips.size(); ++j) CHECK_FALSE(L.chips[i].box.Overlaps(L.chips[j].box));
    if (!L.narrow) {
      CHECK_FALSE(L.chips[i].box.Overlaps(L.view));
      CHECK_FALSE(L.chips[i].box.Overlaps(L.panel));
    }
  }
  if (!L.narrow) {  // the side panel, the diagram view and the footer sit side by side
    CHECK(L.panel.Inside(canvas));
    CHECK_FALSE(L.panel.Overlaps(L.view));
    CHECK_FALSE(L.footer.Overlaps(L.view));
    CHECK(L.footer.Inside(canvas));
    for (const auto& n : L.nodes) CHECK(n.box.x >= L.view.x);
    for (const auto& n : L.nodes) CHECK(n.box.x + n.box.w <= L.view.x + L.view.w);
  } else {  // legend and footer come after the diagram in the scrolled content
    for (const auto& e : L.legend) {
      CHECK(e.swatch.x + e.swatch.w <= L.width);
      CHECK(e.text.x + e.text.w <= L.width + 0.5f);
      for (const auto& n : L.nodes) CHECK_FALSE(e.swatch.Overlaps(n.box));
    }
    for (const auto& n : L.nodes) CHECK_FALSE(n.box.Overlaps(L.footer));
  }
}

void Click(Harness& h, int id, const nlohmann::json& box) {
  const float x = box["x"].get<float>() + box["w"].get<float>() / 2;
  const float y = box["y"].get<float>() + box["h"].get<float>() / 2;
  h.host->MouseMove(id, x, y);
  h.host->MouseButton(id, 0, true, x, y);
  h.host->MouseButton(id, 0, false, x, y);
  h.Settle();
}

nlohmann::json Item(Harness& h, int id, const std::string& item) {
  const nlohmann::json st = h.State(id);
  for (const auto& it : st["items"])
    if (it["id"] == item) return it;
  FAIL("no item " << item);
  return nullptr;
}

void Press(Harness& h, int id, Key k) {
  h.host->KeyEvent(id, k, true);
  h.host->KeyEvent(id, k, false);
  h.Settle();
}

}  // namespace

TEST_CASE("cell diagram: the default content lays out without overlaps at phone, desktop and projector sizes") {
  struct Size { float w, h; bool narrow; } sizes[] = {{320, 480, true}, {1280, 720, false}, {1920, 1080, false}};
  for (const auto& sz : sizes) {
    CAPTURE(sz.w);
    Harness h;
    const int a = MakeDiagram(h, sz.w, sz.h);
    const Layout& L = Diagram(h, a).last_layout();
    CHECK(L.narrow == sz.narrow);
    CheckNoOverlap(L, 21);
    CHECK(L.chips.size() == 6);  // All + 5 therapies
    CHECK(L.layers == 3);       // pluripotent/adult/stromal -> progenitors -> mature
    if (!sz.narrow) {
      CHECK(L.content_h <= L.view.h + 0.5f);  // desktop and projector: the whole diagram is visible at once
      CHECK(L.reprog_label.w > 0);           // the reprogramming arrow is labelled
    }
    // The reprogramming arrow goes from the skin cell up to the iPS cell.
    bool found = false;
    for (const auto& e : L.edges)
      if (e.reprogramming) {
        found = true;
        CHECK(L.nodes[e.from].layer > L.nodes[e.to].layer);
      }
    CHECK(found);
  }
}

TEST_CASE("cell diagram: layers follow the lineage (stem cells above progenitors above mature cells)") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  const Layout& L = Diagram(h, a).last_layout();
  const auto items = h.State(a)["items"];  // chips first, then the cells in the layout's order
  auto layer_of = [&](const char* id) {
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i]["id"] == id) return L.nodes[i - L.chips.size()].layer;
    return -1;
  };
  CHECK(layer_of("hsc") == 0);
  CHECK(layer_of("embryonic-stem-cell") == 0);
  CHECK(layer_of("myeloid-progenitor") == 1);
  CHECK(layer_of("red-blood-cell") == 2);
  CHECK(layer_of("skin-cell") == 2);
  CHECK(layer_of("beta-cell") == 2);
}

TEST_CASE("cell diagram: one cell, and a 200-cell synthetic lineage, lay out without overlaps") {
  for (auto sz : {std::pair<float, float>{320, 480}, {1280, 720}, {1920, 1080}}) {
    CAPTURE(sz.first);
    Harness h;
    const int one = MakeDiagram(h, sz.first, sz.second, 1,
                                R"({"version":1,"cellTypes":[{"id":"a","name":"Only cell","category":"adult","short":"x"}]})");
    CheckNoOverlap(Diagram(h, one).last_layout(), 1);
    const int many = MakeDiagram(h, sz.first, sz.second, 1, Synthetic(200));
    const Layout& L = Diagram(h, many).last_layout();
    CheckNoOverlap(L, 200);
    CHECK(L.content_h > L.view.h);  // too many to fit: the diagram scrolls inside the widget
    CHECK(L.node_w >= 80 * L.scale - 0.5f);  // nodes shrink to the minimum, not below
  }
}

TEST_CASE("cell diagram: a 200-cell lineage scrolls with the wheel only where it can") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720, 1, Synthetic(200));
  const Layout& L = Diagram(h, a).last_layout();
  const float vx = L.view.x + L.view.w / 2, vy = L.view.y + L.view.h / 2;
  h.host->MouseMove(a, vx, vy);
  h.Settle();
  CHECK(h.host->Wheel(a, 0, -3));  // down, over the scrollable diagram: the widget takes the wheel
  h.Settle();
  CHECK(Diagram(h, a).scroll() > 0);
  // End moves the cursor to the last cell and scrolls it into view.
  h.host->Focus(a, true);
  Press(h, a, Key::End);
  const auto st = h.State(a);
  const std::string last_id = st["items"][st["items"].size() - 1]["id"];
  CHECK(st["cursor"] == last_id);
  CHECK(Item(h, a, last_id)["visible"] == true);
  CHECK(Diagram(h, a).scroll() > 100);
  Press(h, a, Key::Home);  // back to the first chip: the diagram scrolls back to the top
  Press(h, a, Key::Right);
  Press(h, a, Key::Right);
  CHECK(Diagram(h, a).scroll() < 1);

  Harness h2;
  const int b = MakeDiagram(h2, 1280, 720);
  const Layout& L2 = Diagram(h2, b).last_layout();
  h2.host->MouseMove(b, L2.view.x + 50, L2.view.y + 50);
  h2.Settle();
  CHECK_FALSE(h2.host->Wheel(b, 0, -3));  // the default diagram fits: the page keeps its scrolling
}

TEST_CASE("cell diagram: a click selects the cell under it; a second click clears; the close button clears") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  for (const char* id : {"hsc", "red-blood-cell", "ipsc", "beta-cell", "msc"}) {
    Click(h, a, Item(h, a, id)["box"]);
    CHECK(h.State(a)["selected"] == id);
  }
  Click(h, a, Item(h, a, "msc")["box"]);
  CHECK(h.State(a)["selected"].is_null());
  Click(h, a, Item(h, a, "t-cell")["box"]);
  CHECK(h.State(a)["selected"] == "t-cell");
  Click(h, a, Item(h, a, "close")["box"]);
  CHECK(h.State(a)["selected"].is_null());
  auto changes = h.Of("change");
  REQUIRE(changes.size() >= 2);
  CHECK(nlohmann::json::parse(changes.back().detail)["widget"] == "cell-diagram");
}

TEST_CASE("cell diagram: a touch tap on a phone selects and opens the bottom sheet") {
  Harness h;
  const int a = MakeDiagram(h, 320, 480);
  const auto box = Item(h, a, "hsc")["box"];
  const float x = box["x"].get<float>() + box["w"].get<float>() / 2, y = box["y"].get<float>() + box["h"].get<float>() / 2;
  h.host->Touch(a, 0, x, y);
  h.host->Touch(a, 2, x, y);
  h.Settle();
  CHECK(h.State(a)["selected"] == "hsc");
  const Layout& L = Diagram(h, a).last_layout();
  CHECK(L.panel.h > 0);
  CHECK(L.panel.y + L.panel.h <= 480.5f);
  CHECK(L.view.y + L.view.h <= L.panel.y + 0.5f);  // the diagram's view ends where the sheet starts
  CHECK(Item(h, a, "hsc")["visible"] == true);       // the selected cell stays in sight above the sheet
}

TEST_CASE("cell diagram: therapy chips filter by click and by keyboard") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  Click(h, a, Item(h, a, "therapy:islet-replacement")["box"]);
  CHECK(h.State(a)["therapy"] == "islet-replacement");
  CHECK(h.State(a)["selected"].is_null());
  Click(h, a, Item(h, a, "therapy:all")["box"]);
  CHECK(h.State(a)["therapy"].is_null());
  h.host->Focus(a, true);
  Press(h, a, Key::Home);
  CHECK(h.State(a)["cursor"] == "therapy:all");
  Press(h, a, Key::Right);
  CHECK(h.State(a)["cursor"] == "therapy:auto-hsct");
  Press(h, a, Key::Enter);
  CHECK(h.State(a)["therapy"] == "auto-hsct");
  CHECK(h.State(a)["selected"].is_null());
  Press(h, a, Key::Enter);  // again: off
  CHECK(h.State(a)["therapy"].is_null());
}

TEST_CASE("cell diagram: keyboard reaches every item; Home/End; Enter selects; Escape clears") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  h.host->Focus(a, true);
  const auto items = h.State(a)["items"];
  std::set<std::string> all, seen;
  for (const auto& it : items)
    if (it["id"] != "close") all.insert(it["id"].get<std::string>());
  Press(h, a, Key::Home);
  seen.insert(h.State(a)["cursor"].get<std::string>());
  for (int i = 0; i < (int)all.size() * 2 && seen.size() < all.size(); ++i) {
    Press(h, a, Key::Right);
    seen.insert(h.State(a)["cursor"].get<std::string>());
  }
  CHECK(seen == all);
  Press(h, a, Key::End);
  const std::string last = h.State(a)["cursor"];
  CHECK(last == items[items.size() - 1]["id"]);
  CHECK_FALSE(h.host->KeyEvent(a, Key::Escape, true));  // nothing selected: Escape is the page's
  h.host->KeyEvent(a, Key::Escape, false);
  CHECK_FALSE(h.host->KeyEvent(a, Key::Tab, true));
  h.host->KeyEvent(a, Key::Tab, false);
  Press(h, a, Key::Enter);
  CHECK(h.State(a)["selected"] == last);
  CHECK(h.host->KeyEvent(a, Key::Escape, true));
  h.host->KeyEvent(a, Key::Escape, false);
  h.Settle();
  CHECK(h.State(a)["selected"].is_null());
  // Up from a mature cell goes to the layer above.
  Press(h, a, Key::End);
  Press(h, a, Key::Up);
  CHECK(h.State(a)["cursor"] != last);
}

TEST_CASE("cell diagram: selection highlights the lineage and animates briefly; reduced motion draws no animation") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  Click(h, a, Item(h, a, "hsc")["box"]);  // Settle inside Click ran the fade
  const auto box = Item(h, a, "red-blood-cell")["box"];
  const float x = box["x"].get<float>() + 5, y = box["y"].get<float>() + 5;
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);
  const int frames = h.Settle();
  CHECK(frames > 5);    // a short fade …
  CHECK(frames <= 30);  // … of at most 300 ms
  std::string err;
  REQUIRE(h.host->SetOption(a, "reducedMotion", "1", &err));
  h.Settle();
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);
  CHECK(h.Settle() <= 3);
  CHECK(h.State(a)["selected"].is_null());
}

TEST_CASE("cell diagram: the parallel DOM holds every cell and therapy, marks the selection, and cites sources") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  Click(h, a, Item(h, a, "ipsc")["box"]);
  const std::string dom = h.host->Dom(a);
  for (const char* id : {"embryonic-stem-cell", "ipsc", "skin-cell", "hsc", "myeloid-progenitor", "lymphoid-progenitor",
                         "red-blood-cell", "platelet", "neutrophil", "eosinophil", "basophil", "monocyte", "b-cell",
                         "t-cell", "nk-cell", "msc", "bone-cell", "fat-cell", "cartilage-cell", "car-msc", "beta-cell",
                         "therapy:all", "therapy:auto-hsct", "therapy:islet-replacement"})
    CHECK_MESSAGE(dom.find(std::string("\"data-id\":\"") + id + "\"") != std::string::npos, id);
  CHECK(dom.find("\"aria-current\":\"true\",\"data-id\":\"ipsc\"") != std::string::npos);
  CHECK(dom.find("Yamanaka") != std::string::npos);  // the selected cell's long text
  CHECK(dom.find("Sources") != std::string::npos);
  CHECK(dom.find("education, not medical advice") != std::string::npos);
  CHECK(h.State(a)["selected"] == "ipsc");
}

TEST_CASE("cell diagram: a document without cellTypes is refused with a clear error; the widget keeps its content") {
  Harness h;
  const int a = h.Make("cell-diagram", 640, 400);
  std::string err;
  CHECK(h.host->SetData(a, R"({"version":1,"therapies":[]})", &err) == 1);
  auto errors = h.Of("error");
  REQUIRE(!errors.empty());
  const auto e = nlohmann::json::parse(errors.back().detail);
  CHECK(e["path"] == "/cellTypes");
  CHECK(e["message"].get<std::string>().find("cellTypes") != std::string::npos);
  CHECK(h.host->SetData(a, "", &err) == 0);
  h.Settle();
  CHECK(Diagram(h, a).last_layout().nodes.size() == 21);
  CHECK(h.host->SetData(a, R"({"version":1,"cellTypes":[{"id":"x","name":"X","category":"adult","short":"s","becomes":["nope"]}]})", &err) == 1);
  h.Settle();
  CHECK(Diagram(h, a).last_layout().nodes.size() == 21);
}

// ---- The frame's seams: layout (pure) -> input (hit tests) -> draw, all on one set of rectangles.

namespace {

bool Same(const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

void UseFonts(Harness& h, int id) { SetCurrentFonts(&h.host->Find(id)->fonts->fonts); }

content::Document DefaultDocument() {
  content::Document doc;
  const LoadResult r = content::Load(nlohmann::json::parse(DefaultContentText()), "en", &doc);
  REQUIRE(r.ok);
  return doc;
}

// A point in CSS px at the centre of a framebuffer-px box drawn `scroll` px up.
void TapAt(Harness& h, int id, const Rect& box, float scroll, float px, bool touch, float jitter_css = 0) {
  const float x = (box.x + box.w / 2) / px, y = (box.y - scroll + box.h / 2) / px;
  if (touch) {
    h.host->Touch(id, 0, x, y);
    h.Settle();
    h.host->Touch(id, 1, x + jitter_css, y + jitter_css);
    h.Settle();
    h.host->Touch(id, 2, x + jitter_css, y + jitter_css);
  } else {
    h.host->MouseMove(id, x, y);
    h.host->MouseButton(id, 0, true, x, y);
    h.host->MouseButton(id, 0, false, x, y);
  }
  h.Settle();
}

}  // namespace

TEST_CASE("cell diagram: ComputeLayout is pure and is what the frame draws; the panel's close button is the toolkit's") {
  Harness h;
  const int a = MakeDiagram(h, 375, 700, 2);
  const content::Document doc = DefaultDocument();
  struct Size { float w, h, s; } sizes[] = {{750, 1400, 2}, {1280, 720, 1}, {1920, 1080, 1}};
  for (const auto& z : sizes) {
    for (bool selected : {false, true}) {
      CAPTURE(z.w);
      CAPTURE(selected);
      UseFonts(h, a);
      const Layout L1 = CellDiagramWidget::ComputeLayout(doc, selected, z.w, z.h, z.s);
      const Layout L2 = CellDiagramWidget::ComputeLayout(doc, selected, z.w, z.h, z.s);
      SetCurrentFonts(nullptr);
      REQUIRE(L1.nodes.size() == L2.nodes.size());
      for (size_t i = 0; i < L1.nodes.size(); ++i) CHECK(Same(L1.nodes[i].box, L2.nodes[i].box));
      CHECK(Same(L1.view, L2.view));
      CHECK(L1.content_h == L2.content_h);
      CheckNoOverlap(L1, doc.cell_types.size());
      if (selected) {  // one close button: the toolkit's size, in the panel's top-right corner
        CHECK(Same(L1.close, CloseButton::Place(L1.panel, z.s)));
        CHECK(L1.close.Inside(L1.panel));
        CHECK(L1.close.w == doctest::Approx(CloseButton::kSize * z.s));
      } else {
        CHECK(L1.close.w == 0);
      }
      if (L1.narrow) {  // the sheet takes the bottom of the canvas only while a cell is selected
        CHECK(L1.panel.h == (selected ? doctest::Approx(z.h - L1.view.h) : doctest::Approx(0)));
      }
    }
  }
  // The frame draws exactly the pure layout for its canvas and selection.
  h.host->Resize(a, 1280, 720, 1);
  h.Settle();
  Click(h, a, Item(h, a, "hsc")["box"]);
  const Layout& drawn = Diagram(h, a).last_layout();
  UseFonts(h, a);
  const Layout pure = CellDiagramWidget::ComputeLayout(doc, true, drawn.width, drawn.height, drawn.scale);
  SetCurrentFonts(nullptr);
  REQUIRE(drawn.nodes.size() == pure.nodes.size());
  for (size_t i = 0; i < pure.nodes.size(); ++i) CHECK(Same(drawn.nodes[i].box, pure.nodes[i].box));
  CHECK(Same(drawn.close, pure.close));
  CHECK(Same(drawn.panel, pure.panel));
}

TEST_CASE("cell diagram: taps hit the rectangles the layout gives, at any scroll offset, and State reports the same boxes") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720, 1, Synthetic(200));
  const Layout& L = Diagram(h, a).last_layout();
  h.host->MouseMove(a, L.view.x + L.view.w / 2, L.view.y + L.view.h / 2);
  h.Settle();
  REQUIRE(h.host->Wheel(a, 0, -4));
  h.Settle();
  const float scroll = Diagram(h, a).scroll();
  REQUIRE(scroll > 0);
  // Every node's reported box is its layout box moved up by exactly the scroll offset.
  const auto st = h.State(a);
  int checked = 0;
  for (const auto& n : L.nodes) {
    const std::string id = "c" + std::to_string(n.cell);
    for (const auto& it : st["items"]) {
      if (it["id"] != id) continue;
      CHECK(it["box"]["x"].get<float>() == doctest::Approx(n.box.x));
      CHECK(it["box"]["y"].get<float>() == doctest::Approx(n.box.y - scroll));
      ++checked;
    }
  }
  CHECK(checked == (int)L.nodes.size());
  // A tap at the centre of a node that is in view selects that node.
  int tapped = 0;
  for (size_t i = 0; i < L.nodes.size() && tapped < 3; i += 7) {
    const Layout& now = Diagram(h, a).last_layout();
    const Rect b = now.nodes[i].box;
    const float sc = Diagram(h, a).scroll();
    if (b.y - sc < now.view.y + 4 || b.y + b.h - sc > now.view.y + now.view.h - 4) continue;
    TapAt(h, a, b, sc, 1, false);
    CHECK(h.State(a)["selected"] == "c" + std::to_string(now.nodes[i].cell));
    ++tapped;
  }
  CHECK(tapped == 3);
}

TEST_CASE("cell diagram: a drag past the tap tolerance scrolls and selects nothing; a tap that moves less still selects") {
  Harness h;
  const int a = MakeDiagram(h, 375, 640, 2, Synthetic(60));
  const float px = 2;
  const Layout& L = Diagram(h, a).last_layout();
  REQUIRE(L.content_h > L.view.h);
  const Rect b = L.nodes[3].box;
  const float x = (b.x + b.w / 2) / px, y = (b.y + b.h / 2) / px;
  CHECK(h.host->Touch(a, 0, x, y));  // the touch belongs to the widget: its view scrolls
  h.Settle();
  h.host->Touch(a, 1, x, y - 60);
  h.Settle();
  h.host->Touch(a, 2, x, y - 60);
  h.Settle();
  CHECK(Diagram(h, a).scroll() == doctest::Approx(60 * px).epsilon(0.02));  // the content followed the finger
  CHECK(h.State(a)["selected"].is_null());
  // Less than the tolerance (kTapSlopCss CSS px, at any pixel ratio) is still a tap.
  const float sc = Diagram(h, a).scroll();
  const Layout& now = Diagram(h, a).last_layout();
  size_t i = 0;
  while (i < now.nodes.size() && now.nodes[i].box.y - sc < now.view.y + 10) ++i;
  REQUIRE(i < now.nodes.size());
  TapAt(h, a, now.nodes[i].box, sc, px, true, kTapSlopCss * 0.6f);
  CHECK(h.State(a)["selected"] == "c" + std::to_string(now.nodes[i].cell));
}

TEST_CASE("cell diagram: PageDown scrolls the diagram's view when the panel has nothing to scroll") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720, 1, Synthetic(200));
  h.host->Focus(a, true);
  h.Settle();
  CHECK(h.host->KeyEvent(a, Key::PageDown, true));
  h.host->KeyEvent(a, Key::PageDown, false);
  h.Settle();
  const Layout& L = Diagram(h, a).last_layout();
  CHECK(Diagram(h, a).scroll() == doctest::Approx(L.view.h * 0.8f));
  Press(h, a, Key::PageUp);
  CHECK(Diagram(h, a).scroll() == doctest::Approx(0));
}

TEST_CASE("cell diagram: the lineage fades in over motion::kFade, the toolkit's one fade") {
  Harness h;
  const int a = MakeDiagram(h, 1280, 720);
  const auto box = Item(h, a, "hsc")["box"];
  const float x = box["x"].get<float>() + box["w"].get<float>() / 2, y = box["y"].get<float>() + box["h"].get<float>() / 2;
  h.host->MouseMove(a, x, y);
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);
  const int frames = h.Settle();  // 1/60 s a frame
  CHECK(frames >= (int)(motion::kFade * 60) - 1);
  CHECK(frames <= (int)(motion::kFade * 60) + 3);
}

