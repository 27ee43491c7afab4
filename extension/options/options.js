// The options page. Every change is validated, then stored at once in chrome.storage.sync
// under "settings"; the service worker rebuilds the engine and content scripts re-analyse, so
// open tabs follow without a reload. Import applies the settings a file holds over the current
// ones (an exported file holds them all, and so replaces them all; a partial one changes only
// what it names), and only when the whole file is valid: a file with any error changes nothing.

import {
  CATEGORIES,
  SEVERITIES,
  DEFAULT_SETTINGS,
  normalizeSettings,
  normalizeHost,
  phraseProblem,
  oneLine,
  validateSettings,
  exportSettings,
  settingsSize,
  SYNC_ITEM_LIMIT,
  PHRASE_MAX,
} from "../shared/settings.js";
import { setLanguage, t, localize } from "../shared/i18n.js";

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ERRORS_SHOWN = 8;
const $ = (id) => document.getElementById(id);

let settings = normalizeSettings(null);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || ["id", "for", "type", "role", "scope"].includes(k)) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// --- error messages ----------------------------------------------------------------------------
// A validation error ({code, at, args}, see validateSettings) in words: the setting named as this
// page labels it ("Cụm từ riêng của đơn vị, mục 3, cột “Loại”"), the kind of value expected in
// words ("chữ", "đúng/sai"), and the value found, so that the mistake can be found in the file
// without reading code paths.

/** The page's label for each settings key (and the export file's "settings" part). */
const KEY_LABELS = {
  version: "options_where_version",
  categories: "options_categories_legend",
  minSeverity: "options_min_severity_label",
  guard: "options_guard_label",
  siteMode: "options_site_mode_legend",
  disabledSites: "options_disabled_sites_label",
  guardDisabledSites: "options_guard_sites_label",
  onlySites: "options_only_sites_label",
  customPhrases: "options_phrases_heading",
  allow: "options_where_allow",
  language: "options_language_label",
  settings: "options_where_settings",
};
/** A custom phrase's fields, by the phrase table's column headings. */
const COLUMN_LABELS = { phrase: "options_phrase_col", category: "options_category_col", severity: "options_severity_col" };

/**
 * The message key of `key` in `labels`, or undefined: own entries only (a file's key
 * "__proto__", "constructor" or "toString" is no label, not Object.prototype's member).
 */
const labelOf = (labels, key) => (typeof key === "string" && Object.hasOwn(labels, key) ? labels[key] : undefined);

/** Where `at` (["customPhrases", 2, "category"]) is, in words; "" for the file as a whole. */
function whereText(at) {
  if (!at?.length || at[0] === "format") return "";
  const [key, index, field] = at;
  const keyLabel = labelOf(KEY_LABELS, key);
  const columnLabel = labelOf(COLUMN_LABELS, field);
  let where = keyLabel ? t(keyLabel) : `“${key}”`;
  if (typeof index === "number") where = t("options_where_item", [where, String(index + 1)]);
  if (columnLabel) where = t("options_where_column", [where, t(columnLabel)]);
  return where;
}

/** An allowed value as the file writes it, with its name on this page: "high" (Nghiêm trọng). */
function allowedText(at, allowed) {
  const field = at.findLast((k) => typeof k === "string");
  const name = (v) => {
    if (field === "categories" || field === "category") return t(`options_cat_${v}`);
    if (field === "minSeverity" || field === "severity") return t(`options_severity_${v}`);
    if (field === "siteMode") return t(`options_site_mode_${v}`);
    if (field === "language") return v === "auto" ? t("options_language_auto") : { vi: "Tiếng Việt", en: "English" }[v];
    return "";
  };
  return allowed.map((v) => (name(v) ? `"${v}" (${name(v)})` : `"${v}"`)).join(", ");
}

/**
 * JSON.parse's complaint as a place in the file ("dòng 3, cột 14") where the browser gives one
 * (its text is English and names JSON tokens), else the complaint itself.
 */
function jsonErrorText(message, text) {
  const m = /line (\d+) column (\d+)/.exec(message);
  if (m) return t("options_err_not_json_at", [m[1], m[2]]);
  const pos = /position (\d+)/.exec(message);
  if (pos && text != null) {
    const before = text.slice(0, Number(pos[1])).split("\n");
    return t("options_err_not_json_at", [String(before.length), String([...before.at(-1)].length + 1)]);
  }
  if (/end of JSON input/i.test(message)) return t("options_err_not_json_end");
  // V8 gives no place for some mistakes ("Unexpected token 'h', "hello world" is not valid
  // JSON"): the first such character outside a string is where the file goes wrong.
  const token = /Unexpected token '(.)'/u.exec(message);
  const at = token && text != null ? firstOutsideStrings(text, token[1]) : -1;
  if (at >= 0) {
    const before = text.slice(0, at).split("\n");
    return t("options_err_not_json_at", [String(before.length), String([...before.at(-1)].length + 1)]);
  }
  return t("options_err_not_json_plain");
}

/** The index of the first `ch` in `text` outside a JSON string literal, or -1. */
function firstOutsideStrings(text, ch) {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === ch) return i;
    else if (c === '"') inString = true;
  }
  return -1;
}

/**
 * The localized text of an error: a text as is, or `{code, at, args}` from validateSettings, or
 * `{code, where, args}` from this page (`where` already in words: "dòng 2", "Cụm từ mới").
 */
function errorText(e) {
  if (typeof e === "string") return e;
  const args = e.args || [];
  const where = e.where ?? whereText(e.at);
  let problem;
  if (e.code === "wrong_type") {
    const [expected, found, value] = args;
    const kind = t(`options_kind_${expected}`);
    problem =
      found === "missing"
        ? t("options_err_missing", [kind])
        : t("options_err_wrong_type", [kind, t(`options_found_${found}`, [value])]);
  } else if (e.code === "bad_value") {
    problem = t("options_err_bad_value", [args[0], e.allowed ? allowedText(e.at || [], e.allowed) : args[1]]);
  } else if (e.code === "unknown_key") {
    // The key itself is all there is to find: named as written, with where it was.
    const inside = whereText((e.at || []).slice(0, -1));
    const key = String((e.at || []).at(-1) ?? "");
    problem = inside ? t("options_err_unknown_field", [key]) : t("options_err_unknown_key", [key]);
    return inside ? t("options_err_at", [inside, problem]) : problem;
  } else {
    problem = t(`options_err_${e.code}`, args.map(String));
  }
  return where ? t("options_err_at", [where, problem]) : problem;
}

// --- storage -----------------------------------------------------------------------------------

let savedTimer = 0;
function announce(text, isError = false) {
  const s = $("saved");
  s.textContent = "";
  s.classList.toggle("is-error", isError);
  clearTimeout(savedTimer);
  // A fresh text node each time so screen readers announce repeated saves.
  requestAnimationFrame(() => (s.textContent = text));
  savedTimer = setTimeout(() => (s.textContent = ""), 6000);
}

/** Stores `next` (normalised) and announces `message` (a text, or a function giving it once the
 * new language is loaded). Returns an error text, or "" when saved. */
async function save(next, message) {
  const n = normalizeSettings(next);
  const size = settingsSize(n);
  if (size > SYNC_ITEM_LIMIT) return errorText({ code: "too_large", args: [size, SYNC_ITEM_LIMIT] });
  try {
    await chrome.storage.sync.set({ settings: n });
  } catch (e) {
    return t("options_err_storage", String(e && e.message ? e.message : e));
  }
  const languageChanged = n.language !== settings.language;
  settings = n;
  if (languageChanged) await applyLanguage();
  announce(typeof message === "function" ? message() : message || t("options_saved"));
  return "";
}

/** `save` for the simple controls: on failure, says why and shows the stored value again. */
async function saveOrRevert(next) {
  const error = await save(next);
  if (error) {
    announce(error, true);
    renderForm();
  }
}

async function applyLanguage() {
  await setLanguage(settings.language);
  localize();
  renderCategories();
  renderPhraseSelects();
  renderPhrases();
  document.title = t("options_title");
}

// --- rendering ---------------------------------------------------------------------------------

function renderCategories() {
  $("categories").replaceChildren(
    ...CATEGORIES.map((c) => {
      const input = el("input", { type: "checkbox", id: `cat-${c}`, "data-category": c, "aria-describedby": `cat-${c}-hint` });
      input.checked = settings.categories.includes(c);
      return el(
        "li",
        { class: "row" },
        input,
        el("label", { for: `cat-${c}` }, el("span", {}, t(`options_cat_${c}`)), el("span", { class: "hint", id: `cat-${c}-hint` }, t(`options_cat_${c}_hint`))),
      );
    }),
  );
}

function options(select, values, prefix, selected) {
  select.replaceChildren(...values.map((v) => el("option", { value: v }, t(prefix + v))));
  if (selected) select.value = selected;
}

function renderPhraseSelects() {
  const cat = $("new-category").value || "internal_document";
  const sev = $("new-severity").value || "warning";
  options($("new-category"), CATEGORIES, "options_cat_", cat);
  options($("new-severity"), SEVERITIES, "options_severity_", sev);
}

function renderPhrases() {
  const rows = settings.customPhrases.map((p, i) => {
    const cat = el("select", { "data-index": String(i), "data-field": "category", "aria-label": t("options_phrase_category_aria", p.phrase) });
    options(cat, CATEGORIES, "options_cat_", p.category);
    const sev = el("select", { "data-index": String(i), "data-field": "severity", "aria-label": t("options_phrase_severity_aria", p.phrase) });
    options(sev, SEVERITIES, "options_severity_", p.severity);
    const remove = el("button", { type: "button", class: "remove", "data-remove": String(i), "aria-label": t("options_remove_aria", p.phrase) }, t("options_remove"));
    return el("tr", { "data-phrase": p.phrase }, el("th", { scope: "row", class: "phrase" }, p.phrase), el("td", {}, cat), el("td", {}, sev), el("td", {}, remove));
  });
  $("phrases").replaceChildren(...rows);
  $("phrases-table").hidden = rows.length === 0;
  $("phrases-empty").hidden = rows.length !== 0;
}

const LIST_FIELDS = {
  "disabled-sites": "disabledSites",
  "only-sites": "onlySites",
  "guard-disabled-sites": "guardDisabledSites",
  allow: "allow",
};

function renderForm() {
  $("guard").checked = settings.guard;
  $("min-severity").value = settings.minSeverity;
  $("language").value = settings.language;
  $("site-mode-all").checked = settings.siteMode === "all";
  $("site-mode-only").checked = settings.siteMode === "only";
  $("disabled-sites-field").hidden = settings.siteMode !== "all";
  $("only-sites-field").hidden = settings.siteMode !== "only";
  $("only-sites-empty").hidden = settings.onlySites.length > 0;
  for (const [id, key] of Object.entries(LIST_FIELDS)) {
    // Never overwrite what the person is typing.
    if (document.activeElement !== $(id)) {
      $(id).value = settings[key].join("\n");
      setFieldError(id, "");
    }
  }
  renderCategories();
  renderPhrases();
}

function setFieldError(id, text) {
  const box = $(`${id}-error`);
  box.textContent = text;
  if (text) $(id).setAttribute("aria-invalid", "true");
  else $(id).removeAttribute("aria-invalid");
}

// --- editing -----------------------------------------------------------------------------------

/** Parses a one-item-per-line textarea. Returns {values} or {error}. */
function parseLines(id) {
  const isSites = id !== "allow";
  const values = [];
  const seen = new Set();
  const lines = $(id).value.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = t("options_line", String(i + 1));
    let value = line;
    if (isSites) {
      value = normalizeHost(line);
      if (!value) return { error: errorText({ code: "bad_host", where, args: [JSON.stringify(line)] }) };
    } else {
      const problem = phraseProblem(line, { wildcard: false });
      if (problem) return { error: errorText({ code: problem, where, args: [JSON.stringify(line), PHRASE_MAX] }) };
      // One line with single spaces, as an import stores it: "thằng  ngu" and "thằng ngu" are
      // one phrase (else an exported file would not import back: a duplicate).
      value = oneLine(line);
    }
    if (!seen.has(value.toLowerCase())) values.push(value);
    seen.add(value.toLowerCase());
  }
  return { values };
}

/** Saves a list field; with `tidy` (on leaving the field) it then shows what was stored
 * (hostnames as matched, no blanks or duplicates). */
async function saveList(id, tidy = false) {
  const parsed = parseLines(id);
  if (parsed.error) return setFieldError(id, parsed.error);
  const key = LIST_FIELDS[id];
  let error = "";
  if (JSON.stringify(parsed.values) !== JSON.stringify(settings[key])) error = await save({ ...settings, [key]: parsed.values });
  setFieldError(id, error);
  if (!error && tidy && document.activeElement !== $(id)) $(id).value = settings[key].join("\n");
  $("only-sites-empty").hidden = settings.onlySites.length > 0;
}

async function addPhrase(event) {
  event.preventDefault();
  const input = $("new-phrase");
  const phrase = oneLine(input.value);
  const problem = phraseProblem(phrase);
  let error = "";
  if (!phrase) error = t("options_err_phrase_missing");
  else if (problem) error = errorText({ code: problem, where: t("options_new_phrase_label"), args: [JSON.stringify(phrase), PHRASE_MAX] });
  else if (settings.customPhrases.some((p) => oneLine(p.phrase).toLowerCase() === phrase.toLowerCase()))
    error = errorText({ code: "duplicate", where: t("options_new_phrase_label"), args: [JSON.stringify(phrase)] });
  else {
    const entry = { phrase, category: $("new-category").value, severity: $("new-severity").value };
    error = await save({ ...settings, customPhrases: [...settings.customPhrases, entry] }, t("options_phrase_added", phrase));
    if (!error) {
      input.value = "";
      renderPhrases();
    }
  }
  setFieldError("new-phrase", error);
  input.focus();
}

async function editPhrase(event) {
  const sel = event.target;
  if (!(sel instanceof HTMLSelectElement) || !sel.dataset.field) return;
  const i = Number(sel.dataset.index);
  const list = settings.customPhrases.map((p, j) => (j === i ? { ...p, [sel.dataset.field]: sel.value } : p));
  const error = await save({ ...settings, customPhrases: list });
  if (error) {
    announce(error, true);
    renderPhrases(); // back to what is stored
  }
}

async function removePhrase(event) {
  const btn = event.target.closest("button[data-remove]");
  if (!btn) return;
  const i = Number(btn.dataset.remove);
  const removed = settings.customPhrases[i];
  const list = settings.customPhrases.filter((_, j) => j !== i);
  const error = await save({ ...settings, customPhrases: list }, t("options_phrase_removed", removed ? removed.phrase : ""));
  if (error) return announce(error, true);
  renderPhrases();
  // Keep focus in the table (the next row's button), or on the phrase input when it is empty.
  const next = document.querySelector(`button[data-remove="${Math.min(i, list.length - 1)}"]`);
  (next || $("new-phrase")).focus();
}

// --- export / import ---------------------------------------------------------------------------

function exportFile() {
  const blob = new Blob([JSON.stringify(exportSettings(settings), null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: "cannhac-settings.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce(t("options_exported"));
}

function showImportErrors(fileName, errors) {
  const box = $("import-errors");
  if (!errors.length) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => el("li", {}, errorText(e)));
  if (errors.length > MAX_ERRORS_SHOWN) shown.push(el("li", {}, t("options_more_errors", String(errors.length - MAX_ERRORS_SHOWN))));
  box.replaceChildren(el("p", { class: "error-title" }, t("options_import_failed", fileName)), el("ul", {}, ...shown));
  box.hidden = false;
  box.focus();
}

/** Reads, validates and (only if entirely valid) applies a settings file. */
export async function importText(fileName, text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return showImportErrors(fileName, [jsonErrorText(String(e.message || e), text)]);
  }
  // The file's settings over the current ones: those it does not name are kept.
  const { settings: next, errors, keys } = validateSettings(raw, settings);
  if (errors.length) return showImportErrors(fileName, errors);
  showImportErrors(fileName, []);
  if (!keys.length) return announce(t("options_imported_nothing", fileName));
  const all = Object.keys(DEFAULT_SETTINGS).every((k) => k === "version" || keys.includes(k));
  // The message is made after a language change the file brings.
  const message = () => (all ? t("options_imported", fileName) : t("options_imported_partial", [fileName, keys.map((k) => t(KEY_LABELS[k])).join("; ")]));
  const error = await save(next, message);
  if (error) return showImportErrors(fileName, [error]);
  renderForm();
}

async function importFile() {
  const input = $("import-file");
  const file = input.files && input.files[0];
  input.value = "";
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) return showImportErrors(file.name, [{ code: "file_too_big", args: [String(MAX_FILE_BYTES)] }]);
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return showImportErrors(file.name, [t("options_err_not_json_plain")]);
  }
  const text = decodeFile(bytes);
  if (text === null) return showImportErrors(file.name, [t("options_err_not_utf8")]);
  await importText(file.name, text);
}

/**
 * A settings file's text: UTF-8, or UTF-16 when it starts with its byte order mark (as
 * `Blob.text()` read it). Null when the bytes are not valid in that encoding: a file saved in
 * Latin-1 or Windows-1258 decoded anyway would import its accented letters as U+FFFD.
 */
export function decodeFile(bytes) {
  const encoding = bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : "utf-8";
  try {
    // The decoder drops the byte order mark.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// --- wiring ------------------------------------------------------------------------------------

async function main() {
  try {
    settings = normalizeSettings((await chrome.storage.sync.get("settings")).settings);
  } catch {
    settings = normalizeSettings(null);
  }
  await setLanguage(settings.language);
  localize();
  renderPhraseSelects();
  $("new-severity").value = "warning";
  renderForm();
  showImportErrors("", []);

  $("guard").addEventListener("change", (e) => saveOrRevert({ ...settings, guard: e.target.checked }));
  $("min-severity").addEventListener("change", (e) => saveOrRevert({ ...settings, minSeverity: e.target.value }));
  $("language").addEventListener("change", (e) => saveOrRevert({ ...settings, language: e.target.value }));
  $("categories").addEventListener("change", (e) => {
    const c = e.target.dataset.category;
    if (!c) return;
    const on = new Set(settings.categories);
    if (e.target.checked) on.add(c);
    else on.delete(c);
    saveOrRevert({ ...settings, categories: CATEGORIES.filter((x) => on.has(x)) });
  });
  for (const radio of document.querySelectorAll('input[name="site-mode"]')) {
    radio.addEventListener("change", async (e) => {
      if (!e.target.checked) return;
      await saveOrRevert({ ...settings, siteMode: e.target.value });
      $("disabled-sites-field").hidden = settings.siteMode !== "all";
      $("only-sites-field").hidden = settings.siteMode !== "only";
    });
  }
  for (const id of Object.keys(LIST_FIELDS)) {
    let timer = 0;
    $(id).addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => saveList(id), 700);
    });
    $(id).addEventListener("change", () => {
      clearTimeout(timer);
      saveList(id, true);
    });
  }
  $("add-phrase").addEventListener("submit", addPhrase);
  $("phrases").addEventListener("change", editPhrase);
  $("phrases").addEventListener("click", removePhrase);
  $("export").addEventListener("click", exportFile);
  $("import").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", importFile);
  $("reset-defaults").addEventListener("click", async () => {
    if (!confirm(t("options_reset_confirm"))) return;
    await save({ ...DEFAULT_SETTINGS, language: settings.language }, () => t("options_reset_done"));
    renderForm();
  });
  // Another options tab, an import elsewhere or sync from another device.
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "sync" || !changes.settings) return;
    const next = normalizeSettings(changes.settings.newValue);
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    const languageChanged = next.language !== settings.language;
    settings = next;
    if (languageChanged) await applyLanguage();
    renderForm();
  });
  document.body.dataset.ready = "true";
}

main();
