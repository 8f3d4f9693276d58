import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

// The browser bundle is split (app/src/on_demand.rs): every page group fetches its code when one
// of its pages is opened, so learners never fetch the code of instructors' pages.

const instructorEmail = "ada@lectern.dev";
const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";

/** Records the WASM files the page fetches from /pkg/. */
function wasmFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/pkg/") && path.endsWith(".wasm")) seen.push(path.slice("/pkg/".length));
  });
  return seen;
}

const isEntry = (file: string) => /^lectern(\.[\w-]+)?(_bg)?\.wasm$/.test(file);

test("learners' pages fetch their own code, never the instructors' @needs-js", async ({
  page,
}) => {
  const fetched = wasmFetches(page);
  await page.goto("/");
  await hydrated(page, true);
  await page.goto("/courses");
  await hydrated(page, true);
  await page.getByRole("link", { name: /Intro to Machine Learning/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Intro to Machine Learning" })).toBeVisible();
  await hydrated(page, true);
  // (The service worker's precache of the shell may fetch the entry a second time.)
  expect(fetched.filter(isEntry).length, "the entry module was fetched").toBeGreaterThan(0);
  const learnerChunks = fetched.filter((f) => !isEntry(f));
  expect(learnerChunks.length, "the learner's pages fetched their chunks").toBeGreaterThan(0);
  expect(learnerChunks.some((f) => f.startsWith("split_lectern_course.")), "the course page's own chunk").toBe(true);
  for (const staff of ["split_lectern_teach.", "split_lectern_admin."]) {
    expect(learnerChunks.filter((f) => f.startsWith(staff)), `a learner never fetches ${staff}`).toEqual([]);
  }
  // The course page works once hydrated: its outline sections open and close.
  const section = page.getByRole("main").locator("h3 button[aria-expanded]").first();
  const wasOpen = await section.getAttribute("aria-expanded");
  await section.click();
  await expect(section).toHaveAttribute("aria-expanded", wasOpen === "true" ? "false" : "true");

  // Signing in is an on-demand page: its code arrives as chunks, and the form works.
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await hydrated(page, true);
  const signInChunks = fetched.filter((f) => !isEntry(f) && !learnerChunks.includes(f));
  expect(signInChunks.length, "the sign-in page fetched its chunks").toBeGreaterThan(0);
  await page.getByLabel("Email").fill(instructorEmail);
  await page.getByLabel("Password").fill(instructorPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();

  // The instructor's dashboard brings code no learner page fetched, and works once hydrated.
  await page.getByRole("link", { name: "Teach", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await hydrated(page, true);
  const teachChunks = fetched.filter((f) => !isEntry(f) && !learnerChunks.includes(f) && !signInChunks.includes(f));
  expect(teachChunks.length, "the dashboard fetched chunks of its own").toBeGreaterThan(0);
  await expect(page.getByLabel("Course title")).toBeEditable();
});

test("a page whose code cannot be fetched says so and offers a reload @needs-js", async ({ page, context }, testInfo) => {
  testInfo.annotations.push({ type: "expects-api-failure", description: "chunks are blocked on purpose" });
  await page.goto("/courses");
  await hydrated(page, true);
  // Every chunk fails to arrive; the entry module is already running. Routed for the whole
  // context, so the service worker's own fetches fail too (playwright.config.ts).
  await context.route(/\/pkg\/.*\.wasm$/, (route) => {
    const file = new URL(route.request().url()).pathname.split("/").pop() ?? "";
    return isEntry(file) ? route.continue() : route.abort("internetdisconnected");
  });
  await page.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toBeVisible();
  const reload = page.getByRole("link", { name: "Reload the page" });
  await expect(reload).toHaveAttribute("href", "/help");

  // Back online: the reload is a full page load, and the page works.
  await context.unroute(/\/pkg\/.*\.wasm$/);
  await reload.click();
  await expect(page.getByRole("heading", { level: 1, name: /Help/ })).toBeVisible();
  await hydrated(page, true);
});
