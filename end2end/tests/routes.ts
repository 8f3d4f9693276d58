import { expect } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Every route of the app with a concrete address, and who must be signed in to see it. The
// route-wide checks (phone.spec.ts: no sideways scroll at phone width, no serious axe
// violations) walk this list; a test there fails when app/src/shell.rs has a `path!("…")`
// without an entry here, or an entry names a path the router no longer has.

/** Who must be signed in to see a route. */
export type Who = "visitor" | "learner" | "instructor" | "admin";

/** The concrete ids the entries fill in, found through the UI by [`discover`]. */
export interface Ids {
  /** Ada's "Intro to Machine Learning" (a quiz, a question bank, a learner's attempts). */
  courseId: number;
  /** Its quiz lesson "Check your understanding". */
  quizLessonId: number;
  /** Its text lesson "Cross-validation and tuning" (code blocks in the editor's preview). */
  textLessonId: number;
  /** A question in its bank. */
  questionId: number;
  /** The learner's attempt at the quiz still in progress. */
  openAttemptId: number;
  /** The learner's submitted attempt (its result; the instructor's view of it). */
  submittedAttemptId: number;
  /** The learner's purchase of "Postgres Query Tuning" on the demo checkout (its receipt). */
  purchaseId: number;
  /** The learner's demo checkout of "Negotiation Skills", left unpaid. */
  openCheckout: string;
  /** The learner's "First insight" badge of UX Research Basics (its public credential page). */
  credentialId: string;
  /** The admin's certificate of UX Research Basics, which they complete (its public page). */
  certificateId: string;
}

/** One route to visit: the router's path, who visits it, and its concrete address. */
export interface RouteEntry {
  /** Exactly as in shell.rs: `path!("/courses/:slug")`; "" is the home page. */
  path: string;
  who: Who;
  /** The address to open. */
  url: (ids: Ids) => string;
  /** Tells apart entries whose addresses differ only by ids. */
  label?: string;
}

const ml = "/courses/intro-to-machine-learning";
const quiz = `${ml}/lessons/check-your-understanding`;

/** The route list. A path may have several entries (different people, different content). */
export const routes: RouteEntry[] = [
  { path: "", who: "visitor", url: () => "/" },
  { path: "", who: "learner", url: () => "/" },
  { path: "", who: "admin", url: () => "/" },
  { path: "/courses", who: "visitor", url: () => "/courses" },
  { path: "/courses", who: "visitor", url: () => "/courses?q=rust" },
  { path: "/signin", who: "visitor", url: () => "/signin" },
  { path: "/signup", who: "visitor", url: () => "/signup" },
  { path: "/account", who: "learner", url: () => "/account" },
  // Instructors also see the "Public profile" bio editor there.
  { path: "/account", who: "instructor", url: () => "/account" },
  { path: "/account/reset", who: "visitor", url: () => "/account/reset" },
  // The page a reset email links to; the token is checked only when the form is sent.
  { path: "/account/reset/:token", who: "visitor", url: () => "/account/reset/e2e-token-from-an-email" },
  { path: "/admin/users", who: "admin", url: () => "/admin/users" },
  { path: "/admin/applications", who: "admin", url: () => "/admin/applications" },
  { path: "/admin/purchases", who: "admin", url: () => "/admin/purchases" },
  { path: "/admin/reviews", who: "admin", url: () => "/admin/reviews" },
  { path: "/admin/badges", who: "admin", url: () => "/admin/badges" },
  { path: "/account/purchases", who: "learner", url: () => "/account/purchases" },
  { path: "/account/purchases/:id", who: "learner", url: (i) => `/account/purchases/${i.purchaseId}` },
  { path: "/checkout/demo/:id", who: "learner", url: (i) => `/checkout/demo/${i.openCheckout}` },
  // Unpaid, so the page waits (it would open the course's first lesson once paid).
  { path: "/checkout/success", who: "learner", url: (i) => `/checkout/success?session_id=${i.openCheckout}` },
  { path: "/checkout/cancel", who: "visitor", url: () => "/checkout/cancel?course=negotiation-skills" },
  { path: "/learning", who: "learner", url: () => "/learning" },
  { path: "/achievements", who: "learner", url: () => "/achievements" },
  { path: "/leaderboard", who: "learner", url: () => "/leaderboard?period=all" },
  { path: "/credentials/verify", who: "visitor", url: () => "/credentials/verify" },
  // Ids are discovered for signed-in entries only: the learner opens their own credential page.
  { path: "/credentials/:id", who: "learner", url: (i) => `/credentials/${i.credentialId}` },
  // A certificate's page as anyone who scans its QR code sees it.
  { path: "/certificates/:id", who: "visitor", url: (i) => `/certificates/${i.certificateId}` },
  { path: "/teach/courses/:id/badges", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/badges` },
  { path: "/teach", who: "instructor", url: () => "/teach" },
  { path: "/teach/courses/:id/stats", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/stats` },
  { path: "/teach/courses/:id/coupons", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/coupons` },
  { path: "/teach/courses/:id/questions", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/questions` },
  { path: "/teach/courses/:id/questions/new", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/questions/new` },
  {
    path: "/teach/courses/:id/questions/import",
    who: "instructor",
    url: (i) => `/teach/courses/${i.courseId}/questions/import`,
  },
  { path: "/teach/questions/:id", who: "instructor", url: (i) => `/teach/questions/${i.questionId}` },
  { path: "/teach/courses/:id/gradebook", who: "instructor", url: (i) => `/teach/courses/${i.courseId}/gradebook` },
  { path: "/teach/attempts/:id", who: "instructor", url: (i) => `/teach/attempts/${i.submittedAttemptId}` },
  { path: "/teach/lessons/:id/quiz-stats", who: "instructor", url: (i) => `/teach/lessons/${i.quizLessonId}/quiz-stats` },
  { path: "/teach/courses/:id", who: "instructor", url: (i) => `/teach/courses/${i.courseId}` },
  { path: "/teach/lessons/:id", who: "instructor", url: (i) => `/teach/lessons/${i.quizLessonId}`, label: "quiz" },
  { path: "/teach/lessons/:id", who: "instructor", url: (i) => `/teach/lessons/${i.textLessonId}`, label: "text" },
  { path: "/courses/:slug", who: "visitor", url: () => "/courses/async-rust-in-practice" },
  { path: "/courses/:slug", who: "learner", url: () => ml },
  { path: "/instructors/:slug", who: "visitor", url: () => "/instructors/ada-okafor" },
  { path: "/help", who: "visitor", url: () => "/help" },
  { path: "/terms", who: "visitor", url: () => "/terms" },
  { path: "/privacy", who: "visitor", url: () => "/privacy" },
  { path: "/contact", who: "visitor", url: () => "/contact" },
  // Free previews with the widest code blocks and tables of the demo catalogue.
  {
    path: "/courses/:slug/lessons/:lesson",
    who: "visitor",
    url: () => "/courses/async-rust-in-practice/lessons/futures-are-state-machines",
  },
  {
    path: "/courses/:slug/lessons/:lesson",
    who: "visitor",
    url: () => "/courses/statistics-with-python/lessons/summary-statistics",
  },
  { path: "/courses/:slug/lessons/:lesson", who: "visitor", url: () => "/courses/rust-fundamentals/lessons/installing-rust" },
  { path: "/courses/:slug/lessons/:lesson", who: "visitor", url: () => "/courses/deep-work/lessons/what-is-deep-work" },
  { path: "/courses/:slug/lessons/:lesson", who: "learner", url: () => `${ml}/lessons/overfitting-and-regularisation` },
  { path: "/courses/:slug/lessons/:lesson", who: "learner", url: () => "/courses/rust-fundamentals/lessons/structs-and-enums" },
  { path: "/courses/:slug/lessons/:lesson", who: "learner", url: () => quiz },
  // An instructor sees every lesson of their own course.
  {
    path: "/courses/:slug/lessons/:lesson",
    who: "instructor",
    url: () => "/courses/async-rust-in-practice/lessons/select-and-cancellation",
  },
  { path: "/courses/:slug/lessons/:lesson/attempts/:id", who: "learner", url: (i) => `${quiz}/attempts/${i.openAttemptId}` },
  {
    path: "/courses/:slug/lessons/:lesson/attempts/:id/result",
    who: "learner",
    url: (i) => `${quiz}/attempts/${i.submittedAttemptId}/result`,
  },
];

/** The router's paths, read from app/src/shell.rs. */
export function routerPaths(): string[] {
  const shell = readFileSync(join(__dirname, "..", "..", "app", "src", "shell.rs"), "utf8");
  return [...shell.matchAll(/path!\("([^"]*)"\)/g)].map((m) => m[1]);
}

// Sign-ins are rate limited per address (10 in 15 minutes, the whole suite shares 127.0.0.1),
// so the three accounts sign in once per run of the server and both projects reuse the
// sessions. The demo password changes with every server start, which keys the cache.
const runKey = createHash("sha256")
  .update(`${process.env.LECTERN_BASE_URL ?? ""} ${process.env.LECTERN_DEMO_PASSWORD ?? ""}`)
  .digest("hex")
  .slice(0, 12);
const dir = join(__dirname, "..", "test-results", "routes");

/** The saved session of `who` (signed in by [`discover`]); no cookies for a visitor. */
export function storageStateOf(who: Who): string | { cookies: []; origins: [] } {
  return who === "visitor" ? { cookies: [], origins: [] } : join(dir, `${who}-state.json`);
}

const password = "correct horse battery staple 42";

/**
 * Signs the learner, the instructor (Ada, from the demo data) and the admin in, saves their
 * sessions for [`storageStateOf`], and finds the ids the entries need: the learner enrolls in
 * Intro to Machine Learning and Rust Fundamentals, submits one attempt at the quiz and leaves a
 * second open, and earns a badge in UX Research Basics. Runs with JavaScript whatever the project, once per server run.
 */
export async function discover(browser: Browser, baseURL: string | undefined): Promise<Ids> {
  const idsFile = join(dir, `ids-${runKey}.json`);
  if (existsSync(idsFile)) return JSON.parse(readFileSync(idsFile, "utf8")) as Ids;
  mkdirSync(dir, { recursive: true });
  const demoPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";
  const adminEmail = process.env.LECTERN_E2E_ADMIN_EMAIL ?? "";
  const adminPassword = process.env.LECTERN_E2E_ADMIN_PASSWORD ?? "";
  expect(demoPassword, "LECTERN_DEMO_PASSWORD set by scripts/e2e.sh").not.toBe("");
  expect(adminEmail, "LECTERN_E2E_ADMIN_EMAIL set by scripts/e2e.sh").not.toBe("");

  const session = async (who: Who, signIn: (page: Page) => Promise<void>): Promise<Page> => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: true, storageState: undefined });
    const page = await context.newPage();
    await signIn(page);
    await context.storageState({ path: join(dir, `${who}-state.json`) });
    return page;
  };
  const signInAs = (email: string, secret: string) => async (page: Page) => {
    await page.goto("/signin");
    await hydratedPage(page);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(secret);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  };

  // The learner: enrolled in two free courses, one attempt submitted and one open.
  const learner = await session("learner", async (page) => {
    await page.goto("/signup");
    await hydratedPage(page);
    await page.getByLabel("Your name").fill("Pat Phone");
    await page.getByLabel("Email").fill(`pat-phone-${Date.now()}@example.org`);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText("Pat Phone");
  });
  for (const course of [ml, "/courses/rust-fundamentals"]) {
    await learner.goto(course);
    await hydratedPage(learner);
    await learner.getByRole("button", { name: "Enroll for free" }).click();
    await expect(learner).toHaveURL(/\/lessons\//);
  }
  await learner.goto(quiz);
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  const submittedAttemptId = Number(/\/attempts\/(\d+)$/.exec(learner.url())![1]);
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Submit answers" }).click();
  await learner
    .getByRole("dialog", { name: "Submit your answers?" })
    .getByRole("button", { name: "Submit", exact: true })
    .click();
  await expect(learner).toHaveURL(/\/result$/);
  await learner.goto(quiz);
  await hydratedPage(learner);
  await learner.getByRole("button", { name: /Start a new attempt|Start quiz/ }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  const openAttemptId = Number(/\/attempts\/(\d+)$/.exec(learner.url())![1]);
  // One paid course bought on the demo checkout, another checkout left unpaid.
  await learner.goto("/courses/postgres-query-tuning");
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Buy now" }).click();
  await expect(learner).toHaveURL(/\/checkout\/demo\//);
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Pay (demo)" }).click();
  await expect(learner).toHaveURL(/\/lessons\//);
  await learner.goto("/account/purchases");
  const receipt = await learner.getByRole("link", { name: /Receipt LCT-/ }).first().getAttribute("href");
  const purchaseId = Number(/(\d+)$/.exec(receipt ?? "")![1]);
  await learner.goto("/courses/negotiation-skills");
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Buy now" }).click();
  await expect(learner).toHaveURL(/\/checkout\/demo\//);
  const openCheckout = /\/checkout\/demo\/([A-Za-z0-9_]+)/.exec(learner.url())![1];
  // A first lesson of UX Research Basics completed earns its "First insight" badge.
  await learner.goto("/courses/ux-research-basics");
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Enroll for free" }).click();
  await expect(learner).toHaveURL(/\/lessons\//);
  await hydratedPage(learner);
  await learner.getByRole("button", { name: "Mark complete" }).click();
  await expect(learner.getByTestId("lesson-done")).toBeVisible();
  await learner.goto("/achievements");
  const credentialHref = await learner
    .getByRole("listitem")
    .filter({ hasText: "First insight" })
    .getByRole("link", { name: /Credential page/ })
    .getAttribute("href");
  const credentialId = /^\/credentials\/([0-9a-f-]{36})$/.exec(credentialHref ?? "")![1];
  await learner.context().close();

  // The instructor's ids, read from the links of their own pages.
  const instructor = await session("instructor", signInAs("ada@lectern.dev", demoPassword));
  const idFrom = async (page: Page, name: string, pattern: RegExp): Promise<number> => {
    const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
    const match = pattern.exec(href ?? "");
    expect(match, `link “${name}” with an id: ${href}`).not.toBeNull();
    return Number(match![1]);
  };
  await instructor.goto("/teach");
  const courseId = await idFrom(instructor, "Intro to Machine Learning", /^\/teach\/courses\/(\d+)$/);
  await instructor.goto(`/teach/courses/${courseId}`);
  const quizLessonId = await idFrom(instructor, "Check your understanding", /^\/teach\/lessons\/(\d+)$/);
  const textLessonId = await idFrom(instructor, "Cross-validation and tuning", /^\/teach\/lessons\/(\d+)$/);
  await instructor.goto(`/teach/courses/${courseId}/questions`);
  const questionHref = await instructor.locator('a[href^="/teach/questions/"]').first().getAttribute("href");
  const questionId = Number(/(\d+)$/.exec(questionHref ?? "")![1]);
  await instructor.context().close();

  // The admin completes UX Research Basics (seven lessons) for a certificate.
  const admin = await session("admin", signInAs(adminEmail, adminPassword));
  await admin.goto("/courses/ux-research-basics");
  await hydratedPage(admin);
  await admin.getByRole("button", { name: "Enroll for free" }).click();
  await expect(admin).toHaveURL(/\/lessons\//);
  await hydratedPage(admin);
  const bar = admin.getByRole("progressbar", { name: "Course progress" });
  for (let step = 0; step < 20; step += 1) {
    await admin.getByRole("button", { name: "Mark complete" }).click();
    await expect(admin.getByTestId("lesson-done")).toBeVisible();
    if ((await bar.getAttribute("aria-valuenow")) === "100") break;
    const url = admin.url();
    await admin.keyboard.press("n");
    await expect(admin).not.toHaveURL(url);
    await hydratedPage(admin);
  }
  await admin.goto("/achievements");
  const certificateHref = await admin
    .getByRole("listitem")
    .filter({ hasText: "Certificate of completion" })
    .getByRole("link", { name: /Verification page/ })
    .getAttribute("href");
  const certificateId = /^\/certificates\/([0-9a-f-]{36})$/.exec(certificateHref ?? "")![1];
  await admin.context().close();

  const ids: Ids = {
    courseId,
    quizLessonId,
    textLessonId,
    questionId,
    openAttemptId,
    submittedAttemptId,
    purchaseId,
    openCheckout,
    credentialId,
    certificateId,
  };
  writeFileSync(idsFile, JSON.stringify(ids));
  return ids;
}

async function hydratedPage(page: Page) {
  await expect(page.locator("[data-hydrated]")).toHaveAttribute("data-hydrated", "true");
}
