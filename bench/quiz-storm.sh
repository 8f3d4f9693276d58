#!/usr/bin/env bash
# Quiz-start storm: STORM_LEARNERS (2,000) learners, each signed in with their own session,
# start the same timed quiz within STORM_RAMP_SECONDS (60) and save one answer each, against
# the release server on PostgreSQL with Redis sessions, on loopback. The load generator is
# locust (PyPI, pinned, in its own virtualenv), which keeps each learner's cookie.
#
#   bench/quiz-storm.sh
#
# Prints locust's figures for start_attempt and save_answer (requests, failures, p50/p95/p99),
# the server's CPU time and peak RSS, and the generator's own CPU time. Fails when any request
# fails. The learners are signed up (and enrolled) before the storm, as they would be in a
# real class; that setup is not part of the figures.
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

backend="postgres"
learners="${STORM_LEARNERS:-2000}"
ramp="${STORM_RAMP_SECONDS:-60}"
course="intro-to-machine-learning"
lesson="check-your-understanding"
locust_requirement="locust==2.47.0"
venv="$LECTERN_CACHE/locust-venv"

ensure_release_build
if [ ! -x "$venv/bin/locust" ] || [ "$(cat "$venv/.lectern-requirements" 2>/dev/null)" != "$locust_requirement" ]; then
  log "Installing $locust_requirement into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "$locust_requirement"
  printf '%s' "$locust_requirement" >"$venv/.lectern-requirements"
fi

bench_setup
log "Starting Lectern (PostgreSQL, Redis sessions)"
time_to_ready

log "Signing up $learners learners, enrolled in $course (setup, not measured)"
"$BUILD_TARGET_DIR/release/server" api-paths >"$work/paths"
python3 "$ROOT/bench/load/learners.py" "$base" "$work/paths" "$learners" "$course" "$work/cookies"

# The storm's quiz gets a 15-minute time limit, as an instructor would set for an exam.
lesson_id="$(psql -tA "$DATABASE_URL" -c "SELECT l.id FROM lessons l JOIN courses c ON c.id = l.course_id
  WHERE c.slug = '$course' AND l.slug = '$lesson'")"
[ -n "$lesson_id" ] || die "no lesson $course/$lesson"
psql -q "$DATABASE_URL" -c "UPDATE quizzes SET settings = (settings::jsonb || '{\"time_limit_seconds\": 900}')::text
  WHERE lesson_id = $lesson_id"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks_per_second="$(getconf CLK_TCK)"
server_cpu_before="$(cpu_ticks)"

log "Storm: $learners learners start the quiz within ${ramp}s"
spawn_rate="$(awk -v n="$learners" -v s="$ramp" 'BEGIN { printf "%.2f", n / s }')"
set +e
STORM_COOKIES="$work/cookies" STORM_LESSON_ID="$lesson_id" \
  STORM_START_PATH="$(api_path start_attempt)" STORM_SAVE_PATH="$(api_path save_answer)" \
  bash -c '"$0" "$@"; status=$?; times >&2; exit $status' \
  "$venv/bin/locust" -f "$ROOT/bench/load/storm.py" --headless --host "$base" \
  --users "$learners" --spawn-rate "$spawn_rate" --run-time "$(( ramp + 15 ))s" \
  --csv "$work/storm" --only-summary 2>"$work/locust.err" >"$work/locust.out"
status=$?
set -e
server_cpu_after="$(cpu_ticks)"

echo
echo "| request | count | failures | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"
python3 - "$work/storm_stats.csv" <<'EOF'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["Name"] in ("start_attempt", "save_answer", "Aggregated"):
        print(f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} "
              f"| {row['95%']} | {row['99%']} | {float(row['Max Response Time']):.0f} |")
EOF
echo
echo "Server CPU during the storm: $(awk -v a="$server_cpu_before" -v b="$server_cpu_after" -v t="$ticks_per_second" 'BEGIN { printf "%.1f", (b - a) / t }') s; peak RSS $(server_peak_rss_mb) MB."
# bash's `times`: the shell's own line, then its children's (locust): user and system time.
echo "Load generator (locust) CPU: $(tail -n 1 "$work/locust.err")."
if [ "$status" -ne 0 ]; then
  echo "--- locust failures ---"
  cat "$work/storm_failures.csv" 2>/dev/null || tail -n 20 "$work/locust.err"
  exit 1
fi
