// renderer_webgl2.cpp — a widget's ImDrawList -> WebGL2, on one context shared by every widget on the page.
//
// In the spirit of sokol_imgui: one program, one vertex array with one vertex/index buffer pair, and one R8
// texture per font atlas, all created once per context (again after a context loss). The context belongs to
// this renderer alone, so the fixed GL state is set once at creation and nothing is saved or restored per
// frame, and nothing is queried back (no getParameter / getError round trips). Each frame is drawn into the
// bottom-left corner of the shared canvas and put onto the widget's own canvas (2D context) with drawImage: from
// an OffscreenCanvas as an ImageBitmap (transferToImageBitmap) where the browser has one, else from the canvas.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstddef>

#include <imgui.h>

#include "web_backends.h"

namespace {

// The shared context lives on a canvas that is never put in the page: an OffscreenCanvas where the browser has
// WebGL2 on one (each frame leaves it as an ImageBitmap, transferToImageBitmap, with no copy of the drawing
// buffer), else a detached <canvas> (frames are copied out of its bottom-left corner with drawImage). Its
// loss/restore events are handled here: the lost handler prevents the default so the browser restores it.
// The context is asked for directly and registered with Emscripten's GL layer: GL.createContext would wrap
// getContext in a check (Safari's WebGL2 quirk) that reads the global WebGLRenderingContext, which makes the
// browser build that whole WebGL 1 interface object for nothing (0.3-1.2 ms on this machine, first access).
EM_JS(int, scw_gl_create_shared, (), {
  var attrs = {majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false, antialias: false,
               premultipliedAlpha: true, preserveDrawingBuffer: false, failIfMajorPerformanceCaveat: false};
  function make(c) { var gl = c.getContext('webgl2', attrs); return gl ? GL.registerContext(gl, attrs) : 0; }
  var canvas = null, handle = 0, offscreen = false;
  if (typeof OffscreenCanvas === 'function' && typeof OffscreenCanvas.prototype.transferToImageBitmap === 'function') {
    try { canvas = new OffscreenCanvas(256, 256); handle = make(canvas); } catch (e) { handle = 0; }
    offscreen = !!handle;
  }
  if (!handle) {
    canvas = document.createElement('canvas');
    canvas.width = 256;
    canvas.height = 256;
    try { handle = make(canvas); } catch (e) { handle = 0; }
  }
  if (!handle) return 0;
  // 'lost' quoted: the loader reads it
  Module['scwGl'] = {canvas: canvas, 'lost': false, handle: handle, 'offscreen': offscreen};
  canvas.addEventListener('webglcontextlost', function(e) { e.preventDefault(); Module['scwGl']['lost'] = true; }, false);
  canvas.addEventListener('webglcontextrestored', function() {
    Module['scwGl']['lost'] = false;
    GL.makeContextCurrent(handle);
    Module['_scw_context_restored']();
  }, false);
  return handle;
});

// A fence, then a flush: ANGLE submits the commands so far to the GPU now (a flush alone may keep them).
EM_JS(void, scw_gl_submit, (), { GLctx.deleteSync(GLctx.fenceSync(GLctx.SYNC_GPU_COMMANDS_COMPLETE, 0)); GLctx.flush(); });

EM_JS(int, scw_gl_is_lost, (), { return Module['scwGl'] && Module['scwGl']['lost'] ? 1 : 0; });

// Sizes the shared canvas for a w×h frame. The OffscreenCanvas takes exactly the frame's size (its whole drawing
// buffer leaves as the frame's bitmap); the <canvas> only grows (resizing reallocates the drawing buffer).
EM_JS(void, scw_gl_reserve, (int w, int h), {
  var g = Module['scwGl'], c = g.canvas;
  if (g['offscreen']) {
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    return;
  }
  if (c.width < w) c.width = w;
  if (c.height < h) c.height = h;
});

// Puts the w×h frame just drawn onto the widget's canvas (its 2D context, which toPNG and printing read):
// the OffscreenCanvas's drawing buffer as an ImageBitmap, or the bottom-left corner of the <canvas>.
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
  var g = Module['scwGl'], src = g.canvas;
  if (g['offscreen']) {
    var bitmap = src.transferToImageBitmap();
    t.ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
  } else {
    t.ctx.drawImage(src, 0, src.height - h, w, h, 0, 0, w, h);
  }
});

EM_JS(void, scw_gl_forget, (const char* canvas_id), {
  if (Module['scwTargets']) delete Module['scwTargets'][UTF8ToString(canvas_id)];
});


// The atlas is single-channel (coverage): the texture's red channel scales the vertex colour's alpha. No
// uniforms: a_scale (2 / width, 2 / height) is a constant vertex attribute (glVertexAttrib2f; its array is never
// enabled) and u_tex samples unit 0, where a sampler starts; so nothing asks the GPU process for uniform locations
// (Emscripten's uniform table: round trips that wait for the link).
const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 a_pos;
layout (location = 1) in vec2 a_uv;
layout (location = 2) in vec4 a_col;
layout (location = 3) in vec2 a_scale;
out vec2 v_uv;
out vec4 v_col;
void main() {
  v_uv = a_uv;
  v_col = a_col;
  gl_Position = vec4(a_pos.x * a_scale.x - 1.0, 1.0 - a_pos.y * a_scale.y, 0.0, 1.0);
})";
const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_tex;
in vec2 v_uv;
in vec4 v_col;
layout (location = 0) out vec4 o_col;
void main() {
  o_col = vec4(v_col.rgb, v_col.a * texture(u_tex, v_uv).r);
})";

double g_present_ms = 0;  // time spent in the canvas copies since TakePresentMs()

GLuint Compile(GLenum type, const char* src) {
  const GLuint sh = glCreateShader(type);
  glShaderSource(sh, 1, &src, nullptr);
  glCompileShader(sh);
  return sh;
}

// A linearly filtered single-channel texture (the atlases' format), left bound.
GLuint NewTexture(int w, int h, const void* pixels) {
  GLuint t = 0;
  glGenTextures(1, &t);
  glBindTexture(GL_TEXTURE_2D, t);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  return t;
}

}  // namespace

namespace scw {

bool WebGl2Renderer::EnsureContext() {
  if (!context_) context_ = scw_gl_create_shared();
  if (!context_) return false;
  emscripten_webgl_make_context_current(context_);
  if (!gl_.program) CreateObjects();
  return gl_.program != 0;
}

void WebGl2Renderer::CreateObjects() {
  const GLuint vs = Compile(GL_VERTEX_SHADER, kVertexShader);
  const GLuint fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
  GLuint prog = glCreateProgram();
  glAttachShader(prog, vs);
  glAttachShader(prog, fs);
  glBindAttribLocation(prog, 0, "a_pos");
  glBindAttribLocation(prog, 1, "a_uv");
  glBindAttribLocation(prog, 2, "a_col");
  glBindAttribLocation(prog, 3, "a_scale");
  glLinkProgram(prog);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &linked);  // once per context, never per frame
  if (!linked) {
    glDeleteProgram(prog);
    return;
  }
  gl_.program = prog;
  glGenVertexArrays(1, &gl_.vao);
  glGenBuffers(1, &gl_.vbo);
  glGenBuffers(1, &gl_.ibo);
  glBindVertexArray(gl_.vao);
  glBindBuffer(GL_ARRAY_BUFFER, gl_.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl_.ibo);  // recorded in the vertex array
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  BindVertexOffset(0);
  // Fixed state: nobody else draws with this context.
  glUseProgram(prog);
  glActiveTexture(GL_TEXTURE0);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  // Warm-up: SwiftShader-like drivers compile the program's pipeline at its first draw, tens of ms. One small
  // triangle now, fenced and flushed so it is submitted at once, lets the GPU process do that while the content
  // is parsed and the glyphs drawn, instead of inside the first frame's copy.
  static const ImDrawVert v[3] = {{{0, 0}, {0, 0}, 0}, {{1, 0}, {0, 0}, 0}, {{0, 1}, {0, 0}, 0}};
  static const ImDrawIdx idx[3] = {0, 1, 2};
  static const unsigned char texel = 0;
  const GLuint tex = NewTexture(1, 1, &texel);
  glVertexAttrib2f(3, 1.0f, 1.0f);  // an eighth of the canvas: pixels are shaded (its colour is transparent)
  glBufferData(GL_ARRAY_BUFFER, sizeof(v), v, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STREAM_DRAW);
  glDrawElements(GL_TRIANGLES, 3, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, nullptr);
  scw_gl_submit();
  glDeleteTextures(1, &tex);
}

// Vertex attributes start at `first` vertex: draw lists over 64K vertices use 16-bit indices relative to a
// command's VtxOffset, and WebGL2 has no draw call with a base vertex.
void WebGl2Renderer::BindVertexOffset(unsigned first) {
  const size_t base = (size_t)first * sizeof(ImDrawVert);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)(base + offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (void*)(base + offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)(base + offsetof(ImDrawVert, col)));
  gl_.vtx_offset = first;
}

bool WebGl2Renderer::Lost() const { return context_ && scw_gl_is_lost(); }

bool WebGl2Renderer::Attach(Instance&) { return EnsureContext(); }

void WebGl2Renderer::Detach(Instance& inst) { scw_gl_forget(inst.canvas.c_str()); }

void WebGl2Renderer::ContextRestored() {
  // Every GL object of the old context is gone; the next EnsureContext() creates them again.
  gl_ = GlObjects();
  font_textures_.clear();
}

void WebGl2Renderer::PrepareFonts(Instance& inst) {
  if (!EnsureContext()) return;
  // Textures of font sets no widget uses any more.
  for (auto it = font_textures_.begin(); it != font_textures_.end();) {
    if (FontSetLive(it->first, it->second.serial)) { ++it; continue; }
    glDeleteTextures(1, &it->second.texture);
    it = font_textures_.erase(it);
  }
  FontTexture& ft = font_textures_[inst.fonts.get()];
  const ImFontAtlas* atlas = inst.fonts->atlas;
  if (!atlas->TexPixelsAlpha8) return;  // nothing built (no glyphs): draw shapes only
  if (!ft.texture || ft.builds != inst.fonts->fonts.builds || ft.serial != inst.fonts->serial) {  // new, or rebuilt
    if (ft.texture) glDeleteTextures(1, &ft.texture);
    // Its pixels go up in Draw, once the frame's glyphs are drawn into the atlas (Fonts::RasterizeDrawn).
    ft.texture = NewTexture(atlas->TexWidth, atlas->TexHeight, nullptr);
    ft.serial = inst.fonts->serial;
    ft.builds = inst.fonts->fonts.builds;
    ft.pixels = ~0ul;  // none yet: the first upload sends the whole atlas (not only the rows of its last change)
  }
  inst.fonts->atlas->SetTexID((ImTextureID)(intptr_t)ft.texture);
}

// The atlas's pixels, when they changed since the texture last took them: after a build, and when a frame drew
// glyphs no frame had used before (the same texture: the frame's draw list already names it). One change since
// the last upload sends only the rows it touched.
void WebGl2Renderer::UploadFonts(Instance& inst) {
  if (!EnsureContext() || Lost()) return;
  FontTexture& ft = font_textures_[inst.fonts.get()];  // made by PrepareFonts (none yet: texture 0, nothing to do)
  const ImFontAtlas* atlas = inst.fonts->atlas;
  const Fonts& f = inst.fonts->fonts;
  int y0 = 0, y1 = 0;
  if (!ft.texture || !atlas->TexPixelsAlpha8 || !f.RowsToUpload(ft.pixels, atlas->TexHeight, &y0, &y1)) return;
  glBindTexture(GL_TEXTURE_2D, ft.texture);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y0, atlas->TexWidth, y1 - y0, GL_RED, GL_UNSIGNED_BYTE,
                  atlas->TexPixelsAlpha8 + (size_t)y0 * atlas->TexWidth);
  ft.pixels = f.pixels;
}

void WebGl2Renderer::Draw(Instance& inst, const ImDrawList& dl) {
  if (!EnsureContext() || Lost()) return;
  const int w = inst.view.fb_w, h = inst.view.fb_h;
  if (w <= 0 || h <= 0) return;
  UploadFonts(inst);
  scw_gl_reserve(w, h);
  // The frame's own backdrop, when it starts with one, is the clear: SwiftShader fills a clear far faster than it
  // shades the same pixels (about two thirds of a timeline frame's fragments were that rectangle).
  ImU32 bg = inst.theme.background;
  const int skip = LeadingBackdrop(dl, w, h, &bg);
  glViewport(0, 0, w, h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor((bg & 0xFF) / 255.0f, ((bg >> 8) & 0xFF) / 255.0f, ((bg >> 16) & 0xFF) / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (dl.VtxBuffer.Size > 0 && dl.IdxBuffer.Size > 0) {
    glEnable(GL_SCISSOR_TEST);
    glVertexAttrib2f(3, 2.0f / (float)w, 2.0f / (float)h);
    glBindVertexArray(gl_.vao);
    glBindBuffer(GL_ARRAY_BUFFER, gl_.vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)dl.VtxBuffer.Size * sizeof(ImDrawVert), dl.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)dl.IdxBuffer.Size * sizeof(ImDrawIdx), dl.IdxBuffer.Data, GL_STREAM_DRAW);
    if (gl_.vtx_offset != 0) BindVertexOffset(0);
    GLuint bound_tex = 0;
    for (int ci = 0; ci < dl.CmdBuffer.Size; ++ci) {
      const ImDrawCmd& cmd = dl.CmdBuffer[ci];
      const unsigned first = cmd.IdxOffset + (ci == 0 ? skip : 0), count = cmd.ElemCount - (ci == 0 ? skip : 0);
      if (cmd.UserCallback || count == 0) continue;
      const float x0 = cmd.ClipRect.x < 0 ? 0 : cmd.ClipRect.x, y0 = cmd.ClipRect.y < 0 ? 0 : cmd.ClipRect.y;
      const float x1 = cmd.ClipRect.z > w ? (float)w : cmd.ClipRect.z, y1 = cmd.ClipRect.w > h ? (float)h : cmd.ClipRect.w;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor((GLint)x0, (GLint)(h - y1), (GLsizei)(x1 - x0), (GLsizei)(y1 - y0));
      const GLuint tex = (GLuint)(intptr_t)cmd.TextureId;
      if (tex != bound_tex) { glBindTexture(GL_TEXTURE_2D, tex); bound_tex = tex; }
      if (cmd.VtxOffset != gl_.vtx_offset) BindVertexOffset(cmd.VtxOffset);
      glDrawElements(GL_TRIANGLES, (GLsizei)count, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     (void*)(size_t)(first * sizeof(ImDrawIdx)));
    }
  }
  const double t0 = emscripten_get_now();
  scw_gl_present(inst.canvas.c_str(), w, h);  // waits for the GPU to finish the frame
  g_present_ms += emscripten_get_now() - t0;
}

double TakePresentMs() {
  const double ms = g_present_ms;
  g_present_ms = 0;
  return ms;
}

}  // namespace scw
