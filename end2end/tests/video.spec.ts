import { test, expect, hydrated } from "./fixtures";
import type { Browser, Locator, Page } from "@playwright/test";
import path from "node:path";

// A 12-second 160×90 WebM (4.5 kB), made with `ffmpeg -f lavfi -i color=…:d=12 -c:v libvpx`.
const clip = path.join(__dirname, "..", "fixtures", "clip.webm");
const png = Buffer.from(
  "89504E470D0A1A0A0000000D4948445200000001000000010806000000" +
    "1F15C4890000000D49444154789C63000100000500010D0A2DB40000000049454E44AE426082",
  "hex",
);
const password = "correct horse battery staple 42";

async function signInAsInstructor(page: Page) {
  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill("miguel@lectern.dev");
  await page.getByLabel("Password").fill(process.env.LECTERN_DEMO_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();
}

/** An instructor publishes a one-lesson course whose lesson is an uploaded video; its title. */
async function publishVideoCourse(page: Page, title: string) {
  await signInAsInstructor(page);
  await page.goto("/teach");
  await hydrated(page, true);
  await page.getByLabel("Course title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await hydrated(page, true);
  await page.getByLabel("New section title").fill("Watch");
  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("New lesson in Watch").fill("The clip");
  await page.getByLabel("Kind").selectOption("video");
  await page.getByRole("button", { name: "Add lesson" }).click();
  await page.getByLabel(/Upload a cover/).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Uploaded cover.png")).toBeVisible();

  // The lesson editor: upload the video, which is checked and attached.
  await page.getByRole("link", { name: "The clip" }).click();
  await hydrated(page, true);
  await page.getByLabel(/Upload a video/).setInputFiles(clip);
  await expect(page.getByTestId("lesson-media")).toContainText("clip.webm (video/webm");
  await page.getByRole("link", { name: `← ${title}` }).click();
  await hydrated(page, true);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("course-status")).toHaveText("Published");
}

/** A new learner in their own context, enrolled in `title` and on its video lesson. */
async function enrolledViewer(browser: Browser, name: string, title: string) {
  const context = await browser.newContext();
  const learner = await context.newPage();
  await learner.goto("/signup");
  await hydrated(learner, true);
  await learner.getByLabel("Your name").fill(name);
  await learner.getByLabel("Email").fill(`${name.split(" ")[0].toLowerCase()}-${Date.now()}@example.org`);
  await learner.getByLabel(/^Password/).fill(password);
  await learner.getByRole("button", { name: "Create account" }).click();
  await expect(learner.getByTestId("signed-in-as")).toHaveText(name);
  await learner.goto(`/courses?q=${encodeURIComponent(title)}`);
  await learner.getByRole("link", { name: title }).first().click();
  await hydrated(learner, true);
  await learner.getByRole("button", { name: "Enroll for free" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "The clip" })).toBeVisible();
  await hydrated(learner, true);
  return { context, learner };
}

/** Plays the muted video until `seconds`, then pauses it. */
async function watchUntil(video: Locator, seconds: number) {
  await video.evaluate(async (v: HTMLVideoElement, until: number) => {
    v.muted = true;
    await v.play();
    await new Promise<void>((done) => {
      const check = () => (v.currentTime >= until ? (v.pause(), done()) : requestAnimationFrame(check));
      check();
    });
  }, seconds);
}

test("a video lesson saves the position, resumes there, and completes at 90% @needs-js", async ({
  page,
  browser,
}) => {
  const title = `Video Drill ${Date.now()}`;
  await publishVideoCourse(page, title);

  // A learner enrolls and lands on the video lesson.
  const { context: learnerContext, learner } = await enrolledViewer(browser, "Vic Viewer", title);
  const video = learner.locator("video");

  // Watch about four seconds and pause: the position is recorded (the answer to the send that
  // carries it, not to an earlier one, such as the lesson's "started").
  const saved = learner.waitForResponse(
    (r) =>
      r.url().includes("/api/record_progress") && r.ok() && (r.request().postData() ?? "").includes('"position"'),
  );
  await watchUntil(video, 4);
  await saved;

  // Come back later: the player resumes where the learner paused.
  await learner.reload();
  await hydrated(learner, true);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(3.5);
  await expect(learner.getByTestId("lesson-done")).toHaveCount(0);

  // Watch past 90%: the lesson (and this one-lesson course) completes.
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    v.currentTime = 10.5;
    await v.play();
  });
  await expect(learner.getByTestId("lesson-done")).toBeVisible({ timeout: 15_000 });
  await expect(learner.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("aria-valuenow", "100");
  await learnerContext.close();
});

test("a downloaded video plays offline, and the part watched there is recorded once the network is back @needs-js", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  test.info().annotations.push({ type: "expects-api-failure", description: "the network is cut on purpose" });
  const title = `Offline Video ${Date.now()}`;
  await publishVideoCourse(page, title);
  const { context, learner } = await enrolledViewer(browser, "Otto Offline", title);

  // Download the course with its video (the service worker must control the page first).
  await learner.goto(`/courses?q=${encodeURIComponent(title)}`);
  await learner.getByRole("link", { name: title }).first().click();
  await hydrated(learner, true);
  await learner.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await learner.reload();
  await hydrated(learner, true);
  await expect.poll(() => learner.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const offline = learner.getByRole("region", { name: "Offline copy" });
  await offline.getByLabel(/Include videos/).check();
  await offline.getByRole("button", { name: "Download for offline" }).click();
  await expect(offline.getByText("Downloaded", { exact: true })).toBeVisible();
  const lesson = new URL(learner.url()).pathname + "/lessons/the-clip";

  // No network at all, for the page nor for the service worker.
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await learner.goto(lesson);
  await hydrated(learner, true);
  await expect(learner.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  const video = learner.locator("video");
  await watchUntil(video, 3);
  await expect(learner.getByRole("status").filter({ hasText: "You're offline" })).toContainText(/waiting to sync/);

  // Back online: the position reaches the server, and the player resumes there from it.
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.setOffline(false);
  await expect(learner.getByRole("status").filter({ hasText: "All changes synced." })).toBeVisible();
  await learner.reload();
  await hydrated(learner, true);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(2.5);
  await context.close();
});
