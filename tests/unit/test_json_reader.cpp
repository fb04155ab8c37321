// The content reader (content/json_reader.h) against nlohmann's own strict parser, which it replaced in the wasm:
// for every text here both must agree on accepting it, on the values and their types, and on a refusal's kind
// (syntax, lone surrogate, not UTF-8, too deep) and position, which ParseJsonText turns into line and column.
// The texts: hand-picked edge cases, the shipped documents, and every one-byte edit of small documents.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "content/json_reader.h"

using nlohmann::json;
using scw::JsonReadError;

namespace {

// nlohmann's strict SAX parser into a DOM, stopping deeper than max_depth: what ParseJsonText used before.
class Reference {
 public:
  Reference(json* out, int max_depth) : dom_(*out, false), max_depth_(max_depth) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return dom_.number_float(v, s); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return Deeper() && dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() { --depth_; return dom_.end_object(); }
  bool start_array(std::size_t n) { return Deeper() && dom_.start_array(n); }
  bool end_array() { --depth_; return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    const std::string what = e.what();
    result.error = what.find("surrogate") != std::string::npos ? JsonReadError::kSurrogate
                   : what.find("UTF-8") != std::string::npos   ? JsonReadError::kNotUtf8
                                                               : JsonReadError::kSyntax;
    result.position = position;
    return false;
  }
  scw::JsonReadResult result;

 private:
  bool Deeper() {
    if (++depth_ > max_depth_) { result.error = JsonReadError::kTooDeep; return false; }
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int depth_ = 0;
  const int max_depth_;
};

// Same values with the same types (json's == takes 1, 1u and 1.0 as equal).
bool Same(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt)
      if (it.key() != jt.key() || !Same(*it, *jt)) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!Same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

const char* Kind(JsonReadError e) {
  switch (e) {
    case JsonReadError::kNone: return "none";
    case JsonReadError::kSyntax: return "syntax";
    case JsonReadError::kSurrogate: return "surrogate";
    case JsonReadError::kNotUtf8: return "not UTF-8";
    case JsonReadError::kTooDeep: return "too deep";
  }
  return "?";
}

// Checks one text; returns false (after a failed CHECK naming the text) if the two disagree.
bool Agree(const std::string& text, int max_depth = 32) {
  json ref_doc, doc;
  Reference ref(&ref_doc, max_depth);
  const bool ref_ok = json::sax_parse(text, &ref, json::input_format_t::json, /*strict=*/true) &&
                      ref.result.error == JsonReadError::kNone;
  const scw::JsonReadResult r = scw::ReadJson(text, max_depth, &doc);
  bool same = ref_ok == (r.error == JsonReadError::kNone);
  if (same && ref_ok) same = Same(ref_doc, doc);
  if (same && !ref_ok) {
    same = ref.result.error == r.error &&
           (r.error == JsonReadError::kTooDeep || ref.result.position == r.position);
  }
  if (!same) {
    CAPTURE(text);
    CAPTURE(max_depth);
    const std::string ref_kind = Kind(ref.result.error), kind = Kind(r.error);
    CAPTURE(ref_kind);
    CAPTURE(ref.result.position);
    CAPTURE(kind);
    CAPTURE(r.position);
    CHECK(same);
  }
  return same;
}

std::string Read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("json reader: edge cases read as nlohmann reads them") {
  const std::vector<std::string> texts = {
      "", " ", "{}", "[]", " {} ", "{} x", "{}}", "{} \"a\"", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\" 1}",
      "{\"a\":}", "{1:2}", "{'a':1}", "{\"a\": yes}", "[tru]", "[tru", "[true]", "[false,null]", "[nul,1]",
      "[truex]", "[1 2]", "[\"a\" \"b\"]", "{\"é\": \"ñ\" \"x\"}", "\"abc", "\"a\\", "\"a\\x\"", "\"\\/\\b\\f\\n\\r\\t\"",
      "\"tab\there\"", std::string("\"nul\0x\"", 7), std::string("[\0]", 3), "\"\x7f\"",
      // numbers
      "0", "-0", "01", "-", "-a", "1.", "1.x", ".5", "1e", "1e+", "1e+5", "1E-5", "-1.5e3", "2.5", "1.0", "1e999",
      "-1e999", "1e-999", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
      "-9223372036854775809", "9223372036854775808", "123456789012345678901234567890", "[0.1,0.2,1e308,4.9e-324]",
      "+1", "0x10", "1_000", "NaN", "Infinity", "[1,-]",
      // \u escapes and surrogates
      "\"\\u0041\\u00e9\\u20AC\\uFFFF\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\ud800x\"",
      "\"\\ud800\\\"", "\"\\ud800\\n\"", "\"\\ud800\\u0041\"", "\"\\ud800\\udc0\"", "\"\\ud800\\uzzzz\"", "\"\\udc00\"",
      "\"\\u12\"", "\"\\u12g4\"", "\"\\uDBFF\\uDFFF\"", "{\"a\": \"\\ud800\"}",
      // UTF-8
      "\"\xc3\xa9\"", "\"\xc3\"", "\"\xc3", "\"\xc0\x80\"", "\"\xc1\xbf\"", "\"\xe0\x9f\xbf\"", "\"\xe0\xa0\x80\"",
      "\"\xed\xa0\x80\"", "\"\xed\x9f\xbf\"", "\"\xef\xbf\xbf\"", "\"\xf0\x8f\xbf\xbf\"", "\"\xf0\x90\x80\x80\"",
      "\"\xf4\x8f\xbf\xbf\"", "\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\xff\xfe\"", "\"\x80\"",
      "{\"a\": \"\xff\xfe\"}", "\xff", "\xc3\xa9",
      // byte order marks
      "\xef\xbb\xbf{}", "\xef\xbb{}", "\xef{}", "\xef\xbb\xbf", " \xef\xbb\xbf{}", "\xef\xbb\xbf\xef\xbb\xbf{}",
      // repeated keys, nesting
      "{\"a\":1,\"a\":[2]}", "{\"a\":{\"b\":1},\"a\":2}", "[[[[]]]]", "{\"a\":{\"b\":{\"c\":{}}}}",
      "[{\"a\":[{}]}, {\"b\": [[1], {\"c\": null}]}]", "\n\r\t {\"x\":\n[1,\r2]}\t",
      "// comment\n{}", "/* c */ {}", "{} // c",
      // a NUL byte where a token starts ends the text for nlohmann
      std::string("{}\0junk", 7), std::string("[1,\0]", 6), std::string("\0", 1),
  };
  for (const auto& t : texts) Agree(t);
  for (const auto& t : texts) Agree(t, 2);  // the depth limit too
  std::string deep(40, '[');
  Agree(deep);
  Agree(std::string(32, '[') + std::string(32, ']'));
  Agree(std::string(33, '[') + std::string(33, ']'));
  Agree(std::string(32, '{'));
}

TEST_CASE("json reader: the shipped documents and the test documents read as nlohmann reads them") {
  namespace fs = std::filesystem;
  int n = 0;
  for (const char* dir : {"/data", "/tests/data", "/tests/data/invalid", "/tests/data/agree"}) {
    for (const auto& e : fs::directory_iterator(std::string(SCW_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".json") continue;
      Agree(Read(e.path().string()));
      ++n;
    }
  }
  CHECK(n > 20);
}

TEST_CASE("json reader: every one-byte edit of small documents reads as nlohmann reads it") {
  const std::vector<std::string> seeds = {
      "{\"id\": \"hsc\", \"n\": [1, -2.5e3, 0, true, false, null], \"s\": \"a\\\"\\u00e9\\ud83d\\ude00\xc3\xa9\"}",
      "[{\"a\":{}},[],\"\xe2\x82\xac\xf0\x9f\x98\x80\",18446744073709551615,-9223372036854775808,1.5E+2]",
  };
  const std::string bytes = std::string("{}[]:,\"\\/ \n\t0123456789-+.eEtfnuxabdrl'\x01\x7f\x80\xbf\xc3\xe0\xed\xef\xf0\xf4\xff") +
                            std::string(1, '\0');
  int disagreements = 0, total = 0;
  for (const auto& seed : seeds) {
    for (size_t i = 0; i <= seed.size(); ++i) {
      if (i < seed.size()) {
        disagreements += !Agree(seed.substr(0, i) + seed.substr(i + 1));  // delete
        ++total;
      }
      for (char b : bytes) {
        std::string t = seed;
        t.insert(t.begin() + i, b);  // insert
        disagreements += !Agree(t, 3);
        ++total;
        if (i < seed.size()) {
          t = seed;
          t[i] = b;  // replace
          disagreements += !Agree(t);
          ++total;
        }
        if (disagreements > 10) { FAIL("too many disagreements"); return; }
      }
    }
  }
  // Then 20,000 texts with two to four random edits each (a fixed seed: the same texts every run).
  uint32_t rng = 12345;
  auto next = [&](uint32_t n) { rng = rng * 1664525u + 1013904223u; return (rng >> 8) % n; };
  for (int k = 0; k < 20000 && disagreements <= 10; ++k) {
    std::string t = seeds[k % seeds.size()];
    for (int e = 2 + next(3); e > 0; --e) {
      const size_t i = next((uint32_t)t.size() + 1);
      const char b = bytes[next((uint32_t)bytes.size())];
      switch (next(3)) {
        case 0: if (i < t.size()) t.erase(i, 1); break;
        case 1: t.insert(t.begin() + i, b); break;
        default: if (i < t.size()) t[i] = b; break;
      }
    }
    disagreements += !Agree(t, 1 + next(4));
    ++total;
  }
  CHECK(total > 30000);
  CHECK(disagreements == 0);
}
