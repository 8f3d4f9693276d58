#!/usr/bin/env node
// Size report of the browser bundle, and the learner script budget (issue: "Fast for learners").
//
//   node bench/size-report.mjs [--check] [PKG_DIR]
//
// Lists every JS and WASM file the build put in the site's pkg directory, raw and compressed,
// largest first: the precompressed .br and .gz files the server sends when the build wrote them
// (`--precompress`, as scripts/serve.sh and scripts/test.sh build), otherwise compressed here
// (brotli quality 11, gzip level 9, as precompression does).
// Then, for a `cargo leptos build --split` site, what a cold first visit to each route fetches:
// the entry JS and WASM, the split loader, and the route's chunks as listed in the split
// manifest (the same files the server preloads), summed as brotli.
//
// With --check it fails (exit 1) when a learner route fetches more than its ceiling
// (LEARNER_CEILINGS: today's bytes plus 5%, until routes meet the LEARNER_BUDGET goal), naming
// the route and its largest chunks; when an instructor or admin page has no chunk
// of its own that learner routes do not fetch; when a route in app/src/routes.rs has no class here; or when the
// site was not split. scripts/test.sh runs it after the release build.
//
// PKG_DIR defaults to target/site/pkg in this checkout (cargo-leptos's site-root, whatever
// CARGO_TARGET_DIR says).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * The goal for a cold first visit to a learner page: JS + WASM, brotli, in bytes. Reported for
 * every learner route; not enforced yet, since no route meets it (see bench/README.md).
 */
export const LEARNER_BUDGET = 250 * 1000;

/**
 * What --check enforces meanwhile: each learner route's cold-visit bytes as measured once the
 * split and the markdown move landed, plus 5%, so that no learner page grows unnoticed. Lower
 * these as pages shrink; never raise one without saying why in the commit.
 */
export const LEARNER_CEILINGS = {
  HomeRoute: 447_000,
  CatalogueRoute: 469_000,
  CourseRoute: 563_000,
  LessonRoute: 720_000,
  AttemptRoute: 604_000,
  AttemptResultRoute: 523_000,
  MyLearningRoute: 416_000,
  InstructorProfileRoute: 409_000,
  SignInRoute: 398_000,
  SignUpRoute: 399_000,
  AccountRoute: 490_000,
  ResetRequestRoute: 389_000,
  ResetPasswordRoute: 396_000,
  HelpRoute: 362_000,
  TermsRoute: 362_000,
  PrivacyRoute: 362_000,
  ContactRoute: 362_000,
};

/**
 * Every route type of app/src/routes.rs, by who uses it. Learner routes are held to the budget;
 * staff routes (instructor and admin) must stay out of what learner routes fetch.
 */
export const ROUTES = {
  HomeRoute: { path: "/", learner: true },
  CatalogueRoute: { path: "/courses", learner: true },
  CourseRoute: { path: "/courses/:slug", learner: true },
  LessonRoute: { path: "/courses/:slug/lessons/:lesson", learner: true },
  AttemptRoute: { path: "…/attempts/:id", learner: true },
  AttemptResultRoute: { path: "…/attempts/:id/result", learner: true },
  MyLearningRoute: { path: "/learning", learner: true },
  InstructorProfileRoute: { path: "/instructors/:slug", learner: true },
  SignInRoute: { path: "/signin", learner: true },
  SignUpRoute: { path: "/signup", learner: true },
  AccountRoute: { path: "/account", learner: true },
  ResetRequestRoute: { path: "/account/reset", learner: true },
  ResetPasswordRoute: { path: "/account/reset/:token", learner: true },
  HelpRoute: { path: "/help", learner: true },
  TermsRoute: { path: "/terms", learner: true },
  PrivacyRoute: { path: "/privacy", learner: true },
  ContactRoute: { path: "/contact", learner: true },
  TeachDashboardRoute: { path: "/teach", learner: false },
  CourseEditorRoute: { path: "/teach/courses/:id", learner: false },
  CourseStatsRoute: { path: "/teach/courses/:id/stats", learner: false },
  QuestionBankRoute: { path: "/teach/courses/:id/questions", learner: false },
  NewQuestionRoute: { path: "/teach/courses/:id/questions/new", learner: false },
  ImportQuestionsRoute: { path: "/teach/courses/:id/questions/import", learner: false },
  EditQuestionRoute: { path: "/teach/questions/:id", learner: false },
  GradebookRoute: { path: "/teach/courses/:id/gradebook", learner: false },
  TeachAttemptRoute: { path: "/teach/attempts/:id", learner: false },
  QuizStatsRoute: { path: "/teach/lessons/:id/quiz-stats", learner: false },
  LessonEditorRoute: { path: "/teach/lessons/:id", learner: false },
  AdminUsersRoute: { path: "/admin/users", learner: false },
  AdminApplicationsRoute: { path: "/admin/applications", learner: false },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const candidates = [args.find((a) => !a.startsWith("--")), join(root, "target", "site", "pkg")].filter(Boolean);
const dir = candidates.find((d) => existsSync(d) && statSync(d).isDirectory());
if (!dir) {
  console.error(`no pkg directory found (tried ${candidates.join(", ")}); build the site first`);
  process.exit(2);
}

const fmt = (n) => n.toLocaleString("en-US");
const sizes = new Map();
/** Raw, gzip and brotli sizes of one file of the pkg directory (cached). */
function measure(name) {
  if (!sizes.has(name)) {
    const bytes = readFileSync(join(dir, name));
    // The precompressed file the server sends (cargo leptos build --precompress), when there is
    // one: that is what crosses the wire.
    const served = (ext) => (existsSync(join(dir, name + ext)) ? statSync(join(dir, name + ext)).size : null);
    sizes.set(name, {
      name,
      raw: bytes.length,
      gzip: served(".gz") ?? gzipSync(bytes, { level: 9 }).length,
      brotli:
        served(".br") ??
        brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }).length,
    });
  }
  return sizes.get(name);
}

const files = readdirSync(dir).filter((name) => /\.(js|wasm)$/.test(name));
const rows = files.map(measure).sort((a, b) => b.brotli - a.brotli);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log(`pkg: ${dir}\n`);
console.log("| file | raw B | gzip B | brotli B |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`);
console.log(`| **total** | ${fmt(total.raw)} | ${fmt(total.gzip)} | ${fmt(total.brotli)} |`);

const problems = [];

// Every route type in app/src/routes.rs has a class here, and only those.
const routesRs = readFileSync(join(root, "app", "src", "routes.rs"), "utf8");
const declared = [...routesRs.matchAll(/^\s+(\w+Route) => \w+;/gm)].map((m) => m[1]);
for (const name of declared) if (!(name in ROUTES)) problems.push(`${name} (app/src/routes.rs) has no entry in ROUTES here`);
for (const name of Object.keys(ROUTES)) if (!declared.includes(name)) problems.push(`ROUTES lists ${name}, which app/src/routes.rs does not declare`);

// The entry files: lectern[.hash].js/.wasm, the split loader and manifest (hashed or not).
const entryJs = files.find((f) => /^lectern(\.[\w-]+)?\.js$/.test(f));
const entryWasm = files.find((f) => /^lectern(\.[\w-]+)?\.wasm$/.test(f));
const splitJs = files.find((f) => f.startsWith("__wasm_split.") && f.endsWith(".js"));
const manifestName = readdirSync(dir).find((f) => f.startsWith("__wasm_split_manifest") && f.endsWith(".json"));

if (!entryJs || !entryWasm) {
  problems.push("no lectern.js / lectern.wasm entry files");
} else if (!splitJs || !manifestName) {
  problems.push("the site is not split (no __wasm_split loader or manifest): build with `cargo leptos build --split`");
} else {
  const manifest = JSON.parse(readFileSync(join(dir, manifestName), "utf8"));
  const wasmFile = (stem) => files.find((f) => f === `${stem}.wasm`) ?? files.find((f) => f.startsWith(`${stem}.`) && f.endsWith(".wasm"));
  /** The chunk files a route's split fetches, from its manifest entry (`__<type in snake case>_view_<hash>`). */
  function chunksOf(route) {
    const snake = route.replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase());
    const keys = Object.keys(manifest).filter((k) => k.startsWith(`__${snake}_view_`));
    const stems = new Set(keys.flatMap((k) => manifest[k]));
    return [...stems].map((stem) => wasmFile(stem) ?? stem);
  }
  const entry = [entryJs, entryWasm, splitJs];
  const entryBrotli = entry.reduce((t, f) => t + measure(f).brotli, 0);
  console.log(`\nCold first visit, per route (entry ${entry.join(" + ")} = ${fmt(entryBrotli)} B brotli, plus the route's chunks):\n`);
  console.log(`| route | path | chunks | brotli B | against the ${fmt(LEARNER_BUDGET)} B goal |`);
  console.log("|---|---|---:|---:|---|");
  const learnerFetches = new Set();
  /** Each route's chunk files. */
  const routeChunks = {};
  for (const [route, { path, learner }] of Object.entries(ROUTES)) {
    const chunks = chunksOf(route);
    if (chunks.length === 0) {
      problems.push(`${route} (${path}) has no chunk in ${manifestName}: is it still a lazy route?`);
      continue;
    }
    const missing = chunks.filter((c) => !files.includes(c));
    if (missing.length) problems.push(`${route}: manifest names chunks not in pkg: ${missing.join(", ")}`);
    const present = chunks.filter((c) => files.includes(c));
    const bytes = entryBrotli + present.reduce((t, c) => t + measure(c).brotli, 0);
    routeChunks[route] = present;
    if (learner) for (const c of present) learnerFetches.add(c);
    const ceiling = LEARNER_CEILINGS[route];
    const verdict = !learner
      ? "staff"
      : bytes <= LEARNER_BUDGET
        ? "within goal"
        : `over goal by ${fmt(bytes - LEARNER_BUDGET)}; ceiling ${fmt(ceiling)}`;
    console.log(`| ${route} | ${path} | ${present.length} | ${fmt(bytes)} | ${verdict} |`);
    if (learner && !ceiling) {
      problems.push(`${route} is a learner route without a ceiling in LEARNER_CEILINGS`);
    } else if (learner && bytes > ceiling) {
      const largest = [entryWasm, ...present]
        .map(measure)
        .sort((a, b) => b.brotli - a.brotli)
        .slice(0, 3)
        .map((r) => `${r.name} ${fmt(r.brotli)} B`)
        .join(", ");
      problems.push(`${route} (${path}) grew: it fetches ${fmt(bytes)} B brotli, over its ceiling of ${fmt(ceiling)} B; largest: ${largest}`);
    }
  }
  // A staff page's own code is in chunks no learner route fetches.
  for (const [route, { path, learner }] of Object.entries(ROUTES)) {
    const chunks = routeChunks[route];
    if (!learner && chunks && chunks.every((c) => learnerFetches.has(c))) {
      problems.push(`${route} (${path}): every chunk it loads is also fetched by learner routes`);
    }
  }
}

if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(`- ${p}`);
  if (check) process.exit(1);
} else if (check) {
  console.log(`\nEvery learner route is within its ceiling (the ${fmt(LEARNER_BUDGET)} B goal is reported above).`);
}
