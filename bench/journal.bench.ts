/**
 * The journal on the device (issue 5), in Chromium: time to unlock (argon2id key derivation from the password,
 * then unwrapping the journal key) and to decrypt and search 1,000 entries. Targets: unlock ≤ 1.5 s, decrypt
 * and search 1,000 entries ≤ 300 ms.
 *
 * core's journal module is bundled with esbuild (as Vite bundles it for the web app) and served from 127.0.0.1
 * (a secure context, so Web Crypto is there) to /usr/bin/chromium driven by playwright-core. The entries are
 * made and encrypted in the page first (not timed): 1,000 entries of 40 to 400 words (about 0.3 to 3 KB), with
 * tags, a third of them from a prompt. Each timed run starts from the ciphertext as the API serves it.
 *
 * Run: npm run bench:journal   (see bench/README.md)
 *   BENCH_ENTRIES=1000  BENCH_RUNS=7  CHROMIUM_PATH=/usr/bin/chromium
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const here = path.dirname(fileURLToPath(import.meta.url));

/** core's journal as one script that puts the module on `window.Journal`. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, "../packages/core/src/journal/index.ts")],
    bundle: true,
    format: "iife",
    globalName: "Journal",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

function serve(script: string): Promise<http.Server> {
  const page =
    '<!doctype html><meta charset="utf-8"><title>journal bench</title><script src="/journal.js"></script>';
  const server = http.createServer((request, response) => {
    const js = request.url === "/journal.js";
    response.writeHead(200, { "content-type": js ? "text/javascript" : "text/html; charset=utf-8" });
    response.end(js ? script : page);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const WORDS =
  "today craving walked river called sponsor tired angry lonely hungry meeting coffee rain sunrise work family sleep grateful slipped okay steady breathing timer urge passed evening quiet anxious hopeful café été naïve".split(
    " ",
  );
const TAGS = ["work", "family", "sleep", "meeting", "urge", "gratitude", "weekend", "Été"];

/** Deterministic pseudo-random entries (mulberry32), so every run searches the same text. */
function contents(count: number): unknown[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]).join(" ");
  return Array.from({ length: count }, (_, i) => ({
    date: `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    title: i % 2 ? words(4) : null,
    body: words(40 + next(360)),
    mood: i % 5 === 0 ? null : 1 + next(5),
    tags: [...new Set([TAGS[next(TAGS.length)], TAGS[next(TAGS.length)]])],
    prompt: i % 3 === 0 ? { kind: "gratitude", fields: { first: words(8), second: words(8) } } : null,
  }));
}

interface Figures {
  kdf: { memoryKiB: number; iterations: number; parallelism: number };
  unlockMs: number[];
  decryptMs: number[];
  searchMs: number[];
  totalMs: number[];
  matches: number;
  ciphertextBytes: number;
}

/** Runs in the page: everything it uses is on window.Journal. */
async function measure({ entries, runs }: { entries: unknown[]; runs: number }): Promise<Figures> {
  const J = (globalThis as unknown as { Journal: typeof import("../packages/core/src/journal/index.ts") })
    .Journal;
  const password = "a long uncommon passphrase";
  const { keys, key } = await J.createJournalKeys(password, []);
  const now = new Date().toISOString();
  const payloads = await Promise.all(
    entries.map(async (content) => ({
      ...(await J.encryptEntry(
        key,
        { id: crypto.randomUUID(), version: 1, keyId: keys.keyId },
        content as never,
      )),
      createdAt: now,
      updatedAt: now,
    })),
  );
  const served = JSON.stringify(payloads);
  const figures: Figures = {
    kdf: keys.kdf,
    unlockMs: [],
    decryptMs: [],
    searchMs: [],
    totalMs: [],
    matches: 0,
    ciphertextBytes: served.length,
  };
  for (let run = 0; run < runs; run++) {
    let t0 = performance.now();
    const unlocked = await J.unlockWithPassword(keys, password);
    figures.unlockMs.push(performance.now() - t0);

    // As the API served them: parsed from JSON, then decrypted and searched (new objects each run: no cache).
    t0 = performance.now();
    const fromServer = JSON.parse(served) as typeof payloads;
    const opened = await Promise.all(fromServer.map((p) => J.decryptEntry(unlocked, p)));
    const t1 = performance.now();
    const found = J.searchJournal(opened, { text: "Sponsor CAFE", tag: "work" });
    const t2 = performance.now();
    figures.decryptMs.push(t1 - t0);
    figures.searchMs.push(t2 - t1);
    figures.totalMs.push(t2 - t0);
    figures.matches = found.length;
  }
  return figures;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;

const server = await serve(await bundle());
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const figures = await page.evaluate(measure, { entries: contents(ENTRIES), runs: RUNS });
  const { memoryKiB, iterations, parallelism } = figures.kdf;
  console.log(
    `journal bench: Chromium ${browser.version()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `argon2id: ${memoryKiB / 1024} MiB, ${iterations} passes, parallelism ${parallelism}; ${RUNS} runs`,
  );
  console.log(`unlock (argon2id + unwrap):        ${fmt(figures.unlockMs)}   target ≤ 1500 ms`);
  console.log(
    `decrypt ${ENTRIES} entries (${(figures.ciphertextBytes / 1024).toFixed(0)} KiB as served): ${fmt(figures.decryptMs)}`,
  );
  console.log(`search ${ENTRIES} entries (${figures.matches} found): ${fmt(figures.searchMs)}`);
  console.log(`decrypt + search ${ENTRIES} entries:  ${fmt(figures.totalMs)}   target ≤ 300 ms`);
} finally {
  await browser.close();
  server.close();
}
