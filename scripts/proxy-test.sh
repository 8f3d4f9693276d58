#!/usr/bin/env bash
# A caching reverse proxy in front of a running Lectern: nginx, honouring the app's
# Cache-Control and Vary headers the way CloudFront does, checks that a shared cache
#   (a) keeps hashed /pkg/ assets (MISS, then HIT),
#   (b) keeps anonymous HTML briefly (the catalogue: MISS, then HIT),
#   (c) never hands one user's signed-in HTML to anyone else,
#   (d) does not expose /metrics through the proxy.
#
#   scripts/proxy-test.sh PORT     Lectern already serving on 127.0.0.1:PORT, built and run
#                                  with LEPTOS_HASH_FILES=true (scripts/test.sh does this)
#
# Installs Debian's nginx when missing. nginx runs as the current user from a temporary
# directory (config, cache, pid, logs) on LECTERN_PROXY_PORT (default PORT+1), and is stopped
# on exit.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

upstream_port="${1:?usage: scripts/proxy-test.sh PORT (of the running Lectern server)}"
proxy_port="${LECTERN_PROXY_PORT:-$((upstream_port + 1))}"
upstream="http://127.0.0.1:$upstream_port"
proxy="http://127.0.0.1:$proxy_port"

curl -fsS -o /dev/null "$upstream/healthz" || die "no Lectern server answers on $upstream"
if curl -s -o /dev/null "$proxy/" 2>/dev/null; then
  die "port $proxy_port is taken (set LECTERN_PROXY_PORT)"
fi

NGINX="$(command -v nginx || true)"
if [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ]; then NGINX=/usr/sbin/nginx; fi
if [ -z "$NGINX" ]; then
  log "Installing nginx (the stand-in for the CDN)"
  apt_install nginx
  NGINX=/usr/sbin/nginx
fi

work="$(mktemp -d)"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { printf '  ok: %s\n' "$*"; }
fail() { printf '  FAILED: %s\n' "$*" >&2; failures=$((failures + 1)); }

mkdir -p "$work/cache" "$work/logs"
# `user` matters only when the master runs as root: keep the workers as this user too, so
# they can write the temporary directory.
cat >"$work/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log $work/logs/access.log;
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy_temp;
  fastcgi_temp_path $work/fastcgi_temp;
  uwsgi_temp_path $work/uwsgi_temp;
  scgi_temp_path $work/scgi_temp;
  # Like CloudFront with minimum TTL 0: the origin's Cache-Control decides; responses that
  # set cookies, or are private/no-cache/no-store, are not stored; Vary keys the variants.
  proxy_cache_path $work/cache levels=1:2 keys_zone=lectern:4m max_size=64m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass $upstream;
      proxy_http_version 1.1;
      # Its own loopback address: the app's per-address sign-up limit counts this test apart
      # from the browser tests that ran before it.
      proxy_bind 127.0.0.2;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_cache lectern;
      add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
EOF

"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "$proxy/healthz" && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/logs/error.log" >&2; die "nginx exited"; }
  sleep 0.2
done
curl -fsS -o /dev/null "$proxy/healthz" || { cat "$work/logs/error.log" >&2; die "nginx did not start"; }
log "nginx caching proxy on $proxy -> $upstream"

# fetch PATH [curl args...]: GET through the proxy; headers in $work/h, body in $work/b.
fetch() {
  local path="$1"
  shift
  curl -sS -o "$work/b" -D "$work/h" --compressed "$@" "$proxy$path" || return 1
}
# header NAME: the value of NAME in the last response ("" when absent).
header() {
  awk -v name="$1" 'tolower($1) == tolower(name) ":" { sub(/^[^:]*:[ \t]*/, ""); sub(/\r$/, ""); print; exit }' "$work/h"
}
status() { awk 'NR == 1 { print $2 }' "$work/h"; }
cache_status() { header X-Cache-Status; }

# --- (a) hashed assets --------------------------------------------------------------------------
log "(a) hashed /pkg/ assets are cached (every one the home page references)"
fetch / || die "GET / through the proxy failed"
assets="$(grep -oE '/pkg/[A-Za-z0-9_.-]+\.[0-9A-Za-z_-]{6,}\.(js|wasm|css)' "$work/b" | sort -u || true)"
if [ -z "$assets" ]; then
  fail "no content-hashed /pkg/ file referenced by / (is the server built and run with LEPTOS_HASH_FILES=true?)"
fi
for asset in $assets; do
  fetch "$asset"
  first="$(cache_status)"
  policy="$(header Cache-Control)"
  fetch "$asset"
  second="$(cache_status)"
  if [ "$(status)" = 200 ] && [ "$first" = MISS ] && [ "$second" = HIT ]; then
    pass "$asset: $first then $second ($policy)"
  else
    fail "$asset: status $(status), $first then $second, Cache-Control: $policy"
  fi
done

# --- (b) anonymous HTML -------------------------------------------------------------------------
log "(b) anonymous catalogue HTML is shared briefly"
catalogue="/courses?proxy-test=$$"
fetch "$catalogue"
first="$(cache_status)"
policy="$(header Cache-Control)"
fetch "$catalogue"
second="$(cache_status)"
case "$policy" in
  *public*max-age=*)
    if [ "$first" = MISS ] && [ "$second" = HIT ]; then
      pass "$catalogue: $first then $second ($policy)"
    else
      fail "$catalogue: $first then $second despite Cache-Control: $policy"
    fi
    ;;
  *) fail "$catalogue: anonymous HTML should be shared briefly, got Cache-Control: $policy" ;;
esac

# --- (c) signed-in HTML stays private -----------------------------------------------------------
log "(c) signed-in HTML is never served to anyone else"
jar="$work/cookies"
fetch /signup -c "$jar" || die "GET /signup failed"
sign_up_path="$(grep -oE 'action="/api/sign_up[^"]*"' "$work/b" | head -n 1 | sed -E 's/^action="([^"]*)"$/\1/' || true)"
[ -n "$sign_up_path" ] || die "no sign-up form (action=\"/api/sign_up…\") on /signup"
name="Proxy Tester $$$(date +%s)"
email="proxy-$$-$(date +%s)@example.org"
curl -sS -o "$work/b" -D "$work/h" -b "$jar" -c "$jar" \
  -H "Origin: $proxy" -H "Accept: application/json" \
  --data-urlencode "display_name=$name" --data-urlencode "email=$email" \
  --data-urlencode "password=correct horse battery staple 42" \
  "$proxy$sign_up_path"
if [ "$(status)" = 200 ] && grep -q "lectern_session" "$jar"; then
  pass "signed up through the proxy as \"$name\" (POST $sign_up_path)"
else
  fail "sign-up through the proxy: status $(status), $(head -c 300 "$work/b")"
fi
[ "$(cache_status)" != HIT ] || fail "a server-function answer came from the cache"

# A page nobody has fetched yet, first as the user, then anonymously.
page="/courses?proxy-private=$$"
fetch "$page" -b "$jar"
if grep -qF "$name" "$work/b" && [ "$(cache_status)" != HIT ]; then
  pass "signed in: $page shows the user's name, X-Cache-Status $(cache_status), Cache-Control: $(header Cache-Control)"
else
  fail "signed in: $page name shown: $(grep -cF "$name" "$work/b"), X-Cache-Status $(cache_status)"
fi
fetch "$page" -b "$jar"
[ "$(cache_status)" != HIT ] || fail "signed in, second request: the private page was served from the cache"
for attempt in first second; do
  fetch "$page"
  if grep -qF "$name" "$work/b"; then
    fail "anonymous ($attempt): the signed-in user's page was served (X-Cache-Status $(cache_status))"
  else
    pass "anonymous ($attempt): no user's name, X-Cache-Status $(cache_status)"
  fi
done

# --- (d) metrics stay internal ------------------------------------------------------------------
log "(d) /metrics is not reachable through the proxy"
fetch /metrics
case "$(status)" in
  401 | 403) pass "/metrics through the proxy: $(status)" ;;
  *) fail "/metrics through the proxy answered $(status)" ;;
esac

if [ "$failures" -gt 0 ]; then
  echo "--- nginx access log ---"
  cat "$work/logs/access.log" || true
  die "proxy test: $failures check(s) failed"
fi
log "proxy test passed"
