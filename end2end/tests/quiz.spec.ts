import { test, expect, hasJs, hydrated } from "./fixtures";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// Quizzes end to end: an instructor builds a bank and a quiz, a learner takes it, the
// gradebook shows the result. Each test makes its own course, so they stay independent.

const instructorEmail = "ada@lectern.dev";
const instructorPassword = process.env.LECTERN_DEMO_PASSWORD ?? "";
const learnerPassword = "correct horse battery staple 42";
const giftFile = join(__dirname, "..", "fixtures", "quiz.gift");

/** The smallest valid PNG (1×1), for the cover a course needs to be published. */
const png = Buffer.from(
  "89504E470D0A1A0A0000000D4948445200000001000000010806000000" +
    "1F15C4890000000D49444154789C63000100000500010D0A2DB40000000049454E44AE426082",
  "hex",
);

/**
 * The instructor signs in once for the whole file and every test reuses that session: sign-ins
 * are rate limited per address (10 per 15 minutes), and the whole suite shares 127.0.0.1.
 */
const instructorState = join(__dirname, "..", "test-results", "quiz-instructor-state.json");

test.beforeAll(async ({ browser }, testInfo) => {
  // Signing in needs JavaScript, also when the project runs without it.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: undefined,
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  await signInAsInstructor(page);
  await context.storageState({ path: instructorState });
  await context.close();
});

test.use({ storageState: instructorState });

/** Opens the instructor's dashboard with the session signed in by `beforeAll`. */
async function asInstructor(page: Page) {
  await page.goto("/teach");
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();
}

async function signInAsInstructor(page: Page) {
  expect(instructorPassword, "LECTERN_DEMO_PASSWORD set by scripts/test.sh").not.toBe("");
  await page.goto("/signin");
  await hydrated(page, true);
  await page.getByLabel("Email").fill(instructorEmail);
  await page.getByLabel("Password").fill(instructorPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Teach", exact: true })).toBeVisible();
}

/** Creates a course with one quiz lesson; returns the course editor's address. */
async function courseWithQuizLesson(page: Page, title: string, lesson: string): Promise<string> {
  await page.goto("/teach");
  await hydrated(page, true);
  await page.getByLabel("Course title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await hydrated(page, true);
  await page.getByLabel("New section title").fill("Check your knowledge");
  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("New lesson in Check your knowledge").fill(lesson);
  await page.locator('select[id^="new-lesson-kind-"]').selectOption("quiz");
  await page.getByRole("button", { name: "Add lesson" }).click();
  await expect(page.getByTestId("lesson-row")).toContainText(lesson);
  return new URL(page.url()).pathname;
}

/** Uploads a cover and publishes the course open in the course editor. */
async function publish(page: Page, editor: string) {
  await page.goto(editor);
  await hydrated(page, true);
  await page.getByLabel(/Upload a cover/).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Ready to publish.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("course-status")).toHaveText("Published");
}

/** Imports the GIFT fixture into the course's bank (read from a file in the browser). */
async function importFixture(page: Page, editor: string) {
  await page.goto(editor);
  await hydrated(page, true);
  await page.getByRole("link", { name: "Question bank" }).click();
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await expect(page.getByTestId("bank-empty")).toBeVisible();
  await page.getByRole("link", { name: "Import" }).click();
  await hydrated(page, true);
  await page.getByLabel("Format").selectOption("gift");
  await page.getByLabel("Read a file (optional)").setInputFiles(giftFile);
  await expect(page.getByLabel("Questions")).toHaveValue(readFileSync(giftFile, "utf8"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByTestId("import-preview");
  await expect(page.getByRole("heading", { name: "Preview: 6 questions" })).toBeVisible();
  const paris = preview.getByRole("listitem").filter({ hasText: "Paris", hasNot: page.getByRole("listitem") });
  await expect(paris).toContainText("100%");
  await expect(preview).toContainText("Right, Paris.");
  await expect(preview).toContainText("Spain");
  // Nothing is stored until the import itself.
  await page.getByRole("button", { name: "Import 6 questions" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Imported 6 questions");
}

/** Opens the quiz lesson's editor from the course editor. */
async function openLessonEditor(page: Page, editor: string, lesson: string) {
  await page.goto(editor);
  await hydrated(page, true);
  await page.getByRole("link", { name: lesson, exact: true }).click();
  await expect(page.getByTestId("quiz-section")).toBeVisible();
  await hydrated(page, true);
}

/**
 * Waits until the quiz editor has saved the changes just made by itself (it autosaves: the
 * status leaves "All quiz changes saved" while a change waits or is sent, then returns to it).
 */
async function quizSaved(page: Page) {
  const status = page.getByTestId("quiz-save-status");
  await expect(status).not.toHaveText("All quiz changes saved");
  await expect(status).toHaveText("All quiz changes saved");
}

async function addFromBank(page: Page, search: string, title: RegExp) {
  await page.getByLabel("Add a question from the bank").fill(search);
  await page.getByRole("button", { name: title }).click();
}

/** A new learner (own browser context), signed up and enrolled; the page is on the quiz. */
async function enrolledLearner(browser: Browser, name: string, courseTitle: string): Promise<Page> {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto("/signup");
  await hydrated(page, true);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel(/^Password/).fill(learnerPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
  await page.goto(`/courses?q=${encodeURIComponent(courseTitle)}`);
  await page.getByRole("link", { name: courseTitle }).first().click();
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page.getByTestId("quiz-panel")).toBeVisible();
  await hydrated(page, true);
  return page;
}

test("an instructor builds a quiz, a learner takes it, the gradebook shows it @needs-js", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Quiz Course ${Date.now()}`;
  await asInstructor(page);
  const editor = await courseWithQuizLesson(page, title, "Checkpoint");
  await importFixture(page, editor);

  // A question written in the editor: the type changes without losing the stem.
  await page.goto(`${editor}/questions/new`);
  await hydrated(page, true);
  await page.getByLabel("Question (markdown)").fill("What colour is a **clear** sky?");
  await expect(page.getByTestId("stem-preview").locator("strong")).toHaveText("clear");
  await page.getByLabel("Type").selectOption("short_text");
  await expect(page.getByLabel("Question (markdown)")).toHaveValue("What colour is a **clear** sky?");
  // Client-side validation: an empty accepted answer is refused before anything is sent.
  await page.getByRole("button", { name: "Save question" }).first().click();
  await expect(page.getByTestId("question-errors")).toBeVisible();
  await page.getByLabel("Answer 1", { exact: true }).fill("blue");
  await page.getByLabel("Tags (comma-separated)").fill("e2e-extra");
  await page.getByRole("button", { name: "Save question" }).first().click();
  await expect(page).toHaveURL(/\/teach\/questions\/\d+/);
  await expect(page.getByTestId("question-save-status")).toHaveText("Saved");
  await expect(page.getByLabel("Answer 1", { exact: true })).toHaveValue("blue");

  // The quiz: two fixed questions and one drawn from a tag.
  await openLessonEditor(page, editor, "Checkpoint");
  await addFromBank(page, "capital of France", /^Add “What is the capital of France/);
  await addFromBank(page, "sky", /^Add “What colour is a clear sky/);
  await page.getByLabel("e2e-draw (1)").check();
  await page.getByLabel("How many").fill("1");
  await page.getByRole("button", { name: "Add draw" }).click();
  await expect(page.getByTestId("quiz-items").locator("li")).toHaveCount(3);
  await page.getByLabel("Show answers and feedback").selectOption("after_submit");
  await page.getByLabel("Unlimited").check();
  await quizSaved(page);
  await publish(page, editor);

  // A learner starts the quiz and answers two of three questions.
  const learner = await enrolledLearner(browser, "Quentin Quiz", title);
  await expect(learner.getByTestId("quiz-panel")).toContainText("Questions:3");
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+/);
  await hydrated(learner, true);
  await learner.getByRole("radio", { name: "Paris" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");
  await learner.getByLabel("Your answer").fill("blue");
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saving…");
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");

  // A reload resumes with the answers in place.
  await learner.reload();
  await hydrated(learner, true);
  await expect(learner.getByRole("radio", { name: "Paris" })).toBeChecked();
  await expect(learner.getByLabel("Your answer")).toHaveValue("blue");

  // Submitting lists the unanswered question, then shows the score and feedback.
  await learner.getByRole("button", { name: "Submit answers" }).click();
  const dialog = learner.getByRole("dialog", { name: "Submit your answers?" });
  await expect(dialog.getByTestId("unanswered-summary")).toHaveText("Question 3 is unanswered.");
  await dialog.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/);
  await expect(learner.getByTestId("attempt-score")).toContainText("67%");
  await expect(learner.getByTestId("pass-badge")).toHaveText("Not passed");
  const feedback = learner.getByTestId("question-feedback");
  await expect(feedback).toHaveCount(3);
  await expect(feedback.nth(0)).toContainText("Correct");
  await expect(feedback.nth(0)).toContainText("Right, Paris.");
  await expect(feedback.nth(2)).toContainText("Not answered");

  // The quiz lesson now shows the attempt and the kept score.
  await learner.getByRole("link", { name: "Back to the quiz" }).first().click();
  await expect(learner.getByTestId("kept-score")).toContainText("67%");
  await learner.context().close();

  // The instructor's gradebook has the learner's score and drills into the attempt.
  await page.goto(`${editor}/gradebook`);
  await hydrated(page, true);
  const cell = page.getByRole("link", { name: /Quentin Quiz: Checkpoint, 67%/ });
  await expect(cell).toBeVisible();
  await cell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Quentin Quiz — Checkpoint" })).toBeVisible();
  await expect(page.getByTestId("question-feedback")).toHaveCount(3);
});

test("a timed quiz submits itself when the time is up @needs-js", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Timed Quiz ${Date.now()}`;
  await asInstructor(page);
  const editor = await courseWithQuizLesson(page, title, "Speed round");
  await importFixture(page, editor);
  await openLessonEditor(page, editor, "Speed round");
  await addFromBank(page, "capital of France", /^Add “What is the capital of France/);
  await page.getByLabel("Time limit in minutes (empty for none)").fill("0.17");
  await quizSaved(page);
  await publish(page, editor);

  const learner = await enrolledLearner(browser, "Tina Timer", title);
  await expect(learner.getByTestId("quiz-panel")).toContainText("10 seconds");
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  await hydrated(learner, true);
  await expect(learner.getByTestId("countdown")).toBeVisible();
  await learner.getByRole("radio", { name: "Paris" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");
  // No submit: the countdown reaches zero and the server ends the attempt.
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/, { timeout: 30_000 });
  await expect(learner.getByTestId("auto-submitted")).toBeVisible();
  await expect(learner.getByTestId("attempt-score")).toContainText("100%");
  await learner.context().close();
});

test("a graded attempt keeps answers while the network is down, and within the grace period they count after the deadline @needs-js", async ({ browser }) => {
  test.setTimeout(150_000);
  test.info().annotations.push({ type: "expects-api-failure", description: "the network drops on purpose" });
  const title = `Grace Quiz ${Date.now()}`;
  const water: [string, RegExp] = ["boils at 100", /^Add “Water boils/];
  await quizCourse(browser, title, [france, water], async (page) => {
    await page.getByLabel("Time limit in minutes (empty for none)").fill("0.25");
    await page.getByLabel("Network grace period in seconds (0–120)").fill("60");
  });
  const learner = await learnerIn(browser, title);
  // The rules say so before the attempt starts.
  await expect(learner.getByTestId("quiz-panel")).toContainText("still count if the network was down");
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  await hydrated(learner, true);
  await learner.getByRole("radio", { name: "Paris" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");

  // The network drops: the next answer is kept in the browser and retried.
  await learner.context().route("**/api/**", (route) => route.abort("internetdisconnected"));
  await learner.getByRole("radio", { name: "True" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Not saved — retrying");
  // Time runs out while it is down: the answers lock as they were.
  await expect(learner.getByRole("radio", { name: "True" })).toBeDisabled({ timeout: 30_000 });
  await expect(learner.getByRole("radio", { name: "True" })).toBeChecked();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);

  // Back within the grace period: the kept answer is accepted and the attempt ends with both.
  await learner.context().unrouteAll({ behavior: "ignoreErrors" });
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/, { timeout: 30_000 });
  await expect(learner.getByTestId("auto-submitted")).toBeVisible();
  await expect(learner.getByTestId("attempt-score")).toContainText("100%");
  await learner.context().close();
});

test("a malformed GIFT import previews every bad line and cannot be imported @needs-js", async ({ page }) => {
  const title = `Bad Import ${Date.now()}`;
  await asInstructor(page);
  const editor = await courseWithQuizLesson(page, title, "Unused");
  await page.goto(`${editor}/questions/import`);
  await hydrated(page, true);
  await page
    .getByLabel("Questions")
    .fill("A fine question. {=yes ~no}\n\nTell me about yourself. {}\n\nPick one. {~a ~b}\n");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const errors = page.getByTestId("import-errors").locator("li");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText("Line 3:");
  await expect(errors.nth(1)).toContainText("Line 5:");
  await expect(page.getByTestId("import-report")).toContainText("2 problems to fix before importing");
  // The question that read is previewed; nothing can be imported until the problems are fixed.
  await expect(page.getByTestId("import-preview")).toContainText("A fine question.");
  await expect(page.getByRole("button", { name: /^Import \d+ question/ })).toHaveCount(0);
  // Editing the text clears the preview.
  await page.getByLabel("Questions").fill("A fine question. {=yes ~no}\n");
  await expect(page.getByTestId("import-preview")).toHaveCount(0);

  // The bank is still empty.
  await page.goto(`${editor}/questions`);
  await expect(page.getByTestId("bank-empty")).toBeVisible();
});

// Issue 15: what a first-time learner and instructor tripped over in quizzes.

/**
 * One learner for the tests below, signed up once per worker: sign-ups are rate limited per
 * address (10 per 15 minutes) and the whole suite shares 127.0.0.1.
 */
let sharedLearner: Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> | undefined;

function learnerState(browser: Browser) {
  sharedLearner ??= (async () => {
    const context = await browser.newContext({ storageState: undefined, javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto("/signup");
    await hydrated(page, true);
    await page.getByLabel("Your name").fill("Lee Learner");
    await page.getByLabel("Email").fill(`lee-${Date.now()}@example.org`);
    await page.getByLabel(/^Password/).fill(learnerPassword);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText("Lee Learner");
    const state = await context.storageState();
    await context.close();
    return state;
  })();
  return sharedLearner;
}

/** The shared learner (with JavaScript) enrolled in `courseTitle`, on its quiz lesson. */
async function learnerIn(browser: Browser, courseTitle: string): Promise<Page> {
  const context = await browser.newContext({ storageState: await learnerState(browser), javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(`/courses?q=${encodeURIComponent(courseTitle)}`);
  await page.getByRole("link", { name: courseTitle }).first().click();
  await hydrated(page, true);
  await page.getByRole("button", { name: "Enroll for free" }).click();
  await expect(page.getByTestId("quiz-panel")).toBeVisible();
  await hydrated(page, true);
  return page;
}

/**
 * A published course (built in a page with JavaScript, whatever the project) whose quiz asks
 * the fixture's questions matching `questions`, in that order; `settings` runs in the quiz
 * editor before it saves.
 */
async function quizCourse(
  browser: Browser,
  title: string,
  questions: [string, RegExp][],
  settings: (page: Page) => Promise<void> = async () => {},
) {
  const context = await browser.newContext({ storageState: instructorState, javaScriptEnabled: true });
  const page = await context.newPage();
  const editor = await courseWithQuizLesson(page, title, "Checkpoint");
  await importFixture(page, editor);
  await openLessonEditor(page, editor, "Checkpoint");
  for (const [search, name] of questions) await addFromBank(page, search, name);
  await settings(page);
  await quizSaved(page);
  await publish(page, editor);
  await context.close();
}

const france: [string, RegExp] = ["capital of France", /^Add “What is the capital of France/];
const europe: [string, RegExp] = ["Europe", /^Add “Which of these countries are in Europe/];
const numbers: [string, RegExp] = ["smallest first", /^Add “Put these numbers in order/];

/** The result page's item for question `n`. */
function resultQuestion(page: Page, n: number) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Question ${n}`, exact: true }) });
}

test("an ordering question left in its shown order is answered, and after a fail Try again starts a new attempt @needs-js", async ({ browser }) => {
  test.setTimeout(150_000);
  const title = `Order Quiz ${Date.now()}`;
  await quizCourse(browser, title, [france, numbers], async (page) => {
    await page.getByLabel("Unlimited").uncheck();
    await page.getByRole("spinbutton", { name: "Number of attempts" }).fill("2");
  });
  const learner = await learnerIn(browser, title);
  await expect(learner.getByTestId("quiz-panel")).toContainText("0 of 2 used");
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  await hydrated(learner, true);
  await learner.getByRole("radio", { name: "London" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");
  // The numbers stay in the order shown: that order is the answer.
  await expect(learner.getByRole("button", { name: "Keep this order" })).toHaveCount(0);
  await learner.getByRole("button", { name: "Submit answers" }).click();
  const dialog = learner.getByRole("dialog", { name: "Submit your answers?" });
  await expect(dialog.getByTestId("unanswered-summary")).toHaveText("You have answered every question.");
  await dialog.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/);
  const ordering = resultQuestion(learner, 2);
  await expect(ordering.getByTestId("your-order").getByRole("listitem")).toHaveCount(3);
  await expect(ordering.getByTestId("question-feedback")).not.toContainText("Not answered");
  await expect(learner.getByText("Not answered")).toHaveCount(0);

  // London is wrong, so the attempt fails: "Try again" comes first and starts attempt 2.
  await expect(learner.getByTestId("pass-badge")).toHaveText("Not passed");
  const actions = learner.getByTestId("result-actions");
  await expect(actions.locator("a, button").first()).toHaveText("Try again");
  await actions.getByRole("button", { name: "Try again" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  await expect(learner.getByText(/^Attempt 2 · 2 questions$/)).toBeVisible();
  await hydrated(learner, true);
  await learner.getByRole("button", { name: "Submit answers" }).click();
  await dialog.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/);
  // No attempt left: no "Try again", but why, and the way on.
  await expect(learner.getByTestId("retry-blocked")).toHaveText("You have used all 2 attempts at this quiz.");
  await expect(learner.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(actions.locator("a, button").first()).toHaveText("Continue with the course");
  await learner.context().close();
});

test("a practice ordering question left as shown can be checked @needs-js", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Practice Order ${Date.now()}`;
  await quizCourse(browser, title, [numbers], async (page) => {
    await page.getByLabel(/^Practice quiz/).check();
  });
  const learner = await learnerIn(browser, title);
  const panel = learner.getByTestId("quiz-panel");
  await expect(panel.getByRole("heading", { name: "Practice quiz" })).toBeVisible();
  const check = panel.getByRole("button", { name: "Check" });
  await expect(check).toBeEnabled();
  await check.click();
  await expect(panel.getByTestId("question-feedback")).toContainText(/Correct|Partly correct|Incorrect/);
  await expect(panel.getByTestId("question-feedback")).not.toContainText("Not answered");
  await learner.context().close();
});

test("a practice quiz of a downloaded course works offline: checked in the browser, completion synced later @needs-js", async ({ browser }) => {
  test.setTimeout(120_000);
  test.info().annotations.push({ type: "expects-api-failure", description: "the network is cut on purpose" });
  const title = `Practice Offline ${Date.now()}`;
  await quizCourse(browser, title, [france], async (page) => {
    await page.getByLabel(/^Practice quiz/).check();
  });
  const learner = await learnerIn(browser, title);
  const lesson = new URL(learner.url()).pathname;
  const context = learner.context();

  // Download the course (once the service worker controls the page).
  await learner.goto(lesson.replace(/\/lessons\/.*$/, ""));
  await hydrated(learner, true);
  await learner.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await learner.reload();
  await hydrated(learner, true);
  await expect.poll(() => learner.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const offline = learner.getByRole("region", { name: "Offline copy" });
  await offline.getByRole("button", { name: "Download for offline" }).click();
  await expect(offline.getByText("Downloaded", { exact: true })).toBeVisible();

  // No network at all, for the page nor for the service worker.
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await learner.goto(lesson);
  await hydrated(learner, true);
  await expect(learner.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  const panel = learner.getByTestId("quiz-panel");
  await panel.getByRole("radio", { name: "London" }).check();
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("question-feedback")).toContainText("No, London is in England.");
  await panel.getByRole("radio", { name: "Paris" }).check();
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("question-feedback")).toContainText("Right, Paris.");
  await panel.getByRole("button", { name: "Mark complete" }).click();
  await expect(learner.getByTestId("lesson-done")).toBeVisible();
  await expect(learner.getByRole("status").filter({ hasText: "You're offline" })).toContainText("1 change waiting to sync");

  // Back online: the completion reaches the server.
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.setOffline(false);
  await expect(learner.getByRole("status").filter({ hasText: "All changes synced." })).toBeVisible();
  // The page as the server renders it now (the network first) has the lesson complete.
  await learner.reload();
  await expect(learner.getByTestId("lesson-done")).toBeVisible();
  await expect(learner.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute("aria-valuenow", "100");
  await context.close();
});

test("a result lists correct answers, marks each option seen, says Not answered once and shows no inputs", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const title = `Result Quiz ${Date.now()}`;
  await quizCourse(browser, title, [france, europe, numbers]);
  const learner = await learnerIn(browser, title);
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+$/);
  await hydrated(learner, true);
  await learner.getByRole("radio", { name: "London" }).check();
  await expect(learner.getByTestId("answer-save-status")).toHaveText("Saved");
  await learner.getByRole("button", { name: "Submit answers" }).click();
  await learner.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(learner).toHaveURL(/\/attempts\/\d+\/result$/);
  const resultUrl = learner.url();
  const state = await learner.context().storageState();
  await learner.context().close();

  // The result page itself, in this project (with or without JavaScript).
  const viewer = await browser.newContext({ storageState: state, javaScriptEnabled: hasJs(page) });
  const result = await viewer.newPage();
  await result.goto(resultUrl);
  await hydrated(result, hasJs(page));
  await expect(result.getByRole("heading", { level: 1 })).toHaveText(`Result: Checkpoint`);
  // Read-only: no inputs, disabled or not (the site header's search box aside).
  const main = result.getByRole("main");
  for (const role of ["radio", "checkbox", "textbox", "searchbox", "spinbutton", "combobox"] as const) {
    await expect(main.getByRole(role)).toHaveCount(0);
  }
  await expect(main.getByRole("button", { name: /^Move/ })).toHaveCount(0);

  // Each option seen is marked in words: the learner's choice, right or wrong.
  const capital = resultQuestion(result, 1);
  const london = capital.getByRole("listitem").filter({ hasText: "London" });
  await expect(london).toContainText("Your choice");
  await expect(london).toContainText("Incorrect");
  const paris = capital.getByRole("listitem").filter({ hasText: "Paris" });
  await expect(paris).toContainText("Correct");
  await expect(paris).not.toContainText("Your choice");
  await expect(capital.getByRole("listitem").filter({ hasText: "Berlin" })).toContainText("Incorrect");

  // The unanswered question says so once, and its right answers are a list.
  const countries = resultQuestion(result, 2);
  await expect(countries.getByText("Not answered")).toHaveCount(1);
  const answers = countries.getByTestId("correct-answers").getByRole("listitem");
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(0)).toContainText("Spain");
  await expect(answers.nth(1)).toContainText("Norway");

  // Failed with attempts left: "Try again" is the first action.
  await expect(result.getByTestId("pass-badge")).toHaveText("Not passed");
  await expect(result.getByTestId("result-actions").locator("a, button").first()).toHaveText("Try again");
  await viewer.close();
});

test("quiz settings: Unlimited hides the attempts number, the bank picker starts with the bank, changes save themselves @needs-js", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Settings Quiz ${Date.now()}`;
  await asInstructor(page);
  const editor = await courseWithQuizLesson(page, title, "Settings check");
  await openLessonEditor(page, editor, "Settings check");

  // An empty bank: the picker says so before anything is typed, not "No matching questions."
  const picker = page.getByTestId("bank-picker-results");
  await expect(picker).toContainText("The question bank has no questions yet.");
  await expect(picker).not.toContainText("No matching questions.");

  // One save model: the quiz saves itself, with a status; no Save button.
  await expect(page.getByRole("button", { name: "Save quiz" })).toHaveCount(0);
  await expect(page.getByTestId("quiz-save-status")).toHaveText("All quiz changes saved");

  // Unlimited (the default) shows no number beside it; unticked, the number keeps its value.
  await expect(page.getByLabel("Unlimited")).toBeChecked();
  await expect(page.getByRole("spinbutton", { name: /attempts/i })).toHaveCount(0);
  await page.getByLabel("Unlimited").uncheck();
  const attempts = page.getByRole("spinbutton", { name: "Number of attempts" });
  await attempts.fill("3");
  await page.getByLabel("Unlimited").check();
  await expect(page.getByRole("spinbutton", { name: /attempts/i })).toHaveCount(0);
  await page.getByLabel("Unlimited").uncheck();
  await expect(attempts).toHaveValue("3");
  await page.getByLabel("Pass mark (%)").fill("80");
  await quizSaved(page);

  // Saved on the server: a reload shows the same settings.
  await page.reload();
  await hydrated(page, true);
  await expect(page.getByLabel("Pass mark (%)")).toHaveValue("80");
  await expect(page.getByLabel("Unlimited")).not.toBeChecked();
  await expect(page.getByRole("spinbutton", { name: "Number of attempts" })).toHaveValue("3");

  // A bad value is refused in words, and nothing is lost.
  await page.getByLabel("Pass mark (%)").fill("101");
  await expect(page.getByTestId("quiz-save-status")).toContainText("Not saved");
  await expect(page.getByTestId("quiz-errors")).toContainText("percentage from 0 to 100");
  await page.getByLabel("Pass mark (%)").fill("75");
  await expect(page.getByTestId("quiz-save-status")).toHaveText("All quiz changes saved");

  // With questions in the bank, the picker lists them before a search, and says when a
  // search matches none.
  await importFixture(page, editor);
  await openLessonEditor(page, editor, "Settings check");
  await expect(picker.getByRole("button", { name: /^Add “What is the capital of France/ })).toBeVisible();
  await page.getByLabel("Add a question from the bank").fill("zebra crossing");
  await expect(picker).toHaveText("No matching questions.");
});
