/**
 * Makes docs/screenshot.png, the README's picture of Today, from the real app: starts Cairn on SQLite in a
 * fresh folder, sets up a member through the API (opioids for 23 days, a week of check-ins, a plan with one
 * daily action) and photographs Today in Chromium at 360 × 780 (device pixel ratio 2).
 *
 * Run: npm run build -w @cairn/web && npx tsx scripts/screenshot.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, localDateAt } from "@cairn/core";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const port = 18_700 + (process.pid % 200);
const origin = `http://localhost:${port}`;
const zone = "America/New_York";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-shot-"));

const server = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  stdio: "inherit",
});

async function serverUp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${origin}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not start");
}

try {
  await serverUp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    timezoneId: zone,
    locale: "en-US",
  });
  const api = context.request;
  const send = async (method: string, url: string, data?: unknown) => {
    const response = await api.fetch(url, { method, data, headers: { origin } });
    if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response;
  };
  const today = localDateAt(Date.now(), zone);
  await send("POST", "/api/v1/auth/signup", { username: "river", password: "a quiet trail at dawn 23" });
  await send("PATCH", "/api/v1/me", { timezone: zone, displayName: "River" });
  const recovery = await (
    await send("POST", "/api/v1/recoveries", {
      substance: "opioids",
      startDate: addDays(today, -23),
      dailyCost: 40,
    })
  ).json();
  for (let back = 6; back >= 1; back--) {
    await send("PUT", `/api/v1/checkins/${addDays(today, -back)}`, {
      uses: [{ recoveryId: recovery.recovery.id, used: false }],
      mood: 4,
      craving: 3,
      confidence: 7,
      triggers: [],
      halt: [],
    });
  }
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("heading", { name: "Today", level: 1 }).waitFor();
  await page.getByText("Check-in streak").waitFor();
  await page.screenshot({ path: path.join(root, "docs/screenshot.png") });
  await browser.close();
  console.log("docs/screenshot.png written");
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}
