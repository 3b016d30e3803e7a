/**
 * Live team chat under load (issue 3): 2,000 connected members in teams of 12 on one Cairn instance (SQLite,
 * FULL sync), 200 messages/s in total, against a bare `ws` broadcast server in the same run. Prints p50/p99
 * time from send to delivery on every teammate, deliveries lost, and memory per idle connected member (after a
 * full GC, in the server process). Targets: p99 ≤ 50 ms; ≤ 20 KB per idle connection.
 *
 * Members, sessions and teams are written straight into a fresh database before Cairn starts (2,000 sign-ups
 * would spend minutes hashing passwords, which is not what this measures). Every message then goes the whole
 * way: the socket, validation, the member's rate limit, membership, the per-team seq in a transaction,
 * encryption at rest, the live bus, the hub, and every teammate's socket.
 *
 * Run: npm run bench:ws   (see bench/README.md)
 *   BENCH_MEMBERS=2000  BENCH_RATE=200 (messages/s in total)  BENCH_SECONDS=10 (measured, after 2 s warm-up)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { hashToken, randomToken } from "../packages/server/src/crypto/tokens.ts";
import { migrateToLatest, openDatabase } from "../packages/server/src/db/database.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const TEAM_SIZE = 12;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = 2000;
const here = path.dirname(fileURLToPath(import.meta.url));

interface BenchMember {
  id: string;
  token: string;
  teamId: string;
}

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Members, their sessions and their teams, written in one transaction. */
async function seed(dataDir: string): Promise<BenchMember[]> {
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const members: BenchMember[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const teamIndex = Math.floor(i / TEAM_SIZE);
    members.push({ id: randomUUID(), token: randomToken(), teamId: `team-${teamIndex}` });
  }
  const teamIds = new Map<string, string>();
  for (const member of members) {
    let id = teamIds.get(member.teamId);
    if (!id) {
      id = randomUUID();
      teamIds.set(member.teamId, id);
    }
    member.teamId = id;
  }
  await db.transaction().execute(async (trx) => {
    for (const [index, member] of members.entries()) {
      await trx
        .insertInto("members")
        .values({
          id: member.id,
          username: `bench_${index}`,
          username_key: `bench_${index}`,
          display_name: null,
          // Nobody signs in with a password here; the sessions below are what the sockets use.
          password_hash: "not-a-hash",
          timezone: "UTC",
          region: "us",
          reasons_enc: null,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto("sessions")
        .values({
          token_hash: hashToken(member.token),
          member_id: member.id,
          created_at: now,
          last_seen_at: now,
        })
        .execute();
    }
    for (const [index, id] of [...new Set(members.map((m) => m.teamId))].entries()) {
      await trx
        .insertInto("teams")
        .values({ id, name: `Bench team ${index}`, created_at: now })
        .execute();
    }
    for (const [index, member] of members.entries()) {
      await trx
        .insertInto("team_members")
        .values({
          team_id: member.teamId,
          member_id: member.id,
          role: index % TEAM_SIZE === 0 ? "leader" : "member",
          joined_at: now,
          muted_until: null,
        })
        .execute();
    }
  });
  await db.destroy();
  return members;
}

interface Server {
  port: number;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

async function startServer(args: string[]): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", path.join(here, "ws-server.ts"), ...args],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    port,
    memory: () =>
      new Promise((resolve) => {
        child.once("message", (message) => resolve((message as { mem: Memory }).mem));
        child.send("mem");
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** How a scenario opens a member's socket, sends a message, and recognises a delivered one. */
interface Scenario {
  name: string;
  open(member: BenchMember): Promise<WebSocket>;
  send(socket: WebSocket, member: BenchMember, clientId: string): void;
  /** The client id of a delivered message, or undefined for any other frame. */
  delivered(data: string): string | undefined;
}

function opened(socket: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) =>
      reject(new Error(`refused: ${response.statusCode}`)),
    );
  });
}

function cairnScenario(port: number): Scenario {
  return {
    name: "Cairn /api/v1/ws",
    async open(member) {
      const socket = await opened(
        new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`, {
          headers: { cookie: `cairn_session=${member.token}` },
        }),
      );
      // Subscribed and caught up: what an open chat screen holds.
      await new Promise<void>((resolve, reject) => {
        const onFrame = (data: WebSocket.RawData) => {
          const frame = JSON.parse(String(data)) as { type: string; message?: string };
          if (frame.type === "caught_up") {
            socket.off("message", onFrame);
            resolve();
          } else if (frame.type === "error") reject(new Error(frame.message));
        };
        socket.on("message", onFrame);
        socket.send(JSON.stringify({ type: "subscribe", teamId: member.teamId, afterSeq: 0 }));
      });
      return socket;
    },
    send(socket, member, clientId) {
      socket.send(
        JSON.stringify({
          type: "send",
          teamId: member.teamId,
          clientId,
          text: "Still here, one day at a time",
        }),
      );
    },
    delivered(data) {
      if (!data.startsWith('{"type":"message"')) return undefined;
      return (JSON.parse(data) as { message: { clientId: string | null } }).message.clientId ?? undefined;
    },
  };
}

function bareScenario(port: number): Scenario {
  return {
    name: "bare ws broadcast",
    open: (member) => opened(new WebSocket(`ws://127.0.0.1:${port}/?room=${member.teamId}`)),
    send(socket, _member, clientId) {
      socket.send(JSON.stringify({ clientId, text: "Still here, one day at a time" }));
    },
    delivered: (data) => (JSON.parse(data) as { clientId: string }).clientId,
  };
}

interface Result {
  name: string;
  sent: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  errors: number;
  bytesPerConnection: { rss: number; heap: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function run(scenario: Scenario, server: Server, members: BenchMember[]): Promise<Result> {
  const before = await server.memory();
  const sockets: WebSocket[] = new Array(members.length);
  for (let start = 0; start < members.length; start += 100) {
    const batch = members.slice(start, start + 100);
    const opened = await Promise.all(batch.map((member) => scenario.open(member)));
    opened.forEach((socket, i) => {
      sockets[start + i] = socket;
    });
  }
  const idle = await server.memory();

  const sentAt = new Map<string, number>();
  const senderOf = new Map<string, number>();
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let receipts = 0;
  const measured = new Set<string>();
  sockets.forEach((socket, index) => {
    socket.on("message", (data) => {
      const text = String(data);
      if (text.startsWith('{"type":"error"')) errors++;
      const clientId = scenario.delivered(text);
      if (clientId === undefined || !measured.has(clientId)) return;
      // Cairn also sends a member's own message back to their socket (for their other devices): only
      // teammates' copies are measured.
      if (senderOf.get(clientId) === index) return;
      receipts++;
      latencies.push(performance.now() - (sentAt.get(clientId) as number));
    });
  });

  // Messages go out at RATE per second, from each member in turn (a member sends once every MEMBERS/RATE s).
  const started = performance.now();
  const total = Math.round(((WARMUP_MS + SECONDS * 1000) / 1000) * RATE);
  let sent = 0;
  const teamSizes = new Map<string, number>();
  for (const member of members) teamSizes.set(member.teamId, (teamSizes.get(member.teamId) ?? 0) + 1);
  let expectedReceipts = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      measuring = elapsed >= WARMUP_MS;
      const due = Math.min(total, Math.floor((elapsed / 1000) * RATE));
      for (; sent < due; sent++) {
        const index = sent % members.length;
        const member = members[index] as BenchMember;
        const clientId = randomUUID();
        sentAt.set(clientId, performance.now());
        senderOf.set(clientId, index);
        if (measuring) {
          measured.add(clientId);
          expectedReceipts += (teamSizes.get(member.teamId) ?? 1) - 1;
        }
        scenario.send(sockets[index] as WebSocket, member, clientId);
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));

  for (const socket of sockets) socket.terminate();
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    sent: measured.size,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    lost: expectedReceipts - receipts,
    errors,
    bytesPerConnection: {
      rss: (idle.rss - before.rss) / members.length,
      heap: (idle.heapUsed + idle.external - before.heapUsed - before.external) / members.length,
    },
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-ws-bench-"));
try {
  console.log(`Seeding ${MEMBERS} members in teams of ${TEAM_SIZE}…`);
  const members = await seed(dataDir);
  const results: Result[] = [];

  const cairn = await startServer(["cairn", dataDir]);
  try {
    console.log(
      `Cairn: ${MEMBERS} sockets, ${RATE} messages/s for ${SECONDS} s (+${WARMUP_MS / 1000} s warm-up)…`,
    );
    results.push(await run(cairnScenario(cairn.port), cairn, members));
  } finally {
    await cairn.stop();
  }

  const bare = await startServer(["bare"]);
  try {
    console.log("Bare ws broadcast: same sockets, same load…");
    results.push(await run(bareScenario(bare.port), bare, members));
  } finally {
    await bare.stop();
  }

  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `\n${MEMBERS} members, teams of ${TEAM_SIZE}, ${RATE} messages/s (${RATE * (TEAM_SIZE - 1)} teammate deliveries/s), ` +
      `${SECONDS} s measured, Node ${process.version}, ${os.cpus().length} CPUs\n`,
  );
  console.log(
    "| server | messages | p50 ms | p99 ms | max ms | deliveries lost | error frames | KB/idle connection (RSS) | KB/idle connection (heap+external) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.sent} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.lost} | ${r.errors} | ` +
        `${kb(r.bytesPerConnection.rss)} | ${kb(r.bytesPerConnection.heap)} |`,
    );
  }
  const [c] = results;
  if (c) {
    console.log(
      `\nTargets: p99 ≤ 50 ms → ${c.p99 <= 50 ? "met" : "NOT met"} (${ms(c.p99)} ms); ≤ 20 KB per idle connection → ` +
        `${c.bytesPerConnection.rss <= 20 * 1024 ? "met" : "NOT met"} (${kb(c.bytesPerConnection.rss)} KB RSS).`,
    );
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
