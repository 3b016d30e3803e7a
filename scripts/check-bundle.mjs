// Checks the first screen's JavaScript budget: the entry module in packages/web/dist/index.html plus every
// module it preloads, gzipped, must total at most 170 KB (170 × 1000 bytes). Run after `npm run build`.
// Usage: node scripts/check-bundle.mjs [--limit-kb 170]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "packages", "web", "dist");
const limitArg = process.argv.indexOf("--limit-kb");
const limitKb = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 170;

const indexPath = join(dist, "index.html");
if (!existsSync(indexPath)) {
  console.error(`check-bundle: ${indexPath} not found; run \`npm run build -w @cairn/web\` first.`);
  process.exit(2);
}
const html = readFileSync(indexPath, "utf8");

function attr(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4]) : undefined;
}

const files = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  if (attr(tag, "type") === "module" && attr(tag, "src"))
    files.push({ kind: "entry", src: attr(tag, "src") });
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  if (attr(tag, "rel") === "modulepreload" && attr(tag, "href"))
    files.push({ kind: "preload", src: attr(tag, "href") });
}
if (!files.some((f) => f.kind === "entry")) {
  console.error('check-bundle: no <script type="module" src=…> in index.html');
  process.exit(2);
}

let total = 0;
const seen = new Set();
for (const file of files) {
  if (/^(https?:)?\/\//i.test(file.src)) {
    console.error(
      `check-bundle: ${file.src} is on another origin; the app must load nothing from a third party.`,
    );
    process.exit(1);
  }
  const path = join(dist, file.src.replace(/^\//, "").split(/[?#]/)[0]);
  if (seen.has(path)) continue;
  seen.add(path);
  const raw = readFileSync(path);
  const gzipped = gzipSync(raw, { level: 9 }).length;
  total += gzipped;
  console.log(
    `${file.kind.padEnd(8)} ${(gzipped / 1000).toFixed(1).padStart(7)} KB gz  ${(raw.length / 1000).toFixed(1).padStart(7)} KB  ${file.src}`,
  );
}

// For information: what each lazily loaded screen adds on top (its chunk and the chunks it imports), so the
// real first screen of a signed-in member (entry + Today) is visible too.
const assetsDir = join(dist, "assets");
const staticImports = (file) =>
  [
    ...readFileSync(join(assetsDir, file), "utf8").matchAll(/(?:import|from)\s*["'`]\.\/([^"'`]+\.js)["'`]/g),
  ].map((m) => m[1]);
function closure(file, into = new Set()) {
  if (into.has(file) || !existsSync(join(assetsDir, file))) return into;
  into.add(file);
  for (const dep of staticImports(file)) closure(dep, into);
  return into;
}
const entryFile = files
  .find((f) => f.kind === "entry")
  ?.src.split("/")
  .pop();
const base = entryFile ? closure(entryFile) : new Set();
const lazy = entryFile
  ? [
      ...readFileSync(join(assetsDir, entryFile), "utf8").matchAll(
        /import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g,
      ),
    ].map((m) => m[1])
  : [];
for (const chunk of [...new Set(lazy)].sort()) {
  let extra = 0;
  for (const file of closure(chunk)) {
    if (!base.has(file)) extra += gzipSync(readFileSync(join(assetsDir, file)), { level: 9 }).length;
  }
  console.log(
    `lazy     ${(extra / 1000).toFixed(1).padStart(7)} KB gz  ${chunk} (with its own imports; info only)`,
  );
}

const totalKb = total / 1000;
console.log(`first screen JavaScript: ${totalKb.toFixed(1)} KB gzipped (limit ${limitKb} KB)`);
if (totalKb > limitKb) {
  console.error(`check-bundle: over budget by ${(totalKb - limitKb).toFixed(1)} KB`);
  process.exit(1);
}
