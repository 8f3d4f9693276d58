import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage();
p.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 300)));
p.on("pageerror", (e) => console.log("pageerror:", e.message.slice(0, 300)));
for (const url of process.argv.slice(2)) {
  console.log("==", url);
  await p.goto("http://127.0.0.1:3107" + url);
  await p.waitForTimeout(2500);
  console.log("hydrated=", await p.locator("[data-hydrated]").getAttribute("data-hydrated"));
}
await b.close();
