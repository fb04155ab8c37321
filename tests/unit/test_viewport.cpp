// CSS size × devicePixelRatio -> framebuffer, pointer mapping, limits, UI scale.
#include <doctest/doctest.h>

#include "viewport.h"

using namespace scw;

TEST_CASE("framebuffer follows devicePixelRatio") {
  for (float dpr : {1.0f, 1.5f, 2.0f, 3.0f}) {
    Viewport v = ComputeViewport(320, 480, dpr);
    CHECK(v.fb_w == (int)(320 * dpr + 0.5f));
    CHECK(v.fb_h == (int)(480 * dpr + 0.5f));
    CHECK(v.px == doctest::Approx(dpr).epsilon(0.01));
    CHECK(v.scale == doctest::Approx(dpr).epsilon(0.01));  // a phone gets no UI boost
  }
}

TEST_CASE("fractional ratios round to whole pixels and the pointer maps with the measured ratio") {
  Viewport v = ComputeViewport(333, 201, 1.25f);
  CHECK(v.fb_w == 416);
  CHECK(v.fb_h == 251);
  CHECK(v.px == doctest::Approx(416.0f / 333.0f));
  // A click at the right edge in CSS px lands at the right edge in framebuffer px.
  CHECK(333 * v.px == doctest::Approx(416.0f));
}

TEST_CASE("huge canvases are clamped without distorting the aspect ratio") {
  Viewport v = ComputeViewport(3000, 1500, 3.0f);
  CHECK(v.fb_w == kMaxCanvasSide);
  CHECK(v.fb_h == kMaxCanvasSide / 2);
  CHECK(v.px == doctest::Approx((float)kMaxCanvasSide / 3000.0f));
}

TEST_CASE("degenerate inputs give a usable 1×1 viewport") {
  Viewport v = ComputeViewport(0, -5, 0);
  CHECK(v.fb_w == 1);
  CHECK(v.fb_h == 1);
  v = ComputeViewport(100, 100, 1.0f / 0.0f);
  CHECK(v.px == doctest::Approx(1.0f));
}

TEST_CASE("a projector canvas scales the UI up but an article column does not") {
  CHECK(ComputeViewport(1920, 1080, 1).ui == doctest::Approx(1.6f));
  CHECK(ComputeViewport(1280, 720, 1).ui > 1.2f);
  CHECK(ComputeViewport(700, 450, 2).ui == doctest::Approx(1.0f));
  CHECK(ComputeViewport(700, 450, 2, 1.5f).scale == doctest::Approx(3.0f));
}
