// Draws the app icons (public/icons/*.png) with no image library: each pixel is computed from a
// few shapes (a speech bubble with a tick on the app's slate background) and written as a PNG
// with node's zlib. Run again after changing the drawing: `node scripts/make-icons.mjs`.
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "public", "icons");
mkdirSync(out, { recursive: true });

const BACKGROUND = [0x0f, 0x17, 0x2a];
const BUBBLE = [0x38, 0xbd, 0xf8];
const TICK = [0x0f, 0x17, 0x2a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));
function segmentDistance(px, py, ax, ay, bx, by) {
  const t = clamp(((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function roundedBox(px, py, x0, y0, x1, y1, r) {
  const dx = Math.max(x0 + r - px, 0, px - (x1 - r));
  const dy = Math.max(y0 + r - py, 0, py - (y1 - r));
  return Math.hypot(dx, dy) - r; // < 0 inside
}
function inTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const s = (x1, y1, x2, y2, x3, y3) => (x1 - x3) * (y2 - y3) - (x2 - x3) * (y1 - y3);
  const d1 = s(px, py, ax, ay, bx, by),
    d2 = s(px, py, bx, by, cx, cy),
    d3 = s(px, py, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

/** The drawing in a unit square; `pad` shrinks it into the maskable safe zone. */
function drawer(size, { rounded, pad }) {
  return (x, y) => {
    const u = x / size,
      v = y / size;
    const inset = (t) => (t - pad) / (1 - 2 * pad);
    const X = inset(u),
      Y = inset(v);
    const edge = 1.2 / size;
    let color = BACKGROUND;
    let alpha = 1;
    if (rounded) alpha = clamp(0.5 - roundedBox(u, v, 0, 0, 1, 1, 0.2) / edge);
    const bubble = roundedBox(X, Y, 0.14, 0.16, 0.86, 0.7, 0.14);
    const tail = inTriangle(X, Y, [0.28, 0.64], [0.46, 0.64], [0.24, 0.86]);
    const inBubble = tail ? 1 : clamp(0.5 - bubble / edge);
    if (inBubble > 0) color = mix(color, BUBBLE, inBubble);
    const stroke = 0.075;
    const tick = Math.min(segmentDistance(X, Y, 0.32, 0.43, 0.45, 0.56), segmentDistance(X, Y, 0.45, 0.56, 0.68, 0.3));
    const inTick = clamp(0.5 - (tick - stroke / 2) / edge);
    if (inTick > 0 && inBubble > 0) color = mix(color, TICK, inTick);
    return [...color, Math.round(alpha * 255)];
  };
}

const icons = [
  { file: "icon-192.png", size: 192, rounded: true, pad: 0.06 },
  { file: "icon-512.png", size: 512, rounded: true, pad: 0.06 },
  { file: "maskable-512.png", size: 512, rounded: false, pad: 0.14 },
  { file: "apple-touch-icon.png", size: 180, rounded: false, pad: 0.08 },
];
for (const icon of icons) {
  writeFileSync(path.join(out, icon.file), png(icon.size, drawer(icon.size, icon)));
  console.log(`public/icons/${icon.file}`);
}
