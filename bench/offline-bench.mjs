#!/usr/bin/env node
// The measuring half of bench/offline-bench.sh (which builds, starts the server and passes
// its address). Prints the precache's size and, for each way of reloading a lesson page, the
// median and p90 of first contentful paint and of hydration, and their ratio to the network
// baseline measured in the same run.
//
//   node bench/offline-bench.mjs BASE_URL RUNS SITE_DIR
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "end2end", "package.json"));
const { chromium } = require("@playwright/test");

const [base, runsArg, site] = process.argv.slice(2);
const runs = Number(runsArg || 15);
const course = "/courses/deep-work";
const lesson = `${course}/lessons/what-is-deep-work`;

// ---- the precache, from the built worker's own list -----------------------------------------
const sw = readFileSync(path.join(site, "sw.js"), "utf8");
const list = JSON.parse(/const SHELL_FILES = (\[.*?\]);/s.exec(sw)[1]);
let raw = 0;
let brotli = 0;
for (const entry of list) {
  const file = path.join(site, entry.url);
  raw += statSync(file).size;
  brotli += existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
}
console.log(`precache: ${list.length} files, ${raw.toLocaleString("en")} B raw, ${brotli.toLocaleString("en")} B as served (brotli where precompressed)`);

// ---- reload timings ---------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
});

async function learnerContext(serviceWorkers) {
  const context = await browser.newContext({ baseURL: base, serviceWorkers });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.locator('[data-hydrated="true"]').waitFor();
  await page.getByLabel("Your name").fill("Bench Learner");
  await page.getByLabel("Email").fill(`bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`);
  await page.getByLabel(/^Password/).fill("correct horse battery staple 42");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("signed-in-as").waitFor();
  await page.goto(course);
  await page.locator('[data-hydrated="true"]').waitFor();
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await page.waitForURL(/lessons\//);
  return { context, page };
}

async function measure(page) {
  await page.reload();
  await page.locator('[data-hydrated="true"]').waitFor();
  return page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    return { fcp: paint ? paint.startTime : NaN, load: nav ? nav.loadEventEnd : NaN, hydrated: performance.now() };
  });
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] };
};

async function series(name, setup) {
  const { context, page } = await setup();
  const rows = [];
  await measure(page); // warm-up
  for (let i = 0; i < runs; i++) rows.push(await measure(page));
  await context.close();
  return { name, fcp: stats(rows.map((r) => r.fcp)), hydrated: stats(rows.map((r) => r.hydrated)) };
}

const results = [];
results.push(
  await series("network (no worker, HTTP cache warm)", async () => {
    const s = await learnerContext("block");
    await s.page.goto(lesson);
    return s;
  }),
);
results.push(
  await series("shell from the worker, page from the network", async () => {
    const s = await learnerContext("allow");
    await s.page.goto(lesson);
    await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await s.page.reload();
    await s.page.waitForFunction(() => !!navigator.serviceWorker.controller);
    return s;
  }),
);
results.push(
  await series("offline: downloaded lesson and shell from the caches", async () => {
    const s = await learnerContext("allow");
    await s.page.goto(course);
    await s.page.locator('[data-hydrated="true"]').waitFor();
    await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await s.page.reload();
    await s.page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await s.page.locator('[data-hydrated="true"]').waitFor();
    await s.page.getByRole("button", { name: "Download for offline" }).click();
    await s.page.getByText("Downloaded", { exact: true }).waitFor();
    await s.context.route("**/*", (route) => route.abort("internetdisconnected"));
    await s.context.setOffline(true);
    await s.page.goto(lesson);
    await s.page.getByRole("heading", { level: 1 }).waitFor();
    return s;
  }),
);
await browser.close();

const baseline = results[0];
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`\n${runs} reloads of ${lesson} each (median / p90):`);
for (const r of results) {
  console.log(
    `  ${r.name}: first paint ${ms(r.fcp.median)} / ${ms(r.fcp.p90)} (${(r.fcp.median / baseline.fcp.median).toFixed(2)}×), ` +
      `hydrated ${ms(r.hydrated.median)} / ${ms(r.hydrated.p90)} (${(r.hydrated.median / baseline.hydrated.median).toFixed(2)}×)`,
  );
}
