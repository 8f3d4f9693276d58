import { test, expect, hydrated } from "./fixtures";

// These run twice: hydrated (WASM) and with JavaScript disabled (server-rendered only).

test("home → search → course → free preview lesson", async ({ page }, info) => {
  const js = info.project.name === "hydrated";
  await page.goto("/");
  await hydrated(page, js);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Learn skills that last");
  await expect(page.getByRole("heading", { name: "Featured courses" })).toBeVisible();

  const hero = page.getByRole("searchbox", { name: "What do you want to learn?" });
  await hero.fill("borrow");
  await page.getByRole("button", { name: "Search" }).first().click();
  await expect(page).toHaveURL(/\/courses\?q=borrow/);
  await expect(page.getByRole("status")).toHaveText("1 course");

  await page.getByRole("link", { name: "Rust Fundamentals" }).click();
  await expect(page).toHaveURL(/\/courses\/rust-fundamentals$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rust Fundamentals" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Curriculum" })).toBeVisible();
  await expect(page).toHaveTitle("Rust Fundamentals · Lectern");

  await page.getByRole("link", { name: "Preview a free lesson" }).click();
  await expect(page).toHaveURL(/\/courses\/rust-fundamentals\/lessons\//);
  await expect(page.getByText(/^Free preview/)).toBeVisible();
  const body = page.locator("article .prose");
  await expect(body.locator("h2, h3").first()).toBeVisible();
  await expect(page.locator('[aria-current="page"]')).toHaveCount(1);
});

test("filters and pages are in the URL", async ({ page }, info) => {
  const js = info.project.name === "hydrated";
  await page.goto("/courses");
  await hydrated(page, js);
  await expect(page.getByRole("status")).toHaveText(/\d+ courses/);
  await page.getByLabel("Category").selectOption("languages");
  await page.getByRole("search", { name: "Search and filter courses" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/category=languages/);
  await expect(page.getByRole("status")).toHaveText("2 courses");
  await expect(page.getByLabel("Category")).toHaveValue("languages");

  await page.goto("/courses");
  await hydrated(page, js);
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
});

test("unknown course shows the 404 page", async ({ page }) => {
  const response = await page.goto("/courses/no-such-course");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse courses" })).toBeVisible();
});

test("enroll-only lessons explain how to get access", async ({ page }) => {
  await page.goto("/courses/rust-fundamentals");
  // Locked lessons are listed but not linked.
  await expect(page.getByRole("link", { name: "The three ownership rules" })).toHaveCount(0);
  await expect(page.getByText("(enroll to unlock)").first()).toBeAttached();
  const response = await page.goto("/courses/rust-fundamentals/lessons/ownership-rules");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled learners" })).toBeVisible();
  await page.getByRole("link", { name: "Enroll from the course page" }).click();
  await expect(page).toHaveURL(/\/courses\/rust-fundamentals$/);
});

test("curriculum is fully visible without interaction", async ({ page }) => {
  await page.goto("/courses/deep-work");
  const sections = page.getByRole("button", { expanded: true });
  expect(await sections.count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole("list").filter({ hasText: "min" }).first()).toBeVisible();
});

test("search finds what people mean, and the form works with or without JavaScript", async ({ page }, info) => {
  const js = info.project.name === "hydrated";
  await page.goto("/courses");
  await hydrated(page, js);
  const form = page.getByRole("search", { name: "Search and filter courses" });
  await form.getByRole("searchbox", { name: "Search", exact: true }).fill("machine learing");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=machine\+learing/);
  const cards = page.getByRole("article");
  await expect(cards.first().getByRole("heading")).toHaveText("Intro to Machine Learning");
  await expect(page.getByLabel("Sort by")).toHaveValue("");
  await expect(page.getByLabel("Sort by").locator("option:checked")).toHaveText("Relevance");

  await page.goto("/courses?q=rust");
  await hydrated(page, js);
  await expect(page.getByRole("status")).toHaveText("2 courses");
  await expect(cards.first().getByRole("heading")).toHaveText("Rust Fundamentals");
  await expect(page.getByRole("heading", { name: "Statistics with Python" })).toHaveCount(0);
  await page.getByLabel("Sort by").selectOption({ label: "Title (A–Z)" });
  await page.getByLabel("Level").selectOption("advanced");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/level=advanced/);
  await expect(page.getByRole("status")).toHaveText("1 course");
  await expect(cards.first().getByRole("heading")).toHaveText("Async Rust in Practice");
});

test("filters apply as soon as they change, and their counts follow @needs-js", async ({ page }) => {
  await page.goto("/courses");
  await hydrated(page, true);
  const level = page.getByLabel("Level");
  const category = page.getByLabel("Category");
  await expect(category.locator("option", { hasText: "Data science" })).toHaveText("Data science (3)");
  await level.selectOption("advanced");
  // No button pressed: the page follows the filter.
  await expect(page).toHaveURL(/level=advanced/);
  await expect(page.getByRole("status")).toHaveText("3 courses");
  await expect(category.locator("option", { hasText: "Data science" })).toHaveText("Data science (0)");
  await expect(category.locator("option", { hasText: "Programming" })).toHaveText("Programming (2)");
  await expect(level).toBeFocused();

  await category.selectOption("programming");
  await expect(page).toHaveURL(/category=programming/);
  await expect(page.getByRole("status")).toHaveText("2 courses");

  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("asyn");
  await page.getByLabel("Sort by").selectOption({ label: "Price (low to high)" });
  await expect(page).toHaveURL(/q=asyn/);
  await expect(page).toHaveURL(/sort=price/);
  await expect(page.getByRole("status")).toHaveText("1 course");
  await expect(page.getByRole("article").first().getByRole("heading")).toHaveText("Async Rust in Practice");
});

test("cards show ratings; highest rated first, and 4 stars & up, with or without JavaScript", async ({ page }, info) => {
  const js = info.project.name === "hydrated";
  const card = (title: string) => page.getByRole("article").filter({ hasText: title });
  // The demo reviews: Rust Fundamentals has 5, 4, 5, 3 and 5 stars; Español none.
  await page.goto("/courses?q=rust+fundamentals");
  await expect(card("Rust Fundamentals")).toContainText("Rated 4.4 out of 5 from 5 ratings");
  await page.goto("/courses?q=viajeros");
  await expect(card("Español para viajeros")).toContainText("No ratings yet");

  await page.goto("/courses");
  await hydrated(page, js);
  const form = page.getByRole("search", { name: "Search and filter courses" });
  await page.getByLabel("Rating").selectOption({ label: "4 stars & up" });
  await page.getByLabel("Sort by").selectOption({ label: "Highest rated" });
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/rating=4/);
  await expect(page).toHaveURL(/sort=rating/);
  await expect(page.getByRole("status")).toHaveText("4 courses");
  await expect(page.getByRole("article").getByRole("heading")).toHaveText([
    "Deep Work: Focus in a Distracted World",
    "Typography for Screens",
    "Rust Fundamentals",
    "Statistics with Python",
  ]);
  await expect(page.getByLabel("Rating").locator("option:checked")).toHaveText("4 stars & up");
});
