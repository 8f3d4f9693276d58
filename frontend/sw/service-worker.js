/* Lectern's service worker (served at /sw.js, scope /).
 *
 * Built by scripts/build-sw.mjs: workbox-build replaces the manifest placeholder below with the app shell
 * of this build (the entry JS and WASM every page loads, the chunks of the learner's pages, the
 * CSS, the offline page with its script, the icon), each with a revision.
 *
 * - The shell is precached in a cache named after the build, so a second visit starts from
 *   the cache. A new build installs beside the old one and waits: the page offers "reload",
 *   and only then does it take over and delete the old shell (never a mixed old/new app).
 * - The other pages' WASM chunks (instructors', administrators', account, information) are not
 *   precached, so learners never fetch them; such a chunk joins the shell's cache the first
 *   time a page loads it.
 * - With content-hashed file names (LEPTOS_HASH_FILES=true, as deployed) files under /pkg/ are
 *   answered from the cache first; without them (a local build) the network comes first and
 *   the cache only when the network fails, so a rebuild is never hidden by an old copy.
 * - Pages are never cached here. Only "Download for offline" (public/offline.js) stores a
 *   course's pages and files, in caches named `lectern-course:<user>:<course>:<version>`,
 *   which this worker reads when the network fails; signing out deletes them.
 * - Anything not GET, and anything from another origin, is left to the network.
 * - Progress queued offline (public/progress-queue.js, IndexedDB) is sent by Background Sync.
 */
importScripts("/progress-queue.js");

const SHELL_FILES = self.__WB_MANIFEST;
/** Whether /pkg/ file names carry content hashes (set by scripts/build-sw.mjs). */
const HASHED_NAMES = /* LECTERN_HASHED_NAMES */ false;
const SHELL_PREFIX = "lectern-shell-";
const DOWNLOAD_PREFIX = "lectern-course:";

/** A short fingerprint of the shell's files and revisions: the build's name. */
function fingerprint(entries) {
  let h = 0x811c9dc5;
  const text = entries.map((e) => `${e.url}@${e.revision || ""}`).join("|");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const BUILD = fingerprint(SHELL_FILES);
const SHELL = SHELL_PREFIX + BUILD;
const shellPaths = new Set(SHELL_FILES.map((e) => new URL(e.url, self.location.origin).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        cache.addAll(SHELL_FILES.map((e) => new Request(new URL(e.url, self.location.origin), { cache: "reload" }))),
      ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(SHELL_PREFIX) && n !== SHELL).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

// Background Sync: progress queued while offline is sent when the network returns, even if no
// Lectern page is open then (Chromium; elsewhere the pages send it when next opened).
self.addEventListener("sync", (event) => {
  if (event.tag === "lectern-progress") event.waitUntil(self.lecternQueue.sync());
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "skip-waiting") self.skipWaiting();
  if (data.type === "build" && event.ports[0]) event.ports[0].postMessage({ build: BUILD });
});

/** The newest stored copy of `request` in any course download, if one has it. */
async function fromDownloads(request) {
  const names = (await caches.keys()).filter((n) => n.startsWith(DOWNLOAD_PREFIX)).reverse();
  for (const name of names) {
    const cache = await caches.open(name);
    const hit = await cache.match(request, { ignoreVary: true, ignoreSearch: request.mode !== "navigate" });
    if (hit) return hit;
  }
  return undefined;
}

/** A stored video answered for a `Range` request (players seek with them). */
async function ranged(request, response) {
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("range") || "");
  if (!range) return response;
  const blob = await response.blob();
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), blob.size - 1) : blob.size - 1;
  if (start > end || start >= blob.size) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${blob.size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": `bytes ${start}-${end}/${blob.size}`,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes",
    },
  });
}

/** A file of the app shell: see the header for the order of cache and network. */
async function shellResponse(request, url, precached) {
  const cache = await caches.open(SHELL);
  const key = url.pathname;
  if (HASHED_NAMES || !precached) {
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit && (HASHED_NAMES || !navigator.onLine)) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && url.pathname.startsWith("/pkg/") && (HASHED_NAMES || precached)) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

async function offlinePage() {
  const cache = await caches.open(SHELL);
  return (
    (await cache.match("/offline.html", { ignoreVary: true })) ||
    new Response("<h1>You're offline</h1><p>This page needs the network.</p>", {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    })
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  const shellFile = shellPaths.has(url.pathname) && url.pathname !== "/offline.html";
  if (shellFile || url.pathname.startsWith("/pkg/")) {
    event.respondWith(shellResponse(request, url, shellFile));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(async () => (await fromDownloads(request)) || offlinePage()),
    );
    return;
  }
  if (url.pathname.startsWith("/media/")) {
    event.respondWith(
      fetch(request).catch(async () => {
        const hit = await fromDownloads(new Request(url.pathname));
        if (!hit) throw new TypeError("offline and not downloaded");
        return ranged(request, hit);
      }),
    );
  }
});
