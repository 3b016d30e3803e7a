// `npm test`: every tier in order — lint and types, unit (core, web), integration (server on SQLite, and on
// PostgreSQL when reachable), the web build and its size budget, end to end in Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ci = process.env.CI === "true" || process.env.CI === "1";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p) => p && fs.existsSync(p));
}

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}

run("Lint (Biome)", "npx", ["biome", "ci", "--colors=off", "."]);
run("Type check", "npm", ["run", "typecheck"]);
run("Unit and integration tests (Vitest)", "npx", ["vitest", "run"]);
run("Build the web app", "npm", ["run", "build", "-w", "@cairn/web"]);
run("First-screen JavaScript budget", "node", ["scripts/check-bundle.mjs"]);

const chromium = findChromium();
if (chromium) {
  run(
    "End-to-end tests (Playwright in Chromium)",
    "npx",
    ["playwright", "test", "-c", "e2e/playwright.config.ts"],
    {
      CHROMIUM_PATH: chromium,
    },
  );
} else if (ci) {
  console.error("✖ Chromium is missing; CI must run the end-to-end tests (apt-get install -y chromium).");
  process.exit(1);
} else {
  console.warn(
    "\n⚠ End-to-end tests skipped: Chromium was not found (install the Debian package `chromium`, or set CHROMIUM_PATH).",
  );
}
console.log("\nAll test tiers passed.");
