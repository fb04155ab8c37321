// widget.h — the interface every widget implements. Pure C++: no browser, no GPU.
//
// A widget is a function of (content, its own state, input) -> ImGui draw lists. The host (shell/) owns the
// ImGui context, feeds input, and calls Frame() with that context current; natively, tests do the same
// headless. Widgets do their own hit testing on their own layout, so tests can click a point and check state.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ui/dom.h"
#include "ui/json_writer.h"
#include "ui/theme.h"

struct ImDrawList;

namespace scw {
namespace content { struct Document; }
struct InputState;

// Keys a widget may use. The host maps browser keys to these; anything else bubbles to the page.
enum class Key : int { None = 0, Tab, Left, Right, Up, Down, Home, End, PageUp, PageDown, Enter, Space, Escape, Count };

// One problem found in content or options: a JSON Pointer path and a sentence for a non-programmer.
struct Problem {
  std::string path;     // e.g. "/timeline/variants/0/phases/3/days" ("" = the whole document)
  std::string message;  // e.g. "expected two numbers like [-7, -1], got \"a week\""
  bool warning = false; // warnings do not stop the widget from drawing
};

// Puts `p` before the problems already in `ps` (vector::insert's instantiation was ~0.8 KB of wasm).
inline void PutFirst(std::vector<Problem>& ps, Problem p) {
  ps.push_back(std::move(p));
  for (size_t i = ps.size() - 1; i > 0; --i) std::swap(ps[i], ps[i - 1]);
}

struct LoadResult {
  bool ok = true;                 // false: the widget keeps its previous content (or shows nothing new)
  std::vector<Problem> problems;  // errors first, then warnings
};

// What the host tells the widget each frame.
struct FrameContext {
  float width = 0, height = 0;  // framebuffer pixels (ImGui coordinates)
  float px = 1;                 // framebuffer pixels per CSS pixel (devicePixelRatio, measured)
  float scale = 1;              // px * the widget's text/UI scale: multiply CSS-px design sizes by this
  double time = 0;              // seconds, monotonic
  float dt = 0;                 // seconds since the previous frame drawn
  bool focused = false;         // the canvas has focus
  bool focus_visible = false;   // focus came from the keyboard: draw a focus ring
  bool reduced_motion = false;  // prefers-reduced-motion: no animation
  const Theme* theme = nullptr;
  ImDrawList* draw = nullptr;          // where the widget draws this frame (cleared by the host)
  const InputState* input = nullptr;   // this frame's pointer, wheel and keys (ui/input.h)
};

class Widget {
 public:
  virtual ~Widget() = default;
  virtual const char* Kind() const = 0;

  // Replaces the content. `doc` is an already-parsed JSON document (see content/). `lang` picks translations.
  virtual LoadResult SetContent(const nlohmann::json& doc, const std::string& lang) = 0;

  // Draws one frame into ctx.draw, reading this frame's input from ctx.input.
  virtual void Frame(const FrameContext& ctx) = 0;

  // The public state {"widget": kind, "selected": id|null, ...view state}: writes its members into the JSON
  // object `out` has open (the host opens and closes it, and may add members of its own).
  virtual void State(JsonWriter& out) const = 0;

  // Sets part of the state a reader can change (the keys State() reports, e.g. "selected", "therapy", "view",
  // "variant", "day", "playing"; null clears a selection). Checks every key and value first: on an unknown key,
  // an unknown id or a wrong type it returns false with `error` naming it and changes nothing. On success the
  // change is marked (the host then emits stemcell:change). "widget" may be given if it names this kind.
  virtual bool SetState(const nlohmann::json& partial, std::string* error) {
    (void)partial;
    *error = std::string("The ") + Kind() + " widget has no state that can be set.";
    return false;
  }

  // Synchronous, at event time: does the widget use this key / the wheel now? If not, it goes to the page.
  virtual bool UsesKey(Key key) const = 0;
  // The same for the key pressed with Shift held (e.g. the timeline's Shift+arrow: a day at a time). A widget
  // that gives Shift no meaning answers as for the key alone.
  virtual bool UsesShiftKey(Key key) const { return UsesKey(key); }
  virtual bool UsesWheel() const { return false; }
  // The same, knowing the direction (dy > 0: wheel up): a widget scrolling its own content takes the wheel only
  // while it can still scroll that way, so at the ends the page scrolls.
  virtual bool UsesWheel(float dx, float dy) const { (void)dx; (void)dy; return UsesWheel(); }

  // At touch start, synchronously: does a drag that starts at (x, y) (framebuffer px) belong to the widget —
  // it scrolls the widget's own content or moves one of its handles? If so the page does not scroll for that
  // gesture; anywhere else a touch drag scrolls the page as usual.
  virtual bool UsesDrag(float x, float y) const { (void)x; (void)y; return false; }

  // True while an animation runs: the host keeps drawing frames.
  virtual bool Animating() const { return false; }

  // True once after the selection or view state changed (the host then emits stemcell:change).
  bool TakeChanged() { bool c = changed_; changed_ = false; return c; }

  // A short sentence for the page's polite live region after a change ("Selected: red blood cell").
  virtual std::string Announcement() const { return std::string(); }

  // The same content as a small HTML tree for screen readers and the no-WebGL fallback (ui/dom.h), or none
  // (a Node without a tag, written as null).
  virtual dom::Node Dom() const { return {}; }

  // The loaded document (null before content): the host reads its theme (colours, text scale), its UI strings
  // in its language (the built-in English where it has none; the page chrome's words, scw_strings), its title
  // and the language it is shown in.
  virtual const content::Document* LoadedDocument() const { return nullptr; }

  // Screen readers (issue 13): the id of the item under the keyboard cursor ("" = none) and one spoken sentence
  // for it with its name, state and position ("Red blood cell, selected, 12 of 19"). The host emits a "cursor"
  // event whenever either changes while the canvas has focus; the loader speaks it in the live region.
  virtual std::string Cursor() const { return std::string(); }
  virtual std::string CursorText() const { return std::string(); }
  // What the live region says after a change (default: Announcement(); a played timeline: the phase name only).
  virtual std::string Spoken() const { return Announcement(); }

  // Presenter mode (issue 13): one step forward (dir > 0) or back through the widget's tour (the timeline's
  // phases, the cell diagram's lineages, the risk chart's risks). Marks the change and sets the announcement.
  // False when there is no further step that way (or the widget has no tour).
  virtual bool Step(int dir) { (void)dir; return false; }

 protected:
  void MarkChanged() { changed_ = true; }

 private:
  bool changed_ = false;
};

// Creates a widget by KIND (the value of data-stemcell-widget). nullptr for an unknown kind.
std::unique_ptr<Widget> CreateWidget(const std::string& kind);
// The kinds CreateWidget knows, for error messages.
std::vector<std::string> WidgetKinds();

}  // namespace scw
