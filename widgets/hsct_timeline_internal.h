// hsct_timeline_internal.h — helpers shared by the timeline's files (hsct_timeline*.cpp); not an API.
#pragma once
#include <string>

#include "hsct_timeline.h"
#include "ui/draw.h"

namespace scw::timeline {

constexpr float kLineSpacing = 1.35f;
inline float LineH(FontRole r) { return CurrentFonts().Size(r) * kLineSpacing; }
inline float Lerp(float a, float b, float t) { return a + (b - a) * t; }
inline Rect LerpRect(const Rect& a, const Rect& b, float t) {
  return Rect{Lerp(a.x, b.x, t), Lerp(a.y, b.y, t), Lerp(a.w, b.w, t), Lerp(a.h, b.h, t)};
}

// The phase whose days include `day` (the later one where two overlap), or -1 on a day no phase covers: such a
// day is "between phases" for the reader, never silently part of the nearest phase (PhaseAt() is for stepping).
int CoveringPhase(const content::Variant& v, double day);
std::string BetweenPhases(const content::Document& d);
// "dayLabel" for a single day, "dayRangeLabel" for a range.
std::string RangeText(const content::Document& doc, const content::DayRange& d);

// The colours of a risk's marks on an opaque `base` (WCAG 1.4.11: every mark that carries meaning reaches 3:1
// against what it is drawn on). "Active" = the phase lists the risk ("risk at this time"): a light tint with a
// hatch; "peak" = the risk's window: a stronger tint, a hatch in the text colour, an outline.
struct LaneColors {
  Color active_fill, active_bg, active_ink;  // tint (with alpha), the tint over base (opaque), the hatch
  Color peak_fill, peak_bg, peak_ink;        // the same for the peak window
  Color outline;                             // the peak window's (and swatches') outline, on base
};
LaneColors LaneColorsFor(const Theme& th, Color series, Color base);
// `want`, moved toward `toward` in tenths until it reaches 3:1 against the opaque `bg` (or becomes `toward`).
Color InkOn(Color want, Color bg, Color toward);
// The milestone bars (unselected): a softened text colour that still reaches 3:1 on the background.
Color MilestoneColor(const Theme& th);

// Draws a pattern clipped to r: each risk lane has its own, so the lanes differ by more than colour.
void DrawPattern(ImDrawList* dl, const Rect& r, int pattern, Color col, float s);
// The transport icons: 0 previous, 1 play, 2 pause, 3 next.
void DrawIcon(ImDrawList* dl, const Rect& r, int kind, Color col, float s);

// The vertical layout's "you are here" tag (tw × th) on the marker line at `m`: left of the axis at `ax` where it
// fits, else from the canvas's left edge across the axis. Then it would cross the marker's dot (radius 6 s), which
// is drawn under it (over_dot): the tag's text stays whole ("Day +91", not "Day +9" and a dot).
struct MarkerTag {
  Rect box;
  bool over_dot = false;
};
MarkerTag VerticalMarkerTag(float ax, float m, float tw, float th, float s);

}  // namespace scw::timeline
