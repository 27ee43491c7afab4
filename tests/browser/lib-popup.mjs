// Helpers for the popup and options tests, on top of the shared harness (harness.mjs: Debian's
// Chromium with the built extension from dist/, the fixture server and fixture composers): an
// extension page to read and write storage, the browser's tab id of a page, the popup and the
// options page opened as tabs, the underlines as the page sees them, axe-core, screenshots.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { launch as launchBrowser, startServer, openFixture, ROOT } from "./harness.mjs";

export { ROOT };
export const OUT = path.join(ROOT, "tests", "out");

/** The shared fixture server (fixtures/page.html?kind=… and a page with no composer). */
export async function fixtureServer() {
  const server = await startServer();
  return { ...server, noComposerUrl: `${server.origin}/nowhere` };
}

/** Launches Chromium with the extension. Returns {ctx, extId, extUrl(path), admin, close}. */
export async function launch({ lang = "vi" } = {}) {
  const browser = await launchBrowser({ lang });
  const ctx = browser.context;
  const extId = browser.extensionId;
  const extUrl = (p) => `chrome-extension://${extId}/${p.replace(/^\//, "")}`;
  // An extension page to read and write storage from (the worker may be stopped at any time).
  const admin = await ctx.newPage();
  await admin.goto(extUrl("options/options.html"));
  return { ctx, extId, extUrl, admin, close: () => browser.close() };
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

/** Opens the contenteditable fixture composer and types `text` into it. */
export async function openComposer(env, origin, text) {
  const page = await openFixture(env.ctx, origin, "ce");
  await page.click("#editor");
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
