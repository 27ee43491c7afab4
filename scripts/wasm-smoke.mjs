// Instantiates the built engine in Node and runs one analysis, one link check and duties():
// a module broken by a tool in the build chain fails here rather than in the browser.
// Usage: node scripts/wasm-smoke.mjs dist/wasm
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2] || "dist/wasm");
const mod = await import(pathToFileURL(path.join(dir, "cannhac_wasm.js")).href);
await mod.default({ module_or_path: fs.readFileSync(path.join(dir, "cannhac_wasm_bg.wasm")) });
const t0 = performance.now();
let engine;
try {
  engine = new mod.Engine();
} catch (e) {
  console.error(`wasm smoke test: the engine refused to build: ${e.message}`);
  process.exit(1);
}
const built = performance.now() - t0;
const r = JSON.parse(engine.analyze("😀 Nghe nói thằng ngu kia có TÀI LIỆU MẬT"));
if (!Array.isArray(r.kinds) || !Array.isArray(r.spans) || r.spans.length === 0 || typeof r.unaccented !== "boolean") throw new Error("analyze: unexpected shape");
let threw = false;
try {
  new mod.Engine(["no_such_category"]);
} catch (e) {
  threw = e instanceof Error && /config/.test(e.message);
}
if (!threw) throw new Error("a bad config must throw an Error with a message");
mod.checkLink("http://example.com/");
mod.duties();
console.log(`wasm smoke test: ok (engine built in ${built.toFixed(1)} ms, ${r.spans.length / 3} findings on the sample)`);
