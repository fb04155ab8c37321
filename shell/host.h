// host.h — owns every widget instance on the page: its draw list, fonts, input queue, scheduler and size.
//
// Portable: no browser here. The browser pieces plug in through two small interfaces — Platform (attach
// input listeners to a canvas) and Renderer (draw an ImDrawList onto a canvas) — and the exported C API
// (c_api.cpp) wraps this class. Natively, tests drive it with the null platform and renderer.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "input_queue.h"
#include "scheduler.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "viewport.h"
#include "widget.h"

struct ImDrawList;

namespace scw {

// A document's text and its parse, shared by the widgets given the same text (three widgets of one page: one
// parse) and freed with the last one holding it. A counted handle, as FontSetRef (std::shared_ptr: ~1 KB of wasm).
struct ParsedDocument {
  std::string text;
  nlohmann::json json;
  int refs = 0;
};
class DocRef {
 public:
  DocRef() = default;
  explicit DocRef(ParsedDocument* p) : p_(p) { if (p_) ++p_->refs; }
  DocRef(const DocRef& o) : p_(o.p_) { if (p_) ++p_->refs; }
  DocRef(DocRef&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  DocRef& operator=(DocRef o) noexcept { std::swap(p_, o.p_); return *this; }
  ~DocRef() { if (p_ && --p_->refs == 0) delete p_; }
  const ParsedDocument* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  ParsedDocument* p_ = nullptr;
};

struct Instance {
  int id = 0;
  std::string canvas;  // the canvas element id (html5.h selector "#" + canvas)
  std::unique_ptr<Widget> widget;
  std::unique_ptr<ImDrawList> draw;  // the widget draws here each frame (no ImGui context or window)
  FontSetRef fonts;  // shared with every widget drawing at the same pixel scale
  InputQueue input;
  InputState input_state;          // what the queue applied for the current frame
  bool keys_sent_down[(int)Key::Count] = {};  // keys whose press went to the widget: their release goes too
  PointerFilter pointer_filter;
  FrameScheduler scheduler;
  Viewport view;
  float css_w = 300, css_h = 150, dpr = 1;
  Theme theme = MakeTheme(ThemeMode::Light);
  std::string page_theme = "auto";               // the page's choice: auto | light | dark | high-contrast
  ThemeMode system_theme = ThemeMode::Light;     // the reader's setting (prefers-color-scheme / contrast)
  float option_text_scale = 1.0f;                // the page's textScale option
  bool has_page_background = false;              // the page's background option (data-background), if any
  Color page_background = 0;
  bool has_system_colours = false;               // forced colours: Canvas, CanvasText, Highlight, HighlightText, GrayText
  Color system_colours[5] = {};
  bool gpu = true;                                // false: no WebGL2; the page shows the parallel DOM instead
  bool text_fallback = false;                     // the content needs right-to-left layout: the page shows the DOM
  std::string lang;                // "" = the document's own language
  DocRef doc;                      // the last accepted document, re-applied when the language changes
  bool reduced_motion = false;
  bool focused = false, focus_from_pointer = false;
  bool pointer_captured = false;  // primary button went down on this canvas and is not yet up
  bool touch_owned = false;       // the current touch drag scrolls or drags inside the widget
  std::string cursor_spoken, cursor_text_spoken;  // the cursor last reported in a "cursor" event
  long frames = 0;                // frames drawn
  double last_frame_time = -1;
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual bool Attach(Instance& inst) = 0;
  virtual void Detach(Instance& inst) = 0;
  // Before each frame: make sure inst.fonts has a texture and point the atlas's TexID at it.
  virtual void PrepareFonts(Instance& inst) = 0;
  // Draws the frame (inst.view.fb_w × fb_h framebuffer px, cleared to the theme's background) onto the canvas.
  virtual void Draw(Instance& inst, const ImDrawList& draw) = 0;
  // inst.fonts's atlas pixels changed outside a frame (glyphs drawn while the page is idle): upload them now.
  virtual void UploadFonts(Instance&) {}
  virtual void ContextRestored() {}  // every GPU object is gone: forget them
  virtual bool Lost() const { return false; }  // the GPU context is lost: skip drawing until restored
};

class Platform {
 public:
  virtual ~Platform() = default;
  virtual void Attach(Instance& inst) = 0;  // start listening to the canvas's input events
  virtual void Detach(Instance& inst) = 0;
  virtual double Now() const = 0;           // seconds
};

struct HostStats {
  long frames = 0;           // frames drawn, all instances
  long frame_requests = 0;   // animation frames requested
  int instances = 0;
  int context_restores = 0;
  long animation_frames = 0; // frames drawn because an animation was running (not for input or a change)
  double widget_s = 0;       // time in the widgets' Frame (input, layout, draw list), seconds, all frames
  long parses = 0;           // documents parsed (a text already parsed for another widget is not parsed again)
};

class Host {
 public:
  // type: "change" | "error" | "warning" | "ready"; detail: a JSON object as text.
  // Plain function pointers with a context (not std::function: its machinery was wasm code for two callbacks).
  using EventSink = void (*)(void* ctx, int id, const char* type, const std::string& detail);

  Host(std::unique_ptr<Platform> platform, std::unique_ptr<Renderer> renderer);
  ~Host();

  void SetEventSink(EventSink sink, void* ctx = nullptr) { sink_ = sink; sink_ctx_ = ctx; }
  // Called whenever some instance newly wants a frame; the browser side requests one animation frame.
  void SetFrameRequester(void (*request)(void* ctx), void* ctx = nullptr) { request_frame_ = request; request_ctx_ = ctx; }
  // Draws one widget now (the browser side: Frame(id) outside an animation frame). Accepted content is drawn at
  // once with it rather than in the next animation frame: the main thread would otherwise wait for the display's
  // next refresh (up to 17 ms) before starting the widget's costliest frame, its first.
  void SetFrameRunner(void (*run)(int id)) { run_frame_ = run; }

  int Create(const std::string& kind, const std::string& canvas, std::string* error);  // 0 on failure
  bool Destroy(int id);
  // Parses and applies content. Returns the number of errors (0 = drawn); problems go out as events.
  int SetData(int id, const std::string& json_text, std::string* error);
  bool SetOption(int id, const std::string& key, const std::string& value, std::string* error);
  bool Resize(int id, float css_w, float css_h, float dpr);
  std::string State(int id) const;  // "" for an unknown id
  // Sets part of the widget's state from a JSON object (Widget::SetState): false with `error` naming the bad key
  // or id, nothing changed; true draws a frame, which emits "change".
  bool SetState(int id, const std::string& json_text, std::string* error);
  std::string Dom(int id) const;    // the parallel DOM tree as JSON ("null" when the widget has none)
  // Presenter mode: one step through the widget's tour (Widget::Step); false when there is none that way.
  bool Step(int id, int dir);
  // The document's UI strings for `keys` as a JSON object (keys the document and the built-in English lack are
  // left out; {} before content): the page chrome's words in the widget's language. The keys "documentTitle" and
  // "documentLang" are the document's title in that language and the language itself.
  std::string Strings(int id, const std::vector<std::string>& keys) const;

  // Input, in CSS pixels relative to the canvas. Each returns true when the widget used the event
  // (the browser then prevents its default action); false lets it go to the page.
  bool MouseMove(int id, float css_x, float css_y);
  bool MouseButton(int id, int button, bool down, float css_x, float css_y);
  bool MouseLeave(int id);
  bool Touch(int id, int phase, float css_x, float css_y);  // phase: 0 start, 1 move, 2 end, 3 cancel
  bool Wheel(int id, float dx, float dy);
  bool KeyEvent(int id, Key key, bool down, bool shift = false);  // shift: Shift held (UsesShiftKey)
  void Focus(int id, bool focused);

  // Draws every instance that wants a frame (only widget `id` when given). Returns true if another frame is wanted.
  bool Frame(int id = 0);
  bool WantsFrame() const;
  // Glyphs placed in a font atlas and not drawn into it yet: a first frame draws only those it uses. The browser
  // side calls DrawPendingGlyphs() once the page is idle after it, so later frames do not wait for the rest.
  bool GlyphsPending() const { return glyphs_pending_; }
  void DrawPendingGlyphs();
  void ContextRestored();  // the renderer's GPU context came back: rebuild device objects, redraw all
  void FontsChanged();     // the page's fonts changed (a web font loaded): rasterise glyphs again, redraw all

  Instance* Find(int id);
  const Instance* Find(int id) const;
  const HostStats& stats() const { return stats_; }
  void CountFrameRequest() { ++stats_.frame_requests; }

 private:
  void Invalidate(Instance& inst);
  void ApplyTheme(Instance& inst);  // page choice > document > reader's setting; then document colours
  void DrawInstance(Instance& inst, double now);
  void EmitCursor(Instance& inst);
  void Emit(int id, const char* type, const std::string& detail);
  void EmitProblems(int id, const LoadResult& r);
  void AfterContent(Instance& inst);  // glyphs for the new text; right-to-left text falls back to the DOM

  std::unique_ptr<Platform> platform_;
  std::unique_ptr<Renderer> renderer_;
  std::map<int, std::unique_ptr<Instance>> instances_;
  int next_id_ = 1;
  EventSink sink_ = nullptr;
  void* sink_ctx_ = nullptr;
  void (*request_frame_)(void*) = nullptr;
  void* request_ctx_ = nullptr;
  void (*run_frame_)(int) = nullptr;
  bool glyphs_pending_ = false;  // a frame left glyphs of its font set undrawn
  HostStats stats_;
};

// A frame that starts with one opaque, square-cornered rectangle over the whole w×h framebuffer (every widget
// paints its background so): its colour, and the 6 indices of the first draw command that draw it. A renderer
// clears to that colour and skips those indices: the same pixels, with the largest fill of the frame (most of a
// software rasteriser's time) left to the clear. 0 when the frame does not start so.
int LeadingBackdrop(const ImDrawList& dl, int w, int h, ImU32* colour);

// The page's single host (created by the wasm entry or by tests).
Host* GlobalHost();
void SetGlobalHost(Host* host);

}  // namespace scw
