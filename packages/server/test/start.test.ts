/**
 * The README's `npm start` on a fresh data folder: builds the web app if needed, migrates, serves the app and
 * prints its address; SIGTERM shuts it down cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-start-"));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForOutput(process: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    process.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve(seen);
    });
    process.once("exit", (code) =>
      reject(new Error(`exited with ${code} before printing ${pattern}: ${seen}`)),
    );
  });
}

it("npm start serves the app on a fresh data folder, prints the address and stops cleanly on SIGTERM", async () => {
  // `npm start` runs exactly this script; spawning it directly lets the test see its exit code (npm itself
  // dies of the signal instead of waiting for its child).
  const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
  expect(scripts.start).toBe("node scripts/start.mjs");
  const port = await freePort();
  child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const output = await waitForOutput(child, /Cairn is running at http:\/\/localhost:\d+/);
  expect(output).toContain(`Cairn is running at http://localhost:${port}`);

  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toMatch(/text\/html/);
  expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(await page.text()).toContain('<div id="root">');
  const deepLink = await fetch(`http://127.0.0.1:${port}/history`);
  expect(deepLink.status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

  expect(fs.existsSync(path.join(dataDir, "cairn.sqlite"))).toBe(true);
  expect(fs.statSync(path.join(dataDir, "master.key")).mode & 0o777).toBe(0o600);

  const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
  // start.mjs passes the signal to the server: requests in flight finish, the database closes, exit 0.
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
}, 180_000);

it.each([
  ["the server", ["scripts/start.mjs"]],
  ["the operator command", ["--import", "tsx", "packages/server/src/cli/operator.ts", "grant", "someone"]],
])(
  "%s refuses a wrong configuration with one sentence per variable and exit code 78",
  async (_name, args) => {
    const started = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, PORT: "eighty", DATABASE_URL: "mysql://nope", DATA_DIR: dataDir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => started.once("exit", resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/DATABASE_URL/);
  },
);

it("says plainly when the port is already in use, and exits with an error", async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  const { port } = taken.address() as net.AddressInfo;
  const started = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  started.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise((resolve) => started.once("exit", resolve));
  taken.close();
  expect(code).toBe(1);
  expect(stderr).toContain(
    `Cairn could not start: port ${port} on 127.0.0.1 is already in use by another program`,
  );
}, 60_000);
