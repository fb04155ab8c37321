// number_format.cpp — see number_format.h.
#include "ui/number_format.h"

#include <cmath>
#include <cstring>

namespace scw {
namespace {

const char kMinus[] = "\xE2\x88\x92";  // U+2212
const char kNbsp[] = "\xC2\xA0";       // U+00A0

struct Marks { const char* group; const char* decimal; bool space_before_percent; };

Marks MarksFor(const std::string& lang) {
  std::string p = lang.substr(0, lang.find_first_of("-_"));
  for (char& c : p) if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
  static const char* const kDotComma[] = {"es", "de", "it", "pt", "nl", "id", "tr", "da", "el", "ro", "hr", "sl", "ca", "gl", "eu"};
  static const char* const kSpaceComma[] = {"fr", "ru", "pl", "sv", "fi", "nb", "no", "nn", "cs", "sk", "uk", "hu", "bg", "lt", "lv", "et"};
  for (const char* l : kDotComma) if (p == l) return {".", ",", p != "nl" && p != "id" && p != "tr"};
  for (const char* l : kSpaceComma) if (p == l) return {kNbsp, ",", true};
  return {",", ".", false};
}

}  // namespace

std::string FormatNumber(double value, int decimals, const std::string& lang) {
  if (!std::isfinite(value)) return value != value ? "NaN" : (value < 0 ? std::string(kMinus) + "\xE2\x88\x9E" : "\xE2\x88\x9E");
  decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
  const Marks m = MarksFor(lang);
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double rounded = std::floor(std::fabs(value) * scale + 0.5);
  // Whole and fractional digits from the rounded integer (up to 2^53: beyond that, digits are approximate).
  std::string digits;
  double r = rounded;
  do {
    const double q = std::floor(r / 10);
    digits.insert(digits.begin(), (char)('0' + (int)(r - q * 10)));
    r = q;
  } while (r > 0);
  while ((int)digits.size() <= decimals) digits.insert(digits.begin(), '0');
  const std::string whole = digits.substr(0, digits.size() - decimals), frac = digits.substr(digits.size() - decimals);
  std::string out = (value < 0 && rounded > 0) ? kMinus : "";
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += m.group;
    out += whole[i];
  }
  if (decimals > 0) out += m.decimal + frac;
  return out;
}

std::string FormatPercent(double percent, int decimals, const std::string& lang) {
  return FormatNumber(percent, decimals, lang) + (MarksFor(lang).space_before_percent ? kNbsp : "") + "%";
}

std::string FormatSigned(double value, const std::string& lang) {
  const double r = std::round(value);
  if (r == 0) return "0";
  return (r > 0 ? "+" : "") + FormatNumber(r, 0, lang);
}

}  // namespace scw
