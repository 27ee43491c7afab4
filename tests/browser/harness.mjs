// Shared set-up for the browser tests, the demo and the benchmark: bundles the fixture editors
// (real npm packages) with esbuild, serves the fixtures on 127.0.0.1, and starts Debian's
// Chromium with the built extension (dist/) through Playwright (playwright-core: it never
// downloads a browser).
import http from "node:http";
import { before, after } from "node:test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST = path.join(ROOT, "dist");
const FIXTURES = path.join(here, "fixtures");
const BUILD = path.join(here, ".build");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let bundled = null;
/** Bundles fixtures/editors.js (Lexical, Draft.js + React, ProseMirror, Quill) and fixtures/modals.js (focus-trap, Radix Dialog) once. */
export function bundleFixtures() {
  bundled ||= esbuild.build({
    entryPoints: [path.join(FIXTURES, "editors.js"), path.join(FIXTURES, "modals.js")],
    bundle: true,
    format: "esm",
    outdir: BUILD,
    minify: false,
    sourcemap: false,
    logLevel: "error",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  });
  return bundled;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/**
 * Serves /fixtures/* and /build/* on 127.0.0.1 (random port). `?csp=strict` adds
 * `Content-Security-Policy: script-src 'self'` (no 'wasm-unsafe-eval', no inline script).
 */
export async function startServer() {
  await bundleFixtures();
  const posts = []; // bodies of real form submissions to /nowhere
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, "http://x");
    if (u.pathname === "/nowhere" && req.method === "POST") {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        posts.push(body);
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("posted");
      });
      return;
    }
    let file = null;
    if (u.pathname.startsWith("/fixtures/")) file = path.join(FIXTURES, u.pathname.slice(10));
    else if (u.pathname.startsWith("/build/")) file = path.join(BUILD, u.pathname.slice(7));
    if (u.pathname === "/nowhere") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("posted by a real form submission");
      return;
    }
    if (!file || !file.startsWith(FIXTURES) === !file.startsWith(BUILD) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" };
    if (u.searchParams.get("csp") === "strict") headers["content-security-policy"] = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, posts, close: () => new Promise((r) => server.close(r)), server };
}

/** The flags Chromium runs with (the extension, no sandbox as root, no background traffic). */
export function chromiumArgs(extra = []) {
  return [
    "--headless=new",
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=vi",
    ...extra,
  ];
}

/**
 * Launches Chromium with the extension. Returns {context, sw, extensionId, close}.
 * `headed: true` (with a DISPLAY) opens a real window instead.
 */
export async function launch({ headed = false, lang = "vi" } = {}) {
  if (!fs.existsSync(path.join(DIST, "manifest.json"))) throw new Error("dist/ is missing: run ./build.sh first");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cannhac-profile-"));
  const args = chromiumArgs().filter((a) => !(headed && a === "--headless=new")).map((a) => (a === "--lang=vi" ? `--lang=${lang}` : a));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // the --headless=new flag above decides
    args,
    env: { ...process.env, LANGUAGE: lang, LANG: lang === "vi" ? "vi_VN.UTF-8" : "en_US.UTF-8" },
    viewport: { width: 1000, height: 760 },
    ignoreDefaultArgs: ["--disable-extensions", "--disable-component-extensions-with-background-pages"],
  });
  let sw = context.serviceWorkers()[0];
  if (!sw) sw = await context.waitForEvent("serviceworker", { timeout: 15000 });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up most test files share, registered with node:test's before/after: the fixture
 * server (`s.srv`), Chromium with the extension and TEST_SETTINGS (`s.b`, see `launch`), every
 * request of the browser context (`s.requests`, URLs) and every error thrown in a page
 * (`s.pageErrors`).
 */
export function suite() {
  const s = { srv: null, b: null, requests: [], pageErrors: [] };
  before(async () => {
    s.srv = await startServer();
    s.b = await launch();
    await setSettings(s.b.context, TEST_SETTINGS);
    s.b.context.on("request", (r) => s.requests.push(r.url()));
    s.b.context.on("page", (p) => p.on("pageerror", (e) => s.pageErrors.push(`${p.url()}: ${e.message}`)));
  });
  after(async () => {
    await s.b?.close();
    await s.srv?.close();
  });
  return s;
}

/** The current service worker (it may have been restarted). */
export async function serviceWorker(context) {
  return context.serviceWorkers()[0] || context.waitForEvent("serviceworker", { timeout: 15000 });
}

/**
 * Stops the extension's service worker through CDP, as Chromium does when it idles, and waits
 * until no worker of the extension runs. Returns the CDP session (detach it when done) and
 * `worker()`, which finds the worker's target again (undefined while none runs).
 */
export async function stopWorker(context) {
  const cdp = await context.browser().newBrowserCDPSession();
  const worker = async () => (await cdp.send("Target.getTargets")).targetInfos.find((t) => t.type === "service_worker" && t.url.endsWith("/background.js"));
  const target = await worker();
  if (!target) throw new Error("no service worker target of the extension");
  await cdp.send("Target.closeTarget", { targetId: target.targetId });
  await until(async () => !(await worker()), "the worker to stop");
  return { cdp, worker };
}

/** Writes the extension's settings (as the options page does) through the service worker. */
export async function setSettings(context, settings) {
  const sw = await serviceWorker(context);
  await sw.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
}

/** Custom phrases the tests rely on (deterministic, whatever the built-in rules become). */
export const TEST_SETTINGS = {
  language: "vi", // Debian's chromium ships only the en-US UI locale: choose vi explicitly
  customPhrases: [
    { phrase: "dự án Hoa Sen", category: "internal_document", severity: "high" },
    { phrase: "đồ tồi", category: "inflammatory", severity: "warning" },
  ],
};

/** Opens a fixture page and waits for its editor. */
export async function openFixture(context, origin, kind, { text = "", csp = false } = {}) {
  const page = await context.newPage();
  const q = new URLSearchParams({ kind, text });
  if (csp) q.set("csp", "strict");
  await page.goto(`${origin}/fixtures/page.html?${q}`);
  await page.waitForFunction(() => window.editorReady === true);
  return page;
}

/** Selector of the focusable editing element of each fixture kind. */
export const EDITOR = {
  textarea: "#editor",
  input: "#editor",
  ce: "#editor",
  scroll: "#editor",
  fixed: "#editor",
  comment: "#editor",
  rerender: "#editor",
  "shadow-textarea": "#editor",
  "shadow-ce": "#editor",
  lexical: "#editor",
  draft: ".public-DraftEditor-content",
  prosemirror: ".ProseMirror",
  quill: ".ql-editor",
};

/** Whether this kind is drawn through CSS.highlights (contenteditable) or overlay marks. */
export const isField = (kind) => ["textarea", "input", "scroll", "fixed", "shadow-textarea", "iframe"].includes(kind);

/**
 * The underlines of `category` as the page sees them: for contenteditable, the ranges in
 * CSS.highlights ("cannhac-<category>") with their text and rects; for fields, the overlay
 * elements with data-cannhac-category in <cannhac-overlay>'s open shadow root.
 */
export async function underlines(frameOrPage, category) {
  return frameOrPage.evaluate((category) => {
    const out = { highlights: [], marks: [] };
    const h = CSS.highlights.get("cannhac-" + category);
    if (h)
      for (const r of h) {
        const rects = [...r.getClientRects()].map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height }));
        out.highlights.push({ text: r.toString(), rects, collapsed: r.collapsed });
      }
    for (const host of document.querySelectorAll("cannhac-overlay")) {
      for (const m of host.shadowRoot?.querySelectorAll(`[data-cannhac-category="${category}"]`) || []) {
        const x = m.getBoundingClientRect();
        out.marks.push({ left: x.left, top: x.top, width: x.width, height: x.height, index: Number(m.dataset.index) });
      }
    }
    return out;
  }, category);
}

/** Rects of the first occurrence of `word` in the element matching `selector` (contenteditable). */
export async function wordRects(frameOrPage, selector, word) {
  return frameOrPage.evaluate(
    ({ selector, word }) => {
      const find = (root) => root.querySelector(selector) || [...root.querySelectorAll("*")].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      const el = find(document);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = "";
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, text.length]);
        text += n.data;
      }
      const at = text.indexOf(word);
      if (at < 0) return null;
      const pos = (o, end) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const [n, s] = nodes[i];
          if (end ? s < o : s <= o) return [n, o - s];
        }
        return null;
      };
      const r = new Range();
      r.setStart(...pos(at, false));
      r.setEnd(...pos(at + word.length, true));
      return [...r.getClientRects()].map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height }));
    },
    { selector, word },
  );
}

/** Polls `fn` until it returns a truthy value (or throws with `what` after `timeout` ms). */
export async function until(fn, what, timeout = 5000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** The fixture page's child frame once its #editor is there (the frame kinds of editors.js). */
export function childFrameEditor(page, kind) {
  return until(async () => {
    const f = page.frames().find((x) => x !== page.mainFrame());
    return f && (await f.$("#editor")) && f;
  }, `${kind}: the frame's #editor`);
}

export const near = (a, b, tol = 1.5) => Math.abs(a - b) <= tol;
export function sameRect(a, b, tol = 1.5) {
  return near(a.left, b.left, tol) && near(a.top, b.top, tol) && near(a.width, b.width, tol) && near(a.height, b.height, tol);
}

/** Per-test options: a hung browser step fails its test instead of the whole run. */
export const T = { timeout: 90_000 };
