import { test, expect, hasJs, hydrated } from "./fixtures";
import type { Browser, Page } from "@playwright/test";

const password = "correct horse battery staple 42";

/** A new learner in a browser of their own (own address, so sign-up limits count apart). */
async function learnerIn(browser: Browser, name: string, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  const page = await context.newPage();
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
  return page;
}

test("a learner completes a course, gets its badge, a signed-out visitor sees it valid, and after the instructor revokes it, revoked @needs-js", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 1000000;
  const name = `Bea Badger ${stamp}`;
  const page = await learnerIn(browser, name, `10.81.${stamp % 250}.3`);

  await page.goto("/achievements");
  await expect(page.getByRole("heading", { name: "Achievements", level: 1 })).toBeVisible();
  await expect(page.getByText("No badges yet.")).toBeVisible();

  // Work through UX Research Basics, as the completion test does.
  await page.goto("/courses/ux-research-basics");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/courses\/ux-research-basics\/lessons\//);
  await hydrated(page, true);
  const bar = page.getByRole("progressbar", { name: "Course progress" });
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

  // Both of the course's badges, reached from My learning.
  await page.goto("/learning");
  await page.getByRole("link", { name: "Achievements" }).click();
  await expect(page).toHaveURL(/\/achievements$/);
  const graduate = page.getByRole("listitem").filter({ hasText: "UX Research Basics graduate" });
  await expect(graduate).toBeVisible();
  await expect(page.getByRole("heading", { name: "First insight" })).toBeVisible();
  // The demo's site-wide badge for a first course completed, from no course in particular.
  await expect(page.getByRole("heading", { name: "First course completed" })).toBeVisible();
  await expect(graduate.getByRole("link", { name: /Download \.jwt/ })).toBeVisible();
  await graduate.getByRole("link", { name: /Credential page/ }).click();
  await expect(page).toHaveURL(/\/credentials\/[0-9a-f-]{36}$/);
  const credentialUrl = page.url();
  await expect(page.getByRole("status")).toContainText("Valid");

  // A signed-out visitor opens the shared link.
  const visitorContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.82.${stamp % 250}.4` } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(credentialUrl);
  await expect(visitor.getByRole("heading", { name: "UX Research Basics graduate", level: 1 })).toBeVisible();
  await expect(visitor.getByText(`Awarded to ${name}`)).toBeVisible();
  await expect(visitor.getByRole("status")).toContainText("Valid");

  // The instructor revokes it from the course's badges page.
  const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  const teacherContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.83.${stamp % 250}.5` } });
  const teacher = await teacherContext.newPage();
  await teacher.goto("/signin");
  await hydrated(teacher, true);
  await teacher.getByLabel("Email").fill("miguel@lectern.dev");
  await teacher.getByLabel("Password").fill(instructorPassword);
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await expect(teacher.getByTestId("signed-in-as")).toHaveText("Miguel Serrano");
  await teacher.goto("/teach");
  await teacher.getByRole("link", { name: "UX Research Basics", exact: true }).click();
  await expect(teacher).toHaveURL(/\/teach\/courses\/\d+$/);
  await teacher.getByRole("link", { name: "Badges", exact: true }).click();
  await expect(teacher.getByRole("heading", { name: "Badges", level: 1 })).toBeVisible();
  await hydrated(teacher, true);
  const award = teacher.getByRole("listitem").filter({ hasText: `UX Research Basics graduate to ${name}` });
  await award.getByText("Revoke…").click();
  await award.getByLabel("Reason for revoking").fill("Completed with a shared account");
  await award.getByRole("button", { name: `Revoke UX Research Basics graduate to ${name}` }).click();
  await expect(
    teacher.getByRole("listitem").filter({ hasText: `UX Research Basics graduate to ${name}` }),
  ).toContainText("Revoked: Completed with a shared account");
  await teacherContext.close();

  await visitor.reload();
  await expect(visitor.getByRole("status")).toContainText("Revoked");
  await expect(visitor.getByRole("status")).toContainText("Completed with a shared account");
  await visitorContext.close();
  await page.context().close();
});

test("anyone can paste a credential to check it, and a changed one is invalid", async ({ page }) => {
  await page.goto("/credentials/verify");
  await expect(page.getByRole("heading", { name: "Verify a credential", level: 1 })).toBeVisible();
  await page.getByLabel("Credential (JWT)").fill("eyJhbGciOiJSUzI1NiJ9.eyJpZCI6IngifQ.c2lnbmF0dXJl");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/credentials\/verify\?token=/);
  await expect(page.getByRole("status")).toContainText("Invalid");
  await expect(page.getByRole("status")).toContainText("not signed with this site's key");
});

test("a credential that does not exist is a page not found with a way on", async ({ page }) => {
  const response = await page.goto("/credentials/00000000-0000-0000-0000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an admin defines a site-wide badge next to the demo's streak badge, and deletes it while nobody holds it", async ({
  page,
}) => {
  const js = hasJs(page);
  const adminEmail = process.env.LECTERN_E2E_ADMIN_EMAIL ?? "";
  const adminPassword = process.env.LECTERN_E2E_ADMIN_PASSWORD ?? "";
  expect(adminEmail, "LECTERN_E2E_ADMIN_EMAIL set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await hydrated(page, js);
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: "Site-wide badges" }).click();
  await expect(page).toHaveURL(/\/admin\/badges$/);
  await expect(page.getByRole("heading", { name: "Site-wide badges", level: 1 })).toBeVisible();
  await hydrated(page, js);
  const streak = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "7-day streak" }) });
  await expect(streak).toContainText("Earned when the learner: Keeps a 7-day streak");

  const name = `Ten courses ${Date.now() % 1000000}`;
  const form = page.getByRole("region", { name: "New site-wide badge" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Description").fill("Finished ten courses.");
  await form.getByLabel("Criteria").fill("Complete every lesson of ten courses.");
  await form.getByLabel("Trophy").check();
  await form.getByLabel("Earned when the learner").selectOption({ label: "Completes a number of courses" });
  await form.getByLabel("Number of courses or days").fill("10");
  await form.getByRole("button", { name: "Create badge" }).click();
  const created = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(created).toContainText("Earned when the learner: Completes 10 courses");
  await expect(created).toContainText("Held by 0 learners");

  await created.getByText("Delete…").click();
  await created.getByRole("button", { name: `Delete badge ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
  await expect(streak).toBeVisible();
});
