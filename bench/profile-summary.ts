/**
 * Summarises a `.cpuprofile` written by `node --cpu-prof` (see BENCH_PROFILE in http.bench.ts): the functions
 * with the most self time, self time per package, and the inclusive time of functions whose name matches a
 * pattern (time spent in them and everything they call).
 *
 * Run: npx tsx bench/profile-summary.ts <file.cpuprofile> [top=30] [inclusive-pattern]
 */
import fs from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, pattern] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [top] [inclusive-pattern]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
const top = Number(topArg ?? 30);

const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const idle = profile.nodes
  .filter((n) => ["(idle)", "(program)", "(garbage collector)"].includes(n.callFrame.functionName))
  .map((n) => [n.callFrame.functionName, selfMicros.get(n.id) ?? 0] as const);
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;

function where(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, "");
  const inModules = url.lastIndexOf("node_modules/");
  const short = inModules >= 0 ? url.slice(inModules + 13) : url.replace(/^.*\/work\/main\//, "");
  return `${short}:${frame.lineNumber + 1}`;
}

function packageOf(frame: CallFrame): string {
  const url = frame.url;
  const inModules = url.lastIndexOf("node_modules/");
  if (inModules >= 0) {
    const rest = url.slice(inModules + 13).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? "?");
  }
  if (url.startsWith("node:")) return "node:internal";
  if (url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const local = url.match(/packages\/(\w+)\/src\/([\w-]+)/);
  return local ? `cairn ${local[1]}/${local[2]}` : url.replace(/^.*\/work\/main\//, "");
}

console.log(
  `total ${(total / 1000).toFixed(0)} ms; ${idle.map(([n, us]) => `${n} ${pct(us)}`).join(", ")}\n`,
);

const selfByFunction = new Map<string, number>();
for (const [id, us] of selfMicros) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const key = `${frame.functionName || "(anonymous)"}  ${where(frame)}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us);
}
console.log("self time by function");
for (const [key, us] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(us)}  ${key}`);
}

const selfByPackage = new Map<string, number>();
for (const [id, us] of selfMicros) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const key = packageOf(frame);
  selfByPackage.set(key, (selfByPackage.get(key) ?? 0) + us);
}
console.log("\nself time by package");
for (const [key, us] of [...selfByPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(us)}  ${key}`);
}

if (pattern) {
  // Inclusive time: a sample counts once for each distinct matching function on its stack.
  const regex = new RegExp(pattern);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfMicros) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = `${frame.functionName || "(anonymous)"}  ${where(frame)}`;
      if (regex.test(key) && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  console.log(`\ninclusive time of functions matching /${pattern}/`);
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${pct(us)}  ${key}`);
  }
}
