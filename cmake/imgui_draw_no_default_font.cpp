// imgui_draw.cpp for the web bundle, minus the built-in ProggyClean font (~12 KB raw, ~9 KB brotli).
// ImFontAtlas::Build() calls AddFontDefault() when no font was added; that one call is the only reference to the
// embedded font data, so it stays linked although we always add Inter first (ui/fonts.cpp). The macro below turns
// the zero-argument call into nothing and leaves AddFontDefault(cfg) itself intact (and unreferenced, so
// wasm-ld drops it and the font data). imgui.h is included first, so the class declaration is untouched.
#include "imgui.h"
#define AddFontDefault(...) __VA_OPT__(AddFontDefault(__VA_ARGS__))
#include "imgui_draw.cpp"
