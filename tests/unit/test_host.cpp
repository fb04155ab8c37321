// The host with the test-pattern widget, headless: clicks, taps, keys, frames, events, isolation.
#include <doctest/doctest.h>

#include "harness.h"
#include "test_pattern.h"

using namespace scw;
using scw::test::Harness;

namespace {
// The centre of shape i of the test pattern, in CSS px, for a canvas of w×h at scale s.
void ShapeCentre(int i, float w, float h, float s, float* x, float* y) {
  auto L = TestPatternWidget::ComputeLayout(w * s, h * s, s);
  *x = (L.shapes[i].x + L.shapes[i].w / 2) / s;
  *y = (L.shapes[i].y + L.shapes[i].h / 2) / s;
}
}  // namespace

TEST_CASE("an unknown kind is refused with the list of kinds") {
  Harness h;
  std::string err;
  CHECK(h.host->Create("pie-chart", "c1", &err) == 0);
  CHECK(err.find("pie-chart") != std::string::npos);
  CHECK(err.find("cell-diagram, hsct-timeline, risk-chart") != std::string::npos);
  CHECK(err.find("test-pattern") == std::string::npos);  // scaffolding, not offered
}

TEST_CASE("a click selects exactly the shape under it, in its own widget only") {
  Harness h;
  const int a = h.Make("test-pattern");
  const int b = h.Make("test-pattern");
  h.Settle();
  float x, y;
  ShapeCentre(1, 640, 400, 1, &x, &y);
  h.host->MouseMove(a, x, y);
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);  // down and up before any frame: must not be lost
  h.Settle();
  CHECK(h.State(a)["selected"] == "square");
  CHECK(h.State(a)["clicks"] == 1);
  CHECK(h.State(b)["selected"].is_null());
  CHECK(h.State(b)["clicks"] == 0);
  auto changes = h.Of("change");
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].id == a);
  CHECK(nlohmann::json::parse(changes[0].detail)["selected"] == "square");
}

TEST_CASE("a second click on the same shape clears the selection") {
  Harness h;
  const int a = h.Make("test-pattern");
  float x, y;
  ShapeCentre(0, 640, 400, 1, &x, &y);
  for (int i = 0; i < 2; ++i) {
    h.host->MouseButton(a, 0, true, x, y);
    h.host->MouseButton(a, 0, false, x, y);
    h.Settle();
  }
  CHECK(h.State(a)["selected"].is_null());
  CHECK(h.State(a)["clicks"] == 2);
}

TEST_CASE("pointer coordinates map through devicePixelRatio") {
  Harness h;
  const int a = h.Make("test-pattern", 640, 400, 2.0f);
  h.Settle();
  float x, y;
  ShapeCentre(2, 640, 400, 2.0f, &x, &y);  // CSS px
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);
  h.Settle();
  CHECK(h.State(a)["selected"] == "triangle");
}

TEST_CASE("a touch tap counts once even when the browser follows it with mouse events") {
  Harness h;
  const int a = h.Make("test-pattern");
  float x, y;
  ShapeCentre(0, 640, 400, 1, &x, &y);
  h.host->Touch(a, 0, x, y);
  h.host->Touch(a, 2, x, y);
  h.platform->now += 0.05;  // the emulated mouse events arrive a moment later
  h.host->MouseMove(a, x, y);
  h.host->MouseButton(a, 0, true, x, y);
  h.host->MouseButton(a, 0, false, x, y);
  h.Settle();
  CHECK(h.State(a)["clicks"] == 1);
  CHECK(h.State(a)["selected"] == "circle");
}

TEST_CASE("a cancelled touch (the page scrolled) selects nothing") {
  Harness h;
  const int a = h.Make("test-pattern");
  float x, y;
  ShapeCentre(0, 640, 400, 1, &x, &y);
  h.host->Touch(a, 0, x, y);
  h.host->Touch(a, 3, x, y);
  h.Settle();
  // ImGui counts a click on press; the cancel must not leave a selection drawn as a hover
  CHECK(h.State(a)["clicks"].get<int>() <= 1);
  CHECK_FALSE(h.host->WantsFrame());
}

TEST_CASE("keys the widget uses are taken; others go to the page") {
  Harness h;
  const int a = h.Make("test-pattern");
  h.host->Focus(a, true);
  CHECK(h.host->KeyEvent(a, Key::Right, true));
  CHECK(h.host->KeyEvent(a, Key::Right, false));
  CHECK_FALSE(h.host->KeyEvent(a, Key::Tab, true));
  CHECK_FALSE(h.host->KeyEvent(a, Key::Escape, true));  // nothing selected: Escape is the page's
  CHECK_FALSE(h.host->Wheel(a, 0, 3));                   // the pattern never scrolls: the page does
  h.Settle();
  CHECK(h.State(a)["cursor"] == 1);
  h.host->KeyEvent(a, Key::Enter, true);
  h.host->KeyEvent(a, Key::Enter, false);
  h.Settle();
  CHECK(h.State(a)["selected"] == "square");
  CHECK(h.host->KeyEvent(a, Key::Escape, true));
  h.host->KeyEvent(a, Key::Escape, false);
  h.Settle();
  CHECK(h.State(a)["selected"].is_null());
}

TEST_CASE("idle draws nothing; input draws a bounded number of frames") {
  Harness h;
  const int a = h.Make("test-pattern");
  const int first = h.Settle();
  CHECK(first > 0);
  CHECK(first <= 3);
  const long frames = h.host->stats().frames;
  for (int i = 0; i < 100; ++i) {
    h.platform->now += 0.03;
    h.host->Frame();
  }
  CHECK(h.host->stats().frames == frames);  // 3 s of idle: no frame
  h.host->MouseMove(a, 5, 5);
  CHECK(h.Settle() <= 3);
}

TEST_CASE("an animation runs frames until it ends, then stops; reduced motion runs none") {
  Harness h;
  const int a = h.Make("test-pattern");
  auto L = TestPatternWidget::ComputeLayout(640, 400, 1);
  const float bx = L.button.x + 5, by = L.button.y + 5;
  h.Settle();
  h.host->MouseButton(a, 0, true, bx, by);
  h.host->MouseButton(a, 0, false, bx, by);
  const int frames = h.Settle();
  CHECK(frames >= 55);  // about 1 s at 60 Hz
  CHECK(frames <= 70);
  CHECK(h.State(a)["animationsCompleted"] == 1);

  std::string err;
  REQUIRE(h.host->SetOption(a, "reducedMotion", "1", &err));
  h.Settle();
  h.host->MouseButton(a, 0, true, bx, by);
  h.host->MouseButton(a, 0, false, bx, by);
  CHECK(h.Settle() <= 3);
  CHECK(h.State(a)["animationsCompleted"] == 2);
}

TEST_CASE("a resize re-renders at the new framebuffer size and rebuilds fonts for a new ratio") {
  Harness h;
  const int a = h.Make("test-pattern", 320, 480, 1);
  h.Settle();
  const int uploads = h.renderer->font_uploads;
  h.host->Resize(a, 320, 480, 2);
  CHECK(h.Settle() > 0);
  CHECK(h.host->Find(a)->view.fb_w == 640);
  CHECK(h.renderer->font_uploads == uploads + 1);
  CHECK(h.renderer->last_vertices > 0);
}

TEST_CASE("update(data) reaches the widget; bad data reports a path and keeps the widget") {
  Harness h;
  const int a = h.Make("test-pattern");
  std::string err;
  CHECK(h.host->SetData(a, R"({"label": "Hello"})", &err) == 0);
  CHECK(h.State(a)["label"] == "Hello");
  CHECK(h.host->SetData(a, R"({"label": 5})", &err) == 1);
  auto errors = h.Of("error");
  REQUIRE(errors.size() == 1);
  CHECK(nlohmann::json::parse(errors[0].detail)["path"] == "/label");
  CHECK(h.host->SetData(a, "{\"label\": ", &err) == 1);
  CHECK(err.find("line 1") != std::string::npos);
  CHECK(h.State(a)["label"] == "Hello");
}

TEST_CASE("accepted content is drawn at once, its widget only; refused content waits for no frame") {
  Harness h;
  static Harness* host_of_runs;
  static std::vector<int> runs;
  host_of_runs = &h;
  runs.clear();
  h.host->SetFrameRunner([](int id) {
    runs.push_back(id);
    host_of_runs->host->Frame(id);  // as the browser shell does: draws now, outside an animation frame
  });
  const int a = h.Make("test-pattern"), b = h.Make("test-pattern");
  std::string err;
  CHECK(h.host->SetData(a, R"({"label": "Hello"})", &err) == 0);
  REQUIRE(runs == std::vector<int>{a});
  CHECK(h.host->Find(a)->frames == 1);  // drawn within SetData
  CHECK(h.host->Find(b)->frames == 0);  // the other widget (no content yet) waits for its own
  CHECK(h.host->SetData(b, R"({"label": 5})", &err) == 1);
  CHECK(runs.size() == 1);  // refused: nothing drawn now
  CHECK(h.host->Find(b)->frames == 0);
  h.Settle();  // the animation frame asked for stays: the settling frame, and b's first
  CHECK(h.host->Find(a)->frames == 2);
  CHECK(h.host->Find(b)->frames >= 1);
}

TEST_CASE("destroy releases the instance and its listeners") {
  Harness h;
  const int a = h.Make("test-pattern");
  CHECK(h.platform->attached == 1);
  CHECK(h.host->Destroy(a));
  CHECK(h.platform->attached == 0);
  CHECK_FALSE(h.host->Destroy(a));
  CHECK(h.host->State(a).empty());
  CHECK_FALSE(h.host->WantsFrame());
}

TEST_CASE("a restored GPU context rebuilds device objects and redraws every widget") {
  Harness h;
  h.Make("test-pattern");
  h.Make("test-pattern");
  h.Settle();
  const int draws = h.renderer->draws;
  h.host->ContextRestored();
  CHECK(h.Settle() > 0);
  CHECK(h.renderer->draws >= draws + 2);
  CHECK(h.host->stats().context_restores == 1);
}

TEST_CASE("a slow click (move, press, release each in its own frame) selects") {
  Harness h;
  const int a = h.Make("test-pattern", 600, 360, 1);
  h.Settle();
  float x, y;
  ShapeCentre(1, 600, 360, 1, &x, &y);
  h.host->MouseMove(a, x, y);
  h.Settle();
  h.host->Focus(a, true);
  h.host->MouseButton(a, 0, true, x, y);
  h.Settle();
  h.host->MouseButton(a, 0, false, x, y);
  h.Settle();
  CHECK(h.State(a)["selected"] == "square");
}

TEST_CASE("widgets at the same pixel scale share one font atlas and one texture; it is freed with the last") {
  {
    Harness h;
    const int a = h.Make("test-pattern", 640, 400, 2);
    const int b = h.Make("test-pattern", 300, 200, 2);
    h.Settle();
    CHECK(h.host->Find(a)->fonts.get() == h.host->Find(b)->fonts.get());
    CHECK(h.renderer->font_uploads == 1);
    h.host->Resize(b, 300, 200, 3);
    h.Settle();
    CHECK(h.host->Find(a)->fonts.get() != h.host->Find(b)->fonts.get());
    CHECK(h.renderer->font_uploads == 2);
    CHECK(LiveFontSets() == 2);
    const FontSet* freed = h.host->Find(b)->fonts.get();
    const unsigned freed_serial = freed->serial;
    CHECK(FontSetLive(freed, freed_serial));
    h.host->Destroy(b);
    CHECK(LiveFontSets() == 1);
    CHECK_FALSE(FontSetLive(freed, freed_serial));  // what tells the renderers to drop its texture
    // A new set at that scale is another set, even if it lands at the same address: a fresh upload.
    const int c = h.Make("test-pattern", 300, 200, 3);
    h.Settle();
    CHECK(h.host->Find(c)->fonts->serial != freed_serial);
    CHECK_FALSE(FontSetLive(freed, freed_serial));
    CHECK(h.renderer->font_uploads == 3);
    FontSetRef copy = h.host->Find(c)->fonts;  // a reference kept elsewhere keeps the set
    h.host->Destroy(c);
    CHECK(LiveFontSets() == 2);
    copy = FontSetRef();
    CHECK(LiveFontSets() == 1);
  }
  CHECK(LiveFontSets() == 0);
}

TEST_CASE("a touch drag belongs to the widget only where it scrolls or drags something; elsewhere the page scrolls") {
  Harness h;
  // A phone: the timeline runs vertically and scrolls inside the widget.
  const int t = h.Make("hsct-timeline", 320, 480, 1);
  std::string err;
  REQUIRE(h.host->SetData(t, "", &err) == 0);
  h.Settle();
  const Widget* w = h.host->Find(t)->widget.get();
  // Find a point the widget scrolls and one it does not (a coarse scan of the canvas, in CSS px = fb px here).
  float own_x = -1, own_y = -1, page_x = -1, page_y = -1;
  for (float y = 2; y < 480; y += 6)
    for (float x = 2; x < 320; x += 6) {
      if (w->UsesDrag(x, y)) { if (own_x < 0) { own_x = x; own_y = y; } }
      else if (page_x < 0) { page_x = x; page_y = y; }
    }
  REQUIRE(own_x >= 0);   // the scrolling timeline is there
  REQUIRE(page_x >= 0);  // and something that is not
  CHECK(h.host->Touch(t, 0, own_x, own_y));
  CHECK(h.host->Touch(t, 1, own_x, own_y + 40));
  CHECK(h.host->Touch(t, 2, own_x, own_y + 40));
  CHECK_FALSE(h.host->Touch(t, 0, page_x, page_y));
  CHECK_FALSE(h.host->Touch(t, 1, page_x, page_y + 40));
  CHECK_FALSE(h.host->Touch(t, 2, page_x, page_y + 40));
  h.Settle();
  // The test pattern scrolls nothing: every touch drag is the page's.
  const int p = h.Make("test-pattern", 320, 480, 1);
  h.Settle();
  CHECK_FALSE(h.host->Touch(p, 0, 100, 100));
  CHECK_FALSE(h.host->Touch(p, 2, 100, 100));
}

TEST_CASE("loading content is not a change; replacing it is") {
  Harness h;
  for (const char* kind : {"cell-diagram", "hsct-timeline", "risk-chart"}) {
    CAPTURE(kind);
    h.events.clear();
    const int id = h.Make(kind, 1280, 720, 1);
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    CHECK(h.Of("change").empty());
    CHECK(h.Of("ready").size() == 1);
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    CHECK(h.Of("change").size() == 1);
  }
}

TEST_CASE("a key's release reaches the widget that took its press, so the key's next press counts") {
  // Escape clears the selection; by its release the widget no longer uses Escape. The release must still go to
  // the widget, or Escape stays held in its input and the next Escape (after a new selection) does nothing.
  Harness h;
  const int id = h.Make("cell-diagram", 900, 600);
  std::string load_err;
  REQUIRE(h.host->SetData(id, "", &load_err) == 0);  // the default content
  h.Settle();
  h.host->Focus(id, true);
  auto press = [&](Key k) {  // a frame between press and release, as with a person's key stroke
    h.host->KeyEvent(id, k, true);
    h.Settle();
    h.host->KeyEvent(id, k, false);
    h.Settle();
  };
  for (int round = 0; round < 2; ++round) {
    std::string err;
    REQUIRE_MESSAGE(h.host->SetState(id, R"({"selected":"hsc"})", &err), err);
    h.Settle();
    REQUIRE_MESSAGE(!h.State(id)["selected"].is_null(), "round ", round);
    press(Key::Escape);
    CHECK_MESSAGE(h.State(id)["selected"].is_null(), "Escape cleared nothing in round ", round);
  }
}

// Three widgets given the same text (the built-in content, or one data-src) share one parse; a different text is
// parsed; once no widget holds a document, nothing of it is kept (the next one is parsed again).
TEST_CASE("widgets given the same document text share one parse, and each still shows its own part") {
  Harness h;
  std::string err;
  const int a = h.Make("cell-diagram", 800, 600), b = h.Make("hsct-timeline", 800, 600), c = h.Make("risk-chart", 800, 600);
  const long before = h.host->stats().parses;
  for (int id : {a, b, c}) REQUIRE(h.host->SetData(id, "", &err) == 0);
  CHECK(h.host->stats().parses == before + 1);
  h.Settle();
  CHECK(h.State(a)["widget"] == "cell-diagram");
  CHECK(h.State(b)["widget"] == "hsct-timeline");
  CHECK(h.State(c)["widget"] == "risk-chart");
  CHECK(h.host->Dom(a) != h.host->Dom(b));
  // Another text: parsed; the first one, still held by the other two, is not parsed again for them.
  REQUIRE(h.host->SetData(a, scw::test::ExplainerData("es"), &err) == 0);
  CHECK(h.host->stats().parses == before + 2);
  REQUIRE(h.host->SetOption(b, "lang", "es", &err));  // re-applies its kept document: no parse
  CHECK(h.host->stats().parses == before + 2);
  // A text that does not parse is refused and shares nothing.
  CHECK(h.host->SetData(c, "{\"cellTypes\": [", &err) > 0);
  CHECK(h.host->stats().parses == before + 3);
  // c still shows the built-in content (a refused document changes nothing), so it is still shared...
  REQUIRE(h.host->SetData(c, "", &err) == 0);
  CHECK(h.host->stats().parses == before + 3);
  // ...until no widget holds it: then nothing of it is kept, and the next widget given it parses it anew.
  h.host->Destroy(b);
  h.host->Destroy(c);
  const int d = h.Make("risk-chart", 800, 600);
  REQUIRE(h.host->SetData(d, "", &err) == 0);
  CHECK(h.host->stats().parses == before + 4);
}

// The WebGL2 renderer clears to a frame's leading backdrop and skips those 6 indices (shell/renderer_webgl2.cpp):
// every widget's frame must start with it, in its theme's background, or the software renderers shade the
// whole canvas twice; and nothing else may be taken for it (a rounded, translucent, partial or textured fill).
TEST_CASE("each widget's frame starts with an opaque backdrop in its background colour, and only that is one") {
  for (const char* kind : {"cell-diagram", "hsct-timeline", "risk-chart", "explainer", "test-pattern"}) {
    for (const char* theme : {"light", "dark", "high-contrast"}) {
      for (float dpr : {1.0f, 2.0f}) {
        CAPTURE(kind);
        CAPTURE(theme);
        CAPTURE(dpr);
        Harness h;
        const int id = h.Make(kind, 375, 600, dpr);
        std::string err;
        REQUIRE(h.host->SetOption(id, "theme", theme, &err));
        if (std::string(kind) != "test-pattern") REQUIRE(h.host->SetData(id, "", &err) == 0);
        h.Settle();
        const Instance* inst = h.host->Find(id);
        REQUIRE(inst->frames > 0);
        ImU32 colour = 0;
        CHECK(LeadingBackdrop(*inst->draw, inst->view.fb_w, inst->view.fb_h, &colour) == 6);
        CHECK(colour == inst->theme.background);
        // The same frame seen as larger than it is: the rectangle no longer covers it.
        CHECK(LeadingBackdrop(*inst->draw, inst->view.fb_w + 1, inst->view.fb_h, &colour) == 0);
      }
    }
  }
  Harness h;
  const int id = h.Make("test-pattern", 200, 100);
  h.Settle();
  ImDrawList dl(h.host->Find(id)->draw->_Data);
  auto fresh = [&] {
    dl._ResetForNewFrame();
    dl.PushTextureID(h.host->Find(id)->draw->CmdBuffer[0].TextureId);
    dl.PushClipRect(ImVec2(0, 0), ImVec2(200, 100));
  };
  ImU32 colour = 0;
  fresh();
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);  // nothing drawn
  fresh();
  dl.AddRectFilled(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(10, 20, 30, 255));
  dl.AddRectFilled(ImVec2(5, 5), ImVec2(50, 50), IM_COL32(200, 0, 0, 255));
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 6);
  CHECK(colour == IM_COL32(10, 20, 30, 255));
  fresh();
  dl.AddRectFilled(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(10, 20, 30, 254));  // translucent: shows what is under
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
  fresh();
  dl.AddRectFilled(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(10, 20, 30, 255), 8.0f);  // rounded corners
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
  fresh();
  dl.AddRectFilled(ImVec2(0, 1), ImVec2(200, 100), IM_COL32(10, 20, 30, 255));  // one row short
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
  fresh();
  dl.AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255),
                             IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255));  // a gradient
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
  fresh();
  dl.AddImage(dl._CmdHeader.TextureId, ImVec2(0, 0), ImVec2(200, 100));  // a textured quad (not the white pixel)
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
  fresh();
  dl.PushClipRect(ImVec2(0, 0), ImVec2(100, 100));  // clipped to half: the clear would paint the other half
  dl.AddRectFilled(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(10, 20, 30, 255));
  CHECK(LeadingBackdrop(dl, 200, 100, &colour) == 0);
}
