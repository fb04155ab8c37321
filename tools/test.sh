#!/usr/bin/env bash
# Command 2: installs what is missing, builds native and web, runs every test, ends with "N passed, N failed".
#   tools/test.sh [--bench]   --bench (or SCW_BENCH=1; CI sets it) also prints the benchmark figures (~2 min;
#                             figures, not tests) before the summary line.
# After setup, two lanes run at once on the machine's cores (each stage's output goes to test-artifacts/logs/):
#   web lane:    web build -> node tests (Chromium, schema)          the longer one: the critical path
#   native lane: native build -> ctest -> fuzz build + 10 s run -> (once the web build is there) WordPress;
#                its two builds at a lower CPU priority (nice), so they take the cores the web lane leaves idle
#                (the tests themselves at the normal priority: some check that work takes bounded time).
# The results are then printed stage by stage, in that order, with each stage's time.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
BENCH="${SCW_BENCH:-0}"; [ "${1:-}" = "--bench" ] && BENCH=1
PASSED=0; FAILED=0
LOG_DIR="test-artifacts/logs"; mkdir -p "$LOG_DIR"
ST="$LOG_DIR/stages"; rm -rf "$ST"; mkdir -p "$ST"   # per stage: <name>.rc and <name>.time (seconds)
T0=$(date +%s)

stage() { echo; echo "=== $*"; }
fail_stage() { echo "FAILED: $1 (see $LOG_DIR/$2)"; FAILED=$((FAILED + 1)); }
# timed NAME CMD...: runs CMD, writes its exit status and wall time to $ST/NAME.rc and .time
timed() {
  local name=$1 t=$(date +%s); shift
  "$@"; local rc=$?
  echo $(( $(date +%s) - t )) >"$ST/$name.time"; echo "$rc" >"$ST/$name.rc"
  return "$rc"
}
took() { [ -f "$ST/$1.time" ] && echo "  ($1: $(cat "$ST/$1.time") s)"; }
rc_of() { cat "$ST/$1.rc" 2>/dev/null || echo 1; }

stage "setup"
timed setup bash tools/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
took setup

web_lane() {
  if timed web-build bash tools/build-web.sh >"$LOG_DIR/web-build.log" 2>&1; then
    touch "$ST/web.ok"
    # Two test files at a time (tools/node-tests.mjs: the longest first), each with its own Chromium and its own
    # server on a free port.
    timed node-tests node tools/node-tests.mjs >"$LOG_DIR/node-tests.log" 2>&1
  fi
  touch "$ST/web.done"
}

native_lane() {
  if timed native-build nice -n 10 bash -c 'cmake --preset native && cmake --build --preset native -j"$(nproc)"' \
      >"$LOG_DIR/native-build.log" 2>&1; then
    timed ctest ctest --preset native -j"$(nproc)" -V >"$LOG_DIR/ctest.log" 2>&1   # -V: each file's doctest summary
  fi
  [ -x tools/fuzz.sh ] && SCW_FUZZ_BUILD_NICE=10 timed fuzz bash tools/fuzz.sh 10 >"$LOG_DIR/fuzz.log" 2>&1
  while [ ! -f "$ST/web.ok" ] && [ ! -f "$ST/web.done" ]; do sleep 1; done   # the plugin zip comes from the web build
  [ -f "$ST/web.ok" ] && timed wordpress bash tests/wordpress/run.sh --test-reporter=tap >"$LOG_DIR/wordpress.log" 2>&1
}

web_lane &
WEB_PID=$!
native_lane &
NATIVE_PID=$!
wait "$WEB_PID" "$NATIVE_PID"

stage "native build + doctest (ctest)"
if [ "$(rc_of native-build)" = 0 ]; then
  took native-build; took ctest
  # One ctest test per test file; the count is of doctest's test cases. A file that failed without a failing case
  # (a crash, or no case run) counts as one failure.
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$LOG_DIR/ctest.log" | tail -1)
  if [ -n "$line" ]; then
    echo "  $line (test files)"
    read -r p f < <(sed -nE 's/^[0-9]+: \[doctest\] test cases: *[0-9]+ \| *([0-9]+) passed \| *([0-9]+) failed.*/\1 \2/p' "$LOG_DIR/ctest.log" \
      | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
    echo "  doctest: $p test cases passed, $f failed"
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    for n in $(sed -nE 's/^\s+([0-9]+) - .*\((Failed|SEGFAULT|Subprocess aborted|Timeout|Exception|Not Run)[^)]*\)$/\1/p' "$LOG_DIR/ctest.log"); do
      grep -E "^\s+$n - " "$LOG_DIR/ctest.log" | tail -1
      grep -qE "^$n: \[doctest\] test cases:.*\| *[1-9][0-9]* failed" "$LOG_DIR/ctest.log" || FAILED=$((FAILED + 1))
    done
    grep -E "^[0-9]+: .*(ERROR|FATAL ERROR): " "$LOG_DIR/ctest.log" | head -20
  else fail_stage "ctest" ctest.log; fi
else fail_stage "native build" native-build.log; tail -n 30 "$LOG_DIR/native-build.log"; fi

stage "web build (emscripten $(cat emsdk-version.txt))"
WEB_OK=0
if [ -f "$ST/web.ok" ]; then
  WEB_OK=1; took web-build
  ls -l dist/stemcell-widgets.js dist/stemcell-widgets.wasm
else fail_stage "web build" web-build.log; tail -n 30 "$LOG_DIR/web-build.log"; fi

stage "node tests (browser in Chromium, schema)"
if [ "$WEB_OK" = 1 ]; then
  took node-tests
  grep -E "^(not )?ok " "$LOG_DIR/node-tests.log" | sed 's/^/  /'
  grep -B2 -A30 "^not ok" "$LOG_DIR/node-tests.log" | head -120
  p=$(grep -E "^# pass [0-9]+" "$LOG_DIR/node-tests.log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$LOG_DIR/node-tests.log" | tail -1 | awk '{print $3}')
  if [ -n "$p" ] && [ -n "$f" ]; then PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); else fail_stage "node tests" node-tests.log; fi
else fail_stage "browser tests (no bundle)" web-build.log; fi

stage "WordPress (Debian's wordpress + MariaDB + Apache on loopback; tests/wordpress/run.sh)"
if [ "$WEB_OK" = 1 ]; then
  took wordpress
  rc=$(rc_of wordpress)
  grep -E "^(not )?ok |^FAILED" "$LOG_DIR/wordpress.log" | sed 's/^/  /'
  grep -B2 -A30 "^not ok" "$LOG_DIR/wordpress.log" | head -80
  p=$(grep -E "^# pass [0-9]+" "$LOG_DIR/wordpress.log" | tail -1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$LOG_DIR/wordpress.log" | tail -1 | awk '{print $3}')
  if [ -n "$p" ] && [ -n "$f" ] && { [ "$rc" = 0 ] || [ "$f" -gt 0 ]; }; then PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  else fail_stage "WordPress" wordpress.log; tail -n 20 "$LOG_DIR/wordpress.log"; fi
else fail_stage "WordPress (no bundle)" web-build.log; fi

if [ -x tools/fuzz.sh ]; then
  stage "fuzz (build + 10 s run)"
  took fuzz
  if [ "$(rc_of fuzz)" = 0 ]; then PASSED=$((PASSED + 1)); tail -n 3 "$LOG_DIR/fuzz.log"
  else fail_stage "fuzz" fuzz.log; tail -n 40 "$LOG_DIR/fuzz.log"; fi
fi

echo
echo "all stages: $(( $(date +%s) - T0 )) s"

if [ "$BENCH" = 1 ]; then
  stage "benchmarks (figures, not tests)"
  bash tools/bench.sh 200 --native || echo "(benchmark did not run)"
fi

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
