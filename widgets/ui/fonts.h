// fonts.h — the fonts a widget draws with, rasterised at the canvas's pixel scale so text is crisp at any DPR.
#pragma once
#include <cstddef>
#include <memory>

struct ImFontAtlas;
struct ImFont;
struct ImDrawListSharedData;

namespace scw {

enum class FontRole : int { Small = 0, Body, Strong, Title, Count };

struct Fonts {
  ImFont* font[(int)FontRole::Count] = {};
  float size[(int)FontRole::Count] = {};  // pixel sizes as rasterised
  float built_scale = 0;                  // the scale the atlas was built for (0 = never)

  // Rebuilds the atlas when `scale` (framebuffer px per design px) changed. Returns true if it rebuilt, so the
  // renderer must upload a new texture. Scales are quantised to 1/8 so a resize does not rebuild every pixel.
  bool Ensure(ImFontAtlas* atlas, float scale);
  ImFont* Get(FontRole r) const { return font[(int)r]; }
  float Size(FontRole r) const { return size[(int)r]; }

  static float Quantise(float scale);
};

// One atlas per pixel scale for the whole page: every widget drawing at that scale shares it (a 3× atlas is a
// 1024×2048 texture; one per widget would cost a phone hundreds of MB on a lesson page with many widgets).
struct FontSet {
  ImFontAtlas* atlas = nullptr;  // owned
  Fonts fonts;
  float scale = 0;               // quantised
  // What ImDrawLists drawing with this atlas share (white pixel and baked-line UVs, circle segments, flags).
  // There is no ImGui context: this takes the place of the context's own shared data.
  ImDrawListSharedData* draw_data = nullptr;  // owned
  // Rasterises the atlas if needed (Fonts::Ensure) and brings draw_data up to date. True if it rebuilt.
  bool Ensure();
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
};
// The page's font set for `scale` (quantised), freed when no widget holds it. Rasterise with
// set->fonts.Ensure(set->atlas, set->scale) before drawing (a no-op once built).
std::shared_ptr<FontSet> SharedFonts(float scale);
size_t LiveFontSets();  // how many sets exist now (tests)

// Design sizes in CSS px at scale 1 (the phone floor is 12 px).
constexpr float kFontSmall = 12.5f, kFontBody = 15.0f, kFontStrong = 15.0f, kFontTitle = 19.0f;

}  // namespace scw
