import { defineConfig, devices } from "@playwright/test";

// The server is started by scripts/test.sh (release build, fresh demo database) and its
// address passed in LECTERN_BASE_URL. Browsers come from Debian (never downloaded).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

// The offline tests cut the network with routes that abort: the service worker's own requests
// must go through those routes too (Chromium), or an "offline" test could pass on the network.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= "1";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: process.env.LECTERN_BASE_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "hydrated",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "no-js",
      grepInvert: /@needs-js/,
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions: chromium },
    },
  ],
});
