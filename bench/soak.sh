#!/usr/bin/env bash
# Soak and fault bench: a mixed learner workload against a real `server` process on loopback
# (server/benches/soak.rs). The server is the one built together with the load generator
# (server-function URLs are hashed per build, so both must come from one compilation):
# a debug build by default, a release build with --release. Not part of CI.
#
#   bench/soak.sh                         30 minutes, 8 learners, SQLite file
#   bench/soak.sh --release --minutes 30  the release build (compiles app and server in release)
#   bench/soak.sh --faults --minutes 6 \
#     --database postgres://postgres:postgres@127.0.0.1:5432/lectern_soak \
#     --redis redis://127.0.0.1:6379        restarts Postgres, then Redis, under load
#
# Loopback only: --database and --redis must point at 127.0.0.1 or localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${LECTERN_CHECK_TARGET_DIR:-$HOME/.cache/lectern/target-check}}"
mode=test
args=()
for arg in "$@"; do
  case "$arg" in
    --release) mode=bench; continue ;;
    postgres://*|redis://*)
      case "$arg" in *@127.0.0.1:*|*@localhost:*|redis://127.0.0.1:*|redis://localhost:*) ;;
        *) echo "only loopback services: $arg" >&2; exit 1 ;; esac ;;
  esac
  case "$arg" in
    postgres://*)
      db="${arg##*/}"; admin="${arg%/*}/postgres"
      psql "$admin" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" ;;
  esac
  args+=("$arg")
done
exec cargo "$mode" --locked -p server --bench soak --features app/ssr -- "${args[@]}"
