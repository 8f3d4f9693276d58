import { test, expect, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";

// The browser bundle is split (app/src/on_demand.rs): learners' pages run on the entry module
// alone; instructors', administrators', account and information pages fetch their code when
// opened.

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

test("a learner's pages run on the entry module; instructors' pages fetch their own code @needs-js", async ({
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
  expect(fetched.length, "the entry module was fetched").toBeGreaterThan(0);
  expect(fetched.filter((f) => !isEntry(f)), "chunks fetched by learner pages").toEqual([]);

  // Signing in is an on-demand page: its code arrives as chunks, and the form works.
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await hydrated(page, true);
  const signInChunks = fetched.filter((f) => !isEntry(f));
  expect(signInChunks.length, "the sign-in page fetched its chunks").toBeGreaterThan(0);
  await page.getByLabel("Email").fill(instructorEmail);
  await page.getByLabel("Password").fill(instructorPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();

  // The instructor's dashboard brings code no learner page fetched, and works once hydrated.
  await page.getByRole("link", { name: "Teach", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await hydrated(page, true);
  const teachChunks = fetched.filter((f) => !isEntry(f) && !signInChunks.includes(f));
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
