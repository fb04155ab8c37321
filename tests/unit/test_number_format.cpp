// test_number_format.cpp — widgets/ui/number_format.h: numbers in the document's language.
#include <doctest/doctest.h>

#include "ui/number_format.h"

using scw::FormatNumber;
using scw::FormatPercent;
using scw::FormatSigned;

namespace {
const std::string kNbsp = "\xC2\xA0", kMinus = "\xE2\x88\x92";
}

TEST_CASE("number_format: Spanish groups with '.', decimals with ',', and a space before %") {
  CHECK(FormatNumber(1200, 0, "es") == "1.200");
  CHECK(FormatNumber(1234567, 0, "es") == "1.234.567");
  CHECK(FormatNumber(20.75, 1, "es") == "20,8");
  CHECK(FormatNumber(0.5, 2, "es") == "0,50");
  CHECK(FormatNumber(999.96, 1, "es") == "1.000,0");  // the carry crosses a group
  CHECK(FormatPercent(20.8, 1, "es") == "20,8" + kNbsp + "%");
  CHECK(FormatPercent(3, 0, "es-MX") == "3" + kNbsp + "%");
}

TEST_CASE("number_format: English groups with ',', decimals with '.', no space before %") {
  CHECK(FormatNumber(1200, 0, "en") == "1,200");
  CHECK(FormatNumber(1200, 0, "en-GB") == "1,200");
  CHECK(FormatNumber(999, 0, "en") == "999");
  CHECK(FormatNumber(20.75, 1, "en") == "20.8");
  CHECK(FormatNumber(0.04, 1, "en") == "0.0");
  CHECK(FormatPercent(20.8, 1, "en") == "20.8%");
  CHECK(FormatNumber(12, 0, "") == "12");     // unknown or missing language: the English way
  CHECK(FormatNumber(1200, 0, "xx") == "1,200");
}

TEST_CASE("number_format: negatives use the minus sign; rounding; signed days; other languages") {
  CHECK(FormatNumber(-7, 0, "en") == kMinus + "7");
  CHECK(FormatNumber(-1200.5, 1, "es") == kMinus + "1.200,5");
  CHECK(FormatNumber(-0.01, 1, "en") == "0.0");  // rounds to zero: no minus
  CHECK(FormatNumber(2.5, 0, "en") == "3");       // half away from zero
  CHECK(FormatNumber(-2.5, 0, "en") == kMinus + "3");
  CHECK(FormatSigned(8, "en") == "+8");
  CHECK(FormatSigned(0, "es") == "0");
  CHECK(FormatSigned(-180, "es") == kMinus + "180");
  CHECK(FormatSigned(1825, "en") == "+1,825");
  CHECK(FormatSigned(1825, "es") == "+1.825");
  CHECK(FormatNumber(1200.5, 1, "fr") == "1" + kNbsp + "200,5");
  CHECK(FormatPercent(20.8, 1, "de") == "20,8" + kNbsp + "%");
  CHECK(FormatNumber(1e6, 0, "de") == "1.000.000");
}
