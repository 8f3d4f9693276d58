#!/usr/bin/env bash
# Soak and fault bench: builds the server (release) and drives it with a mixed learner
# workload on loopback (server/benches/soak.rs). Not part of CI.
#
#   bench/soak.sh                         30 minutes, 8 learners, SQLite file
#   bench/soak.sh --minutes 5 --learners 4
#   bench/soak.sh --faults --minutes 6 \
#     --database postgres://postgres:postgres@127.0.0.1:5432/lectern_soak \
#     --redis redis://127.0.0.1:6379        restarts Postgres, then Redis, under load
#
# Loopback only: --database and --redis must point at 127.0.0.1 or localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
# The server under test: the release build serve.sh and test.sh make (cargo leptos), built
# from this checkout (server-function URLs differ between builds of different checkouts, and
# the load generator below must call the same ones).
# shellcheck source=scripts/lib.sh
source "scripts/lib.sh"
release_dir="$BUILD_TARGET_DIR"
server_bin="${LECTERN_SERVER_BIN:-$release_dir/release/server}"
for arg in "$@"; do
  case "$arg" in
    postgres://*|redis://*)
      case "$arg" in *@127.0.0.1:*|*@localhost:*|redis://127.0.0.1:*|redis://localhost:*) ;;
        *) echo "only loopback services: $arg" >&2; exit 1 ;; esac ;;
  esac
  case "$arg" in
    postgres://*)
      db="${arg##*/}"; admin="${arg%/*}/postgres"
      psql "$admin" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" ;;
  esac
done
if [ -z "${LECTERN_SERVER_BIN:-}" ]; then
  ensure_build_tools
  build_site
fi
# The load generator itself is I/O-bound: built with the test profile, beside the test build.
export CARGO_TARGET_DIR="${LECTERN_CHECK_TARGET_DIR:-$HOME/.cache/lectern/target-check}"
exec cargo test --locked -p server --bench soak --features app/ssr -- --server "$server_bin" "$@"
