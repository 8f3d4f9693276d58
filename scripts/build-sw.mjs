#!/usr/bin/env node
// Writes the service worker for a built site: workbox-build injects the list of the app
// shell's files (with revisions) into frontend/sw/service-worker.js and writes <site>/sw.js.
// Run after `cargo leptos build` (scripts/lib.sh's build_site does, and the Dockerfile).
//
//   node scripts/build-sw.mjs [site-dir]     (default: target/site)
import { injectManifest } from "workbox-build";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = path.resolve(process.argv[2] || path.join(root, "target/site"));

// The learner's page groups (app/src/on_demand.rs): a downloaded lesson or quiz opened offline
// needs their chunks to run, even if the learner never opened such a page online. The split
// manifest lists each group's chunks; the instructors', administrators', account and other
// pages' chunks are cached by the worker on first use instead.
const LEARNER_GROUPS = ["lectern_browse", "lectern_course", "lectern_learn", "lectern_quiz"];
const learnerChunks = await (async () => {
  const pkg = path.join(site, "pkg");
  const name = (await readdir(pkg).catch(() => [])).find((n) => /^__wasm_split_manifest(\.[\w-]+)?\.json$/.test(n));
  if (!name) return [];
  const manifest = JSON.parse(await readFile(path.join(pkg, name), "utf8"));
  const missing = LEARNER_GROUPS.filter((group) => !manifest[group]);
  if (missing.length) {
    console.error(`build-sw: the split manifest has no ${missing.join(", ")}: app/src/on_demand.rs changed?`);
    process.exit(1);
  }
  const chunks = new Set(LEARNER_GROUPS.flatMap((group) => manifest[group]));
  return [...chunks].map((chunk) => `pkg/${chunk}.wasm`);
})();

const { count, size, warnings } = await injectManifest({
  swSrc: path.join(root, "frontend/sw/service-worker.js"),
  swDest: path.join(site, "sw.js"),
  globDirectory: site,
  // The shell: the entry JS and WASM (with the split loader), the learner's pages' chunks and
  // the CSS every page loads, the offline page with its script, and the icon. Precompressed
  // copies are the server's business.
  globPatterns: [
    "pkg/lectern*.{js,wasm,css}",
    "pkg/__wasm_split*.js",
    ...learnerChunks,
    "offline.html",
    "offline.js",
    "progress-queue.js",
    "favicon.ico",
  ],
  globIgnores: ["**/*.br", "**/*.gz", "sw.js"],
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
});
// Content-hashed names (LEPTOS_HASH_FILES=true) may be answered from the cache first.
if (process.env.LEPTOS_HASH_FILES === "true") {
  const dest = path.join(site, "sw.js");
  const text = await readFile(dest, "utf8");
  await writeFile(dest, text.replace("/* LECTERN_HASHED_NAMES */ false", "true"));
}
for (const warning of warnings) console.warn(`build-sw: ${warning}`);
if (count === 0) {
  console.error(`build-sw: no shell files found under ${site}: build the site first`);
  process.exit(1);
}
console.log(`build-sw: ${path.relative(root, path.join(site, "sw.js"))} precaches ${count} files, ${size} bytes`);
