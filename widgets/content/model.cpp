// model.cpp — see model.h. One Checker walks the document; each Read* call checks one value, records problems
// with their JSON Pointer, and returns a usable default so the walk goes on and every problem is found.
#include "content/model.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "content/default_content.h"
#include "content/json_text.h"
#include "ui/json_writer.h"
#include "ui/theme.h"

namespace scw::content {
namespace {

using json = nlohmann::json;

// Caps on the work spent on problems, whatever the document (see Checker::Error and Checker::Object).
constexpr size_t kMaxReported = 100;  // errors (and warnings) listed; the rest are counted
constexpr size_t kMaxHints = 20;      // "did you mean" searches per document
constexpr size_t kMaxHintLength = 64; // no search for longer words (no id or key is longer)

// A word from the document, quoted and shortened for a message.
std::string Clip(const std::string& s) {
  if (s.size() <= 40) return "\"" + s + "\"";
  size_t n = 37;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) --n;  // do not cut a UTF-8 sequence
  return "\"" + s.substr(0, n) + "…\" (" + std::to_string(s.size()) + " bytes)";
}

std::string Describe(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    case json::value_t::string: return Clip(j.get_ref<const std::string&>());
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    case json::value_t::number_integer: return std::to_string(j.get<json::number_integer_t>());  // as written
    case json::value_t::number_unsigned: return std::to_string(j.get<json::number_unsigned_t>());
    default: return DecimalText(j.get<double>(), 6);  // a number with a fraction or exponent
  }
}

// A list's items, each as Describe() writes it: [-7,"a week"].
std::string ListText(const json& j) {
  std::string s = "[";
  for (const auto& e : j) s += (s.size() > 1 ? "," : "") + Describe(e);
  return s + "]";
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsId(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  if (!(std::islower((unsigned char)s[0]) || std::isdigit((unsigned char)s[0]))) return false;
  for (char c : s)
    if (!(std::islower((unsigned char)c) || std::isdigit((unsigned char)c) || c == '-')) return false;
  return true;
}

bool IsLangKey(const std::string& s) {
  if (s.size() != 2 && s.size() != 5) return false;
  if (!std::islower((unsigned char)s[0]) || !std::islower((unsigned char)s[1])) return false;
  if (s.size() == 5)
    return s[2] == '-' && std::isupper((unsigned char)s[3]) && std::isupper((unsigned char)s[4]);
  return true;
}

std::string Quoted(Names v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? (i + 1 == v.size() ? " or " : ", ") : "") + ("\"" + std::string(v[i]) + "\"");
  return out;
}

// What a reference must point at, for the cross-reference pass.
struct Ref {
  std::string kind;  // "cell", "therapy", "risk", "variant", "source"
  std::string id, path;
};

class Checker {
 public:
  Checker(std::string lang, std::vector<Problem>* problems) : lang_(std::move(lang)), problems_(problems) {}

  // At most kMaxReported errors and kMaxReported warnings are listed; the rest are counted and summarised by
  // Finish(), so a document with 60,000 problems costs no more to report than one with 100.
  void Error(const std::string& path, const std::string& msg) {
    if (errors_++ < kMaxReported) problems_->push_back({path, msg, false});
  }
  void Warn(const std::string& path, const std::string& msg) {
    if (warnings_++ < kMaxReported) problems_->push_back({path, msg, true});
  }
  void Finish() {
    if (errors_ > kMaxReported)
      problems_->push_back({"", "… and " + std::to_string(errors_ - kMaxReported) + " more errors (only the first " +
                                    std::to_string(kMaxReported) + " are listed). Fix these and check again.", false});
    if (warnings_ > kMaxReported)
      problems_->push_back({"", "… and " + std::to_string(warnings_ - kMaxReported) + " more warnings (only the first " +
                                    std::to_string(kMaxReported) + " are listed).", true});
  }

  // Object with known keys: warns about the unknown ones (with the nearest known key).
  bool Object(const json& j, const std::string& path, Names known) {
    if (!j.is_object()) {
      Error(path, "expected an object { … }, got " + Describe(j));
      return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (known.Contains(it.key())) continue;
      if (warnings_ >= kMaxReported) { ++warnings_; continue; }  // counted only: no message, no search
      const std::string& key = it.key();
      std::string msg = "unknown key " + Clip(key) + " (ignored)";
      // The nearest-name search costs |key| × |known|: only for the first few unknown keys, and short ones.
      const std::string near = (hints_ < kMaxHints && key.size() <= kMaxHintLength) ? (++hints_, Nearest(key, known)) : "";
      msg += near.empty() ? ". Known keys here: " + Quoted(known) + "." : "; did you mean \"" + near + "\"?";
      Warn(path + "/" + PointerKey(key.size() > 200 ? key.substr(0, 200) : key), msg);
    }
    return true;
  }

  const json* Field(const json& obj, const char* key, const std::string& path, bool required) {
    if (obj.is_object() && obj.contains(key)) return &obj[key];
    if (required) Error(path + "/" + key, std::string("required, but missing: add \"") + key + "\"");
    return nullptr;
  }

  // A list with at most kMaxList items (and at least min_items).
  bool List(const json& j, const std::string& path, size_t min_items = 0) {
    if (!j.is_array()) {
      Error(path, "expected a list [ … ], got " + Describe(j));
      return false;
    }
    if (j.size() > kMaxList) {
      Error(path, "has " + std::to_string(j.size()) + " items; the limit is " + std::to_string(kMaxList) + ". Split the content.");
      return false;
    }
    if (j.size() < min_items) {
      Error(path, "needs at least " + std::to_string(min_items) + (min_items == 1 ? " item" : " items") + ", got none");
      return false;
    }
    return true;
  }

  bool CheckLength(const std::string& s, const std::string& path, size_t limit = kMaxString) {
    const size_t n = Utf8Length(s);
    if (n <= limit) return true;
    Error(path, "is " + std::to_string(n) + " characters long; the limit is " + std::to_string(limit) +
                    (limit == kMaxName ? " for a name (it labels a box on the canvas)" : "") + ". Shorten it.");
    return false;
  }

  std::string PlainString(const json* j, const std::string& path) {
    if (!j) return "";
    if (!j->is_string()) {
      Error(path, "expected text in double quotes, got " + Describe(*j));
      return "";
    }
    std::string s = j->get<std::string>();
    CheckLength(s, path);
    return s;
  }

  // Text: "…" or {"en": "…", "es": "…"} -> the requested language, else English, else the first.
  std::string Text(const json* j, const std::string& path, bool required = false) {
    if (!j) return "";
    // Names label boxes on the canvas: they get a reader's limit, not the limit of a paragraph.
    const bool is_name = path.size() >= 5 && path.compare(path.size() - 5, 5, "/name") == 0;
    const size_t limit = is_name ? kMaxName : kMaxString;
    std::string out;
    if (j->is_string()) {
      out = j->get<std::string>();
      CheckLength(out, path, limit);
    } else if (j->is_object()) {
      if (j->empty()) Error(path, "a translated text needs at least one language, e.g. {\"en\": \"…\"}");
      std::string en, first, want;
      for (auto it = j->begin(); it != j->end(); ++it) {
        const std::string p = path + "/" + PointerKey(it.key());
        if (!IsLangKey(it.key())) {
          Error(p, "\"" + it.key() + "\" is not a language code; use codes like \"en\", \"es\" or \"pt-BR\"");
          continue;
        }
        if (!it->is_string()) { Error(p, "expected text in double quotes, got " + Describe(*it)); continue; }
        const std::string s = it->get<std::string>();
        CheckLength(s, p, limit);
        if (first.empty()) first = s;
        if (it.key() == "en") en = s;
        if (it.key() == lang_) want = s;
      }
      out = !want.empty() ? want : !en.empty() ? en : first;
    } else {
      Error(path, "expected text (\"…\" or {\"en\": \"…\", \"es\": \"…\"}), got " + Describe(*j));
    }
    if (required && out.empty() && (j->is_string() || j->is_object())) Error(path, "must not be empty");
    return out;
  }

  std::string Id(const json* j, const std::string& path) {
    if (!j) return "";
    if (!j->is_string() || !IsId(j->get<std::string>())) {
      Error(path, "expected an id of lower-case letters, digits and hyphens like \"red-blood-cell\", got " + Describe(*j));
      return j->is_string() ? j->get<std::string>() : "";
    }
    return j->get<std::string>();
  }

  // A list of ids that refer to things of `kind`, checked once everything is read.
  std::vector<std::string> RefList(const json* j, const std::string& path, const std::string& kind, size_t min_items = 0) {
    std::vector<std::string> out;
    if (!j) {
      if (min_items) Error(path, "required, but missing: add a list of " + kind + " ids");
      return out;
    }
    if (!List(*j, path, min_items)) return out;
    for (size_t i = 0; i < j->size(); ++i) {
      const std::string p = path + "/" + std::to_string(i);
      std::string id = Id(&(*j)[i], p);
      if (!id.empty()) { refs_.push_back({kind, id, p}); out.push_back(id); }
    }
    return out;
  }

  void RefOne(const std::string& kind, const std::string& id, const std::string& path) {
    if (!id.empty()) refs_.push_back({kind, id, path});
  }

  double Number(const json* j, const std::string& path, double lo, double hi, double dflt = 0) {
    if (!j) return dflt;
    if (!j->is_number()) {
      Error(path, "expected a number, got " + Describe(*j));
      return dflt;
    }
    const double v = j->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi) {
      Error(path, "expected a number from " + Fmt(lo) + " to " + Fmt(hi) + ", got " + Describe(*j));
      return dflt;
    }
    return v;
  }

  DayRange Days(const json* j, const std::string& path) {
    DayRange r;
    if (!j) return r;
    if (!j->is_array() || j->size() != 2 || !(*j)[0].is_number() || !(*j)[1].is_number()) {
      Error(path, "expected two numbers like [-7, -1] (days from the transplant, day 0), got " +
                      (j->is_array() ? ListText(*j).substr(0, 40) : Describe(*j)));
      return r;
    }
    r.from = (*j)[0].get<double>();
    r.to = (*j)[1].get<double>();
    if (r.from > r.to) {
      Error(path, "the first day (" + Fmt(r.from) + ") comes after the second (" + Fmt(r.to) + "); write [" + Fmt(r.to) +
                      ", " + Fmt(r.from) + "]");
      std::swap(r.from, r.to);
    }
    if (r.from < kMinDay || r.to > kMaxDay) {
      Error(path, "days must be between " + Fmt(kMinDay) + " and " + Fmt(kMaxDay) + " (about 10 years), got [" +
                      Fmt(r.from) + ", " + Fmt(r.to) + "]");
    }
    return r;
  }

  std::string Enum(const json* j, const std::string& path, Names values, std::string dflt) {
    if (!j) return dflt;
    if (j->is_string()) {
      const std::string v = j->get<std::string>();
      if (values.Contains(v)) return v;
      const std::string near = Nearest(v, values);
      Error(path, "expected one of " + Quoted(values) + ", got \"" + v + "\"" + (near.empty() ? "" : "; did you mean \"" + near + "\"?"));
      return dflt;
    }
    Error(path, "expected one of " + Quoted(values) + ", got " + Describe(*j));
    return dflt;
  }

  bool Color(const json* j, const std::string& path, uint32_t* out) {
    if (!j) return false;
    if (j->is_string() && ParseColor(j->get<std::string>(), out)) return true;
    Error(path, "expected a colour like \"#1f5fbf\" or \"#15b\", got " + Describe(*j));
    return false;
  }

  std::string Url(const json* j, const std::string& path) {
    if (!j) return "";
    const std::string s = PlainString(j, path);
    if (s.empty()) return "";
    std::string lower = s.substr(0, 8);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return (char)std::tolower(c); });
    if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0) {
      for (unsigned char c : s)
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') {
          Error(path, "a link must not contain spaces, quotes or angle brackets");
          return "";
        }
      return s;
    }
    Error(path, "only http: and https: links are allowed, got \"" + s.substr(0, 40) + "\"");
    return "";
  }

  static std::string Fmt(double v) { return DecimalText(v, 6); }

  // May the nearest-name search run once more? (Bounded: see Object().)
  bool MayHint(const std::string& word) {
    if (hints_ >= kMaxHints || word.size() > kMaxHintLength) return false;
    ++hints_;
    return true;
  }

  const std::string& lang() const { return lang_; }
  std::vector<Ref>& refs() { return refs_; }

 private:
  std::string lang_;
  std::vector<Problem>* problems_;
  std::vector<Ref> refs_;
  size_t errors_ = 0, warnings_ = 0, hints_ = 0;
};

// Ids must be unique within their kind.
class IdSet {
 public:
  IdSet(Checker& c, std::string what) : c_(c), what_(std::move(what)) {}
  void Add(const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto it = seen_.find(id);
    if (it != seen_.end()) c_.Error(path + "/id", "the " + what_ + " id \"" + id + "\" is already used at " + it->second);
    else seen_[id] = path;
  }
  bool Has(const std::string& id) const { return seen_.count(id) > 0; }
  std::vector<std::string> All() const {
    std::vector<std::string> v;
    for (const auto& kv : seen_) v.push_back(kv.first);
    return v;
  }

 private:
  Checker& c_;
  std::string what_;
  std::map<std::string, std::string> seen_;
};

const char* const kTopKeys[] = {"$schema", "version", "lang", "title", "strings", "theme", "cellTypes",
                                "therapies", "timeline", "risks", "sources"};
const char* const kCategories[] = {"pluripotent", "adult", "induced", "stromal", "derived", "mature"};
const char* const kGlyphs[] = {"stem", "progenitor", "disc", "fragment", "lobed", "monocyte", "lymphocyte",
                               "spindle", "islet", "embryo", "skin", "generic"};
const char* const kLevels[] = {"none", "low", "moderate", "high", "unknown"};
const char* const kIntervalKinds[] = {"ci95", "range", "iqr"};
const char* const kThemeModes[] = {"auto", "light", "dark", "high-contrast"};

Level ToLevel(const std::string& s) {
  if (s == "none") return Level::None;
  if (s == "low") return Level::Low;
  if (s == "moderate") return Level::Moderate;
  if (s == "high") return Level::High;
  return Level::Unknown;
}

void ReadTheme(Checker& c, const json& j, const std::string& path, ThemeSpec* t) {
  if (!c.Object(j, path, {"mode", "accent", "background", "text", "textScale"})) return;
  t->mode = c.Enum(c.Field(j, "mode", path, false), path + "/mode", kThemeModes, "auto");
  t->has_accent = c.Color(c.Field(j, "accent", path, false), path + "/accent", &t->accent);
  t->has_background = c.Color(c.Field(j, "background", path, false), path + "/background", &t->background);
  t->has_text = c.Color(c.Field(j, "text", path, false), path + "/text", &t->text);
  t->text_scale = (float)c.Number(c.Field(j, "textScale", path, false), path + "/textScale", 0.75, 2.0, 1.0);
  if (t->has_text && t->has_background && ContrastRatio(t->text, t->background) < 4.5f) {
    c.Warn(path + "/text", "text on this background has a contrast of " + DecimalText(ContrastRatio(t->text, t->background), 1) +
                               ":1; readers need at least 4.5:1. Pick a darker text or a lighter background.");
  }
}

void ReadStrings(Checker& c, const json& j, const std::string& path, std::map<std::string, std::string>* out) {
  if (!c.Object(j, path, KnownStringKeys())) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const auto& known = KnownStringKeys();
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) continue;
    (*out)[it.key()] = c.Text(&it.value(), path + "/" + PointerKey(it.key()));
  }
}

void ReadFigure(Checker& c, const json& j, const std::string& path, Figure* f) {
  if (!c.Object(j, path, {"label", "value", "unit", "interval", "intervalKind", "population", "source", "year"})) return;
  f->label = c.Text(c.Field(j, "label", path, true), path + "/label", true);
  const json* v = c.Field(j, "value", path, true);
  f->value = c.Number(v, path + "/value", -1e12, 1e12);
  if (const json* u = c.Field(j, "unit", path, false)) f->unit = c.Text(u, path + "/unit");
  if (const json* iv = c.Field(j, "interval", path, false)) {
    if (!iv->is_array() || iv->size() != 2 || !(*iv)[0].is_number() || !(*iv)[1].is_number()) {
      c.Error(path + "/interval", "expected two numbers like [1.3, 3.4], got " + Describe(*iv));
    } else {
      f->lo = (*iv)[0].get<double>();
      f->hi = (*iv)[1].get<double>();
      f->has_interval = true;
      if (f->lo > f->hi) c.Error(path + "/interval", "the low end (" + Checker::Fmt(f->lo) + ") is above the high end (" + Checker::Fmt(f->hi) + ")");
      else if (v && v->is_number() && (f->value < f->lo || f->value > f->hi))
        c.Error(path + "/interval", "the value " + Checker::Fmt(f->value) + " lies outside its interval [" + Checker::Fmt(f->lo) + ", " + Checker::Fmt(f->hi) + "]");
    }
  }
  f->interval_kind = c.Enum(c.Field(j, "intervalKind", path, false), path + "/intervalKind", kIntervalKinds, "");
  if (!f->interval_kind.empty() && !f->has_interval) c.Warn(path + "/intervalKind", "intervalKind is given but there is no \"interval\"");
  f->population = c.Text(c.Field(j, "population", path, true), path + "/population", true);
  f->source = c.Id(c.Field(j, "source", path, true), path + "/source");
  c.RefOne("source", f->source, path + "/source");
  if (const json* y = c.Field(j, "year", path, false)) {
    if (y->is_number() && y->get<double>() != std::floor(y->get<double>()))
      c.Error(path + "/year", "expected a whole year like 2019, got " + Describe(*y));
    else
      f->year = (int)c.Number(y, path + "/year", 1900, 2100, 0);
  }
}

void ReadCells(Checker& c, const json& j, const std::string& path, Document* d, IdSet& ids) {
  if (!c.List(j, path)) return;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string p = path + "/" + std::to_string(i);
    const json& o = j[i];
    if (!c.Object(o, p, {"id", "name", "category", "short", "long", "foundIn", "becomes", "reprogrammedFrom",
                         "engineeredFrom", "therapyRole", "glyph", "sources"}))
      continue;
    CellType ct;
    ct.id = c.Id(c.Field(o, "id", p, true), p + "/id");
    ids.Add(ct.id, p);
    ct.name = c.Text(c.Field(o, "name", p, true), p + "/name", true);
    ct.category = c.Enum(c.Field(o, "category", p, true), p + "/category", kCategories, "mature");
    ct.short_text = c.Text(c.Field(o, "short", p, true), p + "/short", true);
    ct.long_text = c.Text(c.Field(o, "long", p, false), p + "/long");
    ct.found_in = c.Text(c.Field(o, "foundIn", p, false), p + "/foundIn");
    ct.therapy_role = c.Text(c.Field(o, "therapyRole", p, false), p + "/therapyRole");
    ct.glyph = c.Enum(c.Field(o, "glyph", p, false), p + "/glyph", kGlyphs, "generic");
    ct.becomes = c.RefList(c.Field(o, "becomes", p, false), p + "/becomes", "cell");
    ct.reprogrammed_from = c.RefList(c.Field(o, "reprogrammedFrom", p, false), p + "/reprogrammedFrom", "cell");
    ct.engineered_from = c.RefList(c.Field(o, "engineeredFrom", p, false), p + "/engineeredFrom", "cell");
    ct.sources = c.RefList(c.Field(o, "sources", p, false), p + "/sources", "source");
    d->cell_types.push_back(std::move(ct));
  }
}

void ReadTherapies(Checker& c, const json& j, const std::string& path, Document* d, IdSet& ids) {
  static const char* const kTherapyStatuses[] = {"approved", "standard-care", "in-trials", "experimental"};
  if (!c.List(j, path)) return;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string p = path + "/" + std::to_string(i);
    const json& o = j[i];
    if (!c.Object(o, p, {"id", "name", "short", "status", "cells", "timelineVariant", "sources"})) continue;
    Therapy t;
    t.id = c.Id(c.Field(o, "id", p, true), p + "/id");
    ids.Add(t.id, p);
    t.name = c.Text(c.Field(o, "name", p, true), p + "/name", true);
    t.short_text = c.Text(c.Field(o, "short", p, false), p + "/short");
    t.status = c.Enum(c.Field(o, "status", p, false), p + "/status", kTherapyStatuses, "");
    t.cells = c.RefList(c.Field(o, "cells", p, false), p + "/cells", "cell");
    if (const json* tv = c.Field(o, "timelineVariant", p, false)) {
      t.timeline_variant = c.Id(tv, p + "/timelineVariant");
      c.RefOne("variant", t.timeline_variant, p + "/timelineVariant");
    }
    t.sources = c.RefList(c.Field(o, "sources", p, false), p + "/sources", "source");
    d->therapies.push_back(std::move(t));
  }
}

void ReadTimeline(Checker& c, const json& j, const std::string& path, Document* d, IdSet& variant_ids) {
  if (!c.Object(j, path, {"variants"})) return;
  const json* vs = c.Field(j, "variants", path, true);
  if (!vs || !c.List(*vs, path + "/variants", 1)) return;
  IdSet phase_ids(c, "phase or milestone");
  for (size_t i = 0; i < vs->size(); ++i) {
    const std::string p = path + "/variants/" + std::to_string(i);
    const json& o = (*vs)[i];
    if (!c.Object(o, p, {"id", "name", "short", "phases", "milestones", "sources"})) continue;
    Variant v;
    v.id = c.Id(c.Field(o, "id", p, true), p + "/id");
    variant_ids.Add(v.id, p);
    v.name = c.Text(c.Field(o, "name", p, true), p + "/name", true);
    v.short_text = c.Text(c.Field(o, "short", p, false), p + "/short");
    v.sources = c.RefList(c.Field(o, "sources", p, false), p + "/sources", "source");
    const json* ph = c.Field(o, "phases", p, true);
    if (ph && c.List(*ph, p + "/phases", 1)) {
      for (size_t k = 0; k < ph->size(); ++k) {
        const std::string pp = p + "/phases/" + std::to_string(k);
        const json& po = (*ph)[k];
        if (!c.Object(po, pp, {"id", "name", "days", "text", "risks", "sources"})) continue;
        Phase phase;
        phase.id = c.Id(c.Field(po, "id", pp, true), pp + "/id");
        phase_ids.Add(v.id + "/" + phase.id, pp);
        phase.name = c.Text(c.Field(po, "name", pp, true), pp + "/name", true);
        phase.days = c.Days(c.Field(po, "days", pp, true), pp + "/days");
        phase.text = c.Text(c.Field(po, "text", pp, true), pp + "/text", true);
        phase.risks = c.RefList(c.Field(po, "risks", pp, false), pp + "/risks", "risk");
        phase.sources = c.RefList(c.Field(po, "sources", pp, false), pp + "/sources", "source", 1);
        v.phases.push_back(std::move(phase));
      }
    }
    if (const json* ms = c.Field(o, "milestones", p, false)) {
      if (c.List(*ms, p + "/milestones")) {
        for (size_t k = 0; k < ms->size(); ++k) {
          const std::string mp = p + "/milestones/" + std::to_string(k);
          const json& mo = (*ms)[k];
          if (!c.Object(mo, mp, {"id", "name", "days", "text", "sources"})) continue;
          Milestone m;
          m.id = c.Id(c.Field(mo, "id", mp, true), mp + "/id");
          phase_ids.Add(v.id + "/" + m.id, mp);
          m.name = c.Text(c.Field(mo, "name", mp, true), mp + "/name", true);
          m.days = c.Days(c.Field(mo, "days", mp, true), mp + "/days");
          m.text = c.Text(c.Field(mo, "text", mp, false), mp + "/text");
          m.sources = c.RefList(c.Field(mo, "sources", mp, false), mp + "/sources", "source", 1);
          v.milestones.push_back(std::move(m));
        }
      }
    }
    d->variants.push_back(std::move(v));
  }
}

void ReadRisks(Checker& c, const json& j, const std::string& path, Document* d, IdSet& ids) {
  if (!c.List(j, path)) return;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string p = path + "/" + std::to_string(i);
    const json& o = j[i];
    if (!c.Object(o, p, {"id", "name", "short", "what", "why", "when", "managed", "window", "levels", "sources"})) continue;
    Risk r;
    r.id = c.Id(c.Field(o, "id", p, true), p + "/id");
    ids.Add(r.id, p);
    r.name = c.Text(c.Field(o, "name", p, true), p + "/name", true);
    r.short_text = c.Text(c.Field(o, "short", p, true), p + "/short", true);
    r.what = c.Text(c.Field(o, "what", p, false), p + "/what");
    r.why = c.Text(c.Field(o, "why", p, false), p + "/why");
    r.when = c.Text(c.Field(o, "when", p, false), p + "/when");
    r.managed = c.Text(c.Field(o, "managed", p, false), p + "/managed");
    r.sources = c.RefList(c.Field(o, "sources", p, true), p + "/sources", "source", 1);
    if (const json* w = c.Field(o, "window", p, false)) {
      if (c.List(*w, p + "/window")) {
        for (size_t k = 0; k < w->size(); ++k) {
          const std::string wp = p + "/window/" + std::to_string(k);
          if (!c.Object((*w)[k], wp, {"variant", "days"})) continue;
          RiskWindow rw;
          rw.variant = c.Id(c.Field((*w)[k], "variant", wp, true), wp + "/variant");
          c.RefOne("variant", rw.variant, wp + "/variant");
          rw.days = c.Days(c.Field((*w)[k], "days", wp, true), wp + "/days");
          r.windows.push_back(rw);
        }
      }
    }
    const json* lv = c.Field(o, "levels", p, true);
    if (lv && c.List(*lv, p + "/levels")) {
      std::set<std::string> therapies_seen;
      for (size_t k = 0; k < lv->size(); ++k) {
        const std::string lp = p + "/levels/" + std::to_string(k);
        const json& lo = (*lv)[k];
        if (!c.Object(lo, lp, {"therapy", "level", "note", "figures", "sources"})) continue;
        RiskLevel l;
        l.therapy = c.Id(c.Field(lo, "therapy", lp, true), lp + "/therapy");
        c.RefOne("therapy", l.therapy, lp + "/therapy");
        if (!l.therapy.empty() && !therapies_seen.insert(l.therapy).second)
          c.Error(lp + "/therapy", "therapy \"" + l.therapy + "\" already has a level for this risk");
        l.level = ToLevel(c.Enum(c.Field(lo, "level", lp, true), lp + "/level", kLevels, "unknown"));
        l.note = c.Text(c.Field(lo, "note", lp, false), lp + "/note");
        l.sources = c.RefList(c.Field(lo, "sources", lp, false), lp + "/sources", "source");
        if (const json* fs = c.Field(lo, "figures", lp, false)) {
          if (c.List(*fs, lp + "/figures")) {
            for (size_t f = 0; f < fs->size(); ++f) {
              Figure fig;
              ReadFigure(c, (*fs)[f], lp + "/figures/" + std::to_string(f), &fig);
              l.figures.push_back(std::move(fig));
            }
          }
        }
        // A level other than "unknown" says something about a therapy: it should cite where that comes from,
        // through its own sources or a figure (a figure's source is required, so a figure cites one).
        if (l.level != Level::Unknown && l.sources.empty() && l.figures.empty() && c.Field(lo, "level", lp, false))
          c.Warn(lp, "this level has no source: add \"sources\" (or a figure with its source), or use \"unknown\" if there is no data");
        r.levels.push_back(std::move(l));
      }
    }
    d->risks.push_back(std::move(r));
  }
}

bool IsDigits(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

// "10.<registrant>/<suffix>": a DOI as printed, without the https://doi.org/ prefix.
bool IsDoi(const std::string& s) {
  if (s.size() < 6 || s.size() > 300 || s.compare(0, 3, "10.") != 0) return false;
  const size_t slash = s.find('/');
  if (slash == std::string::npos || slash < 4 || slash + 1 >= s.size()) return false;
  for (size_t i = 3; i < slash; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  for (unsigned char ch : s)
    if (ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '\\') return false;
  return true;
}

void ReadSources(Checker& c, const json& j, const std::string& path, Document* d, IdSet& ids) {
  if (!c.List(j, path)) return;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string p = path + "/" + std::to_string(i);
    const json& o = j[i];
    if (!c.Object(o, p, {"id", "authors", "publisher", "year", "title", "journal", "volume", "pages", "note", "pmid", "doi",
                         "url", "citation"}))
      continue;
    Source s;
    s.id = c.Id(c.Field(o, "id", p, true), p + "/id");
    ids.Add(s.id, p);
    auto str = [&](const char* key) {
      const std::string v = c.PlainString(c.Field(o, key, p, false), p + "/" + key);
      if (v.empty() && o.contains(key) && o[key].is_string()) c.Error(p + "/" + key, "must not be empty; leave the key out instead");
      return v;
    };
    s.authors = str("authors");
    s.publisher = str("publisher");
    s.title = str("title");
    s.journal = str("journal");
    s.volume = str("volume");
    s.pages = str("pages");
    s.note = str("note");
    s.pmid = str("pmid");
    s.doi = str("doi");
    const std::string legacy = str("citation");
    if (const json* y = c.Field(o, "year", p, false)) {
      if (!y->is_number_integer() || y->get<long long>() < 1800 || y->get<long long>() > 2100)
        c.Error(p + "/year", "expected a year like 2019, got " + Describe(*y));
      else
        s.year = y->get<int>();
    }
    if (!s.pmid.empty() && !IsDigits(s.pmid)) c.Error(p + "/pmid", "expected a PubMed id of digits only, like \"33808928\", got \"" + s.pmid.substr(0, 40) + "\"");
    if (!s.doi.empty() && !IsDoi(s.doi))
      c.Error(p + "/doi", "expected a DOI like \"10.1186/ar2486\" (without https://doi.org/), got \"" + s.doi.substr(0, 40) + "\"");
    s.given_url = c.Url(c.Field(o, "url", p, false), p + "/url");

    // What a reader needs to find the source again. A document that still has only the old free-text
    // "citation" loads, with a warning; without it the structured fields are required.
    std::vector<std::string> missing;
    if (s.title.empty() && !o.contains("title")) missing.push_back("\"title\"");
    if (s.authors.empty() && s.publisher.empty() && !o.contains("authors") && !o.contains("publisher"))
      missing.push_back("\"authors\" (or \"publisher\" for an organisation's page)");
    if (!s.authors.empty() && !o.contains("year")) missing.push_back("\"year\"");
    if (!o.contains("pmid") && !o.contains("doi") && !o.contains("url")) missing.push_back("one of \"pmid\", \"doi\" or \"url\"");
    std::string list;
    for (size_t k = 0; k < missing.size(); ++k) list += (k == 0 ? "" : k + 1 == missing.size() ? " and " : ", ") + missing[k];
    if (!missing.empty() && !legacy.empty())
      c.Warn(p, "a source should have structured fields; add " + list + " (the old \"citation\" text is shown meanwhile)");
    else if (!missing.empty())
      c.Error(p, "a source needs " + list + " so that readers can find it");

    s.citation = s.title.empty() ? legacy : FormatCitation(s);
    s.url = !s.given_url.empty() ? s.given_url
            : !s.doi.empty() && IsDoi(s.doi) ? "https://doi.org/" + s.doi
            : !s.pmid.empty() && IsDigits(s.pmid) ? "https://pubmed.ncbi.nlm.nih.gov/" + s.pmid + "/"
            : "";
    d->sources.push_back(std::move(s));
  }
}

// "becomes" must be a DAG: report one cycle, as a readable chain of ids.
void CheckLineage(Checker& c, const Document& d) {
  std::map<std::string, const CellType*> by_id;
  for (const auto& ct : d.cell_types) by_id[ct.id] = &ct;
  std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
  std::vector<std::string> stack;
  bool reported = false;
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    if (reported) return;
    state[id] = 1;
    stack.push_back(id);
    auto it = by_id.find(id);
    if (it != by_id.end()) {
      for (size_t k = 0; k < it->second->becomes.size() && !reported; ++k) {
        const std::string& next = it->second->becomes[k];
        if (!by_id.count(next)) continue;
        if (state[next] == 1) {
          std::string chain;
          auto from = std::find(stack.begin(), stack.end(), next);
          for (auto s = from; s != stack.end(); ++s) chain += *s + " → ";
          chain += next;
          size_t idx = 0;
          for (size_t i = 0; i < d.cell_types.size(); ++i)
            if (d.cell_types[i].id == id) idx = i;
          c.Error("/cellTypes/" + std::to_string(idx) + "/becomes/" + std::to_string(k),
                  "the \"becomes\" arrows go round in a circle: " + chain + ". A cell cannot become its own ancestor; remove one arrow.");
          reported = true;
          return;
        }
        if (state[next] == 0) visit(next);
      }
    }
    stack.pop_back();
    state[id] = 2;
  };
  for (const auto& ct : d.cell_types)
    if (state[ct.id] == 0) visit(ct.id);
}

}  // namespace

std::string PointerKey(const std::string& key) {
  std::string out;
  for (char ch : key) {
    if (ch == '~') out += "~0";
    else if (ch == '/') out += "~1";
    else out += ch;
  }
  return out;
}

std::string Nearest(const std::string& word, Names candidates) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return (char)std::tolower(ch); });
    return s;
  };
  const std::string w = lower(word);
  std::string best;
  size_t best_d = std::string::npos;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const char* cand = candidates[k];
    const std::string c = lower(cand);
    // Optimal string alignment distance: like Levenshtein, and a swap of two neighbours ("nmae") is one edit.
    std::vector<size_t> prev2(c.size() + 1), prev(c.size() + 1), cur(c.size() + 1);
    for (size_t j = 0; j <= c.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= w.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= c.size(); ++j) {
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (w[i - 1] == c[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && w[i - 1] == c[j - 2] && w[i - 2] == c[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      prev2 = prev;
      std::swap(prev, cur);
    }
    if (prev[c.size()] < best_d) { best_d = prev[c.size()]; best = cand; }
  }
  // Close enough to be a typo: at most a third of the word, and at most 3 edits.
  if (best_d == std::string::npos || best_d > 3 || best_d * 3 > std::max<size_t>(word.size(), 3)) return "";
  return best;
}

const std::vector<std::string>& KnownStringKeys() {
  static const char* const names[] = {
      "disclaimer", "sourcesHeading", "legendHeading", "close", "selectHint", "riskSelectHint", "canBecome", "madeFrom",
      "reprogrammedFrom", "engineeredFrom", "foundIn", "usedIn", "therapyFilter", "allTherapies", "dayLabel", "dayRangeLabel",
      "youAreHere", "play", "pause", "stepBack", "stepForward", "activeRisks", "noActiveRisks", "byRisk",
      "byTherapy", "levelNone", "levelLow", "levelModerate", "levelHigh", "levelUnknown", "population", "source",
      "whatItIs", "whyItHappens", "whenItPeaks", "howManaged", "category_pluripotent", "category_adult",
      "category_induced", "category_stromal", "category_derived", "category_mature", "errorTitle", "loading",
      "noWebgl", "beforeTransplant", "afterTransplant", "months", "ci95Label", "rangeLabel", "iqrLabel",
      "figuresHint", "figureOne", "figureMany", "phaseHeading", "daysHeading", "whatHappens", "milestonesHeading",
      "statusLabel", "status_approved", "status_standard-care", "status_in-trials", "status_experimental",
      "betweenPhases",
      // issue 13: spoken positions and states, the page chrome, keyboard help
      "positionOf", "selectedState", "notUsedIn", "fullScreen", "exitFullScreen", "keyboardButton", "keyboardTitle", "saveImage", "previousStep", "nextStep", "kind_cell-diagram", "kind_hsct-timeline", "kind_risk-chart", "kind_explainer", "canvasLabel", "roleDescription", "contentError", "errorHowToFix", "errorMore", "imageSource", "help_arrows", "help_cells", "help_timeline", "help_homeEnd", "help_enter", "help_escape", "help_pages", "help_help", "help_tab",
      // the explainer
      "tabCells", "tabTimeline", "tabRisks", "notOnTimeline"};
  static const std::vector<std::string> keys(std::begin(names), std::end(names));  // built in a loop: less code
  return keys;
}

LoadResult Load(const json& doc, const std::string& requested_lang, Document* out) {
  LoadResult result;
  *out = Document();
  std::string lang = requested_lang;
  if (lang.empty() && doc.is_object() && doc.contains("lang") && doc["lang"].is_string()) lang = doc["lang"].get<std::string>();
  if (lang.empty()) lang = "en";
  Checker c(lang, &result.problems);
  out->lang = lang;

  if (!c.Object(doc, "", kTopKeys)) {
    result.ok = false;
    return result;
  }
  const json* version = c.Field(doc, "version", "", true);
  // 1 and 1.0 are the same number in JSON (and to the schema's "integer").
  if (version && !(version->is_number() && version->get<double>() == kFormatVersion))
    c.Error("/version", "this widget reads format version " + std::to_string(kFormatVersion) + ", got " + Describe(*version));
  if (const json* l = c.Field(doc, "lang", "", false)) {
    if (!l->is_string() || !IsLangKey(l->get<std::string>())) c.Error("/lang", "expected a language code like \"en\" or \"es\", got " + Describe(*l));
  }
  out->title = c.Text(c.Field(doc, "title", "", false), "/title");
  if (const json* s = c.Field(doc, "strings", "", false)) ReadStrings(c, *s, "/strings", &out->strings);
  if (const json* t = c.Field(doc, "theme", "", false)) ReadTheme(c, *t, "/theme", &out->theme);

  IdSet cells(c, "cell type"), therapies(c, "therapy"), variants(c, "timeline variant"), risks(c, "risk"), sources(c, "source");
  if (const json* j = c.Field(doc, "cellTypes", "", false)) { out->has_cell_types = true; ReadCells(c, *j, "/cellTypes", out, cells); }
  if (const json* j = c.Field(doc, "therapies", "", false)) { out->has_therapies = true; ReadTherapies(c, *j, "/therapies", out, therapies); }
  if (const json* j = c.Field(doc, "timeline", "", false)) { out->has_timeline = true; ReadTimeline(c, *j, "/timeline", out, variants); }
  if (const json* j = c.Field(doc, "risks", "", false)) { out->has_risks = true; ReadRisks(c, *j, "/risks", out, risks); }
  if (const json* j = c.Field(doc, "sources", "", false)) ReadSources(c, *j, "/sources", out, sources);

  // Cross-references: every id used must be defined.
  const std::map<std::string, std::pair<const IdSet*, std::string>> kinds = {
      {"cell", {&cells, "/cellTypes"}}, {"therapy", {&therapies, "/therapies"}}, {"variant", {&variants, "/timeline/variants"}},
      {"risk", {&risks, "/risks"}}, {"source", {&sources, "/sources"}}};
  // Each kind's ids are indexed once (IdSet); a lookup is log n, and the nearest-name search runs only for the
  // first few unknown ids (Checker::MayHint), against a list built once per kind.
  std::map<std::string, std::vector<std::string>> all_ids;
  for (const Ref& r : c.refs()) {
    const auto& k = kinds.at(r.kind);
    if (k.first->Has(r.id)) continue;
    std::string near;
    if (c.MayHint(r.id)) {
      auto it = all_ids.find(r.kind);
      if (it == all_ids.end()) it = all_ids.emplace(r.kind, k.first->All()).first;
      near = Nearest(r.id, it->second);
    }
    c.Error(r.path, "there is no " + r.kind + " with the id \"" + r.id + "\"" +
                        (near.empty() ? "; add it to " + k.second + " or fix the id" : "; did you mean \"" + near + "\"?"));
  }
  // Risk -> timeline lane: the timeline draws a risk's peak window in the risk's lane, and a risk has a lane only
  // where some phase lists it in "risks" (the explainer's "choosing a risk shows when it peaks" needs that lane).
  if (out->has_timeline && doc.is_object() && doc.contains("risks") && doc["risks"].is_array()) {
    std::set<std::string> listed;
    for (const auto& v : out->variants)
      for (const auto& p : v.phases) listed.insert(p.risks.begin(), p.risks.end());
    const json& rs = doc["risks"];
    for (size_t i = 0; i < rs.size() && i < kMaxList; ++i) {
      const json& r = rs[i];
      if (!r.is_object() || !r.contains("id") || !r["id"].is_string() || !r.contains("window") ||
          !r["window"].is_array() || r["window"].empty())
        continue;
      const std::string id = r["id"].get<std::string>();
      if (!listed.count(id))
        c.Warn("/risks/" + std::to_string(i) + "/window",
               "no phase of the timeline lists the risk \"" + Clip(id) + "\" in its \"risks\", so the timeline has no "
               "lane to show this window in; add the risk to the phases it belongs to");
    }
  }
  CheckLineage(c, *out);
  c.Finish();

  // Errors first, then warnings, each group in document order (a stable partition, done by hand: lists of
  // problems can be long, and std::stable_sort's instantiation is ~3.5 KB of wasm).
  {
    std::vector<Problem> sorted;
    sorted.reserve(result.problems.size());
    for (auto& p : result.problems)
      if (!p.warning) sorted.push_back(std::move(p));
    for (auto& p : result.problems)
      if (p.warning) sorted.push_back(std::move(p));
    result.problems = std::move(sorted);
  }
  for (const auto& p : result.problems)
    if (!p.warning) result.ok = false;
  return result;
}

// ---- Document lookups ----------------------------------------------------------------------------------

namespace {
template <typename T>
const T* FindById(const std::vector<T>& v, const std::string& id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

// The built-in English UI strings: the embedded default document's.
const std::map<std::string, std::string>& BuiltinStrings() {
  static const std::map<std::string, std::string> strings = [] {
    std::map<std::string, std::string> m;
    json doc;
    std::vector<Problem> ignored;
    if (ParseJsonText(DefaultContentText(), &doc, &ignored) && doc.is_object() && doc.contains("strings") && doc["strings"].is_object())
      for (auto it = doc["strings"].begin(); it != doc["strings"].end(); ++it)
        if (it->is_string()) m[it.key()] = it->get<std::string>();
    return m;
  }();
  return strings;
}
}  // namespace

std::string Document::String(const std::string& key, const std::map<std::string, std::string>& vars) const {
  std::string s;
  auto it = strings.find(key);
  if (it != strings.end() && !it->second.empty()) s = it->second;
  else {
    auto b = BuiltinStrings().find(key);
    s = b != BuiltinStrings().end() ? b->second : key;
  }
  for (const auto& kv : vars) {
    const std::string ph = "{" + kv.first + "}";
    for (size_t pos = s.find(ph); pos != std::string::npos; pos = s.find(ph, pos + kv.second.size()))
      s.replace(pos, ph.size(), kv.second);
  }
  return s;
}

std::string FormatCitation(const Source& s) {
  auto end = [](std::string& out) {
    if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  };
  std::string out = !s.authors.empty() ? s.authors : s.publisher;
  if (s.year) out += (out.empty() ? "(" : " (") + std::to_string(s.year) + ")";
  end(out);
  if (!s.title.empty()) {
    out += (out.empty() ? "" : " ") + s.title;
    end(out);
  }
  if (!s.journal.empty()) {
    out += " " + s.journal;
    if (!s.volume.empty()) out += " " + s.volume;
    if (!s.pages.empty()) out += (s.volume.empty() ? ", " : ":") + s.pages;
    end(out);
  } else if (!s.authors.empty() && !s.publisher.empty()) {
    out += " " + s.publisher;
    end(out);
  }
  if (!s.note.empty()) {
    out += " " + s.note;
    end(out);
  }
  if (!s.pmid.empty()) out += " PMID " + s.pmid + ".";
  if (!s.doi.empty()) out += " doi:" + s.doi + ".";
  return out;
}

const Source* Document::FindSource(const std::string& id) const { return FindById(sources, id); }
const CellType* Document::FindCell(const std::string& id) const { return FindById(cell_types, id); }
const Therapy* Document::FindTherapy(const std::string& id) const { return FindById(therapies, id); }
const Risk* Document::FindRisk(const std::string& id) const { return FindById(risks, id); }
const Variant* Document::FindVariant(const std::string& id) const { return FindById(variants, id); }

}  // namespace scw::content
