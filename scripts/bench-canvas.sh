#!/usr/bin/env bash
# Measures the canvas in the real app: frame times of drags, Ctrl+wheel zoom and pans, the first
# paint of a 5,000-card map and the elements in the page. Prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --e2e
ui/node_modules/.bin/tauri build --debug --no-bundle
cargo build --locked -p waymark-cli
NO_AT_BRIDGE=1 GTK_A11Y=none dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1440x900x24" node tests/e2e/bench/canvas.mjs
