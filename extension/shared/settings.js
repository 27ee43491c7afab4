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
    custom_phrases: s.customPhrases.map(({ phrase, category, severity }) => ({ phrase: oneLine(phrase), category, severity })),
    allow: s.allow,
  };
}

/** Whether the extension is active on `hostname` under settings `s`. */
export function activeOn(s, hostname) {
  const match = (list) => list.some((h) => hostname === h || hostname.endsWith("." + h));
  return s.siteMode === "only" ? match(s.onlySites) : !match(s.disabledSites);
}

// ---------------------------------------------------------------------------------------------
// Validation, used by the options page (every edit and every import goes through it) and
// exported files. Nothing here touches chrome.* so it can be tested under node.

/** chrome.storage.sync's QUOTA_BYTES_PER_ITEM: the key plus the JSON of the value. */
export const SYNC_ITEM_LIMIT = 8192;
/** The engine refuses longer custom or allow-list phrases (cannhac-core ConfigError). */
export const PHRASE_MAX = 200;
/** The `format` field of an exported settings file. */
export const SETTINGS_FILE_FORMAT = "cannhac-settings";

/**
 * A site as typed or pasted ("https://www.Facebook.com/groups/x", "*.zalo.me", "tinhte.vn")
 * as the hostname the settings store ("facebook.com", "zalo.me", "tinhte.vn"); `null` when it
 * is not a hostname. A leading "www." or "*." is dropped: an entry covers its subdomains.
 */
export function normalizeHost(input) {
  if (typeof input !== "string") return null;
  let s = input.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^\*\./, "");
  let host;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `http://${s}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, "").replace(/^www\./, "");
  if (!host || host.length > 253) return null;
  // IPv6 literals come back bracketed; allow them, and plain names / IPv4.
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return host;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return null;
  if (host.split(".").some((l) => !l || l.length > 63 || l.startsWith("-") || l.endsWith("-"))) return null;
  return host;
}

/**
 * Why the engine would refuse or misread `phrase`: "empty_phrase", "long_phrase",
 * "misplaced_wildcard", or null if it is fine. The one check for a custom or allow-list phrase,
 * wherever it comes from (the options page's input and list, an imported file): the length is
 * that of the phrase as stored and given to the engine, on one line with single spaces
 * (`oneLine`), so that a phrase typed with runs of spaces is accepted or refused alike. In a custom phrase a `*` word stands for a few
 * words ("dự án * mật"); the engine splits the phrase there and needs words on both sides of
 * each `*`: one first, last, twice in a row or around punctuation only ("* abc", "abc * * def",
 * "abc * !!! * def") is refused or read as another phrase. The allow-list has no wildcard
 * (`{wildcard: false}`): a `*` there is punctuation.
 */
export function phraseProblem(phrase, { wildcard = true } = {}) {
  // A letter or digit that shows as one: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0)
  // are letters to Unicode but print as blanks, and are the only letters or digits that are
  // Default_Ignorable; a phrase of them alone is as empty as one of spaces.
  const wordy = (s) => /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/u.test(s);
  if (typeof phrase !== "string" || !wordy(phrase)) return "empty_phrase";
  if ([...oneLine(phrase)].length > PHRASE_MAX) return "long_phrase";
  if (wildcard) {
    const parts = [[]]; // the words between the `*`s
    const words = oneLine(phrase).split(" ");
    // A `*` is a word of its own: "hồ sơ *, trình ký", "(*)" or "abc *def" would be read as
    // punctuation. A word that starts with a letter may hide letters behind stars ("đ*t",
    // "c**"): the engine matches those as written.
    if (words.some((w) => w !== "*" && w.includes("*") && (!wordy(w) || w.startsWith("*")))) return "misplaced_wildcard";
    for (const w of words) w === "*" ? parts.push([]) : parts.at(-1).push(w);
    if (!parts.every((p) => wordy(p.join(" ")))) return "misplaced_wildcard";
  }
  return null;
}

/**
 * `v` on one line with single spaces: every run of whitespace (tabs, no-break and ideographic
 * spaces, U+0085 included) becomes one space, as the engine splits a phrase's `*` on " * ".
 */
export function oneLine(v) {
  return String(v).replace(/[\s\u0085]+/g, " ").trim();
}

/** Bytes `settings` take in chrome.storage.sync under the key "settings". */
export function settingsSize(s) {
  return new TextEncoder().encode("settings" + JSON.stringify(s)).length;
}

/** The object an export writes to its JSON file. */
export function exportSettings(s) {
  const n = normalizeSettings(s);
  return { format: SETTINGS_FILE_FORMAT, version: n.version, settings: n };
}

const KEYS = Object.keys(DEFAULT_SETTINGS);

/**
 * The kind of a JSON value, as a validation error names it: "string", "number", "boolean",
 * "array", "object", "null", or "missing" (no value at all).
 */
export function kindOf(v) {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

/** `v` as JSON, cut to `max` characters (a value shown in an error, not the whole file). */
function shortJson(v, max = 60) {
  const s = JSON.stringify(v) ?? "";
  return [...s].length > max ? [...s].slice(0, max - 1).join("") + "…" : s;
}

/** "settings.customPhrases[2].phrase" for ["settings", "customPhrases", 2, "phrase"]. */
function pathOf(at) {
  return at.reduce((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${k}` : String(k)), "");
}

/**
 * Strictly checks settings from a file (the export format `{format, version, settings}` or a
 * bare settings object). The keys the file holds go over `current` (the settings in use; the
 * defaults when it is not given): a partial file changes only the settings it names, and an
 * exported file, which names them all, replaces them all. Anything wrong is an error, nothing
 * is silently dropped. Returns `{settings, errors, keys}`: `settings` is the normalised result
 * when `errors` is empty, else `null`; `keys` the settings the file holds (in the order of
 * DEFAULT_SETTINGS; "version" left out, it is no setting of the user's). Each error is
 * `{code, path, at, args}`: `path` the place in the file as code
 * ("settings.customPhrases[2].phrase"), `at` the same place as a list of keys and indices from
 * 0 without the export wrapper (["customPhrases", 2, "phrase"]; the options page names it from
 * that), `args` the details. Codes: not_object, bad_format, unsupported_version (a version
 * number other than 1), newer_version (a whole number above 1: a file from a later release),
 * unknown_key, wrong_type (args: the kind expected, the kind found and the value found, see
 * `kindOf`), bad_value (args: the value, the allowed values joined; `allowed` holds them as a
 * list), bad_host, empty_phrase, long_phrase, misplaced_wildcard, duplicate, too_large. The
 * file's own keys are only ever read (never assigned through), so a "__proto__" or
 * "constructor" key is an unknown key like any other.
 */
export function validateSettings(raw, current) {
  const errors = [];
  let base = []; // ["settings"] inside an exported file's wrapper, for `path`
  const err = (code, at, args = [], more = {}) =>
    errors.push({ code, path: pathOf([...base, ...at]), at, args: args.map(String), ...more });
  const wrongType = (at, expected, v) => err("wrong_type", at, [expected, kindOf(v), v === undefined ? "" : shortJson(v)]);
  const badValue = (at, v, allowed) => err("bad_value", at, [shortJson(v), allowed.join(", ")], { allowed: allowed.slice() });
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isObj(raw)) {
    err("not_object", []);
    return { settings: null, errors };
  }
  // Version 1 is the only one; a version is a number (both the wrapper's and the settings').
  const version = (at, v) => {
    if (typeof v !== "number") wrongType(at, "number", v);
    else if (v !== 1) err(Number.isInteger(v) && v > 1 ? "newer_version" : "unsupported_version", at, [shortJson(v)]);
  };
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  let src = raw;
  if (own(raw, "format")) {
    if (raw.format !== SETTINGS_FILE_FORMAT) err("bad_format", ["format"], [shortJson(raw.format)]);
    for (const k of Object.keys(raw)) if (!["format", "version", "settings"].includes(k)) err("unknown_key", [k]);
    if (own(raw, "version")) version(["version"], raw.version);
    if (!isObj(raw.settings)) {
      wrongType(["settings"], "object", raw.settings);
      return { settings: null, errors };
    }
    src = raw.settings;
    base = ["settings"];
  }
  const out = {};
  for (const k of Object.keys(src)) if (!KEYS.includes(k)) err("unknown_key", [k]);
  const has = (k) => own(src, k);
  const oneOf = (k, allowed) => {
    if (!has(k)) return;
    if (!allowed.includes(src[k])) badValue([k], src[k], allowed);
    else out[k] = src[k];
  };
  const stringList = (k, check) => {
    if (!has(k)) return;
    if (!Array.isArray(src[k])) return wrongType([k], "array", src[k]);
    const seen = new Set();
    out[k] = [];
    src[k].forEach((v, i) => {
      const here = [k, i];
      if (typeof v !== "string") return wrongType(here, "string", v);
      const value = check(v, here);
      if (value == null) return;
      if (seen.has(value.toLowerCase())) return err("duplicate", here, [shortJson(v)]);
      seen.add(value.toLowerCase());
      out[k].push(value);
    });
  };
  if (has("version")) version(["version"], src.version);
  if (has("categories")) {
    if (!Array.isArray(src.categories)) wrongType(["categories"], "array", src.categories);
    else {
      out.categories = [];
      src.categories.forEach((c, i) => {
        if (!CATEGORIES.includes(c)) badValue(["categories", i], c, CATEGORIES);
        else if (!out.categories.includes(c)) out.categories.push(c);
      });
    }
  }
  oneOf("minSeverity", SEVERITIES);
  if (has("guard")) {
    if (typeof src.guard !== "boolean") wrongType(["guard"], "boolean", src.guard);
    else out.guard = src.guard;
  }
  oneOf("siteMode", ["all", "only"]);
  const host = (v, here) => {
    const h = normalizeHost(v);
    if (!h) err("bad_host", here, [shortJson(v)]);
    return h;
  };
  stringList("disabledSites", host);
  stringList("guardDisabledSites", host);
  stringList("onlySites", host);
  // A phrase's words are what the engine matches: line breaks and runs of spaces inside one
  // (an imported "thằng\nngu") become single spaces, so that the options page's one phrase per
  // line shows and saves it as one phrase, not two.
  const phrase = (v, here) => {
    const problem = phraseProblem(v, { wildcard: false });
    if (problem) return err(problem, here, [shortJson(v), PHRASE_MAX]), null;
    return oneLine(v);
  };
  if (has("customPhrases")) {
    if (!Array.isArray(src.customPhrases)) wrongType(["customPhrases"], "array", src.customPhrases);
    else {
      out.customPhrases = [];
      const seen = new Set();
      src.customPhrases.forEach((cp, i) => {
        const here = ["customPhrases", i];
        if (!isObj(cp)) return wrongType(here, "object", cp);
        for (const k of Object.keys(cp)) if (!["phrase", "category", "severity"].includes(k)) err("unknown_key", [...here, k]);
        let ok = true;
        const problem = typeof cp.phrase === "string" ? phraseProblem(cp.phrase) : null;
        if (typeof cp.phrase !== "string") (ok = false), wrongType([...here, "phrase"], "string", cp.phrase);
        else if (problem) (ok = false), err(problem, [...here, "phrase"], [shortJson(cp.phrase), PHRASE_MAX]);
        if (!CATEGORIES.includes(cp.category)) (ok = false), badValue([...here, "category"], cp.category, CATEGORIES);
        if (!SEVERITIES.includes(cp.severity)) (ok = false), badValue([...here, "severity"], cp.severity, SEVERITIES);
        if (!ok) return;
        const key = oneLine(cp.phrase).toLowerCase();
        if (seen.has(key)) return err("duplicate", [...here, "phrase"], [shortJson(cp.phrase)]);
        seen.add(key);
        out.customPhrases.push({ phrase: oneLine(cp.phrase), category: cp.category, severity: cp.severity });
      });
    }
  }
  stringList("allow", phrase);
  oneOf("language", ["auto", "vi", "en"]);
  const keys = KEYS.filter((k) => k !== "version" && has(k));
  if (errors.length) return { settings: null, errors, keys };
  // `out` holds only the keys of DEFAULT_SETTINGS the file holds (each checked above).
  const settings = normalizeSettings({ ...normalizeSettings(current), ...out });
  const size = settingsSize(settings);
  if (size > SYNC_ITEM_LIMIT) {
    base = [];
    err("too_large", [], [size, SYNC_ITEM_LIMIT]);
    return { settings: null, errors, keys };
  }
  return { settings, errors, keys };
}
