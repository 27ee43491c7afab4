// Helpers for the popup and options tests: Debian's Chromium with the built extension (dist/,
// or $CANNHAC_DIST), a local fixture server with a plain composer page, and small probes of
// the extension's testable contract (CSS.highlights "cannhac-<category>", <cannhac-overlay>).
//
// Kept apart from the shared harness so these tests only depend on the documented contract.

import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST = path.resolve(process.env.CANNHAC_DIST || path.join(ROOT, "dist"));
export const OUT = path.join(ROOT, "tests", "out");

const COMPOSER_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Soạn bài</title>
<style>body{font:16px/1.5 sans-serif;margin:2rem;max-width:40rem}
#post{border:1px solid #888;min-height:6rem;padding:.5rem;white-space:pre-wrap}</style></head>
<body><h1>Viết bài</h1>
<div id="post" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Bài viết"></div>
<p><button id="send" type="button">Đăng</button></p>
</body></html>`;

const PLAIN_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head>
<body><h1>Một trang không có ô viết bài</h1><p>Chỉ có chữ để đọc.</p></body></html>`;

/** A fixture server on 127.0.0.1 (ephemeral port): /composer.html and /plain.html. */
export async function fixtureServer() {
  const pages = { "/composer.html": COMPOSER_PAGE, "/plain.html": PLAIN_PAGE };
  const server = http.createServer((req, res) => {
    const body = pages[new URL(req.url, "http://x").pathname];
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body || "not found");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Chromium with the unpacked extension. Returns {ctx, extId, extUrl(path), close}. */
export async function launch({ locale = "vi" } = {}) {
  if (!fs.existsSync(path.join(DIST, "manifest.json"))) throw new Error(`no built extension at ${DIST}: run ./build.sh first`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cannhac-popup-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: false, // --headless=new below: the old headless mode has no extensions
    locale,
    acceptDownloads: true,
    viewport: { width: 900, height: 900 },
    args: [
      "--headless=new",
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      "--no-sandbox",
      "--disable-background-networking",
      `--lang=${locale}`,
    ],
  });
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent("serviceworker", { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  const extUrl = (p) => `chrome-extension://${extId}/${p.replace(/^\//, "")}`;
  // An extension page to read and write storage from (the worker may be stopped at any time).
  const admin = await ctx.newPage();
  await admin.goto(extUrl("popup/popup.html?tab=0"));
  return {
    ctx,
    extId,
    extUrl,
    admin,
    close: async () => {
      await ctx.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Replaces the stored settings (chrome.storage.sync "settings"). */
export async function setSettings(env, settings) {
  await env.admin.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
}

/** The stored settings object (undefined when none is stored). */
export async function getSettings(env) {
  return env.admin.evaluate(async () => (await chrome.storage.sync.get("settings")).settings);
}

/**
 * The browser's tab id of Playwright page `page`. Without the "tabs" permission the extension
 * cannot read tab URLs, so the page is brought to the front and the active tab is taken.
 */
export async function tabIdOf(env, page) {
  await page.bringToFront();
  const id = await env.admin.evaluate(async () => {
    const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return t?.id;
  });
  if (typeof id !== "number") throw new Error(`no tab id for ${page.url()}`);
  return id;
}

/** Opens the popup as a page of its own, aimed at tab `tabId` (whose hostname is `host`). */
export async function openPopup(env, tabId, host) {
  const page = await env.ctx.newPage();
  await page.goto(env.extUrl(`popup/popup.html?tab=${tabId}${host ? `&host=${encodeURIComponent(host)}` : ""}`));
  await page.waitForSelector("body[data-ready]");
  return page;
}

/** Opens the options page. */
export async function openOptions(env) {
  const page = await env.ctx.newPage();
  await page.goto(env.extUrl("options/options.html"));
  await page.waitForSelector("body[data-ready]");
  return page;
}

/** Opens the fixture composer and types `text` into it. */
export async function openComposer(env, origin, text) {
  const page = await env.ctx.newPage();
  await page.goto(`${origin}/composer.html`);
  await page.click("#post");
  if (text) await page.keyboard.insertText(text);
  return page;
}

/**
 * The underlines the extension draws in `page`: [{category, text}] from CSS.highlights
 * ("cannhac-<category>", one range per finding), plus [{category, text: null}] for each
 * overlay mark inside <cannhac-overlay> shadow roots.
 */
export async function underlines(page) {
  return page.evaluate(() => {
    const out = [];
    if (globalThis.CSS && CSS.highlights) {
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith("cannhac-")) continue;
        for (const r of hl) out.push({ category: name.slice("cannhac-".length), text: r.toString() });
      }
    }
    for (const host of document.querySelectorAll("cannhac-overlay")) {
      for (const m of host.shadowRoot?.querySelectorAll("[data-cannhac-category]") || []) {
        const rect = m.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0) out.push({ category: m.dataset.cannhacCategory, text: null });
      }
    }
    return out;
  });
}

/** Waits until `pred(underlines)` holds; returns the underlines then. */
export async function waitUnderlines(page, pred, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let last = [];
  while (Date.now() < end) {
    last = await underlines(page);
    if (pred(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; underlines now: ${JSON.stringify(last)}`);
}

const require = createRequire(import.meta.url);

/** Runs axe-core in `page`; returns the serious and critical violations. */
export async function axeSerious(page) {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(`${source}\n;void 0`); // through the DevTools protocol: extension-page CSP does not apply
  const result = await page.evaluate(() =>
    globalThis.axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** Saves a screenshot under tests/out/ and returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
