// mathx.h — log and exp without libm's lookup tables (~6 KB of wasm for log/exp, ~0.5 KB for powf).
#pragma once

namespace scw {

double Ln(double x);    // natural log; x <= 0 gives -inf (0) or NaN
double Exp(double x);   // e^x

}  // namespace scw
