// test_ui_toolkit.cpp — the shared toolkit (widgets/ui/): the scroll view, the segmented control, the close
// button, the tap tolerance and the animation timings, driven with a hand-made InputState.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "ui/close_button.h"
#include "ui/fonts.h"
#include "ui/input.h"
#include "ui/interaction.h"
#include "ui/motion.h"
#include "ui/scroll_view.h"
#include "ui/segmented.h"
#include "ui/text_layout.h"

using namespace scw;

namespace {

// Sets the frame's input (and, for text, the native fonts) for the duration of a test.
struct Frame {
  InputState in;
  FontSetRef fonts = SharedFonts(1.0f);
  Frame() {
    fonts->Ensure();
    SetCurrentFonts(&fonts->fonts);
    SetCurrentInput(&in);
  }
  ~Frame() {
    SetCurrentInput(nullptr);
    SetCurrentFonts(nullptr);
  }
  void Next() { in.BeginFrame(); }
  void Move(float x, float y) { in.pos = ImVec2(x, y); }
  void Down(float x, float y) { Move(x, y); in.down = in.clicked = true; in.press_pos = in.pos; }
  void Up() { in.down = false; in.released = true; }
  void Key(scw::Key k) { in.key_pressed[(int)k] = true; }
};

const Rect kView{10, 20, 200, 100};

}  // namespace

TEST_CASE("scroll view: the wheel scrolls only over the view, only while it can scroll that way, and clamps") {
  Frame f;
  ScrollView v;
  f.Move(50, 50);
  v.Update(kView, 300, 1, 1, {});
  CHECK(v.CanScroll());
  CHECK(v.MaxOffset() == doctest::Approx(200));
  CHECK(v.WantsWheel(-1));        // down: room below
  CHECK_FALSE(v.WantsWheel(1));   // up: already at the top, so the page keeps the wheel
  f.Next();
  f.in.wheel = -1;
  v.Update(kView, 300, 2, 1, {});
  CHECK(v.offset() == doctest::Approx(ScrollView::kWheelStep * 2));  // one notch = 48 CSS px × scale
  CHECK(v.WantsWheel(1));
  f.Next();
  f.in.wheel = -10;
  v.Update(kView, 300, 1, 1, {});
  CHECK(v.offset() == doctest::Approx(200));  // clamped at the end
  CHECK_FALSE(v.WantsWheel(-1));
  // Off the view: the wheel is the page's.
  f.Next();
  f.Move(500, 50);
  f.in.wheel = 3;
  v.Update(kView, 300, 1, 1, {});
  CHECK(v.offset() == doctest::Approx(200));
  CHECK_FALSE(v.WantsWheel(1));
  // Content that fits never scrolls and never wants the wheel.
  ScrollView fits;
  f.Next();
  f.Move(50, 50);
  f.in.wheel = -1;
  fits.Update(kView, 100, 1, 1, {});
  CHECK_FALSE(fits.CanScroll());
  CHECK(fits.offset() == 0);
  CHECK_FALSE(fits.WantsWheel(-1));
  // New, shorter content clamps the offset.
  v.SetExtent(kView, 150);
  CHECK(v.offset() == doctest::Approx(50));
}

TEST_CASE("scroll view: a drag beyond the tap tolerance scrolls with the pointer; a tap does not move it") {
  Frame f;
  ScrollView v;
  f.Move(50, 100);
  v.Update(kView, 400, 1, 2, {});
  // A press that moves 6 px at px = 2 (3 CSS px) is a tap: nothing scrolls, and Tapped() sees it.
  f.Next();
  f.Down(50, 100);
  v.Update(kView, 400, 1, 2, {});
  f.Next();
  f.Move(50, 94);
  v.Update(kView, 400, 1, 2, {});
  CHECK(v.offset() == 0);
  CHECK_FALSE(v.Dragging());
  f.Next();
  f.Up();
  v.Update(kView, 400, 1, 2, {});
  ImVec2 tap;
  CHECK(Tapped(2, &tap));
  // A press that moves 40 px up is a drag: the content follows from the press point, and it is no tap.
  f.Next();
  f.Down(50, 100);
  v.Update(kView, 400, 1, 2, {});
  f.Next();
  f.Move(50, 60);
  v.Update(kView, 400, 1, 2, {});
  CHECK(v.Dragging());
  CHECK(v.offset() == doctest::Approx(40));
  f.Next();
  f.Up();
  v.Update(kView, 400, 1, 2, {});
  CHECK(v.Dragging());  // still true on the release frame
  CHECK_FALSE(Tapped(2, &tap));
  f.Next();
  v.Update(kView, 400, 1, 2, {});
  CHECK_FALSE(v.Dragging());
  // With drag off (the caller uses this press itself) the same movement does not scroll.
  f.Next();
  f.Down(50, 100);
  v.Update(kView, 400, 1, 2, ScrollOptions{false, false});
  f.Next();
  f.Move(50, 20);
  v.Update(kView, 400, 1, 2, ScrollOptions{false, false});
  CHECK(v.offset() == doctest::Approx(40));
  CHECK_FALSE(v.Dragging());
  // A press outside the view never drags it.
  f.Next();
  f.Up();
  v.Update(kView, 400, 1, 2, {});
  f.Next();
  f.Down(500, 100);
  v.Update(kView, 400, 1, 2, {});
  f.Next();
  f.Move(500, 20);
  v.Update(kView, 400, 1, 2, {});
  CHECK(v.offset() == doctest::Approx(40));
}

TEST_CASE("scroll view: PageUp/PageDown only when the keys are the view's; scroll into view") {
  Frame f;
  ScrollView v;
  f.Key(Key::PageDown);
  v.Update(kView, 400, 1, 1, ScrollOptions{false, true});
  CHECK(v.offset() == 0);
  v.Update(kView, 400, 1, 1, ScrollOptions{true, true});
  CHECK(v.offset() == doctest::Approx(80));  // 80 % of the view
  f.Next();
  f.Key(Key::PageUp);
  v.Update(kView, 400, 1, 1, ScrollOptions{true, true});
  CHECK(v.offset() == 0);
  // Rows 250…280 (content coordinates) with a 10 px margin: the least scroll that shows them.
  v.ScrollIntoView(250, 280, 10);
  CHECK(v.offset() == doctest::Approx(280 - 100 + 10));
  v.ScrollIntoView(250, 280, 10);  // already in view: stays
  CHECK(v.offset() == doctest::Approx(190));
  v.ScrollIntoView(30, 40, 10);
  CHECK(v.offset() == doctest::Approx(20));
  v.ScrollIntoView(100, 400, 10);  // taller than the view: its top wins
  CHECK(v.offset() == doctest::Approx(90));
  v.ScrollTo(-50);
  CHECK(v.offset() == 0);
  v.ScrollBy(1000);
  CHECK(v.offset() == doctest::Approx(300));
}

TEST_CASE("scroll view: the indicator is drawn only when the content overflows, where the thumb belongs") {
  Frame f;
  ImDrawList dl(f.fonts->draw_data);
  dl._ResetForNewFrame();
  dl.PushClipRectFullScreen();
  ScrollView v;
  v.SetExtent(kView, 100);
  v.DrawIndicator(&dl, 0xFFFFFFFF, 1);
  CHECK(dl.VtxBuffer.Size == 0);
  v.SetExtent(kView, 400);
  v.ScrollTo(300);  // the end: the thumb sits at the bottom of the track
  v.DrawIndicator(&dl, 0xFFFFFFFF, 1);
  REQUIRE(dl.VtxBuffer.Size > 0);
  float min_x = 1e9f, max_x = -1e9f, max_y = -1e9f, min_y = 1e9f;
  for (const auto& p : dl.VtxBuffer) {
    min_x = std::min(min_x, p.pos.x); max_x = std::max(max_x, p.pos.x);
    min_y = std::min(min_y, p.pos.y); max_y = std::max(max_y, p.pos.y);
  }
  CHECK(min_x >= kView.x + kView.w - 4.5f);
  CHECK(max_x <= kView.x + kView.w + 1.0f);
  CHECK(max_y == doctest::Approx(kView.y + kView.h).epsilon(0.01));
  CHECK(min_y == doctest::Approx(kView.y + kView.h - 25).epsilon(0.02));  // 100 × 100/400 = 25 px thumb
}

TEST_CASE("segmented control: one set of rectangles for layout, hit test and drawing; keys") {
  Frame f;
  SegmentedControl seg;
  seg.LayoutFitted(16, 8, 40, 1000, {"By risk", "By therapy"}, FontRole::Strong, 1);
  REQUIRE(seg.Count() == 2);
  CHECK(seg.segments[0].w == doctest::Approx(MeasureText(FontRole::Strong, "By risk").x + 32));
  CHECK(seg.segments[1].x == doctest::Approx(seg.segments[0].x + seg.segments[0].w));  // touching
  CHECK(seg.labels[1] == "By therapy");
  // Too wide for max_w: equal shares, labels shortened to fit.
  seg.LayoutFitted(0, 0, 40, 160, {"Autologous transplant", "Allogeneic transplant"}, FontRole::Strong, 1);
  CHECK(seg.segments[0].w == doctest::Approx(80));
  CHECK(seg.segments[1].w == doctest::Approx(80));
  CHECK(MeasureText(FontRole::Strong, seg.labels[0]).x <= 80 - 32 + 0.5f);
  CHECK(seg.labels[0].find("…") != std::string::npos);
  CHECK(seg.Bounds().w == doctest::Approx(160));
  CHECK(seg.HitTest(10, 20) == 0);
  CHECK(seg.HitTest(90, 20) == 1);
  CHECK(seg.HitTest(170, 20) == -1);
  CHECK(seg.HitTest(10, 45) == -1);
  seg.LayoutEqual(Rect{0, 0, 300, 50}, {"A", "B", "C"}, FontRole::Small);
  CHECK(seg.segments[2].x == doctest::Approx(200));
  CHECK(seg.HitTest(250, 10) == 2);
  const Rect in = seg.Inner(1, 2);
  CHECK(in.x == doctest::Approx(106));
  CHECK(in.w == doctest::Approx(88));
  // Keys: Right/Left step and stop at the ends, Home/End jump; Enter/Space activate.
  f.Key(Key::Right);
  CHECK(seg.KeyStep(0) == 1);
  CHECK(seg.KeyStep(2) == 2);
  f.Next();
  f.Key(Key::Left);
  CHECK(seg.KeyStep(0) == 0);
  f.Next();
  f.Key(Key::End);
  CHECK(seg.KeyStep(0) == 2);
  CHECK_FALSE(SegmentedControl::KeyActivate());
  f.Next();
  f.Key(Key::Space);
  CHECK(SegmentedControl::KeyActivate());
  // Drawing stays inside its rectangles (the anti-aliased fringe may reach 1 px out); the chosen segment's fill is the accent.
  ImDrawList dl(f.fonts->draw_data);
  dl._ResetForNewFrame();
  dl.PushClipRectFullScreen();
  const Theme th = MakeTheme(ThemeMode::Light);
  seg.Draw(&dl, 1, -1, th, 1);
  auto grow = [](Rect r) { return Rect{r.x - 1.5f, r.y - 1.5f, r.w + 3, r.h + 3}; };
  bool accent = false;
  for (const auto& p : dl.VtxBuffer) {
    INFO("vertex ", p.pos.x, ",", p.pos.y);
    CHECK(grow(seg.Bounds()).Contains(p.pos.x, p.pos.y));
    if (p.col == th.accent) {
      accent = true;
      CHECK(grow(seg.Inner(1, 1)).Contains(p.pos.x, p.pos.y));
    }
  }
  CHECK(accent);
}

TEST_CASE("close button: placed in the container's top-right corner, hit where it is drawn") {
  Frame f;
  const Rect panel{100, 200, 300, 150};
  const Rect c = CloseButton::Place(panel, 2);
  CHECK(c.w == doctest::Approx(CloseButton::kSize * 2));
  CHECK(c.x + c.w == doctest::Approx(panel.x + panel.w - CloseButton::kInset * 2));
  CHECK(c.y == doctest::Approx(panel.y + CloseButton::kInset * 2));
  CHECK(c.Inside(panel));
  CHECK(CloseButton::Hit(c, ImVec2(c.x + c.w / 2, c.y + c.h / 2)));
  CHECK_FALSE(CloseButton::Hit(c, ImVec2(c.x - 1, c.y + 1)));
  CHECK_FALSE(CloseButton::Hit(Rect{}, ImVec2(0, 0)));  // none placed
  ImDrawList dl(f.fonts->draw_data);
  dl._ResetForNewFrame();
  dl.PushClipRectFullScreen();
  CloseButton::Draw(&dl, c, MakeTheme(ThemeMode::Dark), 2, false);
  REQUIRE(dl.VtxBuffer.Size > 0);
  for (const auto& p : dl.VtxBuffer) CHECK(c.Contains(p.pos.x, p.pos.y));
}

TEST_CASE("one tap tolerance: 8 CSS px at any pixel ratio") {
  CHECK(kTapSlopCss == 8.0f);
  CHECK_FALSE(BeyondTapSlop(ImVec2(0, 0), ImVec2(8, 0), 1));
  CHECK(BeyondTapSlop(ImVec2(0, 0), ImVec2(8.5f, 0), 1));
  CHECK_FALSE(BeyondTapSlop(ImVec2(0, 0), ImVec2(15, 5), 2));  // 15.8 framebuffer px < 16
  CHECK(BeyondTapSlop(ImVec2(0, 0), ImVec2(0, 17), 2));
  Frame f;
  f.Down(10, 10);
  f.Next();
  f.Move(21, 10);
  f.Up();
  ImVec2 tap;
  CHECK(Tapped(1.5f, &tap));  // 11 px < 12
  CHECK(tap.x == 10);
  CHECK_FALSE(Tapped(1.0f, &tap));
}

TEST_CASE("animation timings: tweens run for their length and not at all with reduced motion") {
  CHECK(motion::kFade < motion::kMove);
  Tween t;
  CHECK_FALSE(t.Running());
  CHECK(t.t() == 1);
  t.Start(false);
  CHECK(t.Running());
  CHECK(t.Smooth() == 0);
  int frames = 0;
  while (t.Advance(1.0f / 60, false)) ++frames;
  CHECK(frames + 1 == (int)std::ceil(motion::kMove * 60 - 1e-4));  // 0.28 s at 60 fps
  CHECK(t.Smooth() == 1);
  t.Start(true);  // reduced motion: done before it starts
  CHECK_FALSE(t.Running());
  t.Start(false);
  t.Advance(0.01f, false);
  CHECK(t.Running());
  CHECK_FALSE(t.Advance(0.01f, true));  // reduced motion switched on mid-way: it ends now
  CHECK(EaseInOut(0.5f) == doctest::Approx(0.5f));
  CHECK(EaseInOut(0.25f) < 0.25f);
  CHECK(EaseOut(0.25f) > 0.25f);
  CHECK(EaseOut(2) == 1);
  CHECK(Approach(0, 1, 0.1f, false) == doctest::Approx(0.1f / motion::kFade));
  CHECK(Approach(1, 0, 1.0f, false) == 0);
  CHECK(Approach(0, 1, 0.01f, true) == 1);
}

// Patterns and hatching (the timeline's lanes, the risk chart's unknown cells) are hundreds of short lines a frame:
// at whole-pixel widths ImDrawList draws each from the atlas's baked line texture (2 triangles), at any other
// width as anti-aliased geometry (6), which a software GPU and the frame's CPU pay for.
TEST_CASE("pattern strokes are whole pixels, which ImDrawList draws with 2 triangles a segment") {
  for (float s : {0.75f, 1.0f, 1.25f, 1.5f, 2.0f, 3.0f}) {
    for (float w : {1.0f * s, 1.2f * s, 1.3f * s}) {
      CAPTURE(w);
      const float p = PatternStroke(w);
      CHECK(p >= 1.0f);
      CHECK(p == std::floor(p));
      CHECK(std::fabs(p - w) <= std::max(0.5f, 1.0f - w));  // the nearest whole width (1 below 1.5)
    }
  }
  Frame f;
  ImDrawList dl(f.fonts->draw_data);
  auto indices = [&](float width) {
    dl._ResetForNewFrame();
    dl.PushClipRectFullScreen();
    dl.PushTextureID(f.fonts->atlas->TexID);
    dl.AddLine(ImVec2(10, 10), ImVec2(60, 40), 0xFFFFFFFF, width);
    return dl.IdxBuffer.Size;
  };
  CHECK(indices(PatternStroke(1.2f)) == 6);
  CHECK(indices(PatternStroke(1.3f * 2)) == 6);
  CHECK(indices(1.2f) == 18);  // what the widths were before
}
