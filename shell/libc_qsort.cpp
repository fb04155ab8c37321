// libc_qsort.cpp — qsort for the web bundle only (cmake/web.cmake), replacing musl's smoothsort (~1.4 KB of
// wasm). Its callers sort a few hundred elements at most, once per font build (stb_rect_pack's glyph
// rectangles) or per frame (ImGui's child windows). Shell sort (Ciura's gaps): O(n^1.3) there, no recursion,
// no allocation. Like any qsort it is not stable; both callers' comparators order everything they rely on.
#include <cstddef>

extern "C" void qsort(void* base, size_t n, size_t size, int (*cmp)(const void*, const void*)) {
  static const size_t kGaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
  unsigned char* a = static_cast<unsigned char*>(base);
  for (size_t gap : kGaps) {
    for (size_t i = gap; i < n; ++i) {
      // Insertion of element i into its gap-chain, by swapping bytewise down the chain.
      for (size_t j = i; j >= gap && cmp(a + (j - gap) * size, a + j * size) > 0; j -= gap) {
        unsigned char* p = a + (j - gap) * size;
        unsigned char* q = a + j * size;
        for (size_t k = 0; k < size; ++k) { const unsigned char t = p[k]; p[k] = q[k]; q[k] = t; }
      }
    }
  }
}
