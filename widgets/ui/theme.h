// theme.h — colours for light, dark and high-contrast modes, plus the brand overrides a document may give.
#pragma once
#include <cstdint>
#include <string>

namespace scw {

using Color = uint32_t;  // ImGui's packed ABGR (IM_COL32)

enum class ThemeMode { Light, Dark, HighContrast };

struct Theme {
  ThemeMode mode = ThemeMode::Light;
  Color background, surface, surface_alt, text, text_muted, border, accent, accent_text, focus, danger;
  Color series[8];  // Okabe–Ito colour-blind-safe palette, tuned per mode
  float text_scale = 1.0f;
};

Theme MakeTheme(ThemeMode mode);

// "#rgb" / "#rrggbb" -> colour. Returns false for anything else.
bool ParseColor(const std::string& s, Color* out);
// WCAG 2 contrast ratio between two opaque colours (1 … 21).
float ContrastRatio(Color a, Color b);
// Mixes a into b by t (0 = a, 1 = b); alpha from a.
Color Mix(Color a, Color b, float t);
Color WithAlpha(Color c, float alpha);

}  // namespace scw
