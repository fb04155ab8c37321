#!/usr/bin/env bash
# Command 1: builds the bundle and serves the demo on http://127.0.0.1:8000 (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh build
bash tools/build-web.sh
exec node tools/serve.mjs --port "${PORT:-8000}" --quiet
