// cell_diagram.cpp — see cell_diagram.h.
#include "cell_diagram.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <imgui.h>

#include "ui/input.h"
#include "ui/sort.h"

namespace scw {
namespace {

using content::CellType;
using content::Document;

constexpr float kNarrowBelow = 620;   // design px: narrower canvases stack the panel under the diagram
constexpr float kFadeSeconds = 0.2f;  // emphasis fade (none with reduced motion)
constexpr float kPi = 3.14159265f;

// Potency groups: colour from the theme's Okabe–Ito series AND a distinct outline shape.
enum Shape { kDoubleCircle, kCircle, kDashedCircle, kDiamond, kHexagon, kRoundSquare };
struct Category { const char* key; int series; Shape shape; };
constexpr Category kCategories[] = {
    {"pluripotent", 3, kDoubleCircle}, {"adult", 0, kCircle},   {"induced", 4, kDashedCircle},
    {"stromal", 2, kDiamond},          {"derived", 1, kHexagon}, {"mature", 7, kRoundSquare},
};
constexpr int kNumCategories = 6;

int CategoryIndex(const std::string& key) {
  for (int i = 0; i < kNumCategories; ++i)
    if (key == kCategories[i].key) return i;
  return kNumCategories - 1;
}

float Lerp(float a, float b, float t) { return a + (b - a) * t; }

// The "becomes" graph with reprogramming links, by cell index.
struct Graph {
  std::vector<std::vector<int>> kids, parents, reprog_from, reprog_to;
};

Graph BuildGraph(const Document& d) {
  const int n = (int)d.cell_types.size();
  std::map<std::string, int> index;
  for (int i = 0; i < n; ++i) index[d.cell_types[i].id] = i;
  Graph g;
  g.kids.resize(n);
  g.parents.resize(n);
  g.reprog_from.resize(n);
  g.reprog_to.resize(n);
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
  }
  return g;
}

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
    if (!g.parents[i].empty() || specialised || !g.reprog_to[i].empty()) depth[i] = maxd;
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

// Lines of a name: two at most, the second ellipsized.
std::vector<std::string> NameLines(const std::string& name, float width) {
  auto lines = WrapLines(FontRole::Small, name, width);
  if (lines.size() <= 2) return lines;
  std::string rest;
  // everything after the first line, re-joined, then shortened
  size_t first = lines[0].size();
  rest = name.substr(std::min(first, name.size()));
  while (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  return {lines[0], Ellipsize(FontRole::Small, rest, width)};
}

// Points along a cubic Bézier.
ImVec2 Bezier(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, float t) {
  const float u = 1 - t;
  const float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
  return ImVec2(w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y);
}

struct Curve {
  ImVec2 p0, p1, p2, p3;
  float tail = 0;  // > 0: a straight drop of this length after p3 (into a lower row of a wrapped layer)
};

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
  const float pad = (L.narrow ? 12 : 20) * s;
  const float small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;

  // Chips: a flow of "Show the cells used in" + "All" + each therapy, wrapping.
  auto flow_chips = [&](float x0, float y0, float width) {
    float x = x0, y = y0;
    const float ch = 32 * s, cgap = 8 * s;
    if (doc.therapies.empty()) return y0;
    const std::string label = Ellipsize(FontRole::Small, doc.String("therapyFilter"), width);
    const ImVec2 ls = MeasureText(FontRole::Small, label);
    L.chip_label = Rect{x, y + (ch - ls.y) / 2, ls.x, ls.y};
    x += ls.x + 10 * s;
    auto add = [&](const std::string& id, const std::string& therapy, const std::string& name) {
      const float max_w = std::min(width, 260 * s);
      const std::string text = Ellipsize(FontRole::Small, name, max_w - 24 * s);
      const float w = MeasureText(FontRole::Small, text).x + 24 * s;
      if (x + w > x0 + width + 0.5f && x > x0) { x = x0; y += ch + cgap; }
      L.chips.push_back(Chip{id, therapy, text, Rect{x, y, w, ch}});
      x += w + cgap;
    };
    add("therapy:all", "", doc.String("allTherapies"));
    for (const auto& t : doc.therapies) add("therapy:" + t.id, t.id, t.name);
    return y + ch;
  };

  // Legend entries: each category present, then the two kinds of arrow.
  std::set<std::string> cats;
  bool any_reprog = false;
  for (const auto& c : doc.cell_types) {
    cats.insert(c.category);
    any_reprog |= !c.reprogrammed_from.empty();
  }
  for (int i = 0; i < kNumCategories; ++i)
    if (cats.count(kCategories[i].key))
      L.legend.push_back(LegendEntry{0, kCategories[i].key, doc.String(std::string("category_") + kCategories[i].key)});
  L.legend.push_back(LegendEntry{1, "", doc.String("canBecome")});
  if (any_reprog) L.legend.push_back(LegendEntry{2, "", doc.String("reprogrammedFrom")});
  const float sw_w = 30 * s, sw_h = 22 * s;  // swatch box

  // Regions.
  float chips_bottom = 0;
  if (L.narrow) {
    const float sheet_h = selected ? std::max(std::min(H * 0.52f, H - 140 * s), std::min(H, 200 * s)) : 0;
    L.view = Rect{0, 0, W, H - sheet_h};
    if (selected) {
      L.panel = Rect{0, H - sheet_h, W, sheet_h};
      L.close = Rect{W - 44 * s - 4 * s, L.panel.y + 4 * s, 44 * s, 40 * s};
    }
    chips_bottom = flow_chips(pad, pad, W - 2 * pad);
  } else {
    chips_bottom = flow_chips(pad, pad, W - 2 * pad);
    const float top = (doc.therapies.empty() ? pad : chips_bottom + 14 * s);
    const float pw = std::max(250 * s, std::min(380 * s, W * 0.26f));
    L.panel = Rect{W - pad - pw, top, pw, std::max(1.0f, H - top - pad)};
    if (selected) L.close = Rect{L.panel.x + L.panel.w - 44 * s - 4 * s, L.panel.y + 4 * s, 44 * s, 40 * s};
    const float col_w = std::max(1.0f, W - 2 * pad - pw - 20 * s);
    L.footer_lines = WrapLines(FontRole::Small, doc.String("disclaimer"), col_w);
    const float fh = L.footer_lines.size() * small_lh;
    L.footer = Rect{pad, H - pad - fh, col_w, fh};
    L.view = Rect{pad - 6 * s, top, col_w + 12 * s, std::max(1.0f, L.footer.y - 8 * s - top)};
  }

  // The diagram: choose the largest node size that fits; below the minimum, the view scrolls.
  const Graph g = BuildGraph(doc);
  int layers = 1;
  const std::vector<int> layer = AssignLayers(doc, g, &layers);
  L.layers = layers;
  const float dx = L.narrow ? pad : L.view.x + 6 * s;
  const float dw = L.narrow ? W - 2 * pad : L.view.w - 12 * s;
  const float dtop = L.narrow ? chips_bottom + (doc.therapies.empty() ? 0 : 18 * s) : L.view.y + 8 * s;
  const float avail_h = L.narrow ? std::max(1.0f, L.view.h - dtop - pad) : L.view.h - 16 * s;
  const float hgap = 8 * s, row_gap = 12 * s;

  Arrangement A;
  float nw = 0, r = 0, lgap = 0, nh = 0, total = 0;
  const int steps = 8;
  // Of the sizes that fit, the one with the fewest wrapped rows, then the largest; none fits: the smallest.
  int best_step = steps, best_rows = 1 << 30;
  auto measure = [&](int step, int* rows_out) {
    const float t = 1.0f - (float)step / steps;
    nw = std::min(dw, Lerp(80, 116, t) * s);
    r = Lerp(15, 23, t) * s;
    lgap = Lerp(30, 52, t) * s;
    nh = 2 * r + 10 * s + 2 * small_lh;
    A = Arrange(g, layer, layers, dx, dw, nw, hgap);
    int rows = 0;
    for (int v : A.rows) rows += v;
    total = rows * nh + (rows - layers) * row_gap + (layers - 1) * lgap;
    *rows_out = rows;
    return total <= avail_h;
  };
  for (int step = 0; step <= steps; ++step) {
    int rows = 0;
    if (measure(step, &rows) && rows < best_rows) { best_rows = rows; best_step = step; }
  }
  int rows_unused = 0;
  measure(best_step, &rows_unused);
  L.node_w = nw;
  L.glyph_r = r;
  float y0 = dtop;
  if (!L.narrow && total < avail_h) y0 += (avail_h - total) / 2;  // centred when it fits
  L.diagram = Rect{dx, y0, dw, total};
  std::vector<float> layer_y(layers, 0);
  {
    float y = y0;
    for (int l = 0; l < layers; ++l) {
      layer_y[l] = y;
      y += A.rows[l] * nh + (A.rows[l] - 1) * row_gap + lgap;
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
      const float top = layer_y[l] + A.row_in_layer[i] * (nh + row_gap);
      n.box = Rect{A.x[i] - nw / 2, top, nw, nh};
      n.layer_top = layer_y[l];
      n.r = r;
      n.centre = ImVec2(A.x[i], top + 2 * s + r);
      n.lines = NameLines(doc.cell_types[i].name, nw - 4 * s);
      float ly = top + 2 * r + 8 * s;
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
    for (int k : g.reprog_from[i]) L.edges.push_back(Edge{node_of[k], node_of[i], true});
  }

  // A label on the first reprogramming arrow, where it overlaps no node.
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

  if (L.narrow) {
    // Below the diagram: the legend as a flow, then the disclaimer; all of it scrolls.
    float y = y0 + total + 22 * s;
    const float lx = pad, lwid = W - 2 * pad;
    L.legend_heading = Rect{lx, y, lwid, CurrentFonts().Size(FontRole::Strong) * 1.35f};
    y += L.legend_heading.h + 6 * s;
    float x = lx;
    const float eh = std::max(sw_h, small_lh);
    for (auto& e : L.legend) {
      const std::string text = Ellipsize(FontRole::Small, e.label, lwid - sw_w - 8 * s);
      const float w = sw_w + 8 * s + MeasureText(FontRole::Small, text).x;
      if (x + w > lx + lwid + 0.5f && x > lx) { x = lx; y += eh + 8 * s; }
      e.lines = {text};
      e.swatch = Rect{x, y + (eh - sw_h) / 2, sw_w, sw_h};
      e.text = Rect{x + sw_w + 8 * s, y + (eh - small_lh) / 2, w - sw_w - 8 * s, small_lh};
      x += w + 16 * s;
    }
    y += eh + 18 * s;
    L.footer_lines = WrapLines(FontRole::Small, doc.String("disclaimer"), lwid);
    L.footer = Rect{lx, y, lwid, L.footer_lines.size() * small_lh};
    L.content_h = L.footer.y + L.footer.h + pad - L.view.y;
  } else {
    // The legend is drawn in the side panel: rows of swatch + wrapped text (positions relative to the row).
    const float tw = L.panel.w - 2 * 16 * s - sw_w - 10 * s;
    for (auto& e : L.legend) {
      e.lines = WrapLines(FontRole::Small, e.label, std::max(20 * s, tw));
      e.swatch = Rect{0, 0, sw_w, sw_h};
      e.text = Rect{sw_w + 10 * s, 0, tw, e.lines.size() * small_lh};
    }
    L.content_h = (y0 + total + 8 * s) - L.view.y;
  }
  return L;
}

// ---------------------------------------------------------------------------------------------------------------
// Content and view state

void CellDiagramWidget::OnContent() {
  emph_.assign(doc_.cell_types.size(), 1.0f);
  if (!therapy_.empty() && !doc_.FindTherapy(therapy_)) therapy_.clear();
  if (!nav_.selected().empty() && !doc_.FindCell(nav_.selected())) nav_.Clear();
  scroll_ = 0;
  detail_.Reset();
  animating_ = false;
}

std::vector<int> CellDiagramWidget::Lineage(int cell) const {
  const Graph g = BuildGraph(doc_);
  std::vector<int> mark(doc_.cell_types.size(), 0), out;
  mark[cell] = 1;
  std::vector<int> stack = {cell};
  while (!stack.empty()) {  // ancestors
    int u = stack.back();
    stack.pop_back();
    for (int p : g.parents[u])
      if (!mark[p]) { mark[p] = 1; stack.push_back(p); }
  }
  stack = {cell};
  while (!stack.empty()) {  // descendants
    int u = stack.back();
    stack.pop_back();
    for (int k : g.kids[u])
      if (!mark[k]) { mark[k] = 1; stack.push_back(k); }
  }
  for (int k : g.reprog_from[cell]) mark[k] = 1;  // what it is reprogrammed from, and what it can be turned into
  for (int k : g.reprog_to[cell]) mark[k] = 1;
  for (int i = 0; i < (int)mark.size(); ++i)
    if (mark[i]) out.push_back(i);
  return out;
}

std::string CellDiagramWidget::CellNames(const std::vector<std::string>& ids) const {
  std::string out;
  for (const auto& id : ids) {
    const CellType* c = doc_.FindCell(id);
    if (!c) continue;
    if (!out.empty()) out += ", ";
    out += c->name;
  }
  return out;
}

void CellDiagramWidget::Announce() {
  const CellType* c = doc_.FindCell(nav_.selected());
  if (!c) {
    announcement_ = doc_.String("selectHint");
    return;
  }
  announcement_ = c->name + ". " + doc_.String("category_" + c->category) + ".";
  const std::string kids = CellNames(c->becomes);
  if (!kids.empty()) announcement_ += " " + doc_.String("canBecome") + ": " + kids + ".";
}

bool CellDiagramWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Up: case Key::Down:
    case Key::Home: case Key::End: case Key::Enter: case Key::Space: return true;
    case Key::Escape: return !nav_.selected().empty();
    case Key::PageUp: case Key::PageDown: return detail_.CanScroll() || main_can_scroll_;
    default: return false;
  }
}

void CellDiagramWidget::ScrollMain(float v, bool absolute) {
  const float max_off = std::max(0.0f, layout_.content_h - layout_.view.h);
  scroll_ = absolute ? v : scroll_ + v;
  scroll_ = std::max(0.0f, std::min(scroll_, max_off));
}

std::vector<CellDiagramWidget::PanelRow> CellDiagramWidget::PanelRows(const Layout& L, float width,
                                                                     const Theme& th) const {
  (void)width;
  std::vector<PanelRow> rows;
  auto text = [&](FontRole role, const std::string& t, Color col, float before) {
    if (t.empty()) return;
    rows.push_back(PanelRow{TextBlock{role, t, col, before}, -1});
  };
  const CellType* c = doc_.FindCell(nav_.selected());
  if (c) {
    text(FontRole::Title, c->name, th.text, 0);
    text(FontRole::Small, doc_.String("category_" + c->category), th.text_muted, 2);
    text(FontRole::Strong, doc_.String("whatItIs"), th.text, 14);
    text(FontRole::Body, c->long_text.empty() ? c->short_text : c->long_text, th.text, 2);
    if (!c->found_in.empty()) {
      text(FontRole::Strong, doc_.String("foundIn"), th.text, 12);
      text(FontRole::Body, c->found_in, th.text, 2);
    }
    const std::string kids = CellNames(c->becomes);
    if (!kids.empty()) {
      text(FontRole::Strong, doc_.String("canBecome"), th.text, 12);
      text(FontRole::Body, kids, th.text, 2);
    }
    std::vector<std::string> parents;
    for (const auto& o : doc_.cell_types)
      if (std::find(o.becomes.begin(), o.becomes.end(), c->id) != o.becomes.end()) parents.push_back(o.id);
    if (!parents.empty()) {
      text(FontRole::Strong, doc_.String("madeFrom"), th.text, 12);
      text(FontRole::Body, CellNames(parents), th.text, 2);
    }
    if (!c->reprogrammed_from.empty()) {
      text(FontRole::Strong, doc_.String("reprogrammedFrom"), th.text, 12);
      text(FontRole::Body, CellNames(c->reprogrammed_from), th.text, 2);
    }
    std::string used;
    for (const auto& t : doc_.therapies)
      if (std::find(t.cells.begin(), t.cells.end(), c->id) != t.cells.end()) used += (used.empty() ? "" : "\n") + ("• " + t.name);
    if (!c->therapy_role.empty() || !used.empty()) {
      text(FontRole::Strong, doc_.String("usedIn"), th.text, 12);
      text(FontRole::Body, c->therapy_role, th.text, 2);
      text(FontRole::Body, used, th.text, 4);
    }
    const std::string src = SourcesText(c->sources);
    if (!src.empty()) {
      text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 12);
      text(FontRole::Small, src, th.text_muted, 2);
    }
    return rows;
  }
  text(FontRole::Strong, doc_.String("selectHint"), th.text, 0);
  if (const content::Therapy* t = doc_.FindTherapy(therapy_)) {
    text(FontRole::Small, doc_.String("therapyFilter"), th.text_muted, 14);
    text(FontRole::Title, t->name, th.text, 2);
    text(FontRole::Strong, TherapyStatusText(doc_, *t), th.text, 2);
    text(FontRole::Body, t->short_text, th.text, 4);
    text(FontRole::Body, CellNames(t->cells), th.text, 4);
    const std::string src = SourcesText(t->sources);
    if (!src.empty()) {
      text(FontRole::Strong, doc_.String("sourcesHeading"), th.text, 10);
      text(FontRole::Small, src, th.text_muted, 2);
    }
  }
  if (!L.narrow) {
    text(FontRole::Strong, doc_.String("legendHeading"), th.text, 18);
    for (int i = 0; i < (int)L.legend.size(); ++i) rows.push_back(PanelRow{TextBlock{FontRole::Small, "", 0, 8}, i});
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing helpers

namespace {

struct Palette {
  Color stroke, fill, dark, light, bg;
};

void Ellipse(ImDrawList* dl, ImVec2 c, float a, float b, float angle, Color fill, Color stroke, float thick, int n = 28) {
  ImVec2 pts[40];
  n = std::min(n, 40);
  const float ca = std::cos(angle), sa = std::sin(angle);
  for (int i = 0; i < n; ++i) {
    const float t = 2 * kPi * i / n;
    const float x = a * std::cos(t), y = b * std::sin(t);
    pts[i] = ImVec2(c.x + x * ca - y * sa, c.y + x * sa + y * ca);
  }
  dl->AddConvexPolyFilled(pts, n, fill);
  if (thick > 0) dl->AddPolyline(pts, n, stroke, ImDrawFlags_Closed, thick);
}

// A cell drawn by its glyph, inside radius g.
void DrawGlyph(ImDrawList* dl, const std::string& glyph, ImVec2 c, float g, const Palette& p, float s) {
  const float lw = std::max(1.0f, 1.4f * s);
  auto cell = [&](float rad) {
    dl->AddCircleFilled(c, rad, p.light, 32);
    dl->AddCircle(c, rad, p.stroke, 32, lw);
  };
  auto at = [&](float fx, float fy) { return ImVec2(c.x + fx * g, c.y + fy * g); };
  if (glyph == "stem") {
    cell(g);
    dl->AddCircleFilled(at(0.05f, 0.03f), 0.6f * g, p.dark, 28);
    dl->AddCircleFilled(at(0.2f, -0.12f), 0.13f * g, p.light, 12);
  } else if (glyph == "progenitor") {
    cell(g);
    dl->AddCircleFilled(at(-0.18f, 0.02f), 0.46f * g, p.dark, 24);
    dl->AddCircleFilled(at(0.5f, -0.28f), 0.1f * g, p.dark, 10);
    dl->AddCircleFilled(at(0.52f, 0.22f), 0.1f * g, p.dark, 10);
    dl->AddCircleFilled(at(0.3f, 0.55f), 0.08f * g, p.dark, 10);
  } else if (glyph == "disc") {  // red cell: biconcave disc, lighter centre
    dl->AddCircleFilled(c, g, p.dark, 32);
    dl->AddCircleFilled(c, 0.5f * g, p.light, 24);
    dl->AddCircle(c, 0.5f * g, p.stroke, 24, lw * 0.8f);
    dl->AddCircle(c, g, p.stroke, 32, lw);
  } else if (glyph == "fragment") {  // platelets: small irregular pieces
    const float offs[3][2] = {{-0.45f, -0.25f}, {0.4f, -0.35f}, {0.05f, 0.42f}};
    const float radii[3] = {0.36f, 0.3f, 0.34f};
    for (int k = 0; k < 3; ++k) {
      ImVec2 pts[7];
      for (int i = 0; i < 7; ++i) {
        const float t = 2 * kPi * i / 7 + k;
        const float rr = radii[k] * g * (0.75f + 0.25f * std::sin(3.0f * t + k));
        pts[i] = ImVec2(c.x + offs[k][0] * g + rr * std::cos(t), c.y + offs[k][1] * g + rr * std::sin(t));
      }
      dl->AddConvexPolyFilled(pts, 7, p.dark);
      dl->AddPolyline(pts, 7, p.stroke, ImDrawFlags_Closed, lw * 0.8f);
    }
  } else if (glyph == "lobed") {  // neutrophil: multi-lobed nucleus
    cell(g);
    const ImVec2 lobes[3] = {at(-0.38f, 0.12f), at(0.0f, -0.2f), at(0.38f, 0.12f)};
    dl->AddPolyline(lobes, 3, p.dark, 0, 0.16f * g);
    for (const auto& l : lobes) dl->AddCircleFilled(l, 0.25f * g, p.dark, 16);
  } else if (glyph == "monocyte") {  // kidney-shaped nucleus
    cell(g);
    ImVec2 pts[24];
    int n = 0;
    for (int i = 0; i < 24; ++i) {  // a bean: a circle pushed in on one side
      const float t = 2 * kPi * i / 24;
      float rr = 0.55f * g;
      const float dent = std::cos(t);
      if (dent > 0.55f) rr *= 1.0f - 0.5f * (dent - 0.55f) / 0.45f;
      pts[n++] = ImVec2(c.x - 0.1f * g + rr * std::cos(t), c.y + rr * std::sin(t));
    }
    for (int i = 0; i < n; ++i) {  // drawn as a fan of triangles from the bean's centre (it is not convex)
      const ImVec2 o(c.x - 0.25f * g, c.y);
      dl->AddTriangleFilled(o, pts[i], pts[(i + 1) % n], p.dark);
    }
  } else if (glyph == "lymphocyte") {  // large round nucleus
    cell(g);
    dl->AddCircleFilled(at(0.06f, 0.04f), 0.74f * g, p.dark, 28);
  } else if (glyph == "spindle") {  // MSC / fibroblast: elongated
    Ellipse(dl, c, 1.1f * g, 0.42f * g, -0.5f, p.light, p.stroke, lw, 32);
    Ellipse(dl, c, 0.34f * g, 0.2f * g, -0.5f, p.dark, p.dark, 0, 20);
  } else if (glyph == "islet") {  // beta-cell cluster with granules
    const float offs[5][2] = {{0, 0}, {-0.5f, -0.32f}, {0.5f, -0.32f}, {-0.42f, 0.5f}, {0.42f, 0.5f}};
    for (int k = 4; k >= 0; --k) {
      const ImVec2 q = at(offs[k][0], offs[k][1]);
      dl->AddCircleFilled(q, 0.4f * g, p.light, 18);
      dl->AddCircle(q, 0.4f * g, p.stroke, 18, lw * 0.9f);
      dl->AddCircleFilled(ImVec2(q.x - 0.1f * g, q.y - 0.06f * g), 0.07f * g, p.dark, 8);
      dl->AddCircleFilled(ImVec2(q.x + 0.12f * g, q.y + 0.08f * g), 0.07f * g, p.dark, 8);
    }
  } else if (glyph == "embryo") {  // blastocyst: a ring of cells with an inner cell mass
    dl->AddCircleFilled(c, g, p.light, 32);
    for (int i = 0; i < 12; ++i) {
      const float t = 2 * kPi * i / 12;
      dl->AddCircleFilled(ImVec2(c.x + 0.86f * g * std::cos(t), c.y + 0.86f * g * std::sin(t)), 0.17f * g, p.dark, 10);
    }
    dl->AddCircleFilled(at(0.0f, -0.42f), 0.3f * g, p.dark, 16);
    dl->AddCircleFilled(at(-0.25f, -0.3f), 0.22f * g, p.dark, 12);
    dl->AddCircleFilled(at(0.25f, -0.3f), 0.22f * g, p.dark, 12);
  } else if (glyph == "skin") {  // flat squamous cell
    const ImVec2 pts[6] = {at(-1.05f, 0.05f), at(-0.55f, -0.38f), at(0.55f, -0.42f),
                           at(1.05f, -0.02f), at(0.55f, 0.4f),    at(-0.55f, 0.42f)};
    dl->AddConvexPolyFilled(pts, 6, p.light);
    dl->AddPolyline(pts, 6, p.stroke, ImDrawFlags_Closed, lw);
    Ellipse(dl, c, 0.3f * g, 0.14f * g, 0, p.dark, p.dark, 0, 16);
  } else {  // generic
    cell(g);
    dl->AddCircleFilled(c, 0.36f * g, p.dark, 20);
  }
}

// The potency group's outline around the glyph: a distinct shape per category (not colour alone).
void DrawBacking(ImDrawList* dl, Shape shape, ImVec2 c, float r, Color fill, Color stroke, float s) {
  const float w = 2.0f * s;
  switch (shape) {
    case kDoubleCircle:
      dl->AddCircleFilled(c, r, fill, 40);
      dl->AddCircle(c, r, stroke, 40, 1.6f * s);
      dl->AddCircle(c, r - 3.5f * s, stroke, 40, 1.2f * s);
      break;
    case kCircle:
      dl->AddCircleFilled(c, r, fill, 40);
      dl->AddCircle(c, r, stroke, 40, 2.6f * s);
      break;
    case kDashedCircle: {
      dl->AddCircleFilled(c, r, fill, 40);
      const int dashes = 14;
      for (int i = 0; i < dashes; ++i) {
        const float a0 = 2 * kPi * i / dashes, a1 = a0 + kPi / dashes;
        dl->PathArcTo(c, r, a0, a1, 6);
        dl->PathStroke(stroke, 0, w);
      }
      break;
    }
    case kDiamond: {
      const float k = r * 1.12f;
      const ImVec2 pts[4] = {ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y)};
      dl->AddConvexPolyFilled(pts, 4, fill);
      dl->AddPolyline(pts, 4, stroke, ImDrawFlags_Closed, w);
      break;
    }
    case kHexagon: {
      ImVec2 pts[6];
      for (int i = 0; i < 6; ++i) {
        const float t = kPi / 6 + 2 * kPi * i / 6;
        pts[i] = ImVec2(c.x + 1.04f * r * std::cos(t), c.y + 1.04f * r * std::sin(t));
      }
      dl->AddConvexPolyFilled(pts, 6, fill);
      dl->AddPolyline(pts, 6, stroke, ImDrawFlags_Closed, w);
      break;
    }
    case kRoundSquare: {
      const float k = r * 0.92f;
      dl->AddRectFilled(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), fill, 0.35f * r);
      dl->AddRect(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), stroke, 0.35f * r, 0, 1.4f * s);
      break;
    }
  }
}

Palette CategoryPalette(const Theme& th, int ci, float dim) {
  const Color base = th.series[kCategories[ci].series];
  const bool dark = th.mode != ThemeMode::Light;
  Palette p;
  p.bg = th.background;
  p.stroke = Mix(base, th.text, dark ? 0.1f : 0.3f);
  p.fill = Mix(th.background, base, dark ? 0.26f : 0.16f);
  p.dark = Mix(base, th.text, dark ? 0.0f : 0.2f);
  p.light = Mix(th.background, base, dark ? 0.45f : 0.32f);
  if (dim > 0) {
    p.stroke = Mix(p.stroke, th.background, dim);
    p.fill = Mix(p.fill, th.background, dim);
    p.dark = Mix(p.dark, th.background, dim);
    p.light = Mix(p.light, th.background, dim);
  }
  return p;
}

void Arrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 from, float size, Color col) {
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) { dx = 0; dy = 1; } else { dx /= len; dy /= len; }
  const ImVec2 b(tip.x - dx * size, tip.y - dy * size);
  dl->AddTriangleFilled(tip, ImVec2(b.x - dy * size * 0.55f, b.y + dx * size * 0.55f),
                        ImVec2(b.x + dy * size * 0.55f, b.y - dx * size * 0.55f), col);
}

void DrawCurve(ImDrawList* dl, const Curve& c, Color col, float thick, bool dashed, float s) {
  const int n = 28;
  ImVec2 pts[n + 1];
  for (int i = 0; i <= n; ++i) pts[i] = Bezier(c.p0, c.p1, c.p2, c.p3, (float)i / n);
  if (!dashed) {
    dl->AddPolyline(pts, n + 1, col, 0, thick);
    return;
  }
  const float dash = 7 * s, gap = 5 * s;
  float acc = 0;
  bool on = true;
  for (int i = 0; i < n; ++i) {
    ImVec2 a = pts[i], b = pts[i + 1];
    float seg = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
    while (seg > 0) {
      const float left = (on ? dash : gap) - acc;
      const float take = std::min(left, seg);
      const float f = take / seg;
      const ImVec2 m(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
      if (on) dl->AddLine(a, m, col, thick);
      a = m;
      seg -= take;
      acc += take;
      if (acc >= (on ? dash : gap) - 1e-3f) { acc = 0; on = !on; }
    }
  }
}

void DrawLegendSwatch(ImDrawList* dl, const CellDiagramWidget::LegendEntry& e, const Rect& r, const Theme& th,
                      float s) {
  const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
  if (e.kind == 0) {
    const int ci = CategoryIndex(e.category);
    const Palette p = CategoryPalette(th, ci, 0);
    DrawBacking(dl, kCategories[ci].shape, c, r.h * 0.42f, p.fill, p.stroke, s * 0.8f);
  } else {
    const Color col = e.kind == 2 ? Mix(th.series[4], th.text, th.mode == ThemeMode::Light ? 0.35f : 0.0f)
                                  : th.text_muted;
    Curve cv{ImVec2(r.x, c.y), ImVec2(r.x + r.w * 0.3f, c.y), ImVec2(r.x + r.w * 0.6f, c.y), ImVec2(r.x + r.w - 6 * s, c.y)};
    DrawCurve(dl, cv, col, 2 * s, e.kind == 2, s * 0.6f);
    Arrowhead(dl, ImVec2(r.x + r.w, c.y), ImVec2(r.x, c.y), 7 * s, col);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Frame

void CellDiagramWidget::Frame(const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), th.background);
  last_px_ = ctx.px;
  if (!loaded_) return;
  if (ctx.width != last_w_ || ctx.height != last_h_) { last_w_ = ctx.width; last_h_ = ctx.height; }

  layout_ = ComputeLayout(doc_, !nav_.selected().empty(), ctx.width, ctx.height, s);
  const Layout& L0 = layout_;
  const InputState& io = *ctx.input;

  // Pointer: close button, then panels, then items.
  ImVec2 tap;
  bool tapped = Tapped(s, &tap);
  bool changed = false;
  if (tapped && L0.close.w > 0 && L0.close.Contains(tap.x, tap.y)) {
    nav_.Clear();
    tapped = false;
    changed = true;
  }
  if (tapped && L0.panel.w > 0 && L0.panel.Contains(tap.x, tap.y)) tapped = false;  // reading, not selecting

  // Main view scrolling (wheel only when over it and it can scroll; drag; PageUp/PageDown).
  const float max_off = std::max(0.0f, L0.content_h - L0.view.h);
  main_can_scroll_ = max_off > 0.5f;
  {
    const bool over = L0.view.Contains(io.pos.x, io.pos.y);
    if (over && main_can_scroll_ && io.wheel != 0) scroll_ -= io.wheel * 48.0f * s;
    if (io.clicked && over && main_can_scroll_) {
      dragging_ = true;
      drag_y_ = io.pos.y;
      drag_off_ = scroll_;
    }
    if (dragging_) {
      if (io.down) scroll_ = drag_off_ - (io.pos.y - drag_y_);
      else dragging_ = false;
    }
    scroll_ = std::max(0.0f, std::min(scroll_, max_off));
    main_wants_wheel_ = over && main_can_scroll_;
  }

  // Items: chips then cells, in reading order.
  const bool chips_scroll = L0.ChipsScroll();
  auto screen = [&](Rect r, bool scrolls) { if (scrolls) r.y -= scroll_; return r; };
  std::vector<NavItem> items, tap_items;
  std::vector<bool> item_scrolls;
  for (const auto& c : L0.chips) {
    items.push_back({c.id, screen(c.box, chips_scroll)});
    item_scrolls.push_back(chips_scroll);
  }
  for (const auto& n : L0.nodes) {
    items.push_back({doc_.cell_types[n.cell].id, screen(n.box, true)});
    item_scrolls.push_back(true);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    NavItem t = items[i];
    if (item_scrolls[i] && !L0.view.Contains(tap.x, tap.y)) t.box = Rect{-1e6f, -1e6f, 0, 0};  // hidden under the sheet
    tap_items.push_back(t);
  }

  const std::string before = nav_.selected();
  const std::string cursor_before = nav_.cursor_id();
  const bool keys = ctx.focused;
  nav_.Update(tap_items, tapped, tap, false);
  // Left/Right step through the reading order (chips, then the cells row by row), so they reach every item;
  // Up/Down move spatially between layers; Home/End, Enter/Space and Escape as everywhere.
  const int step = keys ? (KeyPressed(Key::Right) ? 1 : KeyPressed(Key::Left) ? -1 : 0) : 0;
  if (step != 0 && !items.empty()) {
    int cur = -1;
    for (int i = 0; i < (int)items.size(); ++i)
      if (items[i].id == nav_.cursor_id()) cur = i;
    const int next = cur < 0 ? 0 : std::max(0, std::min((int)items.size() - 1, cur + step));
    nav_.SetCursor(items[next].id);
  } else {
    nav_.Update(items, false, tap, keys);
  }
  // A chip "selected" is a filter choice: apply it and keep the cell selection as it was.
  if (nav_.selected().rfind("therapy:", 0) == 0) {
    const std::string chip = nav_.selected();
    std::string t;
    for (const auto& c : L0.chips)
      if (c.id == chip) t = c.therapy;
    therapy_ = (t == therapy_) ? std::string() : t;
    nav_.Select(before);
    nav_.SetCursor(chip);
    announcement_ = doc_.String("therapyFilter") + ": " +
                    (therapy_.empty() ? doc_.String("allTherapies") : doc_.FindTherapy(therapy_)->name) + ".";
    MarkChanged();
  } else if (nav_.selected() != before || changed) {
    detail_.Reset();
    Announce();
    MarkChanged();
  }
  if (nav_.selected() != before) {
    layout_ = ComputeLayout(doc_, !nav_.selected().empty(), ctx.width, ctx.height, s);
    scroll_ = std::max(0.0f, std::min(scroll_, std::max(0.0f, layout_.content_h - layout_.view.h)));
  }
  const Layout& L = layout_;

  // Keep the keyboard cursor in view.
  if (nav_.cursor_id() != cursor_before && keys) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].id != nav_.cursor_id() || !item_scrolls[i]) continue;
      Rect b = items[i].box;
      b.y += scroll_;  // content position
      const float m = 10 * s;
      if (b.y - scroll_ < L.view.y + m) ScrollMain(b.y - L.view.y - m, true);
      else if (b.y + b.h - scroll_ > L.view.y + L.view.h - m) ScrollMain(b.y + b.h - (L.view.y + L.view.h) + m, true);
    }
  }
  // Selected with the keyboard: keep the selected cell visible above the sheet.
  if (nav_.selected() != before && L.narrow && !nav_.selected().empty()) {
    for (const auto& n : L.nodes) {
      if (doc_.cell_types[n.cell].id != nav_.selected()) continue;
      const float m = 10 * s;
      if (n.box.y - scroll_ < L.view.y + m) ScrollMain(n.box.y - L.view.y - m, true);
      else if (n.box.y + n.box.h - scroll_ > L.view.y + L.view.h - m)
        ScrollMain(n.box.y + n.box.h - (L.view.y + L.view.h) + m, true);
    }
  }

  // Emphasis targets: the selected cell's lineage, else the therapy's cells, else everything.
  const int n_cells = (int)doc_.cell_types.size();
  if ((int)emph_.size() != n_cells) emph_.assign(n_cells, 1.0f);
  std::vector<float> target(n_cells, 1.0f);
  std::vector<char> in_therapy(n_cells, 0);
  int selected_cell = -1;
  for (int i = 0; i < n_cells; ++i)
    if (doc_.cell_types[i].id == nav_.selected()) selected_cell = i;
  if (const content::Therapy* t = doc_.FindTherapy(therapy_))
    for (int i = 0; i < n_cells; ++i)
      in_therapy[i] = std::find(t->cells.begin(), t->cells.end(), doc_.cell_types[i].id) != t->cells.end();
  if (selected_cell >= 0) {
    std::fill(target.begin(), target.end(), 0.0f);
    for (int i : Lineage(selected_cell)) target[i] = 1.0f;
  } else if (!therapy_.empty()) {
    for (int i = 0; i < n_cells; ++i) target[i] = in_therapy[i] ? 1.0f : 0.0f;
  }
  animating_ = false;
  for (int i = 0; i < n_cells; ++i) {
    if (ctx.reduced_motion) { emph_[i] = target[i]; continue; }
    const float step = ctx.dt / kFadeSeconds;
    if (emph_[i] < target[i]) emph_[i] = std::min(target[i], emph_[i] + step);
    else if (emph_[i] > target[i]) emph_[i] = std::max(target[i], emph_[i] - step);
    if (emph_[i] != target[i]) animating_ = true;
  }
  auto dim_of = [&](int cell) { return (1.0f - emph_[cell]) * 0.72f; };

  // ---- draw: chips
  const float pad = (L.narrow ? 12 : 20) * s;
  auto draw_chips = [&]() {
    if (L.chips.empty()) return;
    const Rect lab = screen(L.chip_label, chips_scroll);
    DrawText(dl, FontRole::Small, lab.Min(), th.text_muted, Ellipsize(FontRole::Small, doc_.String("therapyFilter"), L.width - 2 * pad));
    for (const auto& c : L.chips) {
      const Rect b = screen(c.box, chips_scroll);
      const bool on = c.therapy == therapy_;
      const float round = b.h / 2;
      if (on) {
        dl->AddRectFilled(b.Min(), b.Max(), th.accent, round);
      } else {
        dl->AddRectFilled(b.Min(), b.Max(), th.surface, round);
        dl->AddRect(b.Min(), b.Max(), th.border, round, 0, 1.2f * s);
      }
      const ImVec2 ts = MeasureText(FontRole::Small, c.label);
      DrawText(dl, FontRole::Small, ImVec2(b.x + (b.w - ts.x) / 2, b.y + (b.h - ts.y) / 2), on ? th.accent_text : th.text, c.label);
      if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, b, round, th, s);
    }
  };
  if (!chips_scroll) draw_chips();

  // ---- draw: the scrolled view
  dl->PushClipRect(L.view.Min(), L.view.Max(), true);
  if (chips_scroll) draw_chips();
  const Color edge_col = Mix(th.text_muted, th.background, 0.25f);
  const Color reprog_col = Mix(th.series[4], th.text, th.mode == ThemeMode::Light ? 0.35f : 0.0f);
  for (int pass = 0; pass < 2; ++pass) {  // dim edges first, emphasised ones on top
    for (const auto& e : L.edges) {
      const Node& a = L.nodes[e.from];
      const Node& b = L.nodes[e.to];
      const float em = std::min(emph_[a.cell], emph_[b.cell]);
      const bool strong = selected_cell >= 0 && em > 0.5f;
      if ((pass == 1) != strong) continue;
      const Curve c = EdgeCurve(a, b, scroll_);
      const float ey0 = std::min(c.p0.y, c.p3.y + c.tail), ey1 = std::max(c.p0.y, c.p3.y + c.tail);
      if (ey1 < L.view.y || ey0 > L.view.y + L.view.h) continue;  // off screen
      Color col = e.reprogramming ? reprog_col : (strong ? th.text : edge_col);
      col = Mix(col, th.background, (1 - em) * 0.78f);
      const float thick = (strong ? 2.2f : 1.5f) * s;
      if (c.tail > 0) {  // curve to the top of the layer, then straight down between the cells above
        const ImVec2 end(c.p3.x, c.p3.y + c.tail);
        DrawCurve(dl, c, col, e.reprogramming ? 2.0f * s : thick, e.reprogramming, s);
        if (e.reprogramming) DrawCurve(dl, Curve{c.p3, c.p3, end, end}, col, 2.0f * s, true, s);
        else dl->AddLine(c.p3, ImVec2(end.x, end.y - 5 * s), col, thick);
        Arrowhead(dl, end, c.p3, 8 * s, col);
        continue;
      }
      Curve shortened = c;
      shortened.p3.y += (c.p3.y > c.p2.y ? -5 * s : 5 * s);
      DrawCurve(dl, e.reprogramming ? c : shortened, col, e.reprogramming ? 2.0f * s : thick, e.reprogramming, s);
      Arrowhead(dl, c.p3, c.p2, 8 * s, col);
    }
  }
  if (L.reprog_label.w > 0) {
    const Edge& e = L.edges[L.reprog_label_edge];
    const float em = std::min(emph_[L.nodes[e.from].cell], emph_[L.nodes[e.to].cell]);
    const Rect b = screen(L.reprog_label, true);
    dl->AddRectFilled(b.Min(), b.Max(), th.background, b.h / 2);
    dl->AddRect(b.Min(), b.Max(), Mix(reprog_col, th.background, (1 - em) * 0.78f), b.h / 2, 0, 1.2f * s);
    const std::string text = doc_.String("reprogrammedFrom");
    const ImVec2 ts = MeasureText(FontRole::Small, text);
    DrawText(dl, FontRole::Small, ImVec2(b.x + (b.w - ts.x) / 2, b.y + (b.h - ts.y) / 2),
             Mix(th.text, th.text_muted, 1 - em), text);
  }
  for (const auto& n : L.nodes) {
    const CellType& c = doc_.cell_types[n.cell];
    const int ci = CategoryIndex(c.category);
    const float dim = dim_of(n.cell);
    const Palette p = CategoryPalette(th, ci, dim);
    const Rect box = screen(n.box, true);
    if (box.y + box.h < L.view.y - 8 * s || box.y > L.view.y + L.view.h + 8 * s) continue;  // off screen
    const ImVec2 centre(n.centre.x, n.centre.y - scroll_);
    const bool sel = n.cell == selected_cell;
    if (sel || (in_therapy[n.cell] && !therapy_.empty())) {  // a card behind: shape, not colour alone
      dl->AddRectFilled(box.Min(), box.Max(), Mix(th.surface, th.background, dim), 10 * s);
      if (sel) dl->AddRect(box.Min(), box.Max(), th.accent, 10 * s, 0, 2.5f * s);
      else dl->AddRect(box.Min(), box.Max(), Mix(th.border, th.background, dim), 10 * s, 0, 1.2f * s);
    }
    DrawBacking(dl, kCategories[ci].shape, centre, n.r, p.fill, p.stroke, s);
    const float g = n.r * (kCategories[ci].shape == kDiamond ? 0.58f : 0.66f);
    DrawGlyph(dl, c.glyph, centre, g, p, s);
    // Dimmed names turn muted, never fainter than the theme's muted text (AA contrast).
    const Color tc = Mix(th.text, th.text_muted, std::min(1.0f, dim / 0.72f));
    if (!n.line_boxes.empty() && !(sel || (in_therapy[n.cell] && !therapy_.empty()))) {  // keeps arrows off the text
      Rect lb = screen(n.line_boxes[0], true);
      float x0 = lb.x, x1 = lb.x + lb.w, y1 = lb.y + lb.h;
      for (const auto& o : n.line_boxes) { x0 = std::min(x0, o.x); x1 = std::max(x1, o.x + o.w); y1 = o.y - scroll_ + o.h; }
      dl->AddRectFilled(ImVec2(x0 - 3 * s, lb.y), ImVec2(x1 + 3 * s, y1), th.background, 4 * s);
    }
    for (size_t k = 0; k < n.lines.size(); ++k) {
      const Rect lb = screen(n.line_boxes[k], true);
      DrawText(dl, FontRole::Small, ImVec2(lb.x, lb.y + (lb.h - CurrentFonts().Size(FontRole::Small)) / 2), tc, n.lines[k]);
    }
    if (ctx.focus_visible && nav_.cursor_id() == c.id) DrawFocusRing(dl, box, 10 * s, th, s);
  }
  if (L.narrow) {
    const Rect h = screen(L.legend_heading, true);
    DrawText(dl, FontRole::Strong, h.Min(), th.text, doc_.String("legendHeading"));
    for (const auto& e : L.legend) {
      DrawLegendSwatch(dl, e, screen(e.swatch, true), th, s);
      const Rect t = screen(e.text, true);
      if (!e.lines.empty()) DrawText(dl, FontRole::Small, ImVec2(t.x, t.y + (t.h - CurrentFonts().Size(FontRole::Small)) / 2), th.text, e.lines[0]);
    }
  }
  auto draw_footer = [&](bool scrolls) {
    const float lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
    Rect f = screen(L.footer, scrolls);
    for (size_t k = 0; k < L.footer_lines.size(); ++k)
      DrawText(dl, FontRole::Small, ImVec2(f.x, f.y + k * lh), th.text_muted, L.footer_lines[k]);
  };
  if (L.narrow) draw_footer(true);
  dl->PopClipRect();
  if (main_can_scroll_) {  // a thin scroll indicator
    const float track = L.view.h;
    const float thumb = std::max(24.0f * s, track * L.view.h / L.content_h);
    const float mo = std::max(1.0f, L.content_h - L.view.h);
    const float y = L.view.y + (track - thumb) * (scroll_ / mo);
    const float x = L.view.x + L.view.w - 4 * s;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 3 * s, y + thumb), th.border, 2 * s);
  }
  if (!L.narrow) draw_footer(false);

  // ---- draw: the panel
  if (L.panel.w > 0) {
    const Rect P = L.panel;
    if (L.narrow) {
      dl->AddRectFilled(ImVec2(P.x, P.y - 6 * s), ImVec2(P.x + P.w, P.y), WithAlpha(th.text, 0.06f));
      dl->AddRectFilled(P.Min(), P.Max(), th.surface, 14 * s, ImDrawFlags_RoundCornersTop);
      dl->AddLine(ImVec2(P.x, P.y), ImVec2(P.x + P.w, P.y), th.border, 1.2f * s);
      dl->AddRectFilled(ImVec2(P.x + P.w / 2 - 18 * s, P.y + 8 * s), ImVec2(P.x + P.w / 2 + 18 * s, P.y + 12 * s), th.border, 2 * s);
    } else {
      dl->AddRectFilled(P.Min(), P.Max(), th.surface, 12 * s);
      dl->AddRect(P.Min(), P.Max(), Mix(th.border, th.surface, 0.3f), 12 * s, 0, 1.0f * s);
    }
    const float ip = 16 * s;
    const float header = L.close.w > 0 ? (L.close.y + L.close.h - P.y) : ip;
    const Rect view{P.x + ip, P.y + header, P.w - 2 * ip, std::max(1.0f, P.h - header - ip * 0.5f)};
    const float tw = view.w - 6 * s;
    const auto rows = PanelRows(L, tw, th);
    const float small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
    float content = 0;
    for (const auto& r : rows) {
      content += r.block.space_before * s;
      if (r.legend >= 0) content += std::max(L.legend[r.legend].swatch.h, L.legend[r.legend].lines.size() * small_lh);
      else content += WrappedHeight(r.block.role, r.block.text, tw);
    }
    content += 8 * s;
    detail_.Update(view, content, s, keys && detail_.CanScroll());
    dl->PushClipRect(view.Min(), view.Max(), true);
    float y = view.y - detail_.offset();
    for (const auto& r : rows) {
      y += r.block.space_before * s;
      if (r.legend >= 0) {
        const LegendEntry& e = L.legend[r.legend];
        const float h = std::max(e.swatch.h, e.lines.size() * small_lh);
        DrawLegendSwatch(dl, e, Rect{view.x, y + (h - e.swatch.h) / 2, e.swatch.w, e.swatch.h}, th, s);
        float ly = y + (h - e.lines.size() * small_lh) / 2;
        for (const auto& line : e.lines) {
          DrawText(dl, FontRole::Small, ImVec2(view.x + e.text.x, ly + (small_lh - CurrentFonts().Size(FontRole::Small)) / 2), th.text, line);
          ly += small_lh;
        }
        y += h;
      } else {
        y += DrawWrapped(dl, r.block.role, ImVec2(view.x, y), r.block.color, r.block.text, tw, view.y - 40 * s,
                         view.y + view.h + 40 * s);
      }
    }
    dl->PopClipRect();
    detail_.DrawIndicator(dl, th.border, s);
    if (L.close.w > 0) {
      const Rect c = L.close;
      const ImVec2 m(c.x + c.w / 2, c.y + c.h / 2);
      const float k = 7 * s;
      dl->AddLine(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), th.text, 2 * s);
      dl->AddLine(ImVec2(m.x - k, m.y + k), ImVec2(m.x + k, m.y - k), th.text, 2 * s);
    }
  } else {
    detail_.Update(Rect{0, 0, 0, 0}, 0, s, false);
  }
  (void)cursor_before;
}

// ---------------------------------------------------------------------------------------------------------------
// State and parallel DOM

void CellDiagramWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Key("selected").StringOrNull(nav_.selected());
  j.Key("therapy").StringOrNull(therapy_);
  j.Key("cursor").StringOrNull(nav_.cursor_id());
  j.Field("layout", layout_.narrow ? "narrow" : "wide");
  j.Field("scroll", scroll_ / last_px_);
  auto item = [&](const std::string& id, Rect r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / last_px_).Field("y", r.y / last_px_).Field("w", r.w / last_px_).Field("h", r.h / last_px_);
    j.EndObject();
  };
  j.Key("items").BeginArray();
  for (const auto& c : layout_.chips) {
    Rect b = c.box;
    if (layout_.ChipsScroll()) b.y -= scroll_;
    item(c.id, b);
    j.EndObject();
  }
  for (const auto& n : layout_.nodes) {
    if (!loaded_ || n.cell >= (int)doc_.cell_types.size()) break;
    Rect b = n.box;
    b.y -= scroll_;
    const bool visible = b.y >= layout_.view.y - 0.5f && b.y + b.h <= layout_.view.y + layout_.view.h + 0.5f;
    item(doc_.cell_types[n.cell].id, b);
    j.Field("visible", visible).EndObject();
  }
  if (layout_.close.w > 0) { item("close", layout_.close); j.EndObject(); }
  j.EndArray();
}

// {"selected": cell id | null, "therapy": therapy id | null}: checked first, then applied.
bool CellDiagramWidget::SetState(const nlohmann::json& p, std::string* error) {
  if (!CheckStateKeys(p, {"selected", "therapy"}, error)) return false;
  std::string cell = nav_.selected(), therapy = therapy_;
  if (p.contains("selected")) {
    if (!StateIdOrNull(p["selected"], "selected", &cell, error)) return false;
    if (!cell.empty() && !doc_.FindCell(cell)) {
      *error = "setState: \"selected\" is \"" + cell + "\", which is not a cell type id in the content (cellTypes).";
      return false;
    }
  }
  if (p.contains("therapy")) {
    if (!StateIdOrNull(p["therapy"], "therapy", &therapy, error)) return false;
    if (!therapy.empty() && !doc_.FindTherapy(therapy)) {
      *error = "setState: \"therapy\" is \"" + therapy + "\", which is not a therapy id in the content (therapies).";
      return false;
    }
  }
  if (therapy != therapy_) {
    therapy_ = therapy;
    announcement_ = doc_.String("therapyFilter") + ": " +
                    (therapy_.empty() ? doc_.String("allTherapies") : doc_.FindTherapy(therapy_)->name) + ".";
  }
  if (cell != nav_.selected()) {
    if (cell.empty()) nav_.Clear();
    else nav_.Select(cell);
    detail_.Reset();
    Announce();
  }
  MarkChanged();
  return true;
}

dom::Node CellDiagramWidget::Dom() const {
  if (!loaded_) return {};
  dom::Node root = dom::El("section");
  dom::Attr(root, "aria-label", doc_.title.empty() ? std::string("Cell types") : doc_.title);
  dom::Add(root, dom::El("p", doc_.String("selectHint")));
  if (!doc_.therapies.empty()) {
    dom::Add(root, dom::El("h3", doc_.String("therapyFilter")));
    dom::Node ul = dom::El("ul");
    dom::Node all = dom::El("li", doc_.String("allTherapies"));
    dom::Attr(all, "data-id", "therapy:all");
    if (therapy_.empty()) dom::Attr(all, "aria-current", "true");
    dom::Add(ul, all);
    for (const auto& t : doc_.therapies) {
      dom::Node li = dom::El("li");
      dom::Attr(li, "data-id", "therapy:" + t.id);
      if (therapy_ == t.id) dom::Attr(li, "aria-current", "true");
      dom::Add(li, dom::El("strong", t.name));
      const std::string status = TherapyStatusText(doc_, t);
      if (!status.empty()) dom::Add(li, dom::El("em", " " + status + "."));
      std::string text;
      if (!t.short_text.empty()) text += " " + t.short_text;
      const std::string cells = CellNames(t.cells);
      if (!cells.empty()) text += " (" + cells + ")";
      if (!text.empty()) dom::Add(li, dom::El("span", text));
      dom::Add(ul, li);
    }
    dom::Add(root, ul);
  }
  std::vector<std::string> cited;
  for (int ci = 0; ci < kNumCategories; ++ci) {
    std::vector<const CellType*> group;
    for (const auto& c : doc_.cell_types)
      if (CategoryIndex(c.category) == ci) group.push_back(&c);
    if (group.empty()) continue;
    dom::Add(root, dom::El("h3", doc_.String(std::string("category_") + kCategories[ci].key)));
    dom::Node ul = dom::El("ul");
    for (const CellType* c : group) {
      dom::Node li = dom::El("li");
      dom::Attr(li, "data-id", c->id);
      const bool sel = c->id == nav_.selected();
      if (sel) dom::Attr(li, "aria-current", "true");
      dom::Add(li, dom::El("strong", c->name));
      dom::Add(li, dom::El("span", " " + c->short_text));
      dom::Node dl = dom::El("dl");
      auto pair = [&](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        dom::Add(dl, dom::El("dt", doc_.String(key)));
        dom::Add(dl, dom::El("dd", value));
      };
      if (sel && !c->long_text.empty()) pair("whatItIs", c->long_text);
      pair("foundIn", c->found_in);
      pair("canBecome", CellNames(c->becomes));
      pair("reprogrammedFrom", CellNames(c->reprogrammed_from));
      std::string used;
      for (const auto& t : doc_.therapies)
        if (std::find(t.cells.begin(), t.cells.end(), c->id) != t.cells.end()) used += (used.empty() ? "" : "; ") + t.name;
      pair("usedIn", c->therapy_role.empty() ? used : (used.empty() ? c->therapy_role : c->therapy_role + " " + used));
      if (!dl.children.empty()) dom::Add(li, dl);
      if (sel && !c->sources.empty()) {
        dom::Add(li, dom::El("p", doc_.String("sourcesHeading")));
        dom::Add(li, SourcesList(c->sources));
      }
      dom::Add(ul, li);
      for (const auto& sid : c->sources)
        if (std::find(cited.begin(), cited.end(), sid) == cited.end()) cited.push_back(sid);
    }
    dom::Add(root, ul);
  }
  for (const auto& t : doc_.therapies)
    for (const auto& sid : t.sources)
      if (std::find(cited.begin(), cited.end(), sid) == cited.end()) cited.push_back(sid);
  if (!cited.empty()) {
    dom::Add(root, dom::El("h3", doc_.String("sourcesHeading")));
    dom::Add(root, SourcesList(cited));
  }
  dom::Add(root, dom::El("p", doc_.String("disclaimer")));
  return root;
}

}  // namespace scw
