// libc_snprintf.cpp — snprintf for the web bundle only (cmake/web.cmake), replacing musl's.
//
// musl's snprintf goes through vfprintf with float support (fmt_fp, long double arguments: ~7 KB of wasm).
// No caller is left in the bundle since content/json_reader.cpp replaced nlohmann's lexer (which formatted a
// control character in its parse error messages, "<U+%.4X>"), so the linker drops it; it stays so that a future
// snprintf does not bring back musl's float formatting. Our own code formats numbers with DecimalText
// (ui/json_writer.h), and the parts of ImGui the bundle keeps (draw lists, the font atlas) format nothing. This one is Emscripten's integer-only vsniprintf: a float conversion
// (%f %e %g %a) would call a null formatter, so such formats write nothing and return -1 (an encoding error
// for snprintf) instead of trapping.
#include <cstdarg>
#include <cstddef>
#include <cstring>

extern "C" int vsniprintf(char* s, size_t n, const char* fmt, va_list ap);   // Emscripten libc

extern "C" int snprintf(char* __restrict s, size_t n, const char* __restrict fmt, ...) {
  for (const char* f = fmt; *f; ++f) {
    if (*f != '%') continue;
    ++f;
    while (*f && std::strchr("-+ #0123456789.*hlLjzt", *f)) ++f;
    if (!*f) break;
    if (std::strchr("aAeEfFgG", *f)) {
      if (n) *s = 0;
      return -1;
    }
  }
  va_list ap;
  va_start(ap, fmt);
  const int r = vsniprintf(s, n, fmt, ap);
  va_end(ap);
  return r;
}
