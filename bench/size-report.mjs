#!/usr/bin/env node
// Size report of the browser bundle: every JS and WASM file the build put in the site's pkg
// directory, raw and compressed (gzip level 9 and brotli quality 11: what a CDN or precompressed
// files give; the server's own on-the-fly compression uses lower levels), largest first, with
// the total.
//
//   node bench/size-report.mjs [PKG_DIR]
//
// PKG_DIR defaults to the site that scripts/serve.sh and scripts/test.sh build: target/site/pkg
// in this checkout (cargo-leptos's site-root, whatever CARGO_TARGET_DIR says).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const candidates = [process.argv[2], join(root, "target", "site", "pkg")].filter(Boolean);
const dir = candidates.find((d) => existsSync(d) && statSync(d).isDirectory());
if (!dir) {
  console.error(`no pkg directory found (tried ${candidates.join(", ")}); build the site first`);
  process.exit(2);
}

const rows = readdirSync(dir)
  .filter((name) => /\.(js|wasm)$/.test(name))
  .map((name) => {
    const bytes = readFileSync(join(dir, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  })
  .sort((a, b) => b.brotli - a.brotli);

const fmt = (n) => n.toLocaleString("en-US");
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log(`pkg: ${dir}\n`);
console.log("| file | raw B | gzip B | brotli B |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`);
console.log(`| **total** | ${fmt(total.raw)} | ${fmt(total.gzip)} | ${fmt(total.brotli)} |`);
