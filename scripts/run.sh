#!/usr/bin/env bash
# Builds and starts Waymark on its default library (WAYMARK_DB, else the user's data folder).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ui/node_modules/.bin/tauri build --debug --no-bundle
exec target/debug/waymark "$@"
