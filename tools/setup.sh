#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, as root. Idempotent: quick when all is there.
# Sources: Debian's archive (packages and the Dear ImGui source package) and the npm registry. Nothing else.
#   tools/setup.sh build   what building the bundle needs (used by tools/serve.sh)
#   tools/setup.sh         everything, tests included (used by tools/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE="${1:-all}"

APT_PACKAGES=(cmake make g++ dpkg-dev emscripten nlohmann-json3-dev python3 brotli)
# Tests: the native build draws with an embedded Inter subset (the web bundle uses the browser's fonts);
# a CJK font lets the browser tests see Japanese names drawn.
[ "$PROFILE" = "build" ] || APT_PACKAGES+=(clang libclang-rt-14-dev doctest-dev chromium fonts-inter python3-fonttools fonts-droid-fallback)
# The real-WordPress test (tests/wordpress/run.sh): WordPress 6.1, its default theme, MariaDB, Apache + PHP.
WP_PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql)
[ "$PROFILE" = "build" ] || APT_PACKAGES+=("${WP_PACKAGES[@]}")
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js: keep whatever node/npm the machine has (some images ship a node that bundles npm and
# conflicts with Debian's npm package); install Debian's only when the commands are missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

# Dear ImGui comes as Debian's source package, so apt needs a deb-src entry for Debian's own archive.
need_imgui=0
ls third_party/imgui/imgui.h >/dev/null 2>&1 || need_imgui=1
if [ "$need_imgui" = 1 ] && ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  # Mirror the machine's own Debian sources (whatever archive or mirror it is set up with) as deb-src,
  # so no archive host is written into this project.
  echo "setup: adding deb-src entries mirroring this machine's Debian sources (Dear ImGui sources)"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && grep -qiE '^URIs:.*debian' "$f" || continue
    sed -E 's/^Types:.*/Types: deb-src/' "$f"; echo
  done | $SUDO tee /etc/apt/sources.list.d/stemcell-widgets-src.sources >/dev/null
  grep -hE '^deb [^ ]*debian' /etc/apt/sources.list 2>/dev/null | sed -E 's/^deb /deb-src /' \
    | $SUDO tee /etc/apt/sources.list.d/stemcell-widgets-src.list >/dev/null || true
  missing+=("__update__")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  pkgs=(); for p in "${missing[@]}"; do [ "$p" = "__update__" ] || pkgs+=("$p"); done
  # Installing mariadb-server or apache2 must not leave system services running (the WordPress test starts its
  # own on loopback and stops them): keep services from starting during the install, unless a policy exists.
  policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# added by stemcell-widgets tools/setup.sh during apt-get install\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d; policy_added=1
  fi
  rc=0
  [ ${#pkgs[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null || rc=$?
  [ "$policy_added" = 0 ] || $SUDO rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || exit "$rc"
fi

if [ "$need_imgui" = 1 ]; then
  echo "setup: fetching Dear ImGui sources with apt-get source"
  rm -rf third_party/imgui third_party/imgui-src && mkdir -p third_party/imgui-src
  (cd third_party/imgui-src && apt-get source -qq imgui >/dev/null 2>&1 || apt-get source imgui)
  src=$(find third_party/imgui-src -maxdepth 1 -mindepth 1 -type d -name 'imgui*' | head -1)
  [ -n "$src" ] && [ -f "$src/imgui.h" ] || { echo "setup: imgui sources not found after apt-get source" >&2; exit 1; }
  ln -sfn "imgui-src/$(basename "$src")" third_party/imgui
fi

# npm packages pinned by package-lock.json: the browser tests' tools and Closure Compiler for the web build.
# No browser download: Debian's chromium is used.
# Whether node_modules matches the lock file is decided by the lock file's content (its hash, written after a
# successful install), not by modification times, which a fresh checkout or a second worktree resets.
if [ -f package-lock.json ]; then
  lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -d node_modules ] || [ "$(cat node_modules/.scw-lock-sha256 2>/dev/null)" != "$lock_hash" ]; then
    echo "setup: npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" > node_modules/.scw-lock-sha256
  fi
fi
echo "setup: ok"
