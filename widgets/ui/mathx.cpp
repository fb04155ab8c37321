// mathx.cpp — see mathx.h.
#include "ui/mathx.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace scw {

// Natural log and exp, accurate to a few ulps (checked against glibc: log <= 3 ulps on 1..1e6, exp 1 ulp on
// -20..20). libm's log and exp carry ~6 KB of lookup tables in the wasm (__log_data, __exp_data);
// these are short series instead. Ln: x = m·2^e with m in [√½, √2), ln m = 2·atanh(s), s = (m-1)/(m+1).
double Ln(double x) {
  if (!(x > 0)) return x == 0 ? -HUGE_VAL : NAN;
  if (std::isinf(x)) return x;
  uint64_t b;
  std::memcpy(&b, &x, 8);
  int e = static_cast<int>((b >> 52) & 0x7ff) - 1023;
  if (e == -1023) return Ln(x * 0x1p54) - 54 * 0.6931471805599453094;   // subnormal
  b = (b & 0x000fffffffffffffull) | 0x3ff0000000000000ull;
  double m;
  std::memcpy(&m, &b, 8);
  if (m > 1.4142135623730951) { m *= 0.5; ++e; }
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double t = 0;
  for (int k = 23; k >= 3; k -= 2) t = (t + 1.0 / k) * s2;   // s²/3 + s⁴/5 + … (|s| <= 0.172)
  return e * 0.6931471805599453094 + 2 * s * (1 + t);
}
// exp(x) = 2^k · exp(r), r = x - k·ln2 in [-ln2/2, ln2/2] (ln2 split in two for an exact product), Taylor to r¹⁴.
double Exp(double x) {
  if (!(x < 709.8)) return x != x ? x : HUGE_VAL;
  if (x < -745.2) return 0;
  const double k = std::floor(x * 1.4426950408889634 + 0.5);
  const double r = (x - k * 0.693147180369123816490) - k * 1.90821492927058770002e-10;
  double p = 1;
  for (int i = 14; i >= 1; --i) p = 1 + p * r / i;
  int ki = static_cast<int>(k);
  double scale = 1;
  for (; ki > 1000; ki -= 1000) scale *= 0x1p1000;
  for (; ki < -1000; ki += 1000) scale *= 0x1p-1000;
  const uint64_t b = static_cast<uint64_t>(ki + 1023) << 52;
  double two_k;
  std::memcpy(&two_k, &b, 8);
  return p * two_k * scale;
}

}  // namespace scw
