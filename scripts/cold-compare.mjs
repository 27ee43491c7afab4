// Compares builds of the .wasm in the extension's service worker, alternating them: for each
// round and build, copies the build's cannhac_wasm_bg.wasm and cannhac_wasm.js into dist/wasm,
// launches Chromium with dist/, stops the worker through CDP 8 times and times the first
// `analyze` answer after each stop (with the worker's own parts: WASM init, Engine::new, first
// analysis) and the median round trip of 30 warm analyses of 5,000 characters. Prints the
// medians per build. dist/ must hold a build of the same sources (./build.sh); restore its
// wasm afterwards (./build.sh again) — this script leaves the last build's files there.
// Usage: node scripts/cold-compare.mjs DIR_A DIR_B …   (each DIR holds wasm-bindgen's output)
import fs from "node:fs";
import path from "node:path";
import { launch, stopWorker, DIST } from "../tests/browser/harness.mjs";
const SAMPLE = "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết tay. Hôm nay cả nhà đi chơi công viên, trời đẹp và mát. Xem thêm bit.ly/tin-mat nhé. ";
const variants = process.argv.slice(2);
const rounds = 3, per = 8;
const all = Object.fromEntries(variants.map((v) => [v, []]));
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (let r = 0; r < rounds; r++) for (const v of variants) {
  fs.copyFileSync(path.join(v, "cannhac_wasm_bg.wasm"), path.join(DIST, "wasm/cannhac_wasm_bg.wasm"));
  fs.copyFileSync(path.join(v, "cannhac_wasm.js"), path.join(DIST, "wasm/cannhac_wasm.js"));
  const b = await launch();
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/manifest.json`);
  for (let i = 0; i < per; i++) {
    const { cdp } = await stopWorker(b.context);
    await cdp.detach();
    const t = await ext.evaluate(async (text) => {
      const t0 = performance.now();
      const r = await chrome.runtime.sendMessage({ type: "analyze", text });
      if (!r || r.error) throw new Error(`no answer from the worker: ${r?.error}`);
      return performance.now() - t0;
    }, SAMPLE);
    const p = await ext.evaluate(() => chrome.runtime.sendMessage({ type: "ping" }));
    // warm: 30 analyses of 5000 chars, median engine time
    const warm = await ext.evaluate(async (text) => { const xs = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); await chrome.runtime.sendMessage({ type: "analyze", text }); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); return xs[15]; }, SAMPLE.repeat(32).slice(0, 5000));
    all[v].push({ t, init: p.wasmInitMs, nw: p.engineNewMs, first: p.analyzeMs?.[0], warm });
  }
  await b.close();
}
for (const v of variants) {
  const xs = all[v];
  console.log(v, "n", xs.length, "total", med(xs.map((x) => x.t)).toFixed(1), "init", med(xs.map((x) => x.init)).toFixed(1), "new", med(xs.map((x) => x.nw)).toFixed(1), "first", med(xs.map((x) => x.first)).toFixed(1), "warm5000rt", med(xs.map((x) => x.warm)).toFixed(2));
}
