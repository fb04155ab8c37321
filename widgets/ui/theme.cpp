// theme.cpp — palettes. Text colours are chosen for WCAG AA (≥ 4.5:1) on their backgrounds in every mode.
#include "ui/theme.h"

#include <cmath>

#include "ui/mathx.h"

namespace scw {
namespace {
constexpr Color Rgb(uint32_t hex) {  // 0xRRGGBB -> ABGR with full alpha
  return 0xFF000000u | ((hex & 0xFF) << 16) | (hex & 0xFF00) | ((hex >> 16) & 0xFF);
}
float Channel(Color c, int shift) { return ((c >> shift) & 0xFF) / 255.0f; }
float Lin(float v) { return v <= 0.03928f ? v / 12.92f : (float)Exp(2.4 * Ln((v + 0.055) / 1.055)); }  // ^2.4
float Luminance(Color c) {
  return 0.2126f * Lin(Channel(c, 0)) + 0.7152f * Lin(Channel(c, 8)) + 0.0722f * Lin(Channel(c, 16));
}
int Hex(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}
}  // namespace

Theme MakeTheme(ThemeMode mode) {
  Theme t;
  t.mode = mode;
  switch (mode) {
    case ThemeMode::Light:
      t.background = Rgb(0xFFFFFF); t.surface = Rgb(0xF4F6F9); t.surface_alt = Rgb(0xE7EBF1);
      t.text = Rgb(0x1B2430); t.text_muted = Rgb(0x4E5968); t.border = Rgb(0xC5CCD6);
      t.accent = Rgb(0x1F5FBF); t.accent_text = Rgb(0xFFFFFF); t.focus = Rgb(0x1F5FBF); t.danger = Rgb(0xB3261E);
      {
        const uint32_t s[8] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x8A7A00, 0x444444};
        for (int i = 0; i < 8; ++i) t.series[i] = Rgb(s[i]);
      }
      break;
    case ThemeMode::Dark:
      t.background = Rgb(0x14181F); t.surface = Rgb(0x1E242D); t.surface_alt = Rgb(0x2A313C);
      t.text = Rgb(0xECEFF4); t.text_muted = Rgb(0xAEB7C4); t.border = Rgb(0x46505E);
      t.accent = Rgb(0x7FB0FF); t.accent_text = Rgb(0x0B1220); t.focus = Rgb(0x9CC2FF); t.danger = Rgb(0xFF8A80);
      {
        const uint32_t s[8] = {0x56B4E9, 0xE69F00, 0x2BC48F, 0xE38FC0, 0xF0E442, 0x8EC9F0, 0xD9C74A, 0xBBBBBB};
        for (int i = 0; i < 8; ++i) t.series[i] = Rgb(s[i]);
      }
      break;
    case ThemeMode::HighContrast:
      t.background = Rgb(0x000000); t.surface = Rgb(0x000000); t.surface_alt = Rgb(0x1A1A1A);
      t.text = Rgb(0xFFFFFF); t.text_muted = Rgb(0xF0F0F0); t.border = Rgb(0xFFFFFF);
      t.accent = Rgb(0xFFE600); t.accent_text = Rgb(0x000000); t.focus = Rgb(0x00E5FF); t.danger = Rgb(0xFF6B6B);
      {
        const uint32_t s[8] = {0x56B4E9, 0xFF9F40, 0x3DDC97, 0xFF8AD8, 0xFFE600, 0x9AD7FF, 0xE0D060, 0xFFFFFF};
        for (int i = 0; i < 8; ++i) t.series[i] = Rgb(s[i]);
      }
      break;
  }
  return t;
}

bool ParseColor(const std::string& s, Color* out) {
  if (s.size() != 4 && s.size() != 7) return false;
  if (s[0] != '#') return false;
  int v[6];
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    v[i] = Hex(s[i + 1]);
    if (v[i] < 0) return false;
  }
  uint32_t r, g, b;
  if (n == 3) { r = v[0] * 17; g = v[1] * 17; b = v[2] * 17; }
  else { r = v[0] * 16 + v[1]; g = v[2] * 16 + v[3]; b = v[4] * 16 + v[5]; }
  *out = Rgb((r << 16) | (g << 8) | b);
  return true;
}

float ContrastRatio(Color a, Color b) {
  float la = Luminance(a), lb = Luminance(b);
  if (la < lb) { float t = la; la = lb; lb = t; }
  return (la + 0.05f) / (lb + 0.05f);
}

Color Mix(Color a, Color b, float t) {
  auto ch = [&](int shift) {
    float x = Channel(a, shift) * (1 - t) + Channel(b, shift) * t;
    return (uint32_t)std::lround(x * 255.0f) << shift;
  };
  return (a & 0xFF000000u) | ch(0) | ch(8) | ch(16);
}

Color WithAlpha(Color c, float alpha) {
  uint32_t a = (uint32_t)std::lround((alpha < 0 ? 0 : alpha > 1 ? 1 : alpha) * 255.0f);
  return (c & 0x00FFFFFFu) | (a << 24);
}

}  // namespace scw
