// text_layout.cpp — see text_layout.h.
#include "ui/text_layout.h"

#include <cstring>
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace scw {
namespace {
constexpr float kLineSpacing = 1.35f;
WrapObserver g_wrap_observer = nullptr;
}  // namespace

namespace {
// Where a too-long word is cut: the longest run of whole UTF-8 characters from `from` that fits `width` (at least
// one character, so a line always advances).
size_t FitChars(FontRole role, const std::string& word, size_t from, float width) {
  size_t best = 0, i = from;
  while (i < word.size()) {
    size_t next = i + 1;
    while (next < word.size() && ((unsigned char)word[next] & 0xC0) == 0x80) ++next;
    if (best > 0 && MeasureText(role, word.substr(from, next - from)).x > width) break;
    best = next - from;
    i = next;
  }
  return best;
}

// The pieces of one space-free word that may end a line: after each hyphen or slash inside it ("anti-", "CD34/").
std::vector<std::string> Pieces(const std::string& word) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t i = 1; i + 1 < word.size(); ++i)
    if ((word[i] == '-' || word[i] == '/') && word[i - 1] != '-' && word[i - 1] != '/') {
      out.push_back(word.substr(from, i + 1 - from));
      from = i + 1;
    }
  out.push_back(word.substr(from));
  return out;
}

// Greedy wrapping of one paragraph (no '\n'): lines break at spaces and after inner hyphens, so a word is never
// split; only a piece wider than the whole line is cut, on a line of its own. Widths add up (no kerning).
void WrapParagraph(FontRole role, const std::string& para, float width, std::vector<std::string>* lines) {
  const float space_w = MeasureText(role, " ").x;
  std::string line;
  float line_w = 0;
  size_t i = 0;
  while (i < para.size()) {
    while (i < para.size() && (para[i] == ' ' || para[i] == '\t')) ++i;
    size_t j = i;
    while (j < para.size() && para[j] != ' ' && para[j] != '\t') ++j;
    if (j == i) break;
    bool first = true;
    for (const std::string& piece : Pieces(para.substr(i, j - i))) {
      const float gap = first && !line.empty() ? space_w : 0, pw = MeasureText(role, piece).x;
      first = false;
      if (line_w + gap + pw <= width + 0.01f) {  // the sum of the parts may be a rounding above the whole
        if (gap > 0) line += ' ';
        line += piece;
        line_w += gap + pw;
        continue;
      }
      if (!line.empty()) lines->push_back(line);
      line.clear();
      line_w = 0;
      size_t from = 0;  // a piece wider than a whole line: cut into lines that fit
      while (MeasureText(role, piece.substr(from)).x > width) {
        const size_t n = FitChars(role, piece, from, width);
        lines->push_back(piece.substr(from, n));
        from += n;
      }
      line = piece.substr(from);
      line_w = MeasureText(role, line).x;
    }
    i = j;
  }
  lines->push_back(line);
}
}  // namespace

FontsKey CurrentFontsKey() {
  const Fonts& f = CurrentFonts();
  return FontsKey{&f, f.built_scale, f.built_generation};
}

namespace {
// Wrapped texts by (fonts key, role, width, text): the widgets lay out and draw the same texts frame after frame
// (detail panels, labels, a hover frame's relayout), and wrapping measures every piece of every word. An
// open-addressing table (linear probing, emptied when half full) rather than std::unordered_map, whose
// instantiation cost ~1 KB brotli of wasm for the same work.
struct WrapSlot {
  std::string key;
  std::vector<std::string> lines;
  bool used = false;
};
constexpr size_t kWrapSlots = 4096;  // a power of two; at most half are used (2,048 texts: a page uses a few hundred)
std::vector<WrapSlot>& WrapCache() {
  static std::vector<WrapSlot> slots(kWrapSlots);
  return slots;
}
size_t g_wrap_entries = 0;
size_t g_wraps_measured = 0;

size_t KeyHash(const std::string& key) {  // FNV-1a
  uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

const std::vector<std::string>& WrapCached(FontRole role, const std::string& text, float width) {
  static const std::vector<std::string> none;
  const Fonts& f = CurrentFonts();
  if (!f.Get(role) || text.empty()) return none;
  width = width > 1 ? width : 1;
  const FontsKey fk = CurrentFontsKey();
  static std::string key;  // reused: no allocation for the key once it has grown
  const int r = (int)role;
  const float size = f.Size(role);
  key.assign(reinterpret_cast<const char*>(&fk.fonts), sizeof fk.fonts);
  key.append(reinterpret_cast<const char*>(&fk.scale), sizeof fk.scale);
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(reinterpret_cast<const char*>(&fk.generation), sizeof fk.generation);
  key.append(reinterpret_cast<const char*>(&r), sizeof r);
  key.append(reinterpret_cast<const char*>(&width), sizeof width);
  key.append(text);
  std::vector<WrapSlot>& slots = WrapCache();
  size_t i = KeyHash(key) & (kWrapSlots - 1);
  while (slots[i].used && slots[i].key != key) i = (i + 1) & (kWrapSlots - 1);
  if (!slots[i].used && g_wrap_entries >= kWrapSlots / 2) {  // full: start again
    for (auto& s : slots) s = WrapSlot();
    g_wrap_entries = 0;
    i = KeyHash(key) & (kWrapSlots - 1);
  }
  WrapSlot& slot = slots[i];
  if (!slot.used) {
    ++g_wrap_entries;
    ++g_wraps_measured;
    slot.lines.clear();
    size_t from = 0;
    while (from < text.size()) {  // explicit line breaks are kept
      size_t nl = text.find('\n', from);
      if (nl == std::string::npos) nl = text.size();
      WrapParagraph(role, text.substr(from, nl - from), width, &slot.lines);
      if (nl == text.size()) break;
      from = nl + 1;
    }
    slot.key = key;
    slot.used = true;
  }
  if (g_wrap_observer) g_wrap_observer(role, text, width, slot.lines);
  return slot.lines;
}
}  // namespace

std::vector<std::string> WrapLines(FontRole role, const std::string& text, float width) {
  return WrapCached(role, text, width);
}

size_t WrapsMeasured() { return g_wraps_measured; }

void SetWrapObserver(WrapObserver observer) { g_wrap_observer = observer; }

float WrappedHeight(FontRole role, const std::string& text, float width) {
  const float lh = CurrentFonts().Size(role) * kLineSpacing;
  return (float)WrapCached(role, text, width).size() * lh;
}

float DrawWrapped(ImDrawList* dl, FontRole role, ImVec2 pos, Color color, const std::string& text, float width,
                  float clip_top, float clip_bottom) {
  const float size = CurrentFonts().Size(role);
  const float lh = size * kLineSpacing;
  const auto& lines = WrapCached(role, text, width);
  float y = pos.y;
  for (const auto& line : lines) {
    if (y + lh >= clip_top && y <= clip_bottom) DrawText(dl, role, ImVec2(pos.x, y + (lh - size) / 2), color, line);
    y += lh;
  }
  return y - pos.y;
}

float BlocksHeight(const std::vector<TextBlock>& blocks, float width, float scale) {
  float h = 0;
  for (const auto& b : blocks) h += b.space_before * scale + WrappedHeight(b.role, b.text, width);
  return h;
}

void DrawBlocks(ImDrawList* dl, const std::vector<TextBlock>& blocks, ImVec2 pos, float width, float scale,
                float clip_top, float clip_bottom) {
  float y = pos.y;
  for (const auto& b : blocks) {
    y += b.space_before * scale;
    y += DrawWrapped(dl, b.role, ImVec2(pos.x, y), b.color, b.text, width, clip_top, clip_bottom);
  }
}

std::string Ellipsize(FontRole role, const std::string& text, float width) {
  if (MeasureText(role, text).x <= width) return text;
  // The longest prefix (whole UTF-8 characters, trailing spaces dropped) that fits with "…": a binary search over
  // the character starts, so a long text costs log n measurements, not n (it ran every frame, per cell).
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i)
    if (((unsigned char)text[i] & 0xC0) != 0x80) starts.push_back(i);
  auto prefix = [&](size_t n) {  // the first n characters, trailing spaces dropped, with "…"
    std::string s = text.substr(0, n < starts.size() ? starts[n] : text.size());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "…";
  };
  size_t lo = 0, hi = starts.size();  // prefix(lo) is the best known to fit (0 = "…" alone); prefix(hi) does not
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    if (MeasureText(role, prefix(mid)).x <= width) lo = mid; else hi = mid;
  }
  return lo == 0 ? std::string("…") : prefix(lo);
}

}  // namespace scw
