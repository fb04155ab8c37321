// The sscanf that Dear ImGui and its OpenGL3 backend call in the web bundle (cmake/web.cmake renames their
// calls with -Dsscanf=scw_imgui_sscanf). libc's sscanf (vfscanf) is ~4 KB of wasm; these are its only users.
// The backend needs "%d.%d" (GL_VERSION, unused with WebGL2) and "#version %d" (picks the shader variant).
// ImGui's own calls read .ini settings, which the bundle never loads (io.IniFilename = null, no
// LoadIniSettingsFromMemory), and InputScalar text, which no widget uses.
// Supported: literal characters, whitespace (skips any run of whitespace), %d and %i (decimal only), %n, %%.
// Anything else stops the scan, as a failed conversion does: the return value is the count assigned so far.
#include <cstdarg>

extern "C" int scw_imgui_sscanf(const char* s, const char* fmt, ...) {
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  const char* const start = s;
  int assigned = 0;
  va_list ap;
  va_start(ap, fmt);
  for (; *fmt; ++fmt) {
    if (space(*fmt)) { while (space(*s)) ++s; continue; }
    if (*fmt != '%' || fmt[1] == '%') {
      if (*fmt == '%') ++fmt;
      if (*s != *fmt) break;
      ++s;
      continue;
    }
    const char conv = *++fmt;
    if (conv == 'n') { *va_arg(ap, int*) = static_cast<int>(s - start); continue; }
    if (conv != 'd' && conv != 'i') break;
    while (space(*s)) ++s;
    const bool neg = *s == '-';
    if (*s == '-' || *s == '+') ++s;
    if (*s < '0' || *s > '9') break;
    unsigned v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + static_cast<unsigned>(*s++ - '0');
    *va_arg(ap, int*) = static_cast<int>(neg ? 0u - v : v);
    ++assigned;
  }
  va_end(ap);
  return assigned;
}
