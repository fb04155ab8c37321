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

// Draws a pattern clipped to r: each risk lane has its own, so the lanes differ by more than colour.
void DrawPattern(ImDrawList* dl, const Rect& r, int pattern, Color col, float s);
// The transport icons: 0 previous, 1 play, 2 pause, 3 next.
void DrawIcon(ImDrawList* dl, const Rect& r, int kind, Color col, float s);

}  // namespace scw::timeline
