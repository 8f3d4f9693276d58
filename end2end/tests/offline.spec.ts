import { test, expect, hydrated } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";

// Offline learning: a learner downloads a course, loses the network, keeps learning from the
// downloaded pages, and nothing they did is lost once the network is back.

const password = "correct horse battery staple 42";
const course = "/courses/deep-work";
const lessons = ["what-is-deep-work", "cost-of-context-switching", "time-blocking"];

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

/** Waits until the service worker controls the page (it does from the second page on). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await hydrated(page, true);
  }
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** No network for the pages nor for the service worker's own requests. */
async function goOffline(context: BrowserContext) {
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
}

async function goOnline(context: BrowserContext) {
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.setOffline(false);
}

async function downloadCourse(page: Page) {
  await page.goto(course);
  await hydrated(page, true);
  await controlled(page);
  const offline = page.getByRole("region", { name: "Offline copy" });
  await expect(offline.getByRole("heading", { name: "Learn offline" })).toBeVisible();
  await expect(offline).toContainText(/Not downloaded\. \d+ pages/);
  await offline.getByRole("button", { name: "Download for offline" }).click();
  await expect(offline.getByText("Downloaded", { exact: true })).toBeVisible();
  await expect(offline).toContainText(/KB stored|MB stored/);
  return offline;
}

/** Enrolls in the course (landing on its first lesson) and downloads it. */
async function enrollAndDownload(page: Page) {
  await page.goto(course);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(new RegExp(`lessons/${lessons[0]}$`));
  await downloadCourse(page);
}

test("a downloaded course opens and records progress offline, and syncs when the network returns @needs-js", async ({
  page,
  context,
}) => {
  test.info().annotations.push({ type: "expects-api-failure", description: "the network is cut on purpose" });
  await signUp(page, "Olga Offline", `olga-${Date.now()}@example.org`);
  await enrollAndDownload(page);

  await goOffline(context);
  // A page that was not downloaded says plainly that it needs the network.
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1, name: "You're offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Deep Work/ })).toBeVisible();

  // The downloaded lessons open (and hydrate) from the cache; two are marked complete.
  for (const [i, lesson] of lessons.entries()) {
    await page.goto(`${course}/lessons/${lesson}`);
    await hydrated(page, true);
    await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
    if (i < 2) {
      await page.getByRole("button", { name: "Mark complete" }).click();
      await expect(page.getByTestId("lesson-done")).toBeVisible();
    }
  }
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toContainText(
    /changes? waiting to sync/,
  );
  // My learning opens offline too, and so does the lesson again.
  await page.goto("/learning");
  await expect(page.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  await page.goto(`${course}/lessons/${lessons[1]}`);
  await hydrated(page, true);
  await expect(page.getByRole("status").filter({ hasText: /waiting to sync/ })).toBeVisible();

  // Back online: the queue is sent (by the page or by Background Sync, whichever comes first),
  // the header says so, and the server has exactly the two completions.
  await goOnline(context);
  await expect(page.getByRole("status").filter({ hasText: "All changes synced." })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count())).toBe(0);
  await page.goto("/learning");
  const card = page.getByTestId("enrolled-course").filter({ hasText: "Deep Work" });
  await expect(card).toContainText(/(^|\D)2 of \d+ lessons/);
});

test("signing out removes downloaded courses from this browser @needs-js", async ({ page, context }) => {
  test.info().annotations.push({ type: "expects-api-failure", description: "the network is cut on purpose" });
  await signUp(page, "Sam Signout", `sam-${Date.now()}@example.org`);
  await enrollAndDownload(page);
  expect(await page.evaluate(async () => (await caches.keys()).some((n) => n.startsWith("lectern-course:")))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("lectern-course:")).length))
    .toBe(0);
  await goOffline(context);
  await page.goto(`${course}/lessons/${lessons[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "You're offline" })).toBeVisible();
  await expect(page.getByText("No downloaded courses on this device.")).toBeVisible();
  await goOnline(context);
});

test("a new deployment offers to reload, and the reload runs the new version @needs-js", async ({ page, request }) => {
  const sw = await request.get("/sw.js");
  expect(sw.ok()).toBe(true);
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  const root = process.env.LECTERN_E2E_SITE_ROOT;
  test.skip(!root, "needs LECTERN_E2E_SITE_ROOT (scripts/test.sh sets it)");
  const file = path.join(root!, "sw.js");
  const original = readFileSync(file, "utf8");

  await page.goto("/courses");
  await hydrated(page, true);
  await controlled(page);
  await expect(page.getByText("A new version is ready.")).toHaveCount(0);
  const shells = () =>
    page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("lectern-shell-")));
  await expect.poll(async () => (await shells()).length).toBe(1);
  const [oldShell] = await shells();
  try {
    // A deployment: one file of the shell has a new revision, so the worker is new.
    const deployed = original.replace(/("revision"\s*:\s*")([^"]+)"/, `$1$2-${Date.now()}"`);
    expect(deployed).not.toBe(original);
    writeFileSync(file, deployed);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
      return true;
    });
    const prompt = page.getByRole("status").filter({ hasText: "A new version is ready." });
    await expect(prompt).toBeVisible();
    // Nothing changes until the learner says so: the old shell still serves this page.
    expect(await shells()).toContain(oldShell);
    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
    await hydrated(page, true);
    await expect(page.getByText("A new version is ready.")).toHaveCount(0);
    // The new version took over and the old shell is gone: never a mix of the two.
    await expect.poll(async () => (await shells()).length).toBe(1);
    expect((await shells())[0]).not.toBe(oldShell);
  } finally {
    writeFileSync(file, original);
  }
});

test("the progress queue survives a reload, keeps its order, and a long offline session syncs in batches of 500 @needs-js", async ({
  page,
  context,
}) => {
  test.info().annotations.push({ type: "expects-api-failure", description: "progress requests fail on purpose" });
  await signUp(page, "Quinn Queue", `quinn-${Date.now()}@example.org`);
  await page.goto(course);
  await hydrated(page, true);
  const started = page.waitForRequest((r) => r.url().endsWith("/api/record_progress"));
  await page.getByRole("button", { name: "Enroll for free" }).click();
  const lessonId: number = (await started).postDataJSON().events[0].lesson_id;
  await hydrated(page, true);
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count())).toBe(0);

  // The server cannot be reached: a long session's worth of events waits in the queue.
  await context.route("**/api/record_progress", (route) => route.abort("internetdisconnected"));
  const total = 1201;
  const ids: string[] = await page.evaluate(
    async ({ lessonId, total }) => {
      const now = Date.now();
      const events = Array.from({ length: total }, (_, i) => ({
        event_id: crypto.randomUUID(),
        lesson_id: lessonId,
        kind: "position",
        position_seconds: i,
        duration_seconds: null,
        client_at: new Date(now - (total - i) * 10).toISOString(),
      }));
      await (window as any).lecternQueue.add(...events);
      return events.map((e) => e.event_id);
    },
    { lessonId, total },
  );
  await expect(page.getByRole("status").filter({ hasText: /waiting to sync/ })).toContainText(
    `${total} changes waiting to sync`,
  );

  // A reload (a crash, a closed tab) keeps them, in the order they were made.
  await page.reload();
  await hydrated(page, true);
  const kept: string[] = await page.evaluate(async () =>
    ((await (window as any).lecternQueue.oldest()) as { event_id: string }[]).map((e) => e.event_id),
  );
  expect(kept).toEqual(ids);

  // The server is back: the queue goes in batches of at most 500, oldest first, and every
  // event is applied exactly once. The page and the service worker's Background Sync may both
  // send (whichever comes first): listen to the whole context, and a batch both sent is
  // answered "duplicate" the second time.
  const batches: string[][] = [];
  const applied = new Map<string, number>();
  const others: string[] = [];
  context.on("response", async (r) => {
    if (!r.url().endsWith("/api/record_progress") || !r.ok()) return;
    batches.push(r.request().postDataJSON().events.map((e: { event_id: string }) => e.event_id));
    for (const result of (await r.json()).results) {
      if (result.status === "applied") applied.set(result.event_id, (applied.get(result.event_id) ?? 0) + 1);
      else others.push(result.status);
    }
  });
  await context.unroute("**/api/record_progress");
  await page.reload();
  await hydrated(page, true);
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count()), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => applied.size, { timeout: 20_000 }).toBe(total);
  expect([...applied.values()].filter((n) => n !== 1), "applied more than once").toEqual([]);
  expect(others.filter((s) => s !== "duplicate"), "rejected").toEqual([]);
  expect(Math.max(...batches.map((b) => b.length)), "batch size").toBeLessThanOrEqual(500);
  expect(batches.length, "several batches").toBeGreaterThanOrEqual(3);
  // Oldest first: each request carries a run of the queue in the order it was made.
  for (const batch of batches) {
    const start = ids.indexOf(batch[0]);
    expect(batch, "in queue order").toEqual(ids.slice(start, start + batch.length));
  }
});

test("another person signing in on the same browser never gets the previous learner's unsent progress @needs-js", async ({
  page,
  context,
}) => {
  test.info().annotations.push({ type: "expects-api-failure", description: "progress requests fail on purpose" });
  await signUp(page, "Ada Earlier", `ada-${Date.now()}@example.org`);
  await page.goto(course);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(new RegExp(`lessons/${lessons[0]}$`));
  await hydrated(page, true);
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count())).toBe(0);

  // Ada completes a lesson while progress cannot be sent: it waits in this browser's queue.
  await context.route("**/api/record_progress", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByTestId("lesson-done")).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count())).toBe(1);

  // Her session ends without signing out here (it expired), and Bea signs up on the same browser.
  await context.clearCookies();
  await context.unroute("**/api/record_progress");
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/record_progress")) sent.push(...r.postDataJSON().events.map((e: any) => e.kind));
  });
  await signUp(page, "Bea Later", `bea-${Date.now()}@example.org`);
  await page.goto(course);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(new RegExp(`lessons/${lessons[0]}$`));
  await hydrated(page, true);

  // Bea's own "started" is sent; Ada's completion is dropped, never sent as Bea's.
  await expect.poll(() => page.evaluate(() => (window as any).lecternQueue.count())).toBe(0);
  await expect.poll(() => sent).toContain("started");
  expect(sent).not.toContain("completed");
  await expect(page.getByTestId("lesson-done")).toHaveCount(0);
  await page.goto("/learning");
  await expect(page.getByTestId("enrolled-course").filter({ hasText: "Deep Work" })).toContainText(
    /(^|\D)0 of \d+ lessons/,
  );
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  /** Nothing sticks out on the right, and axe finds nothing serious. */
  async function fits(page: Page, what: string) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${what}: no sideways scrolling`).toBeLessThanOrEqual(innerWidth);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`), `${what}: axe`).toEqual([]);
  }

  test("the offline copy box and the offline page fit, and read well @needs-js", async ({ page, context }) => {
    test.info().annotations.push({ type: "expects-api-failure", description: "the network is cut on purpose" });
    await signUp(page, "Pia Phone", `pia-${Date.now()}@example.org`);
    await page.goto(course);
    await hydrated(page, true);
    await page.getByRole("button", { name: "Enroll for free" }).click();
    await expect(page).toHaveURL(new RegExp(`lessons/${lessons[0]}$`));
    const offline = await downloadCourse(page);
    await expect(offline.getByRole("button", { name: "Remove download" })).toBeVisible();
    await fits(page, "course page with a download");
    await page.goto("/learning");
    await expect(page.getByText("Downloaded", { exact: true }).first()).toBeVisible();
    await fits(page, "My learning with a download");

    await goOffline(context);
    await page.goto("/courses");
    await expect(page.getByRole("heading", { level: 1, name: "You're offline" })).toBeVisible();
    await fits(page, "the offline page");
    await goOnline(context);
  });
});
