// hsct_timeline_fixture.h — the timeline tests' shared steps (test_hsct_timeline.cpp, test_hsct_timeline_a11y.cpp):
// a timeline loaded and settled in a Harness, its widget, a key press.
#pragma once
#include <string>

#include "harness.h"
#include "hsct_timeline.h"

namespace scw::test::timeline {

inline HsctTimelineWidget* W(Harness& h, int id) {
  return dynamic_cast<HsctTimelineWidget*>(h.host->Find(id)->widget.get());
}

// A timeline of w x hgt CSS px at `dpr` with `data` ("" = the built-in content), settled.
inline int Load(Harness& h, float w, float hgt, const std::string& data = "", float dpr = 1) {
  const int id = h.Make("hsct-timeline", w, hgt, dpr);
  std::string err;
  REQUIRE(h.host->SetData(id, data, &err) == 0);
  h.Settle();
  return id;
}

// Presses and releases `k` (with Shift if asked), then settles.
inline void Press(Harness& h, int id, Key k, bool shift = false) {
  h.host->KeyEvent(id, k, true, shift);
  h.host->KeyEvent(id, k, false, shift);
  h.Settle();
}

}  // namespace scw::test::timeline
