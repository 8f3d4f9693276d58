# shellcheck shell=bash
# Shared helpers for scripts/serve.sh and scripts/test.sh. Sourced, not run.
# Every ensure_* step is idempotent: it does nothing when the tool is already right.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LECTERN_CACHE="${LECTERN_CACHE:-$HOME/.cache/lectern}"
# cargo-leptos builds (release site + server) and plain cargo (clippy, tests) use separate
# target dirs: cargo-leptos compiles with its own environment, and sharing one dir would make
# each invalidate the other. Both live outside the clone so fresh clones reuse them.
BUILD_TARGET_DIR="${CARGO_TARGET_DIR:-$LECTERN_CACHE/target}"
export CHECK_TARGET_DIR="${LECTERN_CHECK_TARGET_DIR:-$LECTERN_CACHE/target-check}"
CARGO_LEPTOS_VERSION="0.3.10"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (install it yourself, or run as root)"
  fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

ensure_rust() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found: install the Rust toolchain (rustup) first"
  if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if command -v rustup >/dev/null 2>&1 && ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
}

ensure_cargo_leptos() {
  if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then return; fi
  log "Installing cargo-leptos $CARGO_LEPTOS_VERSION (once per machine; takes 20-35 minutes)"
  # no_downloads: tailwind and wasm-opt come from node_modules/.bin, not from GitHub.
  cargo install "cargo-leptos@$CARGO_LEPTOS_VERSION" --locked --features no_downloads
}

ensure_wasm_bindgen() {
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then return; fi
  log "Installing wasm-bindgen-cli $want (must equal the wasm-bindgen crate)"
  # Not --locked: its lockfile pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want" --force
}

# Installs DIR's npm packages unless node_modules already matches package-lock.json.
npm_ci() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "Installing npm packages in ${dir#"$ROOT"/}"
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20+"
    # `npm install --no-save`, not `npm ci`: it installs the locked versions too, but tolerates
    # optional platform packages (Tailwind's macOS/Windows builds) that a registry mirror may
    # not serve, and it never rewrites the lock file.
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --ignore-scripts)
  fi
}

ensure_build_tools() {
  ensure_rust
  ensure_cargo_leptos
  ensure_wasm_bindgen
  npm_ci "$ROOT"
}

# Builds the release server and site with cargo-leptos. --precompress: /pkg/ files are also
# written brotli (quality 11) and gzip compressed, and served so (leptos_axum's file handler),
# rather than compressed per request at a lower level. --split: the page groups of
# app/src/on_demand.rs become WASM chunks fetched on demand (bench/README.md, "Script size").
build_site() {
  log "Building Lectern (release: server + WASM + CSS)"
  (cd "$ROOT" && CARGO_TARGET_DIR="$BUILD_TARGET_DIR" cargo leptos build --release --precompress --split)
  # The service worker precaches exactly what this build wrote under target/site.
  (cd "$ROOT" && node scripts/build-sw.mjs target/site)
}

# Debian's Chromium for the browser tests (never a downloaded browser).
ensure_chromium() {
  CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
  if [ -z "$CHROMIUM_PATH" ]; then
    log "Installing Debian's Chromium for the browser tests"
    apt_install chromium
    CHROMIUM_PATH="$(command -v chromium)"
  fi
  export CHROMIUM_PATH
}

# Starts the release server on a fresh demo database for the browser tests (port
# LECTERN_E2E_PORT, default 3107) and waits until it is ready. Sets e2e_dir, port, server_pid
# and the LECTERN_E2E_* variables the Playwright tests read; the caller stops the server.
start_e2e_server() {
  e2e_dir="$(mktemp -d)"
  port="${LECTERN_E2E_PORT:-3107}"
  # A fresh demo database for every run, so the browser tests see exactly the demo catalogue.
  export LECTERN_OUTBOX="$e2e_dir/outbox"
  # The site the server serves: the service-worker test writes a "new deployment" of sw.js there.
  export LECTERN_E2E_SITE_ROOT="$ROOT/target/site"
  # The first admin, created with the CLI exactly as the README tells an operator to.
  export LECTERN_E2E_ADMIN_EMAIL="admin@e2e.lectern.test"
  LECTERN_E2E_ADMIN_PASSWORD="e2e admin passphrase $(date +%s)"
  export LECTERN_E2E_ADMIN_PASSWORD
  # The demo instructors' password, as scripts/serve.sh sets one for local demos.
  LECTERN_DEMO_PASSWORD="e2e demo instructor $(date +%s)"
  export LECTERN_DEMO_PASSWORD
  DATABASE_URL="sqlite://$e2e_dir/lectern.db?mode=rwc" LECTERN_ADMIN_PASSWORD="$LECTERN_E2E_ADMIN_PASSWORD" \
    "$BUILD_TARGET_DIR/release/server" create-admin --email "$LECTERN_E2E_ADMIN_EMAIL" --name "E2E Admin"
  # One trusted proxy hop: each Playwright test sends its own X-Forwarded-For (fixtures.ts), so
  # the per-address sign-in limits apply per simulated visitor, not to the whole suite.
  # The REST API's rate limit is lifted for the contract test (schemathesis) that follows.
  DATABASE_URL="sqlite://$e2e_dir/lectern.db?mode=rwc" TRUSTED_PROXY_HOPS=1 LECTERN_DEMO=true API_REQUESTS_PER_MINUTE=1000000 LEPTOS_ENV=PROD LEPTOS_HASH_FILES=true \
    OUTBOX_DIR="$LECTERN_OUTBOX" MEDIA_DIR="$e2e_dir/media" PUBLIC_URL="http://127.0.0.1:$port" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$ROOT/target/site" \
    "$BUILD_TARGET_DIR/release/server" serve >"$e2e_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$e2e_dir/server.log"; die "server exited"; }
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$e2e_dir/server.log"; die "server not ready"; }
}
