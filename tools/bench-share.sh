#!/usr/bin/env bash
# Each widget's share of the bundle: re-links the web build's objects with function names kept
# (--profiling-funcs, no Closure) into build/web/profile/ and prints code bytes per part. Run after
# tools/build-web.sh. Shares are of raw code bytes; the download is brotli-compressed (tools/bench-size.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
LINK_TXT=build/web/CMakeFiles/stemcell-widgets.dir/link.txt
[ -f "$LINK_TXT" ] || { echo "build the web bundle first (tools/build-web.sh)"; exit 1; }
OUT="$PWD/build/web/profile"; mkdir -p "$OUT"
cmd=$(sed -E "s| -o [^ ]+stemcell-widgets\.js| -o $OUT/p.js --profiling-funcs|; s|--closure 1||; s|^.*-- (/[^ ]*em\+\+)|\1|" "$LINK_TXT")
(cd build/web && eval "$cmd") >/dev/null 2>&1
python3 tools/wasm_share.py "$OUT/p.wasm" "$@"
