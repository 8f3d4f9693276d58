#!/usr/bin/env node
// Writes the service worker for a built site: workbox-build injects the list of the app
// shell's files (with revisions) into frontend/sw/service-worker.js and writes <site>/sw.js.
// Run after `cargo leptos build` (scripts/lib.sh's build_site does, and the Dockerfile).
//
//   node scripts/build-sw.mjs [site-dir]     (default: target/site)
import { injectManifest } from "workbox-build";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = path.resolve(process.argv[2] || path.join(root, "target/site"));

const { count, size, warnings } = await injectManifest({
  swSrc: path.join(root, "frontend/sw/service-worker.js"),
  swDest: path.join(site, "sw.js"),
  globDirectory: site,
  // The shell: the entry JS and WASM (with the split loader) and
  // the CSS every page loads (not the split chunks of
  // instructor and admin pages: the worker caches those on first use), the offline page with
  // its script, and the icon. Precompressed copies are the server's business.
  globPatterns: [
    "pkg/lectern*.{js,wasm,css}",
    "pkg/__wasm_split*.js",
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
  const { readFile, writeFile } = await import("node:fs/promises");
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
