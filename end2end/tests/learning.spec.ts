import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

const password = "correct horse battery staple 42";
const course = "/courses/deep-work";

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

test("a learner enrolls, completes lessons, is resumed, and a second tab follows live @needs-js", async ({
  page,
  context,
}) => {
  await signUp(page, "Lena Learner", `lena-${Date.now()}@example.org`);

  // Not enrolled: a lesson that needs enrollment says so.
  await page.goto(`${course}/lessons/cost-of-context-switching`);
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled learners" })).toBeVisible();

  // Enroll from the course page: straight into the first lesson.
  await page.goto(course);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/courses\/deep-work\/lessons\/what-is-deep-work$/);
  await hydrated(page, true);
  await expect(page.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("aria-valuenow", "0");

  // A second tab of the same learner on the course page.
  const second = await context.newPage();
  await second.goto(course);
  await hydrated(second, true);
  await expect(second.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("aria-valuenow", "0");

  // Complete the first lesson: the bar moves here and, live, in the other tab.
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByTestId("lesson-done")).toBeVisible();
  const afterOne = await page.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow");
  expect(Number(afterOne)).toBeGreaterThan(0);
  await expect(second.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("aria-valuenow", afterOne!);

  // Next lesson with the keyboard shortcut, complete it too.
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/cost-of-context-switching$/);
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByTestId("lesson-done")).toBeVisible();
  const afterTwo = await page.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow");
  expect(Number(afterTwo)).toBeGreaterThan(Number(afterOne));

  // After a reload everything is still there, and "continue" resumes at the next lesson.
  await page.reload();
  await hydrated(page, true);
  await expect(page.getByTestId("lesson-done")).toBeVisible();
  await page.goto("/learning");
  const card = page.getByTestId("enrolled-course").filter({ hasText: "Deep Work" });
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", afterTwo!);
  await card.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/courses\/deep-work\/lessons\/time-blocking$/);
  await second.close();
});

test("a learner works through a whole course to the completion screen @needs-js", async ({ page }) => {
  await signUp(page, "Cora Completer", `cora-${Date.now()}@example.org`);
  await page.goto("/courses/ux-research-basics");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/courses\/ux-research-basics\/lessons\//);
  await hydrated(page, true);
  const bar = page.getByRole("progressbar", { name: "Course progress" });

  // Mark each lesson complete and move on with the keyboard until none is left.
  for (let step = 0; step < 20; step += 1) {
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByTestId("lesson-done")).toBeVisible();
    if ((await bar.getAttribute("aria-valuenow")) === "100") break;
    const url = page.url();
    await page.keyboard.press("n");
    await expect(page).not.toHaveURL(url);
    await hydrated(page, true);
  }
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("course-complete")).toContainText("Course complete");

  // My learning shows it finished (under Completed), with Review instead of Continue.
  await page.goto("/learning?tab=completed");
  const card = page.getByTestId("enrolled-course").filter({ hasText: "UX" });
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(card.getByRole("link", { name: "Review" })).toBeVisible();
});
