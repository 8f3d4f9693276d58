#!/usr/bin/env bash
# Runs the tests that once hung (request metrics, and pages rendering while other servers
# start) RUNS times in a row, each run in a fresh process with the tests in parallel threads
# as `cargo test` runs them, and counts the runs that did not finish within 60 seconds.
#
#   bench/hang-loop.sh [RUNS]        default 50; the fix was proven with 500
#
# Needs PostgreSQL and Redis on loopback, as scripts/test.sh sets them up. Exits 1 if any
# run hung or failed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${LECTERN_CHECK_TARGET_DIR:-$HOME/.cache/lectern/target-check}}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"

binary="$(cargo test --locked -p server --test integration --features app/ssr --no-run \
  --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "integration" and m.get("executable"):
        print(m["executable"])' | tail -n 1)"
[ -x "$binary" ] || { echo "could not build the integration tests" >&2; exit 1; }

hung=0 failed=0 started=$(date +%s)
for i in $(seq 1 "$runs"); do
  set +e
  timeout 60 "$binary" metrics:: deadlines::pages_render >/tmp/lectern-hang-loop.log 2>&1
  code=$?
  set -e
  if [ "$code" = 124 ]; then
    hung=$((hung + 1)); echo "run $i: HUNG (log: /tmp/lectern-hang-loop.$i.log)"
    cp /tmp/lectern-hang-loop.log "/tmp/lectern-hang-loop.$i.log"
  elif [ "$code" != 0 ]; then
    failed=$((failed + 1)); echo "run $i: FAILED (exit $code, log: /tmp/lectern-hang-loop.$i.log)"
    cp /tmp/lectern-hang-loop.log "/tmp/lectern-hang-loop.$i.log"
  fi
  if [ $((i % 50)) = 0 ]; then echo "$i runs: $hung hung, $failed failed"; fi
done
echo "runs: $runs, hung: $hung, failed: $failed, seconds: $(( $(date +%s) - started ))"
[ "$hung" = 0 ] && [ "$failed" = 0 ]
