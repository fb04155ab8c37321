#!/usr/bin/env bash
# Command 2: installs what is missing, builds native and web, runs every test, ends with "N passed, N failed".
#   tools/test.sh [--bench]   --bench (or SCW_BENCH=1; CI sets it) also prints the benchmark figures (~2 min;
#                             figures, not tests) before the summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
BENCH="${SCW_BENCH:-0}"; [ "${1:-}" = "--bench" ] && BENCH=1
PASSED=0; FAILED=0
LOG_DIR="test-artifacts/logs"; mkdir -p "$LOG_DIR"

stage() { echo; echo "=== $*"; }
fail_stage() { echo "FAILED: $1 (see $LOG_DIR/$2)"; FAILED=$((FAILED + 1)); }

stage "setup"
bash tools/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

stage "native build + doctest (ctest)"
if cmake --preset native >"$LOG_DIR/native-configure.log" 2>&1 && cmake --build --preset native -j"$(nproc)" >"$LOG_DIR/native-build.log" 2>&1; then
  ctest --preset native -j"$(nproc)" >"$LOG_DIR/ctest.log" 2>&1
  tail -n 4 "$LOG_DIR/ctest.log"
  grep -E "^\s+[0-9]+ - .*\(Failed\)" "$LOG_DIR/ctest.log" || true
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$LOG_DIR/ctest.log" | tail -1)
  if [ -n "$line" ]; then
    total=$(echo "$line" | sed -E 's/.* out of ([0-9]+).*/\1/'); bad=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
    PASSED=$((PASSED + total - bad)); FAILED=$((FAILED + bad))
  else fail_stage "ctest" ctest.log; fi
else fail_stage "native build" native-build.log; tail -n 30 "$LOG_DIR/native-build.log"; fi

stage "web build (emscripten $(cat emsdk-version.txt))"
WEB_OK=1
if bash tools/build-web.sh >"$LOG_DIR/web-build.log" 2>&1; then
  ls -l dist/stemcell-widgets.js dist/stemcell-widgets.wasm
else WEB_OK=0; fail_stage "web build" web-build.log; tail -n 30 "$LOG_DIR/web-build.log"; fi

stage "node tests (browser in Chromium, schema)"
if [ "$WEB_OK" = 1 ]; then
  # Two test files at a time: each has its own Chromium and its own server on a free port; most of a browser
  # test is waiting for frames, so two overlap well on two cores.
  node --test --test-concurrency=2 --test-reporter=tap tests/browser/ tests/schema/ >"$LOG_DIR/node-tests.log" 2>&1
  grep -E "^(not )?ok " "$LOG_DIR/node-tests.log" | sed 's/^/  /'
  grep -B2 -A30 "^not ok" "$LOG_DIR/node-tests.log" | head -120
  p=$(grep -E "^# pass [0-9]+" "$LOG_DIR/node-tests.log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$LOG_DIR/node-tests.log" | tail -1 | awk '{print $3}')
  if [ -n "$p" ] && [ -n "$f" ]; then PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); else fail_stage "node tests" node-tests.log; fi
else fail_stage "browser tests (no bundle)" web-build.log; fi

stage "WordPress (Debian's wordpress + MariaDB + Apache on loopback; tests/wordpress/run.sh)"
if [ "$WEB_OK" = 1 ]; then
  bash tests/wordpress/run.sh --test-reporter=tap >"$LOG_DIR/wordpress.log" 2>&1; rc=$?
  grep -E "^(not )?ok |^FAILED" "$LOG_DIR/wordpress.log" | sed 's/^/  /'
  grep -B2 -A30 "^not ok" "$LOG_DIR/wordpress.log" | head -80
  p=$(grep -E "^# pass [0-9]+" "$LOG_DIR/wordpress.log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$LOG_DIR/wordpress.log" | tail -1 | awk '{print $3}')
  if [ -n "$p" ] && [ -n "$f" ] && { [ "$rc" = 0 ] || [ "$f" -gt 0 ]; }; then PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  else fail_stage "WordPress" wordpress.log; tail -n 20 "$LOG_DIR/wordpress.log"; fi
else fail_stage "WordPress (no bundle)" web-build.log; fi

if [ -x tools/fuzz.sh ]; then
  stage "fuzz (short run)"
  if bash tools/fuzz.sh 30 >"$LOG_DIR/fuzz.log" 2>&1; then PASSED=$((PASSED + 1)); tail -n 3 "$LOG_DIR/fuzz.log"
  else fail_stage "fuzz" fuzz.log; tail -n 40 "$LOG_DIR/fuzz.log"; fi
fi

if [ "$BENCH" = 1 ]; then
  stage "benchmarks (figures, not tests)"
  bash tools/bench.sh 200 --native || echo "(benchmark did not run)"
fi

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
