// Main-thread cost of a keystroke in a <textarea> holding a long post dense with findings
// (`node tests/browser/bench-dense.mjs [chars] [keys]`; not part of ./build.sh bench; figures
// in the extension section of BENCHMARKS.md).
//
// The text (150,000 characters by default) is a risky paragraph repeated on its own lines
// (ONE_LINE=1: run into one paragraph): phone numbers, insults, "TÀI LIỆU MẬT", a short link
// (about 6,400 findings, of which the worker sends 1,000). The text is set at once (its first
// drawing is measured too), then keys are typed at its end and in its middle (the caret put
// there, the field scrolled to it), each after the previous key's answer was drawn. A Chromium
// trace of the page's renderer main thread gives its tasks, each counted for the last key
// pressed before it: per key, the longest task and the time busy until the next key (the
// per-frame check of main.js included), in wall-clock time and in the thread's CPU time (less
// sensitive to other processes on the machine). Also: the page's long tasks
// (PerformanceObserver 'longtask', tasks over 50 ms) and keydown → the answer drawn (the
// bench event of main.js: worker round trip and drawing).
// OFF=1: the extension switched off for the page (the page's own cost). BREAKDOWN=1: trace
// events' self time per key; BREAKDOWN=2: also every task over MIN_TASK_MS (1) ms with its
// main events. PROFILE=1: a CDP CPU profile of the keys typed in the middle (self time per
// function).
import { launch, startServer, setSettings } from "./harness.mjs";

const CHARS = Number(process.argv[2]) || 150_000;
const KEYS = Number(process.argv[3]) || 20;
const PARA =
  "TÀI LIỆU MẬT: Nghe nói sếp sắp bị bắt, thằng ngu nào làm rò rỉ thì biết tay, gọi ngay cho chị Lan 0912345678 hoặc anh Tuấn 0987654321 mà hỏi. Đồ chó má, lũ óc chó. Xem bit.ly/tin-mat nhé.\n";
// ONE_LINE=1: the same text as one paragraph (no newline).
const para = process.env.ONE_LINE ? PARA.replace("\n", " ") : PARA;
const text = para.repeat(Math.ceil(CHARS / para.length)).slice(0, CHARS);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

const srv = await startServer();
const b = await launch();
// OFF=1: the extension switched off for the fixture's site (the page's own cost of the keys).
await setSettings(b.context, { language: "vi", ...(process.env.OFF ? { disabledSites: ["127.0.0.1"] } : {}) });
const page = await b.context.newPage();
await page.goto(`${srv.origin}/fixtures/page.html?kind=textarea`);
await page.waitForFunction(() => window.editorReady === true);
await page.evaluate(() => {
  document.documentElement.setAttribute("data-cannhac-bench", "");
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__long.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: "longtask", buffered: false });
  window.__keys = [];
  let cur = null;
  window.addEventListener("keydown", () => {
    cur = { t0: performance.now(), drawn: 0, frame: 0 };
    cur.done = new Promise((r) => (cur.resolve = r)); // (awaited by the script: no polling in the page)
    window.__keys.push(cur);
  }, true);
  document.addEventListener("cannhac-rendered", (e) => {
    if (!cur || cur.drawn) return;
    const k = cur;
    k.drawn = performance.now() - k.t0;
    // main.js: worker round trip, drawing, keydown → request (ms)
    [k.worker, k.draw, k.toRequest] = String(e.detail).split(" ").map(Number);
    requestAnimationFrame(() =>
      setTimeout(() => {
        k.frame = performance.now() - k.t0;
        k.resolve();
      }),
    );
  });
});
await page.click("#editor");
const pasteTrace = await startTrace();
await page.evaluate((t) => {
  const ta = document.querySelector("#editor");
  ta.value = t;
  ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
}, text);
// The first analysis and drawing of the whole post.
if (!process.env.OFF) await page.waitForFunction(() => document.querySelector("cannhac-overlay")?.shadowRoot?.querySelector("[data-cannhac-category]"), null, { timeout: 30_000 });
await page.waitForTimeout(1000);
const paste = await stopTrace(pasteTrace);

const marks = () => page.evaluate(() => document.querySelector("cannhac-overlay")?.shadowRoot?.querySelectorAll("[data-cannhac-category]").length ?? 0);
console.log(`${CHARS} characters, ${text.split("\n").length} lines: the text set at once, then its first drawing: longest task ${paste.maxTask.toFixed(1)} ms, main thread busy ${paste.busy.toFixed(1)} ms; ${await marks()} marks drawn`);

let cdp = null;
// Main-thread time from a trace: the RunTask events of the busiest renderer main thread.
async function startTrace() {
  const bcdp = await b.context.browser().newBrowserCDPSession();
  const events = [];
  bcdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  await bcdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,__metadata", transferMode: "ReportEvents" });
  return { bcdp, events };
}
async function stopTrace({ bcdp, events }) {
  const done = new Promise((r) => bcdp.once("Tracing.tracingComplete", r));
  await bcdp.send("Tracing.end");
  await done;
  await bcdp.detach();
  // The fixture page's renderer process (the one the keys or the input were dispatched in), its main thread.
  const pid = events.find((e) => e.name === "EventDispatch" && ["keydown", "input"].includes(e.args?.data?.type))?.pid;
  const mains = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === pid).map((e) => `${e.pid}:${e.tid}`));
  const per = new Map();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    (per.get(k) || per.set(k, []).get(k)).push(e);
  }
  // Self time per trace event name on that thread (BREAKDOWN=1).
  if (process.env.BREAKDOWN) {
    const xs = events.filter((e) => e.ph === "X" && mains.has(`${e.pid}:${e.tid}`)).sort((x, y) => x.ts - y.ts || (y.dur || 0) - (x.dur || 0));
    const self = new Map();
    const stack = [];
    for (const e of xs) {
      while (stack.length && stack[stack.length - 1].ts + (stack[stack.length - 1].dur || 0) <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      const d = (e.dur || 0) / 1000;
      self.set(e.name, (self.get(e.name) || 0) + d);
      if (parent) self.set(parent.name, self.get(parent.name) - d);
      stack.push(e);
    }
    if (process.env.BREAKDOWN === "2") {
      const tops = [];
      let end = -Infinity;
      for (const e of xs) if (e.name === "ThreadControllerImpl::RunTask" && e.ts >= end) { tops.push(e); end = e.ts + (e.dur || 0); }
      const t0 = xs[0]?.ts || 0;
      for (const t of tops.filter((t) => t.dur > (process.env.MIN_TASK_MS || 1) * 1000).slice(0, 60)) {
        const kids = xs.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && (e.dur || 0) > 300);
        console.log(`  task at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(1)} ms: ` + kids.map((e) => `${e.name}${e.args?.data?.type ? "(" + e.args.data.type + ")" : ""}${e.args?.data?.functionName != null ? "(" + e.args.data.functionName + " " + String(e.args.data.url).split("/").pop() + ":" + e.args.data.lineNumber + ")" : ""} ${(e.dur / 1000).toFixed(1)}`).join(", "));
      }
    }
    console.log("  self time per trace event (ms per key): " + [...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${(v / KEYS).toFixed(1)}`).join(", "));
  }
  // Top-level tasks only (a nested run loop's tasks are inside their parent's time), each
  // counted for the last key pressed before it.
  const [es = []] = [...per.values()];
  es.sort((x, y) => x.ts - y.ts);
  const downs = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown" && mains.has(`${e.pid}:${e.tid}`)).map((e) => e.ts).sort((x, y) => x - y);
  const perKey = downs.map(() => ({ busy: 0, max: 0, cpu: 0, maxCpu: 0 }));
  let cpu = 0;
  const tasks = [];
  let end = -Infinity;
  for (const e of es) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur || 0);
    const d = (e.dur || 0) / 1000;
    tasks.push(d);
    cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    let k = downs.length - 1;
    while (k >= 0 && downs[k] > e.ts + (e.dur || 0)) k--; // a task holding the keydown counts for it
    if (k < 0) continue;
    perKey[k].busy += d;
    perKey[k].max = Math.max(perKey[k].max, d);
    const c = (e.tdur ?? e.dur ?? 0) / 1000;
    perKey[k].cpu += c;
    perKey[k].maxCpu = Math.max(perKey[k].maxCpu, c);
  }
  return { perKey, maxTask: Math.max(0, ...tasks), busy: tasks.reduce((x, y) => x + y, 0), cpu, hasCpu: es.some((e) => e.tdur != null), over16: tasks.filter((d) => d > 16).length, over50: tasks.filter((d) => d > 50).length };
}
async function typeAt(where) {
  await page.evaluate((where) => {
    const ta = document.querySelector("#editor");
    const at = where === "end" ? ta.value.length : Math.floor(ta.value.length / 2);
    ta.focus();
    ta.setSelectionRange(at, at);
    // Scroll the caret into view (setSelectionRange does not): a line's height per newline.
    const lines = ta.value.slice(0, at).split("\n").length;
    ta.scrollTop = where === "end" ? ta.scrollHeight : Math.max(0, lines * 24 * (ta.scrollHeight / (ta.value.split("\n").length * 24)) - 40);
  }, where);
  await page.waitForTimeout(500);
  if (where === "middle" && process.env.PROFILE) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  await page.evaluate(() => {
    window.__keys.length = 0;
    window.__long.length = 0;
  });
  const tr = await startTrace();
  const letters = "abcdefghij";
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(letters[i % letters.length]);
    if (process.env.OFF) await page.waitForTimeout(150);
    else await page.evaluate(() => Promise.race([window.__keys[window.__keys.length - 1]?.done, new Promise((r) => setTimeout(r, 10_000))]));
    await page.waitForTimeout(60); // let the per-frame relayout run too
  }
  await page.waitForTimeout(300);
  const busy = await stopTrace(tr);
  const { keys, long } = await page.evaluate(() => ({ keys: window.__keys.map(({ t0, drawn, frame, worker, draw, toRequest }) => ({ t0, drawn, frame, worker, draw, toRequest })), long: window.__long }));
  const drawn = keys.map((k) => k.drawn).filter(Boolean);
  const lt = long.map((x) => x.dur);
  const part = (f) => pct(keys.map(f).filter((x) => x != null), 50).toFixed(1);
  const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "-");
  const longest = busy.perKey.map((k) => k.max);
  const per = busy.perKey.map((k) => k.busy);
  const longestCpu = busy.perKey.map((k) => k.maxCpu);
  const perCpu = busy.perKey.map((k) => k.cpu);
  console.log(
    `${where.padEnd(6)} ${busy.perKey.length} keys: longest task per key p50 ${f1(pct(longest, 50))} ms, max ${f1(Math.max(...longest))} ms; main thread busy per key p50 ${f1(pct(per, 50))} ms, max ${f1(Math.max(...per))} ms; ${busy.hasCpu ? `CPU time (thread time): longest task per key p50 ${f1(pct(longestCpu, 50))} ms, max ${f1(Math.max(...longestCpu))} ms, per key p50 ${f1(pct(perCpu, 50))} ms; ` : ""}tasks over 16 ms ${busy.over16}, over 50 ms ${busy.over50}; ` +
      `PerformanceObserver long tasks ${lt.length}${lt.length ? ` (max ${lt.length ? Math.max(...lt).toFixed(0) : "-"} ms)` : ""}; keydown → answer drawn p50 ${f1(pct(drawn, 50))} ms (worker round trip ${part((k) => k.worker)} ms, drawing ${part((k) => k.draw)} ms); ${await marks()} marks`,
  );
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const f = n.callFrame;
      const k = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
      self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000);
    });
    const total = [...self.values()].reduce((a, x) => a + x, 0);
    const idle = self.get("(idle) :0") || 0;
    const program = self.get("(program) :0") || 0;
    console.log(`CPU profile: ${total.toFixed(0)} ms sampled, idle ${idle.toFixed(0)} ms, "(program)" ${program.toFixed(0)} ms, script and forced layout ${(total - idle - program).toFixed(0)} ms (${((total - idle - program) / KEYS).toFixed(1)} ms per key)`);
    const top = [...self].filter(([k]) => !/\(idle\)|\(program\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`CPU profile of the ${KEYS} keys in the middle, self time (ms):`);
    for (const [k, v] of top) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  }
}

await typeAt("end");
await typeAt("middle");
await page.close();
await b.close();
await srv.close();
