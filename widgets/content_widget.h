// content_widget.h — the base of the three content widgets: loads and checks the document (content/model.h),
// requires the widget's own section, exposes the document's theme, and formats sources for readers.
#pragma once
#include <string>
#include <vector>

#include "content/model.h"
#include "ui/dom.h"
#include "ui/interaction.h"
#include "widget.h"

namespace scw {

class ContentWidget : public Widget {
 public:
  LoadResult SetContent(const nlohmann::json& doc, const std::string& lang) final;
  const content::Document* LoadedDocument() const override { return loaded_ ? &doc_ : nullptr; }

 protected:
  // The JSON Pointer of the part this widget needs, e.g. "/cellTypes", and a sentence saying what goes there.
  virtual const char* SectionPath() const = 0;
  virtual const char* SectionHint() const = 0;
  virtual bool HasSection(const content::Document& d) const = 0;
  // Called after new content was accepted (doc_ is set). Reset view state that no longer applies.
  virtual void OnContent() = 0;

  // "Sources: Sormani et al. (2017) …; Nash et al. (2007) …" for the given ids, in document order of citation.
  std::string SourcesText(const std::vector<std::string>& ids) const;
  // A parallel-DOM list of the given sources, with links where the data has them.
  dom::Node SourcesList(const std::vector<std::string>& ids) const;

  // For SetState: checks that `partial` is an object whose keys are all in `keys` ("widget" may name this kind)
  // and that content is loaded; otherwise false with a sentence naming the key.
  bool CheckStateKeys(const nlohmann::json& partial, const std::vector<const char*>& keys, std::string* error) const;
  // For SetState: `v` is a string id or null; false with an error naming `key` otherwise.
  static bool StateIdOrNull(const nlohmann::json& v, const char* key, std::string* out, std::string* error);

  content::Document doc_;
  bool loaded_ = false;
};

// A JSON value shortened for an error message: "abc", 12, true, an object.
std::string ShownValue(const nlohmann::json& v);

// A therapy's status for readers, e.g. "Status: In clinical trials", or "" when the document gives none.
std::string TherapyStatusText(const content::Document& d, const content::Therapy& t);
// The therapy whose timelineVariant is this variant, or null.
const content::Therapy* TherapyForVariant(const content::Document& d, const std::string& variant_id);
// A timeline variant's intro: its therapy's status, then its short text.
std::string VariantIntroText(const content::Document& d, const content::Variant& v);

}  // namespace scw
