// libc_strtod.cpp — strtod/strtof for the web bundle only (cmake/web.cmake), replacing musl's.
//
// musl's strtod goes through __floatscan, which computes in 128-bit long double: in wasm that is software
// float (__multf3, __divtf3, __addtf3, fmodl, ...), ~13 KB of code for the two callers we have: nlohmann's JSON
// lexer (numbers in content documents) and the host's textScale option. wasm-ld takes these definitions
// instead of libc.a's strtod.o (an archive member is only linked for a symbol nothing else defines).
//
// Exactness: a decimal with at most 19 significant digits whose value is m·10^e with m < 2^53 and |e| <= 22
// (every number a content author writes: days, percentages, years, 0.35, 1e-3) is converted exactly and
// correctly rounded, as musl does: m and 10^|e| are both exact doubles and one IEEE multiply or divide rounds
// once. Anything else (more than 15-16 significant digits, exponents beyond ±22) is within a few ulps of the
// correctly rounded value. Overflow gives ±HUGE_VAL and underflow 0, both with errno = ERANGE.
// Accepted syntax: leading whitespace, sign, digits with an optional fraction and exponent (what JSON and the
// options use). No hexadecimal floats, "inf" or "nan": those convert nothing (*end = s), like any non-number.
#include <cerrno>
#include <cmath>
#include <cstdint>

namespace {

const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool Digit(char c) { return c >= '0' && c <= '9'; }

// Double-double arithmetic (hi + lo, ~106 bits) for the numbers outside the exact case: products are exact
// (Dekker's split, no fma in wasm MVP), so the final hi + lo rounds correctly unless the decimal lies within
// ~1e-30 (relative) of a halfway point between two doubles.
struct DD { double hi, lo; };
DD Split(double a) {
  const double c = 134217729.0 * a;   // 2^27 + 1
  const double hi = c - (c - a);
  return {hi, a - hi};
}
DD TwoProd(double a, double b) {
  const double p = a * b;
  const DD x = Split(a), y = Split(b);
  return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}
DD Mul(DD a, DD b) {
  DD p = TwoProd(a.hi, b.hi);
  p.lo += a.hi * b.lo + a.lo * b.hi;
  const double hi = p.hi + p.lo;
  return {hi, p.lo - (hi - p.hi)};
}
// 10^-k, k <= 22, as a double-double: hi = the rounded 1/10^k, lo = (1 - hi·10^k) / 10^k with 1 - hi·10^k exact.
DD InvPow10(int k) {
  const double p = kPow10[k], hi = 1 / p;
  const DD r = TwoProd(hi, p);
  return {hi, ((1 - r.hi) - r.lo) / p};
}

double Parse(const char* s, char** end) {
  const char* p = s;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  const bool neg = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  uint64_t m = 0;
  int e = 0;
  bool any = false, inexact = false;
  auto digit = [&](char c, int scale) {
    any = true;
    if (m < 1000000000000000000ull) { m = m * 10 + static_cast<unsigned>(c - '0'); e -= scale; }
    else { e += 1 - scale; inexact |= c != '0'; }   // the 20th+ significant digit: only its magnitude counts
  };
  for (; Digit(*p); ++p) digit(*p, 0);
  if (*p == '.') {
    const char* q = p + 1;
    if (Digit(*q) || any) {
      for (p = q; Digit(*p); ++p) digit(*p, 1);
    }
  }
  if (!any) {
    if (end) *end = const_cast<char*>(s);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* q = p + 1;
    const bool eneg = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    if (Digit(*q)) {
      int x = 0;
      for (; Digit(*q); ++q) x = x < 100000 ? x * 10 + (*q - '0') : x;
      e += eneg ? -x : x;
      p = q;
    }
  }
  if (end) *end = const_cast<char*>(p);
  double v;
  if (m == 0) {
    v = 0;
  } else if (!inexact && m <= (1ull << 53) && e >= -22 && e <= 22) {
    v = e < 0 ? static_cast<double>(m) / kPow10[-e] : static_cast<double>(m) * kPow10[e];   // exact, one rounding
  } else if (e > 400) {
    v = HUGE_VAL;
    errno = ERANGE;
  } else if (e < -400) {
    v = 0;
    errno = ERANGE;
  } else {
    int digits = 0;
    for (uint64_t t = m; t; t /= 10) ++digits;
    const int mag = digits + e;   // the value is below 10^mag and at least 10^(mag-1)
    if (mag > -285 && mag < 300) {   // double-double stays clear of overflow and of subnormal lo parts
      const double mh = static_cast<double>(m);
      DD x = {mh, static_cast<double>(static_cast<int64_t>(m - static_cast<uint64_t>(mh)))};
      for (; e > 22; e -= 22) x = Mul(x, {1e22, 0});
      for (; e < -22; e += 22) x = Mul(x, InvPow10(22));
      x = Mul(x, e < 0 ? InvPow10(-e) : DD{kPow10[e], 0});
      v = x.hi + x.lo;
    } else {   // near the ends of the double range: plain doubles, within a few ulps
      v = static_cast<double>(m);
      for (; e > 22; e -= 22) v *= 1e22;
      for (; e < -22; e += 22) v /= 1e22;
      v = e < 0 ? v / kPow10[-e] : v * kPow10[e];
    }
    if (std::isinf(v) || v == 0) errno = ERANGE;
  }
  return neg ? -v : v;
}

}  // namespace

extern "C" double strtod(const char* __restrict s, char** __restrict end) { return Parse(s, end); }
// libc++ references strtold (std::stold); defining it here keeps libc's strtod.o (and its strtod) out.
extern "C" long double strtold(const char* __restrict s, char** __restrict end) { return Parse(s, end); }
extern "C" float strtof(const char* __restrict s, char** __restrict end) {
  const double d = Parse(s, end);
  const float f = static_cast<float>(d);
  if (std::isinf(f) && !std::isinf(d)) errno = ERANGE;
  return f;
}
