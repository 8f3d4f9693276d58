#!/usr/bin/env bash
# The browser tests alone, for working on them: builds the release site, starts it on a fresh
# demo database and runs Playwright with the arguments given (a spec file, --grep, --project).
# scripts/test.sh runs the same tests as part of the whole suite.
#
#   scripts/e2e.sh                              every browser test
#   scripts/e2e.sh tests/quiz.spec.ts -g order  some of them
#   LECTERN_E2E_NO_BUILD=1 scripts/e2e.sh ...   reuse the last build
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

server_pid=""
e2e_dir=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$e2e_dir" ]; then rm -rf "$e2e_dir"; fi
}
trap cleanup EXIT

ensure_build_tools
ensure_chromium
npm_ci "$ROOT/end2end"
if [ "${LECTERN_E2E_NO_BUILD:-0}" != "1" ]; then
  LEPTOS_HASH_FILES=true build_site
fi
start_e2e_server
if ! (cd "$ROOT/end2end" && LECTERN_BASE_URL="http://127.0.0.1:$port" npx playwright test "$@"); then
  echo "--- server log (last 40 lines) ---"; tail -n 40 "$e2e_dir/server.log"
  exit 1
fi
