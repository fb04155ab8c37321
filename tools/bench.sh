#!/usr/bin/env bash
# Benchmarks (figures, not tests): frame CPU time per widget at 1920×1080 (native, headless), the time to check
# and to draw documents at the format's limits, the bundle's download size and each widget's share, the time to
# the first interactive frame against TimelineJS, and frame CPU and memory in the browser (headless Chromium).
# Run after tools/build-web.sh for the web parts.
#   tools/bench.sh [FRAMES] [--native]
# --native uses the test command's Debug build (build/native: no extra compile, so the test command stays short;
# its figures are upper bounds) and skips the per-part share (a second link); without it an optimised build
# (build/bench, -O2) is made first.
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES="${1:-600}"
if [ "${2:-}" = "--native" ] && [ -d build/native ]; then
  PRESET=native; DIR=build/native; echo "(Debug build: the figures are upper bounds; run tools/bench.sh alone for -O2 figures)"
else
  PRESET=bench; DIR=build/bench; cmake --preset bench >/dev/null
fi
cmake --build --preset "$PRESET" --target bench_frames bench_limits -j"$(nproc)" >/dev/null
echo "Frame CPU time, ms (target p95 <= 2 ms):"
"$DIR/tests/bench_frames" "$FRAMES"
echo
echo "Documents at the limits: check time (target <= 100 ms) and frame CPU time (target <= 50 ms):"
"$DIR/tests/bench_limits" 60
echo
if [ -f dist/stemcell-widgets.wasm ]; then
  echo "Download size:"; bash tools/bench-size.sh; echo
  # The share needs a second link of the bundle (~1 min): only when the benchmark runs on its own.
  if [ "${2:-}" != "--native" ]; then
    echo "Share of the wasm code per part (raw bytes):"; bash tools/bench-share.sh || echo "(share not measured)"; echo
  fi
  node tests/bench/first_frame.mjs || echo "(first frame not measured)"
  echo
  node tests/bench/first_frame_profile.mjs || echo "(first frame parts not measured)"
  echo
  node tests/bench/browser_frames.mjs || echo "(browser frames and memory not measured)"
  echo
  node tests/bench/canvas_copy.mjs || echo "(canvas copy not measured)"
fi
