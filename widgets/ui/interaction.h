// interaction.h — what every widget does the same way: keys, taps and clicks on items, a second tap or Escape
// to clear, arrow keys that move spatially between items, Home/End, and in-canvas buttons.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/draw.h"
#include "widget.h"

namespace scw {

bool KeyPressed(Key k);  // pressed this frame (a held key repeats as fresh presses from the platform)

// The pointer released this frame without having moved further than the tap tolerance (kTapSlopCss, 8 CSS px,
// ui/motion.h) since it went down: a click or a tap. `px` is FrameContext::px (framebuffer px per CSS px);
// `where` gets the press position (what hit tests use).
bool Tapped(float px, ImVec2* where);

struct NavItem {
  std::string id;
  Rect box;  // framebuffer px, as drawn this frame
};

// Keyboard cursor and selection over a list of items (in reading order).
class ItemNav {
 public:
  struct Result {
    bool selection_changed = false;
    bool cursor_moved = false;
  };
  // Applies this frame's keys and taps. `tap_consumed` is set when a tap landed on an item.
  Result Update(const std::vector<NavItem>& items, bool tapped, ImVec2 tap, bool keys_enabled);

  const std::string& selected() const { return selected_; }
  const std::string& cursor_id() const { return cursor_id_; }
  void Select(const std::string& id) { selected_ = id; cursor_id_ = id.empty() ? cursor_id_ : id; }
  void Clear() { selected_.clear(); }
  void SetCursor(const std::string& id) { cursor_id_ = id; }
  // Moves from `from` in direction (dx, dy) to the nearest item that lies that way; -1 if none.
  static int Spatial(const std::vector<NavItem>& items, int from, float dx, float dy);

 private:
  std::string selected_, cursor_id_;
};

// A button drawn in the canvas. Returns true when tapped this frame (the caller also handles Enter when focused).
struct ButtonStyle {
  Color fill, text, border;
  bool outline = false;
};
bool DrawButton(ImDrawList* dl, const Rect& r, const std::string& label, const ButtonStyle& st, float scale,
                bool focused_ring, const Theme& theme, bool tapped, ImVec2 tap);

}  // namespace scw
