import { test, expect, hydrated } from "./fixtures";
import type { Browser, Page } from "@playwright/test";

const password = "correct horse battery staple 42";
const course = "/courses/ux-research-basics";

async function signUp(page: Page, name: string) {
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

/** A new learner in a browser of their own (own address, so sign-up limits count apart). */
async function learnerIn(browser: Browser, name: string, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  const page = await context.newPage();
  await signUp(page, name);
  return page;
}

test("a learner who finished a lesson reviews with the keyboard and edits it; the instructor replies; another marks it helpful and reports it; an admin hides it and the card changes @needs-js", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now() % 1000000;
  const name = `Rhea Reviewer ${stamp}`;
  await signUp(page, name);
  await page.goto(course);
  await hydrated(page, true);
  await expect(page.getByRole("heading", { name: "Reviews" })).toBeVisible();
  await expect(page.getByText("Enroll in this course and open a lesson to review it.")).toBeVisible();
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/courses\/ux-research-basics\/lessons\//);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("✓ Lesson complete")).toBeVisible();

  await page.goto(course);
  await hydrated(page, true);
  const form = page.getByRole("region", { name: "Review this course" });
  await expect(form).toBeVisible();
  // Keyboard only: the stars are a radio group (arrow keys move the choice).
  await form.getByRole("radio", { name: "5 stars" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(form.getByRole("radio", { name: "4 stars" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Your review (optional)")).toBeFocused();
  await page.keyboard.type("Practical <exercises> and a calm pace.");
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Post review" })).toBeFocused();
  await page.keyboard.press("Enter");

  const mine = page.getByRole("article", { name: `Review by ${name}` });
  await expect(mine).toContainText("Practical <exercises> and a calm pace.");
  await expect(mine).toContainText("Rated 4 out of 5");
  await expect(page.getByRole("heading", { name: "Your review" })).toBeVisible();

  await page.getByText("Edit your review").click();
  const edit = page.locator("details").filter({ hasText: "Edit your review" });
  await edit.getByRole("radio", { name: "5 stars" }).check();
  await edit.getByLabel("Your review (optional)").fill("Too short");
  await edit.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText(/Write at least 10 and at most 5000 characters/)).toBeVisible();
  await edit.getByLabel("Your review (optional)").fill("Practical exercises, a calm pace, and worth it.");
  await edit.getByRole("button", { name: "Save review" }).click();
  await expect(mine).toContainText("(edited)");
  await expect(mine).toContainText("worth it");
  await expect(mine).toContainText("Rated 5 out of 5");

  // Another learner finds it helpful (once) and reports it.
  const other = await learnerIn(browser, `Hugo Helper ${stamp}`, `10.77.${stamp % 250}.${(stamp >> 8) % 250}`);
  await other.goto(course);
  await hydrated(other, true);
  const theirs = other.getByRole("article", { name: `Review by ${name}` });
  await theirs.getByRole("button", { name: "Helpful" }).click();
  await expect(other.getByRole("article", { name: `Review by ${name}` })).toContainText("1 person found this helpful");
  await expect(other.getByRole("article", { name: `Review by ${name}` })).toContainText("You found this helpful");
  await other.getByRole("article", { name: `Review by ${name}` }).getByText("Report", { exact: true }).click();
  await other.getByRole("article", { name: `Review by ${name}` }).getByLabel("Reason").fill("Mentions a competitor");
  await other.getByRole("article", { name: `Review by ${name}` }).getByRole("button", { name: "Send report" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Report sent" })).toBeVisible();
  await other.context().close();

  // The catalogue card counts it.
  const card = (p: Page) => p.getByRole("article").filter({ hasText: "UX Research Basics" });
  await page.goto("/courses?q=UX+research");
  await expect(card(page)).toContainText("Rated 5.0 out of 5 from 1 rating");

  // The instructor finds it on /teach and replies under it.
  const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  const teacherContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.79.${stamp % 250}.7` } });
  const teacher = await teacherContext.newPage();
  await teacher.goto("/signin");
  await hydrated(teacher, true);
  await teacher.getByLabel("Email").fill("miguel@lectern.dev");
  await teacher.getByLabel("Password").fill(instructorPassword);
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await expect(teacher.getByTestId("signed-in-as")).toHaveText("Miguel Serrano");
  await teacher.goto("/teach");
  await hydrated(teacher, true);
  const newReviews = teacher.getByRole("region", { name: "New reviews" });
  await newReviews.getByRole("link", { name: `Reply: ${name}'s review of UX Research Basics` }).click();
  await expect(teacher).toHaveURL(/\/courses\/ux-research-basics\?reviews=newest#review-\d+$/);
  await hydrated(teacher, true);
  const answered = teacher.getByRole("article", { name: `Review by ${name}` });
  await answered.getByText("Reply", { exact: true }).click();
  await answered.getByLabel("Your reply").fill("Thank you! Part two gets more exercises next month.");
  await answered.getByRole("button", { name: "Post reply" }).click();
  await expect(teacher.getByRole("article", { name: `Review by ${name}` })).toContainText("Reply from the instructor");
  await teacherContext.close();
  await page.goto(course);
  await expect(mine).toContainText("Thank you! Part two gets more exercises next month.");

  // An admin hides it from the queue; the author is told why and others no longer see it.
  const adminEmail = process.env.LECTERN_E2E_ADMIN_EMAIL ?? "";
  const adminPassword = process.env.LECTERN_E2E_ADMIN_PASSWORD ?? "";
  expect(adminEmail, "LECTERN_E2E_ADMIN_EMAIL set by scripts/test.sh").not.toBe("");
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.78.${stamp % 250}.9` } });
  const admin = await adminContext.newPage();
  await admin.goto("/signin");
  await hydrated(admin, true);
  await admin.getByLabel("Email").fill(adminEmail);
  await admin.getByLabel("Password").fill(adminPassword);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  await admin.goto("/admin/reviews");
  await hydrated(admin, true);
  const reported = admin.getByRole("listitem").filter({ hasText: `${name} ·` });
  await expect(reported).toContainText("Mentions a competitor");
  await reported.getByText("Hide…").click();
  await reported.getByLabel("Reason (its author will read this)").fill("Names another product");
  await reported.getByRole("button", { name: "Hide review" }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: `${name} ·` })).toHaveCount(0);
  await adminContext.close();

  await page.reload();
  await hydrated(page, true);
  await expect(page.getByText("A moderator hid this review: Names another product.")).toBeVisible();
  await expect(page.getByRole("article", { name: `Review by ${name}` })).toHaveCount(0);

  // The card's rating follows at once.
  await page.goto("/courses?q=UX+research");
  await expect(card(page)).toContainText("No ratings yet");
});

test("a visitor reads the rating summary and is told how to review", async ({ page }) => {
  await page.goto(course);
  await expect(page.getByRole("heading", { name: "Reviews" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Order of reviews" }).getByRole("link", { name: "Most helpful" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in to review this course" }).click();
  await expect(page).toHaveURL(/\/signin\?next=/);
});
