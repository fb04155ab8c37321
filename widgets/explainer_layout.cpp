// explainer_layout.cpp — where the explainer's views go (see explainer.h). Pure geometry: no text is measured
// here (labels are shortened to their boxes when drawn), so tests can check it for any canvas.
#include <algorithm>
#include <cmath>

#include "explainer.h"

namespace scw {

namespace {
// In design px (framebuffer px / scale): a projector's larger text (the host's UI factor) needs the room too.
constexpr float kTwoFrom = 860;     // two columns from here
constexpr float kThreeFrom = 1400;  // three columns from here
}  // namespace

const char* ExplainerWidget::ModeName(Layout::Mode m) {
  switch (m) {
    case Layout::Single: return "single";
    case Layout::Tabs: return "tabs";
    case Layout::Two: return "two";
    case Layout::Three: return "three";
  }
  return "single";
}

ExplainerWidget::Layout ExplainerWidget::ComputeLayout(const bool present[kViewCount], float W, float H, float s,
                                                       float px) {
  Layout L;
  L.width = W;
  L.height = H;
  L.scale = s;
  std::vector<int> shown;
  for (int v = 0; v < kViewCount; ++v)
    if (present[v]) shown.push_back(v);
  if (shown.empty()) return L;
  (void)px;
  const float design_w = W / std::max(s, 0.01f);
  const float head_h = std::min(52 * s, std::max(0.0f, H * 0.25f));  // a tiny canvas still shows its view
  const float line = std::max(1.0f, std::round(1 * s));
  if (shown.size() == 1) {
    L.mode = Layout::Single;
    Column c;
    c.views = shown;
    c.pane = Rect{0, 0, W, H};
    L.columns.push_back(c);
    return L;
  }
  // The columns and the views each may show.
  std::vector<std::vector<int>> groups;
  std::vector<float> shares;
  if (design_w < kTwoFrom) {
    L.mode = Layout::Tabs;
    groups.push_back(shown);
    shares = {1};
  } else if (shown.size() == 2 || design_w < kThreeFrom) {
    L.mode = Layout::Two;
    groups.push_back({shown[0]});
    groups.push_back(std::vector<int>(shown.begin() + 1, shown.end()));
    // The cell diagram needs less width than the timeline or the chart; the others share evenly.
    shares = shown[0] == kCells ? std::vector<float>{0.40f, 0.60f} : std::vector<float>{0.5f, 0.5f};
  } else {
    L.mode = Layout::Three;
    for (int v : shown) groups.push_back({v});
    shares = {0.30f, 0.38f, 0.32f};  // the timeline runs across: it gets the most
  }
  float x = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    Column c;
    c.views = groups[i];
    const float right = i + 1 == groups.size() ? W : std::round(x + W * shares[i]);
    c.head = Rect{x, 0, right - x, head_h};
    c.pane = Rect{x, head_h, right - x, H - head_h};
    if (i + 1 < groups.size()) {
      // A hairline between columns, taken from this column's right edge.
      c.head.w -= line;
      c.pane.w -= line;
      L.dividers.push_back(Rect{right - line, 0, line, H});
    }
    L.columns.push_back(c);
    x = right;
  }
  // The tabs: a segmented control filling the column's head (inset), or one heading per single-view column.
  const float pad = std::min(12 * s, head_h * 0.2f), seg_h = std::max(0.0f, std::min(36 * s, head_h - 2 * pad));
  for (size_t ci = 0; ci < L.columns.size(); ++ci) {
    const Column& c = L.columns[ci];
    const float y = c.head.y + (c.head.h - seg_h) / 2;
    if (c.views.size() == 1) {
      Tab t;
      t.view = c.views[0];
      t.column = (int)ci;
      t.box = Rect{c.head.x + pad, y, std::max(0.0f, c.head.w - 2 * pad), seg_h};
      L.tabs.push_back(t);
      continue;
    }
    const float total = std::max(0.0f, c.head.w - 2 * pad);
    const float seg_w = std::floor(total / c.views.size());
    for (size_t k = 0; k < c.views.size(); ++k) {
      Tab t;
      t.view = c.views[k];
      t.column = (int)ci;
      t.box = Rect{c.head.x + pad + k * seg_w, y, k + 1 == c.views.size() ? total - k * seg_w : seg_w, seg_h};
      L.tabs.push_back(t);
    }
  }
  return L;
}

}  // namespace scw
