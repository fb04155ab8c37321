// json_text.h — JSON text -> document, without exceptions, with errors a non-programmer can act on
// (line and column, what was found, a likely fix) and the size and nesting limits of the content format.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "widget.h"

namespace scw {

constexpr size_t kMaxDocumentBytes = 1024 * 1024;  // 1 MB
constexpr int kMaxNesting = 32;

// Returns false (with one Problem at path "") when the text is not a JSON document within the limits.
bool ParseJsonText(const std::string& text, nlohmann::json* out, std::vector<Problem>* problems);

}  // namespace scw
