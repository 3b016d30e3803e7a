/**
 * Issue 4: "The SOS screen is usable within 1 second of the tap on a throttled mobile profile."
 *
 * Starts the real server with the built web app (`npm run build -w @cairn/web` first) on SQLite in a fresh
 * folder, makes a member with a recovery and a plan through the API, and in the Debian Chromium (360×780,
 * touch) opens Today, then throttles through the DevTools protocol — `Emulation.setCPUThrottlingRate {rate: 4}`
 * and `Network.emulateNetworkConditions` at 400 kbit/s down, 400 kbit/s up, 400 ms round trip ("slow 4G" as
 * the issue puts it; harsher than DevTools' own Slow 4G preset) — taps "Craving SOS" and measures, in the
 * page, from the tap's event time to the first frame painted after the craving rating is visible and enabled
 * (usable), and to the frame where the plan's triggers are shown.
 *
 * Two scenarios, BENCH_RUNS runs each (default 7), each run in a fresh browser context (signed in by API):
 * - "after idle": Today loaded and the browser idle, then throttled and tapped (the issue's procedure);
 * - "at once": throttled before Today loads, tapped the moment Today's heading shows (nothing fetched ahead).
 *
 * Usage: npx tsx bench/sos.bench.ts   (CHROMIUM_PATH defaults to /usr/bin/chromium)
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;
const SLOW_4G = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const PASSWORD = "stones on the trail 7";
const PLAN_TRIGGER = "Friday nights";

if (!fs.existsSync(path.join(ROOT, "packages/web/dist/index.html"))) {
  console.error("sos.bench: packages/web/dist is missing; run `npm run build -w @cairn/web` first.");
  process.exit(2);
}

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-sos-bench-"));
  const port = 30_000 + (process.pid % 20_000);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () => {
      child.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A member with a recovery and a plan; returns the username. */
async function makeMember(browser: Browser, base: string): Promise<string> {
  const context = await browser.newContext({ baseURL: base });
  const headers = { origin: base };
  const username = `bench_${Date.now().toString(36)}`;
  const steps = [
    ["POST", "/api/v1/auth/signup", { username, password: PASSWORD }],
    ["POST", "/api/v1/recoveries", { substance: "opioids", startDate: "2026-11-01" }],
    [
      "PUT",
      "/api/v1/plan",
      {
        reasons: ["My kids"],
        triggers: [
          {
            id: "5b0f2a3e-7c1d-4e8f-9a0b-1c2d3e4f5a6b",
            kind: "time",
            label: PLAN_TRIGGER,
            copingSteps: ["Give my card to my sister"],
          },
        ],
        warningSigns: [],
        dailyActions: [],
        supportPeople: [
          {
            id: "6c1f3b4f-8d2e-4f9a-8b1c-2d3e4f5a6b7c",
            name: "Sam",
            relation: "sponsor",
            phone: "+1 555 010 2030",
          },
        ],
        professionalHelp: [],
        naloxoneLocation: null,
      },
    ],
  ] as const;
  for (const [method, url, data] of steps) {
    const response = await context.request.fetch(url, { method, data, headers });
    if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  }
  await context.close();
  return username;
}

/**
 * The in-page stopwatch, from the tap's event time to painted frames (usable; plan shown). A string, not a
 * function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const STOPWATCH = `
  window.sosTimes = new Promise((resolve) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const until = async (ready) => { while (!ready()) await frame(); return frame(); };
    document.addEventListener("pointerdown", (event) => {
      const tap = event.timeStamp;
      const usable = until(() => {
        const s = document.querySelector('dialog[open] input[type="range"][name="craving"]');
        return s !== null && !s.disabled && s.checkVisibility();
      });
      const plan = until(() =>
        [...document.querySelectorAll('dialog[open] input[type="radio"]')].some((r) => r.value === ${JSON.stringify(PLAN_TRIGGER)}),
      );
      Promise.all([usable, plan]).then(([u, p]) => resolve({ usable: u - tap, plan: p - tap }));
    }, { capture: true, once: true });
  });
  undefined; // evaluate must not wait for the promise: it settles only after the tap
`;

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
}

async function oneRun(browser: Browser, base: string, username: string, atOnce: boolean) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: "block",
  });
  const login = await context.request.post("/api/v1/auth/login", {
    data: { username, password: PASSWORD },
    headers: { origin: base },
  });
  if (!login.ok()) throw new Error(`login: ${login.status()}`);
  const page = await context.newPage();
  if (atOnce) await throttle(page);
  await page.goto("/");
  await page.getByRole("heading", { name: "Today", level: 1 }).waitFor();
  if (!atOnce) {
    await page.waitForLoadState("networkidle");
    await page.evaluate("new Promise((r) => requestIdleCallback(() => r(null), { timeout: 5000 }))");
    await throttle(page);
  }
  await page.evaluate(STOPWATCH);
  await page.getByRole("button", { name: "Craving SOS" }).tap();
  const times = (await page.evaluate("window.sosTimes")) as { usable: number; plan: number };
  await context.close();
  return times;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const username = await makeMember(browser, server.base);
  console.log(
    `SOS screen: tap → usable, CPU ×4, network ${SLOW_4G.latency} ms RTT, ${(SLOW_4G.downloadThroughput * 8) / 1000} kbit/s down/up; ${RUNS} runs each`,
  );
  console.log(
    "| scenario | usable median ms | usable worst ms | plan shown median ms | plan shown worst ms |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  let worstUsable = 0;
  for (const [label, atOnce] of [
    ["after idle (Today loaded, then throttled)", false],
    ["at once (throttled load, tapped when Today shows)", true],
  ] as const) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, server.base, username, atOnce));
    const usable = runs.map((r) => r.usable);
    const plan = runs.map((r) => r.plan);
    worstUsable = Math.max(worstUsable, ...usable);
    const f = (n: number) => n.toFixed(0);
    console.log(
      `| ${label} | ${f(median(usable))} | ${f(Math.max(...usable))} | ${f(median(plan))} | ${f(Math.max(...plan))} |`,
    );
  }
  console.log(
    `worst tap → usable: ${worstUsable.toFixed(0)} ms (target ≤ ${TARGET_MS} ms): ${worstUsable <= TARGET_MS ? "met" : "NOT met"}`,
  );
} finally {
  await browser.close();
  server.stop();
}
