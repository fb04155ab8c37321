// content_widget.cpp — see content_widget.h.
#include "content_widget.h"

#include <algorithm>

#include "ui/json_writer.h"

namespace scw {

namespace {
// The top-level sections of the document a widget reads (besides version, lang, title, strings and theme, which
// all read). A problem in a section the widget does not read cannot spoil what it shows: it is a warning there.
std::vector<std::string> SectionsRead(const std::string& own) {
  if (own == "/cellTypes") return {"/cellTypes", "/therapies", "/sources"};
  if (own == "/timeline") return {"/timeline", "/risks", "/sources"};
  if (own == "/risks") return {"/risks", "/therapies", "/sources", "/timeline"};
  return {};  // unknown: every section counts
}

std::string TopSection(const std::string& path) {
  const size_t second = path.find('/', 1);
  return path.empty() ? path : path.substr(0, second);
}

bool IsListSection(const std::string& top) {
  return top == "/cellTypes" || top == "/therapies" || top == "/timeline" || top == "/risks" || top == "/sources";
}
}  // namespace

LoadResult ContentWidget::SetContent(const nlohmann::json& json, const std::string& lang) {
  content::Document d;
  LoadResult r = content::Load(json, lang, &d);
  const std::vector<std::string> read = SectionsRead(SectionPath());
  if (!read.empty()) {
    std::vector<Problem> errors, warnings;
    for (auto& p : r.problems) {
      const std::string top = TopSection(p.path);
      if (!p.warning && IsListSection(top) && std::find(read.begin(), read.end(), top) == read.end()) {
        p.warning = true;
        p.message += " (this widget does not use " + top + ", so it still shows its content; widgets that use it will not)";
      }
      (p.warning ? warnings : errors).push_back(std::move(p));
    }
    r.ok = errors.empty();
    r.problems = std::move(errors);
    for (auto& p : warnings) r.problems.push_back(std::move(p));
  }
  if (r.ok && !HasSection(d)) {
    r.ok = false;
    PutFirst(r.problems, Problem{SectionPath(), std::string("this widget needs ") + SectionHint() +
                                                     " here; the document has none. See docs/DATA.md.", false});
  }
  if (!r.ok) return r;  // keep showing the previous content, if any
  doc_ = std::move(d);
  const bool replacing = loaded_;
  loaded_ = true;
  OnContent();
  // The first content is announced by stemcell:ready; only new content replacing old is a change.
  if (replacing) MarkChanged();
  return r;
}

std::string ContentWidget::SourcesText(const std::vector<std::string>& ids) const {
  std::string out;
  for (const auto& id : ids) {
    const content::Source* s = doc_.FindSource(id);
    if (!s) continue;
    if (!out.empty()) out += "\n";
    out += "• " + s->citation;
  }
  return out;
}

dom::Node ContentWidget::SourcesList(const std::vector<std::string>& ids) const {
  dom::Node ul = dom::El("ul");
  for (const auto& id : ids) {
    const content::Source* s = doc_.FindSource(id);
    if (!s) continue;
    dom::Node li = dom::El("li");
    if (!s->url.empty()) {
      dom::Node a = dom::El("a", s->citation);
      dom::Attr(a, "href", s->url);
      dom::Add(li, a);
    } else {
      li.text = s->citation;
    }
    dom::Add(ul, li);
  }
  return ul;
}

std::string ShownValue(const nlohmann::json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "a list";
  // Written with JsonWriter, not v.dump(): dump() alone links nlohmann's serializer and its float formatting
  // (~2 KB brotli). Text is quoted and escaped as JSON; numbers as the content checks show them (DecimalText).
  std::string t;
  if (v.is_string()) {
    JsonWriter w;
    w.String(v.get_ref<const std::string&>());
    t = w.Take();
  } else if (v.is_boolean()) {
    t = v.get<bool>() ? "true" : "false";
  } else if (v.is_number_unsigned()) {
    t = std::to_string(v.get<nlohmann::json::number_unsigned_t>());
  } else if (v.is_number_integer()) {
    t = std::to_string(v.get<nlohmann::json::number_integer_t>());
  } else if (v.is_number_float()) {
    t = DecimalText(v.get<double>(), 6);
  } else {
    t = "null";
  }
  if (t.size() > 60) t = t.substr(0, 60) + "…";
  return t;
}

bool ContentWidget::CheckStateKeys(const nlohmann::json& p, const std::vector<const char*>& keys,
                                   std::string* error) const {
  std::string allowed;
  for (const char* k : keys) allowed += std::string(allowed.empty() ? "" : ", ") + "\"" + k + "\"";
  if (!p.is_object()) {
    *error = "setState expects an object like {\"" + std::string(keys.empty() ? "selected" : keys[0]) +
             "\": …}, got " + ShownValue(p) + ".";
    return false;
  }
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (it.key() == "widget") {
      if (it.value().is_string() && it.value().get<std::string>() == Kind()) continue;
      *error = "setState: \"widget\" is " + ShownValue(it.value()) + " but this widget is \"" + Kind() + "\".";
      return false;
    }
    bool known = false;
    for (const char* k : keys) known |= it.key() == k;
    if (!known) {
      *error = "setState: unknown key \"" + it.key() + "\" for the " + Kind() + " widget; it accepts " + allowed + ".";
      return false;
    }
  }
  if (!loaded_) { *error = "setState: the widget has no content yet; wait for it to load."; return false; }
  return true;
}

bool ContentWidget::StateIdOrNull(const nlohmann::json& v, const char* key, std::string* out, std::string* error) {
  if (v.is_null()) { out->clear(); return true; }
  if (v.is_string() && !v.get<std::string>().empty()) { *out = v.get<std::string>(); return true; }
  *error = std::string("setState: \"") + key + "\" must be an id (text) or null, got " + ShownValue(v) + ".";
  return false;
}

std::string TherapyStatusText(const content::Document& d, const content::Therapy& t) {
  if (t.status.empty()) return "";
  return d.String("statusLabel") + ": " + d.String("status_" + t.status);
}

const content::Therapy* TherapyForVariant(const content::Document& d, const std::string& variant_id) {
  for (const auto& t : d.therapies)
    if (!variant_id.empty() && t.timeline_variant == variant_id) return &t;
  return nullptr;
}

std::string VariantIntroText(const content::Document& d, const content::Variant& v) {
  const content::Therapy* t = TherapyForVariant(d, v.id);
  const std::string status = t ? TherapyStatusText(d, *t) : "";
  if (status.empty()) return v.short_text;
  return v.short_text.empty() ? status + "." : status + ". " + v.short_text;
}

}  // namespace scw
