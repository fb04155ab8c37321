// Fonts: the atlas built from glyph bitmaps (the browser's path), the code points content adds, right-to-left
// detection and the host's fallback to the text version for right-to-left content.
#include <doctest/doctest.h>

#include <fstream>
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
  int calls = 0;
  static unsigned char Shade(unsigned cp) { return (unsigned char)(0x40 | (cp & 0x3F)); }
  bool Rasterize(bool, float px, const std::vector<unsigned>& cps, float* ascent, float* descent,
                 std::vector<GlyphBitmap>* glyphs, std::vector<unsigned char>* pixels) override {
    ++calls;
    *ascent = px * 0.8f;
    *descent = px * 0.2f;
    glyphs->clear();
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
std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("an atlas from glyph bitmaps holds the base set and the code points the content added") {
  SourceScope scope;
  NoteText("Ελληνικά · Кровь · 造血幹細胞");
  FontSet set;
  set.scale = 1.5f;
  REQUIRE(set.Ensure());
  CHECK(scope.source.calls == 4);  // one call per face
  ImFont* body = set.fonts.Get(FontRole::Body);
  REQUIRE(body);
  CHECK(body->FontSize == doctest::Approx(std::round(kFontBody * 1.5f)));
  for (unsigned cp : {0x41u, 0xF1u, 0x395u, 0x41Au, 0x9020u, 0x2026u}) {
    const ImFontGlyph* g = body->FindGlyphNoFallback((ImWchar)cp);
    REQUIRE_MESSAGE(g, "no glyph for U+", std::hex, cp);
    CHECK(g->AdvanceX == doctest::Approx(body->FontSize * 0.5f));
    // The glyph's pixels are where its UVs point.
    const ImFontAtlas* atlas = set.atlas;
    const int x = (int)(g->U0 * atlas->TexWidth + 0.5f), y = (int)(g->V0 * atlas->TexHeight + 0.5f);
    CHECK(atlas->TexPixelsAlpha8[y * atlas->TexWidth + x] == BoxGlyphs::Shade(cp));
  }
  CHECK(body->FindGlyphNoFallback((ImWchar)0x5D0) == nullptr);  // Hebrew was never noted
  // The white pixel ImGui draws shapes with is white, and text measures with the glyph advances.
  const ImFontAtlas* atlas = set.atlas;
  const int wx = (int)(set.draw_data->TexUvWhitePixel.x * atlas->TexWidth);
  const int wy = (int)(set.draw_data->TexUvWhitePixel.y * atlas->TexHeight);
  CHECK(atlas->TexPixelsAlpha8[wy * atlas->TexWidth + wx] == 0xFF);
  SetCurrentFonts(&set.fonts);
  CHECK(MeasureText(FontRole::Body, "Кровь").x == doctest::Approx(5 * body->FontSize * 0.5f));
  SetCurrentFonts(nullptr);
  // Nothing new: no rebuild. A new code point: the next Ensure() rebuilds with it.
  CHECK_FALSE(set.Ensure());
  CHECK(NoteText("Ω"));
  CHECK_FALSE(NoteText("Ω"));
  CHECK_FALSE(NoteText("plain ASCII and Latin-1: año"));
  CHECK(set.Ensure());
  CHECK(set.fonts.Get(FontRole::Title)->FindGlyphNoFallback((ImWchar)0x3A9));
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
}
