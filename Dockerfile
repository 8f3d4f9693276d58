# Lectern production image.
#
#   docker build -t lectern:dev --build-arg LECTERN_GIT_COMMIT="$(git rev-parse HEAD)" .
#   docker run --rm -p 3000:3000 -e LECTERN_DEMO=true lectern:dev   # demo: SQLite in /app/data
#   docker run --rm --env-file prod.env lectern:dev migrate          # one-off subcommand
#
# Stages
#   node     - source of the Node 20 runtime (tailwind CLI, wasm-opt from the binaryen npm package)
#   chef     - Rust toolchain + wasm32 target + cargo-chef
#   planner  - computes the dependency "recipe" from the manifests only
#   tools    - cargo-leptos and wasm-bindgen-cli, built from crates.io (own layer, rarely rebuilt)
#   builder  - cooks (pre-builds) all dependencies for the server AND the wasm bundle, then runs
#              `cargo leptos build --release --precompress --split`
#   runtime  - debian:bookworm-slim, non-root, only the binary, hash.txt and the site directory
#
# Base images are pinned by tag, written out in the FROM lines (not ARGs) so Dependabot's docker
# ecosystem (.github/dependabot.yml) can bump them. Digest pins (`image:tag@sha256:...`) are
# stronger but could not be looked up where this file was written: switch to them with the first
# Dependabot PR that proposes digests. Trivy scans the final image on every deploy.

# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS node

# ---------------------------------------------------------------------------------------------
FROM rust:1.95.0-bookworm AS chef
ARG CARGO_CHEF_VERSION=0.1.78
ENV CARGO_TERM_COLOR=never \
    CARGO_INCREMENTAL=0 \
    CARGO_NET_RETRY=10
RUN rustup target add wasm32-unknown-unknown \
 && cargo install --locked cargo-chef --version "${CARGO_CHEF_VERSION}" \
 && rm -rf /usr/local/cargo/registry
# Node 20 + npm from the official node image (same Debian release, so the same glibc).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /app

# ---------------------------------------------------------------------------------------------
FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

# ---------------------------------------------------------------------------------------------
FROM chef AS tools
ARG CARGO_LEPTOS_VERSION=0.3.10
# Must equal the wasm-bindgen version in Cargo.lock (the builder stage checks it). The deploy
# workflow passes the value it reads from Cargo.lock; the default is a fallback for local builds.
ARG WASM_BINDGEN_VERSION=0.2.130
# `no_downloads`: cargo-leptos must not fetch tailwind/wasm-opt/sass binaries from the internet;
# it uses the ones on PATH and in ./node_modules/.bin instead.
# wasm-bindgen-cli is installed without --locked, as the project's build instructions specify.
RUN cargo install --locked cargo-leptos --version "${CARGO_LEPTOS_VERSION}" --features no_downloads \
 && cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" \
 && rm -rf /usr/local/cargo/registry

# ---------------------------------------------------------------------------------------------
FROM chef AS builder
ARG WASM_BINDGEN_VERSION=0.2.130
ARG LECTERN_GIT_COMMIT=""
COPY --from=tools /usr/local/cargo/bin/cargo-leptos /usr/local/cargo/bin/wasm-bindgen /usr/local/cargo/bin/

# JavaScript build tools (tailwind CLI, binaryen's wasm-opt, workbox-build): exact versions from
# package-lock.json.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
ENV PATH=/app/node_modules/.bin:${PATH}

# Dependency layer: rebuilt only when Cargo.toml/Cargo.lock change. The two cooks mirror the two
# cargo invocations cargo-leptos makes, so their artefacts are reused as-is:
#   server:   cargo build -p server --release --no-default-features             (target/)
#   frontend: cargo build -p frontend --lib --profile wasm-release \
#                         --target wasm32-unknown-unknown --no-default-features  (target/front/)
COPY --from=planner /app/recipe.json recipe.json
RUN cargo chef cook --locked --release --no-default-features -p server --recipe-path recipe.json \
 && cargo chef cook --locked --profile wasm-release --no-default-features -p frontend \
      --target wasm32-unknown-unknown --target-dir target/front --recipe-path recipe.json

COPY . .
# A wasm-bindgen-cli that differs from the wasm-bindgen crate produces a broken bundle: fail early.
RUN locked="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)" \
 && if [ "${locked}" != "${WASM_BINDGEN_VERSION}" ]; then \
      echo "wasm-bindgen in Cargo.lock is ${locked}, image was asked for ${WASM_BINDGEN_VERSION}:" >&2; \
      echo "rebuild with --build-arg WASM_BINDGEN_VERSION=${locked}" >&2; exit 1; \
    fi

# LEPTOS_HASH_FILES: cargo-leptos content-hashes pkg/ file names (lectern.<hash>.js ...) and writes
# target/release/hash.txt; the server reads that file (next to its executable) at run time. Hashed
# names are what allow /pkg/* to be cached for a year by browsers and CloudFront.
# build-sw.mjs then writes site/sw.js, whose precache list is this build's shell (workbox-build).
RUN LECTERN_GIT_COMMIT="${LECTERN_GIT_COMMIT}" LEPTOS_HASH_FILES=true cargo leptos build --release --precompress --split \
 && node scripts/build-sw.mjs target/site \
 && mkdir -p /out \
 && cp target/release/server /out/server \
 && cp target/release/hash.txt /out/hash.txt \
 && cp -r target/site /out/site \
 && ls -l /out /out/site/pkg

# ---------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
ARG LECTERN_GIT_COMMIT=""
LABEL org.opencontainers.image.title="lectern" \
      org.opencontainers.image.description="Lectern learning platform (Leptos SSR server + static site)" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later" \
      org.opencontainers.image.revision="${LECTERN_GIT_COMMIT}"

# Health check choice: debian:bookworm-slim has no curl, and installing curl would add libcurl,
# OpenSSL, libssh2, krb5, LDAP ... to the image, i.e. more CVEs for Trivy to fail the deploy on.
# The server has no `healthcheck` subcommand, so the check is a plain HTTP/1.1 GET over bash's
# /dev/tcp (bash and coreutils are already in the slim image). The same command is used by the
# ECS task definition (infra/modules/ecs). Only ca-certificates is installed: TLS to Postgres,
# Redis, S3 and SMTP is verified against it.
# DL3008 (unpinned apt version): Debian replaces package versions in the archive with each
# security update, so a pinned ca-certificates version would break rebuilds; the base image tag
# pins the Debian release and Trivy checks what ends up installed.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lectern \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin lectern \
 && mkdir -p /app/data \
 && chown lectern:lectern /app/data

WORKDIR /app
# Owned by root and read-only for the service user; only /app/data (SQLite in demo mode) is writable.
COPY --from=builder /out/ /app/

ENV LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_OUTPUT_NAME=lectern \
    LEPTOS_ENV=PROD \
    LEPTOS_HASH_FILES=true \
    LOG_FORMAT=json \
    LECTERN_DEMO=false \
    RUST_LOG=info

USER 10001:10001
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/3000 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# The binary is the entrypoint and `serve` the default command, so one-off tasks only swap the
# command: `docker run IMAGE migrate`, or an ECS RunTask container override ["migrate"] (ECS can
# override the command but not the entrypoint).
ENTRYPOINT ["/app/server"]
CMD ["serve"]
