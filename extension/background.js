// Cân Nhắc service worker (Chromium) / background script (Firefox). ES module.
//
// Owns the one WASM engine instance, built lazily on the first message and rebuilt when the
// settings change. The worker may be stopped at any time; everything here is re-derived on the
// next message, so nothing is lost. It makes no network request: the .wasm is read from the
// extension's own package.
//
// Message API (chrome.runtime.sendMessage from content scripts and extension pages):
//   {type:"analyze", text}      → {unaccented, kinds:[{category, severity, rule_id,
//                                   message:{vi,en}, duties, suggestion}], spans:[start, end,
//                                   kind, …], truncated}: three numbers per finding (UTF-16
//                                   offsets, index into kinds), at most MAX_FINDINGS findings;
//                                   content scripts expand it (CN.findingsOf in content/util.js)
//   {type:"checkLink", url, text?} → the link verdict + {url, host, textDomain, mismatch}
//   {type:"duties"}             → {duties:[…], questions:[…]} (crates/core/src/duties.rs)
//   {type:"getSettings"}        → the normalised settings (extension/shared/settings.js)
//   {type:"messages", lang}     → _locales/<lang>/messages.json (content scripts' language override)
//   {type:"closeTooltips", at, except} → {ok}: tells every frame of the sender's tab
//                                   ({type:"cannhac:closeTooltips", at, except}) to close a
//                                   tooltip opened before `at`, except the document whose
//                                   token is `except` (one tooltip per tab, across frames)
//   any failure                 → {error: "message"}
// The same requests also come over a port named "cannhac" (runtime.connect) as {id, msg} and
// are answered {id, r}, analyses {id, json} (the answer above as JSON text): content scripts
// send their analyses that way.
//
// Tests: the context-menu handler is exposed as `self.cannhac.handleMenuClick(info, tab)` (the
// same function chrome.contextMenus.onClicked calls). Playwright cannot open native menus, so a
// test runs, through the service worker:
//   sw.evaluate(async (url) => { const [tab] = await chrome.tabs.query({active: true});
//     return self.cannhac.handleMenuClick({menuItemId: "cannhac-check-link", linkUrl: url}, tab); }, url)

import init, { Engine, duties as wasmDuties } from "./wasm/cannhac_wasm.js";
import { DEFAULT_SETTINGS, normalizeSettings, engineConfig, phraseProblem } from "./shared/settings.js";

const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
const MENU_ID = "cannhac-check-link";
const PORT_NAME = "cannhac"; // content scripts' port (see onConnect below)
const MAX_TEXT = 200_000; // characters (UTF-16 units); content scripts enforce it first
// At most this many findings go back to a page: a post dense with findings (tens of thousands
// of swear words pasted in) would otherwise cost the page seconds to receive and draw. The
// engine keeps every `high` finding first (up to the same number) so the pre-share guard still
// sees them; `truncated` tells how many were cut.
const MAX_FINDINGS = 1_000;

let wasmReady = null; // Promise<void>: the module instantiated
let engine = null; // Promise<Engine>
let settingsCache = null; // Promise<settings>
const startedAt = performance.now();
const bootedAt = Date.now(); // tells one worker instance from the next (tests)
let firstAnswerMs = null; // cold start → first answer, for the benchmark

// This instance's cold start, for the benchmark: module start after the worker's creation, the
// WASM fetch + compile + instantiate and the settings read (both at once), Engine::new, the
// warm-up analysis (see WARM_UP_TEXT).
// requestedAtMs, builtAtMs, warmUpAtMs: when the first analysis was asked for, the first engine
// built and its warm-up started, on the clock of firstAnswerMs (tests check the order).
const timings = {
  moduleStartMs: performance.now(),
  wasmInitMs: null,
  settingsMs: null,
  engineNewMs: null,
  warmUpMs: null,
  requestedAtMs: null,
  builtAtMs: null,
  warmUpAtMs: null,
};

// Analysed once by every new engine: V8 compiles a WebAssembly function on its first call, and
// most of the cost of a fresh worker's first analysis is that compiling (measured in Node:
// 20–50 ms, against 1–9 ms for the same analysis afterwards). The worker starts when a composer
// is focused (CN.warm), so the compiling is done before the first keystroke's analysis arrives.
// A worker woken by an analysis answers that first (it compiles only what it touches) and warms
// up after the answer (see buildEngine, analyzeJson). The text touches the rules' and the link
// checker's paths (an address, a phone number, a mark, an insult, hearsay, a link).
const WARM_UP_TEXT =
  "Nghe nói ông Nguyễn Văn A ở số 12 ngõ 5 Kim Mã, sđt 0912 345 678, có tài liệu MẬT, thằng ngu! Xem http://bit.ly/x";
let analyses = 0; // analyze requests answered by this instance (the benchmark counts them per keystroke)
let waitingAnalyses = 0; // analyze requests waiting for the engine to be built
// Engines freed after a settings change: a warm-up or an analysis queued before the change
// must not call into one (wasm-bindgen throws "null pointer passed to rust").
const freed = new WeakSet();
let unwarmed = null; // a new engine not warmed up yet: after the first answer, or WARM_UP_DELAY_MS
// An engine built before any analysis arrived warms up this long after it is built, unless an
// analysis comes first (it is then answered first, and the warm-up follows the answer). A
// worker woken by an analysis starts building its engine as its module runs, and the message
// reached the worker 13–61 ms after that in the cold-start benchmark (medians of 24 starts,
// scripts/cold-compare.mjs `req`), sometimes after the engine was ready: a warm-up begun at
// once (its analysis 25–30 ms, synchronous) then held the waking analysis back. A worker woken
// by a focused composer still warms up long before the first keystroke's analysis.
const WARM_UP_DELAY_MS = 100;
const analyzeMs = []; // the last 200 analyses' times in the engine (benchmark)

function loadWasm() {
  if (!wasmReady) {
    const t0 = performance.now();
    wasmReady = init({ module_or_path: api.runtime.getURL("wasm/cannhac_wasm_bg.wasm") }).then(() => {
      timings.wasmInitMs = performance.now() - t0;
    });
    wasmReady.catch(() => {
      wasmReady = null; // retry on the next message
    });
  }
  return wasmReady;
}

async function getSettings() {
  if (!settingsCache) {
    const t0 = performance.now();
    settingsCache = api.storage.sync
      .get("settings")
      .then((r) => normalizeSettings(r?.settings))
      .catch(() => normalizeSettings(DEFAULT_SETTINGS))
      .finally(() => {
        timings.settingsMs ??= performance.now() - t0;
      });
  }
  return settingsCache;
}

/** A new engine for the config of extension/shared/settings.js engineConfig. */
function newEngine(c) {
  return new Engine(c.categories, c.min_severity, c.custom_phrases.flatMap((p) => [p.phrase, p.category, p.severity]), c.allow);
}

/** Runs WARM_UP_TEXT through a new engine (its answer is dropped; a failure is only logged). */
function warmUp(e) {
  if (freed.has(e)) return;
  const t0 = performance.now();
  timings.warmUpAtMs ??= t0 - startedAt;
  try {
    e.analyze(WARM_UP_TEXT, 1);
  } catch (err) {
    console.warn("Cân Nhắc: warm-up analysis failed:", err?.message || err);
  }
  timings.warmUpMs ??= performance.now() - t0;
}

async function buildEngine() {
  // The module and the settings load at the same time.
  const [, settings] = await Promise.all([loadWasm(), getSettings()]);
  try {
    const t0 = performance.now();
    const e = newEngine(engineConfig(settings));
    timings.engineNewMs = performance.now() - t0;
    timings.builtAtMs ??= performance.now() - startedAt;
    unwarmed = e;
    if (waitingAnalyses === 0) {
      setTimeout(() => {
        if (unwarmed !== e) return; // an analysis came first and scheduled it
        unwarmed = null;
        warmUp(e);
      }, WARM_UP_DELAY_MS);
    }
    return e;
  } catch (e) {
    // A config the engine refuses (say a custom phrase of punctuation only, "!!!", which has no
    // word to match, or "abc * !!! * def"): keep the custom phrases it can read (those with no
    // phraseProblem, which the options page accepts) and the allow-list, then fewer, and the
    // built-in rules at worst, rather than nothing.
    console.warn("Cân Nhắc: engine config refused:", e?.message || e);
    const fallbacks = [
      { ...settings, customPhrases: (settings.customPhrases || []).filter((p) => !phraseProblem(p?.phrase)) },
      { ...settings, customPhrases: [] },
    ];
    for (const s of fallbacks) {
      try {
        return newEngine(engineConfig(s));
      } catch (err) {
        console.warn("Cân Nhắc: engine config refused again:", err?.message || err);
      }
    }
    return newEngine(engineConfig({ ...settings, customPhrases: [], allow: [] }));
  }
}

function getEngine() {
  if (!engine) {
    engine = buildEngine().catch((e) => {
      engine = null;
      throw e;
    });
  }
  return engine;
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && changes.settings) {
    settingsCache = null;
    if (changes.settings.newValue?.language !== changes.settings.oldValue?.language) retitleMenu();
    const old = engine;
    engine = null;
    old
      ?.then((e) => {
        if (unwarmed === e) unwarmed = null; // no warm-up of a freed engine
        freed.add(e);
        e.free?.();
      })
      .catch(() => {});
  }
});

/** Registrable-ish domain named in a link's visible text ("vnexpress.net", "www.x.com/…"). */
function domainInText(text) {
  if (typeof text !== "string") return null;
  const m = text
    .toLowerCase()
    .match(/(?:^|[^\p{L}\p{N}@.-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,})(?![\p{L}\p{N}-])/u);
  return m ? m[1].replace(/^www\./, "") : null;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/\.$/, "").toLowerCase();
  } catch {
    return null;
  }
}

/** The link verdict plus what the card needs: real host and a text/target domain mismatch. */
async function linkReport(url, text) {
  await loadWasm();
  const e = await getEngine();
  const verdict = e.checkLink(String(url ?? ""));
  const host = hostOf(url);
  let textDomain = domainInText(text);
  let mismatch = false;
  if (textDomain && host) {
    let textAscii = textDomain;
    try {
      textAscii = new URL("http://" + textDomain).hostname;
    } catch {
      /* keep as written */
    }
    const h = host.replace(/^www\./, "");
    mismatch = !(h === textAscii || h.endsWith("." + textAscii));
  } else {
    textDomain = null;
  }
  return { ...verdict, url: String(url ?? ""), host, textDomain, mismatch };
}

/**
 * The engine's analysis of `text` as the JSON text the engine writes (see the header), or null
 * when the text is over MAX_TEXT.
 */
async function analyzeJson(text) {
  if (text.length > MAX_TEXT) return null;
  timings.requestedAtMs ??= performance.now() - startedAt;
  waitingAnalyses++;
  let e;
  try {
    e = await getEngine();
    // Freed by a settings change while this analysis waited: the new engine answers.
    while (freed.has(e)) e = await getEngine();
  } finally {
    waitingAnalyses--;
  }
  analyses++;
  const t0 = performance.now();
  const json = e.analyze(text, MAX_FINDINGS);
  analyzeMs.push(performance.now() - t0);
  if (analyzeMs.length > 200) analyzeMs.shift();
  if (unwarmed === e) {
    // After this answer is sent (its continuation runs before the timer's task).
    unwarmed = null;
    setTimeout(() => warmUp(e), 0);
  }
  return json;
}
const TOO_LONG = { kinds: [], spans: [], unaccented: false, truncated: 0, tooLong: true };

async function handle(msg, sender) {
  switch (msg?.type) {
    case "closeTooltips": {
      const tabId = sender?.tab?.id;
      if (typeof tabId !== "number") return { ok: false };
      const note = { type: "cannhac:closeTooltips", at: Number(msg.at) || 0, except: String(msg.except ?? "") };
      // To every frame of the tab; none answers (the promise then rejects: nothing to report).
      api.tabs.sendMessage(tabId, note).catch(() => {});
      return { ok: true };
    }
    case "analyze": {
      const json = await analyzeJson(typeof msg.text === "string" ? msg.text : "");
      return json === null ? { ...TOO_LONG } : JSON.parse(json);
    }
    case "checkLink":
      return linkReport(msg.url, msg.text);
    case "duties":
      await loadWasm();
      return wasmDuties();
    case "getSettings":
      return getSettings();
    case "messages":
      // A locale's strings for content scripts when the language setting overrides the browser's
      // (chrome.i18n cannot switch at run time). Read from the extension's own package.
      if (msg.lang !== "vi" && msg.lang !== "en") return { error: "unknown language" };
      return localeStrings(msg.lang);
    case "ping":
      return { ok: true, bootedAt, firstAnswerMs, analyses, analyzeMs, menuTitle, ...timings };
    default:
      return { error: `unknown message type ${JSON.stringify(msg?.type)}` };
  }
}

// For tests only, through a handle on this worker (self.cannhac.testHooks; no page, content script
// or message can reach it, and a restarted worker starts with none): `loseAnswers` analyses are
// answered by closing the port, as a worker stopped while it works does, and `failAnswers` with
// an error, before the engine is asked; `loseSettings` settings requests get no answer (the
// sendMessage channel closes unanswered).
const testHooks = { loseAnswers: 0, failAnswers: 0, loseSettings: 0 };

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.type !== "string" || msg.type.startsWith("cannhac:")) return false;
  if (msg.type === "getSettings" && testHooks.loseSettings > 0) {
    testHooks.loseSettings--;
    return false; // no answer: the sender's channel closes, as when the worker stops
  }
  handle(msg, sender)
    .then((r) => {
      if (firstAnswerMs === null) firstAnswerMs = performance.now() - startedAt;
      sendResponse(r);
    })
    .catch((e) => sendResponse({ error: String(e?.message || e) }));
  return true; // answer asynchronously
});

// The same API over a long-lived port (content scripts' analyses, one per keystroke): a
// message on an open port costs a fraction of a sendMessage round trip (a new channel each).
// Requests are {id, msg}; answers {id, r}, r being what sendMessage would have answered, except
// for analyses: {id, json}, the engine's JSON text as it came out (the page parses it). One
// string crosses the port instead of an object of hundreds of numbers: no JSON.parse here, and
// the messaging layer copies a single value instead of converting every number of the answer.
api.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  port.onMessage.addListener((req) => {
    const id = req?.id;
    const msg = req?.msg;
    const bad = !msg || typeof msg.type !== "string" || msg.type.startsWith("cannhac:");
    let answer;
    if (bad) answer = Promise.resolve({ r: { error: "not a worker request" } });
    else if (msg.type !== "analyze") answer = handle(msg, port.sender).then((r) => ({ r }));
    else if (testHooks.loseAnswers > 0) {
      testHooks.loseAnswers--;
      port.disconnect();
      return;
    } else if (testHooks.failAnswers > 0) {
      testHooks.failAnswers--;
      answer = Promise.resolve({ r: { error: "test: a failed analysis" } });
    } else {
      const text = typeof msg.text === "string" ? msg.text : "";
      answer = analyzeJson(text).then((json) => (json === null ? { r: { ...TOO_LONG } } : { json }));
    }
    answer
      .catch((e) => ({ r: { error: String(e?.message || e) } }))
      .then((a) => {
        if (firstAnswerMs === null) firstAnswerMs = performance.now() - startedAt;
        try {
          port.postMessage({ id, ...a });
        } catch {
          /* the page went away */
        }
      });
  });
});

// ---- Context menu: "Kiểm tra liên kết này" / "Check this link" ----

function createMenu() {
  api.contextMenus.removeAll(() => {
    void api.runtime.lastError;
    api.contextMenus.create(
      { id: MENU_ID, title: api.i18n.getMessage("menu_check_link"), contexts: ["link", "selection"] },
      () => {
        void api.runtime.lastError;
        retitleMenu();
      },
    );
  });
}

/** A locale's strings (`_locales/<lang>/messages.json`), read from the extension's own package. */
async function localeStrings(lang) {
  return (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json();
}

let menuTitle = null; // the title set by retitleMenu (reported by "ping", for the tests)

/**
 * The menu item in the language chosen in the options (chrome.i18n follows the browser's), read
 * from the extension's own package. Called when the menu is made and when the language changes.
 */
async function retitleMenu() {
  try {
    const lang = (await getSettings())?.language;
    if (lang !== "vi" && lang !== "en") return;
    const title = (await localeStrings(lang))?.menu_check_link?.message;
    if (title) api.contextMenus.update(MENU_ID, { title }, () => void api.runtime.lastError);
    menuTitle = title;
  } catch {
    /* keep the browser-language title */
  }
}
api.runtime.onInstalled.addListener(createMenu);
api.runtime.onStartup?.addListener(createMenu);

const URL_IN_TEXT = /\b((?:https?:\/\/|www\.)[^\s<>"']+|(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}\/[^\s<>"']*)/iu;

/**
 * The context-menu handler (also callable from tests through the service worker). Finds the
 * URL (the link's target, or the first URL in the selected text), computes the verdict and asks
 * the content script of that frame to show the card. Returns what it sent, or {error}.
 */
async function handleMenuClick(info, tab) {
  if (info?.menuItemId !== MENU_ID || !tab?.id) return { error: "not our menu item or no tab" };
  let url = info.linkUrl;
  if (!url && info.selectionText) {
    const m = info.selectionText.match(URL_IN_TEXT);
    if (m) url = /^https?:/i.test(m[1]) ? m[1] : "http://" + m[1];
  }
  const opts = typeof info.frameId === "number" ? { frameId: info.frameId } : {};
  if (!url) {
    await api.tabs.sendMessage(tab.id, { type: "cannhac:linkCard", error: "noUrl" }, opts).catch(() => {});
    return { error: "no URL in the selection" };
  }
  // The visible text: Firefox gives it (linkText); in Chromium the content script remembers
  // the link that was right-clicked, and supplies its text itself when it matches.
  const report = await linkReport(url, info.linkText ?? info.selectionText ?? "");
  const message = { type: "cannhac:linkCard", url, report, linkText: info.linkText ?? null };
  try {
    await api.tabs.sendMessage(tab.id, message, opts);
  } catch (e) {
    return { error: `no content script in that tab: ${e?.message || e}`, report };
  }
  return message;
}
api.contextMenus.onClicked.addListener((info, tab) => {
  handleMenuClick(info, tab).catch((e) => console.warn("Cân Nhắc: link check failed:", e));
});

// Start compiling the engine as soon as the worker starts: a worker woken by a message runs this
// module first, so the build overlaps with the message's dispatch instead of following it.
getEngine().catch(() => {});

// For tests and the benchmark (see the header comment).
globalThis.cannhac = { handleMenuClick, linkReport, handle, getEngine, startedAt, MENU_ID, testHooks };
