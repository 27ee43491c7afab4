// The popup: the ten duties as a checklist tied to what the engine sees in the post being
// written in the active tab (its focused or last-used composer), and the questions to ask
// before sharing.
//
// The target tab is the active tab of the current window, or the one named in the URL
// (popup.html?tab=<id>[&host=<hostname>]) so the page can also be opened in a tab of its own
// (the browser tests do that; without the "tabs" permission such a page cannot read the tab's
// URL, hence `host` for the per-site switch). Messages used: runtime {type:"duties"} (the
// duties data from the Rust engine) and tabs {type:"cannhac:getState"} (the content script's
// view of its composer). Manual ticks live in chrome.storage.session, per tab and post.

import { normalizeSettings, normalizeHost, activeOn, CATEGORIES } from "../shared/settings.js";
import { setLanguage, t, localize, language } from "../shared/i18n.js";

const POLL_MS = 1000;
/** Texts longer than this are not analysed (the content script shows a notice instead). */
const MAX_ANALYSED = 200_000;
const SEVERITY_RANK = { info: 0, warning: 1, high: 2 };
/** Used only when the service worker does not answer {type:"duties"}: the duties some rule can
 * judge (crates/core/src/duties.rs is the source of truth; the browser tests check the worker path). */
const JUDGED_FALLBACK = { 1: ["unverified_claim", "suspicious_link"], 3: ["inflammatory", "unverified_claim"], 8: ["internal_document", "insinuation", "personal_data"] };
const QUESTION_IDS = [1, 2, 3, 4, 5];
const MARKS = { ok: "✓", warn: "⚠", bad: "✗", none: "–", off: "–" };

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

let settings = normalizeSettings(null);
let duties = []; // [{id, categories, manual}]
let tab = null; // {id, url?}
let ticks = { duties: [], questions: [], textLength: 0, url: "" };
let lastRender = "";

/** Finds the list of duties in the worker's answer, whatever envelope it comes in. */
function dutyList(answer) {
  if (!answer || typeof answer !== "object") return null;
  if (Array.isArray(answer)) return answer.every((d) => d && typeof d.id === "number") ? answer : null;
  for (const k of ["duties", "result", "value", "data"]) {
    const found = answer[k] !== undefined ? dutyList(answer[k]) : null;
    if (found) return found;
  }
  return null;
}

async function loadDuties() {
  let answer = null;
  try {
    answer = await chrome.runtime.sendMessage({ type: "duties" });
  } catch (e) {
    console.warn("Cân Nhắc: duties unavailable", e);
  }
  const list = dutyList(answer);
  const byId = new Map((list || []).map((d) => [d.id, d]));
  return Array.from({ length: 10 }, (_, i) => {
    const id = i + 1;
    const d = byId.get(id);
    const categories = d && Array.isArray(d.categories) ? d.categories : JUDGED_FALLBACK[id] || [];
    return { id, categories, manual: categories.length === 0 };
  });
}

async function loadSettings() {
  try {
    const got = await chrome.storage.sync.get("settings");
    return normalizeSettings(got.settings);
  } catch {
    return normalizeSettings(null);
  }
}

async function findTab() {
  const wanted = params.get("tab");
  if (wanted && /^\d+$/.test(wanted)) {
    try {
      return await chrome.tabs.get(Number(wanted));
    } catch {
      return { id: Number(wanted) };
    }
  }
  try {
    const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
    return active || null;
  } catch {
    return null;
  }
}

async function ask(tabId, options) {
  try {
    const msg = { type: "cannhac:getState" };
    const answer = options ? await chrome.tabs.sendMessage(tabId, msg, options) : await chrome.tabs.sendMessage(tabId, msg);
    return answer && typeof answer === "object" ? answer : null;
  } catch {
    return null; // no content script there (browser page, store, site switched off, not loaded yet)
  }
}

/**
 * The composer state: every frame is asked (the first answer wins for a broadcast, so the top
 * frame is also asked on its own) and the most recently used composer is taken. `null` when no
 * content script answered at all.
 */
async function composerState() {
  if (!tab || typeof tab.id !== "number") return null;
  const answers = (await Promise.all([ask(tab.id), ask(tab.id, { frameId: 0 })])).filter(Boolean);
  if (!answers.length) return null;
  const withComposer = answers.filter((a) => a.hasComposer);
  withComposer.sort((a, b) => (b.lastUsedAt || 0) - (a.lastUsedAt || 0));
  const s = withComposer[0];
  if (!s) return { hasComposer: false, findings: [], textLength: 0 };
  return { ...s, findings: Array.isArray(s.findings) ? s.findings : [], textLength: Number(s.textLength) || 0 };
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

function spanText(f, state) {
  let s = typeof f.text === "string" ? f.text : typeof state.text === "string" ? state.text.slice(f.start, f.end) : "";
  s = s.replace(/\s+/g, " ").trim();
  return [...s].length > 40 ? [...s].slice(0, 39).join("") + "…" : s;
}

/** One line saying what the findings say about a duty, e.g. "1 internal-document mark: 'TÀI LIỆU MẬT'". */
function reasonFor(findings, state) {
  const parts = [];
  const order = [...CATEGORIES, ...new Set(findings.map((f) => f.category).filter((c) => !CATEGORIES.includes(c)))];
  for (const cat of order) {
    const fs = findings.filter((f) => f.category === cat);
    if (!fs.length) continue;
    const label = t(`popup_cat_${cat}_${fs.length === 1 ? "one" : "other"}`);
    const texts = [];
    for (const f of fs) {
      const s = spanText(f, state);
      if (s && !texts.some((x) => x.toLowerCase() === s.toLowerCase())) texts.push(s);
    }
    if (!texts.length) parts.push(t("popup_reason_count", [String(fs.length), label]));
    else {
      const quoted = texts.slice(0, 2).map((s) => `'${s}'`).join(", ") + (texts.length > 2 ? ", …" : "");
      parts.push(t("popup_reason_count_quoted", [String(fs.length), label, quoted]));
    }
  }
  return parts.join("; ");
}

/** ✓ / ⚠ / ✗ (or – when there is no post or its checks are off) for one judged duty. */
export function judge(duty, state, s) {
  if (!state || !state.hasComposer) return { mark: "none", reason: t("popup_reason_no_post") };
  if (state.tooLong || state.textLength > MAX_ANALYSED) return { mark: "none", reason: t("popup_reason_too_long") };
  const fs = state.findings.filter(
    (f) => (Array.isArray(f.duties) && f.duties.includes(duty.id)) || duty.categories.includes(f.category),
  );
  if (fs.length) {
    const worst = Math.max(...fs.map((f) => SEVERITY_RANK[f.severity] ?? 0));
    return { mark: worst >= SEVERITY_RANK.high ? "bad" : "warn", reason: reasonFor(fs, state), findings: fs };
  }
  if (!duty.categories.some((c) => s.categories.includes(c))) return { mark: "off", reason: t("popup_reason_checks_off") };
  if (!state.textLength) return { mark: "none", reason: t("popup_reason_empty") };
  if (s.minSeverity !== "info") return { mark: "ok", reason: t("popup_reason_nothing_min", t(`popup_severity_${s.minSeverity}`)) };
  return { mark: "ok", reason: t("popup_reason_nothing") };
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || ["id", "role", "for", "type", "title"].includes(k)) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function renderJudged(state) {
  const list = $("judged");
  const items = duties.filter((d) => !d.manual).map((d) => ({ d, ...judge(d, state, settings) }));
  const key = JSON.stringify(items.map((i) => [i.d.id, i.mark, i.reason, (i.findings || []).map((f) => [f.rule_id, f.start, f.end])]));
  if (key === lastRender) return;
  lastRender = key;
  list.replaceChildren(
    ...items.map(({ d, mark, reason, findings }) =>
      el(
        "li",
        { class: `duty judged mark-${mark}`, "data-duty": String(d.id), "data-mark": mark },
        el("span", { class: "mark", "aria-hidden": "true" }, MARKS[mark]),
        el(
          "div",
          { class: "body" },
          el(
            "p",
            { class: "title" },
            el("span", { class: "visually-hidden" }, t(`popup_mark_${mark}`) + ": "),
            el("span", { class: "num" }, t("popup_duty_number", String(d.id))),
            " ",
            t(`duty_${d.id}_title`),
          ),
          el("p", { class: "reason" }, reason),
          findings && findings.length ? details(findings, state) : null,
          el("p", { class: "text" }, t(`duty_${d.id}_text`)),
        ),
      ),
    ),
  );
}

/** What each finding behind a verdict says, folded away: the engine's message, and its suggestion. */
function details(findings, state) {
  const lang = language();
  const seen = new Set();
  const items = [];
  for (const f of findings) {
    const msg = (f.message && (f.message[lang] || f.message.vi)) || "";
    const quote = spanText(f, state);
    const key = `${f.rule_id}|${quote}|${msg}`;
    if (seen.has(key) || !msg) continue;
    seen.add(key);
    const sev = t(`popup_severity_${f.severity}`);
    items.push(
      el(
        "li",
        { "data-severity": f.severity },
        el("span", { class: "sev" }, `${sev}: `),
        quote ? `'${quote}' — ` : "",
        msg,
        typeof f.suggestion === "string"
          ? el("span", { class: "suggestion" }, " " + (f.suggestion ? t("popup_suggestion", f.suggestion) : t("popup_suggestion_remove")))
          : null,
      ),
    );
  }
  if (!items.length) return null;
  return el("details", { class: "findings" }, el("summary", {}, t("popup_details")), el("ul", {}, ...items));
}

function checkbox(name, id, labelChildren, checked) {
  const input = el("input", { type: "checkbox", id: `${name}-${id}`, "data-kind": name, "data-id": String(id) });
  input.checked = checked;
  return el("li", { class: `tick ${name}`, ["data-" + name]: String(id) }, input, el("label", { for: `${name}-${id}` }, ...labelChildren));
}

function renderManual() {
  $("manual").replaceChildren(
    ...duties
      .filter((d) => d.manual)
      .map((d) =>
        checkbox(
          "duty",
          d.id,
          [
            el("span", { class: "title" }, el("span", { class: "num" }, t("popup_duty_number", String(d.id))), " ", t(`duty_${d.id}_title`)),
            el("span", { class: "text" }, t(`duty_${d.id}_text`)),
          ],
          ticks.duties.includes(d.id),
        ),
      ),
  );
  $("questions").replaceChildren(
    ...QUESTION_IDS.map((id) => checkbox("question", id, [el("span", { class: "title" }, t(`question_${id}`))], ticks.questions.includes(id))),
  );
}

function renderSummary(state) {
  let text;
  const host = pageHost();
  if (host && !activeOn(settings, host)) text = t("popup_summary_site_off", host);
  else if (!state) text = t("popup_summary_no_script");
  else if (!state.hasComposer) text = t("popup_summary_no_composer");
  else if (state.tooLong || state.textLength > MAX_ANALYSED) text = t("popup_summary_too_long");
  else if (!state.findings.length) text = state.textLength ? t("popup_summary_clean") : t("popup_summary_empty");
  else {
    const n = state.findings.length;
    const high = state.findings.filter((f) => f.severity === "high").length;
    const things = n === 1 ? t("popup_things_one") : t("popup_things_other", String(n));
    const fix = high === 1 ? t("popup_fix_one") : t("popup_fix_other", String(high));
    text = high ? t("popup_summary_findings_high", [things, fix]) : t("popup_summary_findings", things);
  }
  const summary = $("summary");
  if (summary.textContent !== text) summary.textContent = text;
  document.body.dataset.state = !state ? "no-script" : state.hasComposer ? "composer" : "no-composer";
}

/** The page's hostname: from the tab (the action popup gets it through activeTab), else from
 * the URL's `host` parameter (the tests open the popup in a tab of its own). */
function pageHost() {
  const fromTab = tab && tab.url ? hostOf(tab.url) : "";
  return fromTab || (params.get("host") || "").toLowerCase();
}

/** The per-site switch: on/off for this page's site, written to the site lists at once. */
function renderSiteSwitch() {
  const host = pageHost();
  const row = $("site-row");
  row.hidden = !host || !/^https?:/.test((tab && tab.url) || "http:");
  if (row.hidden) return;
  $("site-switch").checked = activeOn(settings, host);
  $("site-label").textContent = t("popup_site_switch", host);
}

async function toggleSite(on) {
  const host = pageHost();
  const covers = (h) => host === h || host.endsWith("." + h);
  const s = { ...settings };
  if (s.siteMode === "only") {
    s.onlySites = on ? [...s.onlySites.filter((h) => !covers(h)), normalizeHost(host) || host] : s.onlySites.filter((h) => !covers(h));
  } else {
    s.disabledSites = on ? s.disabledSites.filter((h) => !covers(h)) : [...s.disabledSites, normalizeHost(host) || host];
  }
  try {
    await chrome.storage.sync.set({ settings: normalizeSettings(s) });
  } catch (e) {
    console.warn("Cân Nhắc: cannot save the site switch", e);
    renderSiteSwitch();
  }
}

// Manual ticks live in the session storage for the tab, and are reset for each new post: when
// the composer is empty, when the tab shows another page, or when the text became much shorter
// than it was when last ticked (the old post was sent or cleared).
const ticksKey = () => `popupTicks:${tab && tab.id}`;

async function loadTicks(state) {
  let saved = null;
  try {
    saved = (await chrome.storage.session.get(ticksKey()))[ticksKey()] || null;
  } catch {
    saved = null;
  }
  if (saved && isNewPost(saved, state)) saved = null;
  ticks = { duties: [], questions: [], textLength: 0, url: (tab && tab.url) || "", ...(saved || {}) };
}

function isNewPost(saved, state) {
  if (tab && tab.url && saved.url && saved.url !== tab.url) return true;
  if (!state || !state.hasComposer) return false;
  return state.textLength === 0 || state.textLength < saved.textLength / 2;
}

async function saveTicks(state) {
  ticks.textLength = Math.max(state && state.hasComposer ? state.textLength : 0, 0);
  ticks.url = (tab && tab.url) || "";
  try {
    await chrome.storage.session.set({ [ticksKey()]: ticks });
  } catch {
    /* session storage unavailable: ticks last while the popup is open */
  }
}

let state = null;

async function refresh() {
  const next = await composerState();
  if (ticks.duties.length + ticks.questions.length && next && next.hasComposer && isNewPost(ticks, next)) {
    await resetTicks(next);
  }
  state = next;
  renderSummary(state);
  renderJudged(state);
}

async function resetTicks(st) {
  ticks = { duties: [], questions: [], textLength: 0, url: (tab && tab.url) || "" };
  await saveTicks(st);
  const focused = document.activeElement && document.activeElement.id;
  renderManual();
  if (focused && $(focused)) $(focused).focus();
}

async function main() {
  settings = await loadSettings();
  await setLanguage(settings.language);
  localize();
  [duties, tab] = await Promise.all([loadDuties(), findTab()]);
  state = await composerState();
  await loadTicks(state);
  renderSiteSwitch();
  renderSummary(state);
  renderJudged(state);
  renderManual();

  document.addEventListener("change", (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.kind) return;
    const list = input.dataset.kind === "duty" ? ticks.duties : ticks.questions;
    const id = Number(input.dataset.id);
    const at = list.indexOf(id);
    if (input.checked && at < 0) list.push(id);
    if (!input.checked && at >= 0) list.splice(at, 1);
    saveTicks(state);
  });
  $("reset").addEventListener("click", () => resetTicks(state));
  $("site-switch").addEventListener("change", (e) => toggleSite(e.target.checked));
  $("open-options").addEventListener("click", () => chrome.runtime.openOptionsPage());
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "sync" || !changes.settings) return;
    const before = settings.language;
    settings = normalizeSettings(changes.settings.newValue);
    if (settings.language !== before) {
      await setLanguage(settings.language);
      localize();
      lastRender = "";
      renderManual();
    }
    renderSiteSwitch();
    refresh();
  });
  document.body.dataset.ready = "true";
  setInterval(refresh, POLL_MS);
}

main();
