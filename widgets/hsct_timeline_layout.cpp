// hsct_timeline_layout.cpp — the timeline's pure layout: (document, time scale, view, canvas size, scale) ->
// rectangles in framebuffer px (see hsct_timeline.h). Needs only the fonts of the current context, to measure.
#include <algorithm>
#include <cmath>
#include <set>

#include "hsct_timeline.h"
#include "hsct_timeline_internal.h"
#include "ui/number_format.h"
#include "ui/sort.h"
#include "ui/text_layout.h"

namespace scw {

using timeline::LineH;

namespace {

std::string ShortName(const std::string& name) {  // "Autologous transplant (own cells)" -> "Autologous transplant"
  const size_t p = name.find(" (");
  return p == std::string::npos || p == 0 ? name : name.substr(0, p);
}

struct TickSpec { double day; const char* en; int months; int priority; };
const TickSpec kTicks[] = {
    {0, "", 0, 0},       {30, "+30 d", 0, 1},  {-30, "\xE2\x88\x92" "30 d", 0, 1}, {90, "3 mo", 3, 2},
    {365, "1 yr", 12, 2}, {1825, "5 yr", 60, 2}, {-180, "\xE2\x88\x92" "6 mo", -6, 3}, {180, "6 mo", 6, 3},
    {730, "2 yr", 24, 3}, {14, "+14 d", 0, 4}, {-60, "\xE2\x88\x92" "60 d", 0, 4}, {3650, "10 yr", 120, 4},
    {-365, "\xE2\x88\x92" "1 yr", -12, 4}, {-7, "\xE2\x88\x92" "7 d", 0, 5}, {7, "+7 d", 0, 5}};

std::string TickText(const content::Document& doc, const TickSpec& t) {
  if (t.day == 0) return doc.String("dayLabel", {{"day", "0"}});
  if (doc.lang == "en" || doc.lang.rfind("en-", 0) == 0) return t.en;
  if (t.months == 0) return doc.String("dayLabel", {{"day", HsctTimelineWidget::DayText(t.day, doc.lang)}});
  return (t.months < 0 ? "\xE2\x88\x92" : "") + FormatNumber(std::abs(t.months), 0, doc.lang) + " " + doc.String("months");
}

void ShiftY(Rect& r, float dy) { r.y += dy; }

struct Builder {
  const content::Document& doc;
  const content::Variant& var;
  const TimeScale& ts;
  const HsctTimelineWidget::View& v;
  float W, H, s;
  std::vector<const content::Risk*> risks;
};

// Places transport buttons starting at (x, y) within `avail` px; returns the right edge. Where the row is too
// narrow, Play shows its icon only (its name stays in the DOM and the announcement), then all three share it.
float PlaceTransport(HsctTimelineWidget::Layout& L, const content::Document& doc, float x, float y, float h, float s,
                     float avail = 1e9f) {
  const float lw = std::max(MeasureText(FontRole::Strong, doc.String("play")).x, MeasureText(FontRole::Strong, doc.String("pause")).x);
  float bw = 44 * s, pw = 14 * s + 8 * s + lw + 28 * s, gap = 8 * s;
  if (2 * bw + pw + 2 * gap > avail) pw = bw;
  if (3 * bw + 2 * gap > avail) { gap = std::min(gap, avail * 0.04f); bw = pw = (avail - 2 * gap) / 3; }
  L.prev = Rect{x, y, bw, h};
  L.play = Rect{x + bw + gap, y, pw, h};
  L.next = Rect{x + bw + gap + pw + gap, y, bw, h};
  return L.next.x + L.next.w;
}

// Tick candidates inside the scale's domain, most important first.
std::vector<size_t> TickOrder(const TimeScale& ts) {
  std::vector<size_t> order;
  for (size_t i = 0; i < sizeof(kTicks) / sizeof(kTicks[0]); ++i)
    if (kTicks[i].day >= ts.dmin && kTicks[i].day < ts.dmax) order.push_back(i);
  StableSortSmall(order.begin(), order.end(), [](size_t a, size_t c) { return kTicks[a].priority < kTicks[c].priority; });
  return order;
}

// Where the axis changes from logarithmic to linear and back (drawn as break marks).
void AddBreaks(const TimeScale& ts, HsctTimelineWidget::Layout& L) {
  if (ts.BreakBefore()) L.breaks.push_back(L.Along(ts.U(ts.lin0)));
  if (ts.BreakAfter()) L.breaks.push_back(L.Along(ts.U(ts.lin1)));
}

// ---- horizontal (wide canvases) ------------------------------------------------------------------------
// Rows from the top: header (variant switch, transport), the variant's intro, phase labels over the bands,
// milestones, risk lanes (names in a gutter on the left), the axis with ticks, the key; then the detail panel
// and the disclaimer. `level` 0…3 gives up label rows, milestone lanes and the intro to leave the panel room;
// level 4 (large text on a projector) also makes the header, the bands and the risk rows more compact.

struct Horizontal {
  const Builder& b;
  HsctTimelineWidget::Layout& L;
  float s, W, H, pad, sm;
  int max_label_rows, max_ms_lanes;
  bool show_intro;
  float k = 1;  // row heights (level 4: 0.8)
  float hdr_h = 0, gw = 0, x0 = 0, x1 = 0;
  float y = 0;  // the next row's top
};

// Header: variant switch on the left, transport on the right; the status beside the switch without the intro.
void HorizontalHeader(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, W = h.W, pad = h.pad, sm = h.sm;
  h.y = pad;
  const float y = h.y;
  const float hdr_h = h.hdr_h = std::max(40 * s * h.k, LineH(FontRole::Strong) + 6 * s);
  const float lw = std::max(MeasureText(FontRole::Strong, b.doc.String("play")).x, MeasureText(FontRole::Strong, b.doc.String("pause")).x);
  const float tw = 44 * s * 2 + 14 * s + 8 * s + lw + 28 * s + 16 * s;
  PlaceTransport(L, b.doc, W - pad - tw, y, hdr_h, s);
  const float seg_avail = L.prev.x - 20 * s - pad;
  std::vector<std::string> labels;
  float total = 0;
  for (const auto& vv : b.doc.variants) { labels.push_back(vv.name); total += MeasureText(FontRole::Strong, vv.name).x + 32 * s; }
  if (total > seg_avail)
    for (auto& l : labels) l = ShortName(l);
  L.variants.LayoutFitted(pad, y, hdr_h, seg_avail, labels, FontRole::Strong, s);
  // Where the intro (which starts with the status) is left out, the status goes beside the variant switch, if it
  // fits whole there.
  const std::vector<Rect>& segs = L.variants.segments;
  if (!h.show_intro && !segs.empty()) {
    const content::Therapy* th = TherapyForVariant(b.doc, b.var.id);
    std::string st = th ? TherapyStatusText(b.doc, *th) : std::string();
    const float sx = segs.back().x + segs.back().w + 14 * s;
    float sw = MeasureText(FontRole::Small, st).x;
    if (th && !st.empty() && sx + sw > L.prev.x - 12 * s) {  // narrower: the status word alone ("Standard care")
      st = b.doc.String("status_" + th->status);
      sw = MeasureText(FontRole::Small, st).x;
    }
    if (!st.empty() && sx + sw <= L.prev.x - 12 * s) {
      L.status_text = st;
      L.status = Rect{sx, y + (hdr_h - sm) / 2, sw, sm};
    }
  }
  h.y += hdr_h + 10 * s;
}

// The variant's short text, then the gutter for lane names and the "you are here" readout, and the axis span.
void HorizontalIntroAndGutter(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, W = h.W, pad = h.pad, sm = h.sm;
  const std::string intro = VariantIntroText(b.doc, b.var);
  if (h.show_intro && !intro.empty()) {
    auto lines = WrapLines(FontRole::Small, intro, W - 2 * pad);
    if (lines.size() > 2) { lines.resize(2); lines[1] = Ellipsize(FontRole::Small, lines[1] + " …", W - 2 * pad); }
    L.intro_lines = lines;
    L.intro = Rect{pad, h.y, W - 2 * pad, sm * (float)lines.size()};
    h.y += L.intro.h + 10 * s;
  }
  float gw = std::max(MeasureText(FontRole::Small, b.doc.String("youAreHere")).x, MeasureText(FontRole::Title, "Day \xE2\x88\x92" "180").x);
  for (const auto* r : b.risks) gw = std::max(gw, MeasureText(FontRole::Small, r->name).x);
  h.gw = std::min(std::max(gw + 16 * s, 110 * s), 0.26f * W);
  h.x0 = pad + h.gw;
  h.x1 = W - pad - 4 * s;
  L.axis_a = h.x0;
  L.axis_b = h.x1;
}

// Phase labels that do not fit in their band: placed in up to max_label_rows staggered rows above the bands
// (row_of = -2: inside the band, -1: not shown).
struct PhaseLabels {
  std::vector<int> row_of;
  std::vector<float> x, w;
  std::vector<std::string> text;
  int used_rows = 0;
};
PhaseLabels PlacePhaseLabels(const Horizontal& h) {
  const Builder& b = h.b;
  const HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, W = h.W, pad = h.pad, x0 = h.x0;
  const size_t np = b.var.phases.size();
  struct Placed { float a, b; };
  std::vector<std::vector<Placed>> rows(h.max_label_rows);
  PhaseLabels out;
  out.row_of.assign(np, -1);
  out.x.assign(np, 0);
  out.w.assign(np, 0);
  out.text.assign(np, std::string());
  for (size_t i = 0; i < np; ++i) {
    const auto& p = b.var.phases[i];
    const float bx0 = L.Along(b.ts.U(p.days.from)), bx1 = L.Along(b.ts.U(p.days.to + 1));
    std::string t = p.name;
    float w = MeasureText(FontRole::Small, t).x;
    if (w + 16 * s <= bx1 - bx0) { out.row_of[i] = -2; out.x[i] = (bx0 + bx1) / 2 - w / 2; out.w[i] = w; out.text[i] = t; continue; }
    for (int attempt = 0; attempt < 2 && out.row_of[i] < 0; ++attempt) {
      if (attempt == 1) {  // a shorter label when there is no room for the whole name
        if (bx1 - bx0 < 48 * s) break;
        t = Ellipsize(FontRole::Small, p.name, std::max(bx1 - bx0, 60 * s));
        w = MeasureText(FontRole::Small, t).x;
      }
      float lx = (bx0 + bx1) / 2 - w / 2;
      lx = std::max(x0, std::min(lx, W - pad - w));
      for (int r = 0; r < h.max_label_rows && out.row_of[i] < 0; ++r) {
        bool free = true;
        for (const auto& pl : rows[r]) free &= lx >= pl.b + 12 * s || lx + w + 12 * s <= pl.a;
        if (free) { rows[r].push_back({lx, lx + w}); out.row_of[i] = r; out.x[i] = lx; out.w[i] = w; out.text[i] = t; }
      }
    }
  }
  for (int r : out.row_of) out.used_rows = std::max(out.used_rows, r + 1);
  return out;
}

// Phase bands and their labels (staggered rows above the bands, with leader lines).
void HorizontalPhases(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, sm = h.sm;
  const float band_h = 30 * s * h.k;
  const PhaseLabels pl = PlacePhaseLabels(h);
  const float band_y = h.y + pl.used_rows * sm + 6 * s;
  L.phase_row = Rect{h.x0, band_y, h.x1 - h.x0, band_h};
  for (size_t i = 0; i < b.var.phases.size(); ++i) {
    const auto& p = b.var.phases[i];
    const float bx0 = L.Along(b.ts.U(p.days.from)), bx1 = L.Along(b.ts.U(p.days.to + 1));
    L.phases.push_back(Rect{bx0, band_y, std::max(bx1 - bx0, 0.0f), band_h});
    HsctTimelineWidget::Label lab;
    lab.text = pl.text[i];
    lab.shown = pl.row_of[i] >= 0 || pl.row_of[i] == -2;
    if (pl.row_of[i] == -2) {
      lab.box = Rect{pl.x[i], band_y + (band_h - sm) / 2, pl.w[i], sm};
      L.leaders.push_back(Rect{});
    } else if (lab.shown) {
      lab.box = Rect{pl.x[i], band_y - 6 * s - (pl.row_of[i] + 1) * sm, pl.w[i], sm};
      const float cx = std::min(std::max(pl.x[i] + pl.w[i] / 2, bx0 + 1 * s), std::max(bx0 + 1 * s, bx1 - 1 * s));
      L.leaders.push_back(Rect{cx, lab.box.y + lab.box.h, cx, band_y});
    } else {
      L.leaders.push_back(Rect{});
    }
    L.phase_labels.push_back(lab);
  }
  L.day_readout = Rect{h.pad, band_y - 2 * s, h.gw - 12 * s, band_h + 4 * s};
  h.y = band_y + band_h + 8 * s;
}

// Milestones: range bars with their names, packed into lanes.
void HorizontalMilestones(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, sm = h.sm, x0 = h.x0, x1 = h.x1, y = h.y;
  const int max_ms_lanes = h.max_ms_lanes;
  const float lane_h = sm + 11 * s;
  const size_t nm = b.var.milestones.size();
  L.milestones.assign(nm, Rect{});
  L.milestone_labels.assign(nm, HsctTimelineWidget::Label{});
  std::vector<size_t> order(nm);
  for (size_t i = 0; i < nm; ++i) order[i] = i;
  StableSortSmall(order.begin(), order.end(), [&](size_t a, size_t c) { return b.var.milestones[a].days.from < b.var.milestones[c].days.from; });
  std::vector<float> lane_end(max_ms_lanes, -1e9f);
  int ms_lanes = 0;
  for (size_t k : order) {
    const auto& m = b.var.milestones[k];
    const float mx0 = L.Along(b.ts.U(m.days.from)), mx1 = std::max(L.Along(b.ts.U(m.days.to + 1)), mx0 + 8 * s);
    const float tw2 = MeasureText(FontRole::Small, m.name).x;
    float lx = std::min(mx0, x1 - tw2);
    lx = std::max(lx, x0);
    const float a_lab = std::min(lx, mx0), b_lab = std::max(mx1, lx + tw2);
    int lane = -1;
    bool with_label = false;
    for (int l = 0; l < max_ms_lanes && lane < 0; ++l)
      if (a_lab >= lane_end[l] + 14 * s) { lane = l; with_label = true; }
    for (int l = 0; l < max_ms_lanes && lane < 0; ++l)
      if (mx0 >= lane_end[l] + 6 * s) lane = l;
    if (lane < 0) continue;  // no room: still reachable with the keyboard and in the text version
    const float a = with_label ? a_lab : mx0, e = with_label ? b_lab : mx1;
    lane_end[lane] = e;
    ms_lanes = std::max(ms_lanes, lane + 1);
    const float ly = y + lane * lane_h;
    L.milestones[k] = Rect{a, ly, e - a, lane_h - 3 * s};
    HsctTimelineWidget::Label lab;
    lab.text = m.name;
    lab.shown = with_label;
    lab.box = Rect{lx, ly, tw2, sm};
    L.milestone_labels[k] = lab;
  }
  h.y += ms_lanes * lane_h + (ms_lanes ? 6 * s : 0);
}

// Risk lanes: a row per risk, its name in the gutter.
void HorizontalLanes(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, sm = h.sm, x0 = h.x0, x1 = h.x1, y = h.y, gw = h.gw;
  const float rl_min = std::max(22 * s * h.k, sm + 2 * s);
  float ly = y;
  for (size_t i = 0; i < b.risks.size(); ++i) {
    const content::Risk* r = b.risks[i];
    HsctTimelineWidget::Lane lane;
    lane.risk = r->id;
    // A name wider than the gutter wraps (the row grows), never cut.
    const auto lines = WrapLines(FontRole::Small, r->name, gw - 14 * s);
    for (size_t k = 0; k < lines.size(); ++k) lane.name += (k ? "\n" : "") + lines[k];
    const float lh = sm * (float)std::max<size_t>(1, lines.size());
    const float rl_h = std::max(rl_min, lh + 2 * s);
    lane.pattern = (int)i;
    lane.lane = Rect{x0, ly, x1 - x0, rl_h};
    lane.label = Rect{h.pad, ly + (rl_h - lh) / 2, gw - 14 * s, lh};
    ly += rl_h;
    for (size_t pi = 0; pi < b.var.phases.size(); ++pi) {
      const auto& p = b.var.phases[pi];
      if (std::find(p.risks.begin(), p.risks.end(), r->id) == p.risks.end()) continue;
      lane.in_variant = true;
      lane.active.push_back(Rect{L.phases[pi].x, lane.lane.y + 4 * s, L.phases[pi].w, rl_h - 8 * s});
    }
    for (const auto& w : r->windows) {
      if (w.variant != b.var.id) continue;
      const float a = L.Along(b.ts.U(w.days.from)), e = std::max(L.Along(b.ts.U(w.days.to + 1)), a + 3 * s);
      lane.peak.push_back(Rect{a, lane.lane.y + 2 * s, e - a, rl_h - 4 * s});
    }
    L.lanes.push_back(lane);
  }
  h.y = ly + 4 * s;
}

// Axis with ticks, break marks and the drag strip.
void HorizontalAxis(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, sm = h.sm, x0 = h.x0, x1 = h.x1, W = h.W, pad = h.pad;
  const float axis_y = h.y;
  L.axis = Rect{x0 - 6 * s, axis_y - 8 * s, x1 - x0 + 12 * s, 8 * s + 6 * s + sm + 4 * s};
  for (size_t i : TickOrder(b.ts)) {
    HsctTimelineWidget::Tick t;
    t.day = kTicks[i].day;
    t.text = TickText(b.doc, kTicks[i]);
    const float cx = L.Along(b.ts.U(t.day + 0.5));
    const float w = MeasureText(FontRole::Small, t.text).x;
    float lx = std::max(pad, std::min(cx - w / 2, W - pad - w));
    t.box = Rect{lx, axis_y + 7 * s, w, sm};
    bool free = true;
    for (const auto& o : L.ticks) free &= !(t.box.x < o.box.x + o.box.w + 10 * s && o.box.x < t.box.x + t.box.w + 10 * s);
    if (free) L.ticks.push_back(t);
  }
  AddBreaks(b.ts, L);
  h.y = axis_y + 7 * s + sm + 6 * s;
}

// The key (what the two fills mean), the plot's extent, the disclaimer at the bottom and the panel between.
void HorizontalBottom(Horizontal& h) {
  const Builder& b = h.b;
  HsctTimelineWidget::Layout& L = h.L;
  const float s = h.s, sm = h.sm, W = h.W, H = h.H, pad = h.pad;
  L.legend = Rect{h.x0, h.y, h.x1 - h.x0, sm};
  h.y += sm + 12 * s;
  const float y = h.y;
  const std::vector<Rect>& segs = L.variants.segments;
  L.plot = Rect{pad, segs.empty() ? y : segs[0].y + h.hdr_h, W - 2 * pad, y - (segs[0].y + h.hdr_h)};
  L.content_h = L.plot.h;
  auto foot = WrapLines(FontRole::Small, b.doc.String("disclaimer"), W - 2 * pad);
  L.footer_lines = foot;
  const float fh = sm * (float)foot.size();
  L.footer = Rect{pad, H - pad - fh, W - 2 * pad, fh};
  L.panel = Rect{pad, y, W - 2 * pad, std::max(0.0f, L.footer.y - 10 * s - y)};
}

void LayoutHorizontal(const Builder& b, HsctTimelineWidget::Layout& L, int level) {
  Horizontal h{b, L, b.s, b.W, b.H, 16 * b.s, LineH(FontRole::Small),
               level >= 3 ? 1 : (level >= 1 ? 2 : 3), level >= 3 ? 1 : (level >= 1 ? 2 : 3), level < 2};
  if (level >= 4) { h.k = 0.8f; L.panel_pad = 10 * b.s; }
  HorizontalHeader(h);
  HorizontalIntroAndGutter(h);
  HorizontalPhases(h);
  HorizontalMilestones(h);
  HorizontalLanes(h);
  HorizontalAxis(h);
  HorizontalBottom(h);
}

// ---- vertical (phones) ---------------------------------------------------------------------------------
// Fixed at the top: the variant switch (full width), transport and the day; fixed at the bottom: the detail
// panel. Between them the plot scrolls: the risk key, then columns (tick labels | axis | phase bands |
// milestones | risk lanes | phase names) with time running down, then the intro and the disclaimer. Content is
// laid out from 0 at the plot's top and shifted to screen coordinates by the scroll at the end.

struct Vertical {
  const Builder& b;
  HsctTimelineWidget::Layout& L;
  float s, W, H, pad, sm;
  float c = 0;  // the next content row's top (content coordinates)
  // columns
  float x_axis = 0, band_x = 0, band_w = 0, ms_x = 0, ms_lane_w = 0, axis_len = 0;
  float risk_x = 0, risk_w = 0, label_x = 0, label_w = 0;
  float k = 1;  // how much the columns narrowed
  float prev_bottom = -1e9f;  // the last phase label's bottom
};


// The fixed part: variant switch (labels on up to two lines), transport and day, the panel, the plot between.
// Where the canvas is too short for all of them with the plot at least three lines high and the panel its least
// (title and two lines), the padding tightens, the panel shrinks to that least, and then the switch and the
// transport move into the scrolled plot (controls_scroll): nothing overlaps and nothing vanishes.
void VerticalHeader(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s, W = v.W, H = v.H, sm = v.sm;
  const float tight = std::min(1.0f, std::max(0.35f, std::min(W / (375 * s), H / (560 * s))));  // 1 = room enough
  const float pad = v.pad = 12 * s * tight;
  const float gap = 8 * s * tight;
  L.panel_pad = 14 * s * tight;
  float y = 0;  // header rows from 0; placed at the top, or at the content's top when they scroll
  const size_t n = b.doc.variants.size();
  const float seg_w = (W - 2 * pad) / (float)n;
  int max_lines = 1;
  std::vector<std::string> labels;
  for (const auto& vv : b.doc.variants) {
    auto lines = WrapLines(FontRole::Small, vv.name, seg_w - 16 * s * tight);
    if (lines.size() > 2) lines = WrapLines(FontRole::Small, ShortName(vv.name), seg_w - 16 * s * tight);
    if (lines.size() > 2) { lines.resize(2); lines[1] = Ellipsize(FontRole::Small, lines[1] + "…", seg_w - 16 * s * tight); }
    max_lines = std::max(max_lines, (int)lines.size());
    std::string joined;
    for (size_t k = 0; k < lines.size(); ++k) joined += (k ? "\n" : "") + lines[k];
    labels.push_back(joined);
  }
  const float tap = 40 * s * std::max(tight, 0.8f);  // >= 24 CSS px even at text scale 0.75
  const float seg_h = std::max(tap, max_lines * sm + 12 * s * tight);
  const float tr_h = std::max(tap, LineH(FontRole::Strong) + 8 * s * tight);
  const float header_h = seg_h + gap + tr_h + gap;
  const float plot_min = 3 * sm + 16 * s * tight;
  const float panel_min = HsctTimelineWidget::MinPanelHeight(L.panel_pad);
  const float panel_pref = std::min(std::max(130 * s, 0.32f * H), 0.45f * H);
  L.controls_scroll = pad + header_h + plot_min + gap + panel_min + pad > H;
  const float top = L.controls_scroll ? pad : pad + header_h;  // the plot's top
  const float ph = std::max(panel_min, std::min(panel_pref, H - pad - top - plot_min - gap));
  L.panel = Rect{pad, H - pad - ph, W - 2 * pad, ph};
  L.plot = Rect{0, top, W, std::max(plot_min, L.panel.y - gap - top)};
  if (L.controls_scroll) L.plot.h = std::max(1.0f, L.panel.y - gap - top);
  const float y0 = L.controls_scroll ? 0 : pad;  // content coordinates (shifted by VerticalScroll) or screen
  y = y0;
  L.variants.LayoutEqual(Rect{pad, y, W - 2 * pad, seg_h}, labels, FontRole::Small);
  y += seg_h + gap;
  const float tr_end = PlaceTransport(L, b.doc, pad, y, tr_h, s, W - 2 * pad);
  const std::string widest = b.doc.String("dayLabel", {{"day", HsctTimelineWidget::DayText(-180, b.doc.lang)}});
  const float rw = W - pad - tr_end - 8 * s * tight;
  L.day_readout = rw >= MeasureText(FontRole::Strong, widest).x ? Rect{tr_end + 8 * s * tight, y, rw, tr_h} : Rect{};
  v.c = L.controls_scroll ? header_h : 0;
}

// The risk key: each risk's pattern and name (the columns below carry the same patterns).
void VerticalLegend(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s, W = v.W, pad = v.pad, sm = v.sm;
  v.c += 10 * s;
  for (size_t i = 0; i < b.risks.size(); ++i) {  // names wrap (never cut) beside their swatch
    L.legend_swatches.push_back(Rect{pad, v.c + 2 * s, 22 * s, sm - 4 * s});
    HsctTimelineWidget::Label lab;
    const auto lines = WrapLines(FontRole::Small, b.risks[i]->name, std::max(1.0f, W - 2 * pad - 30 * s));
    float wmax = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      lab.text += (k ? "\n" : "") + lines[k];
      wmax = std::max(wmax, MeasureText(FontRole::Small, lines[k]).x);
    }
    lab.box = Rect{pad + 30 * s, v.c, wmax, sm * (float)std::max<size_t>(1, lines.size())};
    L.legend_labels.push_back(lab);
    v.c += lab.box.h + 2 * s;
  }
  L.legend = Rect{pad, v.c + 4 * s, W - 2 * pad, 2 * sm};
  v.c += (b.risks.empty() ? 0 : 2 * sm + 8 * s) + 14 * s;
}

// The axis and the milestone column (packed into up to three lanes); the risk and label columns after them.
void VerticalMilestones(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s, W = v.W, pad = v.pad;
  // The tick labels' column is as wide as the widest label (day 0's in Strong, as drawn), at most 62 px.
  float tick_w = 0;
  for (size_t i : TickOrder(b.ts))
    tick_w = std::max(tick_w, MeasureText(kTicks[i].day == 0 ? FontRole::Strong : FontRole::Small, TickText(b.doc, kTicks[i])).x);
  v.x_axis = pad + std::max(std::min(62 * s, tick_w + 8 * s), tick_w + 4 * s);
  // Narrow canvases at large text: the columns narrow (to 45 %) so the phase names keep ~80 px to wrap in.
  const float nr = (float)b.risks.size();
  const float cols = (6 + 18 + 6 + 3 * 9 + 6 + 10) * s + nr * 12 * s;
  const float k = v.k = std::max(0.45f, std::min(1.0f, (W - pad - v.x_axis - 80 * s) / cols));
  L.axis_line = v.x_axis;
  v.band_x = v.x_axis + 6 * s * k;
  v.band_w = 18 * s * k;
  v.ms_x = v.band_x + v.band_w + 6 * s * k;
  v.ms_lane_w = 9 * s * k;
  const int ms_max = 3;
  v.axis_len = std::max(820 * s, 2.4f * L.plot.h);
  L.axis_a = v.c;
  L.axis_b = v.c + v.axis_len;
  std::vector<float> lane_end(ms_max, -1e9f);
  int ms_lanes = 0;
  const size_t nm = b.var.milestones.size();
  L.milestones.assign(nm, Rect{});
  L.milestone_labels.assign(nm, HsctTimelineWidget::Label{});
  std::vector<size_t> order(nm);
  for (size_t i = 0; i < nm; ++i) order[i] = i;
  StableSortSmall(order.begin(), order.end(), [&](size_t a, size_t d) { return b.var.milestones[a].days.from < b.var.milestones[d].days.from; });
  std::vector<int> lane_of(nm, -1);
  for (size_t k : order) {
    const auto& m = b.var.milestones[k];
    const float a = L.Along(b.ts.U(m.days.from)), e = std::max(L.Along(b.ts.U(m.days.to + 1)), a + 8 * s);
    for (int l = 0; l < ms_max; ++l)
      if (a >= lane_end[l] + 3 * s) { lane_end[l] = e; lane_of[k] = l; ms_lanes = std::max(ms_lanes, l + 1); break; }
    if (lane_of[k] >= 0) L.milestones[k] = Rect{v.ms_x + lane_of[k] * v.ms_lane_w, a, v.ms_lane_w - 1 * s, e - a};
    L.milestone_labels[k].shown = false;
  }
  v.risk_x = v.ms_x + ms_lanes * v.ms_lane_w + 6 * s * k;
  v.risk_w = 12 * s * k;
  v.label_x = v.risk_x + b.risks.size() * v.risk_w + 10 * s * k;
  v.label_w = std::max(1.0f, W - pad - v.label_x);  // never past the edge: the names wrap instead
}

// Phase bands, and their names (up to three lines) right of the lanes, pushed down so they never overlap.
void VerticalPhases(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s, sm = v.sm;
  L.phase_row = Rect{v.band_x, L.axis_a, v.band_w, v.axis_len};
  for (size_t i = 0; i < b.var.phases.size(); ++i) {
    const auto& p = b.var.phases[i];
    const float a = L.Along(b.ts.U(p.days.from)), e = L.Along(b.ts.U(p.days.to + 1));
    L.phases.push_back(Rect{v.band_x, a, v.band_w, std::max(e - a, 0.0f)});
    HsctTimelineWidget::Label lab;
    auto lines = WrapLines(FontRole::Small, p.name, v.label_w);
    if (lines.size() > 3) { lines.resize(3); lines[2] = Ellipsize(FontRole::Small, lines[2] + "…", v.label_w); }
    for (size_t k = 0; k < lines.size(); ++k) lab.text += (k ? "\n" : "") + lines[k];
    float wmax = 0;
    for (const auto& ln : lines) wmax = std::max(wmax, MeasureText(FontRole::Small, ln).x);
    const float lh = sm * (float)lines.size();
    const float want = (a + e) / 2 - lh / 2;
    const float ly = std::max(want, v.prev_bottom + 6 * s);
    lab.box = Rect{v.label_x, ly, wmax, lh};
    v.prev_bottom = ly + lh;
    L.leaders.push_back(Rect{v.band_x + v.band_w, (a + e) / 2, v.label_x - 4 * s, ly + std::min(lh, sm) / 2});
    L.phase_labels.push_back(lab);
  }
}

// A narrow column per risk: where a phase lists it, and its peak windows.
void VerticalLanes(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s;
  for (size_t i = 0; i < b.risks.size(); ++i) {
    const content::Risk* r = b.risks[i];
    HsctTimelineWidget::Lane lane;
    lane.risk = r->id;
    lane.name = r->name;
    lane.pattern = (int)i;
    lane.lane = Rect{v.risk_x + i * v.risk_w, L.axis_a, v.risk_w - 2 * s, v.axis_len};
    lane.label = Rect{};
    for (size_t pi = 0; pi < b.var.phases.size(); ++pi) {
      const auto& p = b.var.phases[pi];
      if (std::find(p.risks.begin(), p.risks.end(), r->id) == p.risks.end()) continue;
      lane.in_variant = true;
      lane.active.push_back(Rect{lane.lane.x + 2 * s, L.phases[pi].y, lane.lane.w - 4 * s, L.phases[pi].h});
    }
    for (const auto& w : r->windows) {
      if (w.variant != b.var.id) continue;
      const float a = L.Along(b.ts.U(w.days.from)), e = std::max(L.Along(b.ts.U(w.days.to + 1)), a + 3 * s);
      lane.peak.push_back(Rect{lane.lane.x, a, lane.lane.w, e - a});
    }
    L.lanes.push_back(lane);
  }
}

// Ticks (labels right-aligned left of the axis), breaks, the drag strip; then the intro and the disclaimer.
void VerticalAxisAndTail(Vertical& v) {
  const Builder& b = v.b;
  HsctTimelineWidget::Layout& L = v.L;
  const float s = v.s, W = v.W, pad = v.pad, sm = v.sm, x_axis = v.x_axis;
  for (size_t i : TickOrder(b.ts)) {
    HsctTimelineWidget::Tick t;
    t.day = kTicks[i].day;
    t.text = TickText(b.doc, kTicks[i]);
    const float cy = L.Along(b.ts.U(t.day + 0.5));
    const float w = MeasureText(t.day == 0 ? FontRole::Strong : FontRole::Small, t.text).x;
    t.box = Rect{std::max(pad, x_axis - 8 * s - w), cy - sm / 2, w, sm};
    bool free = true;
    for (const auto& o : L.ticks) free &= !(t.box.y < o.box.y + o.box.h + 4 * s && o.box.y < t.box.y + t.box.h + 4 * s);
    if (free) L.ticks.push_back(t);
  }
  AddBreaks(b.ts, L);
  L.axis = Rect{pad, L.axis_a - 8 * s, v.band_x + v.band_w - pad, v.axis_len + 16 * s};

  float c = std::max(L.axis_b, v.prev_bottom) + 18 * s;
  const std::string intro = VariantIntroText(b.doc, b.var);
  if (!intro.empty()) {  // the variant's status and short text, after the timeline
    L.intro_lines = WrapLines(FontRole::Small, intro, W - 2 * pad);
    L.intro = Rect{pad, c, W - 2 * pad, sm * (float)L.intro_lines.size()};
    c += L.intro.h + 10 * s;
  }
  L.footer_lines = WrapLines(FontRole::Small, b.doc.String("disclaimer"), W - 2 * pad);
  L.footer = Rect{pad, c, W - 2 * pad, sm * (float)L.footer_lines.size()};
  c += L.footer.h + 12 * s;
  L.content_h = c;
}

// Scroll: shift everything in the content to screen coordinates.
void VerticalScroll(HsctTimelineWidget::Layout& L, float scroll) {
  L.max_scroll = std::max(0.0f, L.content_h - L.plot.h);
  L.scroll = std::max(0.0f, std::min(scroll, L.max_scroll));
  const float dy = L.plot.y - L.scroll;
  if (L.controls_scroll) {  // the switch and transport are the content's first rows
    for (auto& r : L.variants.segments) ShiftY(r, dy);
    ShiftY(L.prev, dy);
    ShiftY(L.play, dy);
    ShiftY(L.next, dy);
    if (L.day_readout.w > 0) ShiftY(L.day_readout, dy);
  }
  ShiftY(L.intro, dy);
  for (auto& r : L.legend_swatches) ShiftY(r, dy);
  for (auto& l : L.legend_labels) ShiftY(l.box, dy);
  ShiftY(L.legend, dy);
  L.axis_a += dy;
  L.axis_b += dy;
  ShiftY(L.phase_row, dy);
  for (auto& r : L.phases) ShiftY(r, dy);
  for (auto& l : L.phase_labels) ShiftY(l.box, dy);
  for (auto& r : L.leaders) { r.y += dy; r.h += dy; }
  for (auto& r : L.milestones) if (r.w > 0) ShiftY(r, dy);
  for (auto& ln : L.lanes) {
    ShiftY(ln.lane, dy);
    for (auto& r : ln.active) ShiftY(r, dy);
    for (auto& r : ln.peak) ShiftY(r, dy);
  }
  for (auto& t : L.ticks) ShiftY(t.box, dy);
  for (auto& br : L.breaks) br += dy;
  ShiftY(L.axis, dy);
  ShiftY(L.footer, dy);
}

void LayoutVertical(const Builder& b, HsctTimelineWidget::Layout& L) {
  Vertical v{b, L, b.s, b.W, b.H, 12 * b.s, LineH(FontRole::Small)};
  VerticalHeader(v);
  VerticalLegend(v);
  VerticalMilestones(v);
  VerticalPhases(v);
  VerticalLanes(v);
  VerticalAxisAndTail(v);
  VerticalScroll(L, b.v.scroll);
}


// Short wide canvases (1280x360, 1920x500 at text scale 1.5 or 2): the horizontal timeline's rows need more height
// than the canvas has, and under them there is no room for the detail. Rather than the phone's vertical layout
// stretched across a wide screen, the timeline stays horizontal in the canvas's left part, laid out at the height
// it needs and scrolled under the full-width header (wheel, keys, scroll into view), and the detail panel takes
// the right part's height under the header.
void ShiftAll(HsctTimelineWidget::Layout& L, float dy) {  // all but the header (switch, transport, status)
  for (Rect* r : {&L.intro, &L.plot, &L.legend, &L.phase_row, &L.axis, &L.footer}) ShiftY(*r, dy);
  if (L.day_readout.w > 0) ShiftY(L.day_readout, dy);
  for (auto& r : L.legend_swatches) ShiftY(r, dy);
  for (auto& l : L.legend_labels) ShiftY(l.box, dy);
  for (auto& r : L.phases) ShiftY(r, dy);
  for (auto& l : L.phase_labels) ShiftY(l.box, dy);
  for (auto& r : L.leaders) { r.y += dy; r.h += dy; }
  for (auto& r : L.milestones) if (r.w > 0) ShiftY(r, dy);
  for (auto& l : L.milestone_labels) ShiftY(l.box, dy);
  for (auto& ln : L.lanes) {
    ShiftY(ln.lane, dy);
    ShiftY(ln.label, dy);
    for (auto& r : ln.active) ShiftY(r, dy);
    for (auto& r : ln.peak) ShiftY(r, dy);
  }
  for (auto& t : L.ticks) ShiftY(t.box, dy);
}

void SidePanelLayout(const Builder& b, HsctTimelineWidget::Layout* out) {
  const float s = b.s, pad = 16 * s;
  const float side_w = std::min(std::max(0.3f * b.W, 240 * s), 420 * s);
  Builder left = b;
  left.W = b.W - side_w;
  // Only landscape screens (16:9 or wider: 1280x720 at text scale 2 too): a blog column (650x403, 1.6:1) keeps
  // the vertical layout, and so does a timeline that would be cramped beside the panel.
  if (b.W < 1.75f * b.H || left.W < 360 * s) return;
  // The roomiest rows that fit the height (the rows do not depend on it: it only places the disclaimer); else
  // level 2's rows, scrolled.
  int level = 0;
  float need = 0;
  for (; level <= 2; ++level) {
    HsctTimelineWidget::Layout T;
    left.H = 1e5f;
    LayoutHorizontal(left, T, level);
    need = T.panel.y + 10 * s + T.footer.h + pad;  // the rows, then the disclaimer (no panel under them)
    if (need <= b.H || level == 2) break;
  }
  left.H = std::max(need, b.H);
  HsctTimelineWidget::Layout L;
  L.s = s;
  LayoutHorizontal(left, L, level);
  // The header (variant switch, status, transport) across the whole width, fixed: the same height, so the rows
  // under it stay where they are; the names get the room they have in the stacked layout.
  Horizontal header{b, L, s, b.W, b.H, 16 * s, LineH(FontRole::Small), 3, 3, level < 2};
  L.status_text.clear();
  L.status = Rect{};
  HorizontalHeader(header);
  const float top = header.y;
  L.s = s;
  L.canvas = Rect{0, 0, b.W, b.H};
  L.panel_side = true;
  L.content_h = left.H - top;
  L.scroll_view = Rect{0, top, left.W, b.H - top};
  L.max_scroll = std::max(0.0f, left.H - b.H);
  L.scroll = std::max(0.0f, std::min(b.v.scroll, L.max_scroll));
  ShiftAll(L, -L.scroll);
  L.panel = Rect{left.W, top, side_w - pad, b.H - pad - top};
  if (L.panel.h < HsctTimelineWidget::MinPanelHeight(L.panel_pad > 0 ? L.panel_pad : 14 * s)) return;
  *out = L;
}

}  // namespace

float HsctTimelineWidget::MinPanelHeight(float pad) {
  return LineH(FontRole::Title) + 2 * LineH(FontRole::Body) + 1.6f * pad + 2;
}

HsctTimelineWidget::Layout HsctTimelineWidget::ComputeLayout(const content::Document& doc, const TimeScale& ts,
                                                             const View& v, float W, float H, float s, bool vertical) {
  Layout L;
  L.s = s;
  L.vertical = vertical;
  L.canvas = Rect{0, 0, W, H};
  if (doc.variants.empty()) return L;
  const content::Variant& var = doc.variants[std::min<size_t>((size_t)std::max(0, v.variant), doc.variants.size() - 1)];
  // Risk lanes: every risk any variant lists, in document order, so the rows stay put when the variant changes.
  std::set<std::string> listed;
  for (const auto& vv : doc.variants)
    for (const auto& p : vv.phases)
      for (const auto& r : p.risks) listed.insert(r);
  Builder b{doc, var, ts, v, W, H, s, {}};
  for (const auto& r : doc.risks)
    if (listed.count(r.id)) b.risks.push_back(&r);
  if (vertical) {
    LayoutVertical(b, L);
    L.scroll_view = L.plot;
    return L;
  }
  for (int level = 0; level <= 4; ++level) {
    L = Layout();
    L.s = s;
    L.vertical = false;
    L.canvas = Rect{0, 0, W, H};
    LayoutHorizontal(b, L, level);
    if (L.panel.h >= 118 * s) break;
  }
  L.scroll_view = L.plot;
  if (L.panel.h < MinPanelHeight(L.panel_pad > 0 ? L.panel_pad : 14 * s)) SidePanelLayout(b, &L);
  return L;
}

// ---- the detail panel -----------------------------------------------------------------------------------

HsctTimelineWidget::Detail HsctTimelineWidget::ComputeDetail(const Layout& L, const View& v, const Theme& th) const {
  Detail d;
  const float s = L.s;
  const Rect& P = L.panel;
  const float ip = L.panel_pad > 0 ? L.panel_pad : 14 * s;
  d.inner = Rect{P.x + ip, P.y + ip * 0.8f, P.w - 2 * ip, P.h - ip * 1.6f};
  const Rect& inner = d.inner;
  const bool two = d.two_columns = !L.vertical && inner.w > 620 * s;
  const float gap = 28 * s;
  const float lw = d.left_w = two ? (inner.w - gap) * 0.62f : inner.w;
  d.right_x = two ? inner.x + lw + gap : inner.x;
  const float rw = d.right_w = two ? inner.w - lw - gap : inner.w;
  // What to show: the selected milestone, else the phase at the day.
  const content::Variant& var = doc_.variants[std::min<size_t>((size_t)std::max(0, v.variant), doc_.variants.size() - 1)];
  const content::Milestone* ms = nullptr;
  for (const auto& m : var.milestones) if (m.id == v.selected) ms = &m;
  const int cur_phase = timeline::CoveringPhase(var, v.day);
  const content::Phase* ph = cur_phase >= 0 ? &var.phases[cur_phase] : nullptr;
  std::string title, range, text;
  std::vector<std::string> srcs;
  if (ms) { title = ms->name; range = timeline::RangeText(doc_, ms->days); text = ms->text; srcs = ms->sources; }
  else if (ph) { title = ph->name; range = timeline::RangeText(doc_, ph->days); text = ph->text; srcs = ph->sources; }
  else title = timeline::BetweenPhases(doc_);
  const std::string sources = SourcesText(srcs);
  const std::string day_str = doc_.String("dayLabel", {{"day", DayText(v.day, doc_.lang)}});
  d.left.push_back({FontRole::Small, doc_.String("youAreHere") + " \xC2\xB7 " + day_str, th.text_muted, 0});
  d.left.push_back({FontRole::Title, title, th.text, 2});
  d.left.push_back({FontRole::Small, range, th.text_muted, 2});
  if (!text.empty()) d.left.push_back({FontRole::Body, text, th.text, 8});
  if (!sources.empty()) {
    d.sources.push_back({FontRole::Strong, doc_.String("sourcesHeading"), th.text_muted, 12});
    d.sources.push_back({FontRole::Small, sources, th.text_muted, 2});
  }
  if (ph)
    for (const auto& rid : ph->risks) {
      const auto* r = doc_.FindRisk(rid);
      if (!r) continue;
      int pat = 0;
      for (size_t k = 0; k < L.lanes.size(); ++k) if (L.lanes[k].risk == rid) pat = L.lanes[k].pattern;
      d.risks.push_back({pat, r->name});
    }
  d.risks_heading = doc_.String("activeRisks");
  d.no_risks = doc_.String("noActiveRisks");
  const float sw_w = 22 * s;
  float risk_h = LineH(FontRole::Strong) + 4 * s;
  for (const auto& it : d.risks) risk_h += WrappedHeight(FontRole::Body, it.second, rw - sw_w - 8 * s) + 4 * s;
  if (d.risks.empty()) risk_h += WrappedHeight(FontRole::Body, d.no_risks, rw);
  const float left_h = BlocksHeight(d.left, lw, s) + (two ? BlocksHeight(d.sources, lw, s) : 0);
  d.content_h = two ? std::max(left_h, risk_h) : left_h + 14 * s + risk_h + BlocksHeight(d.sources, lw, s);
  return d;
}

}  // namespace scw
