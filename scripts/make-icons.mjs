// Draws the app icons in public/ (favicon, PWA icons, apple touch icon) from one SVG: the brand's
// rounded green square with a white "L", the same mark as components/layout/brand.tsx.
// Run once after changing the mark: `node scripts/make-icons.mjs` (uses sharp, which Next.js installs).
import { writeFile } from "node:fs/promises";
import sharp from "sharp";

const GREEN = "#065f46";

/** `inset` is the share of the side kept free around the letter; maskable icons need ~20 % each side. */
function svg({ rounded, inset }) {
  const s = 512;
  const r = rounded ? 96 : 0;
  const box = s * (1 - 2 * inset);
  const x0 = s * inset;
  // The "L": a vertical bar and a foot, drawn as one path so it needs no font.
  const u = box / 10;
  const left = x0 + 3 * u;
  const top = x0 + 2 * u;
  const stem = 1.6 * u;
  const height = 6 * u;
  const foot = 4.2 * u;
  const path = `M${left} ${top}h${stem}v${height - stem}h${foot - stem}v${stem}h${-foot}z`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">` +
      `<rect width="${s}" height="${s}" rx="${r}" fill="${GREEN}"/><path d="${path}" fill="#fff"/></svg>`,
  );
}

const png = (source, size) => sharp(source).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

const regular = svg({ rounded: true, inset: 0 });
const full = svg({ rounded: false, inset: 0 });
const maskable = svg({ rounded: false, inset: 0.1 });

await writeFile("public/icon.svg", regular);
await writeFile("public/icon-192.png", await png(regular, 192));
await writeFile("public/icon-512.png", await png(regular, 512));
await writeFile("public/icon-maskable-512.png", await png(maskable, 512));
// iOS rounds the corners itself and shows transparency as black: a full square.
await writeFile("public/apple-touch-icon.png", await png(full, 180));

// favicon.ico holding one 32×32 and one 16×16 PNG (the ICO format allows PNG entries).
const images = [await png(regular, 32), await png(regular, 16)];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((data, i) => {
  const size = i === 0 ? 32 : 16;
  const e = Buffer.alloc(16);
  e.writeUInt8(size, 0);
  e.writeUInt8(size, 1);
  e.writeUInt8(0, 2);
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(data.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += data.length;
  return e;
});
await writeFile("public/favicon.ico", Buffer.concat([header, ...entries, ...images]));
console.log("icons written to public/");
