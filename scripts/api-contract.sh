#!/usr/bin/env bash
# The REST API contract test: schemathesis generates requests for every operation of the
# OpenAPI document a running Lectern serves (valid and invalid ones), sends them with an API
# token, and checks every answer: never a 5xx, and status, content type, headers and body as
# the document says. Called by scripts/test.sh against its browser-test server.
#
#   scripts/api-contract.sh http://127.0.0.1:3107 lct_…
#
# The token should hold every scope (`server create-token --scopes read,learn,teach,admin`).
# Only loopback servers are tested: the run writes (enrolls, creates drafts, changes roles).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

base="${1:?usage: api-contract.sh BASE_URL TOKEN}"
token="${2:?usage: api-contract.sh BASE_URL TOKEN}"
case "$base" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) die "api-contract.sh tests loopback servers only, not $base" ;;
esac
st="${LECTERN_CACHE}/schemathesis-venv/bin/schemathesis"
[ -x "$st" ] || die "schemathesis is not installed at $st (scripts/test.sh installs it)"

report="$(mktemp -d)"
trap 'rm -rf "$report"' EXIT
# A fixed seed: a failure seen once is seen again on the next run.
"$st" run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples "${LECTERN_API_EXAMPLES:-100}" \
  --seed 1 \
  --workers 2 \
  --request-timeout 20 \
  --generation-database none \
  --no-color \
  --report junit --report-junit-path "$report/junit.xml"
status=$?
if [ -f "$report/junit.xml" ]; then
  python3 - "$report/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
failures = sum(int(s.get("failures", 0)) for s in suites)
errors = sum(int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(f"schemathesis: {tests} operations tested, {failures} failed, {errors} errors, {skipped} skipped")
PY
fi
exit "$status"
