#!/usr/bin/env bash
# Fuzzes the content parser with libFuzzer (clang, ASan + UBSan). Seeds: data/ and tests/data/.
#   tools/fuzz.sh [SECONDS]     default 10 (the test command's smoke run: the seeds and ~50,000 mutations); 600 for
#                               the 10-minute run (before a release, after a parser change), 3600 for a long one
# Findings are written to test-artifacts/fuzz/ (crash-*, leak-*, timeout-*); exit status 1 when any.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-10}"
cmake --preset fuzz >/dev/null
# SCW_FUZZ_BUILD_NICE: the build's CPU priority (tools/test.sh builds it beside the browser tests); the run is not niced.
nice -n "${SCW_FUZZ_BUILD_NICE:-0}" cmake --build --preset fuzz --target fuzz_content -j"$(nproc)" >/dev/null
OUT=test-artifacts/fuzz; mkdir -p "$OUT"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/corpus"
cp data/*.json tests/data/*.json tests/data/invalid/*.json "$WORK/corpus/"
build/fuzz/tests/fuzz_content "$WORK/corpus" -max_total_time="$SECONDS_TO_RUN" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$OUT/" -print_final_stats=1 2>&1 | grep -v "# Uses: " | tail -n 25
