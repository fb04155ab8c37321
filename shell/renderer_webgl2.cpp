// renderer_webgl2.cpp — ImDrawData -> WebGL2 through imgui_impl_opengl3 (built with IMGUI_IMPL_OPENGL_ES3),
// on one shared context; each widget's frame is then copied onto its own canvas with a 2D drawImage.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include "imgui_impl_opengl3.h"
#include "web_backends.h"

namespace {

// The shared context lives on a canvas that is never put in the page. Its loss/restore events are
// handled here: the lost handler prevents the default so the browser restores it.
EM_JS(int, scw_gl_create_shared, (), {
  var canvas = document.createElement('canvas');
  canvas.width = 256;
  canvas.height = 256;
  var attrs = {majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false, antialias: false,
               premultipliedAlpha: true, preserveDrawingBuffer: false, failIfMajorPerformanceCaveat: false};
  var handle = GL.createContext(canvas, attrs);
  if (!handle) return 0;
  Module['scwGl'] = {canvas: canvas, 'lost': false, handle: handle};  // 'lost' quoted: the loader reads it
  canvas.addEventListener('webglcontextlost', function(e) { e.preventDefault(); Module['scwGl']['lost'] = true; }, false);
  canvas.addEventListener('webglcontextrestored', function() {
    Module['scwGl']['lost'] = false;
    GL.makeContextCurrent(handle);
    Module['_scw_context_restored']();
  }, false);
  return handle;
});

EM_JS(int, scw_gl_is_lost, (), { return Module['scwGl'] && Module['scwGl']['lost'] ? 1 : 0; });

// Grows the shared canvas to at least w×h (it never shrinks: resizing reallocates the drawing buffer).
EM_JS(void, scw_gl_reserve, (int w, int h), {
  var c = Module['scwGl'].canvas;
  if (c.width < w) c.width = w;
  if (c.height < h) c.height = h;
});

// Copies the bottom-left w×h of the shared canvas (where the frame was drawn) onto the widget's canvas.
EM_JS(void, scw_gl_present, (const char* canvas_id, int w, int h), {
  var id = UTF8ToString(canvas_id);
  var targets = Module['scwTargets'] || (Module['scwTargets'] = {});
  var t = targets[id];
  if (!t || !t.el.isConnected) {
    var el = (Module['scwCanvases'] && Module['scwCanvases'][id]) || document.getElementById(id);
    if (!el || !el.getContext) return;
    t = targets[id] = {el: el, ctx: el.getContext('2d', {alpha: false})};
  }
  if (!t.ctx) return;
  if (t.el.width !== w) t.el.width = w;
  if (t.el.height !== h) t.el.height = h;
  var src = Module['scwGl'].canvas;
  t.ctx.drawImage(src, 0, src.height - h, w, h, 0, 0, w, h);
});

EM_JS(void, scw_gl_forget, (const char* canvas_id), {
  if (Module['scwTargets']) delete Module['scwTargets'][UTF8ToString(canvas_id)];
});

}  // namespace

namespace scw {

bool WebGl2Renderer::EnsureContext() {
  if (!context_) context_ = scw_gl_create_shared();
  if (!context_) return false;
  emscripten_webgl_make_context_current(context_);
  return true;
}

bool WebGl2Renderer::Lost() const { return context_ && scw_gl_is_lost(); }

bool WebGl2Renderer::Attach(Instance& inst) {
  if (!EnsureContext()) return false;
  // Each ImGui context keeps its own backend state (shader, buffers, font texture) in the shared GL context.
  if (!ImGui_ImplOpenGL3_Init("#version 300 es")) return false;
  devices_[inst.id] = false;
  return true;
}

void WebGl2Renderer::Detach(Instance& inst) {
  if (devices_.count(inst.id)) ImGui_ImplOpenGL3_Shutdown();
  devices_.erase(inst.id);
  scw_gl_forget(inst.canvas.c_str());
}

void WebGl2Renderer::PrepareFonts(Instance& inst) {
  if (!EnsureContext()) return;
  bool& created = devices_[inst.id];
  if (!created) {
    // Creates the backend's shader and buffers. It also uploads a font texture of its own, which is dropped at
    // once: the font texture is shared per font set below.
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    created = true;
  }
  // Textures of font sets no widget uses any more.
  for (auto it = font_textures_.begin(); it != font_textures_.end();) {
    if (!it->second.set.expired()) { ++it; continue; }
    glDeleteTextures(1, &it->second.texture);
    it = font_textures_.erase(it);
  }
  FontTexture& ft = font_textures_[inst.fonts.get()];
  if (!ft.texture) {
    unsigned char* pixels;
    int w, h;
    inst.fonts->atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
    glGenTextures(1, &ft.texture);
    glBindTexture(GL_TEXTURE_2D, ft.texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    ft.set = inst.fonts;
  }
  inst.fonts->atlas->SetTexID((ImTextureID)(intptr_t)ft.texture);
}

void WebGl2Renderer::Draw(Instance& inst, ImDrawData* dd) {
  if (!EnsureContext() || Lost()) return;
  const int w = inst.view.fb_w, h = inst.view.fb_h;
  scw_gl_reserve(w, h);
  const Color bg = inst.theme.background;
  glViewport(0, 0, w, h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor((bg & 0xFF) / 255.0f, ((bg >> 8) & 0xFF) / 255.0f, ((bg >> 16) & 0xFF) / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(dd);
  scw_gl_present(inst.canvas.c_str(), w, h);
}

}  // namespace scw
