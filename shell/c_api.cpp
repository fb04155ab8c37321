// c_api.cpp — the one exported C API (prefix scw_). Everything else is internal.
//
// Strings returned stay valid until the next call that returns a string. Errors never abort: a call that
// fails returns 0/-1 and scw_last_error() says why, in a sentence for the page's author.
#include <string>
#include <vector>

#include "host.h"

#define SCW_EXPORT extern "C" __attribute__((used, visibility("default")))

namespace {
std::string g_last_error;
std::string g_returned;

scw::Host* HostOrError() {
  scw::Host* h = scw::GlobalHost();
  if (!h) g_last_error = "The widget host is not running.";
  return h;
}
const char* Str(const char* s) { return s ? s : ""; }
}  // namespace

// Creates a widget of `kind` drawing into the canvas element with id `canvas_id`. Returns its id, or 0.
SCW_EXPORT int scw_create(const char* kind, const char* canvas_id) {
  scw::Host* h = HostOrError();
  if (!h) return 0;
  g_last_error.clear();
  return h->Create(Str(kind), Str(canvas_id), &g_last_error);
}

SCW_EXPORT int scw_destroy(int id) {
  scw::Host* h = HostOrError();
  if (!h) return 0;
  if (!h->Destroy(id)) { g_last_error = "No widget with id " + std::to_string(id) + "."; return 0; }
  return 1;
}

// Gives the widget a JSON document ("" = the embedded default content). Returns the number of errors
// (0 = accepted), or -1 for an unknown id. Problems also go out as "error"/"warning" events.
SCW_EXPORT int scw_set_data(int id, const char* json) {
  scw::Host* h = HostOrError();
  if (!h) return -1;
  g_last_error.clear();
  return h->SetData(id, Str(json), &g_last_error);
}

// Options: theme (light|dark|high-contrast), reducedMotion (0|1), lang (en, es, …), textScale (0.75…2).
SCW_EXPORT int scw_set_option(int id, const char* key, const char* value) {
  scw::Host* h = HostOrError();
  if (!h) return 0;
  g_last_error.clear();
  return h->SetOption(id, Str(key), Str(value), &g_last_error) ? 1 : 0;
}

// The canvas's CSS size and the page's devicePixelRatio; the host sizes the framebuffer.
SCW_EXPORT int scw_resize(int id, float css_w, float css_h, float dpr) {
  scw::Host* h = HostOrError();
  if (!h) return 0;
  if (!h->Resize(id, css_w, css_h, dpr)) { g_last_error = "No widget with id " + std::to_string(id) + "."; return 0; }
  return 1;
}

// The widget's state as JSON text ("" for an unknown id).
SCW_EXPORT const char* scw_state(int id) {
  scw::Host* h = HostOrError();
  g_returned = h ? h->State(id) : std::string();
  if (h && g_returned.empty()) g_last_error = "No widget with id " + std::to_string(id) + ".";
  return g_returned.c_str();
}

// Sets part of the widget's state from JSON text ({"selected": …}). 1 = done (a "change" event follows with
// the next frame), 0 = refused: scw_last_error() names the unknown key or id; nothing changed.
SCW_EXPORT int scw_set_state(int id, const char* json) {
  scw::Host* h = HostOrError();
  if (!h) return 0;
  g_last_error.clear();
  return h->SetState(id, Str(json), &g_last_error) ? 1 : 0;
}

// The widget's parallel DOM (headings, lists, tables) as a JSON tree; "null" for none or an unknown id.
SCW_EXPORT const char* scw_dom(int id) {
  scw::Host* h = HostOrError();
  g_returned = h ? h->Dom(id) : std::string("null");
  return g_returned.c_str();
}

// Presenter mode: one step forward (dir > 0) or back through the widget's tour. 1 = stepped (a "change" event
// follows with the next frame), 0 = no further step that way.
SCW_EXPORT int scw_step(int id, int dir) {
  scw::Host* h = HostOrError();
  return h && h->Step(id, dir) ? 1 : 0;
}

// The document's UI strings for the comma-separated `keys`, as a JSON object ({} before content);
// "documentTitle" and "documentLang" are the document's title and the language it is shown in.
SCW_EXPORT const char* scw_strings(int id, const char* keys) {
  scw::Host* h = HostOrError();
  std::vector<std::string> list;
  std::string k;
  for (const char* p = Str(keys);; ++p) {
    if (*p == ',' || *p == 0) { if (!k.empty()) list.push_back(k); k.clear(); if (!*p) break; }
    else k += *p;
  }
  g_returned = h ? h->Strings(id, list) : std::string("{}");
  return g_returned.c_str();
}

SCW_EXPORT const char* scw_last_error() { return g_last_error.c_str(); }

// The module's linear memory in bytes (it only grows; cmake/web.cmake sets its maximum). 0 natively.
SCW_EXPORT double scw_memory_bytes() {
#ifdef __wasm__
  return (double)__builtin_wasm_memory_size(0) * 65536.0;
#else
  return 0;
#endif
}

// Diagnostics for tests and benchmarks: frames drawn, animation frames requested, instances.
SCW_EXPORT const char* scw_stats() {
  scw::Host* h = scw::GlobalHost();
  if (!h) return "{}";
  const scw::HostStats& s = h->stats();
  g_returned = "{\"frames\":" + std::to_string(s.frames) + ",\"frameRequests\":" + std::to_string(s.frame_requests) +
               ",\"instances\":" + std::to_string(s.instances) +
               ",\"contextRestores\":" + std::to_string(s.context_restores) +
               ",\"animationFrames\":" + std::to_string(s.animation_frames) +
               ",\"wantsFrame\":" + (h->WantsFrame() ? "true" : "false") +
               ",\"memoryBytes\":" + std::to_string((long long)scw_memory_bytes()) + "}";
  return g_returned.c_str();
}

// Called by the page glue when the shared WebGL context was restored after a loss.
SCW_EXPORT void scw_context_restored() {
  if (scw::Host* h = scw::GlobalHost()) h->ContextRestored();
}

// Called by the loader when the page's fonts changed (a web font finished loading): glyphs are drawn again.
SCW_EXPORT void scw_fonts_changed() {
  if (scw::Host* h = scw::GlobalHost()) h->FontsChanged();
}
