/**
 * End-to-end tests drive the real server (SQLite in a fresh temp folder) and the built web app in the Debian
 * Chromium. The browser runs in a different time zone from the member's on purpose (case C05).
 */
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// A port per run (workers inherit the variable from the main process), so two runs on one machine never meet.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const PORT = Number(process.env.E2E_PORT);
export const BASE_URL = `http://localhost:${PORT}`;
// The server's folder, shared the same way: the journal's at-rest test reads its database files.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `cairn-e2e-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 360, height: 780 },
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "browser in Asia/Tokyo", use: { timezoneId: "Asia/Tokyo" } },
    { name: "browser in America/Los_Angeles", use: { timezoneId: "America/Los_Angeles" }, grep: /@zones/ },
    { name: "browser in Pacific/Kiritimati", use: { timezoneId: "Pacific/Kiritimati" }, grep: /@zones/ },
  ],
  webServer: {
    command: `node --import tsx packages/server/src/main.ts`,
    cwd: path.resolve(import.meta.dirname, ".."),
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every spec signs up new members from 127.0.0.1.
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SIGNUPS_PER_ADDRESS: "100000",
    },
  },
});
