import { test, expect, hydrated } from "./fixtures";

const password = "correct horse battery staple 42";

test("a learner earns points and a streak, counted in their browser's time zone, and finds their rank on the leaderboard @needs-js", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now() % 1000000;
  const name = `Pia Points ${stamp}`;
  const context = await browser.newContext({
    timezoneId: "Asia/Tokyo",
    extraHTTPHeaders: { "X-Forwarded-For": `10.87.${stamp % 250}.3` },
  });
  const page = await context.newPage();
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`pia-${stamp}-${Date.now()}@example.org`);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "0 pts" })).toBeVisible();

  // One lesson completed: ten points and a one-day streak.
  await page.goto("/courses/deep-work");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page).toHaveURL(/\/courses\/deep-work\/lessons\//);
  await hydrated(page, true);
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByTestId("lesson-done")).toBeVisible();

  await page.goto("/achievements");
  await hydrated(page, true);
  await expect(header.getByRole("link", { name: "10 pts · 1-day streak" })).toBeVisible();
  const points = page.getByRole("region", { name: "Points and streak" });
  await expect(points.getByRole("definition").first()).toHaveText("10");
  await expect(points).toContainText("1 day");
  // The browser said Tokyo; the page says so once the server has it.
  await expect(async () => {
    await page.reload();
    await expect(points).toContainText("Asia/Tokyo", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The leaderboard: their own rank, named "You"; others see "A learner" until they opt in.
  await points.getByRole("link", { name: "See the leaderboard" }).click();
  await expect(page.getByRole("heading", { name: "Leaderboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "This week" })).toHaveAttribute("aria-current", "page");
  const you = page.getByRole("list", { name: "Top learners" }).getByRole("listitem").filter({ hasText: "You" });
  await expect(you).toContainText("10 pts");
  const rank = page.getByRole("region", { name: "Your rank" });
  await expect(rank).toContainText(/#\d+ with 10 points/);
  await expect(rank).toContainText("Others see you as “A learner”.");
  await page.getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/period=all/);
  await expect(page.getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("navigation", { name: "Course leaderboards" }).getByRole("link", { name: /^Deep Work/ }).click();
  await expect(page).toHaveURL(/course=deep-work/);
  await expect(page.getByText(/^Deep Work: Focus in a Distracted World ·/)).toBeVisible();

  await page.goto("/achievements");
  await hydrated(page, true);
  await page.getByRole("button", { name: "Show my name on leaderboards" }).click();
  await expect(page.getByText("Leaderboards show your name.")).toBeVisible();
  await context.close();
});

test("the leaderboard asks visitors to sign in", async ({ page }) => {
  await page.goto("/leaderboard");
  await expect(page).toHaveURL(/\/signin/);
});
