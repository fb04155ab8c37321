// json_text.cpp — see json_text.h. ReadJson (json_reader.h) builds the document and stops at the first syntax
// error or at too deep a nesting, so nothing recurses without bound and nothing throws.
#include "content/json_text.h"

#include "content/json_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace scw {
namespace {

using json = nlohmann::json;

// Line and column (1-based, columns in characters) of a byte offset.
void LineColumn(const std::string& text, size_t pos, size_t* line, size_t* col) {
  *line = 1;
  *col = 1;
  pos = std::min(pos, text.size());
  for (size_t i = 0; i < pos; ++i) {
    const unsigned char c = (unsigned char)text[i];
    if (c == '\n') { ++*line; *col = 1; }
    else if ((c & 0xC0) != 0x80) ++*col;  // count UTF-8 lead bytes only
  }
}

std::string Printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20) { out += ' '; continue; }
    out += (char)c;
    if (out.size() > 24) { out += "…"; break; }
  }
  return out;
}

// `at` is the index of the offending character; `tok` what the parser read there.
std::string Hint(const std::string& text, size_t at, const std::string& tok) {
  if (tok == "<end of input>") return " The document ends too early: check that every { and [ is closed.";
  if (tok[0] == '}' || tok[0] == ']') {
    size_t j = at;
    while (j > 0 && std::isspace((unsigned char)text[j - 1])) --j;
    if (j > 0 && text[j - 1] == ',') return " Remove the comma before it: JSON allows no trailing comma.";
  }
  if (tok[0] == '\'') return " Use double quotes (\") around text and names, not single quotes.";
  if (std::isalpha((unsigned char)tok[0]) || tok[0] == '_')
    return " Put names and text in double quotes, e.g. \"name\": \"Red cell\".";
  if (tok[0] == '"') return " A comma or a colon may be missing before it.";
  return "";
}

}  // namespace

bool ParseJsonText(const std::string& text, json* out, std::vector<Problem>* problems) {
  *out = json();
  if (text.size() > kMaxDocumentBytes) {
    problems->push_back({"", "The document is " + std::to_string(text.size() / 1024) +
                                 " KB; the limit is 1024 KB (1 MB). Split it or remove unused parts."});
    return false;
  }
  const JsonReadResult b = ReadJson(text, kMaxNesting, out);
  if (b.error == JsonReadError::kNone) return true;
  *out = json();
  // Where the parser stopped: just after the token that broke the document (one past the end at end of input),
  // or just after the first { or [ too many. Find that token in the text: a quoted string, a bare word or number,
  // or one punctuation character.
  std::string tok;
  size_t at = 0;
  if (b.error == JsonReadError::kTooDeep) {
    at = b.position > 0 ? b.position - 1 : 0;
  } else if (b.position > text.size() || text.empty()) {
    tok = "<end of input>";
  } else {
    size_t end_ = b.position > 0 ? b.position - 1 : 0;
    auto word = [](char ch) { return std::isalnum((unsigned char)ch) || ch == '.' || ch == '-' || ch == '+' || ch == '_'; };
    at = end_;
    if (text[end_] == '"' && end_ > 0) {  // a whole string token: back to its opening quote
      size_t k = end_;
      while (k > 0 && !(text[k - 1] == '"' && (k < 2 || text[k - 2] != '\\'))) --k;
      at = k > 0 ? k - 1 : 0;
    } else if (word(text[end_])) {
      while (at > 0 && word(text[at - 1])) --at;
      while (end_ + 1 < text.size() && word(text[end_ + 1])) ++end_;
    }
    tok = text.substr(at, end_ - at + 1);
  }
  size_t line, col;
  LineColumn(text, tok == "<end of input>" ? text.size() : at, &line, &col);
  const std::string where = "at line " + std::to_string(line) + ", column " + std::to_string(col);
  if (b.error == JsonReadError::kTooDeep) {
    problems->push_back({"", "The document nests more than " + std::to_string(kMaxNesting) + " levels of { } and [ ] (" +
                                 where + "); the content format needs far fewer. Flatten it."});
    return false;
  }
  if (b.error != JsonReadError::kSyntax) {  // an encoding problem, not a syntax one: say so (the token advice would mislead)
    problems->push_back({"", "This text cannot be read: " + where +
                                 (b.error == JsonReadError::kSurrogate
                                      ? ", a \\u escape names half of a character (a lone surrogate \\uD800–\\uDFFF without its pair). "
                                        "Write the character itself, or both halves of the pair."
                                      : ", there are bytes that are not UTF-8. Save the file as UTF-8.")});
    return false;
  }
  std::string msg = "This is not valid JSON: " + where +
                    ", unexpected " + (tok == "<end of input>" ? std::string("end of the document") : "'" + Printable(tok) + "'") +
                    "." + Hint(text, at, tok);
  problems->push_back({"", msg});
  return false;
}

}  // namespace scw
