// sort.h — a stable insertion sort for the short lists the layouts order (a layer's cells, a variant's
// milestones, tick candidates: tens of items). std::stable_sort instantiates its merge machinery (~3.5 KB of
// wasm) once per comparator; this is ~0.2 KB each. O(n²): not for long lists.
#pragma once
#include <utility>

namespace scw {

template <class It, class Less>
void StableSortSmall(It first, It last, Less less) {
  if (first == last) return;
  for (It i = first + 1; i != last; ++i) {
    auto v = std::move(*i);
    It j = i;
    for (; j != first && less(v, *(j - 1)); --j) *j = std::move(*(j - 1));
    *j = std::move(v);
  }
}

}  // namespace scw
