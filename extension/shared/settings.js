// The user's settings: one object in chrome.storage.sync under the key "settings".
// Shared by the service worker (which turns them into the engine's Config) and the options page.
// Content scripts never read storage directly: they ask the service worker ({type: "getSettings"}).

export const CATEGORIES = [
  "internal_document",
  "personal_data",
  "unverified_claim",
  "inflammatory",
  "insinuation",
  "suspicious_link",
];
export const SEVERITIES = ["info", "warning", "high"];

export const DEFAULT_SETTINGS = Object.freeze({
  version: 1,
  categories: CATEGORIES.slice(), // enabled categories
  minSeverity: "info", // lowest severity that is underlined
  guard: true, // the pre-share guard, globally
  siteMode: "all", // "all": on everywhere but `disabledSites`; "only": only on `onlySites`
  disabledSites: [], // hostnames where the extension stays silent
  guardDisabledSites: [], // hostnames where only the guard is off
  onlySites: [], // hostnames for siteMode "only"
  customPhrases: [], // [{phrase, category, severity}]
  allow: [], // phrases never to flag
  language: "auto", // "auto" (from the browser), "vi" or "en"
});

/** Merges stored (possibly partial or older) settings over the defaults. Never throws. */
export function normalizeSettings(raw) {
  const s = { ...DEFAULT_SETTINGS, ...(raw && typeof raw === "object" ? raw : {}) };
  const list = (v, ok) => (Array.isArray(v) ? v.filter(ok) : []);
  const str = (x) => typeof x === "string" && x.trim() !== "";
  s.categories = list(s.categories, (c) => CATEGORIES.includes(c));
  if (!SEVERITIES.includes(s.minSeverity)) s.minSeverity = "info";
  s.guard = s.guard !== false;
  if (!["all", "only"].includes(s.siteMode)) s.siteMode = "all";
  s.disabledSites = list(s.disabledSites, str);
  s.guardDisabledSites = list(s.guardDisabledSites, str);
  s.onlySites = list(s.onlySites, str);
  s.customPhrases = list(
    s.customPhrases,
    (p) => p && str(p.phrase) && CATEGORIES.includes(p.category) && SEVERITIES.includes(p.severity),
  );
  s.allow = list(s.allow, str);
  if (!["auto", "vi", "en"].includes(s.language)) s.language = "auto";
  return s;
}

/** The engine Config (JSON for cannhac-wasm's Engine) these settings ask for. */
export function engineConfig(s) {
  return {
    categories: s.categories,
    min_severity: s.minSeverity,
    custom_phrases: s.customPhrases.map(({ phrase, category, severity }) => ({ phrase, category, severity })),
    allow: s.allow,
  };
}

/** Whether the extension is active on `hostname` under settings `s`. */
export function activeOn(s, hostname) {
  const match = (list) => list.some((h) => hostname === h || hostname.endsWith("." + h));
  return s.siteMode === "only" ? match(s.onlySites) : !match(s.disabledSites);
}
