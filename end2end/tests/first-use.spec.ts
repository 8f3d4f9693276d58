import { test, expect, hydrated, hasJs } from "./fixtures";
import type { Page } from "@playwright/test";

// What a first-time visitor and instructor tripped over (issue 15). Tests without @needs-js run
// twice: hydrated and with JavaScript off (plain form posts and server redirects).

const password = "correct horse battery staple 42";
const instructorEmail = "ada@lectern.dev";
const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await hydrated(page, hasJs(page));
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

/** Fills and sends the sign-in form the page is on. */
async function signInHere(page: Page, email: string, secret: string) {
  await hydrated(page, hasJs(page));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signed out, My learning asks to sign in and comes back after", async ({ page }) => {
  const email = `back-${Date.now()}@example.org`;
  await signUp(page, "Bea Back", email);
  await page.context().clearCookies();

  await page.goto("/learning");
  await expect(page).toHaveURL(/\/signin\?next=\/learning$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await signInHere(page, email, password);
  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Bea Back");
});

test("signing in from a page that needs it keeps the address and its query", async ({ page }) => {
  const response = await page.goto("/account?from=test");
  expect(response?.url()).toMatch(/\/signin\?next=(%2F|\/)account%3Ffrom%3Dtest$/);
  // A next pointing at another site is ignored: the link to sign up does not carry it.
  await page.goto("/signin?next=//evil.example/");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup");
});

test("an instructor lands on their courses after signing in", async ({ page }) => {
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await signInHere(page, instructorEmail, instructorPassword);
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();

  // Last edits are <time> elements: UTC from the server, the reader's local time once hydrated.
  const edited = page.getByRole("table", { name: "Your courses" }).locator("time").first();
  await expect(edited).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  if (hasJs(page)) {
    await hydrated(page, true);
    await expect(edited).not.toContainText("UTC");
  } else {
    await expect(edited).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/);
  }
});

test("a learner without the role is offered a next step on a teaching page", async ({ page }) => {
  await signUp(page, "Nora Notyet", `notyet-${Date.now()}@example.org`);
  const response = await page.goto("/teach");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await page.getByRole("link", { name: "Apply to teach" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a lesson shows its title once", async ({ page }) => {
  await page.goto("/courses/rust-fundamentals/lessons/why-rust");
  await expect(page.getByRole("heading", { level: 1, name: "Why Rust?" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why Rust?", exact: true })).toHaveCount(1);
});

test("course facts name the language and count lessons in words", async ({ page }) => {
  await page.goto("/courses/ecrire-en-francais");
  const language = page.locator("dt", { hasText: "Language" }).locator("xpath=following-sibling::dd[1]");
  await expect(language).toHaveText("French");
  const length = page.locator("dt", { hasText: "Length" }).locator("xpath=following-sibling::dd[1]");
  await expect(length).toHaveText(/^\d+ lessons? · /);
  await expect(length).not.toHaveText(/^1 lessons/);
});

test("the course editor shows the course's own currency in its price label", async ({ page }) => {
  await page.goto("/signin?next=/teach");
  await signInHere(page, instructorEmail, instructorPassword);
  await page.getByRole("link", { name: "Écrire en français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Écrire en français" })).toBeVisible();
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Price (EUR, 0 = free)")).toBeVisible();
});

test("the teaching dashboard counts the learners its statistics show @needs-js", async ({ page, browser }) => {
  // A learner enrolls in one of Ada's courses.
  const learner = await browser.newPage();
  await signUp(learner, "Cal Counted", `counted-${Date.now()}@example.org`);
  await learner.goto("/courses/deep-work");
  await hydrated(learner, true);
  await learner.getByRole("button", { name: "Enroll for free" }).click();
  await expect(learner).toHaveURL(/\/courses\/deep-work\/lessons\//);
  await learner.close();

  await page.goto("/signin");
  await signInHere(page, instructorEmail, instructorPassword);
  await expect(page).toHaveURL(/\/teach$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Deep Work" }) });
  const learners = (await row.getByRole("cell").nth(3).innerText()).trim();
  expect(Number(learners)).toBeGreaterThan(0);
  const editor = await row.getByRole("link", { name: "Deep Work" }).getAttribute("href");
  await page.goto(`${editor}/stats`);
  await expect(page.getByTestId("stat-enrollments")).toHaveText(learners);
});

test("deleting a lesson asks in a dialog that Escape cancels @needs-js", async ({ page }) => {
  const title = `Dialog Course ${Date.now()}`;
  await page.goto("/signin?next=/teach");
  await signInHere(page, instructorEmail, instructorPassword);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await hydrated(page, true);
  await page.getByLabel("Course title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await hydrated(page, true);
  await page.getByLabel("New section title").fill("Only section");
  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("New lesson in Only section").fill("Doomed lesson");
  await page.getByRole("button", { name: "Add lesson" }).click();
  const rows = page.getByTestId("lesson-row");
  await expect(rows).toHaveCount(1);

  const remove = page.getByRole("button", { name: "Delete lesson Doomed lesson" });
  await remove.click();
  const dialog = page.getByRole("dialog", { name: "Delete the lesson “Doomed lesson”?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(rows).toHaveCount(1);

  await remove.click();
  await dialog.getByRole("button", { name: "Delete lesson" }).click();
  await expect(rows).toHaveCount(0);
  await expect(dialog).toBeHidden();
});

test("signed out, Enroll goes to sign in and back to the course @needs-js", async ({ page }) => {
  const email = `enroll-${Date.now()}@example.org`;
  await signUp(page, "Eli Enroll", email);
  await page.context().clearCookies();
  await page.goto("/courses/rust-fundamentals");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/signin\?next=\/courses\/rust-fundamentals$/);
  await signInHere(page, email, password);
  await expect(page).toHaveURL(/\/courses\/rust-fundamentals$/);
});
