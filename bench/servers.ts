/**
 * The process under load: Cairn on SQLite with FULL sync in a fresh folder, and a bare Fastify app with one
 * route, side by side in this one process so both get the same machine. Sends the two ports to the parent over
 * the IPC channel; stdout is Cairn's log, as in production (the bench points it at /dev/null).
 *
 * BENCH_LOG_LEVEL sets Cairn's LOG_LEVEL (default "info", the production default: one line per request).
 */
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { buildApp } from "../packages/server/src/app.ts";
import { loadConfig } from "../packages/server/src/config/config.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-bench-"));
const cairn = await buildApp({
  config: loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    WEB_DIST_DIR: path.join(dataDir, "none"),
  }),
});
addLayerRoutes(cairn);
await cairn.listen({ port: 0, host: "127.0.0.1" });

const bare = Fastify({ logger: false });
bare.get("/bare", async () => ({ ok: true }));
await bare.listen({ port: 0, host: "127.0.0.1" });

const portOf = (app: { server: { address(): unknown } }) => {
  const address = app.server.address() as { port: number } | null;
  return address?.port ?? 0;
};
const ports = { cairn: portOf(cairn), bare: portOf(bare), dataDir };
if (process.send) process.send(ports);
else process.stderr.write(`${JSON.stringify(ports)}\n`);
// The parent asks for this process's CPU time before and after each run, to report CPU µs per request, and
// with BENCH_PROFILE has it profile the measured rounds only (not the start-up and the member's year of data).
const profiler = new Session();
process.on("message", (message) => {
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  if (message === "profile-start") void startProfile();
  if (typeof message === "object" && message !== null && "profileTo" in message) {
    void stopProfile(String(message.profileTo));
  }
});

async function startProfile(): Promise<void> {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
  process.send?.("profiling");
}

async function stopProfile(file: string): Promise<void> {
  const { profile } = await profiler.post("Profiler.stop");
  fs.writeFileSync(file, JSON.stringify(profile));
  profiler.disconnect();
  process.send?.("profiled");
}

/**
 * BENCH_LAYERS=1 (http.bench.ts) measures these beside the real routes, to show where a request's cost goes: each
 * adds one layer of the progress read to the one before. They are added to the bench's app only.
 */
function addLayerRoutes(app: typeof cairn): void {
  // Cairn's pipeline (cookie parsing, security headers, the log line, every global hook) around an empty answer.
  app.get("/bench/layers/answer", { schema: { hide: true } }, async () => ({ ok: true }));
  // The same behind the session check.
  app.get("/bench/layers/signed-in", { schema: { hide: true }, onRequest: [app.authenticate] }, async () => ({
    ok: true,
  }));
  // The member's real progress answer computed once and then served from memory: what a read costs when no
  // query runs and nothing is computed.
  let progress: string | undefined;
  app.get(
    "/bench/layers/progress-from-memory",
    { schema: { hide: true }, onRequest: [app.authenticate] },
    async (request, reply) => {
      progress ??= (
        await app.inject({ url: "/api/v1/progress", headers: { cookie: request.headers.cookie } })
      ).body;
      return reply.type("application/json").send(progress);
    },
  );
}

process.on("SIGTERM", () => {
  void Promise.all([cairn.close(), bare.close()]).then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
