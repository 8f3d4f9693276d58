/* Lectern in the browser without a network: registers the service worker (/sw.js), offers
 * "reload" when a new version is ready, says in the header when the network is gone and how
 * many progress changes wait to sync, and runs "Download for offline" (<lectern-offline>).
 *
 * Plain JavaScript loaded by every page (not part of the WASM), so it also works before the
 * page has hydrated. A course download lives in Cache Storage, in a cache named
 * `lectern-course:<user>:<course>:<version>`, with a JSON record at DOWNLOAD_META; the service
 * worker serves from these caches only when the network fails. Signing out, or another user
 * signing in, deletes them.
 */
(() => {
  "use strict";
  const DOWNLOAD_PREFIX = "lectern-course:";
  const DOWNLOAD_META = "/__offline/download.json";
  // Where older pages kept the progress queue (progress-queue.js moves it to IndexedDB).
  const QUEUE_KEY = "lectern:progress-queue";
  const OWNER_KEY = "lectern:offline-owner";
  const supported = "serviceWorker" in navigator && "caches" in window;

  // ---- helpers ------------------------------------------------------------------------------
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v == null) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  };
  const formatBytes = (n) => {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
    if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
  };
  /** Progress events waiting to be sent (public/progress-queue.js). */
  let waitingCount = 0;
  const queue = () => window.lecternQueue;
  async function countQueued() {
    try {
      waitingCount = queue() ? await queue().count() : 0;
    } catch {
      waitingCount = 0;
    }
    return waitingCount;
  }
  const queued = () => waitingCount;
  /** Sends the queue now (page load, back online); failures wait for the next try. */
  function syncQueue() {
    if (!queue() || !navigator.onLine) return;
    queue()
      .migrate()
      .then(() => queue().sync())
      .catch(() => {})
      .finally(showNetwork);
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  /** The signed-in user the page was rendered for: an id, "" when signed out, null if unknown
   * (public/progress-queue.js, loaded first, reads it for the queue too). */
  const pageUser = () => window.lecternQueue.pageUser();

  // ---- downloads in Cache Storage -----------------------------------------------------------
  const parseName = (name) => {
    const [, owner, slug, version] = name.split(":");
    return { name, owner, slug, version };
  };
  async function downloadCaches() {
    if (!supported) return [];
    return (await caches.keys()).filter((n) => n.startsWith(DOWNLOAD_PREFIX)).map(parseName);
  }
  async function readMeta(name) {
    const hit = await (await caches.open(name)).match(DOWNLOAD_META);
    return hit ? hit.json() : null;
  }
  /** Complete downloads (those with their record), by course. */
  async function downloads() {
    const found = new Map();
    for (const c of await downloadCaches()) {
      const meta = await readMeta(c.name).catch(() => null);
      if (meta) found.set(c.slug, { ...meta, cache: c.name });
    }
    return found;
  }
  async function removeDownloads(filter) {
    for (const c of await downloadCaches()) if (filter(c)) await caches.delete(c.name);
  }
  /** Deletes every download and the unsent queue: signing out, or another user signing in. */
  async function forgetUser() {
    await removeDownloads(() => true);
    try {
      if (queue()) await queue().clear();
      localStorage.removeItem(QUEUE_KEY);
      localStorage.removeItem(OWNER_KEY);
    } catch {}
    document.querySelectorAll("lectern-offline").forEach((e) => e.refresh && e.refresh());
  }

  /** The build the page runs: the hashed files it loads. A new build makes downloads stale. */
  const pageBuild = () =>
    [...document.querySelectorAll('head link[href*="/pkg/"], head script[src*="/pkg/"]')]
      .map((e) => e.getAttribute("href") || e.getAttribute("src"))
      .sort()
      .join(" ");

  async function fetchManifest(slug) {
    const response = await fetch("/api/offline_manifest", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ slug }),
      credentials: "same-origin",
    });
    if (response.status === 401) throw new Error("Sign in again to download this course.");
    if (response.status === 403) throw new Error("Enroll in this course to download it.");
    if (!response.ok) throw new Error("The download list could not be loaded. Try again.");
    return response.json();
  }

  /** Stores every item of `manifest` (videos if asked), reporting progress; all or nothing. */
  async function store(manifest, withVideos, signal, progress) {
    const owner = pageUser();
    if (!owner) throw new Error("Sign in to download courses.");
    const items = [...manifest.pages, ...manifest.files, ...(withVideos ? manifest.videos : [])];
    const name = `${DOWNLOAD_PREFIX}${owner}:${manifest.course_slug}:${manifest.version}${withVideos ? "v" : ""}`;
    await caches.delete(name);
    const cache = await caches.open(name);
    let done = 0;
    let bytes = 0;
    try {
      for (const item of items) {
        const response = await fetch(item.url, { credentials: "same-origin", signal, cache: "no-store" });
        if (!response.ok) {
          // A lesson page must be there; a missing image or file is skipped, not fatal.
          if (manifest.pages.includes(item)) throw new Error(`Could not download ${item.url} (${response.status}).`);
          done += 1;
          continue;
        }
        const body = await response.blob();
        bytes += body.size;
        // The body is already decoded: keep the type, not the transfer's encoding and length.
        const headers = new Headers();
        for (const name of ["content-type", "last-modified", "etag"]) {
          const value = response.headers.get(name);
          if (value) headers.set(name, value);
        }
        await cache.put(item.url, new Response(body, { status: 200, headers }));
        done += 1;
        progress(done, items.length, bytes);
      }
      const meta = {
        slug: manifest.course_slug,
        title: manifest.course_title,
        version: manifest.version,
        videos: withVideos,
        build: pageBuild(),
        bytes,
        files: items.length,
        at: new Date().toISOString(),
      };
      await cache.put(DOWNLOAD_META, new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } }));
      localStorage.setItem(OWNER_KEY, owner);
      // Older copies of the course go once the new one is complete.
      await removeDownloads((c) => c.slug === manifest.course_slug && c.name !== name);
      return meta;
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
  }

  // ---- <lectern-offline course="slug" data-title="…" compact> -------------------------------
  const buttonClass =
    "inline-flex min-h-9 items-center rounded-lg px-3 py-1.5 text-sm font-semibold focus-visible:outline-2";
  const primary = `${buttonClass} bg-indigo-600 text-white hover:bg-indigo-700`;
  const secondary = `${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;

  class OfflineDownload extends HTMLElement {
    connectedCallback() {
      if (!supported) return;
      this.slug = this.getAttribute("course") || "";
      this.title_ = this.getAttribute("data-title") || "this course";
      this.compact = this.hasAttribute("compact");
      this.state = { kind: "loading" };
      this.refresh();
    }
    static get observedAttributes() {
      return ["hidden"];
    }
    attributeChangedCallback() {
      if (this.isConnected && this.slug !== undefined) this.refresh();
    }
    disconnectedCallback() {
      if (this.abort) this.abort.abort();
    }
    async refresh() {
      if (this.state.kind === "downloading") return;
      if (this.hidden) return this.replaceChildren();
      const stored = (await downloads()).get(this.slug);
      if (stored) {
        this.state = { kind: "stored", meta: stored };
        this.render();
        if (navigator.onLine) this.refreshIfStale(stored);
        return;
      }
      this.state = { kind: "none" };
      this.render();
      if (!this.compact && navigator.onLine) {
        try {
          this.manifest = await fetchManifest(this.slug);
          this.render();
        } catch {}
      }
    }
    /** A course edited (or a new build deployed) since the download is downloaded again. */
    async refreshIfStale(stored) {
      try {
        const manifest = await fetchManifest(this.slug);
        if (manifest.version === stored.version && stored.build === pageBuild()) return;
        this.start(manifest, stored.videos, true);
      } catch {}
    }
    async start(manifest, withVideos, updating = false) {
      this.abort = new AbortController();
      this.state = { kind: "downloading", done: 0, total: 1, bytes: 0, updating };
      this.render();
      try {
        manifest = manifest || (await fetchManifest(this.slug));
        this.manifest = manifest;
        const meta = await store(manifest, withVideos, this.abort.signal, (done, total, bytes) => {
          this.state = { ...this.state, done, total, bytes };
          this.render();
        });
        this.state = { kind: "stored", meta, justDone: !updating };
      } catch (error) {
        const cancelled = this.abort.signal.aborted;
        this.state = {
          kind: "none",
          message: cancelled ? "Download cancelled." : navigator.onLine ? error.message : "The network went away: download again when you are back online.",
        };
        if (updating) return this.refresh();
      }
      this.abort = null;
      this.render();
    }
    render() {
      const s = this.state;
      const title = this.title_;
      const parts = [];
      const status = el("p", { class: "text-sm text-slate-600", role: "status" });
      if (s.kind === "loading") {
        status.textContent = "Checking offline copy…";
      } else if (s.kind === "stored") {
        const m = s.meta;
        status.append(
          el("span", { class: "mr-2 inline-flex items-center rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800" }, "Downloaded"),
          `${formatBytes(m.bytes)} stored${m.videos ? " with videos" : ""}.`,
          s.justDone ? " Its lessons now open without a network." : "",
        );
      } else if (s.kind === "downloading") {
        status.textContent = `${s.updating ? "Updating the offline copy" : "Downloading"}: ${s.done} of ${s.total} files (${formatBytes(s.bytes)}).`;
      } else if (!navigator.onLine) {
        status.textContent = "Connect to the network to download this course.";
      } else if (s.message) {
        status.textContent = s.message;
      } else if (this.manifest) {
        const files = this.manifest.files.reduce((a, f) => a + (f.bytes || 0), 0);
        status.textContent = `Not downloaded. ${plural(this.manifest.pages.length, "page", "pages")}${files ? ` and ${formatBytes(files)} of files` : ""}.`;
      } else {
        status.textContent = "Not downloaded.";
      }
      parts.push(status);

      if (s.kind === "downloading") {
        parts.push(
          el("progress", {
            class: "mt-2 block h-2 w-full",
            max: String(s.total),
            value: String(s.done),
            "aria-label": `Download progress for ${title}`,
          }),
        );
      }
      const actions = el("div", { class: "mt-2 flex flex-wrap items-center gap-2" });
      if (s.kind === "none" && navigator.onLine) {
        const videos = this.manifest ? this.manifest.videos : [];
        const videoBytes = videos.reduce((a, v) => a + (v.bytes || 0), 0);
        let box = null;
        if (videos.length) {
          box = el("input", { type: "checkbox", class: "h-4 w-4" });
          actions.append(
            el("label", { class: "flex items-center gap-2 text-sm text-slate-700" }, box, `Include videos (${formatBytes(videoBytes)})`),
          );
        }
        actions.append(
          el(
            "button",
            {
              type: "button",
              class: primary,
              "aria-label": this.compact ? `Download ${title} for offline` : null,
              onclick: () => this.start(this.manifest, !!(box && box.checked)),
            },
            "Download for offline",
          ),
        );
      } else if (s.kind === "downloading") {
        actions.append(
          el("button", { type: "button", class: secondary, onclick: () => this.abort && this.abort.abort() }, "Cancel download"),
        );
      } else if (s.kind === "stored" && s.confirming) {
        actions.append(
          el("span", { class: "text-sm text-slate-700" }, "Remove the offline copy?"),
          el(
            "button",
            {
              type: "button",
              class: `${buttonClass} bg-red-600 text-white hover:bg-red-700`,
              onclick: async () => {
                await removeDownloads((c) => c.slug === this.slug);
                this.state = { kind: "none", message: "Download removed." };
                this.render();
              },
            },
            "Remove",
          ),
          el("button", { type: "button", class: secondary, onclick: () => ((this.state = { ...s, confirming: false }), this.render()) }, "Keep"),
        );
      } else if (s.kind === "stored") {
        actions.append(
          el(
            "button",
            {
              type: "button",
              class: secondary,
              "aria-label": this.compact ? `Remove download of ${title}` : null,
              onclick: () => ((this.state = { ...s, confirming: true, justDone: false }), this.render()),
            },
            "Remove download",
          ),
        );
      }
      parts.push(actions);
      const box = this.compact
        ? el("div", { class: "mt-2" }, ...parts)
        : el(
            "section",
            { class: "mt-4 rounded-lg border border-slate-200 bg-white p-4", "aria-label": "Offline copy" },
            el("h2", { class: "text-base font-semibold text-slate-900" }, "Learn offline"),
            ...parts,
          );
      this.replaceChildren(box);
    }
  }
  if (supported && !customElements.get("lectern-offline")) customElements.define("lectern-offline", OfflineDownload);

  // ---- network status in the header ---------------------------------------------------------
  /** How long changes must stay queued, online, before the header mentions them. */
  const STUCK_MS = 3000;
  let waitingSince = 0;
  let shownWaiting = false;
  let syncedUntil = 0;
  async function showNetwork() {
    const slot = document.getElementById("network-status");
    if (!slot) return;
    const waiting = await countQueued();
    const now = Date.now();
    if (!waiting) waitingSince = 0;
    else if (!waitingSince) waitingSince = now;
    // Online, a change leaves the queue within a moment: it is worth a word only when it stays
    // (a send failed, or the network is slow), not on every "Mark complete"; once said (e.g.
    // offline), it stays said until they are sent.
    const stuck = waiting > 0 && (shownWaiting || now - waitingSince >= STUCK_MS);
    if (shownWaiting && waiting === 0 && navigator.onLine) syncedUntil = now + 6000;
    let text = "";
    if (!navigator.onLine) {
      text = "You're offline. Downloaded courses still open; other pages need the network.";
      if (waiting) text += ` ${plural(waiting, "change", "changes")} waiting to sync.`;
    } else if (stuck) {
      text = `${plural(waiting, "change", "changes")} waiting to sync…`;
    } else if (now < syncedUntil) {
      text = "All changes synced.";
    }
    shownWaiting = text.includes("waiting to sync");
    if (slot.textContent !== text) slot.textContent = text;
    slot.hidden = text === "";
  }
  window.addEventListener("online", () => {
    syncQueue();
    showNetwork();
    document.querySelectorAll("lectern-offline").forEach((e) => e.refresh());
  });
  window.addEventListener("offline", () => {
    showNetwork();
    document.querySelectorAll("lectern-offline").forEach((e) => e.render && e.state && e.render());
  });
  setInterval(showNetwork, 1000);

  // ---- offline navigation: whole-page loads the service worker can answer ---------------------
  document.addEventListener(
    "click",
    (event) => {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.hash && url.pathname === location.pathname) return;
      event.preventDefault();
      location.assign(url.href);
    },
    true,
  );

  // ---- signing out forgets the user's downloads and queue --------------------------------------
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      const action = form instanceof HTMLFormElement ? form.getAttribute("action") || "" : "";
      if (!action.startsWith("/api/sign_out")) return;
      const waiting = queued();
      if (waiting && !confirmSignOut(waiting, form, event)) return;
      forgetUser();
    },
    true,
  );
  /** Unsent progress would be lost: ask first (once per form), in the page, not a browser dialog. */
  function confirmSignOut(waiting, form, event) {
    if (form.dataset.lossConfirmed === "yes") return true;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (form.querySelector("[data-sign-out-warning]")) return false;
    const warning = el(
      "span",
      { "data-sign-out-warning": true, role: "alert", class: "text-sm text-red-700" },
      `${plural(waiting, "change", "changes")} not synced yet ${navigator.onLine ? "(syncing…)" : "(you're offline)"} will be lost. `,
      el(
        "button",
        {
          type: "button",
          class: "font-semibold underline",
          onclick: () => {
            form.dataset.lossConfirmed = "yes";
            form.requestSubmit();
          },
        },
        "Sign out anyway",
      ),
    );
    form.append(warning);
    return false;
  }

  // ---- the user the downloads belong to --------------------------------------------------------
  async function checkOwner() {
    if (!supported || !navigator.onLine) return;
    const user = pageUser();
    if (user === null) return;
    const stale = (await downloadCaches()).filter((c) => c.owner !== user);
    let owner = null;
    try {
      owner = localStorage.getItem(OWNER_KEY);
    } catch {}
    if (stale.length || (owner && owner !== user)) {
      if (user === "") await forgetUser();
      else await removeDownloads((c) => c.owner !== user);
    }
  }

  // ---- the downloaded courses, for the offline page --------------------------------------------
  async function listDownloads() {
    const list = document.getElementById("offline-downloads");
    if (!list) return;
    const found = [...(await downloads()).values()];
    list.replaceChildren(
      ...(found.length
        ? found.map((d) => el("li", {}, el("a", { href: `/courses/${d.slug}` }, d.title), ` (${formatBytes(d.bytes)})`))
        : [el("li", {}, "No downloaded courses on this device.")]),
    );
  }

  // ---- the service worker and "A new version is ready" -----------------------------------------
  let updateRequested = false;
  function offerUpdate(registration) {
    if (document.getElementById("update-ready")) return;
    const bar = el(
      "div",
      {
        id: "update-ready",
        role: "status",
        class: "fixed inset-x-2 bottom-2 z-50 mx-auto flex max-w-md flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg",
      },
      el("span", {}, "A new version is ready."),
      el(
        "button",
        {
          type: "button",
          class: "rounded-md bg-white px-3 py-1 font-semibold text-slate-900 hover:bg-slate-100",
          onclick: () => {
            updateRequested = true;
            if (registration.waiting) registration.waiting.postMessage({ type: "skip-waiting" });
            else location.reload();
          },
        },
        "Reload",
      ),
    );
    document.body.append(bar);
  }
  function register() {
    if (!supported) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (updateRequested) location.reload();
    });
    navigator.serviceWorker
      .register("/sw.js")
      .then((registration) => {
        const watch = (worker) =>
          worker &&
          worker.addEventListener("statechange", () => {
            if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(registration);
          });
        if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
        watch(registration.installing);
        registration.addEventListener("updatefound", () => watch(registration.installing));
      })
      .catch(() => {});
  }

  const start = async () => {
    syncQueue();
    showNetwork();
    checkOwner();
    listDownloads();
    register();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.lecternOffline = { downloads, forgetUser };
})();
