import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

// The admin account is created by scripts/test.sh with `server create-admin`, as a new
// operator would; its credentials come in through the environment.
const adminEmail = process.env.LECTERN_E2E_ADMIN_EMAIL ?? "";
const adminPassword = process.env.LECTERN_E2E_ADMIN_PASSWORD ?? "";
const password = "correct horse battery staple 42";

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a learner applies to teach, an admin approves and promotes @needs-js", async ({ page }) => {
  expect(adminEmail, "LECTERN_E2E_ADMIN_EMAIL set by scripts/test.sh").not.toBe("");
  const stamp = Date.now();
  const applicant = `applicant-${stamp}@example.org`;
  const other = `other-${stamp}@example.org`;

  await signUp(page, "Other Person", other);
  await signOut(page);

  await signUp(page, "Ava Applicant", applicant);
  await page.getByTestId("signed-in-as").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await hydrated(page, true);
  await page
    .getByLabel("What would you like to teach, and what is your experience?")
    .fill("I have taught SQL to analysts for six years and would like to publish a course here.");
  await page.getByRole("button", { name: "Apply to teach" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Application sent" })).toBeVisible();
  await signOut(page);

  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  await page.goto("/admin/applications");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Approve Ava Applicant" }).click();
  await expect(page.getByRole("button", { name: "Approve Ava Applicant" })).toHaveCount(0);

  await page.goto(`/admin/users?q=${encodeURIComponent(applicant)}`);
  await expect(page.getByLabel(`Role for ${applicant}`)).toHaveValue("instructor");

  await page.goto(`/admin/users?q=${encodeURIComponent(other)}`);
  await hydrated(page, true);
  await page.getByLabel(`Role for ${other}`).selectOption("instructor");
  await page.getByRole("button", { name: "Save" }).click();
  await page.goto(`/admin/users?q=${encodeURIComponent(other)}`);
  await expect(page.getByLabel(`Role for ${other}`)).toHaveValue("instructor");
});
