#!/usr/bin/env bash
# Prints what a page downloads, raw and brotli-compressed, against the 150 KB budget: a page with the three widgets
# (cell-diagram, hsct-timeline, risk-chart) loads the glue and the lean module; a page with an explainer loads the
# glue and the full module instead (web/loader.js picks). stemcell-widgets.extras.js (keyboard help, presenter
# toolbar, setState and scroll steps, toPNG) is fetched only on first use of one of those, so it is printed on its
# own line and not counted in the page's download.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A BR
printf '%-28s %10s %10s\n' file bytes brotli
for f in dist/stemcell-widgets.js dist/stemcell-widgets.lean.wasm dist/stemcell-widgets.wasm; do
  raw=$(stat -c%s "$f"); br=$(brotli -c -q 11 "$f" | wc -c); BR[$f]=$br
  printf '%-28s %10d %10d\n' "$(basename "$f")" "$raw" "$br"
done
three=$((BR[dist/stemcell-widgets.js] + BR[dist/stemcell-widgets.lean.wasm]))
expl=$((BR[dist/stemcell-widgets.js] + BR[dist/stemcell-widgets.wasm]))
printf '%-28s %10s %10d  (target <= 150000, %d%%)\n' "page, three widgets" "" "$three" $((three * 100 / 150000))
printf '%-28s %10s %10d  (%d%% of the target)\n' "page with an explainer" "" "$expl" $((expl * 100 / 150000))
f=dist/stemcell-widgets.extras.js
printf '%-28s %10d %10d  (fetched on first use, not in the totals)\n' "$(basename "$f")" "$(stat -c%s "$f")" "$(brotli -c -q 11 "$f" | wc -c)"
