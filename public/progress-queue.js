/* The durable queue of progress events (started / position / completed), in IndexedDB, shared
 * by the pages (the WASM calls it through `lecternQueue`) and the service worker (Background
 * Sync imports this file). Each event keeps the UUID the page gave it, so a replay is answered
 * "duplicate" by the server and nothing is counted twice; events are sent oldest first, at most
 * 500 per request (the server's limit), and leave the queue only once the server has answered
 * for them (applied, duplicate or rejected).
 *
 * Each event also keeps who queued it (the signed-in user of the page, from the header's
 * `data-lectern-user`). A page sends only its own user's events and drops another user's: a
 * browser has one session, so once someone else signs in those can never be sent as theirs,
 * and they must not be counted as the new user's progress.
 *
 * A queue left in local storage by an older version of the page moves here on first use.
 */
(() => {
  "use strict";
  const DB = "lectern";
  const STORE = "progress-queue";
  const LEGACY_KEY = "lectern:progress-queue";
  const BATCH = 500;
  const ENDPOINT = "/api/record_progress";
  const scope = typeof self !== "undefined" ? self : window;

  /** The page's signed-in user id, "" when signed out; `null` in the service worker (unknown). */
  function pageUser() {
    if (typeof document === "undefined") return null;
    const marker = document.querySelector("[data-lectern-user]");
    if (marker) return marker.getAttribute("data-lectern-user");
    return document.querySelector('header a[href="/signin"]') ? "" : null;
  }

  let opening = null;
  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB, 1);
        request.onupgradeneeded = () => {
          // Keyed by insertion order; the event's own id is unique within the queue.
          const store = request.result.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
          store.createIndex("event_id", "event.event_id", { unique: true });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }).catch((error) => {
        opening = null;
        throw error;
      });
    }
    return opening;
  }

  function run(mode, work) {
    return open().then(
      (db) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(STORE, mode);
          let result;
          Promise.resolve(work(tx.objectStore(STORE))).then((r) => (result = r), reject);
          tx.oncomplete = () => resolve(result);
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        }),
    );
  }
  const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));

  /** Adds events for the page's user (a replayed id is kept once). */
  function add(...events) {
    const owner = pageUser();
    return run("readwrite", (store) => {
      for (const event of events) {
        const put = store.add(owner ? { event, owner } : { event });
        // An id already queued: the first copy stays, and the transaction goes on.
        put.onerror = (e) => {
          if (put.error && put.error.name === "ConstraintError") {
            e.preventDefault();
            e.stopPropagation();
          }
        };
      }
    });
  }

  /** The oldest `limit` events, in the order they were queued. */
  async function oldest(limit = Infinity) {
    return (await oldestRecords(limit)).map((r) => r.event);
  }

  /** The oldest `limit` queue records ({ event, owner }), in the order they were queued. */
  function oldestRecords(limit) {
    return run("readonly", (store) =>
      new Promise((resolve, reject) => {
        const found = [];
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || found.length >= limit) return resolve(found);
          found.push(c.value);
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      }),
    );
  }

  function remove(ids) {
    const wanted = new Set(ids);
    return run("readwrite", (store) =>
      new Promise((resolve, reject) => {
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve();
          if (wanted.has(c.value.event.event_id)) c.delete();
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      }),
    );
  }

  const count = () => run("readonly", (store) => request(store.count()));
  const clear = () => run("readwrite", (store) => request(store.clear()));

  /** Moves a queue kept in local storage by an older page into IndexedDB, keeping its ids. */
  async function migrate() {
    if (typeof localStorage === "undefined") return;
    let legacy = [];
    try {
      legacy = JSON.parse(localStorage.getItem(LEGACY_KEY) || "[]");
    } catch {}
    if (Array.isArray(legacy) && legacy.length) await add(...legacy);
    try {
      localStorage.removeItem(LEGACY_KEY);
    } catch {}
  }

  /**
   * Sends the queue, oldest first, in batches of 500, until it is empty or a send fails.
   * Resolves to the courses whose progress changed (the server's answer); rejects when a send
   * failed (what is left waits for the next try).
   *
   * One pass runs at a time per page or worker. A call made while a pass runs queues one more
   * pass after it (calls made meanwhile share that one), so an event added during a pass is
   * never left behind by a pass that had already looked at the queue.
   */
  async function pass() {
    const courses = new Map();
    const user = pageUser();
    // Signed out: nothing can be sent (the events wait for their user to sign in again).
    if (user === "") return [];
    for (let round = 0; round < 1000; round++) {
      const records = await oldestRecords(BATCH);
      if (!records.length) break;
      const others = user ? records.filter((r) => r.owner && r.owner !== user) : [];
      if (others.length) {
        await remove(others.map((r) => r.event.event_id));
        continue;
      }
      const batch = records.map((r) => r.event);
      const response = await fetch(ENDPOINT, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ events: batch }),
      });
      if (!response.ok) throw new Error(`progress not sent: ${response.status}`);
      const answer = await response.json();
      const answered = (answer.results || []).map((r) => r.event_id);
      await remove(answered);
      for (const course of answer.courses || []) courses.set(course.course_slug, course);
      if (!answered.length) break;
    }
    return [...courses.values()];
  }

  let running = Promise.resolve();
  let waiting = null;
  function sync() {
    if (waiting) return waiting;
    waiting = running
      .catch(() => {})
      .then(() => {
        waiting = null;
        return pass();
      })
      .catch((error) => {
        // Ask the service worker to send it when the network is back (where supported).
        if (typeof window !== "undefined" && navigator.serviceWorker) {
          navigator.serviceWorker.ready
            .then((registration) => registration.sync && registration.sync.register("lectern-progress"))
            .catch(() => {});
        }
        throw error;
      });
    running = waiting;
    return waiting;
  }

  scope.lecternQueue = { add, oldest, remove, count, clear, migrate, sync, pageUser, BATCH };
})();
