#!/usr/bin/env bash
# Builds the web bundle into dist/ (stemcell-widgets.js, .wasm, demo pages). Assumes tools/setup.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # Debian's emscripten needs it ("Cannot find module 'acorn'")
EXTRA=()
[ -n "${IMGUI_DIR:-}" ] && EXTRA+=("-DIMGUI_DIR=$IMGUI_DIR")
# emcmake's default emulator flag (--experimental-wasm-threads) is rejected by node 20: name node plainly.
emcmake cmake --preset web -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" "${EXTRA[@]}" >/dev/null
cmake --build --preset web -j"$(nproc)"
python3 tools/package-wordpress.py   # dist/stemcell-widgets-wordpress.zip (the plugin, with the bundle inside)
# The authoring studio (dist/studio.html): its editors and the default content bundled by esbuild from node_modules.
node web/studio/build.mjs
