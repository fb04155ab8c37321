// fonts.cpp — builds the Inter atlas at the requested scale.
#include "ui/fonts.h"

#include <cmath>
#include <map>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/font_data.h"

namespace scw {

float Fonts::Quantise(float scale) {
  if (!(scale > 0)) scale = 1;
  if (scale > 6) scale = 6;  // beyond 6 px per design px the atlas would exceed texture limits
  return std::round(scale * 8.0f) / 8.0f;
}

bool Fonts::Ensure(ImFontAtlas* atlas, float scale) {
  const float q = Quantise(scale);
  if (q == built_scale && atlas->IsBuilt()) return false;
  atlas->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the data is static; the atlas must not free it
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  const struct { FontRole role; const unsigned char* data; unsigned size; float px; } faces[] = {
      {FontRole::Small, kInterRegular, kInterRegularSize, kFontSmall},
      {FontRole::Body, kInterRegular, kInterRegularSize, kFontBody},
      {FontRole::Strong, kInterSemiBold, kInterSemiBoldSize, kFontStrong},
      {FontRole::Title, kInterSemiBold, kInterSemiBoldSize, kFontTitle},
  };
  for (const auto& f : faces) {
    const float px = std::round(f.px * q);
    font[(int)f.role] = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(f.data), (int)f.size, px, &cfg,
                                                    reinterpret_cast<const ImWchar*>(kGlyphRanges));
    size[(int)f.role] = px;
  }
  atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
  atlas->Build();
  built_scale = q;
  return true;
}

FontSet::FontSet() : atlas(new ImFontAtlas()), draw_data(new ImDrawListSharedData()) {}
FontSet::~FontSet() {
  delete draw_data;
  delete atlas;
}

bool FontSet::Ensure() {
  const bool rebuilt = fonts.Ensure(atlas, scale);
  if (!rebuilt && draw_data->Font) return false;
  // The values ImGui::NewFrame() would set from the default style.
  ImDrawListSharedData& d = *draw_data;
  d.Font = fonts.Get(FontRole::Body);
  d.FontSize = fonts.Size(FontRole::Body);
  d.TexUvWhitePixel = atlas->TexUvWhitePixel;
  d.TexUvLines = atlas->TexUvLines;
  d.CurveTessellationTol = 1.25f;
  d.SetCircleTessellationMaxError(0.30f);
  d.ClipRectFullscreen = ImVec4(-8192.0f, -8192.0f, 8192.0f, 8192.0f);
  d.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AllowVtxOffset;
  if (!(atlas->Flags & ImFontAtlasFlags_NoBakedLines)) d.InitialFlags |= ImDrawListFlags_AntiAliasedLinesUseTex;
  return true;
}

namespace {
std::map<float, std::weak_ptr<FontSet>>& Cache() {
  static std::map<float, std::weak_ptr<FontSet>> cache;
  return cache;
}
}  // namespace

std::shared_ptr<FontSet> SharedFonts(float scale) {
  const float q = Fonts::Quantise(scale);
  auto& cache = Cache();
  if (auto existing = cache[q].lock()) return existing;
  auto set = std::make_shared<FontSet>();
  set->scale = q;  // rasterised on first use (Fonts::Ensure), not here: a resize often follows creation
  cache[q] = set;
  return set;
}

size_t LiveFontSets() {
  size_t n = 0;
  for (auto it = Cache().begin(); it != Cache().end();) {
    if (it->second.expired()) it = Cache().erase(it);
    else { ++n; ++it; }
  }
  return n;
}

}  // namespace scw
