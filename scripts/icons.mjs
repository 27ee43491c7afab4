// Draws the extension's icons (a pair of scales' beam over a wavy underline on a teal rounded
// square: "weigh it first") at 16, 32, 48 and 128 px into the given folder. Run by build.sh.
import fs from "node:fs";
import path from "node:path";
import { encodePng } from "./png.mjs";

const out = process.argv[2] || "dist/icons";
fs.mkdirSync(out, { recursive: true });

// Shapes in a unit square; returns [r,g,b,a] for a point.
function shade(x, y) {
  const r = 0.2; // corner radius
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const white = [255, 255, 255, 255];
  // post (vertical bar) and beam
  if (Math.abs(x - 0.5) < 0.045 && y > 0.2 && y < 0.62) return white;
  if (Math.abs(y - 0.3) < 0.04 && x > 0.18 && x < 0.82) return white;
  // two pans: half discs under the beam ends
  for (const cx of [0.27, 0.73]) {
    const d = Math.hypot(x - cx, y - 0.42);
    if (y > 0.42 && d < 0.13 && d > 0.0) return white;
    if (Math.abs(x - cx) < 0.025 && y > 0.3 && y < 0.42) return white;
  }
  // wavy underline, amber
  const wave = 0.8 + 0.035 * Math.sin(x * Math.PI * 6);
  if (Math.abs(y - wave) < 0.04 && x > 0.15 && x < 0.85) return [255, 193, 7, 255];
  return [0, 121, 107, 255]; // teal
}

for (const size of [16, 32, 48, 128]) {
  const px = new Uint8Array(size * size * 4);
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (y * size + x) * 4;
      const a = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) px[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      px[o + 3] = Math.round(a);
    }
  }
  fs.writeFileSync(path.join(out, `icon-${size}.png`), encodePng(size, size, px));
}
