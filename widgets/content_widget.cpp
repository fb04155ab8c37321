// content_widget.cpp — see content_widget.h.
#include "content_widget.h"

namespace scw {

LoadResult ContentWidget::SetContent(const nlohmann::json& json, const std::string& lang) {
  content::Document d;
  LoadResult r = content::Load(json, lang, &d);
  if (r.ok && !HasSection(d)) {
    r.ok = false;
    r.problems.insert(r.problems.begin(), Problem{SectionPath(), std::string("this widget needs ") + SectionHint() +
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
