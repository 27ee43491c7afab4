// Compares builds of the .wasm in the extension's service worker, alternating them: for each
// round and build, copies the build's cannhac_wasm_bg.wasm and cannhac_wasm.js into dist/wasm,
// launches Chromium with dist/, stops the worker through CDP 8 times and times the first
// `analyze` answer after each stop (with the worker's own parts: WASM init, Engine::new, first
// analysis) and the median round trip of 30 warm analyses of 5,000 characters. Prints the
// medians per build. dist/ must hold a build of the same sources (./build.sh); restore its
// wasm afterwards (./build.sh again) — this script leaves the last build's files there.
// A DIR that also holds a background.js has it copied to dist/ too (to compare worker code).
// Prints, per build, medians (and the total's p95) of: the first answer's round trip from the
// page, when the worker's module started running and when the analysis was asked for after
// that (`mod`, `req`), how many of the starts ran the warm-up analysis before the request came,
// and the worker's own parts.
// Usage: node scripts/cold-compare.mjs DIR_A DIR_B …   (each DIR holds wasm-bindgen's output)
// ROUNDS and PER (environment) change the 3 rounds of 8 cold starts per build.
import fs from "node:fs";
import path from "node:path";
import { launch, DIST } from "../tests/browser/harness.mjs";
const SAMPLE = "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết tay. Hôm nay cả nhà đi chơi công viên, trời đẹp và mát. Xem thêm bit.ly/tin-mat nhé. ";
const variants = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS) || 3, per = Number(process.env.PER) || 8;
const all = Object.fromEntries(variants.map((v) => [v, []]));
const q = (xs, f) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * f))]; };
const med = (xs) => q(xs, 0.5);
for (let r = 0; r < rounds; r++) for (const v of variants) {
  fs.copyFileSync(path.join(v, "cannhac_wasm_bg.wasm"), path.join(DIST, "wasm/cannhac_wasm_bg.wasm"));
  fs.copyFileSync(path.join(v, "cannhac_wasm.js"), path.join(DIST, "wasm/cannhac_wasm.js"));
  if (fs.existsSync(path.join(v, "background.js"))) fs.copyFileSync(path.join(v, "background.js"), path.join(DIST, "background.js"));
  let b, ext, cdp;
  const open = async () => {
    b = await launch();
    ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    cdp = await b.context.browser().newBrowserCDPSession();
  };
  await open();
  const workers = async () => (await cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.endsWith("/background.js"));
  // Stops the worker if one runs (as tests/browser/bench.mjs does: no error when none does).
  const stopWorker = async () => {
    for (const w of await workers()) await cdp.send("Target.closeTarget", { targetId: w.targetId }).catch(() => {});
    for (let k = 0; k < 100 && (await workers()).length; k++) await new Promise((r) => setTimeout(r, 20));
  };
  for (let i = 0, missed = 0, inRow = 0, stopped = false; i < per; i++) {
    if (!stopped) await stopWorker();
    stopped = false;
    // Now and then a message sent right after the stop finds no worker ("Receiving end does
    // not exist"): that sample is dropped and the message sent again (the worker is stopped);
    // after five in a row no message starts a worker any more in that browser: it is closed
    // and another launched.
    const sample = await (async () => {
      const t = await ext.evaluate(async (text) => {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({ type: "analyze", text });
        if (!r || r.error) throw new Error(`no answer from the worker: ${r?.error}`);
        return performance.now() - t0;
      }, SAMPLE);
      const p = await ext.evaluate(() => chrome.runtime.sendMessage({ type: "ping" }));
      // warm: 30 analyses of 5000 chars, median round trip
      const warm = await ext.evaluate(async (text) => { const xs = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); await chrome.runtime.sendMessage({ type: "analyze", text }); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); return xs[15]; }, SAMPLE.repeat(32).slice(0, 5000));
      return { t, p, warm };
    })().catch((e) => {
      if (!/Receiving end does not exist/.test(e.message) || ++missed > 30) throw e;
      console.error(`(${v}: no worker answered; sending again)`);
      return null;
    });
    if (sample === null) {
      i--;
      if (++inRow >= 5) {
        console.error(`(${v}: relaunching the browser)`);
        await b.close();
        await open();
        inRow = 0;
        continue;
      }
      stopped = (await workers()).length === 0;
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    inRow = 0;
    const { t, p, warm } = sample;
    all[v].push({ t, mod: p.moduleStartMs, req: p.requestedAtMs, wfirst: p.warmUpAtMs !== null && p.warmUpAtMs < p.requestedAtMs, init: p.wasmInitMs, nw: p.engineNewMs, first: p.analyzeMs?.[0], warm });
  }
  await b.close();
}
for (const v of variants) {
  const xs = all[v];
  console.log(v, "n", xs.length, "total", med(xs.map((x) => x.t)).toFixed(1), "p95", q(xs.map((x) => x.t), 0.95).toFixed(1), "mod", med(xs.map((x) => x.mod)).toFixed(1), "req", med(xs.map((x) => x.req)).toFixed(1), "warm-up first", xs.filter((x) => x.wfirst).length, "init", med(xs.map((x) => x.init)).toFixed(1), "new", med(xs.map((x) => x.nw)).toFixed(1), "first", med(xs.map((x) => x.first)).toFixed(1), "warm5000rt", med(xs.map((x) => x.warm)).toFixed(2));
}
