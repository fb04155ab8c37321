// dom.h — the parallel DOM: the widget's content as a small tree of HTML elements (headings, lists, tables),
// which the page loader builds with createElement/textContent for screen readers and for the no-WebGL fallback.
// Format: {"tag": "h3", "text": "…", "attrs": {"scope": "col"}, "children": [ … ]}. The loader accepts only
// a fixed set of tags and attributes; text is always text.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace scw {
class JsonWriter;
}

namespace scw::dom {

struct Node {
  std::string tag;  // empty: no tree (written as null)
  std::string text;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<Node> children;
};

inline Node El(const char* tag, const std::string& text = std::string()) {
  Node n;
  n.tag = tag;
  n.text = text;
  return n;
}
// Sets an attribute (again: replaces its value).
Node& Attr(Node& n, const char* key, const std::string& value);
inline Node& Add(Node& parent, Node child) {
  parent.children.push_back(std::move(child));
  return parent.children.back();
}

// The tree as JSON text in the format above (null for a Node without a tag).
void Write(const Node& n, JsonWriter& out);
std::string ToJson(const Node& n);

}  // namespace scw::dom
