#!/usr/bin/env bash
# Command 2: the whole test suite. Sets up what is missing (tools, Chromium, PostgreSQL, Redis
# and an S3-compatible server (moto) on loopback), then runs format, clippy on both targets,
# unit and integration tests on SQLite and PostgreSQL, media storage tests on local disk and S3,
# the delivery lint, the script size ceiling of the release build (bench/size-report.mjs), the
# Playwright browser tests against that build, a caching-proxy test (nginx standing in for the
# CDN) and the REST API contract test (schemathesis) against the same running server.
#
#   scripts/test.sh            everything
#   LECTERN_SKIP_E2E=1 ...      everything but the browser tests (quick local loop)
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
case "$TEST_DATABASE_URL" in
  *@127.0.0.1:*|*@localhost:*|*@\[::1\]:*) ;;
  *) die "TEST_DATABASE_URL must point at loopback, not ${TEST_DATABASE_URL#*@}" ;;
esac

export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
case "$TEST_REDIS_URL" in
  redis://127.0.0.1:*|redis://localhost:*|redis://\[::1\]:*) ;;
  *) die "TEST_REDIS_URL must point at loopback" ;;
esac

# The S3-compatible server for the media storage tests: used if it already answers, otherwise
# moto is started here (and stopped on exit). The S3 tests fail, never skip, under this script.
export TEST_S3_ENDPOINT="${TEST_S3_ENDPOINT:-http://127.0.0.1:9090}"
case "$TEST_S3_ENDPOINT" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) die "TEST_S3_ENDPOINT must point at loopback (http://127.0.0.1:PORT), not $TEST_S3_ENDPOINT" ;;
esac
export LECTERN_REQUIRE_S3=1
MOTO_REQUIREMENT="moto[server]==5.2.5"
SCHEMATHESIS_REQUIREMENT="schemathesis==4.32.5"

# Whatever this script starts is stopped when it exits, however it exits.
s3_pid=""
server_pid=""
e2e_dir=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$e2e_dir" ]; then rm -rf "$e2e_dir"; fi
  if [ -n "$s3_pid" ]; then kill "$s3_pid" 2>/dev/null || true; wait "$s3_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

started=$(date +%s)
step() { log "$*  [+$(( $(date +%s) - started ))s]"; }

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  step "Starting PostgreSQL on 127.0.0.1:5432"
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql postgresql-client
  local version
  version="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$version" ] || die "PostgreSQL installed but no cluster found under /etc/postgresql"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL did not start"
  # A fresh Debian cluster asks for a password on TCP: give the test user the one in the URL.
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" || true
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then return; fi
  step "Starting Redis on 127.0.0.1:6379"
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server redis-tools
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
  redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG || die "Redis did not start"
}

s3_answers() { curl -s -o /dev/null --max-time 2 "$TEST_S3_ENDPOINT/"; }

ensure_s3() {
  if s3_answers; then return; fi
  local venv="$LECTERN_CACHE/s3-venv" hostport host port
  # Pinned, in its own virtualenv (like scripts/lint-infra.sh), reinstalled when the pin moves.
  # Not any moto_server on the PATH: moto 5.2.1 answers CompleteMultipartUpload with an XML
  # root the AWS SDK cannot parse (fixed by 5.2.5).
  if [ ! -x "$venv/bin/moto_server" ] || [ "$(cat "$venv/.lectern-requirements" 2>/dev/null)" != "$MOTO_REQUIREMENT" ]; then
    step "Installing $MOTO_REQUIREMENT into $venv"
    command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
    rm -rf "$venv"
    mkdir -p "$LECTERN_CACHE"
    python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; apt_install python3-venv; python3 -m venv "$venv"; }
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "$MOTO_REQUIREMENT"
    printf '%s' "$MOTO_REQUIREMENT" > "$venv/.lectern-requirements"
  fi
  hostport="${TEST_S3_ENDPOINT#http://}"; hostport="${hostport%%/*}"
  port="${hostport##*:}"; host="${hostport%:*}"; host="${host#[}"; host="${host%]}"
  step "Starting moto (S3) on $host:$port"
  mkdir -p "$LECTERN_CACHE"
  "$venv/bin/moto_server" -H "$host" -p "$port" >"$LECTERN_CACHE/moto.log" 2>&1 &
  s3_pid=$!
  for _ in $(seq 1 60); do
    s3_answers && return
    kill -0 "$s3_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$LECTERN_CACHE/moto.log" >&2 || true
  die "moto_server did not answer on $TEST_S3_ENDPOINT"
}

# schemathesis, pinned, in its own virtualenv (reinstalled when the pin moves).
ensure_schemathesis() {
  st_venv="$LECTERN_CACHE/schemathesis-venv"
  if [ -x "$st_venv/bin/schemathesis" ] && [ "$(cat "$st_venv/.lectern-requirements" 2>/dev/null)" = "$SCHEMATHESIS_REQUIREMENT" ]; then return; fi
  step "Installing $SCHEMATHESIS_REQUIREMENT into $st_venv"
  command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
  rm -rf "$st_venv"
  mkdir -p "$LECTERN_CACHE"
  python3 -m venv "$st_venv" 2>/dev/null || { rm -rf "$st_venv"; apt_install python3-venv; python3 -m venv "$st_venv"; }
  "$st_venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "$SCHEMATHESIS_REQUIREMENT"
  printf '%s' "$SCHEMATHESIS_REQUIREMENT" > "$st_venv/.lectern-requirements"
}

# Runs the suite with per-test time limits (.config/nextest.toml): a hung test fails with its
# name within minutes instead of stalling the run.
ensure_nextest() {
  command -v cargo-nextest >/dev/null 2>&1 && return
  step "Installing cargo-nextest (once per machine)"
  cargo install --locked cargo-nextest
}

# The certificate tests read rendered PDFs back with poppler (pdftotext, pdffonts, pdftoppm).
ensure_poppler() {
  command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && return
  step "Installing poppler-utils (once per machine)"
  apt_install poppler-utils
}

step "Setting up tools"
ensure_build_tools
ensure_nextest
ensure_poppler
ensure_postgres
ensure_redis
ensure_s3

step "Format check"
cargo fmt --all -- --check

export CARGO_TARGET_DIR="$CHECK_TARGET_DIR"
step "Clippy (native, ssr)"
cargo clippy --locked --workspace --exclude frontend --all-targets --features app/ssr -- -D warnings
step "Clippy (wasm32, hydrate)"
cargo clippy --locked -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

step "Unit and integration tests (SQLite and PostgreSQL; media on local disk and S3)"
cargo nextest run --locked --workspace --exclude frontend --features app/ssr --no-tests=fail

step "Delivery lint (Dockerfile, workflows, Terraform)"
"$ROOT/scripts/lint-infra.sh"

if [ "${LECTERN_SKIP_E2E:-0}" = "1" ]; then
  step "Skipping browser tests (LECTERN_SKIP_E2E=1)"
  exit 0
fi

unset CARGO_TARGET_DIR
ensure_chromium
npm_ci "$ROOT/end2end"
# Content-hashed /pkg/ names, as in the container: the proxy test checks they are cached.
LEPTOS_HASH_FILES=true build_site

step "Script size (JS + WASM a first visit fetches, brotli)"
node "$ROOT/bench/size-report.mjs" --check "$ROOT/target/site/pkg"

step "Browser tests (Playwright, Debian Chromium)"
start_e2e_server
if ! (cd "$ROOT/end2end" && LECTERN_BASE_URL="http://127.0.0.1:$port" npx playwright test); then
  echo "--- server log (last 40 lines) ---"; tail -n 40 "$e2e_dir/server.log"
  exit 1
fi

step "Caching proxy test (nginx in front of the same server)"
if ! "$ROOT/scripts/proxy-test.sh" "$port"; then
  echo "--- server log (last 40 lines) ---"; tail -n 40 "$e2e_dir/server.log"
  exit 1
fi
# Last: with an all-scope admin token it may unpublish courses and change roles.
step "API contract test (schemathesis over every /api/v1 operation)"
ensure_schemathesis
api_token="$(DATABASE_URL="sqlite://$e2e_dir/lectern.db?mode=rwc" "$BUILD_TARGET_DIR/release/server" \
  create-token --email "$LECTERN_E2E_ADMIN_EMAIL" --name schemathesis --scopes read,learn,teach,admin)"
if ! "$ROOT/scripts/api-contract.sh" "http://127.0.0.1:$port" "$api_token"; then
  echo "--- server log (last 40 lines) ---"; tail -n 40 "$e2e_dir/server.log"
  exit 1
fi
step "All checks passed"
