#!/usr/bin/env bash
# Deploy smoke test for browser POSTs: takes the sign-in form's server-function URL from the
# live page and posts a wrong password to it as a browser on the site would (same Origin).
# A 403 means the cross-site check refuses the site's own forms (PUBLIC_URL does not match
# the address browsers use); 422 (wrong password) is the expected answer.
#
#   scripts/smoke-post.sh https://learn.example.org
set -euo pipefail
base="${1:?usage: smoke-post.sh BASE_URL}"
base="${base%/}"
action="$(curl -fsS --max-time 10 "$base/sign-in" | grep -o 'action="/api/[^"]*"' | head -n 1 | cut -d'"' -f2)"
[ -n "$action" ] || { echo "no sign-in form found on $base/sign-in" >&2; exit 1; }
status="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base$action" \
  -H "Origin: $base" -H 'Accept: application/json' \
  --data-urlencode 'email=smoke-test@invalid.example' --data-urlencode 'password=not the password')"
echo "POST $action -> $status"
case "$status" in
  422|429) exit 0 ;;
  403) echo "the site's own form was refused as cross-site: check PUBLIC_URL" >&2; exit 1 ;;
  *) echo "unexpected status $status" >&2; exit 1 ;;
esac
