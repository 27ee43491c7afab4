// Cân Nhắc content script, part 1: shared helpers. The content scripts are classic scripts
// loaded in order (manifest.json) into the extension's isolated world; they share `CN`.
"use strict";

(() => {
  if (globalThis.__cannhac) return; // injected twice into the same world: keep the first
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  const CN = (globalThis.__cannhac = { api, alive: true, cleanups: [] });

  CN.MAX_CHARS = 200_000; // UTF-16 units: longer texts get a notice instead of analysis
  CN.CATEGORIES = ["internal_document", "personal_data", "unverified_claim", "inflammatory", "insinuation", "suspicious_link"];

  // ---- interface language: chrome.i18n, or an explicit locale table from the worker ----
  let table = null; // Map(lowercase key -> {message, placeholders}) when the setting is vi/en
  CN.lang = (() => {
    try {
      return (api.i18n.getUILanguage() || "").toLowerCase().startsWith("en") ? "en" : "vi";
    } catch {
      return "vi";
    }
  })();
  const substitute = (entry, subs) => {
    const args = (Array.isArray(subs) ? subs : subs == null ? [] : [subs]).map(String);
    const ph = {};
    for (const [name, def] of Object.entries(entry.placeholders || {}))
      ph[name.toLowerCase()] = String(def.content ?? "").replace(/\$(\d)/g, (_, n) => args[n - 1] ?? "");
    return String(entry.message)
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name) => (name.toLowerCase() in ph ? ph[name.toLowerCase()] : m))
      .replace(/\$(\d)/g, (_, n) => args[n - 1] ?? "")
      .replace(/\$\$/g, "$");
  };
  /** The interface string `key` (see _locales/), with substitutions. */
  CN.t = (key, subs) => {
    const e = table?.get(key.toLowerCase());
    if (e) return substitute(e, subs);
    try {
      return api.i18n.getMessage(key, subs) || key;
    } catch {
      return key;
    }
  };
  CN.setLanguage = async (setting) => {
    if (setting !== "vi" && setting !== "en") {
      table = null;
      try {
        CN.lang = (api.i18n.getUILanguage() || "").toLowerCase().startsWith("en") ? "en" : "vi";
      } catch {
        CN.lang = "vi";
      }
      return;
    }
    const raw = await CN.send({ type: "messages", lang: setting });
    if (raw && !raw.error) {
      table = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
      CN.lang = setting;
    }
  };
  /**
   * The findings of the worker's compact analyze answer ({kinds, spans: [start, end, kind, …]}):
   * [{category, severity, rule_id, message, duties, suggestion, start, end}] in text order.
   */
  CN.findingsOf = (res) => {
    const kinds = Array.isArray(res?.kinds) ? res.kinds : [];
    const spans = Array.isArray(res?.spans) ? res.spans : [];
    const out = [];
    for (let i = 0; i + 2 < spans.length; i += 3) {
      const k = kinds[spans[i + 2]];
      if (k) out.push({ ...k, start: spans[i], end: spans[i + 1] });
    }
    return out;
  };

  /** The message of a finding or verdict in the interface language. */
  CN.msg = (m) => (m && (m[CN.lang] || m.vi || m.en)) || "";

  // ---- talking to the service worker; a dead extension (reloaded/removed) tears us down ----
  CN.send = async (msg) => {
    if (!CN.alive) return null;
    try {
      if (!api?.runtime?.id) throw new Error("Extension context invalidated.");
      return await api.runtime.sendMessage(msg);
    } catch (e) {
      const m = String(e?.message || e);
      if (/context invalidated|Extension context|receiving end does not exist|disconnected/i.test(m) && !api?.runtime?.id) {
        CN.shutdown();
      } else if (/message port closed|receiving end does not exist/i.test(m)) {
        return null; // worker restarting: the next keystroke asks again
      } else {
        console.debug("Cân Nhắc:", m);
      }
      return null;
    }
  };
  // Requests on a long-lived port to the worker (one analysis per keystroke): far cheaper than
  // a sendMessage round trip, which opens a new channel each time. A stopped worker closes
  // the port: what was waiting resolves to null (the next keystroke asks again) and the next
  // request connects again, which wakes the worker.
  let port = null;
  let portSeq = 0;
  const waiting = new Map(); // id -> resolve
  const dropPort = () => {
    port = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  /** The open port, connected if need be (which starts a stopped worker); null if it cannot. */
  const openPort = () => {
    if (port || !CN.alive) return port;
    try {
      if (!api?.runtime?.id) throw new Error("Extension context invalidated.");
      port = api.runtime.connect({ name: "cannhac" });
    } catch {
      return null;
    }
    const p = port;
    p.onMessage.addListener((m) => {
      const resolve = waiting.get(m?.id);
      if (!resolve) return;
      waiting.delete(m.id);
      // Analyses come as the engine's JSON text (see background.js), other answers as objects.
      if (typeof m.json !== "string") return resolve(m.r ?? null);
      try {
        resolve(JSON.parse(m.json));
      } catch (e) {
        resolve({ error: `bad analysis from the worker: ${e?.message || e}` });
      }
    });
    p.onDisconnect.addListener(() => {
      void api.runtime.lastError;
      if (port === p) dropPort();
    });
    CN.cleanups.push(() => {
      try {
        p.disconnect();
      } catch {
        /* already gone */
      }
      if (port === p) dropPort();
    });
    return port;
  };
  /**
   * Connects to the worker ahead of the first request (a composer got focus): a stopped worker
   * starts and builds its engine while the user begins to type, not after the first keystroke.
   */
  CN.warm = () => void openPort();
  CN.request = (msg) => {
    if (!CN.alive) return Promise.resolve(null);
    if (!openPort()) return CN.send(msg); // reports or tears down as a plain message would
    const id = ++portSeq;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      try {
        port.postMessage({ id, msg });
      } catch {
        waiting.delete(id);
        dropPort();
        resolve(CN.send(msg));
      }
    });
  };

  /** Removes everything the extension added to the page; the page keeps working without it. */
  CN.shutdown = () => {
    if (!CN.alive) return;
    CN.alive = false;
    for (const f of CN.cleanups.splice(0)) {
      try {
        f();
      } catch {
        /* keep going */
      }
    }
  };

  /** Adds a listener removed again by CN.shutdown. */
  CN.on = (target, type, fn, opts) => {
    const wrapped = (e) => {
      if (!CN.alive) return;
      try {
        fn(e);
      } catch (err) {
        console.debug("Cân Nhắc: handler failed", err);
      }
    };
    target.addEventListener(type, wrapped, opts);
    CN.cleanups.push(() => target.removeEventListener(type, wrapped, opts));
  };

  /** The element that really has focus / was hit, through open shadow roots. */
  CN.deepTarget = (e) => (e.composedPath ? e.composedPath()[0] : e.target);
  /** The parent of `n` across shadow roots (a shadow root's host), or null. */
  CN.composedParent = (n) => n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
  CN.deepActiveElement = (doc = document) => {
    let a = doc.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  /**
   * Styles for one of our shadow roots: a constructed stylesheet (not subject to the page's
   * CSP style-src), else a <style> element.
   */
  CN.adoptCss = (root, css) => {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const st = document.createElement("style");
      st.textContent = css;
      root.prepend(st);
    }
  };

  /** A small element with an open shadow root, appended outside any editor. */
  CN.makeHost = (tag, parent) => {
    const host = document.createElement(tag);
    host.setAttribute("data-cannhac", "");
    host.style.cssText =
      "all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; z-index: 2147483647; pointer-events: none;";
    const root = host.attachShadow({ mode: "open" });
    (parent || document.documentElement).appendChild(host);
    return { host, root };
  };

  // Messages from the service worker / popup (chrome.tabs.sendMessage): {type: "cannhac:…"}.
  // A handler returns a value (or a Promise) to answer, or undefined to stay silent.
  const handlers = new Map();
  CN.onMessage = (type, fn) => handlers.set(type, fn);
  const onMsg = (msg, _sender, sendResponse) => {
    if (!CN.alive || !msg || typeof msg.type !== "string") return false;
    const fn = handlers.get(msg.type);
    if (!fn) return false;
    let r;
    try {
      r = fn(msg);
    } catch (e) {
      console.debug("Cân Nhắc: message handler failed", e);
      return false;
    }
    if (r === undefined) return false;
    Promise.resolve(r).then(
      (v) => v !== undefined && sendResponse(v),
      () => {},
    );
    return true;
  };
  try {
    api.runtime.onMessage.addListener(onMsg);
    CN.cleanups.push(() => {
      try {
        api.runtime.onMessage.removeListener(onMsg);
      } catch {
        /* context gone */
      }
    });
  } catch {
    /* no runtime: nothing to listen to */
  }

  CN.escapeHtml = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  /** Category display name. */
  CN.categoryName = (c) => CN.t("cs_cat_" + c);
  CN.severityName = (s) => CN.t("cs_sev_" + s);
})();
