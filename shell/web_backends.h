// web_backends.h — the browser Platform (html5.h events) and Renderer (WebGL2). Emscripten only.
#pragma once
#include <map>
#include <memory>

#include "host.h"

namespace scw {

// Input from the browser, per canvas, through Emscripten's html5.h with explicit canvas selectors.
class Html5Platform final : public Platform {
 public:
  void Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  double Now() const override;
};

// One WebGL2 context for the whole page, on a canvas that is not in the document. Each widget is drawn
// there with its own imgui_impl_opengl3 state, then copied to the widget's own 2D canvas. Browsers keep
// at most 16 live WebGL contexts per page; this keeps one, however many widgets a page holds.
class WebGl2Renderer final : public Renderer {
 public:
  bool Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  void PrepareFonts(Instance& inst) override;
  void Draw(Instance& inst, ImDrawData* draw_data) override;
  bool Lost() const override;
  void ContextRestored() override { font_textures_.clear(); }

 private:
  struct FontTexture {
    std::weak_ptr<FontSet> set;
    unsigned texture = 0;
  };
  bool EnsureContext();
  int context_ = 0;               // EMSCRIPTEN_WEBGL_CONTEXT_HANDLE; 0 = none
  std::map<int, bool> devices_;   // instance id -> imgui_impl_opengl3 device objects created
  std::map<const FontSet*, FontTexture> font_textures_;  // one texture per shared font set
};

}  // namespace scw
