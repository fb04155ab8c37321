#!/usr/bin/env bash
# Benchmarks (figures, not tests): frame CPU time per widget at 1920×1080 (native -O2, headless), the bundle's
# download size and each widget's share, the time to the first interactive frame against TimelineJS, and frame
# CPU and memory in the browser (headless Chromium). Run after tools/build-web.sh for the web parts.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset bench >/dev/null
cmake --build --preset bench --target bench_frames -j"$(nproc)" >/dev/null
echo "Frame CPU time, ms (target p95 <= 2 ms):"
build/bench/tests/bench_frames "${1:-600}"
echo
if [ -f dist/stemcell-widgets.wasm ]; then
  echo "Download size:"; bash tools/bench-size.sh; echo
  echo "Share of the wasm code per part (raw bytes):"; bash tools/bench-share.sh || echo "(share not measured)"; echo
  node tests/bench/first_frame.mjs || echo "(first frame not measured)"
  echo
  node tests/bench/browser_frames.mjs || echo "(browser frames and memory not measured)"
fi
