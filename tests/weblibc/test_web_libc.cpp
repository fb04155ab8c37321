// The libc replacements the web bundle links instead of musl's (shell/libc_*.cpp), tested natively: this
// binary links them, so here they replace glibc's strtod/strtof, sinf/cosf and qsort too.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "content/json_text.h"
#include "content/model.h"

namespace {
struct Case { const char* text; double value; };
#define V(x) Case{#x, x}
// Numbers as content authors write them, and the awkward ones: the compiler's own parse is the reference.
const Case kCases[] = {
    V(0), V(1), V(2.1), V(1.3), V(3.4), V(0.19), V(764), V(17.5), V(33), V(9.8), V(20.8), V(27.8), V(12.7),
    V(-7), V(-365), V(3650), V(0.1), V(0.2), V(0.3), V(0.35), V(1e-3), V(2.5e2), V(1E5), V(123456789012345678.0),
    V(9007199254740993.0), V(0.1234567890123456789), V(2.2250738585072014e-308),
    V(5e-324), V(4.9406564584124654e-324), V(1e22), V(1e23), V(8.589973e9), V(3.141592653589793),
    V(2.718281828459045), V(1.00000000000000011102230246251565404236316680908203125), V(123.456e-12),
    V(6.32e6), V(0.000001), V(99999.99999), V(4.35), V(2.675), V(1.005), V(7.1e-10), V(1e-300)};
#undef V
}  // namespace

TEST_CASE("strtod: every test number parses to exactly the value the compiler gives the same literal") {
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    char* end = nullptr;
    const double v = std::strtod(c.text, &end);
    CHECK(v == c.value);
    CHECK(*end == '\0');
  }
}

TEST_CASE("strtod: near the top of the double range it is within a few ulps (documented in libc_strtod.cpp)") {
  const Case near[] = {{"1.7976931348623157e308", 1.7976931348623157e308}, {"1e300", 1e300},
                       {"9.999999999999999e299", 9.999999999999999e299}};
  for (const Case& c : near) {
    CAPTURE(c.text);
    const double v = std::strtod(c.text, nullptr);
    const double ulp = c.value - std::nextafter(c.value, 0.0);
    CHECK(std::isfinite(v));
    CHECK(std::fabs(v - c.value) <= 4 * ulp);
  }
}

TEST_CASE("strtod: signs, white space, stops at the first non-number, refuses words") {
  char* end = nullptr;
  CHECK(std::strtod("  -2.5x", &end) == -2.5);
  CHECK(std::string(end) == "x");
  CHECK(std::strtod("+4e1,", &end) == 40);
  CHECK(*end == ',');
  const char* word = "abc";
  CHECK(std::strtod(word, &end) == 0);
  CHECK(end == word);
  CHECK(std::strtod("1e999", &end) == HUGE_VAL);
  CHECK(std::strtof("2.1", &end) == 2.1f);
}

TEST_CASE("the default documents parse the same numbers through the replacement (nlohmann uses strtod)") {
  scw::content::Document d;
  nlohmann::json j;
  std::vector<scw::Problem> p;
  REQUIRE(scw::ParseJsonText(R"({"version": 1, "x": [2.1, 1.3, 3.4, -7, 0.19]})", &j, &p));
  CHECK(j["x"][0].get<double>() == 2.1);
  CHECK(j["x"][2].get<double>() == 3.4);
  CHECK(j["x"][4].get<double>() == 0.19);
}

TEST_CASE("sinf/cosf stay within an ulp or so of double precision over the angles drawing uses") {
  float worst = 0;
  for (int i = -200000; i <= 200000; ++i) {
    const float x = i * 0.0005f;  // ±100 rad
    const float s = std::sin(x), c = std::cos(x);
    const double rs = std::sin((double)x), rc = std::cos((double)x);
    worst = std::max(worst, (float)std::max(std::fabs(s - rs), std::fabs(c - rc)));
  }
  CHECK(worst < 2e-7f);
}

TEST_CASE("qsort sorts like std::sort") {
  std::mt19937 rng(7);
  for (int n : {0, 1, 2, 3, 10, 100, 1000, 20000}) {
    std::vector<int> a(n);
    for (int& x : a) x = (int)(rng() % 1000);
    std::vector<int> b = a;
    std::qsort(a.data(), a.size(), sizeof(int), [](const void* p, const void* q) {
      const int x = *(const int*)p, y = *(const int*)q;
      return (x > y) - (x < y);
    });
    std::sort(b.begin(), b.end());
    CHECK(a == b);
  }
}
