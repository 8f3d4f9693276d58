import { test, expect, hasJs, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

// The browser-test server runs the demo (no Stripe keys): Buy now opens the local demo
// checkout, whose Pay button goes through the same webhook verification and fulfilment.
const password = "correct horse battery staple 42";
const course = "/courses/async-rust-in-practice";

async function signUp(page: Page, name: string) {
  const js = hasJs(page);
  await page.goto("/signup");
  await hydrated(page, js);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

test("a learner buys a paid course on the demo checkout and finds its receipt", async ({ page }) => {
  const js = hasJs(page);
  await signUp(page, "Paula Payer");

  await page.goto(course);
  await hydrated(page, js);
  await expect(page.getByText("$49.99").first()).toBeVisible();
  await page.getByRole("button", { name: "Buy now" }).click();

  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/);
  await expect(page.getByRole("heading", { name: "Demo checkout" })).toBeVisible();
  await expect(page.getByText("Demo payment: no card is charged")).toBeVisible();
  await expect(page.getByText("Async Rust in Practice")).toBeVisible();
  await hydrated(page, js);
  await page.getByRole("button", { name: "Pay (demo)" }).click();

  if (js) {
    // The success page confirms the purchase, then opens the first lesson.
    await expect(page).toHaveURL(/\/courses\/async-rust-in-practice\/lessons\//);
  } else {
    await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_demo_/);
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
    await page.getByRole("link", { name: "Start learning" }).click();
    await expect(page).toHaveURL(/\/courses\/async-rust-in-practice\/lessons\//);
  }
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled learners" })).toHaveCount(0);

  // Owned: the course page offers learning, never buying again.
  await page.goto(course);
  await hydrated(page, js);
  await expect(page.getByRole("link", { name: /Start learning|Continue learning/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Buy now" })).toHaveCount(0);

  await page.goto("/account/purchases");
  await expect(page.getByRole("heading", { name: "Purchases" })).toBeVisible();
  const row = page.getByRole("row", { name: /Async Rust in Practice/ });
  await expect(row).toContainText("$49.99");
  await expect(row).toContainText("Paid");
  await row.getByRole("link", { name: /Receipt LCT-/ }).click();
  await expect(page.getByRole("heading", { name: /Receipt LCT-\d{6}/ })).toBeVisible();
  await expect(page.getByText("Amount paid")).toBeVisible();
  await expect(page.getByText("$49.99")).toBeVisible();
});

test("cancelling the demo checkout changes nothing", async ({ page }) => {
  const js = hasJs(page);
  await signUp(page, "Carl Canceller");
  await page.goto(course);
  await hydrated(page, js);
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/checkout\/demo\//);
  await page.getByRole("link", { name: "Cancel and go back" }).click();
  await expect(page.getByRole("heading", { name: "Checkout cancelled" })).toBeVisible();
  await expect(page.getByText("Nothing was charged")).toBeVisible();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page).toHaveURL(new RegExp(`${course}$`));
  await hydrated(page, js);
  await expect(page.getByRole("button", { name: "Buy now" })).toBeVisible();
  await page.goto("/account/purchases");
  await expect(page.getByText("You have not bought any course yet.")).toBeVisible();
});

test("a visitor who is not signed in is led to sign in before buying @needs-js", async ({ page }) => {
  await page.goto(course);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Buy now" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Sign in to buy this course" });
  await expect(alert).toBeVisible();
  await alert.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?next=/);
});
