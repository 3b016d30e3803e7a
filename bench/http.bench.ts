/**
 * Check-in writes and progress reads (authenticated, validated, SQLite with FULL sync) against a bare Fastify
 * route, measured in one run with autocannon at 32 connections. Prints requests/s, p50/p99 latency and the
 * ratio to the bare route. Targets (issue 2): writes ≥ 25 % and reads ≥ 40 % of the bare route's requests/s,
 * p99 < 50 ms.
 *
 * Run: npm run bench   (see bench/README.md)
 *   BENCH_SECONDS=10        seconds per scenario, split into BENCH_ROUNDS=5 interleaved rounds
 *   BENCH_LOG_LEVEL=info    Cairn's LOG_LEVEL (production default; its log goes to /dev/null)
 *   BENCH_ONLY=progress     run only some of bare,progress,checkin (ratios need bare; handy when profiling)
 *   BENCH_PROFILE=dir       CPU-profile the server process during the measured rounds; writes dir/server.cpuprofile
 *   BENCH_LAYERS=1          also measure the layers of a progress read (bench/servers.ts): Cairn's pipeline around
 *                           an empty answer, the same signed in, the progress answer served from memory
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addDays } from "@cairn/core";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const CONNECTIONS = 32;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "info";
const LAYERS = ["answer", "signed-in", "progress-from-memory"];
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? `bare,progress,checkin${process.env.BENCH_LAYERS ? `,${LAYERS}` : ""}`).split(
    ",",
  ),
);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Ports {
  cairn: number;
  bare: number;
}

async function startServers(): Promise<{
  ports: Ports;
  cpuMicros: () => Promise<number>;
  /** Asks the server process to start or stop its CPU profiler, and waits until it has. */
  profiler: (command: "start" | "stop") => Promise<void>;
  stop: () => Promise<void>;
}> {
  // Cairn logs to stdout as in production; here stdout is /dev/null so the log costs what writing it costs.
  const devNull = fs.openSync("/dev/null", "w");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "servers.ts")], {
    stdio: ["ignore", devNull, "inherit", "ipc"],
    env: { ...process.env, BENCH_LOG_LEVEL: LOG_LEVEL },
  });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once("message", (message) => resolve(message as Ports));
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ports,
    // User + system CPU time the server process has used so far.
    cpuMicros: () =>
      new Promise((resolve) => {
        child.once("message", (message) => {
          const { cpu } = message as { cpu: { user: number; system: number } };
          resolve(cpu.user + cpu.system);
        });
        child.send("cpu");
      }),
    profiler: (command) =>
      new Promise((resolve) => {
        child.once("message", () => resolve());
        child.send(
          command === "start"
            ? "profile-start"
            : { profileTo: path.resolve(PROFILE_DIR ?? ".", "server.cpuprofile") },
        );
      }),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function json(url: string, init: RequestInit): Promise<{ body: unknown; cookie: string | null }> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method} ${url} → ${response.status} ${await response.text()}`);
  const text = await response.text();
  return { body: text ? JSON.parse(text) : null, cookie: response.headers.get("set-cookie") };
}

async function prepareMember(base: string): Promise<{ cookie: string; recoveryId: string; today: string }> {
  const signup = await json(`${base}/api/v1/auth/signup`, {
    method: "POST",
    body: JSON.stringify({ username: "bench_member", password: "benchmarks are honest" }),
  });
  const cookie = (signup.cookie ?? "").split(";")[0] ?? "";
  await json(`${base}/api/v1/me`, {
    method: "PATCH",
    headers: { cookie },
    body: JSON.stringify({ timezone: "America/New_York" }),
  });
  const progress = (await json(`${base}/api/v1/progress`, { method: "GET", headers: { cookie } })).body as {
    today: string;
  };
  const created = await json(`${base}/api/v1/recoveries`, {
    method: "POST",
    headers: { cookie },
    body: JSON.stringify({ substance: "opioids", startDate: addDays(progress.today, -400), dailyCost: 20 }),
  });
  const recoveryId = (created.body as { recovery: { id: string } }).recovery.id;
  // A year of history, so progress reads work on realistic data.
  for (let i = 0; i < 365; i++) {
    await json(`${base}/api/v1/checkins/${addDays(progress.today, -i)}`, {
      method: "PUT",
      headers: { cookie },
      body: JSON.stringify(checkinBody(recoveryId, i)),
    });
  }
  return { cookie, recoveryId, today: progress.today };
}

function checkinBody(recoveryId: string, i: number) {
  return {
    uses: [{ recoveryId, used: i % 97 === 0 }],
    mood: 1 + (i % 5),
    craving: i % 11,
    confidence: 10 - (i % 11),
    triggers: i % 3 === 0 ? ["stress", "my brother's place"] : [],
    halt: i % 4 === 0 ? ["tired"] : [],
    sleepHours: 7,
    note: "Went to the evening meeting and called my sponsor afterwards.",
  };
}

interface Figures {
  name: string;
  requestsPerSecond: number;
  /** The median of the rounds' p50. */
  p50: number;
  /** The worst of the rounds' p99 (a conservative figure: p99s of separate rounds cannot be merged exactly). */
  p99: number;
  errors: number;
  /** Server CPU time (user + system) per request, all threads. */
  cpuMicrosPerRequest: number;
}

interface Round {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMicros: number;
}

const { ports, cpuMicros, profiler, stop } = await startServers();

async function round(options: autocannon.Options): Promise<Round> {
  const cpuBefore = await cpuMicros();
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS / ROUNDS, ...options });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMicros: (await cpuMicros()) - cpuBefore,
  };
}

function figures(name: string, rounds: Round[]): Figures {
  const sum = (pick: (r: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: sum((r) => r.requests) / sum((r) => r.seconds),
    p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: sum((r) => r.errors),
    cpuMicrosPerRequest:
      sum((r) => r.cpuMicros) /
      Math.max(
        1,
        sum((r) => r.requests),
      ),
  };
}

try {
  const cairnBase = `http://127.0.0.1:${ports.cairn}`;
  const bareBase = `http://127.0.0.1:${ports.bare}`;
  const member = await prepareMember(cairnBase);
  let n = 0;
  const all: { key: string; name: string; options: autocannon.Options }[] = [
    { key: "bare", name: "bare GET route", options: { url: `${bareBase}/bare` } },
    ...LAYERS.map((layer) => ({
      key: layer,
      name: `layer: ${layer}`,
      options: { url: `${cairnBase}/bench/layers/${layer}`, headers: { cookie: member.cookie } },
    })),
    {
      key: "progress",
      name: "GET /api/v1/progress",
      options: { url: `${cairnBase}/api/v1/progress`, headers: { cookie: member.cookie } },
    },
    {
      key: "checkin",
      name: "PUT /api/v1/checkins/:date",
      options: {
        url: cairnBase,
        requests: [
          {
            method: "PUT",
            // Replaces one of the year's check-ins: the same write path as a member correcting a day.
            setupRequest: (request) => {
              n++;
              return {
                ...request,
                path: `/api/v1/checkins/${addDays(member.today, -(n % 365))}`,
                headers: { cookie: member.cookie, "content-type": "application/json" },
                body: JSON.stringify(checkinBody(member.recoveryId, n)),
              };
            },
          },
        ],
      },
    },
  ];
  const scenarios = all.filter((s) => ONLY.has(s.key));
  // Interleaved in short rounds, so that a change in the machine's load during the run (other work shares it)
  // weighs on the bare route and on Cairn alike.
  const rounds = new Map(scenarios.map((s) => [s.key, [] as Round[]]));
  if (PROFILE_DIR) await profiler("start");
  for (let i = 0; i < ROUNDS; i++) {
    for (const scenario of scenarios) rounds.get(scenario.key)?.push(await round(scenario.options));
  }
  if (PROFILE_DIR) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    await profiler("stop");
    console.log(`server profile: ${path.resolve(PROFILE_DIR, "server.cpuprofile")}`);
  }
  const result = (key: string) => {
    const scenario = scenarios.find((s) => s.key === key);
    return scenario && figures(scenario.name, rounds.get(key) ?? []);
  };
  const bareRead = result("bare");
  const progressRead = result("progress");
  const checkinWrite = result("checkin");
  const rows = scenarios.map((s) => result(s.key)).filter((f) => f !== undefined);
  const ratio = (f: Figures) => (bareRead ? f.requestsPerSecond / bareRead.requestsPerSecond : Number.NaN);
  const percent = (f: Figures) => `${(ratio(f) * 100).toFixed(1)} %`;
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} interleaved rounds, SQLite with synchronous=FULL, Cairn LOG_LEVEL=${LOG_LEVEL}\n`,
  );
  console.log(
    "| run | requests/s | p50 ms | p99 ms | ratio to bare | non-2xx/errors | server CPU µs/request |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const f of rows) {
    console.log(
      `| ${f.name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${percent(f)} | ${f.errors} | ${f.cpuMicrosPerRequest.toFixed(0)} |`,
    );
  }
  if (bareRead && progressRead && checkinWrite) {
    const worstP99 = Math.max(progressRead.p99, checkinWrite.p99);
    const met =
      ratio(progressRead) >= 0.4 &&
      ratio(checkinWrite) >= 0.25 &&
      worstP99 < 50 &&
      progressRead.errors + checkinWrite.errors === 0;
    console.log(
      `\ntargets: progress read ≥ 40 % (${percent(progressRead)}), check-in write ≥ 25 % (${percent(checkinWrite)}), p99 < 50 ms (${worstP99} ms), no errors: ${met ? "met" : "MISSED"}`,
    );
    // The benchmark fails when a target is missed (issue 2's acceptance).
    if (!met) process.exitCode = 1;
  }
} finally {
  await stop();
}
