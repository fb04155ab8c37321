// imgui.cpp for the web bundle, with two things the bundle never uses left out of the wasm:
//  - the "Table" .ini settings handler. Settings are never loaded or saved (io.IniFilename = null; NewFrame
//    then only sets io.WantSaveIniSettings), and no widget uses tables. Its writer is the only reachable
//    code in ImGui that formats floats (" Weight=%.4f", "RefScale=%g").
//  - libc's vsnprintf, which links printf's float formatting (fmt_fp, long double argument handling):
//    with IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS, ImFormatString(V) below use Emscripten's integer-only
//    vsniprintf. The format strings left in reachable ImGui code are %s/%d/%X ("##Tooltip_%02d",
//    "%s/%s_%08X", "[%s][%s]"...). A float conversion would call a null fmt_fp in vsniprintf, so
//    ImFormatStringV refuses such formats (writes the format itself) instead of trapping.
// The rename is done as in imgui_draw_no_default_font.cpp: declarations first, then a function-like macro.
#define IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS
#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS
#endif
#include <stdarg.h>
#include <stddef.h>

#include "imgui.h"
#include "imgui_internal.h"
#define TableSettingsInstallHandler(context) ((void)(context))
#include "imgui.cpp"
#undef TableSettingsInstallHandler

extern "C" int vsniprintf(char* s, size_t n, const char* fmt, va_list ap);   // Emscripten libc, no floats

namespace {
bool HasFloatConversion(const char* f) {
  for (; *f; ++f) {
    if (*f != '%') continue;
    ++f;
    while (*f && strchr("-+ #0123456789.*hlLjzt", *f)) ++f;   // flags, width, precision, length
    if (*f && strchr("aAeEfFgG", *f)) return true;
    if (!*f) break;
  }
  return false;
}
}  // namespace

int ImFormatStringV(char* buf, size_t buf_size, const char* fmt, va_list args) {
  int w;
  if (HasFloatConversion(fmt)) {
    w = (int)strlen(fmt);
    if (buf) ImStrncpy(buf, fmt, buf_size);
  } else {
    w = vsniprintf(buf, buf_size, fmt, args);
  }
  if (buf == NULL) return w;
  if (w == -1 || w >= (int)buf_size) w = (int)buf_size - 1;
  buf[w] = 0;
  return w;
}

int ImFormatString(char* buf, size_t buf_size, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  const int w = ImFormatStringV(buf, buf_size, fmt, args);
  va_end(args);
  return w;
}
