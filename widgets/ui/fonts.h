// fonts.h — the fonts a widget draws with, rasterised at the canvas's pixel scale so text is crisp at any DPR.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

namespace scw {

enum class FontRole : int { Small = 0, Body, Strong, Title, Count };

// Where glyph bitmaps come from. Natively (tests, tools) none is set and the embedded Inter subset is
// rasterised by ImGui's stb_truetype builder. In the browser the shell sets one that draws the glyphs with the
// browser's own text engine (canvas 2D, the page's font-family, any script the reader's system can show), so no
// font data ships in the bundle and names in Greek, Cyrillic or Japanese draw as themselves.
struct GlyphBitmap {
  float advance = 0;        // px to the next glyph
  float x0 = 0, y0 = 0;     // the bitmap's top-left, relative to the pen at the top of the line
  int w = 0, h = 0;         // bitmap size (0 for blanks)
  size_t offset = 0;        // into the pixels buffer: w*h coverage bytes, rows top to bottom
};
class GlyphSource {
 public:
  virtual ~GlyphSource() = default;
  // Rasterises `codepoints` in the regular (strong = false) or semibold face with a line height of `px`.
  // Fills the line's ascent and descent (px, both >= 0), one GlyphBitmap per code point, and their pixels; with
  // `pixels` null it only measures (advances and bitmap boxes, the same as when it draws). A glyph's bitmap and box
  // depend on that glyph alone, not on the others asked for with it.
  virtual bool Rasterize(bool strong, float px, const std::vector<unsigned>& codepoints, float* ascent,
                         float* descent, std::vector<GlyphBitmap>* glyphs, std::vector<unsigned char>* pixels) = 0;
};
void SetGlyphSource(GlyphSource* source);  // nullptr: the embedded Inter (native builds)
GlyphSource* CurrentGlyphSource();
// Adds the code points of `utf8` to those every atlas holds from now on (with a glyph source; Inter's set is
// fixed). Returns true when any was new: atlases rebuild on their next Ensure(). With a glyph source an atlas
// holds printable ASCII, UiCodepoints() and the noted code points only (Latin-1 letters come from the content).
bool NoteText(const std::string& utf8);
// The code points beyond ASCII that the widgets' own strings may draw (a unit test checks the sources' literals).
const unsigned* UiCodepoints(size_t* n);
// The glyphs changed without new code points (e.g. the page's web font finished loading): rebuild atlases.
void InvalidateGlyphs();
// True when `utf8` holds right-to-left script (Hebrew, Arabic, …), which the canvas does not lay out yet.
bool HasRightToLeft(const std::string& utf8);

struct Fonts {
  ImFont* font[(int)FontRole::Count] = {};
  float size[(int)FontRole::Count] = {};  // pixel sizes as rasterised
  float built_scale = 0;                  // the scale the atlas was built for (0 = never)
  unsigned long built_generation = 0;     // the glyph set it was built with
  unsigned long builds = 0;               // how many times it was built (a renderer re-uploads when it moves)
  unsigned long pixels = 0;               // bumped whenever the atlas's pixels change (a renderer uploads them)
  int changed_y0 = 0, changed_y1 = 0;     // the rows the last change touched (all of them after a build)
  // Glyphs from a glyph source are measured and placed when the atlas is built, and drawn into it when a frame
  // first uses them (RasterizeDrawn): an English timeline's first frame uses ~130 of the ~450 glyphs its four
  // faces hold, and the browser draws each one with fillText. Sorted by key, the texel of the glyph's top-left
  // corner (y << 16 | x), which its quads' first vertex samples.
  struct LazyGlyph { unsigned key; int rect; unsigned cp; int face; bool drawn; };
  ImVector<LazyGlyph> lazy;  // ImGui's vector: std::vector's growth code for one more type was ~0.5 KB of wasm
  size_t lazy_drawn = 0;                  // how many of them are drawn into the atlas

  // Rebuilds the atlas when `scale` (framebuffer px per design px) changed. Returns true if it rebuilt, so the
  // renderer must upload a new texture. Scales are quantised to 1/8 so a resize does not rebuild every pixel.
  bool Ensure(ImFontAtlas* atlas, float scale);
  // Draws into the atlas the glyphs `dl` uses that are not drawn yet (before the list goes to the GPU). True when
  // the atlas's pixels changed.
  bool RasterizeDrawn(ImFontAtlas* atlas, const ImDrawList& dl);
  // Draws every glyph not drawn yet (once the page is idle after a first frame): later frames then neither look
  // for new glyphs nor wait for the browser to draw them.
  bool RasterizeRest(ImFontAtlas* atlas);
  bool GlyphsPending() const { return lazy_drawn < (size_t)lazy.Size; }
  // The rows [*y0, *y1) of an atlas `tex_h` rows tall that a texture holding its pixels as of version `have`
  // (~0ul: none yet) must take to be current: only the last change's rows when it is one version behind, else all.
  // False when it is current.
  bool RowsToUpload(unsigned long have, int tex_h, int* y0, int* y1) const {
    if (have == pixels) return false;
    const bool one_behind = have != ~0ul && have + 1 == pixels && changed_y0 < changed_y1;
    *y0 = one_behind ? changed_y0 : 0;
    *y1 = one_behind ? changed_y1 : tex_h;
    return true;
  }
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
  unsigned serial = 0;  // unique per set made (FontSetLive)
  int refs = 0;         // FontSetRefs to it
  // Rasterises the atlas if needed (Fonts::Ensure) and brings draw_data up to date. True if it rebuilt.
  bool Ensure();
  bool RasterizeDrawn(const ImDrawList& dl) { return fonts.RasterizeDrawn(atlas, dl); }
  bool RasterizeRest() { return fonts.RasterizeRest(atlas); }
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
};
// A counted reference to one of the page's font sets (SharedFonts): the set is freed with its last reference.
// Not std::shared_ptr/weak_ptr: libc++'s control block is built with RTTI, which kept libc++abi's type_info
// classes in the wasm (~2.5 KB of code) though the bundle has no RTTI of its own.
class FontSetRef {
 public:
  FontSetRef() = default;
  FontSetRef(const FontSetRef& o) : p_(o.p_) { if (p_) ++p_->refs; }
  FontSetRef(FontSetRef&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  FontSetRef& operator=(FontSetRef o) noexcept { std::swap(p_, o.p_); return *this; }
  ~FontSetRef() { Release(); }
  FontSet* get() const { return p_; }
  FontSet* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  friend FontSetRef SharedFonts(float scale);
  explicit FontSetRef(FontSet* p) : p_(p) { ++p_->refs; }
  void Release();
  FontSet* p_ = nullptr;
};

// The page's font set for `scale` (quantised), freed when no widget holds it. Rasterise with
// set->fonts.Ensure(set->atlas, set->scale) before drawing (a no-op once built).
FontSetRef SharedFonts(float scale);
// Whether the set made with `serial` at `set` still exists (renderers drop the textures of freed sets; an
// address alone could have been reused by a newer set).
bool FontSetLive(const FontSet* set, unsigned serial);
size_t LiveFontSets();  // how many sets exist now (tests)

// Design sizes in CSS px at scale 1 (the phone floor is 12 px).
constexpr float kFontSmall = 12.5f, kFontBody = 15.0f, kFontStrong = 15.0f, kFontTitle = 19.0f;

}  // namespace scw
