// fonts.cpp — builds the font atlas at the requested scale: from the embedded Inter, or from glyph bitmaps.
#include "ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/font_data.h"

namespace scw {

float Fonts::Quantise(float scale) {
  if (!(scale > 0)) scale = 1;
  if (scale > 6) scale = 6;  // beyond 6 px per design px the atlas would exceed texture limits
  return std::round(scale * 8.0f) / 8.0f;
}

namespace {
GlyphSource* g_source = nullptr;
std::set<unsigned> g_extra;          // code points noted from content beyond the base ranges
unsigned long g_generation = 1;

struct FaceSpec { FontRole role; bool strong; float px; };
constexpr FaceSpec kFaces[] = {
    {FontRole::Small, false, kFontSmall},
    {FontRole::Body, false, kFontBody},
    {FontRole::Strong, true, kFontStrong},
    {FontRole::Title, true, kFontTitle},
};

// U+FFFD, when the atlas has it, is kept under U+007F (DEL, never drawn itself) and made the fonts' fallback:
// ImGui sizes each font's lookup tables to its highest code point, and U+FFFD made them 65,534 entries (4 fonts ×
// 384 KB filled on the first frame, ~2-3 ms of wasm and 1.5 MB of memory for Latin content).
constexpr unsigned kReplacement = 0xFFFD, kReplacementSlot = 0x7F;

// What every atlas from a glyph source holds before any content: printable ASCII and the few other code points
// the widgets' own strings use (number formats, separators, truncation; see UiCodepoints). Everything else
// (Latin-1 included) comes from the content's strings through NoteText, so an English page rasterises ~110 code
// points per face, not the ~250 of Latin-1 and punctuation: the browser draws each one with fillText.
// U+FFFD, what ImGui draws for a code point beyond 16 bits (an emoji) or for invalid UTF-8, is added only when the
// content has one (NoteText): few fonts have it, and the browser searched the system's fonts for it at every load,
// in each weight (measureText 1.5-20 ms a weight here). Without it a missing glyph draws as "?".
constexpr unsigned kUiExtra[] = {0x00A0, 0x00B7, 0x00D7, 0x2013, 0x2014, 0x2022, 0x2026, 0x2192,
                                 0x2212, 0x221E, 0x2248, 0x2264, 0x2265};

bool InUiSet(unsigned c) {
  if (c >= 0x20 && c <= 0x7E) return true;
  for (unsigned u : kUiExtra)
    if (u == c) return true;
  return false;
}

// Next code point of UTF-8 text (invalid bytes give U+FFFD).
unsigned NextCodepoint(const std::string& s, size_t* i) {
  unsigned int c = 0;
  const int n = ImTextCharFromUtf8(&c, s.c_str() + *i, s.c_str() + s.size());
  *i += n > 0 ? (size_t)n : 1;
  return c;
}

#ifdef SCW_EMBED_INTER
void BuildInter(ImFontAtlas* atlas, float q, Fonts* f) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the data is static; the atlas must not free it
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  for (const auto& face : kFaces) {
    const float px = std::round(face.px * q);
    const unsigned char* data = face.strong ? kInterSemiBold : kInterRegular;
    const unsigned size = face.strong ? kInterSemiBoldSize : kInterRegularSize;
    f->font[(int)face.role] = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), (int)size, px, &cfg,
                                                          reinterpret_cast<const ImWchar*>(kGlyphRanges));
    f->size[(int)face.role] = px;
  }
  atlas->Build();
}
#endif

// What ImFontAtlasBuildFinish does for this atlas (ImGui's white block, its baked lines, the glyphs, the lookup
// tables), without a call to it: it renders ImGui's mouse-cursor pixel art when asked, so calling it kept that
// art (3.3 KB of data) in the wasm although ImFontAtlasFlags_NoMouseCursors is set (the block is then 2×2).
void FinishBitmapAtlas(ImFontAtlas* atlas) {
  unsigned char* px = atlas->TexPixelsAlpha8;
  const int w = atlas->TexWidth;
  const ImFontAtlasCustomRect* white = atlas->GetCustomRectByIndex(atlas->PackIdMouseCursors);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x) px[(white->Y + y) * w + white->X + x] = 0xFF;
  if (!(atlas->Flags & ImFontAtlasFlags_NoBakedLines)) {
    // Row n holds a line n texels wide, centred with empty texels either side; ImDrawList draws thick
    // anti-aliased lines by sampling the middle of the row of their width (TexUvLines).
    const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(atlas->PackIdLines);
    const ImVec2 k = atlas->TexUvScale;
    for (int n = 0; n <= IM_DRAWLIST_TEX_LINES_WIDTH_MAX; ++n) {
      const int left = (r->Width - n) / 2;
      unsigned char* row = px + (r->Y + n) * w + r->X;
      for (int i = 0; i < r->Width; ++i) row[i] = i >= left && i < left + n ? 0xFF : 0x00;
      const float v = (r->Y + n + 0.5f) * k.y;
      atlas->TexUvLines[n] = ImVec4((r->X + left - 1) * k.x, v, (r->X + left + n + 1) * k.x, v);
    }
  }
  for (const ImFontAtlasCustomRect& r : atlas->CustomRects) {
    if (!r.Font || !r.GlyphID) continue;
    ImVec2 uv0, uv1;
    atlas->CalcCustomRectUV(&r, &uv0, &uv1);
    r.Font->AddGlyph(nullptr, (ImWchar)r.GlyphID, r.GlyphOffset.x, r.GlyphOffset.y, r.GlyphOffset.x + r.Width,
                     r.GlyphOffset.y + r.Height, uv0.x, uv0.y, uv1.x, uv1.y, r.GlyphAdvanceX);
  }
  for (ImFont* f : atlas->Fonts)
    if (f->DirtyLookupTables) f->BuildLookupTable();
  atlas->TexReady = true;
}

// ImFontBuilderIO for glyphs that arrive as bitmaps: packs every custom rectangle (the glyphs, ImGui's white
// pixel and baked lines) on shelves, allocates the coverage texture and lets ImGui register the glyphs.
bool BuildBitmapAtlas(ImFontAtlas* atlas) {
  ImFontAtlasBuildInit(atlas);
  ImVector<ImFontAtlasCustomRect>& rects = atlas->CustomRects;
  const int pad = atlas->TexGlyphPadding > 0 ? atlas->TexGlyphPadding : 1;
  double area = 0;
  int widest = 0;
  for (const auto& r : rects) {
    area += (double)(r.Width + pad) * (r.Height + pad);
    widest = std::max(widest, (int)r.Width + pad);
  }
  int tex_w = 512;
  while (tex_w < 4096 && ((double)tex_w * tex_w < area * 1.3 || tex_w < widest)) tex_w *= 2;
  // Tallest first, by counting the heights (a few hundred rectangles of small heights; std::sort's instantiation
  // was ~1.7 KB of wasm code).
  int tallest = 0;
  for (const auto& r : rects) tallest = std::max(tallest, (int)r.Height);
  std::vector<int> start(tallest + 2, 0);
  for (const auto& r : rects) ++start[tallest - r.Height + 1];
  for (int h = 1; h <= tallest + 1; ++h) start[h] += start[h - 1];
  std::vector<int> order(rects.Size);
  for (int i = 0; i < rects.Size; ++i) order[start[tallest - rects[i].Height]++] = i;
  int x = pad, y = pad, shelf = 0;
  for (int i : order) {
    ImFontAtlasCustomRect& r = rects[i];
    if (x + r.Width + pad > tex_w) { x = pad; y += shelf + pad; shelf = 0; }
    r.X = (unsigned short)x;
    r.Y = (unsigned short)y;
    x += r.Width + pad;
    shelf = std::max(shelf, (int)r.Height);
  }
  int tex_h = 1;
  while (tex_h < y + shelf + pad) tex_h *= 2;
  atlas->TexWidth = tex_w;
  atlas->TexHeight = tex_h;
  atlas->TexUvScale = ImVec2(1.0f / tex_w, 1.0f / tex_h);
  atlas->TexPixelsAlpha8 = (unsigned char*)IM_ALLOC((size_t)tex_w * tex_h);
  memset(atlas->TexPixelsAlpha8, 0, (size_t)tex_w * tex_h);
  FinishBitmapAtlas(atlas);
  // Shapes sample the white block at the corner shared by its 2×2 texels rather than at one texel's centre:
  // with linear filtering that reads exactly white even where a GPU rounds the coordinate a little.
  const ImFontAtlasCustomRect* white = atlas->GetCustomRectByIndex(atlas->PackIdMouseCursors);
  atlas->TexUvWhitePixel = ImVec2((white->X + 1.0f) * atlas->TexUvScale.x, (white->Y + 1.0f) * atlas->TexUvScale.y);
  return true;
}

// The glyph source's faces are measured and placed here; their pixels come when a frame uses them (RasterizeDrawn).
bool BuildFromSource(ImFontAtlas* atlas, float q, Fonts* f) {
  std::vector<unsigned> cps;
  for (unsigned c = 0x20; c <= 0x7E; ++c) cps.push_back(c);
  for (unsigned c : kUiExtra) cps.push_back(c);
  for (unsigned c : g_extra) cps.push_back(c);
  f->lazy.clear();
  f->lazy_drawn = 0;
  int face_index = 0;
  for (const auto& face : kFaces) {
    const float px = std::round(face.px * q);
    float ascent = 0, descent = 0;
    std::vector<GlyphBitmap> glyphs;
    if (!g_source->Rasterize(face.strong, px, cps, &ascent, &descent, &glyphs, nullptr) || glyphs.size() != cps.size())
      return false;
    ImFont* font = IM_NEW(ImFont)();
    font->FallbackChar = (ImWchar)kReplacementSlot;
    font->FontSize = px;
    font->Ascent = ascent;
    font->Descent = -descent;
    font->ContainerAtlas = atlas;
    atlas->Fonts.push_back(font);
    f->font[(int)face.role] = font;
    f->size[(int)face.role] = px;
    for (size_t i = 0; i < cps.size(); ++i) {
      const GlyphBitmap& g = glyphs[i];
      const ImWchar cp = (ImWchar)(cps[i] == kReplacement ? kReplacementSlot : cps[i]);
      if (g.w <= 0 || g.h <= 0) {  // a blank (space): an advance and no pixels
        font->AddGlyph(nullptr, cp, 0, 0, 0, 0, 0, 0, 0, 0, g.advance);
        continue;
      }
      const int id = atlas->AddCustomRectFontGlyph(font, cp, g.w, g.h, g.advance, ImVec2(g.x0, g.y0));
      f->lazy.push_back({0, id, cps[i], face_index, false});
    }
    ++face_index;
  }
  BuildBitmapAtlas(atlas);
  // By the texel of each glyph's top-left corner, in order (insertion: a few hundred entries).
  ImVector<Fonts::LazyGlyph>& lazy = f->lazy;
  for (int i = 0; i < lazy.Size; ++i) {
    Fonts::LazyGlyph g = lazy[i];
    const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(g.rect);
    g.key = (unsigned)r->Y << 16 | r->X;
    int at = i;
    for (; at > 0 && lazy[at - 1].key > g.key; --at) lazy[at] = lazy[at - 1];
    lazy[at] = g;
  }
  return true;
}
}  // namespace

const unsigned* UiCodepoints(size_t* n) {
  *n = sizeof(kUiExtra) / sizeof(kUiExtra[0]);
  return kUiExtra;
}

void SetGlyphSource(GlyphSource* source) {
  g_source = source;
  ++g_generation;
}
GlyphSource* CurrentGlyphSource() { return g_source; }
void InvalidateGlyphs() { ++g_generation; }

bool NoteText(const std::string& utf8) {
  bool added = false;
  for (size_t i = 0; i < utf8.size();) {
    if ((unsigned char)utf8[i] < 0x80) { ++i; continue; }  // ASCII is always in the atlas
    unsigned c = NextCodepoint(utf8, &i);
    if (c > 0xFFFF) c = kReplacement;  // ImWchar is 16 bits: ImGui draws U+FFFD for it
    if (InUiSet(c)) continue;
    if (g_extra.insert(c).second) added = true;
  }
  if (added && g_source) ++g_generation;
  return added;
}

bool HasRightToLeft(const std::string& utf8) {
  for (size_t i = 0; i < utf8.size();) {
    if ((unsigned char)utf8[i] < 0x80) { ++i; continue; }
    const unsigned c = NextCodepoint(utf8, &i);
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF))
      return true;
  }
  return false;
}

bool Fonts::Ensure(ImFontAtlas* atlas, float scale) {
  const float q = Quantise(scale);
  const bool fixed_set = g_source == nullptr;  // Inter's code points never change
  if (q == built_scale && atlas->IsBuilt() && (fixed_set || built_generation == g_generation)) return false;
  atlas->Clear();
  atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
  lazy.clear();
  lazy_drawn = 0;
  bool ok = false;
  if (g_source) ok = BuildFromSource(atlas, q, this);
#ifdef SCW_EMBED_INTER
  if (!ok) {
    atlas->Clear();
    BuildInter(atlas, q, this);
    ok = true;
  }
#endif
  built_scale = q;
  built_generation = g_generation;
  ++builds;
  ++pixels;
  changed_y0 = 0;
  changed_y1 = atlas->TexHeight;
  return ok;
}

FontSet::FontSet() : atlas(new ImFontAtlas()), draw_data(new ImDrawListSharedData()) {}
FontSet::~FontSet() {
  delete draw_data;
  delete atlas;
}

// Draws the glyphs lazy[i], i in `wanted`, into the atlas: one source call per face. The callers mark them drawn
// first, so a source that fails leaves blank boxes rather than being asked again every frame.
static bool DrawLazy(Fonts* f, ImFontAtlas* atlas, const std::vector<int>& wanted) {
  int y0 = atlas->TexHeight, y1 = 0;
  for (int face = 0; face < 4 && !wanted.empty(); ++face) {
    std::vector<unsigned> cps;
    std::vector<int> rects;
    for (int i : wanted)
      if (f->lazy[i].face == face) {
        cps.push_back(f->lazy[i].cp);
        rects.push_back(f->lazy[i].rect);
      }
    float ascent = 0, descent = 0;
    std::vector<GlyphBitmap> glyphs;
    std::vector<unsigned char> px;
    if (cps.empty() || !g_source->Rasterize(kFaces[face].strong, std::round(kFaces[face].px * f->built_scale), cps,
                                            &ascent, &descent, &glyphs, &px) || glyphs.size() != cps.size())
      continue;
    for (size_t k = 0; k < cps.size(); ++k) {
      const GlyphBitmap& g = glyphs[k];
      const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(rects[k]);
      if (g.w != r->Width || g.h != r->Height || g.offset + (size_t)g.w * g.h > px.size()) continue;
      for (int row = 0; row < g.h; ++row)
        memcpy(atlas->TexPixelsAlpha8 + (size_t)(r->Y + row) * atlas->TexWidth + r->X,
               &px[g.offset + (size_t)row * g.w], g.w);
      y0 = std::min(y0, (int)r->Y);
      y1 = std::max(y1, (int)r->Y + g.h);
    }
  }
  if (y0 >= y1) return false;
  ++f->pixels;
  f->changed_y0 = y0;
  f->changed_y1 = y1;
  return true;
}

bool Fonts::RasterizeDrawn(ImFontAtlas* atlas, const ImDrawList& dl) {
  if (!GlyphsPending() || !g_source || !atlas->TexPixelsAlpha8) return false;
  // A glyph's quad samples its box from the top-left texel corner: find the boxes the list's vertices start at.
  const ImVec2 white = atlas->TexUvWhitePixel;
  const float tw = (float)atlas->TexWidth, th = (float)atlas->TexHeight;
  std::vector<int> wanted;
  for (const ImDrawVert& v : dl.VtxBuffer) {
    if (v.uv.x == white.x && v.uv.y == white.y) continue;  // a shape
    const unsigned key = (unsigned)(v.uv.y * th + 0.5f) << 16 | (unsigned)(v.uv.x * tw + 0.5f);
    int lo = 0, hi = lazy.Size;
    while (lo < hi) {
      const int mid = (lo + hi) / 2;
      if (lazy[mid].key < key) lo = mid + 1; else hi = mid;
    }
    if (lo == lazy.Size || lazy[lo].key != key || lazy[lo].drawn) continue;
    lazy[lo].drawn = true;
    ++lazy_drawn;
    wanted.push_back(lo);
  }
  return DrawLazy(this, atlas, wanted);
}

bool Fonts::RasterizeRest(ImFontAtlas* atlas) {
  if (!GlyphsPending() || !g_source || !atlas->TexPixelsAlpha8) return false;
  std::vector<int> wanted;
  for (int i = 0; i < lazy.Size; ++i)
    if (!lazy[i].drawn) {
      lazy[i].drawn = true;
      wanted.push_back(i);
    }
  lazy_drawn = lazy.Size;
  return DrawLazy(this, atlas, wanted);
}

bool FontSet::Ensure() {
  const unsigned long before = fonts.builds;
  fonts.Ensure(atlas, scale);
  const bool rebuilt = fonts.builds != before;
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
std::map<float, FontSet*>& Cache() {  // the live sets by quantised scale; never destroyed (a set may outlive it)
  static auto* cache = new std::map<float, FontSet*>();
  return *cache;
}
}  // namespace

void FontSetRef::Release() {
  if (p_ && --p_->refs == 0) {
    Cache().erase(p_->scale);
    delete p_;
  }
  p_ = nullptr;
}

FontSetRef SharedFonts(float scale) {
  static unsigned serial = 0;
  const float q = Fonts::Quantise(scale);
  FontSet*& set = Cache()[q];
  if (!set) {
    set = new FontSet();
    set->scale = q;  // rasterised on first use (Fonts::Ensure), not here: a resize often follows creation
    set->serial = ++serial;
  }
  return FontSetRef(set);
}

bool FontSetLive(const FontSet* set, unsigned serial) {
  for (const auto& e : Cache())
    if (e.second == set && set->serial == serial) return true;
  return false;
}

size_t LiveFontSets() { return Cache().size(); }

}  // namespace scw
