// main_wasm.cpp — the wasm entry: creates the page's one Host with the browser platform and renderer,
// sends host events to the page glue, and owns the single requestAnimationFrame call site.
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <memory>

#include "host.h"
#include "web_backends.h"

namespace {

EM_JS(void, scw_js_emit, (int id, const char* type, const char* detail), {
  if (Module['scwOnEvent']) Module['scwOnEvent'](id, UTF8ToString(type), UTF8ToString(detail));
});

// Benchmarks (tests/bench/browser_frames.mjs) set window.__scwFrameTimes = [] to receive [frame ms, canvas copy
// ms, widgets' Frame ms] for every animation frame: the copy is the time spent waiting on the GPU, the rest is our
// own work, of which the widgets' Frame (input, layout, draw list) is the third figure; the GL submission is the rest.
EM_JS(void, scw_js_frame_timing, (double total_ms, double present_ms, double widget_ms), {
  if (typeof window !== 'undefined' && window['__scwFrameTimes']) window['__scwFrameTimes'].push([total_ms, present_ms, widget_ms]);
});

bool g_frame_pending = false;

EM_BOOL OnAnimationFrame(double, void*);

void RequestFrame() {
  scw::Host* host = scw::GlobalHost();
  if (g_frame_pending || !host) return;
  g_frame_pending = true;
  host->CountFrameRequest();
  emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

// Draws every widget that wants a frame (only `id` when given); true when another frame is wanted. Reports the
// timing when one was drawn.
bool DrawFrames(int id = 0) {
  scw::Host* host = scw::GlobalHost();
  if (!host) return false;
  const double t0 = emscripten_get_now();
  const double w0 = host->stats().widget_s;
  const long frames = host->stats().frames;
  const bool more = host->Frame(id);
  if (host->stats().frames != frames)
    scw_js_frame_timing(emscripten_get_now() - t0, scw::TakePresentMs(), (host->stats().widget_s - w0) * 1000);
  return more;
}

// A first frame draws into the font atlas only the glyphs it uses; the rest are drawn in a task of their own a
// little later, so a later frame (a click that shows new text) does not wait for the browser to draw them.
bool g_glyph_task = false;

void OnGlyphTask(void*) {
  g_glyph_task = false;
  if (scw::Host* host = scw::GlobalHost()) host->DrawPendingGlyphs();
}

void AfterFrames(bool more) {
  if (more) RequestFrame();  // only while something still wants a frame
  scw::Host* host = scw::GlobalHost();
  if (!g_glyph_task && host && host->GlyphsPending()) {
    g_glyph_task = true;
    emscripten_set_timeout(OnGlyphTask, 50, nullptr);
  }
}

EM_BOOL OnAnimationFrame(double, void*) {
  g_frame_pending = false;
  AfterFrames(DrawFrames());
  return EM_FALSE;
}

// Content just accepted (scw_set_data) is drawn in the same task, its widget only (the page's other widgets may
// be about to get theirs). The animation frame asked for it stays pending for the widget's settling frame.
void DrawNow(int id) {
  AfterFrames(DrawFrames(id));
}

// Runs at module start (there is no main: the page drives everything through the C API).
const bool g_started = [] {
  static scw::BrowserGlyphs glyphs;
  scw::SetGlyphSource(&glyphs);  // text drawn by the browser in the page's fonts: no font data in the bundle
  static scw::Host host(std::make_unique<scw::Html5Platform>(), std::make_unique<scw::WebGl2Renderer>());
  host.SetEventSink([](void*, int id, const char* type, const std::string& detail) { scw_js_emit(id, type, detail.c_str()); });
  host.SetFrameRequester([](void*) { RequestFrame(); });
  host.SetFrameRunner(DrawNow);
  scw::SetGlobalHost(&host);
  return true;
}();

}  // namespace
