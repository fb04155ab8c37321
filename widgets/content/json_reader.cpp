// json_reader.cpp — see json_reader.h. A lexer that reads a byte at a time as nlohmann's does (so its error
// positions are the same) and a recursive parser, bounded by max_depth, that builds the values in place.
#include "content/json_reader.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace scw {
namespace {

using json = nlohmann::json;

enum Tok { kBeginObject, kEndObject, kBeginArray, kEndArray, kColon, kComma, kString, kUnsigned, kInteger, kFloat,
           kTrue, kFalse, kNull, kEnd, kError };

class Reader {
 public:
  Reader(const std::string& text, int max_depth) : s_(text), max_depth_(max_depth) {}

  JsonReadResult Run(json* out) {
    if (!s_.empty() && (unsigned char)s_[0] == 0xEF) {  // a byte order mark: EF BB BF, nothing else
      Get();
      if (Get() != 0xBB || Get() != 0xBF) Fail(JsonReadError::kSyntax);
    }
    if (result_.error == JsonReadError::kNone && Value(*out, Next(), 0)) {
      const Tok t = Next();  // only whitespace may follow the value
      if (t != kEnd) Unexpected(t);
    }
    return result_;
  }

 private:
  // The next byte, or -1 past the end. Counts every read, the end too (nlohmann's chars_read_total).
  int Get() {
    const int c = pos_ < s_.size() ? (unsigned char)s_[pos_] : -1;
    ++pos_;
    return c;
  }
  static bool Digit(int c) { return c >= '0' && c <= '9'; }

  Tok Fail(JsonReadError e) {
    result_.error = e;
    result_.position = pos_;
    return kError;
  }
  // One { or [ more than the limit: where it is (just past it), for the message's line and column.
  bool TooDeep() {
    result_.error = JsonReadError::kTooDeep;
    result_.position = pos_;
    return false;
  }
  // A token where another was needed: an error just past it (a lexer error is already recorded).
  bool Unexpected(Tok t) {
    if (t != kError) Fail(JsonReadError::kSyntax);
    return false;
  }

  Tok Next() {
    int c;
    do c = Get(); while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    switch (c) {
      case '{': return kBeginObject;
      case '}': return kEndObject;
      case '[': return kBeginArray;
      case ']': return kEndArray;
      case ':': return kColon;
      case ',': return kComma;
      case '"': return String();
      case 't': return Literal("rue", kTrue);
      case 'f': return Literal("alse", kFalse);
      case 'n': return Literal("ull", kNull);
      case 0:   // nlohmann ends the text at a NUL byte where a token starts: what follows is never read
      case -1: return kEnd;
      default: return c == '-' || Digit(c) ? Number(c) : Fail(JsonReadError::kSyntax);
    }
  }

  Tok Literal(const char* rest, Tok t) {
    for (; *rest; ++rest)
      if (Get() != *rest) return Fail(JsonReadError::kSyntax);
    return t;
  }

  // Four hex digits after \u, or -1 at the first byte that is not one.
  int Hex4() {
    int v = 0;
    for (int k = 0; k < 4; ++k) {
      const int c = Get();
      const int d = Digit(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  void AppendUtf8(int cp) {
    if (cp < 0x80) { str_ += (char)cp; return; }
    if (cp < 0x800) {
      str_ += (char)(0xC0 | (cp >> 6));
    } else {
      if (cp < 0x10000) {
        str_ += (char)(0xE0 | (cp >> 12));
      } else {
        str_ += (char)(0xF0 | (cp >> 18));
        str_ += (char)(0x80 | ((cp >> 12) & 0x3F));
      }
      str_ += (char)(0x80 | ((cp >> 6) & 0x3F));
    }
    str_ += (char)(0x80 | (cp & 0x3F));
  }

  Tok String() {
    str_.clear();
    for (;;) {
      int c = Get();
      if (c == '"') return kString;
      if (c == '\\') {
        c = Get();
        switch (c) {
          case '"': case '\\': case '/': break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'n': c = '\n'; break;
          case 'r': c = '\r'; break;
          case 't': c = '\t'; break;
          case 'u': {
            c = Hex4();
            if (c < 0) return Fail(JsonReadError::kSyntax);
            if (c >= 0xD800 && c <= 0xDBFF) {  // a high surrogate: its low half must follow
              if (Get() != '\\' || Get() != 'u') return Fail(JsonReadError::kSurrogate);
              const int low = Hex4();
              if (low < 0) return Fail(JsonReadError::kSyntax);
              if (low < 0xDC00 || low > 0xDFFF) return Fail(JsonReadError::kSurrogate);
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
              return Fail(JsonReadError::kSurrogate);
            }
            AppendUtf8(c);
            continue;
          }
          default: return Fail(JsonReadError::kSyntax);
        }
        str_ += (char)c;
        continue;
      }
      if (c < 0x20) return Fail(JsonReadError::kSyntax);  // a control character, or the text ended
      str_ += (char)c;
      if (c < 0x80) continue;
      // UTF-8 (RFC 3629): the lead byte sets how many bytes follow and the range of the first of them.
      int more = 2, lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) more = 1;
      else if (c == 0xE0) lo = 0xA0;
      else if (c == 0xED) hi = 0x9F;
      else if (c >= 0xE1 && c <= 0xEF) {}
      else if (c == 0xF0) { more = 3; lo = 0x90; }
      else if (c >= 0xF1 && c <= 0xF3) more = 3;
      else if (c == 0xF4) { more = 3; hi = 0x8F; }
      else return Fail(JsonReadError::kNotUtf8);
      for (; more; --more, lo = 0x80, hi = 0xBF) {
        c = Get();
        if (c < lo || c > hi) return Fail(JsonReadError::kNotUtf8);
        str_ += (char)c;
      }
    }
  }

  Tok Number(int c) {
    const size_t start = pos_ - 1;
    const bool negative = c == '-';
    bool fraction = false;
    if (negative) c = Get();
    if (c == '0') c = Get();
    else if (Digit(c)) do c = Get(); while (Digit(c));
    else return Fail(JsonReadError::kSyntax);
    if (c == '.') {
      fraction = true;
      if (!Digit(Get())) return Fail(JsonReadError::kSyntax);
      do c = Get(); while (Digit(c));
    }
    if (c == 'e' || c == 'E') {
      fraction = true;
      c = Get();
      if (c == '+' || c == '-') c = Get();
      if (!Digit(c)) return Fail(JsonReadError::kSyntax);
      do c = Get(); while (Digit(c));
    }
    --pos_;  // the byte after the number belongs to the next token
    if (!fraction) {  // an integer: exactly, when it fits
      uint64_t u = 0;
      bool fits = true;
      for (size_t i = start + negative; i < pos_; ++i) {
        const unsigned d = s_[i] - '0';
        fits &= u <= (UINT64_MAX - d) / 10;
        u = u * 10 + d;
      }
      if (fits && !negative) { unsigned_ = u; return kUnsigned; }
      if (fits && u <= (uint64_t)INT64_MAX + 1) { integer_ = (int64_t)(0 - u); return kInteger; }
    }
    float_ = std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr);
    return std::isfinite(float_) ? kFloat : Fail(JsonReadError::kSyntax);  // 1e999: out of range
  }

  bool Value(json& dst, Tok t, int depth) {
    switch (t) {
      case kBeginObject: {
        if (++depth > max_depth_) return TooDeep();
        dst = json::object();
        json::object_t& obj = *dst.get_ptr<json::object_t*>();
        t = Next();
        if (t == kEndObject) return true;
        for (;;) {
          if (t != kString) return Unexpected(t);
          json& slot = obj[std::move(str_)];  // a repeated key: the last value stays
          if ((t = Next()) != kColon) return Unexpected(t);
          if (!Value(slot, Next(), depth)) return false;
          t = Next();
          if (t == kEndObject) return true;
          if (t != kComma) return Unexpected(t);
          t = Next();
        }
      }
      case kBeginArray: {
        if (++depth > max_depth_) return TooDeep();
        dst = json::array();
        json::array_t& arr = *dst.get_ptr<json::array_t*>();
        t = Next();
        if (t == kEndArray) return true;
        for (;;) {
          arr.emplace_back();
          if (!Value(arr.back(), t, depth)) return false;
          t = Next();
          if (t == kEndArray) return true;
          if (t != kComma) return Unexpected(t);
          t = Next();
        }
      }
      case kString: dst = std::move(str_); return true;
      case kUnsigned: dst = unsigned_; return true;
      case kInteger: dst = integer_; return true;
      case kFloat: dst = float_; return true;
      case kTrue: dst = true; return true;
      case kFalse: dst = false; return true;
      case kNull: dst = nullptr; return true;
      default: return Unexpected(t);
    }
  }

  const std::string& s_;
  const int max_depth_;
  size_t pos_ = 0;
  std::string str_;
  uint64_t unsigned_ = 0;
  int64_t integer_ = 0;
  double float_ = 0;
  JsonReadResult result_;
};

}  // namespace

JsonReadResult ReadJson(const std::string& text, int max_depth, nlohmann::json* out) {
  return Reader(text, max_depth).Run(out);
}

}  // namespace scw
