/**
 * Two real Cairn processes sharing one PostgreSQL schema and one Redis (issue 3, "several server instances"):
 * a member on each exchanges messages live through Redis; process 1 is killed mid-conversation while the
 * member on process 2 keeps posting; the client of process 1 reconnects to process 2 and resumes from its last
 * seq, and ends with every message exactly once, in order.
 *
 * Runs when PostgreSQL and Redis are reachable (Redis at TEST_REDIS_URL or redis://127.0.0.1:6379). Without
 * them it is skipped with a message, unless CAIRN_REQUIRE_REDIS=1 (set by CI), which makes that a failure.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Message } from "@cairn/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, POSTGRES_URL } from "./harness.ts";
import { hasRedis, REDIS_URL } from "./redis.ts";
import { TestSocket } from "./ws-client.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const hasPostgres = DATABASES.includes("postgres");
const ready = hasRedis && hasPostgres;
if (!ready) {
  process.stderr.write(
    `Two-instance test not run: needs PostgreSQL (${hasPostgres ? "reachable" : `not reachable at ${POSTGRES_URL}`}) ` +
      `and Redis (${hasRedis ? "reachable" : `not reachable at ${REDIS_URL}`}).\n`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Instance {
  name: string;
  process: ChildProcess;
  base: string;
  ws: string;
  output: string[];
}

const schema = `mi_${randomBytes(6).toString("hex")}`;
const masterKey = randomBytes(32).toString("base64");
const instances: Instance[] = [];
const dataDirs: string[] = [];

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cairn-${name}-`));
  dataDirs.push(dataDir);
  const databaseUrl = `${POSTGRES_URL}${POSTGRES_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      CAIRN_MASTER_KEY: masterKey,
      LOG_LEVEL: "warn",
      WEB_DIST_DIR: path.join(dataDir, "no-web"),
      // Sign-ups from 127.0.0.1 are counted in Redis, shared with every earlier run within the window.
      SIGNUPS_PER_ADDRESS: "100000",
      TEAM_MESSAGES_PER_10S: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance: Instance = {
    name,
    process: child,
    base: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/api/v1/ws`,
    output: [],
  };
  child.stdout?.on("data", (chunk: Buffer) => instance.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => instance.output.push(chunk.toString()));
  instances.push(instance);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${instance.output.join("")}`);
    try {
      if ((await fetch(`${instance.base}/healthz`)).ok) return instance;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${instance.output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function api(
  instance: Instance,
  cookie: string | undefined,
  method: string,
  url: string,
  body?: unknown,
) {
  const response = await fetch(`${instance.base}${url}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300)
    throw new Error(`${method} ${url} on ${instance.name}: ${response.status} ${text}`);
  return { json: JSON.parse(text) as Record<string, unknown>, headers: response.headers };
}

async function signup(instance: Instance): Promise<{ id: string; cookie: string }> {
  const username = `member_${randomBytes(4).toString("hex")}`;
  const { json, headers } = await api(instance, undefined, "POST", "/api/v1/auth/signup", {
    username,
    password: "a steady path 42",
  });
  const cookie = (headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { id: (json.member as { id: string }).id, cookie };
}

const seqsOf = (messages: Message[]) => messages.map((m) => m.seq);

describe.runIf(ready)("two Cairn processes sharing PostgreSQL and Redis", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    // One after the other: the first runs the migrations.
    await startInstance("process-1");
    await startInstance("process-2");
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) {
      if (instance.process.exitCode === null && instance.process.signalCode === null) {
        const exited = new Promise((resolve) => instance.process.once("exit", resolve));
        instance.process.kill("SIGTERM");
        await exited;
      }
    }
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("counts failed sign-ins across instances: five guesses on one are refused on the other", async () => {
    const [first, second] = instances as [Instance, Instance];
    const username = `member_${randomBytes(4).toString("hex")}`;
    await api(first, undefined, "POST", "/api/v1/auth/signup", { username, password: "a steady path 42" });
    const login = (instance: Instance, password: string) =>
      fetch(`${instance.base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
    for (let i = 0; i < 5; i++) expect((await login(first, `wrong guess ${i}`)).status).toBe(401);
    expect((await login(second, "a steady path 42")).status).toBe(429);
  }, 30_000);

  it("delivers live across instances, and a client of a killed instance resumes on the other with every message once, in order", async () => {
    const [one, two] = instances as [Instance, Instance];
    const started = Date.now();
    const a = await signup(one);
    const b = await signup(two);
    const team = await api(one, a.cookie, "POST", "/api/v1/teams", { name: "Across instances" });
    const teamId = (team.json.team as { id: string }).id;
    const invite = await api(one, a.cookie, "POST", `/api/v1/teams/${teamId}/invites`, {});
    await api(two, b.cookie, "POST", "/api/v1/teams/join", { code: invite.json.code });

    const aSocket = await TestSocket.open(one.ws, { cookie: a.cookie });
    const bSocket = await TestSocket.open(two.ws, { cookie: b.cookie });
    await aSocket.subscribe(teamId, 0);
    await bSocket.subscribe(teamId, 0);

    // A (process 1) and B (process 2) talk; each sees the other's message live, through Redis.
    const say = async (socket: TestSocket, text: string) => {
      const clientId = randomUUID();
      socket.send({ type: "send", teamId, clientId, text });
      const sent = await socket.waitFor((f) => f.type === "sent" && f.clientId === clientId);
      return (sent as { message: Message }).message;
    };
    const a1 = await say(aSocket, "a1: made it through the afternoon");
    await bSocket.waitFor((f) => f.type === "message" && f.message.seq === a1.seq);
    const b1 = await say(bSocket, "b1: proud of you");
    await aSocket.waitFor((f) => f.type === "message" && f.message.seq === b1.seq);

    // B keeps posting; process 1 dies without a goodbye after B's third message of the burst.
    const burst: Message[] = [];
    let wake = () => {};
    const posting = (async () => {
      for (let i = 1; i <= 15; i++) {
        burst.push(await say(bSocket, `b-burst ${i}`));
        if (i === 3) one.process.kill("SIGKILL");
        wake();
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    const dropped = await aSocket.closed;
    expect(dropped.code).toBe(1006);
    // A is offline while B posts a few more.
    while (burst.length < 8) await new Promise<void>((resolve) => (wake = resolve));

    // A's client reconnects to process 2 and resumes from the last seq it received.
    const lastSeq = aSocket.state.lastSeq(teamId);
    const resumed = await TestSocket.open(two.ws, { cookie: a.cookie });
    const catchUp = await resumed.subscribe(teamId, lastSeq);
    // The gap came from the database, the rest live.
    expect(catchUp.filter((f) => f.type === "message").length).toBeGreaterThanOrEqual(5);
    await posting;
    const last = burst.at(-1) as Message;
    await resumed.waitFor((f) => f.type === "message" && f.message.seq === last.seq);
    await resumed.roundTrip();

    // Every message exactly once, in order, across both connections: no gap, no repeat.
    const received = [...aSocket.messageFrames(teamId), ...resumed.messageFrames(teamId)];
    const expected = Array.from({ length: last.seq }, (_, i) => i + 1);
    expect(seqsOf(received)).toEqual(expected);
    expect(received.map((m) => m.text)).toEqual([
      "a1: made it through the afternoon",
      "b1: proud of you",
      ...Array.from({ length: 15 }, (_, i) => `b-burst ${i + 1}`),
    ]);
    // B saw its own burst once too, and the history over HTTP agrees.
    expect(seqsOf(bSocket.messageFrames(teamId))).toEqual(expected);
    const history = await api(two, a.cookie, "GET", `/api/v1/teams/${teamId}/messages?after=0&limit=100`);
    expect(seqsOf(history.json.messages as Message[])).toEqual(expected);

    resumed.close();
    bSocket.close();
    process.stderr.write(`two-instance conversation with a kill: ${Date.now() - started} ms\n`);
  }, 30_000);
});
