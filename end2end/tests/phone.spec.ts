import { test, expect, hasJs, hydrated } from "./fixtures";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { discover, routerPaths, routes, storageStateOf, type Ids, type RouteEntry, type Who } from "./routes";

// Every route of the app, at phone width (390×844, a touch screen) and at desktop width:
// nothing widens the page (no sideways scrolling), and axe finds no serious or critical
// violation. Plus the phone-specific fixes of issue 15 one by one.

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 }, hasTouch: false };

let ids: Ids;
test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  ids = await discover(browser, testInfo.project.use.baseURL);
});

test("every router path has an entry in routes.ts, and every entry a router path", () => {
  const router = routerPaths();
  expect(router.length, "paths read from shell.rs").toBeGreaterThan(10);
  const listed = new Set(routes.map((r) => r.path));
  expect(router.filter((p) => !listed.has(p)), "router paths missing from routes.ts").toEqual([]);
  expect([...listed].filter((p) => !router.includes(p)), "routes.ts paths the router lacks").toEqual([]);
});

/** Opens the route as its visitor sees it: a page that answers 200 (not a sign-in wall). */
async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), `status of ${url}`).toBe(200);
  await hydrated(page, hasJs(page));
}

/** The document's width against the window's, with the elements sticking out on the right. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const cls = e.getAttribute("class")?.split(/\s+/).slice(0, 3).join(".") ?? "";
        return `${e.tagName.toLowerCase()}${cls ? "." + cls : ""} (${Math.round(r.left)}–${Math.round(r.right)})`;
      })
      .slice(0, 6);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
  });
}

/**
 * Axe's serious and critical violations. Axe runs inside the page, so without JavaScript it
 * cannot run at all (a first try on a scripts-removed copy of the page hung): the no-js
 * project records that and checks the layout only; the hydrated project runs axe on every
 * route.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!hasJs(page)) {
    test.info().annotations.push({ type: "axe", description: "not run without JavaScript" });
    return [];
  }
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")}`);
}

/** "learner /courses/:slug/lessons/:lesson → /courses/…/structs-and-enums" (ids as ":id"). */
function title(route: RouteEntry): string {
  const unknown = Number.NaN;
  const url = route.url({
    courseId: unknown,
    quizLessonId: unknown,
    textLessonId: unknown,
    questionId: unknown,
    openAttemptId: unknown,
    submittedAttemptId: unknown,
  });
  const label = route.label ? ` (${route.label})` : "";
  return `${route.who} ${route.path || "/"} → ${url.replace(/NaN/g, ":id")}${label}`;
}

for (const who of ["visitor", "learner", "instructor", "admin"] as Who[]) {
  test.describe(`as ${who}`, () => {
    test.use({ storageState: storageStateOf(who) });
    for (const [name, size] of [
      ["phone", phone],
      ["desktop", desktop],
    ] as const) {
      test.describe(name, () => {
        test.use(size);
        for (const route of routes.filter((r) => r.who === who)) {
          test(`fits the screen, no serious axe violations: ${title(route)}`, async ({ page }) => {
            await open(page, route.url(ids));
            const o = await overflow(page);
            expect.soft(o.innerWidth, "window width").toBe(size.viewport.width);
            expect.soft(o.scrollWidth, `page wider than the screen; sticking out: ${o.wide.join(", ")}`).toBeLessThanOrEqual(
              o.innerWidth,
            );
            expect.soft(await seriousViolations(page), "serious/critical axe violations").toEqual([]);
          });
        }
      });
    }
  });
}

/** How many rows the header's links and fields take (centres within 16 px share a row). */
async function headerRows(page: Page): Promise<number> {
  return page.getByRole("banner").evaluate((header) => {
    const centres = [...header.querySelectorAll("a, button, input")]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => r.top + r.height / 2)
      .sort((a, b) => a - b);
    const rows: number[] = [];
    for (const y of centres) if (!rows.some((row) => Math.abs(row - y) < 16)) rows.push(y);
    return rows.length;
  });
}

/** Width and height of an element as laid out, in CSS pixels. */
async function size(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  expect(box, "laid out").not.toBeNull();
  return { width: Math.round(box!.width), height: Math.round(box!.height) };
}

for (const who of ["admin", "instructor", "learner", "visitor"] as Who[]) {
  test.describe(`on a phone, as ${who}`, () => {
    test.use({ ...phone, storageState: storageStateOf(who) });
    test("the header takes at most two rows", async ({ page }) => {
      await open(page, "/");
      expect(await headerRows(page)).toBeLessThanOrEqual(2);
    });
  });
}

test.describe("on a phone", () => {
  test.use({ ...phone, storageState: storageStateOf("visitor") });

  test("“Sign in” is at least 24×24 px to tap", async ({ page }) => {
    await open(page, "/");
    const signIn = await size(page, page.getByRole("banner").getByRole("link", { name: "Sign in" }));
    expect(signIn.width).toBeGreaterThanOrEqual(24);
    expect(signIn.height).toBeGreaterThanOrEqual(24);
  });

  test("the N/P keyboard shortcut hint is not shown on a touch screen", async ({ page }) => {
    await open(page, "/courses/async-rust-in-practice/lessons/futures-are-state-machines");
    await expect(page.getByRole("navigation", { name: "Lesson navigation" })).toBeVisible();
    await expect(page.getByText(/Shortcuts: N next lesson/)).toBeHidden();
  });

  test("a lesson's code block scrolls inside its own box", async ({ page }) => {
    await open(page, "/courses/async-rust-in-practice/lessons/futures-are-state-machines");
    const widest = await page.locator(".prose pre").evaluateAll((blocks) =>
      blocks.map((b) => ({ scroll: b.scrollWidth, client: b.clientWidth, right: b.getBoundingClientRect().right })),
    );
    expect(widest.length).toBeGreaterThan(0);
    // The longest lines are wider than the phone: the block scrolls, the page does not.
    expect(widest.some((b) => b.scroll > b.client)).toBe(true);
    for (const b of widest) expect(b.right).toBeLessThanOrEqual(390);
  });
});

test.describe("on a phone, as learner", () => {
  test.use({ ...phone, storageState: storageStateOf("learner") });

  test("the ordering question's Up and Down buttons are at least 24×24 px", async ({ page }) => {
    await open(page, `/courses/intro-to-machine-learning/lessons/check-your-understanding/attempts/${ids.openAttemptId}`);
    const buttons = page.getByRole("button", { name: /^Move “.*” (up|down)$/ });
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      const box = await size(page, button);
      expect(box.width, await button.getAttribute("aria-label") ?? "").toBeGreaterThanOrEqual(24);
      expect(box.height, await button.getAttribute("aria-label") ?? "").toBeGreaterThanOrEqual(24);
    }
  });
});

test.describe("at desktop width", () => {
  test.use({ ...desktop, storageState: storageStateOf("visitor") });

  test("the N/P keyboard shortcut hint is shown where there is a mouse", async ({ page }) => {
    await open(page, "/courses/async-rust-in-practice/lessons/futures-are-state-machines");
    await expect(page.getByText(/Shortcuts: N next lesson/)).toBeVisible();
  });

  test("inline code has no literal backticks and a tinted background", async ({ page }) => {
    await open(page, "/courses/async-rust-in-practice/lessons/futures-are-state-machines");
    const code = page.locator(".prose :not(pre) > code").first();
    await expect(code).toBeVisible();
    const look = await code.evaluate((e) => ({
      before: getComputedStyle(e, "::before").content,
      after: getComputedStyle(e, "::after").content,
      background: getComputedStyle(e).backgroundColor,
    }));
    expect(look.before).not.toContain("`");
    expect(look.after).not.toContain("`");
    expect(look.background).not.toBe("rgba(0, 0, 0, 0)");
  });

  test("the home page's search box stands out on the blue hero", async ({ page }) => {
    await open(page, "/");
    const search = page.getByRole("searchbox", { name: "What do you want to learn?" });
    await expect(search).toBeVisible();
    expect(await search.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(255, 255, 255)");
  });

  test("the footer links to help, terms, privacy and contact", async ({ page }) => {
    await open(page, "/");
    const footer = page.getByRole("navigation", { name: "Footer" });
    for (const [name, href] of [
      ["Help", "/help"],
      ["Terms", "/terms"],
      ["Privacy", "/privacy"],
      ["Contact", "/contact"],
    ]) {
      await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    }
  });
});
