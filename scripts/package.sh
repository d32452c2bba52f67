#!/usr/bin/env bash
# Builds Waymark's installers: a release .deb and .rpm in target/release/bundle/, with the app,
# the waymark-cli tool, the desktop entry (Office and Graphics), the icons and the
# .journey.json file type. Slow (a release build); not part of the tests.
#
#   scripts/package.sh            # then: sudo apt install ./target/release/bundle/deb/*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cargo build --release --locked -p waymark-cli
ui/node_modules/.bin/tauri build --bundles deb,rpm "$@"

echo
echo "Packages:"
ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm 2>/dev/null
