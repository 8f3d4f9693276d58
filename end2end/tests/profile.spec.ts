import { test, expect, hydrated } from "./fixtures";

const password = "correct horse battery staple 42";

test("profile: rename, API token, delete account @needs-js", async ({ page }) => {
  const email = `profile-${Date.now()}@example.org`;
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill("Sam Before");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam Before");

  await page.getByTestId("signed-in-as").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await hydrated(page, true);
  await expect(page.getByRole("link", { name: "Read the API documentation" })).toHaveAttribute("href", "/api/docs");

  await page.getByRole("textbox", { name: "Display name" }).fill("Sam After");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam After");

  await page.getByLabel("New token name").fill("backup script");
  await page.getByLabel("Password to confirm").fill("not the password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Enter your current password to create a token.")).toBeVisible();
  await page.getByLabel("Password to confirm").fill(password);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "will not be shown again" })).toContainText("lct_");
  await expect(page.getByText(/backup script \(lct_/)).toBeVisible();
  // Read and Learn are ticked unless changed.
  await expect(page.getByText("Scopes: read, learn")).toBeVisible();
  await page.getByRole("button", { name: "Revoke backup script" }).click();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  const deleteButton = page.getByRole("button", { name: "Delete my account" });
  await expect(deleteButton).toBeDisabled();
  await page.locator("#delete-password").fill("not the password");
  await page.getByLabel("I understand this deletes my account").check();
  await deleteButton.click();
  await expect(page.locator("#delete-password-error")).toHaveText("Your password is incorrect.");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam After");

  await page.locator("#delete-password").fill(password);
  await deleteButton.click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
});
