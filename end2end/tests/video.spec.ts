import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";
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

test("a video lesson saves the position, resumes there, and completes at 90% @needs-js", async ({
  page,
  browser,
}) => {
  const title = `Video Drill ${Date.now()}`;
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

  // A learner enrolls and lands on the video lesson.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto("/signup");
  await hydrated(learner, true);
  await learner.getByLabel("Your name").fill("Vic Viewer");
  await learner.getByLabel("Email").fill(`vic-${Date.now()}@example.org`);
  await learner.getByLabel(/^Password/).fill(password);
  await learner.getByRole("button", { name: "Create account" }).click();
  await expect(learner.getByTestId("signed-in-as")).toHaveText("Vic Viewer");
  await learner.goto(`/courses?q=${encodeURIComponent(title)}`);
  await learner.getByRole("link", { name: title }).first().click();
  await hydrated(learner, true);
  await learner.getByRole("button", { name: "Enroll for free" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "The clip" })).toBeVisible();
  await hydrated(learner, true);
  const video = learner.locator("video");

  // Watch about four seconds and pause: the position is recorded.
  const saved = learner.waitForResponse((r) => r.url().includes("/api/record_progress") && r.ok());
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
    await new Promise<void>((done) => {
      const check = () => (v.currentTime >= 4 ? (v.pause(), done()) : requestAnimationFrame(check));
      check();
    });
  });
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
