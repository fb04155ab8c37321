#!/usr/bin/env bash
# Prints what a page downloads, raw and brotli-compressed, against the 150 KB budget (all three widgets).
set -euo pipefail
cd "$(dirname "$0")/.."
total=0
printf '%-28s %10s %10s\n' file bytes brotli
for f in dist/stemcell-widgets.js dist/stemcell-widgets.wasm; do
  raw=$(stat -c%s "$f"); br=$(brotli -c -q 11 "$f" | wc -c); total=$((total + br))
  printf '%-28s %10d %10d\n' "$(basename "$f")" "$raw" "$br"
done
printf '%-28s %10s %10d  (budget 153600, %d%%)\n' "page total" "" "$total" $((total * 100 / 153600))
