import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

// The demo instructor's password is set by scripts/test.sh (LECTERN_DEMO_PASSWORD), as
// scripts/serve.sh does for a local demo.
const instructorEmail = "ada@lectern.dev";
const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";

/** The smallest valid PNG (1×1). */
const png = Buffer.from(
  "89504E470D0A1A0A0000000D4948445200000001000000010806000000" +
    "1F15C4890000000D49444154789C63000100000500010D0A2DB40000000049454E44AE426082",
  "hex",
);

async function signInAsInstructor(page: Page) {
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(instructorEmail);
  await page.getByLabel("Password").fill(instructorPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();
}

async function newCourse(page: Page, title: string) {
  await page.goto("/teach");
  await hydrated(page, true);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await page.getByLabel("Course title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await hydrated(page, true);
}

function lessonTitles(page: Page) {
  return page.getByTestId("lesson-row").locator("a");
}

test("an instructor builds, reorders, uploads a cover and publishes a course @needs-js", async ({
  page,
  browser,
}) => {
  const title = `Pottery for Programmers ${Date.now()}`;
  await signInAsInstructor(page);
  await newCourse(page, title);
  await expect(page.getByTestId("course-status")).toHaveText("Draft");

  // A section and two lessons.
  await page.getByLabel("New section title").fill("Getting started");
  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("New lesson in Getting started").fill("Clay basics");
  await page.getByRole("button", { name: "Add lesson" }).click();
  await expect(lessonTitles(page)).toHaveText(["Clay basics"]);
  await page.getByLabel("New lesson in Getting started").fill("Wheel throwing");
  await page.getByRole("button", { name: "Add lesson" }).click();
  await expect(lessonTitles(page)).toHaveText(["Clay basics", "Wheel throwing"]);

  // Reorder with the keyboard only: focus the control and press Enter.
  await page.getByRole("button", { name: "Move lesson Wheel throwing up" }).focus();
  await page.keyboard.press("Enter");
  await expect(lessonTitles(page)).toHaveText(["Wheel throwing", "Clay basics"]);
  // Focus stays on a move control of the moved lesson, so it can keep moving.
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /Wheel throwing/);

  // Autosaved description with a live preview rendered by the shared markdown code.
  await page.getByLabel("Description (markdown)").fill("# Learn pottery\n\nGet your hands **dirty**.");
  await expect(page.getByTestId("description-preview").locator("strong")).toHaveText("dirty");
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");

  // A cover image, with upload progress shown.
  await expect(page.getByTestId("publish-problems")).toContainText("Upload a cover image.");
  await page.getByLabel(/Upload a cover/).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Uploaded cover.png")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current cover" })).toBeVisible();

  // Everything survives a reload: order, description, cover.
  await page.reload();
  await hydrated(page, true);
  await expect(lessonTitles(page)).toHaveText(["Wheel throwing", "Clay basics"]);
  await expect(page.getByLabel("Description (markdown)")).toHaveValue("# Learn pottery\n\nGet your hands **dirty**.");

  await expect(page.getByText("Ready to publish.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("course-status")).toHaveText("Published");

  // A visitor (another browser, not signed in) finds it in the catalogue.
  const visitor = await browser.newPage();
  await visitor.goto(`/courses?q=${encodeURIComponent(title)}`);
  await visitor.getByRole("link", { name: title }).first().click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText("Wheel throwing")).toBeVisible();
  await visitor.close();
});

test("typed text survives a failed save and a reload @needs-js", async ({ page }) => {
  test.info().annotations.push({ type: "expects-api-failure", description: "saves fail on purpose" });
  const title = `Autosave Drill ${Date.now()}`;
  await signInAsInstructor(page);
  await newCourse(page, title);

  // The server is unreachable for saves: the editor says so and keeps the text.
  await page.route("**/api/save_course*", (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Subtitle").fill("Written while offline");
  await expect(page.getByTestId("save-status")).toContainText("Not saved");

  // A reload with the server back restores the text from this browser and saves it.
  await page.unroute("**/api/save_course*");
  await page.reload();
  await hydrated(page, true);
  await expect(page.getByLabel("Subtitle")).toHaveValue("Written while offline");
  await expect(page.getByTestId("save-status")).toContainText("Restored unsaved changes");
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");

  // And it is on the server now: a fresh page load shows it without local help.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByLabel("Subtitle")).toHaveValue("Written while offline");
});

test("an instructor creates a coupon, fixing the fields it names, and ends it @needs-js", async ({ page }) => {
  await signInAsInstructor(page);
  await page.goto("/teach");
  await hydrated(page, true);
  await page.getByRole("link", { name: "Async Rust in Practice" }).first().click();
  await hydrated(page, true);
  await page.getByRole("link", { name: "Coupons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Coupons" })).toBeVisible();
  await hydrated(page, true);
  const code = `SAVE${Date.now() % 1000000}`;
  await page.getByLabel("Code").fill("no spaces please");
  await page.getByLabel("Discount", { exact: true }).fill("150");
  await page.getByRole("button", { name: "Create coupon" }).click();
  await expect(page.getByText("Use 3 to 32 letters, digits, - or _ (no spaces).")).toBeVisible();
  await expect(page.getByText("Enter a whole percentage from 1 to 99.")).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Discount", { exact: true }).fill("15");
  await page.getByLabel("Maximum redemptions (optional)").fill("3");
  await page.getByRole("button", { name: "Create coupon" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Coupon ${code} created: 15% off.` })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: code });
  await expect(item).toContainText("Redeemed 0 of 3");
  await expect(item).toContainText("Active");

  await item.getByText("End…").click();
  await item.getByRole("button", { name: `End coupon ${code} now` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: code })).toContainText("Expired");
});
