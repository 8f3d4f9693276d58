import { test as plain, Page } from "@playwright/test";
import { test, expect, hydrated } from "./fixtures";

// Each page's code is its own WASM chunk (app/src/routes.rs, built with --split): a visitor
// downloads the pages they open, and a chunk that will not load is retried once, then answered
// with a notice that offers a reload.

/** Every /pkg/*.wasm the page requests, in order. */
function wasmRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/pkg/") && url.pathname.endsWith(".wasm")) urls.push(url.pathname);
  });
  return urls;
}

test("a page's code is fetched when the page is first opened @needs-js", async ({ page }) => {
  const fetched = wasmRequests(page);
  await page.goto("/");
  await hydrated(page, true);
  const atHome = [...fetched];
  expect(atHome.length, "the entry module and the home page's chunk").toBeGreaterThan(1);

  await page.getByRole("banner").getByRole("link", { name: "Courses", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Course catalogue" })).toBeVisible();
  const later = fetched.slice(atHome.length);
  expect(later.length, "the catalogue's chunk, fetched on the way").toBeGreaterThan(0);
  expect(later.every((url) => !atHome.includes(url)), "nothing fetched twice").toBe(true);
});

test("a chunk that fails once is fetched again and the page works @needs-js", async ({ page }) => {
  await page.goto("/");
  await hydrated(page, true);
  const failed = new Set<string>();
  await page.route(/\/pkg\/.*\.wasm$/, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (!failed.has(path)) {
      failed.add(path);
      await route.fulfill({ status: 503, body: "unavailable" });
    } else {
      await route.continue();
    }
  });
  test.info().annotations.push({ type: "expects-api-failure", description: "chunks fail once" });
  await page.getByRole("banner").getByRole("link", { name: "Courses", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Course catalogue" })).toBeVisible();
  expect(failed.size, "at least one chunk failed its first fetch").toBeGreaterThan(0);
  await expect(page.getByRole("alert").filter({ hasText: "Reload the page" })).toHaveCount(0);
  // The catalogue is interactive: its search runs client-side.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("rust");
  await page.getByRole("search", { name: "Search and filter courses" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=rust/);
});

// The plain Playwright test: this one makes the page's code stop on purpose, so the console
// errors the other tests refuse are expected here.
plain("a chunk that cannot be fetched leads to a reload notice @needs-js", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("[data-hydrated]")).toHaveAttribute("data-hydrated", "true");
  await page.route(/\/pkg\/.*\.wasm$/, (route) => route.abort("connectionrefused"));
  await page.getByRole("banner").getByRole("link", { name: "Courses", exact: true }).click();
  const notice = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(notice).toBeVisible();
  await page.unroute(/\/pkg\/.*\.wasm$/);
  await notice.getByRole("link", { name: "Reload the page" }).click();
  await expect(page.locator("[data-hydrated]")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
