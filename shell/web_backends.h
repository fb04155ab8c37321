// web_backends.h — the browser Platform (html5.h events) and Renderer (WebGL2). Emscripten only.
#pragma once
#include <map>
#include <memory>

#include "host.h"
#include "ui/fonts.h"

namespace scw {

// Input from the browser, per canvas, through Emscripten's html5.h with explicit canvas selectors.
class Html5Platform final : public Platform {
 public:
  void Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  double Now() const override;
};

// One WebGL2 context for the whole page, on a canvas that is not in the document, and one small set of GL
// objects in it for every widget. Each widget's frame is drawn there, then copied to the widget's own 2D
// canvas. Browsers keep at most 16 live WebGL contexts per page; this keeps one, however many widgets it holds.
class WebGl2Renderer final : public Renderer {
 public:
  bool Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  void PrepareFonts(Instance& inst) override;
  void Draw(Instance& inst, const ImDrawList& draw) override;
  void UploadFonts(Instance& inst) override;
  bool Lost() const override;
  void ContextRestored() override;

 private:
  struct FontTexture {
    unsigned serial = 0;  // of the set it was made for (FontSetLive)
    unsigned texture = 0;
    unsigned long builds = 0;  // the atlas build it holds
    unsigned long pixels = 0;  // the atlas pixels it holds (Fonts::pixels)
  };
  struct GlObjects {
    unsigned program = 0, vao = 0, vbo = 0, ibo = 0;
    unsigned vtx_offset = 0;  // the first vertex the attribute pointers start at
  };
  bool EnsureContext();
  void CreateObjects();
  void BindVertexOffset(unsigned first);
  int context_ = 0;  // EMSCRIPTEN_WEBGL_CONTEXT_HANDLE; 0 = none
  GlObjects gl_;
  std::map<const FontSet*, FontTexture> font_textures_;  // one texture per shared font set
};

// Milliseconds spent copying frames to the widgets' canvases (waiting on the GPU) since the last call.
double TakePresentMs();

// Glyph bitmaps drawn by the browser (canvas 2D) in the page's font (glyphs_html5.cpp).
class BrowserGlyphs final : public GlyphSource {
 public:
  bool Rasterize(bool strong, float px, const std::vector<unsigned>& codepoints, float* ascent, float* descent,
                 std::vector<GlyphBitmap>* glyphs, std::vector<unsigned char>* pixels) override;
};

}  // namespace scw
