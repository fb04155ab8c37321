// viewport.h — CSS size × devicePixelRatio -> framebuffer size, pointer mapping and UI scale. Pure math.
#pragma once
#include <algorithm>
#include <cmath>

namespace scw {

struct Viewport {
  int fb_w = 1, fb_h = 1;  // canvas pixel size
  float px = 1;            // framebuffer pixels per CSS pixel (after clamping)
  float ui = 1;            // layout multiplier for large canvases (projectors), ≥ 1
  float scale = 1;         // px * ui * text scale: design CSS px -> framebuffer px
};

constexpr int kMaxCanvasSide = 4096;  // WebGL2 guarantees 2048+; SwiftShader and phones take 4096

// Large canvases (a projected 1920×1080) get larger text and marks; a phone or an article column stays at 1.
inline float UiFactor(float css_w, float css_h) {
  const float f = std::min(css_w / 900.0f, css_h / 560.0f);
  return std::max(1.0f, std::min(f, 1.6f));
}

inline Viewport ComputeViewport(float css_w, float css_h, float dpr, float text_scale = 1.0f,
                                int max_side = kMaxCanvasSide) {
  Viewport v;
  if (!(css_w >= 1)) css_w = 1;
  if (!(css_h >= 1)) css_h = 1;
  if (!(dpr > 0) || dpr > 8) dpr = 1;
  if (!(text_scale >= 0.5f && text_scale <= 3.0f)) text_scale = 1.0f;
  // Keep the aspect ratio when the canvas would exceed the limit: lower the effective ratio instead.
  float eff = dpr;
  const float longest = std::max(css_w, css_h) * dpr;
  if (longest > (float)max_side) eff = (float)max_side / std::max(css_w, css_h);
  v.fb_w = std::max(1, std::min(max_side, (int)std::lround(css_w * eff)));
  v.fb_h = std::max(1, std::min(max_side, (int)std::lround(css_h * eff)));
  v.px = (float)v.fb_w / css_w;
  v.ui = UiFactor(css_w, css_h);
  v.scale = v.px * v.ui * text_scale;
  return v;
}

}  // namespace scw
