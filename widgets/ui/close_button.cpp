// close_button.cpp — see close_button.h.
#include "ui/close_button.h"

namespace scw {

void CloseButton::Draw(ImDrawList* dl, const Rect& r, const Theme& th, float s, bool focused) {
  if (r.w <= 0) return;
  const ImVec2 m(r.x + r.w / 2, r.y + r.h / 2);
  dl->AddCircleFilled(m, 15 * s, th.surface_alt, 24);
  const float k = 5.5f * s;
  dl->AddLine(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), th.text, 2 * s);
  dl->AddLine(ImVec2(m.x - k, m.y + k), ImVec2(m.x + k, m.y - k), th.text, 2 * s);
  if (focused) DrawFocusRing(dl, Rect{m.x - 15 * s, m.y - 15 * s, 30 * s, 30 * s}, 15 * s, th, s);
}

}  // namespace scw
