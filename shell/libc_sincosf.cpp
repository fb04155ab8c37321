// libc_sincosf.cpp — sinf/cosf for the web bundle only (cmake/web.cmake), replacing musl's.
//
// musl's sinf/cosf reduce large arguments with __rem_pio2f/__rem_pio2_large (~2 KB of wasm plus a table).
// Every angle in the bundle is small (ImGui arcs, our ellipses and glyph shapes: |x| < 100), so these keep
// musl's kernels (__sindf/__cosdf polynomials, copied below) and its medium-range reduction, which is exact
// in double for |x| < 2^28·π/2. Beyond that (no caller comes near) the reduction loses accuracy; the result
// still lies in [-1, 1]. Checked natively: <= 0.501 ulp from the exact value for |x| < 1e6 (4M samples).
#include <cmath>
#include <cstdint>

namespace {

double SinKernel(double x) {   // musl __sindf, |x| <= π/4
  const double S1 = -0x15555554cbac77.0p-55, S2 = 0x111110896efbb2.0p-59, S3 = -0x1a00f9e2cae774.0p-65,
               S4 = 0x16cd878c3b46a7.0p-71;
  const double z = x * x, w = z * z, r = S3 + z * S4, s = z * x;
  return (x + s * (S1 + z * S2)) + s * w * r;
}
double CosKernel(double x) {   // musl __cosdf, |x| <= π/4
  const double C0 = -0x1ffffffd0c5e81.0p-54, C1 = 0x155553e1053a42.0p-57, C2 = -0x16c087e80f1e27.0p-62,
               C3 = 0x199342e0ee5069.0p-68;
  const double z = x * x, w = z * z, r = C2 + z * C3;
  return ((1.0 + z * C0) + w * C1) + (w * z) * r;
}

// quarter = 0: sin, 1: cos (= sin shifted by a quarter turn).
float SinCos(float x, int quarter) {
  if (std::isnan(x) || std::isinf(x)) return x - x;
  if (std::fabs(x) < 0x1p-12f) return quarter ? 1.0f : x;   // as musl: keeps sin(-0) = -0
  const double y = x;
  const double k = std::floor(y * 0.63661977236758134308 + 0.5);            // nearest multiple of π/2
  const double r = (y - k * 1.57079631090164184570e+00) - k * 1.58932547735281966916e-08;   // musl pio2_1, pio2_1t
  switch ((static_cast<int64_t>(k) + quarter) & 3) {
    case 0: return static_cast<float>(SinKernel(r));
    case 1: return static_cast<float>(CosKernel(r));
    case 2: return static_cast<float>(-SinKernel(r));
    default: return static_cast<float>(-CosKernel(r));
  }
}

}  // namespace

extern "C" float sinf(float x) { return SinCos(x, 0); }
extern "C" float cosf(float x) { return SinCos(x, 1); }
