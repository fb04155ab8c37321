// cell_diagram_layout.cpp — the cell diagram's pure layout (see cell_diagram.h, cell_diagram_parts.h): layers
// over the "becomes" graph, node sizes that fit the canvas, chips, legend, panel and footer rectangles.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <imgui.h>

#include "cell_diagram_parts.h"
#include "ui/close_button.h"
#include "ui/sort.h"

namespace scw {
namespace cell_diagram {

using content::Document;

int CategoryIndex(const std::string& key) {
  for (int i = 0; i < kNumCategories; ++i)
    if (key == kCategories[i].key) return i;
  return kNumCategories - 1;
}

Graph BuildGraph(const Document& d) {
  const int n = (int)d.cell_types.size();
  std::map<std::string, int> index;
  for (int i = 0; i < n; ++i) index[d.cell_types[i].id] = i;
  Graph g;
  g.kids.resize(n);
  g.parents.resize(n);
  g.reprog_from.resize(n);
  g.reprog_to.resize(n);
  g.eng_from.resize(n);
  g.eng_to.resize(n);
  for (int i = 0; i < n; ++i) {
    for (const auto& id : d.cell_types[i].becomes) {
      auto it = index.find(id);
      if (it == index.end() || it->second == i) continue;
      g.kids[i].push_back(it->second);
      g.parents[it->second].push_back(i);
    }
    for (const auto& id : d.cell_types[i].reprogrammed_from) {
      auto it = index.find(id);
      if (it == index.end() || it->second == i) continue;
      g.reprog_from[i].push_back(it->second);  // i is reprogrammed from it
      g.reprog_to[it->second].push_back(i);
    }
    for (const auto& id : d.cell_types[i].engineered_from) {
      auto it = index.find(id);
      if (it == index.end() || it->second == i) continue;
      g.eng_from[i].push_back(it->second);  // i is engineered from it
      g.eng_to[it->second].push_back(i);
    }
  }
  return g;
}

// Points along a cubic Bézier.
ImVec2 Bezier(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, float t) {
  const float u = 1 - t;
  const float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
  return ImVec2(w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y);
}

Curve EdgeCurve(const CellDiagramWidget::Node& a, const CellDiagramWidget::Node& b, float dy_scroll) {
  Curve c;
  if (b.layer > a.layer) {
    c.p0 = ImVec2(a.centre.x, a.box.y + a.box.h - dy_scroll);
    c.p3 = ImVec2(b.centre.x, b.box.y - dy_scroll);
    if (b.box.y > b.layer_top + 1) {  // come down between the cells of the rows above
      c.tail = b.box.y - b.layer_top + 4;
      c.p3.y -= c.tail;
    }
  } else if (b.layer < a.layer) {
    c.p0 = ImVec2(a.centre.x, a.box.y - dy_scroll);
    c.p3 = ImVec2(b.centre.x, b.box.y + b.box.h - dy_scroll);
  } else {
    c.p0 = ImVec2(a.centre.x, a.box.y - dy_scroll);
    c.p3 = ImVec2(b.centre.x, b.box.y - dy_scroll);
    const float lift = std::max(20.0f, std::fabs(c.p3.x - c.p0.x) * 0.25f);
    c.p1 = ImVec2(c.p0.x, c.p0.y - lift);
    c.p2 = ImVec2(c.p3.x, c.p3.y - lift);
    return c;
  }
  const float dy = (c.p3.y - c.p0.y) * 0.5f;
  c.p1 = ImVec2(c.p0.x, c.p0.y + dy);
  c.p2 = ImVec2(c.p3.x, c.p3.y - dy);
  return c;
}

}  // namespace cell_diagram

namespace {

using namespace cell_diagram;
using content::Document;

float Lerp(float a, float b, float t) { return a + (b - a) * t; }

// Longest-path layers over "becomes"; cells that become nothing sit in the bottom layer with the mature cells.
std::vector<int> AssignLayers(const Document& d, const Graph& g, int* count) {
  const int n = (int)d.cell_types.size();
  std::vector<int> depth(n, 0), indeg(n, 0), queue;
  for (int i = 0; i < n; ++i) indeg[i] = (int)g.parents[i].size();
  for (int i = 0; i < n; ++i)
    if (indeg[i] == 0) queue.push_back(i);
  for (size_t q = 0; q < queue.size(); ++q) {
    const int u = queue[q];
    for (int k : g.kids[u]) {
      depth[k] = std::max(depth[k], depth[u] + 1);
      if (--indeg[k] == 0) queue.push_back(k);
    }
  }  // cells left in a cycle (the loader refuses those) keep depth 0
  int maxd = 0;
  for (int v : depth) maxd = std::max(maxd, v);
  for (int i = 0; i < n; ++i) {
    if (!g.kids[i].empty()) continue;
    const std::string& c = d.cell_types[i].category;
    const bool specialised = c == "mature" || c == "derived";
    if (!g.parents[i].empty() || specialised || !g.reprog_to[i].empty() || !g.eng_from[i].empty()) depth[i] = maxd;
  }
  std::vector<int> used(maxd + 1, 0);
  for (int v : depth) used[v] = 1;
  std::vector<int> remap(maxd + 1, 0);
  int k = 0;
  for (int l = 0; l <= maxd; ++l) {
    remap[l] = k;
    k += used[l];
  }
  for (int& v : depth) v = remap[v];
  *count = std::max(1, k);
  return depth;
}

// Places ordered centres as close as possible to `desired` with at least `sep` between neighbours, inside
// [lo, hi] (pool-adjacent-violators on the shifted problem, then clamping that keeps the separation).
std::vector<float> PlaceRow(const std::vector<float>& desired, float sep, float lo, float hi) {
  const int n = (int)desired.size();
  struct Block { double sum; int count; };
  std::vector<Block> blocks;
  for (int i = 0; i < n; ++i) {
    blocks.push_back({desired[i] - i * sep, 1});
    while (blocks.size() > 1) {
      Block& b = blocks.back();
      Block& a = blocks[blocks.size() - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop_back();
    }
  }
  std::vector<float> x;
  for (const auto& b : blocks)
    for (int j = 0; j < b.count; ++j) x.push_back((float)(b.sum / b.count));
  for (int i = 0; i < n; ++i) x[i] += i * sep;
  for (int i = 0; i < n; ++i) x[i] = std::max(x[i], lo + i * sep);
  for (int i = 0; i < n; ++i) x[i] = std::min(x[i], hi - (n - 1 - i) * sep);
  return x;
}

struct Arrangement {
  std::vector<std::vector<int>> order;  // per layer, cells in order
  std::vector<float> x;                 // per cell
  std::vector<int> row_in_layer;        // per cell
  std::vector<int> rows;                // per layer
};

// Orders each layer by the mean position of its neighbours (a few sweeps down and up) and places it: a layer
// that fits in one row goes under its parents; a wider one wraps into balanced, centred rows.
Arrangement Arrange(const Graph& g, const std::vector<int>& layer, int layers, float left, float width, float node_w,
                    float gap) {
  const int n = (int)layer.size();
  Arrangement A;
  A.order.resize(layers);
  A.x.assign(n, left + width / 2);
  A.row_in_layer.assign(n, 0);
  A.rows.assign(layers, 1);
  for (int i = 0; i < n; ++i) A.order[layer[i]].push_back(i);
  const float slot = node_w + gap;
  const int per_row = std::max(1, (int)((width + gap) / slot));

  auto place = [&](int l, const std::vector<float>* desired) {
    auto& ord = A.order[l];
    const int m = (int)ord.size();
    if (m == 0) return;
    const int rows = (m + per_row - 1) / per_row;
    A.rows[l] = rows;
    if (rows == 1) {
      const float sep = (m * slot * 1.2f <= width) ? slot * 1.2f : slot;
      std::vector<float> want(m);
      for (int k = 0; k < m; ++k)
        want[k] = desired ? (*desired)[k] : left + width * (k + 0.5f) / m;
      auto xs = PlaceRow(want, sep, left + node_w / 2, left + width - node_w / 2);
      for (int k = 0; k < m; ++k) { A.x[ord[k]] = xs[k]; A.row_in_layer[ord[k]] = 0; }
      return;
    }
    const int cols = (m + rows - 1) / rows;  // balanced rows
    const float spacing = std::min(width / cols, slot * 1.35f);
    // Slots row by row; rows with fewer cells sit in the gaps of the row above, so arrows can come down
    // between the cells. Cells take the slots in order of x (zigzag), so a parent's children stay together.
    std::vector<std::pair<float, int>> slots;  // (x, row)
    for (int k = 0; k < m; ++k) {
      const int r = k / cols, c = k % cols;
      const int in_row = std::min(cols, m - r * cols);
      float x0 = left + width / 2 - (in_row - 1) * spacing / 2;
      if (in_row == cols && (r % 2) == 1 && cols * spacing + node_w <= width) x0 += spacing / 2;
      slots.push_back({x0 + c * spacing, r});
    }
    StableSortSmall(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (int k = 0; k < m; ++k) {
      A.x[ord[k]] = slots[k].first;
      A.row_in_layer[ord[k]] = slots[k].second;
    }
  };
  // Mean x of the neighbours on one side (above: dir < 0, below: dir > 0); NAN when there are none.
  auto key = [&](int i, int dir) {
    double sum = 0;
    int cnt = 0;
    auto add = [&](const std::vector<int>& v) {
      for (int j : v)
        if ((dir < 0 && layer[j] < layer[i]) || (dir > 0 && layer[j] > layer[i])) { sum += A.x[j]; ++cnt; }
    };
    add(g.parents[i]);
    add(g.kids[i]);
    add(g.reprog_from[i]);
    add(g.reprog_to[i]);
    add(g.eng_from[i]);
    add(g.eng_to[i]);
    return cnt ? (float)(sum / cnt) : NAN;
  };
  auto sweep = [&](int l, int dir) {
    auto& ord = A.order[l];
    std::vector<std::pair<float, int>> keyed;
    for (int k = 0; k < (int)ord.size(); ++k) {
      float kx = key(ord[k], dir);
      keyed.push_back({std::isnan(kx) ? A.x[ord[k]] : kx, ord[k]});
    }
    StableSortSmall(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<float> want;
    for (int k = 0; k < (int)keyed.size(); ++k) { ord[k] = keyed[k].second; want.push_back(keyed[k].first); }
    place(l, &want);
  };
  for (int l = 0; l < layers; ++l) place(l, nullptr);
  for (int it = 0; it < 2; ++it) {
    for (int l = 1; l < layers; ++l) sweep(l, -1);
    for (int l = layers - 2; l >= 0; --l) sweep(l, +1);
  }
  for (int l = 1; l < layers; ++l) sweep(l, -1);
  return A;
}

// Lines of a name: the whole name wrapped (labels wrap, they are never cut with "…"); nodes are as tall as the
// longest name needs, two lines at least.
std::vector<std::string> NameLines(const std::string& name, float width) {
  return WrapLines(FontRole::Small, name, width);
}

int MaxNameLines(const Document& doc, const std::vector<int>& cells, float width) {
  size_t most = 2;
  for (int i : cells) most = std::max(most, NameLines(doc.cell_types[i].name, width).size());
  return (int)most;
}

using Layout = CellDiagramWidget::Layout;
using Chip = CellDiagramWidget::Chip;
using Edge = CellDiagramWidget::Edge;
using LegendEntry = CellDiagramWidget::LegendEntry;
using Node = CellDiagramWidget::Node;

// What every layout step needs: the canvas (framebuffer px), the scale and the small text's line height.
struct Metrics {
  float W = 0, H = 0, s = 1;
  float pad = 0;             // canvas edge
  float compact = 1;         // 1, down to 0.5 on canvases narrower than 320 design px (200% zoom with large text)
  float small_lh = 0;        // line height of FontRole::Small
  float sw_w = 0, sw_h = 0;  // a legend swatch
};

// The widest of some lines of small text.
float LinesWidth(const std::vector<std::string>& lines) {
  float w = 0;
  for (const auto& l : lines) w = std::max(w, MeasureText(FontRole::Small, l).x);
  return w;
}

// Chips: a flow of "Show the cells used in" + "All" + each therapy, wrapping; a label too long for its line wraps
// (the filter label above the chips, a chip's name onto a second line), never cut. Returns the bottom of the flow.
float FlowChips(const Document& doc, const Metrics& m, Layout& L, float x0, float y0, float width) {
  const float s = m.s, lh = m.small_lh;
  float x = x0, y = y0;
  const float ch = 32 * s, cgap = 8 * s, cpad = 12 * s;
  if (doc.therapies.empty()) return y0;
  L.chip_label_lines = WrapLines(FontRole::Small, doc.String("therapyFilter"), width);
  const float lw = LinesWidth(L.chip_label_lines), lh_all = L.chip_label_lines.size() * lh;
  float row_h = ch;
  if (L.chip_label_lines.size() <= 1) {
    L.chip_label = Rect{x, y + (ch - lh) / 2, lw, lh};
    x += lw + 10 * s;
  } else {  // a label that wraps sits above the chips
    L.chip_label = Rect{x, y, lw, lh_all};
    y += lh_all + 6 * s;
  }
  auto add = [&](const std::string& id, const std::string& therapy, const std::string& name) {
    const float max_w = std::min(width, std::max(260 * s, width * 0.5f));
    std::vector<std::string> lines = WrapLines(FontRole::Small, name, max_w - 2 * cpad);
    const float w = LinesWidth(lines) + 2 * cpad;
    const float h = std::max(ch, lines.size() * lh + 10 * s);
    if (x + w > x0 + width + 0.5f && x > x0) { x = x0; y += row_h + cgap; row_h = ch; }
    L.chips.push_back(Chip{id, therapy, name, std::move(lines), Rect{x, y, w, h}});
    row_h = std::max(row_h, h);
    x += w + cgap;
  };
  add("therapy:all", "", doc.String("allTherapies"));
  for (const auto& t : doc.therapies) add("therapy:" + t.id, t.id, t.name);
  return y + row_h;
}

// Legend entries: each category present, then the two kinds of arrow (placed later).
void LegendEntries(const Document& doc, Layout& L) {
  std::set<std::string> cats;
  bool any_reprog = false, any_eng = false;
  for (const auto& c : doc.cell_types) {
    cats.insert(c.category);
    any_reprog |= !c.reprogrammed_from.empty();
    any_eng |= !c.engineered_from.empty();
  }
  for (int i = 0; i < kNumCategories; ++i)
    if (cats.count(kCategories[i].key))
      L.legend.push_back(LegendEntry{0, kCategories[i].key, doc.String(std::string("category_") + kCategories[i].key)});
  L.legend.push_back(LegendEntry{1, "", doc.String("canBecome")});
  if (any_reprog) L.legend.push_back(LegendEntry{2, "", doc.String("reprogrammedFrom")});
  if (any_eng) L.legend.push_back(LegendEntry{3, "", doc.String("engineeredFrom")});
}

// Regions: the scrolling view, the panel (side panel, or the bottom sheet when a cell is selected), its close
// button, the chips, and (wide) the footer. Returns the bottom of the chips.
float PlaceRegions(const Document& doc, const Metrics& m, bool selected, Layout& L) {
  const float W = m.W, H = m.H, s = m.s, pad = m.pad;
  float chips_bottom = 0;
  if (L.narrow) {
    // The sheet: about half the canvas, at least 200 design px, but never more than 70% of it (some of the
    // diagram stays in view above it, even at a large text scale).
    float sheet_h = selected ? std::max(std::min(H * 0.52f, H - 140 * s), std::min(H * 0.7f, 200 * s)) : 0;
    if (selected) {  // tall enough for the longest cell's name as the title and a line of text (a tiny canvas: all of it)
      const float ip = 16 * s * m.compact, text_w = W - 2 * ip - 6 * s;
      float title = 0;
      for (const auto& c : doc.cell_types) title = std::max(title, WrappedHeight(FontRole::Title, c.name, text_w));
      const Rect close = CloseButton::Place(Rect{0, 0, W, H}, s);
      const float need = close.y + close.h + title + CurrentFonts().Size(FontRole::Body) * 1.35f + ip;
      sheet_h = std::min(H, std::max(sheet_h, need));
      if (H - sheet_h < 3 * m.small_lh) sheet_h = H;  // no sliver of diagram above: the sheet covers it until closed
    }
    L.view = Rect{0, 0, W, H - sheet_h};
    if (selected) {
      L.panel = Rect{0, H - sheet_h, W, sheet_h};
      L.close = CloseButton::Place(L.panel, s);
    }
    chips_bottom = FlowChips(doc, m, L, pad, pad, W - 2 * pad);
  } else {
    chips_bottom = FlowChips(doc, m, L, pad, pad, W - 2 * pad);
    const float top = (doc.therapies.empty() ? pad : chips_bottom + 14 * s);
    const float pw = std::max(250 * s, std::min(380 * s, W * 0.26f));
    L.panel = Rect{W - pad - pw, top, pw, std::max(1.0f, H - top - pad)};
    if (selected) L.close = CloseButton::Place(L.panel, s);
    const float col_w = std::max(1.0f, W - 2 * pad - pw - 20 * s);
    L.footer_lines = WrapLines(FontRole::Small, doc.String("disclaimer"), col_w);
    const float fh = L.footer_lines.size() * m.small_lh;
    L.footer = Rect{pad, H - pad - fh, col_w, fh};
    L.view = Rect{pad - 6 * s, top, col_w + 12 * s, std::max(1.0f, L.footer.y - 8 * s - top)};
  }
  return chips_bottom;
}

// The node size chosen for the diagram, and the arrangement at that size.
struct Sizing {
  Arrangement A;
  float nw = 0, r = 0, lgap = 0, total = 0;  // node width, glyph radius, layer gap, height
  std::vector<float> nh;                      // node height per layer (its longest name's lines)
  float row_gap = 0;                                 // between the rows of a wrapped layer
};

// Of the node sizes that fit avail_h, the one with the fewest wrapped rows, then names on two lines at most (a
// node is widened up to 1.6× rather than give a name a third line), then the largest; none fits: the smallest (the
// view then scrolls). Names are never cut: where one needs more lines, the nodes are that much taller.
Sizing SizeNodes(const Document& doc, const Graph& g, const std::vector<int>& layer, int layers, float dx, float dw,
                 float avail_h, const Metrics& m) {
  const float s = m.s;
  const float hgap = 8 * s;
  const float widen[] = {1.0f, 1.3f, 1.6f};
  Sizing z;
  z.row_gap = 8 * s;
  const int steps = 8;
  int best_step = steps, best_f = 0, best_rows = 1 << 30, best_extra = 1 << 30;
  bool best_broken = true;
  float longest_word = 0;  // a node narrower than a name's longest word would break the word: the last resort
  for (const auto& c : doc.cell_types)
    for (size_t a = 0, b; a < c.name.size(); a = b + 1) {
      b = std::min(c.name.find(' ', a), c.name.size());
      longest_word = std::max(longest_word, MeasureText(FontRole::Small, c.name.substr(a, b - a)).x);
    }
  int fallback_f = -1;  // none fits: the smallest size, widened only as far as its words need
  std::vector<std::vector<int>> by_layer(layers);  // (the cells of a layer do not depend on their order)
  for (int i = 0; i < (int)layer.size(); ++i) by_layer[layer[i]].push_back(i);
  auto width = [&](int step, int f) { return std::min(dw, Lerp(80, 116, 1.0f - (float)step / steps) * s * widen[f]); };
  auto name_lines = [&](float nw) {
    int most = 2;
    for (const auto& cells : by_layer) most = std::max(most, MaxNameLines(doc, cells, nw - 4 * s));
    return most;
  };
  auto measure = [&](int step, int f, int* rows_out, int* lines_out) {
    const float t = 1.0f - (float)step / steps;
    z.nw = width(step, f);
    z.r = Lerp(15, 23, t) * s;
    z.lgap = Lerp(22, 52, t) * s;
    z.A = Arrange(g, layer, layers, dx, dw, z.nw, hgap);
    int rows = 0;
    *lines_out = 2;
    z.nh.assign(layers, 0);
    z.total = (layers - 1) * z.lgap;
    for (int l = 0; l < layers; ++l) {
      const int lines = MaxNameLines(doc, z.A.order[l], z.nw - 4 * s);
      *lines_out = std::max(*lines_out, lines);
      z.nh[l] = 2 * z.r + 6 * s + lines * m.small_lh;
      rows += z.A.rows[l];
      z.total += z.A.rows[l] * z.nh[l] + (z.A.rows[l] - 1) * z.row_gap;
    }
    *rows_out = rows;
    return z.total <= avail_h;
  };
  for (int step = 0; step <= steps; ++step) {
    int prev_lines = 1 << 30;
    for (int f = 0; f < 3; ++f) {
      if (f > 0 && name_lines(width(step, f)) >= prev_lines && longest_word <= width(step, f - 1) - 4 * s)
        continue;  // wider without fewer lines or a word less broken: no gain
      int rows = 0, lines = 2;
      const bool fits = measure(step, f, &rows, &lines);
      const int extra = std::max(0, lines - 2);
      const bool broken = longest_word > z.nw - 4 * s + 0.5f;
      prev_lines = lines;
      if (fits && std::make_tuple(broken, rows, extra) < std::make_tuple(best_broken, best_rows, best_extra)) {
        best_broken = broken; best_rows = rows; best_extra = extra; best_step = step; best_f = f;
      }
      if (step == steps && fallback_f < 0 && (!broken || f == 2)) fallback_f = f;
      if ((lines <= 2 && !broken) || z.nw >= dw) break;  // no need (or no room) to widen
    }
  }
  if (best_rows == (1 << 30) && fallback_f > 0) best_f = fallback_f;
  int rows_unused = 0, lines_unused = 0;
  measure(best_step, best_f, &rows_unused, &lines_unused);
  return z;
}

// Nodes in reading order (layer, row, left to right), each with its wrapped name; then the edges between them.
void PlaceNodes(const Document& doc, const Graph& g, const Sizing& z, int layers, float y0, const Metrics& m,
                Layout& L) {
  const float s = m.s, nw = z.nw, r = z.r, small_lh = m.small_lh;
  const Arrangement& A = z.A;
  std::vector<float> layer_y(layers, 0);
  {
    float y = y0;
    for (int l = 0; l < layers; ++l) {
      layer_y[l] = y;
      y += A.rows[l] * z.nh[l] + (A.rows[l] - 1) * z.row_gap + z.lgap;
    }
  }
  std::vector<int> node_of(doc.cell_types.size(), -1);
  int row_base = 0;
  for (int l = 0; l < layers; ++l) {
    std::vector<int> ord = A.order[l];
    StableSortSmall(ord.begin(), ord.end(), [&](int a, int b) {
      if (A.row_in_layer[a] != A.row_in_layer[b]) return A.row_in_layer[a] < A.row_in_layer[b];
      return A.x[a] < A.x[b];
    });
    for (int i : ord) {
      Node n;
      n.cell = i;
      n.layer = l;
      n.row = row_base + A.row_in_layer[i];
      const float top = layer_y[l] + A.row_in_layer[i] * (z.nh[l] + z.row_gap);
      n.box = Rect{A.x[i] - nw / 2, top, nw, z.nh[l]};
      n.layer_top = layer_y[l];
      n.r = r;
      n.centre = ImVec2(A.x[i], top + 2 * s + r);
      n.lines = NameLines(doc.cell_types[i].name, nw - 4 * s);
      float ly = top + 2 * r + 5 * s;
      for (const auto& line : n.lines) {
        const float lw = std::min(MeasureText(FontRole::Small, line).x, nw);
        n.line_boxes.push_back(Rect{A.x[i] - lw / 2, ly, lw, small_lh});
        ly += small_lh;
      }
      node_of[i] = (int)L.nodes.size();
      L.nodes.push_back(std::move(n));
    }
    row_base += A.rows[l];
  }
  for (int i = 0; i < (int)doc.cell_types.size(); ++i) {
    for (int k : g.kids[i]) L.edges.push_back(Edge{node_of[i], node_of[k], false});
    for (int k : g.reprog_from[i]) L.edges.push_back(Edge{node_of[k], node_of[i], true, false});
    for (int k : g.eng_from[i]) L.edges.push_back(Edge{node_of[k], node_of[i], false, true});
  }
}

// A label on the first reprogramming arrow, where it overlaps no node (none where there is no room: the legend
// explains the dashed arrow).
void PlaceReprogLabel(const Document& doc, const Metrics& m, Layout& L) {
  const float s = m.s;
  for (int e = 0; e < (int)L.edges.size() && L.reprog_label.w == 0; ++e) {
    if (!L.edges[e].reprogramming) continue;
    const Curve c = EdgeCurve(L.nodes[L.edges[e].from], L.nodes[L.edges[e].to], 0);
    const std::string text = doc.String("reprogrammedFrom");
    const ImVec2 ts = MeasureText(FontRole::Small, text);
    const float lw = ts.x + 12 * s, lh = ts.y + 6 * s;
    for (float t : {0.5f, 0.4f, 0.6f, 0.3f, 0.7f, 0.25f, 0.75f}) {
      const ImVec2 p = Bezier(c.p0, c.p1, c.p2, c.p3, t);
      bool ok = false;
      for (float side : {0.0f, 1.0f, -1.0f}) {
        Rect box{p.x - lw / 2 + side * (lw / 2 + 6 * s), p.y - lh / 2, lw, lh};
        Rect area{L.diagram.x - 6 * s, L.diagram.y, L.diagram.w + 12 * s, L.diagram.h};
        if (!box.Inside(area)) continue;
        bool clash = false;
        for (const auto& n : L.nodes) clash |= box.Overlaps(n.box);
        if (clash) continue;
        L.reprog_label = box;
        L.reprog_label_edge = e;
        ok = true;
        break;
      }
      if (ok) break;
    }
  }
}

// Narrow: below the diagram (from y), the legend as a flow, then the disclaimer; all of it scrolls.
void PlaceLegendNarrow(const Document& doc, const Metrics& m, float y, Layout& L) {
  const float s = m.s, W = m.W, pad = m.pad, small_lh = m.small_lh, sw_w = m.sw_w, sw_h = m.sw_h;
  const float lx = pad, lwid = W - 2 * pad;
  L.legend_heading = Rect{lx, y, lwid, CurrentFonts().Size(FontRole::Strong) * 1.35f};
  y += L.legend_heading.h + 6 * s;
  float x = lx, row_h = std::max(sw_h, small_lh);
  const float beside = std::max(1.0f, lwid - sw_w - 8 * s);
  for (auto& e : L.legend) {  // entries flow; one too long for the width wraps onto more lines beside its swatch
    bool stack = false;        // a word wider than the room beside the swatch: the text goes under it
    for (size_t a = 0, b; a < e.label.size(); a = b + 1) {
      b = std::min(e.label.find(' ', a), e.label.size());
      stack |= MeasureText(FontRole::Small, e.label.substr(a, b - a)).x > beside;
    }
    if (stack) {
      if (x > lx) { y += row_h + 8 * s; x = lx; }
      e.lines = WrapLines(FontRole::Small, e.label, lwid);
      const float th = e.lines.size() * small_lh;
      e.swatch = Rect{lx, y, sw_w, sw_h};
      e.text = Rect{lx, y + sw_h + 4 * s, LinesWidth(e.lines), th};
      y += sw_h + 4 * s + th + 8 * s;
      row_h = std::max(sw_h, small_lh);
      continue;
    }
    e.lines = WrapLines(FontRole::Small, e.label, beside);
    const float tw = LinesWidth(e.lines), th = e.lines.size() * small_lh;
    const float w = sw_w + 8 * s + tw, eh = std::max(sw_h, th);
    if (x + w > lx + lwid + 0.5f && x > lx) { x = lx; y += row_h + 8 * s; row_h = std::max(sw_h, small_lh); }
    e.swatch = Rect{x, y + (eh - sw_h) / 2, sw_w, sw_h};
    e.text = Rect{x + sw_w + 8 * s, y + (eh - th) / 2, tw, th};
    row_h = std::max(row_h, eh);
    x += w + 16 * s;
  }
  y += row_h + 18 * s;
  L.footer_lines = WrapLines(FontRole::Small, doc.String("disclaimer"), lwid);
  L.footer = Rect{lx, y, lwid, L.footer_lines.size() * small_lh};
  L.content_h = L.footer.y + L.footer.h + pad - L.view.y;
}

// Wide: the legend is drawn in the side panel, rows of swatch + wrapped text (positions relative to the row).
void PlaceLegendWide(const Metrics& m, Layout& L) {
  const float s = m.s, sw_w = m.sw_w, sw_h = m.sw_h;
  const float tw = L.panel.w - 2 * 16 * s - sw_w - 10 * s;
  for (auto& e : L.legend) {
    e.lines = WrapLines(FontRole::Small, e.label, std::max(20 * s, tw));
    e.swatch = Rect{0, 0, sw_w, sw_h};
    e.text = Rect{sw_w + 10 * s, 0, tw, e.lines.size() * m.small_lh};
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Layout

CellDiagramWidget::Layout CellDiagramWidget::ComputeLayout(const Document& doc, bool selected, float W, float H,
                                                           float s) {
  Layout L;
  L.width = W;
  L.height = H;
  L.scale = s;
  L.narrow = W / s < kNarrowBelow;
  Metrics m;
  m.W = W;
  m.H = H;
  m.s = s;
  m.compact = std::max(0.5f, std::min(1.0f, W / s / 320));
  m.pad = (L.narrow ? 12 : 20) * s * m.compact;
  L.panel_pad = 16 * s * m.compact;
  m.small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
  m.sw_w = 30 * s;
  m.sw_h = 22 * s;
  const float pad = m.pad;

  LegendEntries(doc, L);
  const float chips_bottom = PlaceRegions(doc, m, selected, L);

  // The diagram: choose the largest node size that fits; below the minimum, the view scrolls.
  const Graph g = BuildGraph(doc);
  int layers = 1;
  const std::vector<int> layer = AssignLayers(doc, g, &layers);
  L.layers = layers;
  const float dx = L.narrow ? pad : L.view.x + 6 * s;
  const float dw = L.narrow ? W - 2 * pad : L.view.w - 12 * s;
  const float dtop = L.narrow ? chips_bottom + (doc.therapies.empty() ? 0 : 18 * s) : L.view.y + 8 * s;
  const float avail_h = L.narrow ? std::max(1.0f, L.view.h - dtop - pad) : L.view.h - 16 * s;
  const Sizing z = SizeNodes(doc, g, layer, layers, dx, dw, avail_h, m);
  L.node_w = z.nw;
  L.glyph_r = z.r;
  float y0 = dtop;
  if (!L.narrow && z.total < avail_h) y0 += (avail_h - z.total) / 2;  // centred when it fits
  L.diagram = Rect{dx, y0, dw, z.total};
  PlaceNodes(doc, g, z, layers, y0, m, L);
  PlaceReprogLabel(doc, m, L);

  if (L.narrow) {
    PlaceLegendNarrow(doc, m, y0 + z.total + 22 * s, L);
  } else {
    PlaceLegendWide(m, L);
    L.content_h = (y0 + z.total + 8 * s) - L.view.y;
  }
  return L;
}

}  // namespace scw
