// libFuzzer target: arbitrary bytes through the JSON text parser and the content model, in two languages.
// Nothing may crash, hang, leak or trip ASan/UBSan; every failure must come back as problems.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/json_text.h"
#include "content/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::json doc;
  std::vector<scw::Problem> problems;
  if (!scw::ParseJsonText(text, &doc, &problems)) {
    if (problems.empty()) __builtin_trap();  // a refusal must always say why
    return 0;
  }
  for (const char* lang : {"en", "es"}) {
    scw::content::Document d;
    scw::LoadResult r = scw::content::Load(doc, lang, &d);
    if (!r.ok && r.problems.empty()) __builtin_trap();
    for (const auto& p : r.problems)
      if (p.message.empty()) __builtin_trap();
  }
  return 0;
}
