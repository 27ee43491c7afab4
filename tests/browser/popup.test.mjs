// The popup's duty checklist against a real composer in Chromium with the built extension.
// Run: node --test tests/browser/popup.test.mjs (after ./build.sh).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch,
  fixtureServer,
  setSettings,
  getSettings,
  openComposer,
  openPopup,
  tabIdOf,
  waitUnderlines,
  axeSerious,
  screenshot,
} from "./lib-popup.mjs";
import { openFixture } from "./harness.mjs";

const INTERNAL = "TÀI LIỆU MẬT";
const INSULT = "đồ ngốc";
// Custom phrases make the test independent of the built-in lexicons' exact severities: the
// internal mark is `high` (✗), the insult a `warning` (⚠).
const SETTINGS = {
  customPhrases: [
    { phrase: INTERNAL, category: "internal_document", severity: "high" },
    { phrase: INSULT, category: "inflammatory", severity: "warning" },
  ],
};
const RISKY = `${INTERNAL}: kế hoạch họp quý IV của phòng. Anh ta đúng là ${INSULT}.`;
const CLEAN = "Chúc cả nhà cuối tuần vui vẻ và bình an.";

let env;
let server;

before(async () => {
  server = await fixtureServer();
  env = await launch();
  await setSettings(env, { ...SETTINGS, language: "vi" });
});

after(async () => {
  await env?.close();
  await server?.close();
});

/** {id: {mark, icon, reason}} for the judged duties. */
async function judged(popup) {
  return popup.$$eval("#judged li[data-duty]", (lis) =>
    Object.fromEntries(
      lis.map((li) => [
        li.dataset.duty,
        { mark: li.dataset.mark, icon: li.querySelector(".mark").textContent, reason: li.querySelector(".reason").textContent },
      ]),
    ),
  );
}

/** Waits until the popup has stored exactly the manual duty ticks `ids` for tab `tabId`. */
async function storedTicks(popup, tabId, ids) {
  await popup.waitForFunction(
    async ({ tabId, ids }) => {
      const key = `popupTicks:${tabId}`;
      const saved = (await chrome.storage.session.get(key))[key];
      return !!saved && JSON.stringify([...saved.duties].sort((a, b) => a - b)) === JSON.stringify(ids);
    },
    { tabId, ids },
    { timeout: 5000 },
  );
}

async function waitMarks(popup, want) {
  const ok = (j) => Object.entries(want).every(([id, mark]) => j[id]?.mark === mark);
  await popup.waitForFunction(
    (want) =>
      Object.entries(want).every(([id, mark]) => document.querySelector(`#judged li[data-duty="${id}"]`)?.dataset.mark === mark),
    want,
    { timeout: 8000 },
  );
  const j = await judged(popup);
  assert.ok(ok(j), JSON.stringify(j));
  return j;
}

test("internal mark + insult: ✗ on duty 8, ⚠ on duty 3, ✓ on duty 1; manual duties and questions listed", async () => {
  const page = await openComposer(env, server.origin, RISKY);
  await waitUnderlines(
    page,
    (u) => u.some((x) => x.category === "internal_document") && u.some((x) => x.category === "inflammatory"),
    "the internal mark and the insult to be underlined",
  );
  const tabId = await tabIdOf(env, page);
  const popup = await openPopup(env, tabId, "127.0.0.1");
  const j = await waitMarks(popup, { 8: "bad", 3: "warn", 1: "ok" });
  assert.deepEqual(Object.keys(j).sort(), ["1", "3", "8"], "exactly the duties a rule can judge");
  assert.equal(j[8].icon, "✗");
  assert.equal(j[3].icon, "⚠");
  assert.equal(j[1].icon, "✓");
  // One-line reasons name what was found, and quote it (a breaker found the quotes missing:
  // the content script sent no words).
  assert.match(j[8].reason, /^1 dấu hiệu tài liệu nội bộ.*'TÀI LIỆU MẬT'/, j[8].reason);
  assert.match(j[3].reason, /^1 lời lẽ gay gắt.*'đồ ngốc'/, j[3].reason);
  assert.equal(j[1].reason, "Không thấy điều gì cần lưu ý.");
  // "Why?" unfolds, from the keyboard, what the engine said about each finding.
  await popup.focus('#judged li[data-duty="8"] details summary');
  await popup.keyboard.press("Enter");
  const why = await popup.$$eval('#judged li[data-duty="8"] details[open] li', (lis) => lis.map((li) => [li.dataset.severity, li.textContent]));
  assert.ok(why.some(([sev, text]) => sev === "high" && text.startsWith("Nghiêm trọng: ") && text.length > 20), JSON.stringify(why));
  assert.equal(await popup.locator('#judged li[data-duty="1"] details').count(), 0, "no details where nothing was found");
  // The status is not carried by the icon alone (screen readers get words).
  const srText = await popup.textContent('#judged li[data-duty="8"] .visually-hidden');
  assert.match(srText, /Cần sửa/);
  assert.match(await popup.textContent("#summary"), /2 điều nên xem lại, 1 điều cần sửa/);

  // Duties no rule can judge are a tick list; the five questions a self-check.
  const manual = await popup.$$eval("#manual input[type=checkbox]", (xs) => xs.map((x) => Number(x.dataset.id)));
  assert.deepEqual(manual, [2, 4, 5, 6, 7, 9, 10]);
  const questions = await popup.$$eval("#questions label", (xs) => xs.map((x) => x.textContent.trim()));
  assert.equal(questions.length, 5);
  assert.ok(questions.every((q) => q.endsWith("?")), JSON.stringify(questions));
  assert.equal(questions[0], "Tin này từ đâu ra?");

  await screenshot(popup, "popup-vi");
  await popup.close();
  await page.close();
});

test("the duties come from the Rust engine through the service worker", async () => {
  const answer = await env.admin.evaluate(() => chrome.runtime.sendMessage({ type: "duties" }));
  const list = Array.isArray(answer) ? answer : answer.duties;
  assert.deepEqual(
    list.map((d) => d.id),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  const cats = Object.fromEntries(list.map((d) => [d.id, [...d.categories].sort()]));
  assert.deepEqual(cats[1], ["suspicious_link", "unverified_claim"]);
  assert.deepEqual(cats[3], ["inflammatory", "unverified_claim"]);
  assert.deepEqual(cats[8], ["insinuation", "internal_document", "personal_data"]);
  for (const id of [2, 4, 5, 6, 7, 9, 10]) assert.deepEqual(cats[id], [], `duty ${id} is manual`);
});

test("clean text: no ✗ and no ⚠, judged duties ✓", async () => {
  const page = await openComposer(env, server.origin, CLEAN);
  const tabId = await tabIdOf(env, page);
  const popup = await openPopup(env, tabId);
  await waitMarks(popup, { 1: "ok", 3: "ok", 8: "ok" });
  assert.equal(await popup.locator('[data-mark="bad"], [data-mark="warn"]').count(), 0);
  assert.equal(await popup.locator("text=✗").count(), 0);
  assert.equal(await popup.locator("text=⚠").count(), 0);
  assert.match(await popup.textContent("#summary"), /không thấy điều gì/);
  // With nudges switched off, a ✓ says so (it means "nothing at this level or above").
  await setSettings(env, { ...SETTINGS, language: "vi", minSeverity: "warning" });
  await popup.waitForFunction(() => /từ mức “Cảnh báo” trở lên/.test(document.querySelector('#judged li[data-duty="1"] .reason').textContent));
  assert.equal(await popup.getAttribute('#judged li[data-duty="1"]', "data-mark"), "ok");
  await setSettings(env, { ...SETTINGS, language: "vi" });
  await popup.close();
  await page.close();
});

test("a composer inside an iframe is the one the popup reports on", async () => {
  const page = await openFixture(env.ctx, server.origin, "iframe");
  const frame = page.frameLocator("#frame");
  await frame.locator("#editor").click();
  await page.keyboard.insertText(RISKY);
  const inner = page.frames().find((f) => f.url().endsWith("/fixtures/frame.html"));
  await waitUnderlines(inner, (u) => u.some((x) => x.category === "internal_document"), "underlines in the iframe");
  const popup = await openPopup(env, await tabIdOf(env, page));
  await waitMarks(popup, { 8: "bad", 3: "warn", 1: "ok" });
  await popup.close();
  await page.close();
});

test("a post too long to analyse is not called clean", async () => {
  const page = await openFixture(env.ctx, server.origin, "textarea");
  await page.click("#editor");
  await page.fill("#editor", `${INTERNAL} ` + "chữ ".repeat(50_001));
  await page.keyboard.insertText(".");
  const popup = await openPopup(env, await tabIdOf(env, page));
  await waitMarks(popup, { 1: "none", 3: "none", 8: "none" });
  assert.match(await popup.textContent("#summary"), /quá dài/);
  assert.equal(await popup.locator('[data-mark="ok"]').count(), 0, "no ✓ for a text nobody checked");
  await popup.close();
  await page.close();
});

test("no composer: the checklist with a hint, no verdicts", async () => {
  const page = await env.ctx.newPage();
  await page.goto(server.noComposerUrl);
  const tabId = await tabIdOf(env, page);
  const popup = await openPopup(env, tabId);
  await popup.waitForFunction(() => document.body.dataset.state === "no-composer", null, { timeout: 8000 });
  const j = await judged(popup);
  assert.deepEqual(
    Object.values(j).map((x) => x.mark),
    ["none", "none", "none"],
  );
  assert.match(await popup.textContent("#summary"), /Chưa thấy ô viết bài/);
  assert.equal(await popup.locator("#manual input[type=checkbox]").count(), 7);
  assert.equal(await popup.locator("#questions input[type=checkbox]").count(), 5);
  await popup.close();
  await page.close();
});

test("manual ticks: keyboard-operable, kept for the same post, reset for a new post", async () => {
  const page = await openComposer(env, server.origin, RISKY);
  await waitUnderlines(page, (u) => u.length > 0, "underlines");
  const tabId = await tabIdOf(env, page);
  let popup = await openPopup(env, tabId);
  // Tab from the top of the page to the first manual duty, tick it with Space.
  let focused = "";
  for (let i = 0; i < 6 && focused !== "duty-2"; i++) {
    await popup.keyboard.press("Tab");
    focused = await popup.evaluate(() => document.activeElement?.id || "");
  }
  assert.equal(focused, "duty-2", "the first manual duty is reachable with Tab");
  await popup.keyboard.press("Space");
  assert.equal(await popup.isChecked("#duty-2"), true);
  await popup.keyboard.press("Tab");
  await popup.keyboard.press("Space");
  assert.equal(await popup.isChecked("#duty-4"), true);
  await storedTicks(popup, tabId, [2, 4]); // the ticks are stored asynchronously
  await popup.close();

  // Same post: the ticks are still there.
  popup = await openPopup(env, tabId);
  assert.equal(await popup.isChecked("#duty-2"), true);
  assert.equal(await popup.isChecked("#duty-4"), true);
  assert.equal(await popup.isChecked("#duty-5"), false);
  // Question ticks are kept the same way; "start a new post" clears everything at once.
  await popup.check("#question-1");
  await popup.getByRole("button", { name: "Bắt đầu bài mới (bỏ mọi dấu)" }).click();
  for (const id of ["#duty-2", "#duty-4", "#question-1"]) assert.equal(await popup.isChecked(id), false, id);
  await popup.close();
  popup = await openPopup(env, tabId);
  assert.equal(await popup.isChecked("#duty-2"), false, "the reset is stored");
  await popup.check("#duty-2");
  await popup.check("#duty-4");
  await storedTicks(popup, tabId, [2, 4]);
  await popup.close();

  // The post is cleared (sent): the next post starts with no ticks.
  await page.bringToFront();
  await page.click("#editor");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await waitUnderlines(page, (u) => u.length === 0, "no underlines after clearing");
  await page.keyboard.insertText("Bài mới");
  popup = await openPopup(env, tabId);
  assert.equal(await popup.isChecked("#duty-2"), false);
  assert.equal(await popup.isChecked("#duty-4"), false);
  await popup.close();
  await page.close();
});

test("the site switch silences the content script on that site, and brings it back", async () => {
  const page = await openComposer(env, server.origin, RISKY);
  await waitUnderlines(page, (u) => u.length >= 2, "underlines");
  const tabId = await tabIdOf(env, page);
  // The action popup knows the tab's URL through activeTab; opened in a tab, it is told the host.
  const popup = await env.ctx.newPage();
  await popup.goto(env.extUrl(`popup/popup.html?tab=${tabId}&host=127.0.0.1`));
  await popup.waitForSelector("body[data-ready]");
  const sw = popup.getByRole("switch", { name: "Bật Cân Nhắc trên 127.0.0.1" });
  assert.equal(await sw.isChecked(), true);
  await sw.focus();
  await popup.keyboard.press("Space");
  await popup.waitForFunction(() => /đang tắt trên 127\.0\.0\.1/.test(document.querySelector("#summary").textContent));
  assert.deepEqual((await getSettings(env)).disabledSites, ["127.0.0.1"]);
  await waitUnderlines(page, (u) => u.length === 0, "no underlines once the site is off");
  await sw.click();
  await popup.waitForFunction(() => document.querySelector("#site-switch").checked);
  assert.deepEqual((await getSettings(env)).disabledSites, []);
  await waitUnderlines(page, (u) => u.length >= 2, "underlines back once the site is on");
  await popup.close();
  await page.close();
  await setSettings(env, { ...SETTINGS, language: "vi" });
});

test("English, 200 % zoom, accessibility scan", async () => {
  await setSettings(env, { ...SETTINGS, language: "en" });
  const page = await openComposer(env, server.origin, RISKY);
  await waitUnderlines(page, (u) => u.length >= 2, "underlines");
  const tabId = await tabIdOf(env, page);
  const popup = await openPopup(env, tabId, "127.0.0.1");
  const j = await waitMarks(popup, { 8: "bad", 3: "warn", 1: "ok" });
  assert.equal(await popup.getAttribute("html", "lang"), "en");
  assert.equal(await popup.textContent("#judged-heading"), "What the checker sees in your post");
  assert.match(j[8].reason, /^1 internal-document mark/, j[8].reason);
  assert.match(j[3].reason, /^1 inflammatory phrase/, j[3].reason);
  assert.equal(await popup.textContent("#questions li:first-child label"), "Where does this come from?");
  await screenshot(popup, "popup-en");

  const violations = await axeSerious(popup);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // 200 % zoom of a popup at most 800 px wide is a 400 CSS px layout: nothing may overflow.
  await popup.setViewportSize({ width: 400, height: 800 });
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 200 % zoom`);
  await screenshot(popup, "popup-en-zoom200");
  await popup.close();
  await page.close();
  await setSettings(env, { ...SETTINGS, language: "vi" });
});

test('language "auto" follows the browser (chrome.i18n, placeholders included)', async () => {
  await setSettings(env, { ...SETTINGS, language: "auto" });
  const page = await env.ctx.newPage();
  await page.goto(server.noComposerUrl);
  const popup = await openPopup(env, await tabIdOf(env, page), "127.0.0.1");
  // Chromium's UI language here depends on the machine's locale; the popup must follow it.
  const ui = await popup.evaluate(() => chrome.i18n.getUILanguage());
  const lang = ui.toLowerCase().startsWith("en") ? "en" : "vi"; // vi is the default locale
  const want = {
    vi: { heading: "Tự kiểm", site: "Bật Cân Nhắc trên 127.0.0.1" },
    en: { heading: "Check for yourself", site: "Cân Nhắc is on for 127.0.0.1" },
  }[lang];
  assert.equal(await popup.getAttribute("html", "lang"), lang, `UI language ${ui}`);
  assert.equal(await popup.textContent("#manual-heading"), want.heading);
  assert.equal(await popup.textContent("#site-label"), want.site);
  assert.equal(await popup.textContent('#judged li[data-duty="1"] .num'), "1.");
  await popup.close();
  await page.close();
  await setSettings(env, { ...SETTINGS, language: "vi" });
});

test("accessibility scan of the Vietnamese popup with no composer", async () => {
  const page = await env.ctx.newPage();
  await page.goto(server.noComposerUrl);
  const popup = await openPopup(env, await tabIdOf(env, page));
  await popup.waitForFunction(() => document.body.dataset.state === "no-composer", null, { timeout: 8000 });
  const violations = await axeSerious(popup);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await popup.close();
  await page.close();
});
