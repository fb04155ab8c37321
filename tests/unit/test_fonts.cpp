// Fonts: the atlas built from glyph bitmaps (the browser's path), the code points content adds, right-to-left
// detection and the host's fallback to the text version for right-to-left content.
#include <doctest/doctest.h>
#include <algorithm>
#include <cmath>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <imgui.h>
#include <imgui_internal.h>

#include "harness.h"
#include "ui/draw.h"
#include "ui/fonts.h"

using namespace scw;

namespace {
// A stand-in for the browser's text engine: every glyph a box whose coverage byte is derived from its code point.
struct BoxGlyphs final : GlyphSource {
  int calls = 0;                // measure calls (no pixels asked)
  std::vector<unsigned> drawn;  // the code points whose pixels were asked, in order
  static unsigned char Shade(unsigned cp) { return (unsigned char)(0x40 | (cp & 0x3F)); }
  bool Rasterize(bool, float px, const std::vector<unsigned>& cps, float* ascent, float* descent,
                 std::vector<GlyphBitmap>* glyphs, std::vector<unsigned char>* pixels) override {
    if (pixels) drawn.insert(drawn.end(), cps.begin(), cps.end());
    else ++calls;
    *ascent = px * 0.8f;
    *descent = px * 0.2f;
    glyphs->clear();
    std::vector<unsigned char> none;
    if (!pixels) pixels = &none;
    pixels->clear();
    for (unsigned cp : cps) {
      GlyphBitmap g;
      g.advance = px * 0.5f;
      g.w = cp == ' ' ? 0 : (int)(px * 0.4f);
      g.h = cp == ' ' ? 0 : (int)(px * 0.6f);
      g.x0 = 1;
      g.y0 = px * 0.2f;
      g.offset = pixels->size();
      pixels->insert(pixels->end(), (size_t)g.w * g.h, Shade(cp));
      glyphs->push_back(g);
    }
    return true;
  }
};
struct SourceScope {
  BoxGlyphs source;
  SourceScope() { SetGlyphSource(&source); }
  ~SourceScope() { SetGlyphSource(nullptr); }
};
// A frame's draw list on `set`'s atlas, set up as the host sets one up.
struct GlyphFrame {
  ImDrawList dl;
  explicit GlyphFrame(FontSet& set) : dl(set.draw_data) {
    dl._ResetForNewFrame();
    dl.PushTextureID(set.atlas->TexID);
    dl.PushClipRect(ImVec2(0, 0), ImVec2(4000, 4000));
  }
  void Text(const ImFont* font, const char* utf8) { dl.AddText(font, font->FontSize, ImVec2(10, 10), 0xFFFFFFFF, utf8); }
};
unsigned char AtlasTexelAt(const ImFontAtlas* atlas, const ImFontGlyph* g) {
  const int x = (int)(g->U0 * atlas->TexWidth + 0.5f), y = (int)(g->V0 * atlas->TexHeight + 0.5f);
  return atlas->TexPixelsAlpha8[y * atlas->TexWidth + x];
}
std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("an atlas from glyph bitmaps holds the base set and the code points the content added") {
  SourceScope scope;
  NoteText("Ελληνικά · Кровь · 造血幹細胞 · año");
  // A code point beyond 16 bits draws as U+FFFD, which the atlas then holds (and only then: not in the base set).
  size_t n_ui = 0;
  const unsigned* ui = UiCodepoints(&n_ui);
  CHECK(std::find(ui, ui + n_ui, 0xFFFDu) == ui + n_ui);
  NoteText("an emoji \xF0\x9F\x98\x80 in a name");
  FontSet set;
  set.scale = 1.5f;
  REQUIRE(set.Ensure());
  CHECK(scope.source.calls == 4);  // one call per face
  CHECK(scope.source.drawn.empty());  // measured only: pixels come when a frame uses the glyphs
  ImFont* body = set.fonts.Get(FontRole::Body);
  REQUIRE(body);
  CHECK(body->FontSize == doctest::Approx(std::round(kFontBody * 1.5f)));
  GlyphFrame frame(set);
  frame.Text(body, "A\xC3\xB1\xCE\x95\xD0\x9A\xE9\x80\xA0\xE2\x80\xA6\xD7\x90");  // AñΕК造… and Hebrew א (missing)
  CHECK(set.RasterizeDrawn(frame.dl));
  for (unsigned cp : {0x41u, 0xF1u, 0x395u, 0x41Au, 0x9020u, 0x2026u}) {
    const ImFontGlyph* g = body->FindGlyphNoFallback((ImWchar)cp);
    REQUIRE_MESSAGE(g, "no glyph for U+", std::hex, cp);
    CHECK(g->AdvanceX == doctest::Approx(body->FontSize * 0.5f));
    CHECK(AtlasTexelAt(set.atlas, g) == BoxGlyphs::Shade(cp));  // the glyph's pixels are where its UVs point
  }
  CHECK(body->FindGlyphNoFallback((ImWchar)0x5D0) == nullptr);  // Hebrew was never noted
  // A code point the atlas lacks draws as U+FFFD's bitmap, kept under U+007F so that the lookup tables end at the
  // highest code point noted (U+9020 here), not at U+FFFD.
  const ImFontGlyph* missing = body->FindGlyph((ImWchar)0x5D0);
  REQUIRE(missing);
  CHECK(missing->Codepoint == 0x7F);
  CHECK(AtlasTexelAt(set.atlas, missing) == BoxGlyphs::Shade(0xFFFD));  // drawn as U+FFFD for the Hebrew letter
  CHECK(body->FindGlyph((ImWchar)0xFFFD) == missing);
  CHECK(body->IndexLookup.Size < 0xFFFD);
  CHECK(body->FindGlyphNoFallback((ImWchar)0xDE) == nullptr);   // nor Latin-1 Þ: it comes from content too
  // The white pixel ImGui draws shapes with is white, and text measures with the glyph advances.
  const ImFontAtlas* atlas = set.atlas;
  const int wx = (int)(set.draw_data->TexUvWhitePixel.x * atlas->TexWidth);
  const int wy = (int)(set.draw_data->TexUvWhitePixel.y * atlas->TexHeight);
  CHECK(atlas->TexPixelsAlpha8[wy * atlas->TexWidth + wx] == 0xFF);
  // The baked lines thick anti-aliased lines sample: row n (at TexUvLines[n]) holds n white texels between its
  // UVs' ends, with one clear texel inside each end.
  for (int n : {0, 1, 2, 7, IM_DRAWLIST_TEX_LINES_WIDTH_MAX}) {
    const ImVec4 uv = atlas->TexUvLines[n];
    const int y = (int)(uv.y * atlas->TexHeight);
    const int x0 = (int)std::lround(uv.x * atlas->TexWidth), x1 = (int)std::lround(uv.z * atlas->TexWidth);
    CHECK_MESSAGE(x1 - x0 == n + 2, "line ", n);
    const unsigned char* row = atlas->TexPixelsAlpha8 + y * atlas->TexWidth;
    int white = 0;
    for (int x = x0; x < x1; ++x) white += row[x] == 0xFF;
    CHECK_MESSAGE(white == n, "line ", n);
    CHECK(row[x0] == 0x00);
    CHECK(row[x1 - 1] == 0x00);
  }
  SetCurrentFonts(&set.fonts);
  CHECK(MeasureText(FontRole::Body, "Кровь").x == doctest::Approx(5 * body->FontSize * 0.5f));
  SetCurrentFonts(nullptr);
  // Nothing new: no rebuild. A new code point: the next Ensure() rebuilds with it.
  CHECK_FALSE(set.Ensure());
  CHECK(NoteText("Ω"));
  CHECK_FALSE(NoteText("Ω"));
  CHECK_FALSE(NoteText("plain ASCII, the widgets' own 3–5 · −2 … and año again"));
  CHECK(set.Ensure());
  CHECK(set.fonts.Get(FontRole::Title)->FindGlyphNoFallback((ImWchar)0x3A9));
}

TEST_CASE("a glyph is drawn into the atlas when a frame first uses it: only those, once each, the same pixels") {
  SourceScope scope;
  FontSet set;
  set.scale = 1.0f;
  REQUIRE(set.Ensure());
  const unsigned long built = set.fonts.pixels;
  ImFont* body = set.fonts.Get(FontRole::Body);
  ImFont* title = set.fonts.Get(FontRole::Title);
  const ImFontGlyph* a = body->FindGlyphNoFallback('a');
  REQUIRE(a);
  CHECK(AtlasTexelAt(set.atlas, a) == 0);  // placed, not drawn
  {
    GlyphFrame frame(set);
    frame.Text(body, "banana");
    frame.Text(title, "Nab");
    frame.dl.AddRectFilled(ImVec2(0, 0), ImVec2(50, 50), 0xFF00FF00);  // shapes take no glyphs
    CHECK(set.RasterizeDrawn(frame.dl));
    // One call per face used, each with the code points its text drew, each once.
    std::vector<unsigned> drawn = scope.source.drawn;
    std::sort(drawn.begin(), drawn.end());
    CHECK(drawn == std::vector<unsigned>{'N', 'a', 'a', 'b', 'b', 'n'});
    CHECK(set.fonts.pixels == built + 1);
    CHECK(set.fonts.lazy_drawn == 6);
    CHECK(set.fonts.lazy_drawn < (size_t)set.fonts.lazy.Size / 8);
  }
  CHECK(AtlasTexelAt(set.atlas, a) == BoxGlyphs::Shade('a'));
  CHECK(AtlasTexelAt(set.atlas, title->FindGlyphNoFallback('N')) == BoxGlyphs::Shade('N'));
  CHECK(AtlasTexelAt(set.atlas, body->FindGlyphNoFallback('N')) == 0);  // N in the body face: not drawn yet
  {
    GlyphFrame again(set);  // the same text: nothing to draw, the pixels unchanged
    again.Text(body, "nab");
    CHECK_FALSE(set.RasterizeDrawn(again.dl));
    CHECK(set.fonts.pixels == built + 1);
  }
  {
    GlyphFrame more(set);  // new text: only its new glyphs
    more.Text(body, "bandana NB");
    scope.source.drawn.clear();
    CHECK(set.RasterizeDrawn(more.dl));
    std::vector<unsigned> drawn = scope.source.drawn;
    std::sort(drawn.begin(), drawn.end());
    CHECK(drawn == std::vector<unsigned>{'B', 'N', 'd'});
  }
  // What a texture must take: a fresh one (a new context) the whole atlas; one a change behind, that change's rows.
  {
    const int th = set.atlas->TexHeight;
    int y0 = -1, y1 = -1;
    CHECK(set.fonts.RowsToUpload(~0ul, th, &y0, &y1));
    CHECK((y0 == 0 && y1 == th));
    CHECK(set.fonts.RowsToUpload(set.fonts.pixels - 1, th, &y0, &y1));
    CHECK((y0 == set.fonts.changed_y0 && y1 == set.fonts.changed_y1));
    CHECK((y1 - y0 < th && y0 < y1));
    CHECK(set.fonts.RowsToUpload(set.fonts.pixels - 2, th, &y0, &y1));
    CHECK((y0 == 0 && y1 == th));
    CHECK_FALSE(set.fonts.RowsToUpload(set.fonts.pixels, th, &y0, &y1));
  }
  // Every glyph's box holds exactly what the source draws for it: the same bytes as an atlas drawn whole.
  for (const auto& g : set.fonts.lazy) {
    const ImFontAtlasCustomRect* r = set.atlas->GetCustomRectByIndex(g.rect);
    const unsigned char want = g.drawn ? BoxGlyphs::Shade(g.cp) : 0;
    int wrong = 0;
    for (int y = 0; y < r->Height; ++y)
      for (int x = 0; x < r->Width; ++x) wrong += set.atlas->TexPixelsAlpha8[(r->Y + y) * set.atlas->TexWidth + r->X + x] != want;
    CHECK_MESSAGE(wrong == 0, "U+", std::hex, g.cp);
  }
  // The rest, drawn in one go (the browser side does it once the page is idle): every glyph not drawn yet, and
  // only those; then nothing is pending, and frames look for no more.
  CHECK(set.fonts.GlyphsPending());
  const size_t before = set.fonts.lazy_drawn;
  scope.source.drawn.clear();
  CHECK(set.RasterizeRest());
  CHECK(scope.source.drawn.size() == (size_t)set.fonts.lazy.Size - before);
  CHECK(std::count(scope.source.drawn.begin(), scope.source.drawn.end(), (unsigned)'a') == 2);  // the faces without it
  CHECK_FALSE(set.fonts.GlyphsPending());
  CHECK_FALSE(set.RasterizeRest());
  for (const auto& g : set.fonts.lazy) {
    const ImFontAtlasCustomRect* r = set.atlas->GetCustomRectByIndex(g.rect);
    CHECK(set.atlas->TexPixelsAlpha8[(r->Y + r->Height / 2) * set.atlas->TexWidth + r->X + r->Width / 2] == BoxGlyphs::Shade(g.cp));
  }
  {
    GlyphFrame after(set);
    after.Text(body, "zebra");
    CHECK_FALSE(set.RasterizeDrawn(after.dl));
  }
  // A rebuild (a new scale, new code points, a web font loaded) places every glyph again, none drawn.
  InvalidateGlyphs();
  CHECK(set.Ensure());
  CHECK(set.fonts.lazy_drawn == 0);
  CHECK(AtlasTexelAt(set.atlas, set.fonts.Get(FontRole::Body)->FindGlyphNoFallback('a')) == 0);
}

// The atlases hold ASCII, UiCodepoints() and the content's code points: every other code point a widget's own
// string literal draws would be the "?" box. Reads the widget sources' string literals (UTF-8 and \x escapes).
TEST_CASE("every code point in the widgets' own string literals is in the atlas without content") {
  size_t n = 0;
  const unsigned* ui = UiCodepoints(&n);
  const std::set<unsigned> have(ui, ui + n);
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(std::string(SCW_SOURCE_DIR) + "/widgets")) {
    const std::string path = e.path().string();
    if (!e.is_regular_file() || path.find("font_data") != std::string::npos) continue;
    if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
    ++files;
    std::istringstream in(ReadFile(path));
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      // The code before a line comment; literals are read with their escapes decoded.
      std::string bytes;
      bool in_lit = false;
      for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (!in_lit) {
          if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') break;
          if (c == '\'' && i + 2 < line.size()) { i += line[i + 1] == '\\' ? 3 : 2; continue; }  // a char literal
          if (c == '"') in_lit = true;
          continue;
        }
        if (c == '"') { in_lit = false; bytes += ' '; continue; }
        if (c == '\\' && i + 1 < line.size()) {
          if (line[i + 1] == 'x' && i + 3 < line.size()) {
            bytes += (char)std::stoi(line.substr(i + 2, 2), nullptr, 16);
            i += 3;
          } else {
            ++i;  // \n, \", \\: ASCII
          }
          continue;
        }
        bytes += c;
      }
      for (size_t i = 0; i < bytes.size();) {
        if ((unsigned char)bytes[i] < 0x80) { ++i; continue; }
        unsigned int cp = 0;
        const int len = ImTextCharFromUtf8(&cp, bytes.c_str() + i, bytes.c_str() + bytes.size());
        i += len > 0 ? (size_t)len : 1;
        CHECK_MESSAGE(have.count(cp), path, ":", line_no, " draws U+", std::hex, cp, " (add it to fonts.cpp kUiExtra)");
      }
    }
  }
  CHECK(files > 20);
}

TEST_CASE("right-to-left scripts are recognised; left-to-right ones are not") {
  CHECK(HasRightToLeft("שלום"));
  CHECK(HasRightToLeft("name: خلية جذعية"));
  CHECK_FALSE(HasRightToLeft("Ελληνικά Кровь 造血幹細胞 año"));
  CHECK_FALSE(HasRightToLeft(""));
}

TEST_CASE("content with right-to-left text falls back to the text version; other content draws") {
  test::Harness h;
  const int id = h.Make("cell-diagram", 640, 400);
  std::string doc = ReadFile(std::string(SCW_SOURCE_DIR) + "/tests/data/valid-minimal.json");
  const std::string rtl = doc.substr(0, doc.find("Blood stem cell")) + "خلية جذعية" +
                          doc.substr(doc.find("Blood stem cell") + std::string("Blood stem cell").size());
  std::string err;
  REQUIRE(h.host->SetData(id, rtl, &err) == 0);
  auto fb = h.Of("fallback");
  REQUIRE(fb.size() == 1);
  CHECK(nlohmann::json::parse(fb[0].detail)["fallback"] == true);
  const long before = h.host->stats().frames;
  h.Settle();
  CHECK(h.host->stats().frames == before);  // nothing drawn: the page shows the text version
  REQUIRE(h.host->SetData(id, doc, &err) == 0);
  fb = h.Of("fallback");
  REQUIRE(fb.size() == 2);
  CHECK(nlohmann::json::parse(fb[1].detail)["fallback"] == false);
  h.Settle();
  CHECK(h.host->stats().frames > before);
  // Right-to-left text in a language the widget does not show: the reader sees none of it, so it draws.
  const std::string other = doc.substr(0, doc.find("\"Blood stem cell\"")) +
                            "{\"en\": \"Blood stem cell\", \"ar\": \"خلية جذعية\"}" +
                            doc.substr(doc.find("\"Blood stem cell\"") + std::string("\"Blood stem cell\"").size());
  REQUIRE(h.host->SetData(id, other, &err) == 0);
  CHECK(h.Of("fallback").size() == 2);  // no new fallback event: it still draws
  CHECK_FALSE(h.host->Find(id)->text_fallback);
}

TEST_CASE("the host draws into the atlas the glyphs its frames use, and the rest when asked once the page is idle") {
  SourceScope scope;
  scw::test::Harness h;
  const int id = h.Make("test-pattern", 640, 400, 1);
  std::string err;
  REQUIRE(h.host->SetData(id, R"({"label": "Hello"})", &err) == 0);
  h.Settle();
  const FontSet& set = *h.host->Find(id)->fonts.get();
  CHECK(set.fonts.lazy_drawn > 0);
  CHECK(h.host->GlyphsPending());
  CHECK(set.fonts.lazy_drawn < (size_t)set.fonts.lazy.Size / 2);  // a first frame draws few of them
  const ImFontGlyph* H = set.fonts.Get(FontRole::Title)->FindGlyphNoFallback('H');
  REQUIRE(H);
  CHECK(AtlasTexelAt(set.atlas, H) == BoxGlyphs::Shade('H'));  // the label's
  h.host->DrawPendingGlyphs();
  CHECK_FALSE(h.host->GlyphsPending());
  CHECK(set.fonts.lazy_drawn == (size_t)set.fonts.lazy.Size);
}
