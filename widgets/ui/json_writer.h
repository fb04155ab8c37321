// json_writer.h — an append-only JSON text builder for what widgets send out (State(), Dom(), event details).
// nlohmann::json stays the parser of content documents; building and dumping JSON values with it instantiated a
// second large set of templates in the wasm (~20 KB). Commas are placed automatically: a value or key that follows
// a value gets one. Strings are escaped per RFC 8259 (quote, backslash, control characters) and also U+2028/U+2029,
// so the text is safe inside a JavaScript string literal as well. Numbers: integers exactly, other finite values
// with up to 4 decimals (CSS pixels, days; see DecimalText), non-finite values as null (as nlohmann::json
// dumps them).
#pragma once
#include <string>

namespace scw {

// v in plain decimal notation with at most `max_decimals` (0…6) digits after the point, trailing zeros dropped
// ("12", "0.35", "-1.5"); rounded half away from zero. |v| >= 1e14 is written with an exponent ("1.5e20").
// Replaces snprintf("%g"/"%.2f"), which links printf's float formatting into the wasm.
std::string DecimalText(double v, int max_decimals);
void AppendDecimal(std::string& out, double v, int max_decimals);

class JsonWriter {
 public:
  JsonWriter& BeginObject() { Sep(); out_ += '{'; return *this; }
  JsonWriter& EndObject() { out_ += '}'; return *this; }
  JsonWriter& BeginArray() { Sep(); out_ += '['; return *this; }
  JsonWriter& EndArray() { out_ += ']'; return *this; }
  JsonWriter& Key(const char* k) { Sep(); AppendString(k, std::char_traits<char>::length(k)); out_ += ':'; return *this; }

  JsonWriter& Null() { Sep(); out_ += "null"; return *this; }
  JsonWriter& Bool(bool b) { Sep(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& String(const std::string& s) { Sep(); AppendString(s.data(), s.size()); return *this; }
  JsonWriter& String(const char* s) { Sep(); AppendString(s, std::char_traits<char>::length(s)); return *this; }
  // An empty string writes null: the widgets' "nothing selected".
  JsonWriter& StringOrNull(const std::string& s) { return s.empty() ? Null() : String(s); }
  JsonWriter& Int(long long v) { Sep(); AppendInt(v); return *this; }
  JsonWriter& Number(double v);

  // key: value shorthands.
  JsonWriter& Field(const char* k, const std::string& v) { return Key(k).String(v); }
  JsonWriter& Field(const char* k, const char* v) { return Key(k).String(v); }
  JsonWriter& Field(const char* k, bool v) { return Key(k).Bool(v); }
  JsonWriter& Field(const char* k, int v) { return Key(k).Int(v); }
  JsonWriter& Field(const char* k, double v) { return Key(k).Number(v); }
  JsonWriter& Field(const char* k, float v) { return Key(k).Number(v); }

  // Raw JSON text written as one value (it must be valid JSON).
  JsonWriter& Raw(const std::string& json) { Sep(); out_ += json; return *this; }

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Sep() {
    if (!out_.empty()) {
      const char c = out_.back();
      if (c != '{' && c != '[' && c != ':') out_ += ',';
    }
  }
  void AppendInt(long long v) {
    char buf[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    do { buf[n++] = static_cast<char>('0' + u % 10); u /= 10; } while (u);
    if (v < 0) out_ += '-';
    while (n) out_ += buf[--n];
  }
  void AppendString(const char* s, size_t n);

  std::string out_;
};

}  // namespace scw
