#!/usr/bin/env bash
# Installs everything Waymark needs on a fresh Debian/Ubuntu machine: system packages
# (only when missing), the UI's npm packages and, with --e2e, tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

want_e2e=0
[ "${1:-}" = "--e2e" ] && want_e2e=1

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libssl-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  fonts-dejavu-core
)
if [ "$want_e2e" = 1 ]; then
  packages+=(webkit2gtk-driver xvfb xauth dbus xdotool python3 poppler-utils qpdf imagemagick sqlite3 fonts-wqy-microhei)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing; install it from rustup.rs, then run this again" >&2
  exit 1
fi

npm_dirs=(ui)
[ "$want_e2e" = 1 ] && npm_dirs+=(tests/e2e)
for dir in "${npm_dirs[@]}"; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    # `npm install` follows the committed lock like `npm ci`, but does not insist on lock entries
    # for other platforms' optional packages (the Tauri CLI's), which some registries lack.
    (cd "$dir" && npm install --no-audit --no-fund)
  fi
done

if [ "$want_e2e" = 1 ] && ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked
fi
