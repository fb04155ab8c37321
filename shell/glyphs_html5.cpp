// glyphs_html5.cpp — glyph bitmaps from the browser's own text engine (ui/fonts.h GlyphSource).
//
// Each face is drawn with canvas 2D fillText in the page's font-family (Module.scwFontFamily, set by the loader
// from the widget's element; where the page sets none, Inter if the reader has it, else the system's sans-serif;
// the loader measures the glyphs, Module.scwGlyphFace),
// so widgets match the site's typography, draw any script the reader's system has fonts for, and the bundle
// carries no font data. The em size is chosen so the font's line box (ascent + descent) is the requested pixel
// height, as ImGui sizes its fonts.
#include <emscripten.h>

#include <cstdlib>
#include <cstring>

#include "web_backends.h"

namespace {

// Rasterises n code points. Writes ascent, descent, the image's width and height, then per glyph: advance, x0, y0,
// w, h and the glyph's box (x, y) in the image into `metrics` (4 + 7n floats). Returns a malloc'd copy of the
// canvas's RGBA pixels (width × height × 4 bytes), or 0 (nothing drawn: no glyph has pixels, or no canvas; or
// `draw` 0: the metrics only, which need no canvas). The coverage is taken from the alpha channel in C++
// (BrowserGlyphs::Rasterize): the same loop in JavaScript, run once per face and never warm, took ~4 ms of a first
// frame; one heap copy and a compiled loop take ~0.5.
EM_JS(unsigned char*, scw_js_raster_glyphs, (int strong, float px, const unsigned* cps, int n, float* metrics, int draw), {
  // The metrics come from the loader (web/loader.js glyphFace): measured once per face at 100 px and scaled,
  // the first ones while the wasm was still loading.
  if (!Module['scwGlyphFace']) return 0;
  var list = new Array(n), chars = new Array(n), i;
  for (i = 0; i < n; i++) { list[i] = HEAPU32[(cps >> 2) + i]; chars[i] = String.fromCodePoint(list[i]); }
  var face = Module['scwGlyphFace'](strong, Module['scwFontFamily'], list);
  var fam = face['font'], weight = strong ? '600 ' : '400 ';
  var canvas = Module['scwGlyphCanvas'];
  if (!canvas) canvas = Module['scwGlyphCanvas'] = document.createElement('canvas');
  var g = canvas.getContext('2d', {'willReadFrequently': true});
  if (!g) return 0;
  var em = 100 * px / (face['line'][0] + face['line'][1]), k = em / 100;
  var font = weight + em.toFixed(3) + 'px ' + fam;
  var ascent = face['line'][0] * k, descent = face['line'][1] * k;
  g.font = font;
  var F = HEAPF32, m = metrics >> 2, pad = 1;
  F[m] = ascent; F[m + 1] = descent;
  // Rows of up to 2048 px; the image is as wide as the widest row, so the read takes no empty columns.
  var boxes = new Array(n), rowW = 2048, x = 0, y = 0, rowH = 0, width = 0;
  for (i = 0; i < n; i++) {
    var e = face[list[i]];
    var l = Math.ceil(e[1] * k), r = Math.ceil(e[2] * k), a = Math.ceil(e[3] * k), d = Math.ceil(e[4] * k);
    var w = l + r > 0 && a + d > 0 ? l + r + 2 * pad : 0, h = w ? a + d + 2 * pad : 0;
    if (x + w > rowW) { x = 0; y += rowH; rowH = 0; }
    boxes[i] = {ch: chars[i], l: l, a: a, w: w, x: x, y: y};
    x += w; if (h > rowH) rowH = h; if (x > width) width = x;
    var o = m + 4 + 7 * i;
    F[o] = e[0] * k; F[o + 1] = -l - pad; F[o + 2] = ascent - a - pad; F[o + 3] = w; F[o + 4] = h;
    F[o + 5] = x - w; F[o + 6] = y;
  }
  var height = y + rowH;
  F[m + 2] = width; F[m + 3] = height;
  if (!draw || !width || !height) return 0;  // measured only, or nothing to draw
  canvas.width = width; canvas.height = height;  // resets the context state
  g.font = font; g.fillStyle = '#fff'; g.textBaseline = 'alphabetic'; g.textAlign = 'left';
  g.clearRect(0, 0, width, height);
  for (i = 0; i < n; i++) { var b = boxes[i]; if (b.w) g.fillText(b.ch, b.x + pad + b.l, b.y + pad + b.a); }
  var img = g.getImageData(0, 0, width, height).data;
  canvas.width = canvas.height = 1;  // give the memory back
  var out = _malloc(img.length);
  if (out) HEAPU8.set(img, out);  // HEAPU8 read after the malloc, which may have grown the memory
  return out;
});

}  // namespace

namespace scw {

bool BrowserGlyphs::Rasterize(bool strong, float px, const std::vector<unsigned>& cps, float* ascent, float* descent,
                              std::vector<GlyphBitmap>* glyphs, std::vector<unsigned char>* pixels) {
  const int n = (int)cps.size();
  std::vector<float> metrics(4 + 7 * (size_t)n);
  metrics[2] = -1;  // the image's width: set when the glyphs were measured and laid out
  unsigned char* rgba = scw_js_raster_glyphs(strong ? 1 : 0, px, cps.data(), n, metrics.data(), pixels ? 1 : 0);
  const int image_w = (int)metrics[2], image_h = (int)metrics[3];
  if (image_w < 0) return false;                                        // no glyph metrics or no canvas
  if (pixels && !rgba && image_w > 0 && image_h > 0) return false;      // pixels to copy, and no memory for them
  *ascent = metrics[0];
  *descent = metrics[1];
  glyphs->assign(n, GlyphBitmap());
  size_t offset = 0;
  for (int i = 0; i < n; ++i) {
    GlyphBitmap& g = (*glyphs)[i];
    const float* m = &metrics[4 + 7 * (size_t)i];
    g.advance = m[0];
    g.x0 = m[1];
    g.y0 = m[2];
    g.w = (int)m[3];
    g.h = (int)m[4];
    g.offset = offset;
    offset += (size_t)g.w * g.h;
  }
  if (!pixels) return true;  // measured only (Fonts: the glyphs are drawn when a frame first uses them)
  // Each glyph's coverage is the alpha of its box in the image (the text is drawn in white).
  pixels->resize(offset);
  for (int i = 0; i < n && rgba; ++i) {
    const GlyphBitmap& g = (*glyphs)[i];
    const float* m = &metrics[4 + 7 * (size_t)i];
    const int bx = (int)m[5], by = (int)m[6];
    unsigned char* dst = pixels->data() + g.offset;
    for (int row = 0; row < g.h; ++row) {
      const unsigned char* src = rgba + ((size_t)(by + row) * image_w + bx) * 4 + 3;
      for (int col = 0; col < g.w; ++col, src += 4) *dst++ = *src;
    }
  }
  std::free(rgba);
  return true;
}

}  // namespace scw
