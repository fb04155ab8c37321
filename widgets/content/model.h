// model.h — the content document as typed structs, and the loader that checks it.
//
// Load() reports every problem it finds, not just the first, each with a JSON Pointer path and a sentence a
// non-programmer can act on; unknown keys are warnings naming the nearest known key. Text fields may be plain
// strings or {"en": …, "es": …} objects: Load() resolves them to the requested language, falling back to English.
// The format is specified in docs/DATA-FORMAT-SPEC.md and data/schema.json.
#pragma once
#include <map>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "widget.h"

namespace scw::content {

constexpr int kFormatVersion = 1;
constexpr size_t kMaxList = 200;
constexpr size_t kMaxString = 4000;
constexpr size_t kMaxName = 120;  // every "name": it labels a box on the canvas
constexpr double kMinDay = -365, kMaxDay = 3650;

enum class Level { None, Low, Moderate, High, Unknown };

// A source. Structured fields (authors or publisher, year, title, journal, volume, pages, note, and pmid, doi or
// url) are what authors write; `citation` is the text readers see, formatted from them by the loader (or, in
// old documents, the free-text "citation" as written), and `url` is the link: the url, else the DOI's or the
// PubMed record's address.
struct Source {
  std::string id, citation, url;
  std::string authors, publisher, title, journal, volume, pages, note, pmid, doi, given_url;
  int year = 0;  // 0 = not given
};

// The citation readers see for a source's structured fields, e.g.
// "Sormani MP, et al. (2017). Title. Neurology 88:2115. doi:10.1212/WNL.0000000000003987."
std::string FormatCitation(const Source& s);

struct CellType {
  std::string id, name, category, short_text, long_text, found_in, therapy_role, glyph;
  std::vector<std::string> becomes, reprogrammed_from, sources;
  std::vector<std::string> engineered_from;  // made in a lab from these cells (CAR-MSC from MSC): not "becomes"
};

struct Therapy {
  // status: "approved", "standard-care", "in-trials", "experimental", or "" when the document gives none.
  std::string id, name, short_text, timeline_variant, status;
  std::vector<std::string> cells, sources;
};

struct DayRange { double from = 0, to = 0; };

struct Phase {
  std::string id, name, text;
  DayRange days;
  std::vector<std::string> risks, sources;
};

struct Milestone {
  std::string id, name, text;
  DayRange days;
  std::vector<std::string> sources;
};

struct Variant {
  std::string id, name, short_text;
  std::vector<Phase> phases;
  std::vector<Milestone> milestones;
  std::vector<std::string> sources;
};

struct Figure {
  std::string label, unit, population, source, interval_kind;
  double value = 0;
  bool has_interval = false;
  double lo = 0, hi = 0;
  int year = 0;  // 0 = not given
};

struct RiskLevel {
  std::string therapy, note;
  Level level = Level::Unknown;
  std::vector<Figure> figures;
  std::vector<std::string> sources;
};

struct RiskWindow { std::string variant; DayRange days; };

struct Risk {
  std::string id, name, short_text, what, why, when, managed;
  std::vector<RiskWindow> windows;
  std::vector<RiskLevel> levels;
  std::vector<std::string> sources;
};

struct ThemeSpec {
  std::string mode = "auto";
  bool has_accent = false, has_background = false, has_text = false;
  uint32_t accent = 0, background = 0, text = 0;  // ImGui ABGR
  float text_scale = 1.0f;
};

struct Document {
  int version = kFormatVersion;
  std::string lang = "en";
  std::string title;
  std::map<std::string, std::string> strings;  // resolved to the requested language
  ThemeSpec theme;
  std::vector<CellType> cell_types;
  std::vector<Therapy> therapies;
  std::vector<Variant> variants;
  std::vector<Risk> risks;
  std::vector<Source> sources;
  bool has_cell_types = false, has_therapies = false, has_timeline = false, has_risks = false;

  // A UI string: the document's, else the built-in English one, else the key itself. Fills {name} placeholders.
  std::string String(const std::string& key, const std::map<std::string, std::string>& vars = {}) const;
  const Source* FindSource(const std::string& id) const;
  const CellType* FindCell(const std::string& id) const;
  const Therapy* FindTherapy(const std::string& id) const;
  const Risk* FindRisk(const std::string& id) const;
  const Variant* FindVariant(const std::string& id) const;
};

// Checks `doc` and fills `out`. `lang` is the language to show (empty = the document's own `lang`).
// Returns ok = false when there is any error; warnings alone keep ok = true.
LoadResult Load(const nlohmann::json& doc, const std::string& lang, Document* out);

// A list of names to check a word against, without copying them: a call site's literals ({"id", "name"}: they stay
// in read-only data, no strings are built) or a vector of strings. A parameter type only: a Names made from a
// braced list must not outlive the call it is passed to.
class Names {
 public:
  Names(std::initializer_list<const char*> l) : lit_(l.begin()), n_(l.size()) {}
  template <size_t N>
  Names(const char* const (&a)[N]) : lit_(a), n_(N) {}
  Names(const std::vector<std::string>& v) : vec_(&v), n_(v.size()) {}
  size_t size() const { return n_; }
  const char* operator[](size_t i) const { return vec_ ? (*vec_)[i].c_str() : lit_[i]; }
  bool Contains(const std::string& s) const {
    for (size_t i = 0; i < n_; ++i)
      if (s == (*this)[i]) return true;
    return false;
  }

 private:
  const char* const* lit_ = nullptr;
  const std::vector<std::string>* vec_ = nullptr;
  size_t n_ = 0;
};

// The UI string keys the format knows (docs/DATA-FORMAT-SPEC.md).
const std::vector<std::string>& KnownStringKeys();
// The nearest of `candidates` to `word` by edit distance, or "" when none is close.
std::string Nearest(const std::string& word, Names candidates);
// JSON Pointer escaping of one key ("~" -> "~0", "/" -> "~1").
std::string PointerKey(const std::string& key);

}  // namespace scw::content
