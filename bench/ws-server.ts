/**
 * One process under load for the WebSocket benchmark (ws.bench.ts), started with `--expose-gc`:
 *   `cairn <dataDir>`: Cairn on SQLite in a folder the parent has already filled (members, sessions, teams);
 *   `bare`: a bare `ws` server that broadcasts each frame to the other sockets of its room (`?room=`), with no
 *   authentication, validation, storage or ordering: the floor any real chat server stands on.
 * Sends its port to the parent over IPC and answers "mem" with its memory after a full garbage collection.
 */
import path from "node:path";
import { WebSocket, WebSocketServer } from "ws";
import { buildApp } from "../packages/server/src/app.ts";
import { loadConfig } from "../packages/server/src/config/config.ts";

const [kind, dataDir] = process.argv.slice(2);
let port: number;
let close: () => Promise<void>;

if (kind === "cairn" && dataDir) {
  const app = await buildApp({
    config: loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      WEB_DIST_DIR: path.join(dataDir, "none"),
      // 2,000 members share one address here: the per-member send limit is what applies, unchanged.
    }),
    logger: process.env.BENCH_LOG_LEVEL !== undefined,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
  close = () => app.close();
} else if (kind === "bare") {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  const rooms = new Map<string, Set<WebSocket>>();
  server.on("connection", (socket, request) => {
    const room = new URL(request.url ?? "/", "http://x").searchParams.get("room") ?? "";
    let members = rooms.get(room);
    if (!members) {
      members = new Set();
      rooms.set(room, members);
    }
    members.add(socket);
    socket.on("message", (data) => {
      for (const peer of members) if (peer !== socket && peer.readyState === WebSocket.OPEN) peer.send(data);
    });
    socket.on("close", () => members.delete(socket));
  });
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as { port: number }).port;
  close = () => new Promise((resolve) => server.close(() => resolve()));
} else {
  throw new Error("usage: ws-server.ts cairn <dataDir> | bare");
}

process.send?.({ port });
process.on("message", (message) => {
  if (message !== "mem") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ mem: { rss, heapUsed, external, arrayBuffers } });
});
process.on("SIGTERM", () => {
  void close().then(() => process.exit(0));
});
