#!/usr/bin/env bash
# Server benchmark, on loopback, release builds, in one run: a plain axum "hello world"
# (bench/hello-axum, the baseline), then Lectern's catalogue, a course page, a lesson page
# (signed in, enrolled), the catalogue rendered for a signed-in learner (default order, and
# highest rated with the 4-stars filter) and the record_progress server function. For each: requests/s with
# wrk at saturation, p50/p99 latency, the ratio to the baseline, and p99 at half the saturation
# rate (hey, rate-limited). Also: time from process start to /readyz 200 (first start with
# migrations and demo content, and a restart), and the server's peak RSS.
#
#   bench/server-bench.sh              SQLite (the embedded default), in-process sessions
#   bench/server-bench.sh --postgres   PostgreSQL (TEST_DATABASE_URL's server, database
#                                      lectern_bench, recreated) and Redis sessions (REDIS_URL)
#
# BENCH_SECONDS (10), BENCH_CONNECTIONS (32) and BENCH_LEARNERS (400) tune it. wrk, hey and the
# client run on the same machine as the server: every figure, the baseline's included, pays
# that, which is why the ratios are the figures to compare.
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

backend="sqlite"
[ "${1:-}" = "--postgres" ] && backend="postgres"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
learners="${BENCH_LEARNERS:-400}"
hello_port=3299
course="intro-to-machine-learning"
lesson="supervised-vs-unsupervised"

command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v hey >/dev/null 2>&1 || apt_install hey
ensure_release_build
log "Building the baseline (bench/hello-axum, release profile)"
CARGO_TARGET_DIR="$BUILD_TARGET_DIR" cargo build --locked --release -p hello-axum

bench_setup

log "Starting Lectern ($backend) and the baseline"
time_to_ready
first_start_ms="$ready_ms"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
time_to_ready
restart_ms="$ready_ms"
"$BUILD_TARGET_DIR/release/hello-axum" "127.0.0.1:$hello_port" &
hello_pid=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$hello_port/" 2>/dev/null; do sleep 0.05; done

"$BUILD_TARGET_DIR/release/server" api-paths >"$work/paths"
lesson_page_path="$(api_path get_lesson_page)"
progress_path="$(api_path record_progress)"
rss_phases=("after start: $(server_rss_mb)")
log "Signing up $learners learners, enrolled in $course"
python3 "$ROOT/bench/load/learners.py" "$base" "$work/paths" "$learners" "$course" "$work/cookies"
cookie="$(head -n 1 "$work/cookies")"
rss_phases+=("after $learners sign-ups: $(server_rss_mb) (peak $(server_peak_rss_mb))")
lesson_id="$(curl -fsS -X POST -H "Origin: $base" -H "Accept: application/json" -H "Cookie: $cookie" \
  --data "course=$course&lesson=$lesson" "$base$lesson_page_path" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["lesson"]["id"])')"

# Converts wrk's "1.23ms" / "456.00us" / "1.02s" to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n
  }'
}

# Runs wrk on one target; sets rps, p50, p99, errors.
saturate() {
  local out
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")"
  echo "$out" >>"$work/wrk.log"
  rps="$(echo "$out" | awk '/^Requests\/sec:/ { printf "%d", $2 }')"
  p50="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")"
  p99="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
  errors="$(echo "$out" | awk '/Non-2xx or 3xx responses:/ { print $5 }')"
  errors="${errors:-0}"
  if echo "$out" | grep -q "Socket errors:"; then
    errors="$errors; $(echo "$out" | grep "Socket errors:" | sed 's/^ *//')"
  fi
}

# p99 in ms at half the given saturation rate (hey: 16 workers, each limited to rate/32 req/s).
half_rate_p99() {
  local rate="$1"; shift
  local per_worker=$(( rate / 32 ))
  [ "$per_worker" -ge 1 ] || per_worker=1
  hey -z "${seconds}s" -c 16 -q "$per_worker" "$@" |
    awk '/99%% in|99% in/ { printf "%.2f", $3 * 1000 }'
}

results=()
run() {
  local label="$1"; shift
  log "wrk: $label"
  saturate "$@"
  results+=("$label|$rps|$p50|$p99|$errors")
  rss_phases+=("after $label: $(server_rss_mb) (peak $(server_peak_rss_mb))")
}

run "hello world (baseline)" "http://127.0.0.1:$hello_port/"
baseline="$rps"
baseline_half="$(half_rate_p99 "$baseline" "http://127.0.0.1:$hello_port/")"
run "GET /courses" "$base/courses"
catalogue_half="$(half_rate_p99 "$rps" "$base/courses")"
run "GET /courses/$course" "$base/courses/$course"
course_half="$(half_rate_p99 "$rps" "$base/courses/$course")"
run "GET lesson page (signed in, enrolled)" -H "Cookie: $cookie" "$base/courses/$course/lessons/$lesson"
lesson_half="$(half_rate_p99 "$rps" -H "Cookie: $cookie" "$base/courses/$course/lessons/$lesson")"
# Signed in, the catalogue is rendered for every request (the page cache serves visitors only):
# the default order, and the "Highest rated" order with the "4 stars & up" filter.
run "GET /courses (signed in, rendered)" -H "Cookie: $cookie" "$base/courses"
run "GET /courses?sort=rating&rating=4 (signed in, rendered)" -H "Cookie: $cookie" "$base/courses?sort=rating&rating=4"
log "wrk: record_progress ($learners learners in turn)"
COOKIES="$work/cookies" PROGRESS_PATH="$progress_path" LESSON_ID="$lesson_id" ORIGIN="$base" \
  saturate -s "$ROOT/bench/load/progress.lua" "$base"
results+=("POST record_progress|$rps|$p50|$p99|$errors")
rss_phases+=("after record_progress: $(server_rss_mb) (peak $(server_peak_rss_mb))")

rss_mb="$(server_peak_rss_mb)"
halves=("$baseline_half" "$catalogue_half" "$course_half" "$lesson_half" "-" "-" "-")

echo
echo "Backend: $backend. wrk -t2 -c$connections -d${seconds}s; half-rate p99 by hey -c16 at half the wrk rate."
echo
echo "| target | req/s | × baseline | p50 ms | p99 ms | p99 ms at half rate | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for i in "${!results[@]}"; do
  IFS='|' read -r label r_rps r_p50 r_p99 r_errors <<<"${results[$i]}"
  ratio="$(awk -v r="$r_rps" -v b="$baseline" 'BEGIN { printf "%.4f", r / b }')"
  echo "| $label | $r_rps | $ratio | $r_p50 | $r_p99 | ${halves[$i]} | $r_errors |"
done
echo
echo "Start to /readyz 200: ${first_start_ms} ms (new database: migrations and demo content), ${restart_ms} ms (restart)."
echo "Server peak RSS: $rss_mb MB. RSS in MB by phase:"
printf -- '- %s\n' "${rss_phases[@]}"
