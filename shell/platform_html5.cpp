// platform_html5.cpp — browser input for one canvas through html5.h, into the host's plain input functions.
//
// Listeners sit on the widget's own canvas (never on window), so the page keeps its keys. A callback returns
// true (the browser's default is prevented) only when the widget used the event: the wheel and unused keys
// reach the page, touch never blocks scrolling. Mouse release and drags outside the canvas come from one
// document-level listener that routes them to the canvas that captured the pointer.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstring>
#include <map>
#include <string>

#include "web_backends.h"

namespace scw {
namespace {

struct Binding {
  std::string selector;
  long touch_id = -1;  // the one touch the widget follows; -1 = none
};
std::map<int, Binding> g_bindings;
int g_captured = 0;  // instance id holding the mouse between press and release
bool g_document_listeners = false;

int IdOf(void* user) { return (int)(intptr_t)user; }

// The canvas element is remembered at attach time: by the time a widget is destroyed the page may already have
// removed it, and html5.h can only unregister through a selector that still finds the element.
// The loader hands each canvas element over in Module.scwCanvases (id -> element), so the page's own ids can never
// be mistaken for a widget's canvas and canvases inside shadow roots work; html5.h finds it through
// specialHTMLTargets["#id"], which it consults before any selector lookup.
EM_JS(void, scw_canvas_remember, (const char* canvas_id), {
  var els = Module['scwCanvasEls'] || (Module['scwCanvasEls'] = {});
  var id = UTF8ToString(canvas_id);
  var el = (Module['scwCanvases'] && Module['scwCanvases'][id]) || document.getElementById(id);
  els[id] = el;
  if (el) specialHTMLTargets['#' + id] = el;
});
EM_JS(void, scw_canvas_forget, (const char* canvas_id), {
  var els = Module['scwCanvasEls'] || {};
  var id = UTF8ToString(canvas_id);
  if (els[id]) JSEvents.removeAllHandlersOnTarget(els[id]);
  delete els[id];
  delete specialHTMLTargets['#' + id];
});

EM_JS(void, scw_canvas_origin, (const char* canvas_id, double* x, double* y), {
  var el = (Module['scwCanvasEls'] || {})[UTF8ToString(canvas_id)];
  var r = el ? el.getBoundingClientRect() : {left: 0, top: 0};
  HEAPF64[x >> 3] = r.left;
  HEAPF64[y >> 3] = r.top;
});

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void* user) {
  const int id = IdOf(user);
  Host* host = GlobalHost();
  if (!host) return EM_FALSE;
  const float x = (float)e->targetX, y = (float)e->targetY;
  switch (type) {
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
      if (e->button == 0) g_captured = id;
      return host->MouseButton(id, e->button, true, x, y);
    case EMSCRIPTEN_EVENT_MOUSEMOVE:
      if (g_captured && g_captured != id) return EM_FALSE;
      return host->MouseMove(id, x, y);
    case EMSCRIPTEN_EVENT_MOUSELEAVE:
      return host->MouseLeave(id);
    default:
      return EM_FALSE;
  }
}

// Document-level: the release (anywhere) and moves outside the canvas while the button is held.
EM_BOOL OnDocumentMouse(int type, const EmscriptenMouseEvent* e, void*) {
  Host* host = GlobalHost();
  if (!host || !g_captured) return EM_FALSE;
  auto it = g_bindings.find(g_captured);
  if (it == g_bindings.end()) { g_captured = 0; return EM_FALSE; }
  Instance* inst = host->Find(g_captured);
  if (!inst) { g_captured = 0; return EM_FALSE; }
  double ox, oy;
  scw_canvas_origin(inst->canvas.c_str(), &ox, &oy);
  const float x = (float)(e->clientX - ox), y = (float)(e->clientY - oy);
  const int id = g_captured;
  if (type == EMSCRIPTEN_EVENT_MOUSEUP && e->button == 0) {
    g_captured = 0;
    host->MouseButton(id, 0, false, x, y);
  } else if (type == EMSCRIPTEN_EVENT_MOUSEMOVE) {
    host->MouseMove(id, x, y);
  }
  return EM_FALSE;
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void* user) {
  Host* host = GlobalHost();
  if (!host) return EM_FALSE;
  // Normalise to "notches": pixels / 100, lines / 3, pages as 1.
  double k = e->deltaMode == DOM_DELTA_PIXEL ? 0.01 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
  return host->Wheel(IdOf(user), (float)(-e->deltaX * k), (float)(-e->deltaY * k));
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void* user) {
  const int id = IdOf(user);
  Host* host = GlobalHost();
  auto it = g_bindings.find(id);
  if (!host || it == g_bindings.end()) return EM_FALSE;
  Binding& b = it->second;
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    if (e->numTouches > 1) {  // a second finger: pinch or two-finger pan belongs to the page
      if (b.touch_id >= 0) host->Touch(id, 3, 0, 0);
      b.touch_id = -1;
      return EM_FALSE;
    }
    for (int i = 0; i < e->numTouches; ++i)
      if (e->touches[i].isChanged) {
        b.touch_id = e->touches[i].identifier;
        return host->Touch(id, 0, (float)e->touches[i].targetX, (float)e->touches[i].targetY);
      }
    return EM_FALSE;
  }
  if (b.touch_id < 0) return EM_FALSE;
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    if (t.identifier != b.touch_id || !t.isChanged) continue;
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) return host->Touch(id, 1, (float)t.targetX, (float)t.targetY);
    b.touch_id = -1;
    return host->Touch(id, type == EMSCRIPTEN_EVENT_TOUCHEND ? 2 : 3, (float)t.targetX, (float)t.targetY);
  }
  return EM_FALSE;
}

Key KeyFromName(const char* k) {
  static const struct { const char* name; Key key; } kMap[] = {
      {"ArrowLeft", Key::Left}, {"ArrowRight", Key::Right}, {"ArrowUp", Key::Up}, {"ArrowDown", Key::Down},
      {"Home", Key::Home}, {"End", Key::End}, {"PageUp", Key::PageUp}, {"PageDown", Key::PageDown},
      {"Enter", Key::Enter}, {" ", Key::Space}, {"Spacebar", Key::Space}, {"Escape", Key::Escape},
      {"Esc", Key::Escape}, {"Tab", Key::Tab}};
  for (const auto& m : kMap)
    if (std::strcmp(k, m.name) == 0) return m.key;
  return Key::None;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void* user) {
  Host* host = GlobalHost();
  if (!host) return EM_FALSE;
  if (e->ctrlKey || e->altKey || e->metaKey) return EM_FALSE;  // the browser's and the page's shortcuts
  const Key key = KeyFromName(e->key);
  if (key == Key::None) return EM_FALSE;
  const int id = IdOf(user);
  if (type == EMSCRIPTEN_EVENT_KEYDOWN) {
    if (e->repeat) host->KeyEvent(id, key, false, e->shiftKey);  // a held key repeats as fresh presses
    return host->KeyEvent(id, key, true, e->shiftKey);
  }
  return host->KeyEvent(id, key, false, e->shiftKey);
}

EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void* user) {
  if (Host* host = GlobalHost()) host->Focus(IdOf(user), type == EMSCRIPTEN_EVENT_FOCUS);
  return EM_FALSE;
}

}  // namespace

double Html5Platform::Now() const { return emscripten_get_now() / 1000.0; }

void Html5Platform::Attach(Instance& inst) {
  Binding& b = g_bindings[inst.id];
  b.selector = "#" + inst.canvas;
  const char* s = b.selector.c_str();
  void* u = (void*)(intptr_t)inst.id;
  scw_canvas_remember(inst.canvas.c_str());
  emscripten_set_mousedown_callback(s, u, false, OnMouse);
  emscripten_set_mousemove_callback(s, u, false, OnMouse);
  emscripten_set_mouseleave_callback(s, u, false, OnMouse);
  emscripten_set_wheel_callback(s, u, false, OnWheel);
  emscripten_set_touchstart_callback(s, u, false, OnTouch);
  emscripten_set_touchmove_callback(s, u, false, OnTouch);
  emscripten_set_touchend_callback(s, u, false, OnTouch);
  emscripten_set_touchcancel_callback(s, u, false, OnTouch);
  emscripten_set_keydown_callback(s, u, false, OnKey);
  emscripten_set_keyup_callback(s, u, false, OnKey);
  emscripten_set_focus_callback(s, u, false, OnFocus);
  emscripten_set_blur_callback(s, u, false, OnFocus);
  if (!g_document_listeners) {
    g_document_listeners = true;
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, OnDocumentMouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, OnDocumentMouse);
  }
}

void Html5Platform::Detach(Instance& inst) {
  auto it = g_bindings.find(inst.id);
  if (it == g_bindings.end()) return;
  scw_canvas_forget(inst.canvas.c_str());
  if (g_captured == inst.id) g_captured = 0;
  g_bindings.erase(it);
}

}  // namespace scw
