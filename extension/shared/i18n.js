// Interface strings for the extension's own pages (popup, options).
//
// Every string comes from _locales/<lang>/messages.json. With the language setting "auto" the
// browser's own chrome.i18n picks the locale (vi is the default locale); with "vi" or "en" the
// chosen locale's messages.json is loaded from the extension itself (chrome.i18n cannot switch
// language at run time). Placeholders follow chrome.i18n: "$NAME$" in a message names an entry
// of its "placeholders", whose "content" is "$1".."$9"; "$$" is a literal dollar sign.

export const LANGUAGES = ["vi", "en"];

let table = null; // key -> {message, placeholders} for an explicitly chosen language
let current = "vi";

/** The language "auto" stands for: the browser's UI language if we have it, else Vietnamese. */
export function browserLanguage() {
  let ui = "";
  try {
    ui = chrome.i18n.getUILanguage() || "";
  } catch {
    ui = typeof navigator !== "undefined" ? navigator.language || "" : "";
  }
  ui = ui.toLowerCase();
  if (ui.startsWith("vi")) return "vi";
  if (ui.startsWith("en")) return "en";
  // Any other browser language: chrome.i18n falls back to the default locale, vi.
  return "vi";
}

/**
 * Loads the strings for `setting` ("auto", "vi" or "en"). Resolves to the language in use.
 * Never rejects: a locale file that cannot be read falls back to chrome.i18n.
 */
export async function setLanguage(setting) {
  const lang = LANGUAGES.includes(setting) ? setting : browserLanguage();
  table = null;
  current = lang;
  if (LANGUAGES.includes(setting)) {
    try {
      const res = await fetch(chrome.runtime.getURL(`_locales/${lang}/messages.json`));
      if (!res.ok) throw new Error(String(res.status));
      const raw = await res.json();
      table = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    } catch (e) {
      console.warn("Cân Nhắc: cannot load locale", lang, e);
      table = null;
    }
  }
  return current;
}

/** The language in use ("vi" or "en"). */
export function language() {
  return current;
}

function substitute(entry, subs) {
  const args = (Array.isArray(subs) ? subs : subs == null ? [] : [subs]).map(String);
  const ph = {};
  for (const [name, def] of Object.entries(entry.placeholders || {})) {
    ph[name.toLowerCase()] = String(def.content ?? "").replace(/\$(\d)/g, (_, n) => args[n - 1] ?? "");
  }
  return String(entry.message)
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name) => (name.toLowerCase() in ph ? ph[name.toLowerCase()] : m))
    .replace(/\$(\d)/g, (_, n) => args[n - 1] ?? "")
    .replace(/\$\$/g, "$");
}

/** The message `key` with substitutions `subs` (a string or an array of up to nine). */
export function t(key, subs) {
  if (table) {
    const entry = table.get(key.toLowerCase());
    if (entry) return substitute(entry, subs);
  }
  let s = "";
  try {
    s = chrome.i18n.getMessage(key, subs);
  } catch {
    s = "";
  }
  if (!s) console.warn("Cân Nhắc: missing message", key);
  return s || key;
}

/**
 * Fills the page's static strings: `data-i18n="key"` sets the text, `data-i18n-attr=
 * "attr:key;attr2:key2"` sets attributes (aria-label, placeholder, title, …). Sets <html lang>.
 */
export function localize(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((x) => x.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  if (root === document) document.documentElement.lang = current;
}
