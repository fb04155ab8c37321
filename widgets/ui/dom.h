// dom.h — the parallel DOM: the widget's content as a small tree of HTML elements (headings, lists, tables),
// which the page loader builds with createElement/textContent for screen readers and for the no-WebGL fallback.
// Format: {"tag": "h3", "text": "…", "attrs": {"scope": "col"}, "children": [ … ]}. The loader accepts only
// a fixed set of tags and attributes; text is always text.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace scw::dom {

using Node = nlohmann::json;

inline Node El(const char* tag, const std::string& text = std::string()) {
  Node n = {{"tag", tag}};
  if (!text.empty()) n["text"] = text;
  return n;
}
inline Node& Attr(Node& n, const char* key, const std::string& value) {
  n["attrs"][key] = value;
  return n;
}
inline Node& Add(Node& parent, Node child) {
  parent["children"].push_back(std::move(child));
  return parent["children"].back();
}

}  // namespace scw::dom
