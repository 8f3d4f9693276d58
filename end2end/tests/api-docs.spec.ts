import { test, expect, hasJs } from "./fixtures";

// The REST API's documentation page: served by Lectern with its own copy of Swagger UI (no
// request leaves the site), reachable from the account page, usable at phone width.

test("API docs: the reference renders from Lectern's own assets", async ({ page, baseURL }) => {
  const site = new URL(baseURL ?? "http://127.0.0.1:3000").host;
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith("http") && url.host !== site) elsewhere.push(r.url());
  });
  const response = await page.goto("/api/docs");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Lectern API documentation", level: 1 })).toBeVisible();
  const download = page.getByRole("link", { name: "Download the OpenAPI 3.1 document (JSON)" });
  await expect(download).toHaveAttribute("href", "/api/v1/openapi.json");
  if (hasJs(page)) {
    // Swagger UI lists the operations by their summaries and offers to authorize with a token.
    await expect(page.getByText("Creates a draft course owned by the caller", { exact: false }).first()).toBeVisible();
    await expect(page.getByText("Lists users, 20 a page.").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Authorize/ }).first()).toBeVisible();
  } else {
    await expect(page.getByText("The interactive reference below needs JavaScript", { exact: false })).toBeVisible();
    await expect(page.getByText("Lists users, 20 a page.")).toHaveCount(0);
  }
  expect(elsewhere, "requests to other sites").toEqual([]);

  const document = await page.request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const body = await document.json();
  expect(body.openapi).toMatch(/^3\.1/);
  expect(Object.keys(body.paths)).toContain("/api/v1/teach/courses/{id}/questions/import");
});

test("API docs: fit a phone screen without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Lectern API documentation", level: 1 })).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await context.close();
});
