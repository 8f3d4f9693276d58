import * as fs from "fs";
import * as path from "path";
import { test, expect, hydrated } from "./fixtures";

// Account flows need the hydrated app (forms submit through server actions).
const password = "correct horse battery staple 42";

// Mail goes through the server's job queue: it lands in the outbox within a second or so.
async function latestResetLink(email: string): Promise<string> {
  const dir = process.env.LECTERN_OUTBOX;
  if (!dir) throw new Error("LECTERN_OUTBOX is not set (scripts/test.sh sets it)");
  for (let tries = 0; tries < 50; tries++) {
    const mails = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
          .filter((m) => m.includes(email))
      : [];
    const link = mails.at(-1)?.match(/https?:\/\/\S+\/account\/reset\/\S+/)?.[0];
    if (link) return new URL(link).pathname;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset link for ${email} in ${dir} after 10 seconds`);
}

test("sign up, sign out, sign in, reset the password @needs-js", async ({ page }) => {
  const email = `learner-${Date.now()}@example.org`;
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill("Pat Learner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/common|too short|at least/i).first()).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Pat Learner");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Pat Learner");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/account/reset");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("reset link is on its way");

  const newPassword = "a fresh passphrase for pat 2026";
  await page.goto(await latestResetLink(email));
  await hydrated(page, true);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Pat Learner");

  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});
