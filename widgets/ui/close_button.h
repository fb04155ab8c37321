// close_button.h — the "×" that closes a detail panel or sheet. One size and look for every widget; the same
// rectangle is placed by the layout, hit-tested and drawn. (Escape and a second tap on the selection do the
// same thing; the button is for pointers and for readers who do not know that.)
//
//   L.close = CloseButton::Place(L.panel, s);               // layout: top-right corner of the panel
//   if (tapped && CloseButton::Hit(L.close, tap)) Clear();   // input
//   CloseButton::Draw(dl, L.close, th, s, focused);          // draw
#pragma once
#include <imgui.h>

#include "ui/draw.h"

namespace scw {

struct CloseButton {
  static constexpr float kSize = 40.0f;   // CSS px: the target (the drawn circle is smaller)
  static constexpr float kInset = 4.0f;   // CSS px from the container's top and right edges

  // The button's rectangle in the top-right corner of `container`.
  static Rect Place(const Rect& container, float scale) {
    const float k = kSize * scale, m = kInset * scale;
    return Rect{container.x + container.w - k - m, container.y + m, k, k};
  }
  static bool Hit(const Rect& r, ImVec2 p) { return r.w > 0 && r.Contains(p.x, p.y); }
  // A filled circle (surface_alt) with a 2 px "×" in the text colour; a focus ring when `focused`.
  static void Draw(ImDrawList* dl, const Rect& r, const Theme& th, float scale, bool focused);
};

}  // namespace scw
