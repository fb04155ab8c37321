// main_wasm.cpp — the wasm entry: creates the page's one Host with the browser platform and renderer,
// sends host events to the page glue, and owns the single requestAnimationFrame call site.
#include <emscripten.h>
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

EM_BOOL OnAnimationFrame(double, void*) {
  g_frame_pending = false;
  scw::Host* host = scw::GlobalHost();
  if (!host) return EM_FALSE;
  const double t0 = emscripten_get_now();
  const double w0 = host->stats().widget_s;
  const bool more = host->Frame();
  scw_js_frame_timing(emscripten_get_now() - t0, scw::TakePresentMs(), (host->stats().widget_s - w0) * 1000);
  if (more) RequestFrame();  // only while something still wants a frame
  return EM_FALSE;
}

// Runs at module start (there is no main: the page drives everything through the C API).
const bool g_started = [] {
  static scw::BrowserGlyphs glyphs;
  scw::SetGlyphSource(&glyphs);  // text drawn by the browser in the page's fonts: no font data in the bundle
  static scw::Host host(std::make_unique<scw::Html5Platform>(), std::make_unique<scw::WebGl2Renderer>());
  host.SetEventSink([](int id, const char* type, const std::string& detail) { scw_js_emit(id, type, detail.c_str()); });
  host.SetFrameRequester(RequestFrame);
  scw::SetGlobalHost(&host);
  return true;
}();

}  // namespace
