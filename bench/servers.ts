/**
 * The process under load: Cairn on SQLite with FULL sync in a fresh folder, and a bare Fastify app with one
 * route, side by side in this one process so both get the same machine. Prints the two ports as JSON.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { buildApp } from "../packages/server/src/app.ts";
import { loadConfig } from "../packages/server/src/config/config.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-bench-"));
const cairn = await buildApp({
  config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", WEB_DIST_DIR: path.join(dataDir, "none") }),
  logger: false,
});
await cairn.listen({ port: 0, host: "127.0.0.1" });

const bare = Fastify({ logger: false });
bare.get("/bare", async () => ({ ok: true }));
await bare.listen({ port: 0, host: "127.0.0.1" });

const portOf = (app: typeof bare) => {
  const address = app.server.address();
  return typeof address === "object" && address ? address.port : 0;
};
process.stdout.write(`${JSON.stringify({ cairn: portOf(cairn), bare: portOf(bare as never), dataDir })}\n`);

process.on("SIGTERM", () => {
  void Promise.all([cairn.close(), bare.close()]).then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
