import { test as base, expect, Page } from "@playwright/test";

/** Fails the test on any console error or uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  // Each test is a visitor from its own address, as real learners are: the server trusts one
  // proxy hop in the browser tests (TRUSTED_PROXY_HOPS=1), so sign-up and sign-in limits count
  // per test rather than for the whole suite at once (a suite from one address would trip
  // "Too many attempts" halfway).
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    let hash = 0;
    for (const ch of `${testInfo.testId}:${testInfo.retry}`) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    const address = `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${hash & 255}`;
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": address });
  },
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      // A test that makes requests fail on purpose (to prove nothing typed is lost) says so
      // with the annotation `expects-api-failure`; the browser's failed-load messages are
      // then expected. Read when a message arrives: tests add the annotation as they start.
      const apiFailuresExpected = () =>
        testInfo.annotations.some((a) => a.type === "expects-api-failure");
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        // A 404/403 page reports its own status as a console error; that status is what the
        // test asserts. Failed subresources (scripts, styles, images) still count.
        const ownDocument = msg.location().url === page.url();
        if (ownDocument && msg.text().startsWith("Failed to load resource")) return;
        // Server functions answer bad input with 4xx (shown as field errors by the page); the
        // browser logs those too. 5xx answers still count as errors.
        const apiClientError =
          msg.location().url.includes("/api/") && /status of 4\d\d/.test(msg.text());
        if (apiClientError) return;
        if (apiFailuresExpected() && msg.text().startsWith("Failed to load resource")) return;
        // The WASM chunk loader reports a chunk it could not fetch (on-demand.spec.ts).
        if (apiFailuresExpected() && /^(TypeError: )?Failed to fetch/.test(msg.text())) return;
        errors.push(msg.text());
      });
      page.on("pageerror", (err) => {
        // The chunk loader's own rejection for a chunk it could not fetch, likewise.
        if (apiFailuresExpected() && /^(TypeError: )?Failed to fetch/.test(err.message)) return;
        errors.push(err.message);
      });
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** True when the project runs with JavaScript, i.e. the page should hydrate. */
export function hasJs(page: Page): boolean {
  return page.context()["_options"]?.javaScriptEnabled !== false;
}

/** Waits until the WASM bundle has hydrated the page (no-op without JavaScript). */
export async function hydrated(page: Page, js: boolean): Promise<void> {
  if (js) {
    const flag = page.locator("[data-hydrated]");
    await expect(flag).toHaveAttribute("data-hydrated", "true");
    // A page whose code comes on demand can report itself done a moment before the router has
    // attached its handlers (a form clicked then submits the plain HTML way): let two frames
    // pass and make sure the flag held.
    const heldTwoFrames = () =>
      page
        .evaluate(
          () =>
            new Promise<boolean>((done) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() =>
                  done(document.querySelector("[data-hydrated]")?.getAttribute("data-hydrated") === "true"),
                ),
              ),
            ),
        )
        // The page navigated meanwhile: ask the new one.
        .catch(() => false);
    await expect.poll(heldTwoFrames).toBe(true);
  }
}
