#!/usr/bin/env bash
# Fuzzes the GIFT and CSV importers, the markdown renderer and the graders with libFuzzer
# (cargo-fuzz's `--sanitizer none` mode, which works on stable Rust) and prints how many
# inputs each target ran. See fuzz/README.md and the "Fuzzing" section of bench/README.md.
#
#   bench/fuzz.sh [RUNS] [TARGET...]     RUNS inputs per target (default 10000000);
#                                        targets default to: gift csv markdown grade
#   bench/fuzz.sh --minimize [TARGET...] merges what the last runs found into fuzz/corpus/
#
# Environment: CARGO_TARGET_DIR (default fuzz/target), FUZZ_WORK (working corpora and
# crashes, default $CARGO_TARGET_DIR/fuzz-work), FUZZ_PARALLEL (targets at once, default 1).
# Campaigns run under `nice -n 19`. Exits non-zero when a target found a crash; the input
# is saved under $FUZZ_WORK/artifacts/TARGET/ (replay: the target binary with that file).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/fuzz/target}
work=${FUZZ_WORK:-$CARGO_TARGET_DIR/fuzz-work}
parallel=${FUZZ_PARALLEL:-1}
all_targets=(gift csv markdown grade)

minimize=0
runs=10000000
if [[ ${1:-} == --minimize ]]; then
  minimize=1
  shift
elif [[ ${1:-} =~ ^[0-9]+$ ]]; then
  runs=$1
  shift
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

# cargo-fuzz from crates.io, once (0.13.2 builds on stable with --locked).
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz@0.13.2 --locked
fi

# Release build with debug assertions and overflow checks; coverage instrumentation only
# (sanitizers need nightly and safe Rust does not need them).
nice -n 19 cargo fuzz build -s none -a
bin=$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release

if [[ $minimize == 1 ]]; then
  for t in "${targets[@]}"; do
    fresh=$(mktemp -d)
    # Edges only (no hit counts, no comparison operands): the smallest set that reaches
    # every branch the runs reached, so the repository keeps tens to hundreds of files.
    nice -n 19 "$bin/$t" -merge=1 -use_counters=0 -use_cmp=0 -use_value_profile=0 \
      "$fresh" "corpus/$t" "$work/$t" >"$work/$t-merge.log" 2>&1
    rm -rf "corpus/$t"
    mv "$fresh" "corpus/$t"
    echo "$t: $(find "corpus/$t" -type f | wc -l) files in fuzz/corpus/$t"
  done
  exit 0
fi

run() {
  local t=$1
  mkdir -p "$work/$t" "$work/artifacts/$t" "corpus/$t"
  local start=$SECONDS status=0
  nice -n 19 "$bin/$t" "$work/$t" "corpus/$t" -runs="$runs" -timeout=30 \
    -artifact_prefix="$work/artifacts/$t/" -print_final_stats=1 >"$work/$t.log" 2>&1 ||
    status=$?
  local executed outcome
  executed=$(grep -a 'stat::number_of_executed_units' "$work/$t.log" | awk '{print $2}')
  case $status in
    0) outcome=ok ;;
    72) outcome="interrupted" ;;
    *) outcome="CRASH (exit $status; see $work/$t.log and $work/artifacts/$t/)" ;;
  esac
  printf '%-9s %12s executions in %6ss  corpus %5s files  %s\n' "$t" "${executed:-?}" \
    $((SECONDS - start)) "$(find "$work/$t" -type f | wc -l)" "$outcome"
  [[ $status == 0 ]]
}

failed=0
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  if [[ ${#pids[@]} -ge $parallel ]]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do
  wait "$p" || failed=1
done
exit $failed
