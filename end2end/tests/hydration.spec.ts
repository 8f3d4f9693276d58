import { test, expect, hydrated } from "./fixtures";

// Behaviour that only exists once the WASM bundle has hydrated the page.

test("curriculum sections collapse and expand without a page load @needs-js", async ({ page }) => {
  await page.goto("/courses/rust-fundamentals");
  await hydrated(page, true);
  const firstSection = page.getByRole("heading", { level: 3 }).getByRole("button").first();
  const listId = await firstSection.getAttribute("aria-controls");
  const lessons = page.locator(`#${listId}`);
  await expect(firstSection).toHaveAttribute("aria-expanded", "true");
  await expect(lessons).toBeVisible();

  let navigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await firstSection.click();
  await expect(firstSection).toHaveAttribute("aria-expanded", "false");
  await expect(lessons).toBeHidden();
  await firstSection.press("Enter");
  await expect(firstSection).toHaveAttribute("aria-expanded", "true");
  await expect(lessons).toBeVisible();

  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(page.getByRole("button", { name: "Expand all" })).toBeVisible();
  await expect(page.getByRole("button", { expanded: true })).toHaveCount(0);
  expect(navigations).toBe(0);
});

test("catalogue search navigates client-side @needs-js", async ({ page }) => {
  await page.goto("/courses");
  await hydrated(page, true);
  // A marker on window survives client-side navigation but not a full page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("regression");
  await page.getByRole("search", { name: "Search and filter courses" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=regression/);
  await expect(page.getByRole("link", { name: /Statistics/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});
