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

test("a learner applies a coupon, buys on the demo checkout and finds the receipt", async ({ page }) => {
  const js = hasJs(page);
  await signUp(page, "Paula Payer");

  await page.goto(course);
  await hydrated(page, js);
  await expect(page.getByText("$49.99").first()).toBeVisible();
  // A wrong code is refused next to the field; the demo course's coupon takes 20% off.
  await page.getByLabel("Coupon code").fill("NOPE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("There is no coupon with this code for this course.")).toBeVisible();
  await expect(page.getByLabel("Coupon code")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Coupon code").fill("launch20");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\?coupon=launch20/);
  await expect(page.getByText("LAUNCH20 applied: 20% off")).toBeVisible();
  await expect(page.getByText("$39.99").first()).toBeVisible();
  await hydrated(page, js);
  await page.getByRole("button", { name: "Buy now" }).click();

  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/);
  await expect(page.getByRole("heading", { name: "Demo checkout" })).toBeVisible();
  await expect(page.getByText("Demo payment: no card is charged")).toBeVisible();
  await expect(page.getByText("Async Rust in Practice")).toBeVisible();
  await expect(page.getByText("$39.99").first()).toBeVisible();
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
  // A lesson that is not a free preview opens.
  await page.goto(`${course}/lessons/channels-and-backpressure`);
  await expect(page.getByRole("heading", { name: "Channels and backpressure" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled learners" })).toHaveCount(0);

  // Owned: the course page offers learning, never buying again.
  await page.goto(course);
  await hydrated(page, js);
  await expect(page.getByRole("link", { name: /Start learning|Continue learning/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Buy now" })).toHaveCount(0);

  await page.goto("/account/purchases");
  await expect(page.getByRole("heading", { name: "Purchases" })).toBeVisible();
  const row = page.getByRole("row", { name: /Async Rust in Practice/ });
  await expect(row).toContainText("$39.99");
  await expect(row).toContainText("LAUNCH20");
  await expect(row).toContainText("Paid");
  await row.getByRole("link", { name: /Receipt LCT-/ }).click();
  await expect(page.getByRole("heading", { name: /Receipt LCT-\d{6}/ })).toBeVisible();
  await expect(page.getByText("Amount paid")).toBeVisible();
  await expect(page.getByText("$39.99")).toBeVisible();
  await expect(page.getByText("LAUNCH20")).toBeVisible();
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

test("an admin refunds a purchase and the learner is locked out of the paid lessons", async ({ browser, page }) => {
  const js = hasJs(page);
  const adminEmail = process.env.LECTERN_E2E_ADMIN_EMAIL ?? "";
  const adminPassword = process.env.LECTERN_E2E_ADMIN_PASSWORD ?? "";
  expect(adminEmail, "LECTERN_E2E_ADMIN_EMAIL set by scripts/test.sh").not.toBe("");
  const buyer = `Rita Refund ${js ? "J" : "N"}${Date.now() % 100000}`;
  await signUp(page, buyer);
  await page.goto(course);
  await hydrated(page, js);
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/checkout\/demo\//);
  await hydrated(page, js);
  await page.getByRole("button", { name: "Pay (demo)" }).click();
  await expect(page).toHaveURL(/\/courses\/async-rust-in-practice\/lessons\/|\/checkout\/success/);
  const paidLesson = `${course}/lessons/channels-and-backpressure`;

  // The admin, in a browser of their own.
  const adminContext = await browser.newContext({
    javaScriptEnabled: js,
    extraHTTPHeaders: { "X-Forwarded-For": `10.250.${js ? 1 : 2}.${Date.now() % 250}` },
  });
  const admin = await adminContext.newPage();
  await admin.goto("/signin");
  await hydrated(admin, js);
  await admin.getByLabel("Email").fill(adminEmail);
  await admin.getByLabel("Password").fill(adminPassword);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  await admin.goto("/admin/purchases");
  await hydrated(admin, js);
  await expect(admin.getByRole("heading", { name: "Purchases" })).toBeVisible();
  const row = admin.getByRole("row", { name: new RegExp(buyer) });
  await row.getByText("Refund…").click();
  await row.getByLabel(/Reason/).fill("Bought the wrong course");
  await row.getByRole("button", { name: `Refund $49.99 to ${buyer}` }).click();
  await expect(admin.getByRole("row", { name: new RegExp(buyer) })).toContainText("Refunded: Bought the wrong course");
  await adminContext.close();

  // The learner's receipt says refunded, and the paid lessons are closed again.
  await page.goto("/account/purchases");
  await expect(page.getByRole("row", { name: /Async Rust in Practice/ })).toContainText("Refunded");
  await page.goto(paidLesson);
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled learners" })).toBeVisible();
  await page.goto(course);
  await hydrated(page, js);
  await expect(page.getByRole("button", { name: "Buy now" })).toBeVisible();
});
