// Draws Cairn's icon (a small stack of stones) as SVG and PNG into public/, from one set of shapes.
// No dependencies: the PNGs are rasterised here with 4×4 supersampling and encoded with node:zlib.
// Run: node packages/web/scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public");
const BG = "#1d5c57";
// On a 512 × 512 canvas, bottom to top.
const STONES = [
  { cx: 256, cy: 352, rx: 150, ry: 56, fill: "#e6dfcc" },
  { cx: 248, cy: 256, rx: 112, ry: 44, fill: "#d6ccb2" },
  { cx: 262, cy: 180, rx: 80, ry: 34, fill: "#efe9da" },
  { cx: 254, cy: 124, rx: 46, ry: 24, fill: "#d9cfb5" },
];

function svg({ rounded }) {
  const bg = rounded
    ? `<rect width="512" height="512" rx="112" fill="${BG}"/>`
    : `<rect width="512" height="512" fill="${BG}"/>`;
  const stones = STONES.map(
    (s) => `<ellipse cx="${s.cx}" cy="${s.cy}" rx="${s.rx}" ry="${s.ry}" fill="${s.fill}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img"><title>Cairn</title>${bg}${stones.join("")}</svg>\n`;
}

const hex = (c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

function insideRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 512 - r);
  const cy = Math.min(Math.max(y, r), 512 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA of one point on the 512 canvas, or null where transparent. */
function sample(x, y, rounded) {
  if (rounded && !insideRoundedRect(x, y, 112)) return null;
  let color = BG;
  for (const s of STONES) if (((x - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 <= 1) color = s.fill;
  return hex(color);
}

function raster(size, rounded) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample(
            ((px + (sx + 0.5) / n) * 512) / size,
            ((py + (sy + 0.5) / n) * 512) / size,
            rounded,
          );
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rounded) {
  const pixels = raster(size, rounded);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

writeFileSync(join(out, "icon.svg"), svg({ rounded: true }));
writeFileSync(join(out, "favicon.svg"), svg({ rounded: true }));
writeFileSync(join(out, "icon-192.png"), png(192, true));
writeFileSync(join(out, "icon-512.png"), png(512, true));
writeFileSync(join(out, "icon-maskable-512.png"), png(512, false));
// iOS rounds the corners itself and shows transparency as black: a square, opaque icon.
writeFileSync(join(out, "apple-touch-icon.png"), png(180, false));
process.stdout.write(`icons written to ${out}\n`);
