#!/usr/bin/env bash
# Offline learning, measured in Chromium against the release build (SQLite, demo content):
# the service worker's precache (files and bytes, raw and brotli) and the time from a reload to
# a painted and to a hydrated lesson page, three ways in one run (bench/README.md, "Offline"):
#   network   - no service worker, the browser's HTTP cache warm (the baseline)
#   shell     - the service worker answering the app shell, the page from the network
#   offline   - no network at all: the downloaded lesson and the shell from the caches
#
#   bench/offline-bench.sh [runs]     (default 15 reloads each)
# shellcheck source=bench/lib.sh
backend=sqlite
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-15}"

ensure_release_build
[ -f "$ROOT/target/site/sw.js" ] || (cd "$ROOT" && LEPTOS_HASH_FILES=true node scripts/build-sw.mjs target/site)
ensure_chromium
npm_ci "$ROOT/end2end"
bench_setup
time_to_ready
log "Server ready in ${ready_ms} ms; measuring ${runs} reloads each"
NODE_PATH="$ROOT/end2end/node_modules" node "$ROOT/bench/offline-bench.mjs" "$base" "$runs" "$ROOT/target/site"
