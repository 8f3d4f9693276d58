# shellcheck shell=bash
# Shared by bench/server-bench.sh and bench/quiz-storm.sh: the release build, a fresh database
# (an SQLite file, or PostgreSQL database lectern_bench with Redis sessions), the server started
# as scripts/serve.sh starts it, and cleanup. Sourced, not run; the caller sets `backend`
# (sqlite or postgres) before calling bench_setup.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT" || exit 1

server_port=3298
base="http://127.0.0.1:$server_port"
work=""
server_pid=""
hello_pid=""
redis_prefix="bench-$(date +%s)-"

# The release server and split site, built as scripts/serve.sh builds them, unless present.
ensure_release_build() {
  ensure_build_tools
  if [ ! -x "$BUILD_TARGET_DIR/release/server" ] || [ ! -d "$ROOT/target/site/pkg" ]; then
    LEPTOS_HASH_FILES=true build_site
  fi
}

# Stops what bench_setup and the caller started; removes the work dir and the Redis keys.
stop_all() {
  for pid in $server_pid $hello_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$backend" = "postgres" ]; then
    redis-cli -u "$REDIS_URL" --scan --pattern "${redis_prefix}*" |
      xargs -r redis-cli -u "$REDIS_URL" del >/dev/null || true
  fi
  [ -z "$work" ] || rm -rf "$work"
}

# Makes the work dir and a fresh database; everything started is stopped on exit.
bench_setup() {
  work="$(mktemp -d)"
  trap stop_all EXIT
  if [ "$backend" = "postgres" ]; then
    local admin_url="${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
    case "$admin_url" in
      *@127.0.0.1:*|*@localhost:*) ;;
      *) die "TEST_DATABASE_URL must point at loopback" ;;
    esac
    export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
    case "$REDIS_URL" in
      redis://127.0.0.1:*|redis://localhost:*) ;;
      *) die "REDIS_URL must point at loopback" ;;
    esac
    psql -q "$admin_url" -c "DROP DATABASE IF EXISTS lectern_bench" -c "CREATE DATABASE lectern_bench"
    export DATABASE_URL="${admin_url%/*}/lectern_bench"
    export REDIS_KEY_PREFIX="$redis_prefix"
  else
    export DATABASE_URL="sqlite://$work/lectern.db?mode=rwc"
  fi
}

# Starts the server as scripts/serve.sh runs it, with one trusted proxy hop so that each
# simulated learner is its own address for the per-address limits.
start_server() {
  LECTERN_DEMO=true TRUSTED_PROXY_HOPS=1 LEPTOS_ENV=PROD LEPTOS_HASH_FILES=true \
    MEDIA_DIR="$work/media" OUTBOX_DIR="$work/outbox" PUBLIC_URL="$base" \
    LEPTOS_SITE_ADDR="127.0.0.1:$server_port" LEPTOS_SITE_ROOT="$ROOT/target/site" \
    "$BUILD_TARGET_DIR/release/server" serve >>"$work/server.log" 2>&1 &
  server_pid=$!
}

# Starts the server; sets ready_ms to the milliseconds from start to its first /readyz 200.
time_to_ready() {
  local start now
  start=$(date +%s%N)
  start_server
  until curl -fsS -o /dev/null "$base/readyz" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { tail -n 30 "$work/server.log" >&2; die "server exited"; }
    sleep 0.01
  done
  now=$(date +%s%N)
  ready_ms=$(( (now - start) / 1000000 ))
}

# The path of server function $1, from `server api-paths` (listed once into $work/paths).
api_path() {
  [ -s "$work/paths" ] || "$BUILD_TARGET_DIR/release/server" api-paths >"$work/paths"
  awk -v name="/api/$1" '
    { rest = substr($2, length(name) + 1) }
    index($2, name) == 1 && rest ~ /^[0-9]*$/ { print $2; exit }' "$work/paths"
}

# Resident memory of the server now, in MB.
server_rss_mb() {
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status"
}

# The server's peak RSS so far, in MB.
server_peak_rss_mb() {
  awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status"
}
