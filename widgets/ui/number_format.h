// number_format.h — numbers as the document's language writes them, for every number a widget prints.
//
//   FormatNumber(1200, 0, "es")   -> "1.200"      FormatNumber(1200, 0, "en")   -> "1,200"
//   FormatNumber(20.75, 1, "es")  -> "20,8"       FormatNumber(20.75, 1, "en")  -> "20.8"
//   FormatPercent(20.8, 1, "es")  -> "20,8 %"     FormatPercent(20.8, 1, "en")  -> "20.8%"
//   FormatNumber(-7, 0, "en")     -> "−7"  (U+2212 minus sign, as the widgets print negative days)
//
// `value` is rounded half away from zero to `decimals` (0…6) places; every digit group of three is separated
// (so 1200 is "1.200" in Spanish too). `lang` is a BCP 47 tag ("es", "es-MX", "en-GB"); only the primary
// subtag counts. Languages that write "1.200,5" (de, es, it, pt, nl, id, tr, da, ...) and "1 200,5" (fr, ru, pl,
// sv, fi, nb, cs, uk, ...) are known; anything else is written the English way. The space inside a number and
// before "%" is U+00A0 (no-break), so a number never wraps across lines. Pure: no locale, no allocation beyond
// the result.
#pragma once
#include <string>

namespace scw {

std::string FormatNumber(double value, int decimals, const std::string& lang);
// `percent` is already in percent (20.8 for 20.8 %).
std::string FormatPercent(double percent, int decimals, const std::string& lang);
// A signed whole number: "+8", "0", "−6", "+1,825" (the timeline's days).
std::string FormatSigned(double value, const std::string& lang);

}  // namespace scw
