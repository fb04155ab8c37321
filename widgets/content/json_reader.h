// json_reader.h — JSON text -> nlohmann::json without nlohmann's parser. Used by ParseJsonText (json_text.h).
// nlohmann's lexer and SAX parser cost the web bundle ~7 KB brotli (its parser templates, std::vector<bool>, the
// exception classes with libc++'s RTTI they pull in, printf for its messages); this reader is a few hundred
// bytes of its size. It reads exactly what nlohmann's strict parser reads and reports the same error position,
// so ParseJsonText's messages do not change (tests/unit/test_json_reader.cpp checks both against each other):
//   - RFC 8259 JSON, one value, whitespace around it; a UTF-8 byte order mark at the start is skipped;
//   - strings: UTF-8 checked byte by byte (RFC 3629), control characters refused, \u escapes with surrogate pairs;
//   - numbers: integers without '-' as number_unsigned, with '-' as number_integer, either as number_float when
//     out of range; a float out of range (1e999) is an error;
//   - objects: a repeated key keeps its last value;
//   - a NUL byte where a token would start ends the text (nlohmann reads C strings so): "{}\0junk" reads as "{}".
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace scw {

enum class JsonReadError { kNone, kSyntax, kSurrogate, kNotUtf8, kTooDeep };

struct JsonReadResult {
  JsonReadError error = JsonReadError::kNone;
  // For kSyntax, kSurrogate and kNotUtf8: bytes read when the reader stopped, counting the byte that broke the
  // text (past the end of the offending token; text.size() + 1 when the text ended too early). nlohmann's
  // parse_error position.
  size_t position = 0;
};

// Reads `text` into *out. Objects and arrays nest at most `max_depth` deep (kTooDeep beyond). On an error *out
// holds what was read so far.
JsonReadResult ReadJson(const std::string& text, int max_depth, nlohmann::json* out);

}  // namespace scw
