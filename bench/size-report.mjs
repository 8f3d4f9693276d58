#!/usr/bin/env node
// Size report of the browser bundle, and its ceiling (issue: "Fast for learners").
//
//   node bench/size-report.mjs [--check] [PKG_DIR]
//
// Lists every JS and WASM file the build put in the site's pkg directory, raw and compressed,
// largest first: the precompressed .br and .gz files the server sends when the build wrote them
// (`--precompress`, as scripts/serve.sh and scripts/test.sh build), otherwise compressed here
// (brotli quality 11, gzip level 9, as precompression does).
//
// The build is split (`cargo leptos build --split`): the entry (JS, WASM and the split loader)
// serves every page, and each page group of app/src/on_demand.rs loads its chunks on demand, as
// __wasm_split_manifest.json lists them. The report gives every chunk with the groups that load
// it, then every route of app/src/shell.rs with what a cold first visit to it fetches (brotli).
//
// With --check it fails (exit 1) when a route other than the instructors' and administrators'
// goes over CEILING, naming the route and its files; scripts/test.sh runs it after the release
// build. GOAL is what learner pages should fetch (reported, not enforced yet; see
// bench/README.md).
//
// PKG_DIR defaults to target/site/pkg in this checkout (cargo-leptos's site-root, whatever
// CARGO_TARGET_DIR says).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The goal for a cold first visit to a learner page: JS + WASM, brotli, in bytes. */
export const GOAL = 250_000;

/**
 * What --check enforces meanwhile for every route a learner may open, so that their script does
 * not grow unnoticed: the largest such route as last measured plus about 1% (bench/README.md says
 * what each change paid for). Lower it as the bundle shrinks; never raise it without saying why
 * in the commit.
 */
export const CEILING = 653_000;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const candidates = [args.find((a) => !a.startsWith("--")), join(root, "target", "site", "pkg")].filter(Boolean);
const dir = candidates.find((d) => existsSync(d) && statSync(d).isDirectory());
if (!dir) {
  console.error(`no pkg directory found (tried ${candidates.join(", ")}); build the site first`);
  process.exit(2);
}

const fmt = (n) => n.toLocaleString("en-US");
/** Raw, gzip and brotli sizes of one file of the pkg directory, as served. */
function measure(name) {
  const bytes = readFileSync(join(dir, name));
  // The precompressed file the server sends, when there is one: that is what crosses the wire.
  const served = (ext) => (existsSync(join(dir, name + ext)) ? statSync(join(dir, name + ext)).size : null);
  return {
    name,
    raw: bytes.length,
    gzip: served(".gz") ?? gzipSync(bytes, { level: 9 }).length,
    brotli:
      served(".br") ??
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
  };
}

const files = readdirSync(dir).filter((name) => /\.(js|wasm)$/.test(name));
const rows = files.map(measure).sort((a, b) => b.brotli - a.brotli);
const sum = (list, key) => list.reduce((t, r) => t + r[key], 0);
console.log(`pkg: ${dir}\n`);
console.log("| file | raw B | gzip B | brotli B |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`);
console.log(`| **total** | ${fmt(sum(rows, "raw"))} | ${fmt(sum(rows, "gzip"))} | ${fmt(sum(rows, "brotli"))} |`);


const byName = new Map(rows.map((r) => [r.name, r]));
const problems = [];

// The entry: what every page fetches before anything else.
const entry = rows.filter((r) => /^(lectern|__wasm_split)(\.[\w-]+)?\.(js|wasm)$/.test(r.name));
const mainParts = entry.filter((r) => r.name.startsWith("lectern"));
// The offline scripts every page loads beside the WASM (public/offline.js and
// public/progress-queue.js, in the site's root).
for (const script of ["offline.js", "progress-queue.js"]) {
  if (existsSync(join(dir, "..", script))) entry.push(measure(`../${script}`));
}
if (mainParts.length !== 2) problems.push(`expected lectern[.hash].js and lectern[.hash].wasm, found: ${mainParts.map((r) => r.name).join(", ")}`);

// The chunks each page group loads, from the split manifest.
const manifestName = readdirSync(dir).find((n) => /^__wasm_split_manifest(\.[\w-]+)?\.json$/.test(n));
const manifest = manifestName ? JSON.parse(readFileSync(join(dir, manifestName), "utf8")) : {};
if (!manifestName) problems.push("no __wasm_split_manifest*.json: the site was built without --split");

// Page groups (app/src/on_demand.rs) and eager routes (app/src/shell.rs), read from the source.
const onDemand = readFileSync(join(root, "app", "src", "on_demand.rs"), "utf8");
const groups = [...onDemand.matchAll(/page_group!\s*\{[\s\S]*?\n\s*(\w+),\s*\w+,\s*\w+,\s*(\w+)\s*\{([\s\S]*?)\n\s*\}\s*\n\}/g)].map(
  ([, group, module, body]) => ({ group, module, paths: [...body.matchAll(/\/\/\/ `([^`]+)`/g)].map((m) => m[1]) }),
);
const staff = new Set(["Teach", "Admin"]);
const shellSrc = readFileSync(join(root, "app", "src", "shell.rs"), "utf8");
const eager = [...shellSrc.matchAll(/<Route\s+path=path!\("([^"]*)"\)\s+view=(\w+)/g)]
  .filter(([, , view]) => view !== "OnDemand")
  .map(([, path]) => path || "/");

const chunksOf = (module) => {
  const key = Object.keys(manifest).find((k) => k === module || k.startsWith(`${module}_`) || k.startsWith(`${module}.`));
  if (manifestName && !key) problems.push(`the split manifest has no entry for ${module} (keys: ${Object.keys(manifest).join(", ")})`);
  return (key ? manifest[key] : []).map((chunk) => byName.get(`${chunk}.wasm`) ?? byName.get(chunk)).filter(Boolean);
};
for (const g of groups) g.chunks = chunksOf(g.module);

const chunkRows = rows.filter((r) => !entry.includes(r));
console.log("\nChunks and the page groups that load them (app/src/on_demand.rs):\n");
console.log("| chunk | brotli B | loaded by |");
console.log("|---|---:|---|");
for (const r of chunkRows) {
  const users = groups.filter((g) => g.chunks.includes(r)).map((g) => g.group);
  console.log(`| ${r.name} | ${fmt(r.brotli)} | ${users.join(", ") || "(none)"} |`);
}

const entryBrotli = sum(entry, "brotli");
const routes = [
  ...eager.map((path) => ({ path, group: "(entry only)", files: entry })),
  ...groups.flatMap((g) => g.paths.map((path) => ({ path, group: g.group, staff: staff.has(g.group), files: [...entry, ...g.chunks] }))),
];
console.log(
  `\nWhat a cold first visit to each route fetches, JS + WASM, brotli (entry ${fmt(entryBrotli)} B: ` +
    `${entry.map((r) => `${r.name} ${fmt(r.brotli)}`).join(", ")}):\n`,
);
console.log("| route | group | files | brotli B | vs goal |");
console.log("|---|---|---:|---:|---:|");
for (const r of routes) {
  r.brotli = sum(r.files, "brotli");
  console.log(`| ${r.path} | ${r.group} | ${r.files.length} | ${fmt(r.brotli)} | ${(r.brotli / GOAL).toFixed(2)}× |`);
}
const learnerRoutes = routes.filter((r) => !r.staff);
const worst = learnerRoutes.reduce((a, b) => (b.brotli > a.brotli ? b : a), { brotli: 0 });
console.log(
  `\nLearner routes fetch at most ${fmt(worst.brotli)} B brotli (${worst.path}); ceiling ${fmt(CEILING)} B, ` +
    `goal ${fmt(GOAL)} B (over by ${fmt(Math.max(0, worst.brotli - GOAL))} B).`,
);
for (const r of learnerRoutes) {
  if (r.brotli > CEILING) {
    const parts = [...r.files].sort((a, b) => b.brotli - a.brotli).map((f) => `${f.name} ${fmt(f.brotli)} B`);
    problems.push(`${r.path} fetches ${fmt(r.brotli)} B brotli, over the ${fmt(CEILING)} B ceiling: ${parts.join(" + ")}`);
  }
}

if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(`- ${p}`);
  if (check) process.exit(1);
} else if (check) {
  console.log("Every learner route is within the ceiling.");
}
