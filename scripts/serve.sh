#!/usr/bin/env bash
# Command 1: set up whatever is missing, build, and serve Lectern on http://127.0.0.1:3000
# with the embedded defaults: SQLite in data/lectern.db, demo content on first start.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1
ensure_build_tools
build_site
log "Serving Lectern on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl-C to stop)"
export LECTERN_DEMO="${LECTERN_DEMO:-true}"
# The demo instructors (ada@lectern.dev, miguel@lectern.dev) sign in with this locally.
export LECTERN_DEMO_PASSWORD="${LECTERN_DEMO_PASSWORD:-lectern demo instructor}"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$ROOT/target/site}"
exec "$BUILD_TARGET_DIR/release/server" serve
