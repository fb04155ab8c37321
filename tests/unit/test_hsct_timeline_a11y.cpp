// test_hsct_timeline_a11y.cpp — the timeline for issue 13 ("Accessible and classroom-ready"): the detail panel's
// PageDown/wheel measured against its text area, Shift+arrows/Shift+PageDown moving the day, numbers in the
// document's language, the risk hatch and faded marks at 3:1, and the projector/zoom/text-scale layout grid.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "harness.h"
#include "content/default_content.h"
#include "hsct_timeline.h"
#include "hsct_timeline_fixture.h"
#include "hsct_timeline_internal.h"
#include <imgui_internal.h>

using scw::HsctTimelineWidget;
using scw::Key;
using scw::Rect;
using json = nlohmann::json;

namespace {

using namespace scw::test::timeline;  // W, Load, Press

// Makes the instance's fonts current (the host sets them only around a frame), so the test measures text as the
// layout did.
struct FontsOf {
  explicit FontsOf(scw::test::Harness& h, int id) { scw::SetCurrentFonts(&h.host->Find(id)->fonts->fonts); }
  ~FontsOf() { scw::SetCurrentFonts(nullptr); }
};

std::string ReadData(const std::string& name) {
  std::ifstream f(std::string(SCW_SOURCE_DIR) + "/data/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string LastAnnouncement(const scw::test::Harness& h) {
  const auto changes = h.Of("change");
  if (changes.empty()) return "";
  const json d = json::parse(changes.back().detail);
  return d.contains("announcement") && d["announcement"].is_string() ? d["announcement"].get<std::string>() : "";
}

}  // namespace

TEST_CASE("hsct-timeline: PageDown and the wheel over the detail panel reach the end of its text area") {
  scw::test::Harness h;
  const int id = Load(h, 375, 640);
  h.host->Focus(id, true);
  auto* w = W(h, id);
  const auto& sv = w->panel_scroll();
  REQUIRE(sv.CanScroll());
  const Rect panel = w->last_layout().panel;
  const float cx = panel.x + panel.w / 2, cy = panel.y + panel.h / 2;
  h.host->MouseMove(id, cx, cy);
  h.Settle();
  // The wheel scrolls the panel all the way down, then goes to the page.
  for (int i = 0; i < 100 && h.host->Wheel(id, 0, -1); ++i) h.Settle();
  CHECK(sv.offset() == doctest::Approx(sv.MaxOffset()));
  CHECK_FALSE(h.host->Wheel(id, 0, -1));
  CHECK_FALSE(h.host->KeyEvent(id, Key::PageDown, true));
  // Dragged back by 15 px (less than the panel's padding): the panel can still scroll down, so PageDown and the
  // wheel are still the panel's, and PageDown reaches the real end.
  h.host->MouseButton(id, 0, true, cx, cy);
  h.Settle();
  for (int k = 1; k <= 3; ++k) { h.host->MouseMove(id, cx, cy + 5.0f * k); h.Settle(); }
  h.host->MouseButton(id, 0, false, cx, cy + 15);
  h.Settle();
  REQUIRE(sv.offset() == doctest::Approx(sv.MaxOffset() - 15).epsilon(0.01));
  CHECK(h.host->Wheel(id, 0, -1) == true);
  h.Settle();
  CHECK(sv.offset() == doctest::Approx(sv.MaxOffset()));
  h.host->MouseButton(id, 0, true, cx, cy);
  h.Settle();
  for (int k = 1; k <= 3; ++k) { h.host->MouseMove(id, cx, cy + 5.0f * k); h.Settle(); }
  h.host->MouseButton(id, 0, false, cx, cy + 15);
  h.Settle();
  CHECK(h.host->KeyEvent(id, Key::PageDown, true));
  h.host->KeyEvent(id, Key::PageDown, false);
  h.Settle();
  CHECK(sv.offset() == doctest::Approx(sv.MaxOffset()));
  // At the top, PageUp and wheel-up go to the page.
  for (int i = 0; i < 40 && h.host->KeyEvent(id, Key::PageUp, true); ++i) { h.host->KeyEvent(id, Key::PageUp, false); h.Settle(); }
  CHECK(sv.offset() == 0);
  CHECK_FALSE(h.host->KeyEvent(id, Key::PageUp, true));
  CHECK_FALSE(h.host->Wheel(id, 0, 1));
}

TEST_CASE("hsct-timeline: Shift+arrows move the marker a day, Shift+PageDown/PageUp a week, and say the day") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720);
  h.host->Focus(id, true);
  REQUIRE(h.State(id)["day"] == 0);
  CHECK(h.host->KeyEvent(id, Key::Right, true, true));
  h.host->KeyEvent(id, Key::Right, false, true);
  h.Settle();
  CHECK(h.State(id)["day"] == 1);
  CHECK(LastAnnouncement(h).rfind("Day +1, Low blood counts", 0) == 0);
  Press(h, id, Key::Left, true);
  Press(h, id, Key::Left, true);
  CHECK(h.State(id)["day"] == -1);
  CHECK(h.State(id)["phase"] == "auto-conditioning");
  Press(h, id, Key::PageDown, true);  // taken even when the detail panel cannot scroll
  CHECK(h.State(id)["day"] == 6);
  CHECK(LastAnnouncement(h).rfind("Day +6", 0) == 0);
  Press(h, id, Key::PageDown, true);
  CHECK(h.State(id)["day"] == 13);
  Press(h, id, Key::PageUp, true);
  CHECK(h.State(id)["day"] == 6);
  Press(h, id, Key::Down, true);  // time runs down on phones: Shift+Down is a day on, Shift+Up a day back
  CHECK(h.State(id)["day"] == 7);
  Press(h, id, Key::Up, true);
  CHECK(h.State(id)["day"] == 6);
  CHECK(h.State(id)["cursor"]["row"] == "phases");
  // Without Shift, Right still steps a whole phase.
  Press(h, id, Key::Right);
  CHECK(h.State(id)["phase"] == "auto-early-recovery");
  CHECK(h.State(id)["day"] == 16);
  // At the last day the marker stays, and says so.
  std::string err;
  REQUIRE(h.host->SetState(id, R"({"day": 1825})", &err));
  h.Settle();
  Press(h, id, Key::Right, true);
  CHECK(h.State(id)["day"] == 1825);
  CHECK(LastAnnouncement(h).rfind("Day +1,825", 0) == 0);
  Press(h, id, Key::PageUp, true);
  CHECK(h.State(id)["day"] == 1818);
  // Not focused: the widget does not read keys.
  h.host->Focus(id, false);
  Press(h, id, Key::Right, true);
  CHECK(h.State(id)["day"] == 1818);
}

TEST_CASE("hsct-timeline: Shift+arrows on the phone layout keep the marker in view") {
  scw::test::Harness h;
  const int id = Load(h, 375, 640);
  h.host->Focus(id, true);
  for (int i = 0; i < 12; ++i) Press(h, id, Key::PageDown, true);
  const double day = h.State(id)["day"];
  CHECK(day == 84);
  const auto& L = W(h, id)->last_layout();
  const float y = L.Along(W(h, id)->scale().U(day + 0.5));
  CHECK(y >= L.plot.y);
  CHECK(y <= L.plot.y + L.plot.h);
}

TEST_CASE("hsct-timeline: days are printed in the document's language") {
  scw::test::Harness h;
  const int id = Load(h, 1280, 720, ReadData("stemcell-explainer.es.json"));
  std::string err;
  REQUIRE(h.host->SetState(id, R"({"day": 1825})", &err));
  h.Settle();
  CHECK(h.State(id)["dayLabel"] == "D\xC3\xAD" "a +1.825");
  CHECK(W(h, id)->last_detail().left[0].text.find("+1.825") != std::string::npos);
  CHECK(h.host->Dom(id).find("+1.825") != std::string::npos);
  CHECK(HsctTimelineWidget::DayText(1825, "en") == "+1,825");
  CHECK(HsctTimelineWidget::DayText(-180, "es") == "\xE2\x88\x92" "180");
  scw::test::Harness e;
  const int eid = Load(e, 1280, 720);
  REQUIRE(e.host->SetState(eid, R"({"day": 1825})", &err));
  e.Settle();
  CHECK(e.State(eid)["dayLabel"] == "Day +1,825");
}

// ---- WCAG 1.4.11: the risk marks reach 3:1 against what they are drawn on --------------------------------

TEST_CASE("hsct-timeline: the 'risk at this time' hatch, peak marks, swatches and milestone bars reach 3:1") {
  using scw::ContrastRatio;
  for (auto mode : {scw::ThemeMode::Light, scw::ThemeMode::Dark, scw::ThemeMode::HighContrast}) {
    const scw::Theme th = scw::MakeTheme(mode);
    CAPTURE((int)mode);
    for (int i = 0; i < 8; ++i) {
      CAPTURE(i);
      // On the plot (background), in the phone lanes and the detail panel (surface); the key's own swatch (muted).
      for (scw::Color base : {th.background, th.surface}) {
        for (scw::Color series : {th.series[i], th.text_muted}) {
          const auto c = scw::timeline::LaneColorsFor(th, series, base);
          CHECK(ContrastRatio(c.active_ink, c.active_bg) >= 3.0f);
          CHECK(ContrastRatio(c.peak_ink, c.peak_bg) >= 3.0f);
          CHECK(ContrastRatio(c.outline, base) >= 3.0f);
          CHECK((c.active_bg >> 24) == 0xFF);  // the background composed over base is opaque
        }
      }
    }
    CHECK(ContrastRatio(scw::timeline::MilestoneColor(th), th.background) >= 3.0f);
  }
}

TEST_CASE("hsct-timeline: the lanes are drawn in those colours, in light, dark and high contrast") {
  for (const char* theme : {"light", "dark", "high-contrast"}) {
    for (float w : {1280.0f, 375.0f}) {
      CAPTURE(theme);
      CAPTURE(w);
      scw::test::Harness h;
      const int id = Load(h, w, w > 1000 ? 720 : 640);
      std::string err;
      REQUIRE(h.host->SetOption(id, "theme", theme, &err));
      h.Settle();
      const auto* inst = h.host->Find(id);
      const scw::Theme& th = inst->theme;
      CHECK(th.mode == (std::string(theme) == "light" ? scw::ThemeMode::Light : std::string(theme) == "dark" ? scw::ThemeMode::Dark : scw::ThemeMode::HighContrast));
      std::set<scw::Color> drawn;
      for (const auto& v : inst->draw->VtxBuffer) drawn.insert(v.col);
      const auto& L = W(h, id)->last_layout();
      int checked = 0;
      for (const auto& ln : L.lanes) {
        if (ln.active.empty()) continue;
        const auto c = scw::timeline::LaneColorsFor(th, th.series[ln.pattern % 8], L.vertical ? th.surface : th.background);
        CHECK_MESSAGE(drawn.count(c.active_ink), ln.risk << " hatch drawn in its 3:1 colour");
        ++checked;
      }
      CHECK(checked > 0);
      CHECK(drawn.count(scw::timeline::MilestoneColor(th)));
    }
  }
}

// ---- issue 13 item 5: readable at every size, text scale and zoom ------------------------------------------

namespace {

struct Box { std::string what; int element; Rect r; };

// Every text box the layout places on screen (phone: those inside the scrolled plot), one element id per
// thing drawn, so two lines of one label may touch but two things may not.
std::vector<Box> TextBoxes(const HsctTimelineWidget::Layout& L) {
  std::vector<Box> out;
  int e = 0;
  // Phones scroll the plot; short wide canvases (panel_side) scroll the whole left part: scroll_view.
  const bool scrolls = L.vertical || L.panel_side;
  const Rect& sv = L.scroll_view;
  auto on_screen = [&](const Rect& r) {
    if (r.w <= 0 || r.h <= 0) return false;
    return !scrolls || (r.y >= sv.y - 0.5f && r.y + r.h <= sv.y + sv.h + 0.5f);
  };
  auto visible_part = [&](const Rect& r) {  // what of a label the scrolled view's clip shows
    if (!scrolls) return r;
    const float y0 = std::max(r.y, sv.y), y1 = std::min(r.y + r.h, sv.y + sv.h);
    return Rect{r.x, y0, r.w, std::max(0.0f, y1 - y0)};
  };
  if (L.status.w > 0) out.push_back({"status", e++, L.status});
  if (!L.vertical) {  // "You are here" and the day in the gutter, over two lines (Small, Title)
    const Rect& d = L.day_readout;
    out.push_back({"you are here", e++, Rect{d.x, d.y, d.w, scw::timeline::LineH(scw::FontRole::Small) + scw::timeline::LineH(scw::FontRole::Title)}});
  }
  if (L.intro.h > 0) { const Rect r = visible_part(L.intro); if (r.h > 0) out.push_back({"intro", e++, r}); }
  for (const auto& l : L.phase_labels)
    if (l.shown && on_screen(l.box)) out.push_back({"phase label " + l.text, e++, l.box});
  for (const auto& l : L.milestone_labels)
    if (l.shown && on_screen(l.box)) out.push_back({"milestone label " + l.text, e++, l.box});
  for (const auto& t : L.ticks)
    if (on_screen(t.box)) out.push_back({"tick " + t.text, e++, t.box});
  for (const auto& ln : L.lanes)
    if (ln.label.w > 0 && on_screen(ln.label)) out.push_back({"lane " + ln.name, e++, ln.label});
  for (const auto& l : L.legend_labels)
    if (on_screen(l.box)) out.push_back({"key " + l.text, e++, l.box});
  if (!L.vertical && L.legend.h > 0 && on_screen(L.legend)) out.push_back({"legend", e++, L.legend});
  if (L.footer.h > 0) { const Rect r = visible_part(L.footer); if (r.h > 0) out.push_back({"disclaimer", e++, r}); }
  return out;
}

struct GridCase { float w, h, text_scale, px; const char* lang; int variant; };

std::string Name(const GridCase& c) {
  return std::to_string((int)c.w) + "x" + std::to_string((int)c.h) + " text " + std::to_string(c.text_scale).substr(0, 3) +
         " px " + std::to_string((int)c.px) + " " + c.lang + (c.variant ? " allogeneic" : " autologous");
}

void CheckReadable(const GridCase& c) {
  INFO(Name(c));
  scw::test::Harness h;
  // 200 % zoom: the same framebuffer, half the CSS px, devicePixelRatio 2.
  const int id = h.Make("hsct-timeline", c.w / c.px, c.h / c.px, c.px);
  std::string err;
  REQUIRE(h.host->SetOption(id, "textScale", std::to_string(c.text_scale), &err));
  REQUIRE(h.host->SetData(id, ReadData(std::string("stemcell-explainer.") + c.lang + ".json"), &err) == 0);
  h.Settle();
  if (c.variant) { REQUIRE(h.host->SetState(id, R"({"variant": "allogeneic"})", &err)); h.Settle(); }
  if (W(h, id)->last_layout().controls_scroll) {  // the controls scroll with the plot: see them at its top
    const Rect p = W(h, id)->last_layout().plot;
    h.host->MouseMove(id, (p.x + p.w / 2) / c.px, (p.y + p.h / 2) / c.px);
    h.Settle();
    for (int i = 0; i < 200 && h.host->Wheel(id, 0, 1); ++i) h.Settle();
    REQUIRE(W(h, id)->last_layout().scroll < 0.5f);  // the wheel gives the page its turn within half a pixel of the top
  }
  const FontsOf fonts(h, id);
  REQUIRE(scw::MeasureText(scw::FontRole::Small, "Day").x > 0);
  const auto& L = W(h, id)->last_layout();
  const auto& D = W(h, id)->last_detail();
  // SCW_PRINT_GRID=1 prints which layout each case got (horizontal, vertical, controls scrolling) and its sizes.
  if (getenv("SCW_PRINT_GRID")) printf("%s vertical=%d controls_scroll=%d panel_h=%.0f plot_h=%.0f\n", (Name(c) + " hpanel=" + std::to_string(HsctTimelineWidget::ComputeLayout(W(h, id)->doc_for_test(), W(h, id)->scale(), HsctTimelineWidget::View{}, L.canvas.w, L.canvas.h, L.s, false).panel.h)).c_str(), (int)L.vertical, (int)L.controls_scroll, L.panel.h, L.plot.h);
  const Rect canvas{-0.5f, -0.5f, L.canvas.w + 1, L.canvas.h + 1};
  REQUIRE(L.canvas.w == doctest::Approx(c.w).epsilon(0.01));
  // Controls: the variant switch, Previous/Play/Next, each whole, inside, apart, and their labels fit.
  std::vector<Box> controls;
  for (size_t i = 0; i < L.variants.segments.size(); ++i) controls.push_back({"variant switch", 100, L.variants.segments[i]});
  controls.push_back({"previous", 101, L.prev});
  controls.push_back({"play", 102, L.play});
  controls.push_back({"next", 103, L.next});
  for (const auto& b : controls) {
    CHECK_MESSAGE(b.r.Inside(canvas), b.what << " inside the canvas");
    CHECK_MESSAGE(b.r.w >= 24 * c.px - 0.01f, b.what << " at least 24 CSS px wide");
    CHECK_MESSAGE(b.r.h >= 24 * c.px - 0.01f, b.what << " at least 24 CSS px high");
    if (!L.controls_scroll || b.r.y + b.r.h <= L.plot.y + L.plot.h) {
      CHECK_MESSAGE(!b.r.Overlaps(L.panel), b.what << " clear of the detail panel");
    } else {  // scrolled with the plot and clipped to it: at least a 24 CSS px strip of it shows there
      CHECK_MESSAGE(std::min(b.r.h, L.plot.h) >= 24 * c.px, b.what << " can be scrolled into a tappable strip");
    }
  }
  for (size_t i = 0; i < controls.size(); ++i)
    for (size_t j = i + 1; j < controls.size(); ++j) {
      Rect a = controls[i].r;
      a.x += 0.01f; a.w -= 0.02f; a.y += 0.01f; a.h -= 0.02f;
      CHECK_MESSAGE(!a.Overlaps(controls[j].r), controls[i].what << " overlaps " << controls[j].what);
    }
  for (int i = 0; i < L.variants.Count(); ++i) {
    const std::string& lab = L.variants.labels[i];
    size_t p0 = 0, lines = 0;
    while (true) {
      const size_t p = lab.find('\n', p0);
      const std::string line = lab.substr(p0, p == std::string::npos ? std::string::npos : p - p0);
      CHECK_MESSAGE(scw::MeasureText(L.variants.role, line).x <= L.variants.segments[i].w + 0.01f, "variant label line fits: " << line);
      ++lines;
      if (p == std::string::npos) break;
      p0 = p + 1;
    }
    CHECK_MESSAGE(lines * scw::CurrentFonts().Size(L.variants.role) <= L.variants.segments[i].h + 0.01f, "variant label height fits");
  }
  // Text: inside the canvas, never over another element's text, the controls or the panel.
  const std::vector<Box> texts = TextBoxes(L);
  for (const auto& t : texts) {
    CHECK_MESSAGE(t.r.Inside(canvas), t.what << " inside the canvas");
    CHECK_MESSAGE(t.r.w > 0, t.what << " not empty");
    CHECK_MESSAGE((t.what.find("\xE2\x80\xA6") == std::string::npos || t.what.rfind("phase label", 0) == 0), t.what << " wrapped, not cut");
    for (const auto& b : controls) CHECK_MESSAGE(!t.r.Overlaps(b.r), t.what << " overlaps the " << b.what);
    CHECK_MESSAGE(!t.r.Overlaps(L.panel), t.what << " overlaps the detail panel");
  }
  for (size_t i = 0; i < texts.size(); ++i)
    for (size_t j = i + 1; j < texts.size(); ++j)
      if (texts[i].element != texts[j].element)
        CHECK_MESSAGE(!texts[i].r.Overlaps(texts[j].r), texts[i].what << " overlaps " << texts[j].what);
  // The detail panel: inside, and its text area holds at least the title and two more lines (it scrolls for
  // the rest).
  CHECK(L.panel.Inside(canvas));
  CHECK(D.inner.Inside(L.panel));
  const float need = scw::timeline::LineH(scw::FontRole::Title) + 2 * scw::timeline::LineH(scw::FontRole::Body);
  CHECK_MESSAGE(D.inner.h >= need - 0.5f, "panel text area " << D.inner.h << " px high, needs " << need);
  CHECK(D.inner.w >= 120 * c.px);
  // Horizontal: the plot above the panel, the disclaimer below it; phones: the plot above the panel.
  if (L.panel_side) {  // short and wide: the panel beside the plot and the disclaimer, over the canvas's height
    CHECK_FALSE(L.vertical);
    CHECK(L.panel.x >= L.plot.x + L.plot.w - 0.5f);
    CHECK(L.footer.x + L.footer.w <= L.panel.x + 0.5f);
    CHECK(L.footer.y >= L.legend.y + L.legend.h);
    CHECK(L.panel.y == doctest::Approx(L.scroll_view.y));  // under the full-width header, down to the bottom
    CHECK(L.panel.y + L.panel.h >= 0.9f * L.canvas.h);
    for (const auto& seg : L.variants.labels) CHECK_MESSAGE(seg.find("\xE2\x80\xA6") == std::string::npos, "variant name cut: " << seg);
  } else if (!L.vertical) {
    CHECK(L.panel.y >= L.legend.y + L.legend.h);
    CHECK(L.footer.y >= L.panel.y + L.panel.h);
  } else {
    CHECK(L.panel.y >= L.plot.y + L.plot.h);
    // The plot shows three lines; on a canvas so short that the controls scroll with it (e.g. a 650x420 column
    // at 200 % zoom and text scale 2: 325x210 CSS px), the panel's least height wins and the plot keeps one.
    CHECK(L.plot.h >= (L.controls_scroll ? 1 : 3) * scw::timeline::LineH(scw::FontRole::Small));
  }
}

}  // namespace

TEST_CASE("hsct-timeline: readable at 1920x1080, 1280x720, a 650 px column and a phone, text scale 1-2, zoom 200%") {
  const std::pair<float, float> sizes[] = {{1920, 1080}, {1280, 720}, {650, 420}, {375, 640}};
  for (const auto& sz : sizes)
    for (float ts : {1.0f, 1.5f, 2.0f})
      for (float px : {1.0f, 2.0f})
        for (const char* lang : {"en", "es"})
          for (int variant = 0; variant < 2; ++variant) CheckReadable(GridCase{sz.first, sz.second, ts, px, lang, variant});
}

TEST_CASE("hsct-timeline: short wide canvases keep the horizontal timeline, the detail beside it (text scale 1.5, 2)") {
  // 1280x360 and 1920x500 fell back to the phone's vertical layout at text scale 1.5 and 2: a narrow column of
  // time stretched across a wide screen. Now the timeline stays horizontal and the panel sits on its right.
  const std::pair<float, float> sizes[] = {{1280, 360}, {1920, 500}, {1600, 400}};
  for (const auto& sz : sizes)
    for (float ts : {1.5f, 2.0f})
      for (const char* lang : {"en", "es"})
        for (int variant = 0; variant < 2; ++variant) {
          const GridCase c{sz.first, sz.second, ts, 1, lang, variant};
          CheckReadable(c);
          scw::test::Harness h;
          const int id = h.Make("hsct-timeline", c.w, c.h, 1);
          std::string err;
          REQUIRE(h.host->SetOption(id, "textScale", std::to_string(ts), &err));
          REQUIRE(h.host->SetData(id, ReadData(std::string("stemcell-explainer.") + lang + ".json"), &err) == 0);
          h.Settle();
          INFO(Name(c));
          CHECK_FALSE(W(h, id)->last_layout().vertical);
          REQUIRE(W(h, id)->last_layout().panel_side);
          // The wheel over the timeline scrolls it to its disclaimer; the panel stays where it is.
          const Rect panel = W(h, id)->last_layout().panel;
          h.host->MouseMove(id, 40, c.h / 2);
          h.Settle();
          for (int i = 0; i < 200 && h.host->Wheel(id, 0, -1); ++i) h.Settle();
          const auto& L = W(h, id)->last_layout();
          CHECK(L.footer.y + L.footer.h <= c.h + 0.5f);
          CHECK(L.footer.y >= 0);
          CHECK(L.panel.y == doctest::Approx(panel.y));
          CHECK(L.panel.h == doctest::Approx(panel.h));
          // The keyboard brings its row back: Up to the controls shows them, Down to the phases shows those.
          h.host->Focus(id, true);
          for (Key k : {Key::Up, Key::Up}) { h.host->KeyEvent(id, k, true); h.host->KeyEvent(id, k, false); h.Settle(); }
          const auto& L2 = W(h, id)->last_layout();
          CHECK(L2.play.y >= -0.5f);
          CHECK(L2.play.y + L2.play.h <= c.h + 0.5f);
          const float scrolled = L2.scroll;
          for (int i = 0; i < 200 && h.host->Wheel(id, 0, -1); ++i) h.Settle();
          h.host->KeyEvent(id, Key::Down, true);
          h.host->KeyEvent(id, Key::Down, false);
          h.Settle();
          const auto& L3 = W(h, id)->last_layout();
          CHECK(L3.phase_row.y >= -0.5f);
          CHECK(L3.phase_row.y + L3.phase_row.h <= c.h + 0.5f);
          CHECK(scrolled <= L3.max_scroll);
        }
}

TEST_CASE("hsct-timeline: a narrow transport row shows Play as an icon, never a cut word") {
  scw::test::Harness h;
  const int id = h.Make("hsct-timeline", 188, 320, 2);  // a phone at 200 % zoom
  std::string err;
  REQUIRE(h.host->SetData(id, "", &err) == 0);
  h.Settle();
  const FontsOf fonts(h, id);
  const auto& L = W(h, id)->last_layout();
  REQUIRE(L.vertical);
  const float s = L.s;
  CHECK(L.play.w < scw::MeasureText(scw::FontRole::Strong, "Play").x + 34 * s);  // no room for the word
  // Nothing of the word is drawn: every glyph quad of the frame lies outside the Play button.
  const auto* inst = h.host->Find(id);
  const ImDrawList& dl = *inst->draw;
  const ImVec2 white = dl._Data->TexUvWhitePixel;
  int glyph_vertices_in_play = 0;
  for (const auto& v : dl.VtxBuffer)
    if ((v.uv.x != white.x || v.uv.y != white.y) && L.play.Contains(v.pos.x, v.pos.y)) ++glyph_vertices_in_play;
  CHECK(glyph_vertices_in_play == 0);
}
