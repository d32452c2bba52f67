#!/usr/bin/env bash
# Runs every gate and test: formats and lints, Rust unit, property and command tests, UI tests,
# then the end-to-end suite against the real app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "set-up"
scripts/setup.sh --e2e

step "UI: types, lint, format, tests, build"
(cd ui && npm run check && npm run lint && npm test && npm run build)

step "Rust: format, lint, tests"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

step "end to end: the real app under Xvfb"
ui/node_modules/.bin/tauri build --debug --no-bundle
cargo build --locked -p waymark-cli
# Its own session bus, ended with the run, so no bus or accessibility daemon outlives it; the
# bound stops a stuck run long before CI's limit.
NO_AT_BRIDGE=1 GTK_A11Y=none timeout -k 30 30m \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1440x900x24" npm --prefix tests/e2e test
