// segmented.h — a segmented control (a switch between two or more views or variants): one set of rectangles
// that the layout makes, the hit test reads and the drawing uses.
//
//   SegmentedControl seg;                                        // in the widget's Layout (pure, testable)
//   seg.LayoutFitted(x, y, h, max_w, names, FontRole::Strong, s) // or LayoutEqual(...)
//   int i = seg.HitTest(tap.x, tap.y);                           // -1: not on it
//   seg.Draw(dl, selected, focused_index, th, s);                // focused_index -1: no focus ring
//
// Keyboard: where the control is a stop of its own, KeyStep() moves the cursor (Left/Right/Home/End) and
// Enter/Space choose it (KeyActivate()). Widgets whose control shares a row of stops with other buttons move the
// cursor themselves and use the same rectangles for the focus ring.
//
// Looks (one set for every widget): a rounded track (surface_alt, 1 px border), the chosen segment filled with
// the accent inside a 3 px inset; labels centred, on one line or two ('\n'), shortened with "…" when too wide.
#pragma once
#include <string>
#include <vector>

#include "ui/draw.h"

namespace scw {

class SegmentedControl {
 public:
  std::vector<Rect> segments;       // one per option, left to right, touching (framebuffer px)
  std::vector<std::string> labels;  // what each shows; '\n' separates two lines
  FontRole role = FontRole::Strong;

  static constexpr float kLabelPad = 32.0f;  // CSS px of air around a label in a fitted segment

  // Each segment as wide as its label + kLabelPad; when they do not fit in max_w, every segment gets an equal
  // share and its label is shortened with "…".
  void LayoutFitted(float x, float y, float h, float max_w, const std::vector<std::string>& texts, FontRole r,
                    float scale);
  // `area` split into equal segments; labels as given (wrap them first if they need two lines).
  void LayoutEqual(const Rect& area, const std::vector<std::string>& texts, FontRole r);

  int Count() const { return (int)segments.size(); }
  Rect Bounds() const;  // the whole track
  int HitTest(float x, float y) const;
  // Where the chosen fill and the focus ring go in segment i.
  Rect Inner(int i, float scale) const;

  // Left/Right/Home/End from `cursor` (clamped, no wrap); returns the new cursor.
  int KeyStep(int cursor) const;
  static bool KeyActivate();  // Enter or Space this frame

  void Draw(ImDrawList* dl, int selected, int focused, const Theme& th, float scale) const;
};

}  // namespace scw
