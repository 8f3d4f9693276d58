#!/usr/bin/env python3
"""Signs up N learners on a running Lectern and enrolls each in one course, for the benchmarks.

    learners.py BASE_URL API_PATHS_FILE COUNT COURSE_SLUG OUT_FILE [--threads 8]

Each learner comes from their own address (X-Forwarded-For, with the server trusting one
proxy hop), as real learners do, so the per-address sign-up limits apply per learner. Writes
one session cookie (`name=value`) per line to OUT_FILE. Standard library only.
"""

import argparse
import concurrent.futures
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def api_path(paths_file: str, name: str) -> str:
    """The path of server function `name` from `server api-paths` output."""
    with open(paths_file, encoding="utf-8") as f:
        for line in f:
            method, _, path = line.strip().partition(" ")
            rest = path.removeprefix(f"/api/{name}")
            if path.startswith(f"/api/{name}") and (rest == "" or rest.isdigit()):
                return path
    sys.exit(f"no server function {name} in {paths_file}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D102 - keep Set-Cookie of the answer
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def post(base: str, path: str, fields: dict, address: str, cookie: str | None = None):
    """POSTs a form to a server function; returns (status, headers, body)."""
    headers = {
        "Origin": base,
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "X-Forwarded-For": address,
    }
    if cookie:
        headers["Cookie"] = cookie
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers, method="POST")
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def address_of(index: int) -> str:
    return f"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}"


def make_learner(base: str, sign_up: str, enroll: str, run: str, slug: str, index: int) -> str:
    address = address_of(index + 1)
    status, headers, body = post(
        base,
        sign_up,
        {
            "display_name": f"Bench Learner {index}",
            "email": f"bench-{run}-{index}@bench.lectern.test",
            "password": f"bench learner passphrase {run} {index}",
        },
        address,
    )
    if status != 200:
        raise RuntimeError(f"sign up {index}: {status} {body[:200]!r}")
    cookie = next(
        (c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [] if "=" in c),
        None,
    )
    if not cookie:
        raise RuntimeError(f"sign up {index}: no session cookie")
    status, _, body = post(base, enroll, {"slug": slug}, address, cookie)
    if status != 200:
        raise RuntimeError(f"enroll {index}: {status} {body[:200]!r}")
    return cookie


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base")
    parser.add_argument("paths_file")
    parser.add_argument("count", type=int)
    parser.add_argument("slug")
    parser.add_argument("out")
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    sign_up = api_path(args.paths_file, "sign_up")
    enroll = api_path(args.paths_file, "enroll")
    run = str(int(time.time()))
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:
        cookies = list(
            pool.map(
                lambda i: make_learner(args.base, sign_up, enroll, run, args.slug, i),
                range(args.count),
            )
        )
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(cookies) + "\n")
    print(
        json.dumps({"learners": len(cookies), "seconds": round(time.monotonic() - started, 1)}),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
