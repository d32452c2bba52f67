#!/usr/bin/env bash
# Measures the merge view in the real app: from choosing Merge to the preview of two 5,000-card
# copies painted. Prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --e2e
# The app as users get it: a release build.
ui/node_modules/.bin/tauri build --no-bundle
cargo build --locked -p waymark-cli
WAYMARK_E2E_APP="$PWD/target/release/waymark" NO_AT_BRIDGE=1 GTK_A11Y=none dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1440x900x24" node tests/e2e/bench/merge.mjs
