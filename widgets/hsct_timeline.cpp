// hsct_timeline.cpp — see hsct_timeline.h.
#include "hsct_timeline.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <imgui.h>

#include "ui/input.h"
#include "ui/sort.h"

#include "ui/mathx.h"
#include "ui/text_layout.h"

namespace scw {
namespace {

constexpr float kLineSpacing = 1.35f;
float LineH(FontRole r) { return CurrentFonts().Size(r) * kLineSpacing; }
float Lerp(float a, float b, float t) { return a + (b - a) * t; }
Rect LerpRect(const Rect& a, const Rect& b, float t) {
  return Rect{Lerp(a.x, b.x, t), Lerp(a.y, b.y, t), Lerp(a.w, b.w, t), Lerp(a.h, b.h, t)};
}
float Ease(float t) { t = std::min(1.0f, std::max(0.0f, t)); return t * t * (3 - 2 * t); }
Rect Intersect(const Rect& a, const Rect& b) {
  const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}
std::string ShortName(const std::string& name) {  // "Autologous transplant (own cells)" -> "Autologous transplant"
  const size_t p = name.find(" (");
  return p == std::string::npos || p == 0 ? name : name.substr(0, p);
}
std::string Lower(std::string s) {
  for (auto& c : s) c = (char)std::tolower((unsigned char)c);
  return s;
}

// Draws a pattern clipped to r: each risk lane has its own, so the lanes differ by more than colour.
void DrawPattern(ImDrawList* dl, const Rect& r, int pattern, Color col, float s) {
  if (r.w <= 0.5f || r.h <= 0.5f) return;
  dl->PushClipRect(r.Min(), r.Max(), true);
  const float step = 6.0f * s, lw = std::max(1.0f, 1.2f * s);
  switch (pattern % 6) {
    case 0:  // diagonal /
      for (float x = r.x - r.h; x < r.x + r.w; x += step) dl->AddLine(ImVec2(x, r.y + r.h), ImVec2(x + r.h, r.y), col, lw);
      break;
    case 1:  // dots
      for (float y = r.y + step / 2; y < r.y + r.h; y += step)
        for (float x = r.x + step / 2 + (((int)((y - r.y) / step)) % 2) * step / 2; x < r.x + r.w; x += step)
          dl->AddCircleFilled(ImVec2(x, y), 1.3f * s, col, 6);
      break;
    case 2:  // horizontal lines
      for (float y = r.y + step / 2; y < r.y + r.h; y += step * 0.75f) dl->AddLine(ImVec2(r.x, y), ImVec2(r.x + r.w, y), col, lw);
      break;
    case 3:  // diagonal backslash
      for (float x = r.x - r.h; x < r.x + r.w; x += step) dl->AddLine(ImVec2(x, r.y), ImVec2(x + r.h, r.y + r.h), col, lw);
      break;
    case 4:  // cross-hatch
      for (float x = r.x - r.h; x < r.x + r.w; x += step * 1.4f) {
        dl->AddLine(ImVec2(x, r.y + r.h), ImVec2(x + r.h, r.y), col, lw);
        dl->AddLine(ImVec2(x, r.y), ImVec2(x + r.h, r.y + r.h), col, lw);
      }
      break;
    default:  // vertical lines
      for (float x = r.x + step / 2; x < r.x + r.w; x += step * 0.75f) dl->AddLine(ImVec2(x, r.y), ImVec2(x, r.y + r.h), col, lw);
      break;
  }
  dl->PopClipRect();
}

void DrawIcon(ImDrawList* dl, const Rect& r, int kind, Color col, float s) {  // 0 prev, 1 play, 2 pause, 3 next
  const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
  const float k = 6.5f * s;
  if (kind == 1) {
    dl->AddTriangleFilled(ImVec2(c.x - k * 0.7f, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x - k * 0.7f, c.y + k), col);
  } else if (kind == 2) {
    dl->AddRectFilled(ImVec2(c.x - k * 0.8f, c.y - k), ImVec2(c.x - k * 0.2f, c.y + k), col, 1 * s);
    dl->AddRectFilled(ImVec2(c.x + k * 0.2f, c.y - k), ImVec2(c.x + k * 0.8f, c.y + k), col, 1 * s);
  } else {
    const float d = kind == 0 ? -1.0f : 1.0f;
    dl->AddTriangleFilled(ImVec2(c.x - d * k * 0.6f, c.y - k), ImVec2(c.x + d * k * 0.6f, c.y),
                          ImVec2(c.x - d * k * 0.6f, c.y + k), col);
    const float bx = c.x + d * k * 0.6f;
    dl->AddRectFilled(ImVec2(std::min(bx, bx + d * 2.2f * s), c.y - k), ImVec2(std::max(bx, bx + d * 2.2f * s), c.y + k), col);
  }
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
  if (t.months == 0) return doc.String("dayLabel", {{"day", HsctTimelineWidget::DayText(t.day)}});
  return (t.months < 0 ? "\xE2\x88\x92" : "") + std::to_string(std::abs(t.months)) + " " + doc.String("months");
}

}  // namespace

// ---- time scale ---------------------------------------------------------------------------------------

TimeScale TimeScale::For(double dmin, double dmax) {
  TimeScale t;
  t.dmin = std::min(dmin, 0.0);
  t.dmax = std::max(dmax, 1.0);
  t.lin0 = std::max(t.dmin, -7.0);
  t.lin1 = std::min(t.dmax, 31.0);
  const double lpre = t.dmin < t.lin0 ? Ln(1 + (t.lin0 - t.dmin) / kLogK) : 0;
  const double lpost = t.dmax > t.lin1 ? Ln(1 + (t.dmax - t.lin1) / kLogK) : 0;
  const double wpre = std::min(0.2, 0.08 * lpre), wpost = std::min(0.42, 0.09 * lpost);
  const double wlin = std::max(0.1, 0.42 * (t.lin1 - t.lin0) / 38.0);
  const double sum = wpre + wpost + wlin;
  t.f_pre = wpre / sum;
  t.f_post = wpost / sum;
  t.f_lin = 1 - t.f_pre - t.f_post;
  return t;
}

double TimeScale::U(double d) const {
  d = std::max(dmin, std::min(dmax, d));
  if (d < lin0 && f_pre > 0) {
    const double g = Ln(1 + (lin0 - d) / kLogK), G = Ln(1 + (lin0 - dmin) / kLogK);
    return f_pre * (1 - g / G);
  }
  if (d <= lin1 || f_post <= 0) return f_pre + f_lin * (d - lin0) / std::max(1e-9, lin1 - lin0);
  const double h = Ln(1 + (d - lin1) / kLogK), H = Ln(1 + (dmax - lin1) / kLogK);
  return f_pre + f_lin + f_post * h / H;
}

double TimeScale::Day(double u) const {
  u = std::max(0.0, std::min(1.0, u));
  if (u < f_pre && f_pre > 0) {
    const double G = Ln(1 + (lin0 - dmin) / kLogK);
    return lin0 - kLogK * (Exp((1 - u / f_pre) * G) - 1);
  }
  if (u <= f_pre + f_lin || f_post <= 0) return lin0 + (u - f_pre) / f_lin * (lin1 - lin0);
  const double H = Ln(1 + (dmax - lin1) / kLogK);
  return lin1 + kLogK * (Exp((u - f_pre - f_lin) / f_post * H) - 1);
}

TimeScale HsctTimelineWidget::ScaleFor(const content::Document& doc) {
  double lo = 0, hi = 1;
  for (const auto& v : doc.variants) {
    for (const auto& p : v.phases) { lo = std::min(lo, p.days.from); hi = std::max(hi, p.days.to + 1); }
    for (const auto& m : v.milestones) { lo = std::min(lo, m.days.from); hi = std::max(hi, m.days.to + 1); }
  }
  for (const auto& r : doc.risks)
    for (const auto& w : r.windows)
      if (doc.FindVariant(w.variant)) { lo = std::min(lo, w.days.from); hi = std::max(hi, w.days.to + 1); }
  return TimeScale::For(lo, hi);
}

std::string HsctTimelineWidget::DayText(double day) {
  const long d = std::lround(day);
  if (d == 0) return "0";
  return (d > 0 ? "+" : "\xE2\x88\x92") + std::to_string(std::labs(d));
}

// ---- layout -------------------------------------------------------------------------------------------

namespace {

void ShiftY(Rect& r, float dy) { r.y += dy; }

struct Builder {
  const content::Document& doc;
  const content::Variant& var;
  const TimeScale& ts;
  const HsctTimelineWidget::View& v;
  float W, H, s;
  std::vector<const content::Risk*> risks;
};

// Places transport buttons starting at (x, y); returns the right edge.
float PlaceTransport(HsctTimelineWidget::Layout& L, const content::Document& doc, float x, float y, float h, float s) {
  const float lw = std::max(MeasureText(FontRole::Strong, doc.String("play")).x, MeasureText(FontRole::Strong, doc.String("pause")).x);
  const float bw = 44 * s, pw = 14 * s + 8 * s + lw + 28 * s, gap = 8 * s;
  L.prev = Rect{x, y, bw, h};
  L.play = Rect{x + bw + gap, y, pw, h};
  L.next = Rect{x + bw + gap + pw + gap, y, bw, h};
  return L.next.x + L.next.w;
}

void LayoutHorizontal(const Builder& b, HsctTimelineWidget::Layout& L, int level) {
  const float s = b.s, W = b.W, H = b.H;
  const float pad = 16 * s, sm = LineH(FontRole::Small);
  const int max_label_rows = level >= 3 ? 1 : (level >= 1 ? 2 : 3);
  const int max_ms_lanes = level >= 3 ? 1 : (level >= 1 ? 2 : 3);
  const bool show_intro = level < 2;

  // Header: variant switch on the left, transport on the right.
  float y = pad;
  const float hdr_h = 40 * s;
  const float lw = std::max(MeasureText(FontRole::Strong, b.doc.String("play")).x, MeasureText(FontRole::Strong, b.doc.String("pause")).x);
  const float tw = 44 * s * 2 + 14 * s + 8 * s + lw + 28 * s + 16 * s;
  PlaceTransport(L, b.doc, W - pad - tw, y, hdr_h, s);
  const float seg_avail = L.prev.x - 20 * s - pad;
  const size_t n = b.doc.variants.size();
  std::vector<std::string> labels;
  float total = 0;
  for (const auto& vv : b.doc.variants) { labels.push_back(vv.name); total += MeasureText(FontRole::Strong, vv.name).x + 32 * s; }
  if (total > seg_avail) {
    total = 0;
    for (auto& l : labels) { l = ShortName(l); total += MeasureText(FontRole::Strong, l).x + 32 * s; }
  }
  const float each_max = seg_avail / (float)n;
  float x = pad;
  for (auto& l : labels) {
    float w = MeasureText(FontRole::Strong, l).x + 32 * s;
    if (total > seg_avail) { l = Ellipsize(FontRole::Strong, l, each_max - 32 * s); w = each_max; }
    L.segments.push_back(Rect{x, y, w, hdr_h});
    L.segment_labels.push_back(l);
    x += w;
  }
  // Where the intro (which starts with the status) is left out, the status goes beside the variant switch, if it
  // fits whole there.
  if (!show_intro && !L.segments.empty()) {
    const content::Therapy* th = TherapyForVariant(b.doc, b.var.id);
    std::string st = th ? TherapyStatusText(b.doc, *th) : std::string();
    const float sx = L.segments.back().x + L.segments.back().w + 14 * s;
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
  y += hdr_h + 10 * s;

  // The variant's short text.
  const std::string intro = VariantIntroText(b.doc, b.var);
  if (show_intro && !intro.empty()) {
    auto lines = WrapLines(FontRole::Small, intro, W - 2 * pad);
    if (lines.size() > 2) { lines.resize(2); lines[1] = Ellipsize(FontRole::Small, lines[1] + " …", W - 2 * pad); }
    L.intro_lines = lines;
    L.intro = Rect{pad, y, W - 2 * pad, sm * (float)lines.size()};
    y += L.intro.h + 10 * s;
  }

  // Gutter for lane names and the "you are here" readout.
  const std::string day_text = b.doc.String("dayLabel", {{"day", HsctTimelineWidget::DayText(b.v.day)}});
  float gw = std::max(MeasureText(FontRole::Small, b.doc.String("youAreHere")).x, MeasureText(FontRole::Title, "Day \xE2\x88\x92" "180").x);
  for (const auto* r : b.risks) gw = std::max(gw, MeasureText(FontRole::Small, r->name).x);
  gw = std::min(std::max(gw + 16 * s, 110 * s), 0.26f * W);
  const float x0 = pad + gw, x1 = W - pad - 4 * s;
  L.axis_a = x0;
  L.axis_b = x1;

  // Phase bands and their labels (staggered rows above the bands, with leader lines).
  const float band_h = 30 * s;
  struct Placed { float a, b; };
  std::vector<std::vector<Placed>> rows(max_label_rows);
  std::vector<int> row_of(b.var.phases.size(), -1);
  std::vector<float> label_x(b.var.phases.size()), label_w(b.var.phases.size());
  std::vector<std::string> label_text(b.var.phases.size());
  for (size_t i = 0; i < b.var.phases.size(); ++i) {
    const auto& p = b.var.phases[i];
    const float bx0 = L.Along(b.ts.U(p.days.from)), bx1 = L.Along(b.ts.U(p.days.to + 1));
    std::string t = p.name;
    float w = MeasureText(FontRole::Small, t).x;
    if (w + 16 * s <= bx1 - bx0) { row_of[i] = -2; label_x[i] = (bx0 + bx1) / 2 - w / 2; label_w[i] = w; label_text[i] = t; continue; }
    for (int attempt = 0; attempt < 2 && row_of[i] < 0; ++attempt) {
      if (attempt == 1) {  // a shorter label when there is no room for the whole name
        if (bx1 - bx0 < 48 * s) break;
        t = Ellipsize(FontRole::Small, p.name, std::max(bx1 - bx0, 60 * s));
        w = MeasureText(FontRole::Small, t).x;
      }
      float lx = (bx0 + bx1) / 2 - w / 2;
      lx = std::max(x0, std::min(lx, W - pad - w));
      for (int r = 0; r < max_label_rows && row_of[i] < 0; ++r) {
        bool free = true;
        for (const auto& pl : rows[r]) free &= lx >= pl.b + 12 * s || lx + w + 12 * s <= pl.a;
        if (free) { rows[r].push_back({lx, lx + w}); row_of[i] = r; label_x[i] = lx; label_w[i] = w; label_text[i] = t; }
      }
    }
  }
  int used_rows = 0;
  for (int r : row_of) used_rows = std::max(used_rows, r + 1);
  const float band_y = y + used_rows * sm + 6 * s;
  L.phase_row = Rect{x0, band_y, x1 - x0, band_h};
  for (size_t i = 0; i < b.var.phases.size(); ++i) {
    const auto& p = b.var.phases[i];
    const float bx0 = L.Along(b.ts.U(p.days.from)), bx1 = L.Along(b.ts.U(p.days.to + 1));
    L.phases.push_back(Rect{bx0, band_y, std::max(bx1 - bx0, 0.0f), band_h});
    HsctTimelineWidget::Label lab;
    lab.text = label_text[i];
    lab.shown = row_of[i] >= 0 || row_of[i] == -2;
    if (row_of[i] == -2) {
      lab.box = Rect{label_x[i], band_y + (band_h - sm) / 2, label_w[i], sm};
      L.leaders.push_back(Rect{});
    } else if (lab.shown) {
      lab.box = Rect{label_x[i], band_y - 6 * s - (row_of[i] + 1) * sm, label_w[i], sm};
      const float cx = std::min(std::max(label_x[i] + label_w[i] / 2, bx0 + 1 * s), std::max(bx0 + 1 * s, bx1 - 1 * s));
      L.leaders.push_back(Rect{cx, lab.box.y + lab.box.h, cx, band_y});
    } else {
      L.leaders.push_back(Rect{});
    }
    L.phase_labels.push_back(lab);
  }
  L.day_readout = Rect{pad, band_y - 2 * s, gw - 12 * s, band_h + 4 * s};
  y = band_y + band_h + 8 * s;

  // Milestones: range bars with their names, packed into lanes.
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
  y += ms_lanes * lane_h + (ms_lanes ? 6 * s : 0);

  // Risk lanes.
  const float rl_h = 22 * s;
  for (size_t i = 0; i < b.risks.size(); ++i) {
    const content::Risk* r = b.risks[i];
    HsctTimelineWidget::Lane lane;
    lane.risk = r->id;
    lane.name = Ellipsize(FontRole::Small, r->name, gw - 14 * s);
    lane.pattern = (int)i;
    lane.lane = Rect{x0, y + i * rl_h, x1 - x0, rl_h};
    lane.label = Rect{pad, y + i * rl_h + (rl_h - sm) / 2, gw - 14 * s, sm};
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
  y += b.risks.size() * rl_h + 4 * s;

  // Axis with ticks, break marks and the drag strip.
  const float axis_y = y;
  L.axis = Rect{x0 - 6 * s, axis_y - 8 * s, x1 - x0 + 12 * s, 8 * s + 6 * s + sm + 4 * s};
  std::vector<size_t> tick_order;
  for (size_t i = 0; i < sizeof(kTicks) / sizeof(kTicks[0]); ++i)
    if (kTicks[i].day >= b.ts.dmin && kTicks[i].day < b.ts.dmax) tick_order.push_back(i);
  StableSortSmall(tick_order.begin(), tick_order.end(), [](size_t a, size_t c) { return kTicks[a].priority < kTicks[c].priority; });
  for (size_t i : tick_order) {
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
  if (b.ts.BreakBefore()) L.breaks.push_back(L.Along(b.ts.U(b.ts.lin0)));
  if (b.ts.BreakAfter()) L.breaks.push_back(L.Along(b.ts.U(b.ts.lin1)));
  y = axis_y + 7 * s + sm + 6 * s;

  // Key: what the two fills mean.
  L.legend = Rect{x0, y, x1 - x0, sm};
  y += sm + 12 * s;
  L.plot = Rect{pad, L.segments.empty() ? y : L.segments[0].y + hdr_h, W - 2 * pad, y - (L.segments[0].y + hdr_h)};
  L.content_h = L.plot.h;

  // Footer and panel.
  auto foot = WrapLines(FontRole::Small, b.doc.String("disclaimer"), W - 2 * pad);
  L.footer_lines = foot;
  const float fh = sm * (float)foot.size();
  L.footer = Rect{pad, H - pad - fh, W - 2 * pad, fh};
  L.panel = Rect{pad, y, W - 2 * pad, std::max(0.0f, L.footer.y - 10 * s - y)};
}

void LayoutVertical(const Builder& b, HsctTimelineWidget::Layout& L) {
  const float s = b.s, W = b.W, H = b.H;
  const float pad = 12 * s, sm = LineH(FontRole::Small);
  float y = pad;
  // Variant switch, full width, labels on up to two lines.
  const size_t n = b.doc.variants.size();
  const float seg_w = (W - 2 * pad) / (float)n;
  int max_lines = 1;
  std::vector<std::vector<std::string>> seg_lines;
  for (const auto& vv : b.doc.variants) {
    auto lines = WrapLines(FontRole::Small, vv.name, seg_w - 16 * s);
    if (lines.size() > 2) { lines.resize(2); lines[1] = Ellipsize(FontRole::Small, lines[1] + "…", seg_w - 16 * s); }
    max_lines = std::max(max_lines, (int)lines.size());
    seg_lines.push_back(lines);
  }
  const float seg_h = std::max(40 * s, max_lines * sm + 12 * s);
  for (size_t i = 0; i < n; ++i) {
    L.segments.push_back(Rect{pad + i * seg_w, y, seg_w, seg_h});
    std::string joined;
    for (size_t k = 0; k < seg_lines[i].size(); ++k) joined += (k ? "\n" : "") + seg_lines[i][k];
    L.segment_labels.push_back(joined);
  }
  y += seg_h + 8 * s;
  const float tr_h = 40 * s;
  const float tr_end = PlaceTransport(L, b.doc, pad, y, tr_h, s);
  L.day_readout = Rect{tr_end + 8 * s, y, W - pad - tr_end - 8 * s, tr_h};
  y += tr_h + 8 * s;

  // The detail panel at the bottom; the timeline scrolls between.
  const float ph = std::min(std::max(130 * s, 0.32f * H), 0.45f * H);
  L.panel = Rect{pad, H - pad - ph, W - 2 * pad, ph};
  L.plot = Rect{0, y, W, std::max(40 * s, L.panel.y - 8 * s - y)};

  // Content, in content coordinates (0 = top of the viewport, before scrolling).
  float c = 10 * s;
  // Legend: each risk's pattern and name (the columns below carry the same patterns).
  for (size_t i = 0; i < b.risks.size(); ++i) {
    L.legend_swatches.push_back(Rect{pad, c + 2 * s, 22 * s, sm - 4 * s});
    HsctTimelineWidget::Label lab;
    lab.text = Ellipsize(FontRole::Small, b.risks[i]->name, W - 2 * pad - 30 * s);
    lab.box = Rect{pad + 30 * s, c, MeasureText(FontRole::Small, lab.text).x, sm};
    L.legend_labels.push_back(lab);
    c += sm + 2 * s;
  }
  L.legend = Rect{pad, c + 4 * s, W - 2 * pad, 2 * sm};
  c += (b.risks.empty() ? 0 : 2 * sm + 8 * s) + 14 * s;

  // Columns: tick labels | axis | phase bands | milestones | risk lanes | phase names.
  const float x_axis = pad + 62 * s;
  const float band_x = x_axis + 6 * s, band_w = 18 * s;
  const float ms_x = band_x + band_w + 6 * s, ms_lane_w = 9 * s;
  const int ms_max = 3;
  // Milestone packing needs the axis; compute it first.
  const float axis_len = std::max(820 * s, 2.4f * L.plot.h);
  L.axis_a = c;
  L.axis_b = c + axis_len;
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
    if (lane_of[k] >= 0) L.milestones[k] = Rect{ms_x + lane_of[k] * ms_lane_w, a, ms_lane_w - 1 * s, e - a};
    L.milestone_labels[k].shown = false;
  }
  const float risk_x = ms_x + ms_lanes * ms_lane_w + 6 * s, risk_w = 12 * s;
  const float label_x = risk_x + b.risks.size() * risk_w + 10 * s;
  const float label_w = std::max(60 * s, W - pad - label_x);

  L.phase_row = Rect{band_x, L.axis_a, band_w, axis_len};
  float prev_bottom = -1e9f;
  for (size_t i = 0; i < b.var.phases.size(); ++i) {
    const auto& p = b.var.phases[i];
    const float a = L.Along(b.ts.U(p.days.from)), e = L.Along(b.ts.U(p.days.to + 1));
    L.phases.push_back(Rect{band_x, a, band_w, std::max(e - a, 0.0f)});
    HsctTimelineWidget::Label lab;
    auto lines = WrapLines(FontRole::Small, p.name, label_w);
    if (lines.size() > 3) { lines.resize(3); lines[2] = Ellipsize(FontRole::Small, lines[2] + "…", label_w); }
    for (size_t k = 0; k < lines.size(); ++k) lab.text += (k ? "\n" : "") + lines[k];
    float wmax = 0;
    for (const auto& ln : lines) wmax = std::max(wmax, MeasureText(FontRole::Small, ln).x);
    const float lh = sm * (float)lines.size();
    const float want = (a + e) / 2 - lh / 2;
    const float ly = std::max(want, prev_bottom + 6 * s);
    lab.box = Rect{label_x, ly, wmax, lh};
    prev_bottom = ly + lh;
    L.leaders.push_back(Rect{band_x + band_w, (a + e) / 2, label_x - 4 * s, ly + std::min(lh, sm) / 2});
    L.phase_labels.push_back(lab);
  }
  for (size_t i = 0; i < b.risks.size(); ++i) {
    const content::Risk* r = b.risks[i];
    HsctTimelineWidget::Lane lane;
    lane.risk = r->id;
    lane.name = r->name;
    lane.pattern = (int)i;
    lane.lane = Rect{risk_x + i * risk_w, L.axis_a, risk_w - 2 * s, axis_len};
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
  // Ticks: labels right-aligned left of the axis.
  std::vector<size_t> tick_order;
  for (size_t i = 0; i < sizeof(kTicks) / sizeof(kTicks[0]); ++i)
    if (kTicks[i].day >= b.ts.dmin && kTicks[i].day < b.ts.dmax) tick_order.push_back(i);
  StableSortSmall(tick_order.begin(), tick_order.end(), [](size_t a, size_t d) { return kTicks[a].priority < kTicks[d].priority; });
  for (size_t i : tick_order) {
    HsctTimelineWidget::Tick t;
    t.day = kTicks[i].day;
    t.text = Ellipsize(FontRole::Small, TickText(b.doc, kTicks[i]), x_axis - 8 * s - pad);
    const float cy = L.Along(b.ts.U(t.day + 0.5));
    const float w = MeasureText(FontRole::Small, t.text).x;
    t.box = Rect{x_axis - 8 * s - w, cy - sm / 2, w, sm};
    bool free = true;
    for (const auto& o : L.ticks) free &= !(t.box.y < o.box.y + o.box.h + 4 * s && o.box.y < t.box.y + t.box.h + 4 * s);
    if (free) L.ticks.push_back(t);
  }
  if (b.ts.BreakBefore()) L.breaks.push_back(L.Along(b.ts.U(b.ts.lin0)));
  if (b.ts.BreakAfter()) L.breaks.push_back(L.Along(b.ts.U(b.ts.lin1)));
  L.axis = Rect{pad, L.axis_a - 8 * s, band_x + band_w - pad, axis_len + 16 * s};

  c = std::max(L.axis_b, prev_bottom) + 18 * s;
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

  // Scroll: shift everything in the content to screen coordinates.
  L.max_scroll = std::max(0.0f, L.content_h - L.plot.h);
  L.scroll = std::max(0.0f, std::min(b.v.scroll, L.max_scroll));
  const float dy = L.plot.y - L.scroll;
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

}  // namespace

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
    return L;
  }
  for (int level = 0; level <= 3; ++level) {
    L = Layout();
    L.s = s;
    L.vertical = false;
    L.canvas = Rect{0, 0, W, H};
    LayoutHorizontal(b, L, level);
    if (L.panel.h >= 118 * s) break;
  }
  return L;
}

// ---- state changes ------------------------------------------------------------------------------------

void HsctTimelineWidget::OnContent() {
  ts_ = ScaleFor(doc_);
  if (view_.variant >= (int)doc_.variants.size()) view_.variant = 0;
  view_.day = std::max(ts_.dmin, std::min(ts_.dmax - 1, view_.day));
  if (PhaseAt(view_.day) < 0 && !Var().phases.empty()) view_.day = Var().phases[0].days.from;
  bool found = view_.selected.empty();
  for (const auto& p : Var().phases) found |= p.id == view_.selected;
  for (const auto& m : Var().milestones) found |= m.id == view_.selected;
  if (!found) view_.selected.clear();
  playing_ = false;
  variant_t_ = day_t_ = 1;
  from_phases_.clear();
  cursor_idx_ = 0;
  if (cursor_row_ >= RowCount()) cursor_row_ = kPhases;
  panel_.Reset();
  announcement_.clear();
  want_marker_visible_ = true;  // phones: open with the marker in view
}

namespace {
// The phase whose days include `day` (the later one where two overlap), or -1 on a day no phase covers: such a
// day is "between phases" for the reader, never silently part of the nearest phase (PhaseAt() is for stepping).
int CoveringPhase(const content::Variant& v, double day) {
  for (int i = (int)v.phases.size() - 1; i >= 0; --i)
    if (day >= v.phases[i].days.from && day <= v.phases[i].days.to) return i;
  return -1;
}
std::string BetweenPhases(const content::Document& d) {
  const std::string s = d.String("betweenPhases");
  return s == "betweenPhases" ? "Between phases" : s;
}
}  // namespace

int HsctTimelineWidget::PhaseAt(double day) const {
  if (!loaded_) return -1;
  const auto& ph = Var().phases;
  for (int i = (int)ph.size() - 1; i >= 0; --i)  // the later phase wins where two overlap
    if (day >= ph[i].days.from && day <= ph[i].days.to) return i;
  // Between phases: the nearest one.
  int best = -1;
  double bd = 1e18;
  for (int i = 0; i < (int)ph.size(); ++i) {
    const double d = day < ph[i].days.from ? ph[i].days.from - day : day - ph[i].days.to;
    if (d < bd) { bd = d; best = i; }
  }
  return best;
}

int HsctTimelineWidget::RowSize(int row) const {
  if (!loaded_) return 0;
  if (row == kControls) return (int)doc_.variants.size() + 3;
  if (row == kPhases) return (int)Var().phases.size();
  return (int)Var().milestones.size();
}
int HsctTimelineWidget::RowCount() const { return RowSize(kMilestones) > 0 ? 3 : 2; }

std::string HsctTimelineWidget::PhaseAnnouncement() const {
  const int i = CoveringPhase(Var(), view_.day);
  std::string out = doc_.String("dayLabel", {{"day", DayText(view_.day)}});
  out += ", " + (i >= 0 ? Var().phases[i].name : BetweenPhases(doc_));
  out += ". ";
  std::vector<std::string> names;
  if (i >= 0)
    for (const auto& r : Var().phases[i].risks)
      if (const auto* risk = doc_.FindRisk(r)) names.push_back(risk->name);
  if (names.empty()) return out + doc_.String("noActiveRisks");
  out += doc_.String("activeRisks") + ": ";
  for (size_t k = 0; k < names.size(); ++k) out += (k ? ", " : "") + names[k];
  return out + ".";
}

void HsctTimelineWidget::StartDayAnim(double from) {
  day_from_ = from;
  day_t_ = reduced_motion_ ? 1.0f : 0.0f;
}

void HsctTimelineWidget::GoToPhase(int i, bool select) {
  const auto& ph = Var().phases;
  if (ph.empty()) return;
  i = std::max(0, std::min(i, (int)ph.size() - 1));
  const double old = view_.day;
  view_.day = ph[i].days.from;
  if (view_.day != old) StartDayAnim(old);
  if (select) view_.selected = ph[i].id;
  want_marker_visible_ = true;
  announcement_ = PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::SetDay(double day, bool from_drag) {
  day = std::floor(std::max(ts_.dmin, std::min(ts_.dmax - 1, day)));
  if (day == view_.day) return;
  if (from_drag) day_t_ = 1;
  view_.day = day;
  const int i = CoveringPhase(Var(), day);
  view_.selected = i >= 0 ? Var().phases[i].id : std::string();
  announcement_ = PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::SetVariant(int v, bool animate) {
  if (v < 0 || v >= (int)doc_.variants.size() || v == view_.variant) return;
  from_phases_ = layout_.phases;
  bool sel_phase = view_.selected.empty();
  for (const auto& p : Var().phases) sel_phase |= p.id == view_.selected;
  view_.variant = v;
  variant_t_ = animate && !reduced_motion_ ? 0.0f : 1.0f;
  const int i = PhaseAt(view_.day);
  view_.selected = (sel_phase && !view_.selected.empty() && i >= 0) ? Var().phases[i].id : std::string();
  if (cursor_row_ >= RowCount()) cursor_row_ = kPhases;
  if (cursor_row_ == kMilestones) cursor_idx_ = std::min(cursor_idx_, std::max(0, RowSize(kMilestones) - 1));
  want_marker_visible_ = true;
  announcement_ = Var().name + ". " + PhaseAnnouncement();
  MarkChanged();
}

void HsctTimelineWidget::TogglePlay() {
  if (playing_) {
    playing_ = false;
    announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement();
  } else {
    const int i = PhaseAt(view_.day);
    if (i < 0 || i >= (int)Var().phases.size() - 1) GoToPhase(0, true);
    else GoToPhase(i, true);
    playing_ = true;
    play_timer_ = 0;
    announcement_ = doc_.String("play") + ". " + PhaseAnnouncement();
  }
  MarkChanged();
}

void HsctTimelineWidget::Activate(int row, int idx) {
  if (row == kControls) {
    const int nv = (int)doc_.variants.size();
    if (idx < nv) SetVariant(idx, true);
    else if (idx == nv) { playing_ = false; GoToPhase(PhaseAt(view_.day) - 1, true); }
    else if (idx == nv + 1) TogglePlay();
    else { playing_ = false; GoToPhase(PhaseAt(view_.day) + 1, true); }
  } else if (row == kPhases) {
    const auto& ph = Var().phases;
    if (idx < 0 || idx >= (int)ph.size()) return;
    if (view_.selected == ph[idx].id) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
      MarkChanged();
    } else {
      GoToPhase(idx, true);
    }
  } else {
    const auto& ms = Var().milestones;
    if (idx < 0 || idx >= (int)ms.size()) return;
    if (view_.selected == ms[idx].id) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
    } else {
      view_.selected = ms[idx].id;
      const double old = view_.day;
      view_.day = std::max(ts_.dmin, std::min(ts_.dmax - 1, ms[idx].days.from));
      if (old != view_.day) StartDayAnim(old);
      want_marker_visible_ = true;
      announcement_ = ms[idx].name + ": " +
                      (ms[idx].days.from == ms[idx].days.to
                           ? doc_.String("dayLabel", {{"day", DayText(ms[idx].days.from)}})
                           : doc_.String("dayRangeLabel", {{"from", DayText(ms[idx].days.from)}, {"to", DayText(ms[idx].days.to)}})) + ".";
    }
    MarkChanged();
  }
}

// {"variant": id, "day": number, "selected": phase or milestone id | null, "playing": bool}: checked first (the
// selection against the variant it will show), then applied in that order.
bool HsctTimelineWidget::SetState(const nlohmann::json& p, std::string* error) {
  if (!CheckStateKeys(p, {"selected", "variant", "day", "playing"}, error)) return false;
  int variant = view_.variant;
  if (p.contains("variant")) {
    const auto& v = p["variant"];
    std::string known;
    variant = -1;
    for (size_t i = 0; i < doc_.variants.size(); ++i) {
      if (v.is_string() && doc_.variants[i].id == v.get<std::string>()) variant = (int)i;
      known += std::string(i ? ", " : "") + "\"" + doc_.variants[i].id + "\"";
    }
    if (variant < 0) {
      *error = "setState: \"variant\" is " + ShownValue(v) + ", which is not a timeline variant id; the content has " +
               known + ".";
      return false;
    }
  }
  double day = view_.day;
  const bool has_day = p.contains("day");
  if (has_day) {
    const auto& d = p["day"];
    if (!d.is_number() || !(d.get<double>() >= ts_.dmin && d.get<double>() <= ts_.dmax - 1)) {
      *error = "setState: \"day\" must be a number from " + DayText(ts_.dmin) + " to " + DayText(ts_.dmax - 1) +
               " (days from the transplant, day 0), got " + ShownValue(d) + ".";
      return false;
    }
    day = std::floor(d.get<double>());
  }
  std::string sel = view_.selected;
  int phase = -1, milestone = -1;
  const bool has_sel = p.contains("selected");
  if (has_sel) {
    if (!StateIdOrNull(p["selected"], "selected", &sel, error)) return false;
    const auto& var = doc_.variants[variant];
    for (size_t i = 0; i < var.phases.size(); ++i) if (var.phases[i].id == sel) phase = (int)i;
    for (size_t i = 0; i < var.milestones.size(); ++i) if (var.milestones[i].id == sel) milestone = (int)i;
    if (!sel.empty() && phase < 0 && milestone < 0) {
      *error = "setState: \"selected\" is \"" + sel + "\", which is not a phase or milestone id of the \"" + var.id +
               "\" variant.";
      return false;
    }
  }
  bool playing = playing_;
  if (p.contains("playing")) {
    if (!p["playing"].is_boolean()) {
      *error = "setState: \"playing\" must be true or false, got " + ShownValue(p["playing"]) + ".";
      return false;
    }
    playing = p["playing"].get<bool>();
  }
  // Apply.
  if (variant != view_.variant) SetVariant(variant, true);
  if (has_day && day != view_.day) {
    const double old = view_.day;
    view_.day = day;
    StartDayAnim(old);
    const int i = CoveringPhase(Var(), day);
    view_.selected = i >= 0 ? Var().phases[i].id : std::string();
    want_marker_visible_ = true;
    announcement_ = PhaseAnnouncement();
  }
  if (has_sel) {
    if (sel.empty()) {
      view_.selected.clear();
      announcement_ = PhaseAnnouncement();
    } else if (phase >= 0 && !has_day) {
      GoToPhase(phase, true);
    } else if (milestone >= 0 && !has_day) {
      view_.selected.clear();
      Activate(kMilestones, milestone);
    } else {
      view_.selected = sel;
    }
  }
  if (playing != playing_) {
    if (playing) TogglePlay();
    else { playing_ = false; announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement(); }
  }
  MarkChanged();
  return true;
}

void HsctTimelineWidget::EnsureMarkerVisible() {
  if (!layout_.vertical) return;
  const float y = layout_.Along(ts_.U(view_.day + 0.5));
  const float top = layout_.plot.y + 24 * layout_.s, bottom = layout_.plot.y + layout_.plot.h - 24 * layout_.s;
  if (y < top || y > bottom) view_.scroll = std::max(0.0f, view_.scroll + (y - (layout_.plot.y + layout_.plot.h * 0.3f)));
}

// ---- queries ------------------------------------------------------------------------------------------

bool HsctTimelineWidget::UsesKey(Key key) const {
  if (!loaded_) return false;
  switch (key) {
    case Key::Left: case Key::Right: case Key::Home: case Key::End: case Key::Enter: case Key::Space: return true;
    case Key::Up: return cursor_row_ > 0;
    case Key::Down: return cursor_row_ < RowCount() - 1;
    case Key::Escape: return !view_.selected.empty() || playing_;
    case Key::PageUp: return panel_.CanScroll() && panel_.offset() > 0.5f;
    case Key::PageDown: return panel_.CanScroll() && panel_.offset() < panel_content_h_ - layout_.panel.h - 0.5f;
    default: return false;
  }
}

bool HsctTimelineWidget::UsesWheel() const { return UsesWheel(0, 0); }

bool HsctTimelineWidget::UsesDrag(float x, float y) const {
  if (!loaded_) return false;
  if (layout_.axis.Contains(x, y)) return true;  // dragging the day marker
  if (panel_.CanScroll() && layout_.panel.Contains(x, y)) return true;
  return layout_.vertical && layout_.max_scroll > 0 && layout_.plot.Contains(x, y);
}

bool HsctTimelineWidget::UsesWheel(float, float dy) const {
  if (!loaded_) return false;
  if (hover_panel_ && panel_.CanScroll()) {
    const float max_off = panel_content_h_ - layout_.panel.h;
    if (dy > 0) return panel_.offset() > 0.5f;
    if (dy < 0) return panel_.offset() < max_off - 0.5f;
    return true;
  }
  if (hover_plot_ && layout_.vertical && layout_.max_scroll > 0) {
    if (dy > 0) return layout_.scroll > 0.5f;
    if (dy < 0) return layout_.scroll < layout_.max_scroll - 0.5f;
    return true;
  }
  return false;
}

bool HsctTimelineWidget::Animating() const { return playing_ || variant_t_ < 1 || day_t_ < 1; }

std::string HsctTimelineWidget::Announcement() const { return announcement_; }

// ---- frame --------------------------------------------------------------------------------------------

void HsctTimelineWidget::Frame(const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), th.background);
  if (!loaded_ || doc_.variants.empty()) return;
  const float s = ctx.scale;
  px_ = ctx.px;
  reduced_motion_ = ctx.reduced_motion;
  bool vertical = IsVertical(ctx.width, ctx.px);
  const InputState& io = *ctx.input;
  const ImVec2 mouse = io.pos;

  // Time passes: animations and the play timer.
  if (reduced_motion_) { variant_t_ = 1; day_t_ = 1; }
  if (variant_t_ < 1) variant_t_ = std::min(1.0f, variant_t_ + ctx.dt / kAnimSeconds);
  if (day_t_ < 1) day_t_ = std::min(1.0f, day_t_ + ctx.dt / kAnimSeconds);
  if (playing_) {
    play_timer_ += ctx.dt;
    if (play_timer_ >= kPhaseSeconds) {
      play_timer_ = 0;
      const int i = PhaseAt(view_.day);
      GoToPhase(i + 1, true);
      if (i + 1 >= (int)Var().phases.size() - 1) playing_ = false;  // stops at the last phase
    }
  }

  auto relayout = [&] { layout_ = ComputeLayout(doc_, ts_, view_, ctx.width, ctx.height, s, vertical); view_.scroll = layout_.scroll; };
  // Too short for the horizontal timeline and its detail (a blog's 650 px column at 403 px): the vertical layout,
  // which scrolls, keeps both readable.
  if (!vertical && ComputeLayout(doc_, ts_, view_, ctx.width, ctx.height, s, false).panel.h < 96 * s) vertical = true;
  relayout();
  if (want_marker_visible_) { EnsureMarkerVisible(); relayout(); want_marker_visible_ = false; }

  // ---- input: wheel, panel, press / drag / tap ----
  hover_plot_ = layout_.plot.Contains(mouse.x, mouse.y);
  hover_panel_ = layout_.panel.Contains(mouse.x, mouse.y);
  if (vertical && hover_plot_ && io.wheel != 0 && layout_.max_scroll > 0) {
    view_.scroll -= io.wheel * 48.0f * s;
    relayout();
  }
  const float along_of_mouse = vertical ? mouse.y : mouse.x;
  auto day_at = [&](float coord) {
    const double u = (coord - layout_.axis_a) / std::max(1.0f, layout_.axis_b - layout_.axis_a);
    return std::floor(ts_.Day(u));
  };
  if (io.clicked) {
    press_active_ = true;
    press_pos_ = mouse;
    press_scroll_ = view_.scroll;
    scrubbing_ = scrolling_ = false;
    if (!vertical && layout_.axis.Contains(mouse.x, mouse.y)) {  // on the axis: the marker jumps there
      scrubbing_ = true;
      playing_ = false;
      SetDay(day_at(along_of_mouse), true);
    }
  }
  if (press_active_ && io.down) {
    const float dx = mouse.x - press_pos_.x, dy = mouse.y - press_pos_.y;
    const float slop = 8.0f * ctx.px;
    if (!scrubbing_ && !scrolling_ && dx * dx + dy * dy > slop * slop) {
      const bool in_plot = layout_.plot.Contains(press_pos_.x, press_pos_.y);
      if (!vertical && in_plot) scrubbing_ = true;
      else if (vertical && in_plot && layout_.axis.Contains(press_pos_.x, press_pos_.y)) scrubbing_ = true;
      else if (vertical && in_plot) scrolling_ = true;
      if (scrubbing_) playing_ = false;
    }
    if (scrubbing_) SetDay(day_at(along_of_mouse), true);
    if (scrolling_) view_.scroll = press_scroll_ - dy;
    if (scrubbing_ || scrolling_) relayout();
  }
  const bool was_drag = scrubbing_ || scrolling_;
  if (io.released) { press_active_ = false; scrubbing_ = scrolling_ = false; }

  ImVec2 tap;
  if (!was_drag && Tapped(ctx.px, &tap)) {
    const int nv = (int)doc_.variants.size();
    bool hit = false;
    for (int i = 0; i < nv && !hit; ++i)
      if (layout_.segments[i].Contains(tap.x, tap.y)) { cursor_row_ = kControls; cursor_idx_ = i; Activate(kControls, i); hit = true; }
    const Rect* btns[3] = {&layout_.prev, &layout_.play, &layout_.next};
    for (int k = 0; k < 3 && !hit; ++k)
      if (btns[k]->Contains(tap.x, tap.y)) { cursor_row_ = kControls; cursor_idx_ = nv + k; Activate(kControls, nv + k); hit = true; }
    const bool in_view = !vertical || layout_.plot.Contains(tap.x, tap.y);
    for (size_t i = 0; i < layout_.milestones.size() && !hit && in_view; ++i)
      if (layout_.milestones[i].w > 0 && layout_.milestones[i].Contains(tap.x, tap.y)) {
        cursor_row_ = kMilestones; cursor_idx_ = (int)i; playing_ = false; Activate(kMilestones, (int)i); hit = true;
      }
    for (size_t i = 0; i < layout_.phases.size() && !hit && in_view; ++i) {
      Rect r = layout_.phases[i];
      if (r.Contains(tap.x, tap.y)) { cursor_row_ = kPhases; playing_ = false; Activate(kPhases, (int)i); hit = true; }
    }
    if (!hit && vertical && in_view && layout_.axis.Contains(tap.x, tap.y)) { playing_ = false; SetDay(day_at(tap.y), false); }
    relayout();
  }

  // ---- input: keys ----
  if (ctx.focused) {
    const int rows = RowCount();
    if (KeyPressed(Key::Up) && cursor_row_ > 0) { --cursor_row_; cursor_idx_ = 0; }
    if (KeyPressed(Key::Down) && cursor_row_ < rows - 1) { ++cursor_row_; cursor_idx_ = 0; }
    if (cursor_row_ == kPhases) {
      const int cur = PhaseAt(view_.day), last = (int)Var().phases.size() - 1;
      int to = -1;
      if (KeyPressed(Key::Left)) to = std::max(0, cur - 1);
      if (KeyPressed(Key::Right)) to = std::min(last, cur + 1);
      if (KeyPressed(Key::Home)) to = 0;
      if (KeyPressed(Key::End)) to = last;
      if (to >= 0) { playing_ = false; if (to != cur || Var().phases[to].id != view_.selected) GoToPhase(to, true); }
      if (KeyPressed(Key::Enter) || KeyPressed(Key::Space)) { playing_ = false; Activate(kPhases, PhaseAt(view_.day)); }
    } else {
      const int n = RowSize(cursor_row_);
      if (KeyPressed(Key::Left)) cursor_idx_ = std::max(0, cursor_idx_ - 1);
      if (KeyPressed(Key::Right)) cursor_idx_ = std::min(n - 1, cursor_idx_ + 1);
      if (KeyPressed(Key::Home)) cursor_idx_ = 0;
      if (KeyPressed(Key::End)) cursor_idx_ = n - 1;
      if (KeyPressed(Key::Enter) || KeyPressed(Key::Space)) {
        if (cursor_row_ == kMilestones) playing_ = false;
        Activate(cursor_row_, cursor_idx_);
      }
    }
    if (KeyPressed(Key::Escape)) {
      if (playing_) { playing_ = false; announcement_ = doc_.String("pause") + ". " + PhaseAnnouncement(); MarkChanged(); }
      if (!view_.selected.empty()) { view_.selected.clear(); announcement_ = PhaseAnnouncement(); MarkChanged(); }
    }
    relayout();
    if (want_marker_visible_) { EnsureMarkerVisible(); relayout(); want_marker_visible_ = false; }
  }

  // ---- draw ----
  const Layout& L = layout_;
  const float sm = LineH(FontRole::Small);
  const int cur_phase = CoveringPhase(Var(), view_.day);
  const float vt = Ease(variant_t_);
  const Color band_a = Mix(th.surface_alt, th.accent, 0.10f), band_b = Mix(th.surface_alt, th.accent, 0.20f);
  const Color muted_line = Mix(th.border, th.background, 0.2f);

  // Variant switch (segmented control).
  if (!L.segments.empty()) {
    Rect all{L.segments.front().x, L.segments.front().y, L.segments.back().x + L.segments.back().w - L.segments.front().x, L.segments.front().h};
    dl->AddRectFilled(all.Min(), all.Max(), th.surface_alt, 10 * s);
    dl->AddRect(all.Min(), all.Max(), th.border, 10 * s, 0, 1 * s);
    for (size_t i = 0; i < L.segments.size(); ++i) {
      const Rect& r = L.segments[i];
      const bool on = (int)i == view_.variant;
      Rect in{r.x + 3 * s, r.y + 3 * s, r.w - 6 * s, r.h - 6 * s};
      if (on) {
        dl->AddRectFilled(in.Min(), in.Max(), th.accent, 8 * s);
      }
      const Color tc = on ? th.accent_text : th.text;
      const FontRole role = L.vertical ? FontRole::Small : FontRole::Strong;
      const float lh = LineH(role);
      std::vector<std::string> lines;
      size_t p0 = 0;
      const std::string& lab = L.segment_labels[i];
      while (true) { size_t p = lab.find('\n', p0); lines.push_back(lab.substr(p0, p == std::string::npos ? std::string::npos : p - p0)); if (p == std::string::npos) break; p0 = p + 1; }
      float ty = r.y + (r.h - lh * lines.size()) / 2;
      for (const auto& ln : lines) {
        const float w = MeasureText(role, ln).x;
        DrawText(dl, role, ImVec2(r.x + (r.w - w) / 2, ty + (lh - CurrentFonts().Size(role)) / 2), tc, ln);
        ty += lh;
      }
      if (ctx.focus_visible && cursor_row_ == kControls && cursor_idx_ == (int)i) DrawFocusRing(dl, in, 8 * s, th, s);
    }
  }
  // Transport buttons.
  {
    const int nv = (int)doc_.variants.size();
    auto button = [&](const Rect& r, int icon, const std::string& label, int idx, bool primary) {
      if (primary) dl->AddRectFilled(r.Min(), r.Max(), th.accent, 8 * s);
      else { dl->AddRectFilled(r.Min(), r.Max(), th.surface, 8 * s); dl->AddRect(r.Min(), r.Max(), th.border, 8 * s, 0, 1.2f * s); }
      const Color c = primary ? th.accent_text : th.text;
      if (label.empty()) DrawIcon(dl, r, icon, c, s);
      else {
        const float w = MeasureText(FontRole::Strong, label).x, iw = 14 * s, gap = 8 * s;
        const float x0 = r.x + (r.w - iw - gap - w) / 2;
        DrawIcon(dl, Rect{x0, r.y, iw, r.h}, icon, c, s);
        DrawText(dl, FontRole::Strong, ImVec2(x0 + iw + gap, r.y + (r.h - CurrentFonts().Size(FontRole::Strong)) / 2 - 1 * s), c, label);
      }
      if (ctx.focus_visible && cursor_row_ == kControls && cursor_idx_ == idx) DrawFocusRing(dl, r, 8 * s, th, s);
    };
    button(L.prev, 0, "", nv, false);
    button(L.play, playing_ ? 2 : 1, doc_.String(playing_ ? "pause" : "play"), nv + 1, true);
    button(L.next, 3, "", nv + 2, false);
  }
  const std::string day_str = doc_.String("dayLabel", {{"day", DayText(view_.day)}});
  if (L.vertical) {
    const std::string t = Ellipsize(FontRole::Strong, day_str, L.day_readout.w);
    const float w = MeasureText(FontRole::Strong, t).x;
    DrawText(dl, FontRole::Strong, ImVec2(L.day_readout.x + L.day_readout.w - w, L.day_readout.y + (L.day_readout.h - CurrentFonts().Size(FontRole::Strong)) / 2), th.text, t);
  }

  const bool clip = L.vertical;
  if (clip) dl->PushClipRect(L.plot.Min(), L.plot.Max(), true);
  // Intro.
  if (!L.status_text.empty())
    DrawText(dl, FontRole::Small, ImVec2(L.status.x, L.status.y + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.status_text);
  for (size_t i = 0; i < L.intro_lines.size(); ++i)
    DrawText(dl, FontRole::Small, ImVec2(L.intro.x, L.intro.y + i * sm + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.intro_lines[i]);

  // Risk lanes.
  for (size_t i = 0; i < L.lanes.size(); ++i) {
    const Lane& ln = L.lanes[i];
    const Color col = th.series[ln.pattern % 8];
    if (L.vertical) dl->AddRectFilled(ln.lane.Min(), ln.lane.Max(), WithAlpha(th.surface, 1.0f), 3 * s);
    else dl->AddLine(ImVec2(ln.lane.x, ln.lane.y + ln.lane.h - 0.5f * s), ImVec2(ln.lane.x + ln.lane.w, ln.lane.y + ln.lane.h - 0.5f * s), muted_line, 1 * s);
    for (const Rect& r : ln.active) {
      dl->AddRectFilled(r.Min(), r.Max(), WithAlpha(col, 0.16f * vt), 0);
      DrawPattern(dl, r, ln.pattern, WithAlpha(col, 0.55f * vt), s);
    }
    for (const Rect& r : ln.peak) {
      dl->AddRectFilled(r.Min(), r.Max(), WithAlpha(col, 0.38f * vt), 3 * s);
      DrawPattern(dl, r, ln.pattern, WithAlpha(th.text, 0.55f * vt), s);
      dl->AddRect(r.Min(), r.Max(), WithAlpha(col, vt), 3 * s, 0, 1.6f * s);
    }
    if (!L.vertical)
      DrawText(dl, FontRole::Small, ImVec2(ln.label.x, ln.label.y + (sm - CurrentFonts().Size(FontRole::Small)) / 2), ln.in_variant ? th.text : th.text_muted, ln.name);
  }

  // Phase bands (moving from where they were when the variant changed).
  for (size_t i = 0; i < L.phases.size(); ++i) {
    Rect r = L.phases[i];
    if (vt < 1 && !from_phases_.empty()) {
      Rect from = i < from_phases_.size() ? from_phases_[i] : from_phases_.back();
      if (i >= from_phases_.size()) { if (L.vertical) { from.y += from.h; from.h = 0; } else { from.x += from.w; from.w = 0; } }
      r = LerpRect(from, r, vt);
    }
    const bool cur = (int)i == cur_phase, sel = Var().phases[i].id == view_.selected;
    const float inset = 0.75f * s;
    Rect b = L.vertical ? Rect{r.x, r.y + inset, r.w, std::max(1.0f * s, r.h - 2 * inset)} : Rect{r.x + inset, r.y, std::max(1.0f * s, r.w - 2 * inset), r.h};
    dl->AddRectFilled(b.Min(), b.Max(), cur ? Mix(th.background, th.accent, 0.30f) : (i % 2 ? band_b : band_a), 4 * s);
    if (sel) dl->AddRect(ImVec2(b.x - 1 * s, b.y - 1 * s), ImVec2(b.x + b.w + 1 * s, b.y + b.h + 1 * s), th.text, 5 * s, 0, 2.5f * s);
    else if (cur) dl->AddRect(b.Min(), b.Max(), th.accent, 4 * s, 0, 1.5f * s);
    const auto& p = Var().phases[i];
    if (p.days.from == p.days.to) {  // a single day (reinfusion): a diamond, so it stays visible
      const ImVec2 c = L.vertical ? ImVec2(b.x + b.w / 2, b.y + b.h / 2) : ImVec2(b.x + b.w / 2, b.y + b.h / 2);
      const float k = 6 * s;
      dl->AddQuadFilled(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), th.text);
    }
    if (ctx.focus_visible && cursor_row_ == kPhases && cur) DrawFocusRing(dl, b, 4 * s, th, s);
  }
  // Phase labels and leader lines.
  for (size_t i = 0; i < L.phase_labels.size(); ++i) {
    const Label& lab = L.phase_labels[i];
    if (!lab.shown) continue;
    const bool cur = (int)i == cur_phase;
    const Color tc = WithAlpha(cur && (L.vertical || lab.box.y < L.phase_row.y) ? th.accent : th.text, vt);
    if (i < L.leaders.size()) {
      const Rect& ld = L.leaders[i];
      if (ld.x != 0 || ld.w != 0) dl->AddLine(ImVec2(ld.x, ld.y), ImVec2(ld.w, ld.h), WithAlpha(cur ? th.accent : th.border, vt), (cur ? 1.6f : 1.0f) * s);
    }
    float ty = lab.box.y;
    size_t p0 = 0;
    while (true) {
      size_t p = lab.text.find('\n', p0);
      const std::string line = lab.text.substr(p0, p == std::string::npos ? std::string::npos : p - p0);
      DrawText(dl, FontRole::Small, ImVec2(lab.box.x, ty + (sm - CurrentFonts().Size(FontRole::Small)) / 2), tc, line);
      if (cur) {  // the current phase's name is underlined, not only coloured
        const float w = MeasureText(FontRole::Small, line).x;
        dl->AddLine(ImVec2(lab.box.x, ty + sm - 1 * s), ImVec2(lab.box.x + w, ty + sm - 1 * s), tc, 1.2f * s);
      }
      ty += sm;
      if (p == std::string::npos) break;
      p0 = p + 1;
    }
  }
  // Milestones.
  for (size_t i = 0; i < L.milestones.size(); ++i) {
    const Rect& r = L.milestones[i];
    if (r.w <= 0) continue;
    const auto& m = Var().milestones[i];
    const bool sel = m.id == view_.selected;
    const Color col = WithAlpha(sel ? th.accent : Mix(th.text, th.background, 0.35f), vt);
    const float a = L.Along(ts_.U(m.days.from)), e = L.Along(ts_.U(m.days.to + 1));
    Rect bar = L.vertical ? Rect{r.x + 1 * s, a, r.w - 2 * s, std::max(e - a, 2 * s)}
                          : Rect{a, r.y + r.h - 8 * s, std::max(e - a, 2 * s), 6 * s};
    dl->AddRectFilled(bar.Min(), bar.Max(), col, 3 * s);
    if (m.days.from == m.days.to) {
      const ImVec2 c(bar.x + bar.w / 2, bar.y + bar.h / 2);
      const float k = 5 * s;
      dl->AddQuadFilled(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), col);
    }
    const Label& lab = L.milestone_labels[i];
    if (lab.shown) DrawText(dl, FontRole::Small, ImVec2(lab.box.x, lab.box.y), WithAlpha(sel ? th.accent : th.text_muted, vt), lab.text);
    if (sel) dl->AddRect(ImVec2(r.x - 2 * s, r.y - 1 * s), ImVec2(r.x + r.w + 2 * s, r.y + r.h + 1 * s), th.text, 4 * s, 0, 1.5f * s);
    if (ctx.focus_visible && cursor_row_ == kMilestones && cursor_idx_ == (int)i) DrawFocusRing(dl, r, 4 * s, th, s);
  }
  // Axis, ticks, breaks.
  if (L.vertical) {
    const float ax = L.axis.x + L.axis.w - 24 * s;  // x of the axis line: just left of the bands
    dl->AddLine(ImVec2(ax, L.axis_a), ImVec2(ax, L.axis_b), th.border, 1.5f * s);
    for (const auto& t : L.ticks) {
      const float y = L.Along(ts_.U(t.day + 0.5));
      dl->AddLine(ImVec2(ax - 5 * s, y), ImVec2(ax, y), th.text_muted, 1.2f * s);
      DrawText(dl, t.day == 0 ? FontRole::Strong : FontRole::Small, ImVec2(t.box.x, t.box.y), t.day == 0 ? th.text : th.text_muted, t.text);
    }
    for (float br : L.breaks) {
      dl->AddRectFilled(ImVec2(ax - 6 * s, br - 3 * s), ImVec2(ax + 6 * s, br + 3 * s), th.background);
      dl->AddLine(ImVec2(ax - 6 * s, br - 1 * s), ImVec2(ax + 6 * s, br - 5 * s), th.text_muted, 1.5f * s);
      dl->AddLine(ImVec2(ax - 6 * s, br + 5 * s), ImVec2(ax + 6 * s, br + 1 * s), th.text_muted, 1.5f * s);
    }
  } else {
    const float ay = L.axis.y + 8 * s;
    dl->AddLine(ImVec2(L.axis_a, ay), ImVec2(L.axis_b, ay), th.border, 1.5f * s);
    for (const auto& t : L.ticks) {
      const float x = L.Along(ts_.U(t.day + 0.5));
      dl->AddLine(ImVec2(x, ay), ImVec2(x, ay + 5 * s), th.text_muted, 1.2f * s);
      DrawText(dl, t.day == 0 ? FontRole::Strong : FontRole::Small, ImVec2(t.box.x, t.box.y), t.day == 0 ? th.text : th.text_muted, t.text);
    }
    for (float br : L.breaks) {
      dl->AddRectFilled(ImVec2(br - 3 * s, ay - 6 * s), ImVec2(br + 3 * s, ay + 6 * s), th.background);
      dl->AddLine(ImVec2(br - 5 * s, ay + 6 * s), ImVec2(br - 1 * s, ay - 6 * s), th.text_muted, 1.5f * s);
      dl->AddLine(ImVec2(br + 1 * s, ay + 6 * s), ImVec2(br + 5 * s, ay - 6 * s), th.text_muted, 1.5f * s);
      // the stretches beyond the breaks are compressed: a dotted axis there
    }
  }
  // Legend: the risk names (vertical) and what the two fills mean.
  for (size_t i = 0; i < L.legend_labels.size(); ++i) {
    const Rect& sw = L.legend_swatches[i];
    const Color col = th.series[i % 8];
    dl->AddRectFilled(sw.Min(), sw.Max(), WithAlpha(col, 0.16f), 2 * s);
    DrawPattern(dl, sw, (int)i, WithAlpha(col, 0.9f), s);
    dl->AddRect(sw.Min(), sw.Max(), col, 2 * s, 0, 1 * s);
    DrawText(dl, FontRole::Small, ImVec2(L.legend_labels[i].box.x, L.legend_labels[i].box.y), th.text, L.legend_labels[i].text);
  }
  if (!L.lanes.empty()) {
    const Color col = th.text_muted;
    const std::string a = doc_.String("activeRisks"), b = doc_.String("whenItPeaks");
    Rect sw1{L.legend.x, L.legend.y + 2 * s, 22 * s, sm - 4 * s};
    float x = sw1.x + sw1.w + 6 * s;
    float y = L.legend.y;
    dl->AddRectFilled(sw1.Min(), sw1.Max(), WithAlpha(col, 0.12f));
    DrawPattern(dl, sw1, 0, WithAlpha(col, 0.6f), s);
    DrawText(dl, FontRole::Small, ImVec2(x, y), th.text_muted, a);
    x += MeasureText(FontRole::Small, a).x + 18 * s;
    if (L.vertical || x + 30 * s + MeasureText(FontRole::Small, b).x > L.legend.x + L.legend.w) { x = L.legend.x; y += sm; }
    Rect sw2{x, y + 2 * s, 22 * s, sm - 4 * s};
    dl->AddRectFilled(sw2.Min(), sw2.Max(), WithAlpha(col, 0.35f), 3 * s);
    dl->AddRect(sw2.Min(), sw2.Max(), col, 3 * s, 0, 1.5f * s);
    DrawText(dl, FontRole::Small, ImVec2(sw2.x + sw2.w + 6 * s, y), th.text_muted, b);
  }

  // The "you are here" marker.
  {
    const double shown_day = day_t_ < 1 ? day_from_ + (view_.day - day_from_) * Ease(day_t_) : view_.day;
    const float m = L.Along(ts_.U(shown_day + 0.5));
    const std::string tag = doc_.String("dayLabel", {{"day", DayText(view_.day)}});
    const float tw = MeasureText(FontRole::Strong, tag).x + 14 * s, thh = CurrentFonts().Size(FontRole::Strong) + 8 * s;
    if (L.vertical) {
      const float ax = L.axis.x + L.axis.w - 24 * s;
      const float x_end = L.lanes.empty() ? L.phase_row.x + L.phase_row.w : L.lanes.back().lane.x + L.lanes.back().lane.w;
      dl->AddLine(ImVec2(ax, m), ImVec2(x_end + 4 * s, m), th.text, 2 * s);
      const Rect tg{std::max(2.0f * s, ax - 10 * s - tw), m - thh / 2, tw, thh};
      dl->AddRectFilled(tg.Min(), tg.Max(), th.text, 5 * s);
      DrawText(dl, FontRole::Strong, ImVec2(tg.x + 7 * s, tg.y + 4 * s), th.background, tag);
      dl->AddCircleFilled(ImVec2(ax, m), 6 * s, th.text, 20);
      dl->AddCircleFilled(ImVec2(ax, m), 3 * s, th.background, 20);
    } else {
      const float top = L.phase_row.y - 4 * s, ay = L.axis.y + 8 * s;
      dl->AddLine(ImVec2(m, top), ImVec2(m, ay), th.text, 2 * s);
      const Rect tg{std::max(L.axis_a - 8 * s, std::min(m - tw / 2, L.axis_b - tw + 8 * s)), ay + 4 * s, tw, thh};
      dl->AddRectFilled(tg.Min(), tg.Max(), th.text, 5 * s);
      DrawText(dl, FontRole::Strong, ImVec2(tg.x + 7 * s, tg.y + 4 * s), th.background, tag);
      dl->AddCircleFilled(ImVec2(m, ay), 6 * s, th.text, 20);
      dl->AddCircleFilled(ImVec2(m, ay), 3 * s, th.background, 20);
      // the readout in the gutter
      DrawText(dl, FontRole::Small, ImVec2(L.day_readout.x, L.day_readout.y), th.text_muted, Ellipsize(FontRole::Small, doc_.String("youAreHere"), L.day_readout.w));
      DrawText(dl, FontRole::Title, ImVec2(L.day_readout.x, L.day_readout.y + sm), th.text, Ellipsize(FontRole::Title, tag, L.day_readout.w));
    }
  }
  // Footer (inside the scrolled content on phones).
  for (size_t i = 0; i < L.footer_lines.size(); ++i)
    DrawText(dl, FontRole::Small, ImVec2(L.footer.x, L.footer.y + i * sm + (sm - CurrentFonts().Size(FontRole::Small)) / 2), th.text_muted, L.footer_lines[i]);
  if (clip) {
    dl->PopClipRect();
    dl->AddLine(ImVec2(0, L.plot.y), ImVec2(L.canvas.w, L.plot.y), th.border, 1 * s);
    dl->AddLine(ImVec2(0, L.plot.y + L.plot.h), ImVec2(L.canvas.w, L.plot.y + L.plot.h), th.border, 1 * s);
    if (L.max_scroll > 0) {  // scroll indicator
      const float track = L.plot.h - 8 * s;
      const float thumb = std::max(24 * s, track * L.plot.h / L.content_h);
      const float y = L.plot.y + 4 * s + (track - thumb) * (L.scroll / L.max_scroll);
      dl->AddRectFilled(ImVec2(L.canvas.w - 5 * s, y), ImVec2(L.canvas.w - 2 * s, y + thumb), th.border, 2 * s);
    }
  }

  // ---- the detail panel ----
  {
    const Rect& P = L.panel;
    dl->AddRectFilled(P.Min(), P.Max(), th.surface, 10 * s);
    dl->AddRect(P.Min(), P.Max(), th.border, 10 * s, 0, 1 * s);
    const float ip = 14 * s;
    const Rect inner{P.x + ip, P.y + ip * 0.8f, P.w - 2 * ip, P.h - ip * 1.6f};
    const bool two = !L.vertical && inner.w > 620 * s;
    const float gap = 28 * s;
    const float lw = two ? (inner.w - gap) * 0.62f : inner.w;
    const float rx = two ? inner.x + lw + gap : inner.x, rw = two ? inner.w - lw - gap : inner.w;
    // what to show: the selected milestone, else the phase at the day
    const content::Milestone* ms = nullptr;
    for (const auto& m : Var().milestones) if (m.id == view_.selected) ms = &m;
    const content::Phase* ph = cur_phase >= 0 ? &Var().phases[cur_phase] : nullptr;
    std::string title, range, text;
    std::vector<std::string> srcs;
    auto range_of = [&](const content::DayRange& d) {
      return d.from == d.to ? doc_.String("dayLabel", {{"day", DayText(d.from)}})
                            : doc_.String("dayRangeLabel", {{"from", DayText(d.from)}, {"to", DayText(d.to)}});
    };
    if (ms) { title = ms->name; range = range_of(ms->days); text = ms->text; srcs = ms->sources; }
    else if (ph) { title = ph->name; range = range_of(ph->days); text = ph->text; srcs = ph->sources; }
    else title = BetweenPhases(doc_);
    const std::string sources = SourcesText(srcs);
    std::vector<TextBlock> left;
    left.push_back({FontRole::Small, doc_.String("youAreHere") + " \xC2\xB7 " + day_str + (ms ? "" : "") , th.text_muted, 0});
    left.push_back({FontRole::Title, title, th.text, 2});
    left.push_back({FontRole::Small, range, th.text_muted, 2});
    if (!text.empty()) left.push_back({FontRole::Body, text, th.text, 8});
    std::vector<TextBlock> src_blocks;
    if (!sources.empty()) {
      src_blocks.push_back({FontRole::Strong, doc_.String("sourcesHeading"), th.text_muted, 12});
      src_blocks.push_back({FontRole::Small, sources, th.text_muted, 2});
    }
    // risks list
    std::vector<std::pair<int, std::string>> risk_items;  // pattern index, name
    if (ph)
      for (const auto& rid : ph->risks) {
        const auto* r = doc_.FindRisk(rid);
        if (!r) continue;
        int pat = 0;
        for (size_t k = 0; k < L.lanes.size(); ++k) if (L.lanes[k].risk == rid) pat = L.lanes[k].pattern;
        risk_items.push_back({pat, r->name});
      }
    const float sw_w = 22 * s;
    float risk_h = LineH(FontRole::Strong) + 4 * s;
    for (const auto& it : risk_items) risk_h += WrappedHeight(FontRole::Body, it.second, rw - sw_w - 8 * s) + 4 * s;
    if (risk_items.empty()) risk_h += WrappedHeight(FontRole::Body, doc_.String("noActiveRisks"), rw);
    const float left_h = BlocksHeight(left, lw, s) + (two ? BlocksHeight(src_blocks, lw, s) : 0);
    const float content_h = two ? std::max(left_h, risk_h) : left_h + 14 * s + risk_h + BlocksHeight(src_blocks, lw, s);
    panel_content_h_ = content_h;
    panel_.Update(inner, content_h, s, ctx.focused);  // wheel, drag and PageUp/PageDown over the panel
    const float off = panel_.offset();
    dl->PushClipRect(inner.Min(), inner.Max(), true);
    float y = inner.y - off;
    DrawBlocks(dl, left, ImVec2(inner.x, y), lw, s, inner.y, inner.y + inner.h);
    y += BlocksHeight(left, lw, s);
    float ry = two ? inner.y - off : y + 14 * s;
    if (two) DrawBlocks(dl, src_blocks, ImVec2(inner.x, y), lw, s, inner.y, inner.y + inner.h);
    DrawText(dl, FontRole::Strong, ImVec2(rx, ry), th.text, doc_.String("activeRisks"));
    ry += LineH(FontRole::Strong) + 4 * s;
    if (risk_items.empty()) ry += DrawWrapped(dl, FontRole::Body, ImVec2(rx, ry), th.text_muted, doc_.String("noActiveRisks"), rw, inner.y, inner.y + inner.h);
    for (const auto& it : risk_items) {
      const Color col = th.series[it.first % 8];
      const Rect sw{rx, ry + 4 * s, sw_w, LineH(FontRole::Body) - 8 * s};
      dl->AddRectFilled(sw.Min(), sw.Max(), WithAlpha(col, 0.2f), 2 * s);
      DrawPattern(dl, sw, it.first, col, s);
      dl->AddRect(sw.Min(), sw.Max(), col, 2 * s, 0, 1 * s);
      ry += DrawWrapped(dl, FontRole::Body, ImVec2(rx + sw_w + 8 * s, ry), th.text, it.second, rw - sw_w - 8 * s, inner.y, inner.y + inner.h) + 4 * s;
    }
    if (!two) DrawBlocks(dl, src_blocks, ImVec2(inner.x, ry), lw, s, inner.y, inner.y + inner.h);
    dl->PopClipRect();
    panel_.DrawIndicator(dl, th.border, s);
  }
}

// ---- state and the parallel DOM -----------------------------------------------------------------------

void HsctTimelineWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Key("selected").StringOrNull(view_.selected);
  if (!loaded_) { j.Key("items").BeginArray().EndArray(); return; }
  const int pi = CoveringPhase(Var(), view_.day);
  j.Field("variant", Var().id);
  j.Field("day", view_.day);
  j.Field("dayLabel", doc_.String("dayLabel", {{"day", DayText(view_.day)}}));
  j.Key("phase").StringOrNull(pi >= 0 ? Var().phases[pi].id : std::string());
  j.Field("playing", playing_);
  j.Field("vertical", layout_.vertical);
  j.Field("scroll", layout_.scroll / px_);
  j.Field("maxScroll", layout_.max_scroll / px_);
  const char* rows[] = {"controls", "phases", "milestones"};
  j.Key("cursor").BeginObject().Field("index", cursor_row_ == kPhases ? PhaseAt(view_.day) : cursor_idx_);
  j.Field("row", rows[std::max(0, std::min(2, cursor_row_))]).EndObject();
  auto item = [&](const std::string& id, const Rect& r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / px_).Field("y", r.y / px_).Field("w", r.w / px_).Field("h", r.h / px_);
    j.EndObject().EndObject();
  };
  j.Key("items").BeginArray();
  const Layout& L = layout_;
  for (size_t i = 0; i < L.segments.size() && i < doc_.variants.size(); ++i) item("variant-" + doc_.variants[i].id, L.segments[i]);
  item("prev", L.prev);
  item("play", L.play);
  item("next", L.next);
  const Rect view = L.vertical ? L.plot : L.canvas;
  for (size_t i = 0; i < L.phases.size() && i < Var().phases.size(); ++i) {
    const Rect r = Intersect(L.phases[i], view);
    if (r.w > 0 && r.h > 0) item(Var().phases[i].id, r);
  }
  for (size_t i = 0; i < L.milestones.size() && i < Var().milestones.size(); ++i) {
    const Rect r = Intersect(L.milestones[i], view);
    if (r.w > 0 && r.h > 0) item(Var().milestones[i].id, r);
  }
  const Rect ax = Intersect(L.axis, view);
  if (ax.w > 0 && ax.h > 0) item("axis", ax);
  item("panel", L.panel);
  if (L.vertical) item("plot", L.plot);
  j.EndArray();
}

dom::Node HsctTimelineWidget::Dom() const {
  using dom::Add;
  using dom::Attr;
  using dom::El;
  if (!loaded_) return {};
  // Column headings the format has no string for yet: the document may supply them, else English.
  auto str = [&](const char* key, const char*) { return doc_.String(key); };  // document, else built-in English
  auto range_of = [&](const content::DayRange& d) {
    return d.from == d.to ? doc_.String("dayLabel", {{"day", DayText(d.from)}})
                          : doc_.String("dayRangeLabel", {{"from", DayText(d.from)}, {"to", DayText(d.to)}});
  };
  dom::Node root = El("section");
  Attr(root, "aria-label", doc_.title.empty() ? std::string("HSCT timeline") : doc_.title);
  const int pi = CoveringPhase(Var(), view_.day);
  std::string here = doc_.String("youAreHere") + ": " + Var().name + ", " + doc_.String("dayLabel", {{"day", DayText(view_.day)}});
  here += " \xE2\x80\x94 " + (pi >= 0 ? Var().phases[pi].name : BetweenPhases(doc_));
  Add(root, El("p", here));
  std::vector<std::string> all_sources;
  auto add_sources = [&](const std::vector<std::string>& ids) {
    for (const auto& id : ids)
      if (std::find(all_sources.begin(), all_sources.end(), id) == all_sources.end()) all_sources.push_back(id);
  };
  for (size_t vi = 0; vi < doc_.variants.size(); ++vi) {
    const auto& v = doc_.variants[vi];
    dom::Node& h = Add(root, El("h3", v.name));
    Attr(h, "data-id", "variant-" + v.id);
    if ((int)vi == view_.variant) Attr(h, "aria-current", "true");
    const std::string intro = VariantIntroText(doc_, v);
    if (!intro.empty()) Add(root, El("p", intro));
    dom::Node table = El("table");
    Add(table, El("caption", v.name));
    dom::Node thead = El("thead");
    dom::Node hr = El("tr");
    for (const std::string& t : {str("phaseHeading", "Phase"), str("daysHeading", "Days"), str("whatHappens", "What happens"), doc_.String("activeRisks")})
      Attr(Add(hr, El("th", t)), "scope", "col");
    Add(thead, hr);
    Add(table, thead);
    dom::Node tbody = El("tbody");
    for (const auto& p : v.phases) {
      dom::Node tr = El("tr");
      Attr(tr, "data-id", p.id);
      if (p.id == view_.selected) Attr(tr, "aria-current", "true");
      Attr(Add(tr, El("th", p.name)), "scope", "row");
      Add(tr, El("td", range_of(p.days)));
      Add(tr, El("td", p.text));
      std::string risks;
      for (const auto& r : p.risks)
        if (const auto* risk = doc_.FindRisk(r)) {
          std::string w;
          for (const auto& win : risk->windows)
            if (win.variant == v.id) w += (w.empty() ? "" : ", ") + range_of(win.days);
          risks += (risks.empty() ? "" : "; ") + risk->name + (w.empty() ? "" : " (" + Lower(doc_.String("whenItPeaks")) + ": " + w + ")");
        }
      Add(tr, El("td", risks.empty() ? doc_.String("noActiveRisks") : risks));
      Add(tbody, tr);
      add_sources(p.sources);
    }
    Add(table, tbody);
    Add(root, table);
    if (!v.milestones.empty()) {
      Add(root, El("h4", str("milestonesHeading", "Milestones")));
      dom::Node ul = El("ul");
      for (const auto& m : v.milestones) {
        dom::Node li = El("li", m.name + " \xE2\x80\x94 " + range_of(m.days) + (m.text.empty() ? "" : ". " + m.text));
        Attr(li, "data-id", m.id);
        if (m.id == view_.selected) Attr(li, "aria-current", "true");
        Add(ul, li);
        add_sources(m.sources);
      }
      Add(root, ul);
    }
    add_sources(v.sources);
  }
  Add(root, El("h4", doc_.String("sourcesHeading")));
  Add(root, SourcesList(all_sources));
  Add(root, El("p", doc_.String("disclaimer")));
  return root;
}

}  // namespace scw
