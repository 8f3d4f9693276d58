#!/usr/bin/env bash
# Webhook throughput: signed Stripe events per second through verification and fulfilment,
# against a plain 200 handler in the same run (server/benches/webhooks.rs). Not part of CI.
#
#   bench/webhook-bench.sh                       debug build, SQLite file, 2,000 events
#   bench/webhook-bench.sh --release             release build (compiles app and server in release)
#   bench/webhook-bench.sh --database postgres://postgres:postgres@127.0.0.1:5432/lectern_webhooks
#
# Loopback only: --database must point at 127.0.0.1 or localhost (it is dropped and recreated).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${LECTERN_CHECK_TARGET_DIR:-$HOME/.cache/lectern/target-check}}"
mode=test
args=()
for arg in "$@"; do
  case "$arg" in
    --release) mode=bench; continue ;;
    postgres://*)
      case "$arg" in *@127.0.0.1:*|*@localhost:*) ;; *) echo "only loopback services: $arg" >&2; exit 1 ;; esac
      db="${arg##*/}"; admin="${arg%/*}/postgres"
      psql "$admin" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" ;;
  esac
  args+=("$arg")
done
exec cargo "$mode" --locked -p server --bench webhooks --features app/ssr -- "${args[@]}"
