// json_writer.cpp — see json_writer.h.
#include "ui/json_writer.h"

#include <cmath>

namespace scw {

void AppendDecimal(std::string& out, double v, int max_decimals) {
  if (!std::isfinite(v)) { out += v != v ? "NaN" : v < 0 ? "-Infinity" : "Infinity"; return; }
  if (std::fabs(v) >= 1e14) {  // no value shown or sent is this large; keep it valid JSON (7 significant digits)
    int e = 0;
    double m = v;
    while (std::fabs(m) >= 10) { m /= 10; ++e; }
    AppendDecimal(out, m, 6);
    out += 'e';
    out += std::to_string(e);
    return;
  }
  // Fewer decimals for large values, so v × 10^decimals fits in a 64-bit integer (1e13 printed 1e13, not garbage).
  while (max_decimals > 0 && std::fabs(v) * std::pow(10.0, max_decimals) >= 9e18) --max_decimals;
  unsigned long long pow10 = 1;
  for (int i = 0; i < max_decimals; ++i) pow10 *= 10;
  const long long scaled = std::llround(v * static_cast<double>(pow10));
  if (scaled == 0) { out += '0'; return; }
  if (scaled < 0) out += '-';
  const unsigned long long a = scaled < 0 ? 0ull - static_cast<unsigned long long>(scaled) : scaled;
  char buf[24];
  int n = 0;
  unsigned long long frac = a % pow10;
  int digits = max_decimals;
  while (digits > 0 && frac % 10 == 0 && frac) { frac /= 10; --digits; }  // drop trailing zeros
  if (frac) {
    for (int i = 0; i < digits; ++i) { buf[n++] = static_cast<char>('0' + frac % 10); frac /= 10; }
    buf[n++] = '.';
  }
  unsigned long long whole = a / pow10;
  do { buf[n++] = static_cast<char>('0' + whole % 10); whole /= 10; } while (whole);
  while (n) out += buf[--n];
}

std::string DecimalText(double v, int max_decimals) {
  std::string s;
  AppendDecimal(s, v, max_decimals);
  return s;
}

JsonWriter& JsonWriter::Number(double v) {
  if (!std::isfinite(v)) return Null();
  Sep();
  AppendDecimal(out_, v, 4);
  return *this;
}

void JsonWriter::AppendString(const char* s, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  out_ += '"';
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') { out_ += '\\'; out_ += static_cast<char>(c); }
    else if (c == '\n') out_ += "\\n";
    else if (c == '\t') out_ += "\\t";
    else if (c == '\r') out_ += "\\r";
    else if (c < 0x20) { out_ += "\\u00"; out_ += kHex[c >> 4]; out_ += kHex[c & 15]; }
    else if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
             (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out_ += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";   // JS line terminators
      i += 2;
    } else out_ += static_cast<char>(c);
  }
  out_ += '"';
}

}  // namespace scw

// ---- the parallel DOM (ui/dom.h) ----
#include "ui/dom.h"

namespace scw::dom {

// Attributes are kept sorted by name, so the text is the same as when nodes were nlohmann::json objects.
Node& Attr(Node& n, const char* key, const std::string& value) {
  auto it = n.attrs.begin();
  while (it != n.attrs.end() && it->first < key) ++it;
  if (it != n.attrs.end() && it->first == key) it->second = value;
  else n.attrs.emplace(it, key, value);
  return n;
}

// Keys in sorted order too: attrs, children, tag, text.
void Write(const Node& n, JsonWriter& out) {
  if (n.tag.empty()) { out.Null(); return; }
  out.BeginObject();
  if (!n.attrs.empty()) {
    out.Key("attrs").BeginObject();
    for (const auto& kv : n.attrs) out.Field(kv.first.c_str(), kv.second);
    out.EndObject();
  }
  if (!n.children.empty()) {
    out.Key("children").BeginArray();
    for (const Node& c : n.children) Write(c, out);
    out.EndArray();
  }
  out.Field("tag", n.tag);
  if (!n.text.empty()) out.Field("text", n.text);
  out.EndObject();
}

std::string ToJson(const Node& n) {
  JsonWriter w;
  Write(n, w);
  return w.Take();
}

}  // namespace scw::dom
