import { test, expect, hydrated } from "./fixtures";
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

test("a learner completes a course and gets a certificate: the PDF, a verification page a signed-out visitor sees valid, and revoked once the instructor revokes it @needs-js", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 1000000;
  const name = `Cato Certo ${stamp}`;
  const page = await learnerIn(browser, name, `10.84.${stamp % 250}.3`);

  await page.goto("/achievements");
  await expect(page.getByRole("heading", { name: "Certificates", level: 2 })).toBeVisible();
  await expect(page.getByText("No certificates yet.")).toBeVisible();

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

  // The completion notice leads to it.
  await page.getByTestId("course-complete").getByRole("link", { name: "Your certificate" }).click();
  await expect(page).toHaveURL(/\/achievements$/);
  const card = page.getByRole("listitem").filter({ hasText: "Certificate of completion" });
  await expect(card.getByRole("heading", { name: "UX Research Basics" })).toBeVisible();

  // The PDF, as the learner downloads it.
  const pdfHref = await card.getByRole("link", { name: /Download PDF/ }).getAttribute("href");
  expect(pdfHref).toMatch(/^\/certificates\/[0-9a-f-]{36}\/certificate\.pdf$/);
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await card.getByRole("link", { name: /Verification page/ }).click();
  await expect(page).toHaveURL(/\/certificates\/[0-9a-f-]{36}$/);
  const certificateUrl = page.url();
  await expect(page.getByRole("status")).toContainText("Valid");

  // A signed-out visitor opens it, as the QR code on the PDF would take them.
  const visitorContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.85.${stamp % 250}.4` } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(certificateUrl);
  await expect(visitor.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "UX Research Basics" })).toBeVisible();
  await expect(visitor.getByRole("status")).toContainText("Valid");

  // The instructor revokes it from the course's badges page.
  const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  const teacherContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `10.86.${stamp % 250}.5` } });
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
  await expect(teacher.getByRole("heading", { name: "Certificates", level: 2 })).toBeVisible();
  await hydrated(teacher, true);
  const item = teacher.getByRole("listitem").filter({ hasText: `Certificate of ${name}` });
  await item.getByText("Revoke…").click();
  await item.getByLabel("Reason for revoking").fill("Completed with a shared account");
  await item.getByRole("button", { name: `Revoke the certificate of ${name}` }).click();
  await expect(teacher.getByRole("listitem").filter({ hasText: `Certificate of ${name}` })).toContainText(
    "Revoked: Completed with a shared account",
  );
  await teacherContext.close();

  await visitor.reload();
  await expect(visitor.getByRole("status")).toContainText("Revoked");
  await expect(visitor.getByRole("status")).toContainText("Completed with a shared account");
  await visitorContext.close();

  await page.goto("/achievements");
  await expect(page.getByRole("listitem").filter({ hasText: "Certificate of completion" })).toContainText(
    "Revoked: Completed with a shared account",
  );
  await page.context().close();
});

test("a certificate that does not exist is a page not found with a way on", async ({ page }) => {
  const response = await page.goto("/certificates/00000000-0000-0000-0000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const pdf = await page.request.get("/certificates/00000000-0000-0000-0000-000000000000/certificate.pdf");
  expect(pdf.status()).toBe(404);
});
