// The options page in Chromium with the built extension: changes apply to an open composer at
// once, import is all-or-nothing with clear errors, export → import round-trips.
// Run: node --test tests/browser/options.test.mjs (after ./build.sh).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  launch,
  fixtureServer,
  setSettings,
  getSettings,
  openComposer,
  openOptions,
  waitUnderlines,
  underlines,
  axeSerious,
  screenshot,
} from "./lib-popup.mjs";
import { normalizeSettings, exportSettings, settingsSize, SYNC_ITEM_LIMIT } from "../../extension/shared/settings.js";
import { openFixture } from "./harness.mjs";

// Invented code names: no built-in lexicon knows them, so only the options can make them count.
const CODE_NAME = "Hoa Sen Vàng";
const MARK = "Chỉ lưu hành nội bộ đơn vị X9";
const RUDE = "đồ ba hoa";

let env;
let server;

before(async () => {
  server = await fixtureServer();
  env = await launch();
});

after(async () => {
  await env?.close();
  await server?.close();
});

const has = (text, category) => (u) => u.some((x) => x.text === text && (!category || x.category === category));
const hasNot = (text) => (u) => !u.some((x) => x.text === text);

/** Waits until the stored settings satisfy `pred`. */
async function waitStored(pred, what) {
  const end = Date.now() + 5000;
  let s;
  while (Date.now() < end) {
    s = await getSettings(env);
    if (s && pred(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`settings never got ${what}: ${JSON.stringify(s)}`);
}

test("options edits reach an open composer without a reload", async () => {
  await setSettings(env, { language: "vi" });
  const text = `Kế hoạch ${CODE_NAME} đã xong. ${MARK}. Anh ấy đúng là ${RUDE}.`;
  const page = await openComposer(env, server.origin, text);
  const options = await openOptions(env);

  // 1. A custom phrase added in the options is underlined in the composer.
  await page.waitForTimeout(300);
  assert.ok(hasNot(CODE_NAME)(await underlines(page)), "not underlined before it is added");
  await options.fill("#new-phrase", CODE_NAME);
  await options.selectOption("#new-category", "internal_document");
  await options.selectOption("#new-severity", "high");
  await options.click("#add-phrase-button");
  await waitStored((s) => s.customPhrases?.some((p) => p.phrase === CODE_NAME), "the new phrase");
  assert.equal(await options.inputValue("#new-phrase"), "", "the input is cleared after adding");
  assert.equal(await options.locator(`#phrases tr[data-phrase="${CODE_NAME}"]`).count(), 1);
  await waitUnderlines(page, has(CODE_NAME, "internal_document"), "the custom phrase underlined");

  // Two more, added with the keyboard only (Enter submits the form).
  for (const [phrase, category, severity] of [
    [MARK, "internal_document", "high"],
    [RUDE, "inflammatory", "warning"],
  ]) {
    await options.fill("#new-phrase", phrase);
    await options.selectOption("#new-category", category);
    await options.selectOption("#new-severity", severity);
    await options.focus("#new-phrase");
    await options.keyboard.press("Enter");
    await waitStored((s) => s.customPhrases?.some((p) => p.phrase === phrase), phrase);
  }
  await waitUnderlines(page, (u) => has(MARK)(u) && has(RUDE, "inflammatory")(u), "all three phrases underlined");

  // A duplicate is refused with an error, and nothing is stored twice.
  await options.fill("#new-phrase", CODE_NAME.toUpperCase());
  await options.click("#add-phrase-button");
  assert.match(await options.textContent("#new-phrase-error"), /đã có rồi/);
  assert.equal(await options.getAttribute("#new-phrase", "aria-invalid"), "true");
  assert.equal((await getSettings(env)).customPhrases.length, 3);
  await options.fill("#new-phrase", "");

  // The allow-list stores a phrase on one line with single spaces, once (an export of it must
  // import back: a breaker's case of "thằng  ngu" and "thằng ngu" stored as two).
  await options.fill("#allow", "thằng  ngu\nthằng ngu");
  await options.locator("#allow").blur();
  await waitStored((s) => s.allow?.length === 1 && s.allow[0] === "thằng ngu", "one allow-list entry for two spacings");

  // 2. An allow-listed phrase stops being underlined (the others stay).
  await options.fill("#allow", MARK);
  await options.locator("#allow").blur();
  await waitStored((s) => s.allow?.includes(MARK), "the allow-list entry");
  await waitUnderlines(page, (u) => hasNot(MARK)(u) && has(CODE_NAME)(u), "the allow-listed phrase no longer underlined");

  // 3. Turning a category off removes its underlines only.
  await options.uncheck("#cat-inflammatory");
  await waitStored((s) => !s.categories.includes("inflammatory"), "inflammatory off");
  await waitUnderlines(page, (u) => hasNot(RUDE)(u) && has(CODE_NAME)(u), "no inflammatory underline, others kept");
  await options.check("#cat-inflammatory");
  await waitUnderlines(page, has(RUDE, "inflammatory"), "inflammatory back");

  // Removing a phrase in the table removes its underline.
  await options.click(`#phrases tr[data-phrase="${RUDE}"] button`);
  await waitStored((s) => !s.customPhrases.some((p) => p.phrase === RUDE), "the phrase removed");
  await waitUnderlines(page, hasNot(RUDE), "the removed phrase no longer underlined");

  // 4. A site switched off: the content script leaves it alone entirely.
  await options.fill("#disabled-sites", "example.org\nhttp://127.0.0.1:9/whatever");
  await options.locator("#disabled-sites").blur();
  await waitStored((s) => s.disabledSites?.includes("127.0.0.1"), "the site off");
  assert.deepEqual((await getSettings(env)).disabledSites, ["example.org", "127.0.0.1"]);
  await options.waitForFunction(() => document.querySelector("#disabled-sites").value === "example.org\n127.0.0.1");
  await waitUnderlines(page, (u) => u.length === 0, "no underlines on a site switched off");
  await page.bringToFront();
  await page.click("#editor");
  await page.keyboard.insertText(` ${CODE_NAME}`);
  await page.waitForTimeout(500);
  assert.deepEqual(await underlines(page), [], "typing on a switched-off site draws nothing");
  const leftovers = await page.evaluate(() => document.querySelectorAll("cannhac-overlay").length);
  assert.equal(leftovers, 0, "no overlay host left in the page");

  // An invalid site line is reported and not stored.
  await options.bringToFront();
  await options.fill("#disabled-sites", "example.org\nnot a site!");
  await options.locator("#disabled-sites").blur();
  await options.waitForSelector("#disabled-sites-error:not(:empty)");
  assert.match(await options.textContent("#disabled-sites-error"), /dòng 2.*không phải tên miền/);
  assert.deepEqual((await getSettings(env)).disabledSites, ["example.org", "127.0.0.1"]);

  await options.close();
  await page.close();
});

test('"only on these sites" mode: silent elsewhere, active once the site is listed', async () => {
  await setSettings(env, { language: "vi", customPhrases: [{ phrase: CODE_NAME, category: "internal_document", severity: "high" }] });
  const page = await openComposer(env, server.origin, `Kế hoạch ${CODE_NAME} đã xong.`);
  await waitUnderlines(page, has(CODE_NAME, "internal_document"), "the phrase underlined");
  const options = await openOptions(env);
  await options.check("#site-mode-only");
  await waitStored((s) => s.siteMode === "only", "the only-sites mode");
  assert.equal(await options.isVisible("#only-sites"), true);
  assert.equal(await options.isVisible("#disabled-sites"), false);
  assert.equal(await options.isVisible("#only-sites-empty"), true, "an empty list is pointed out");
  await waitUnderlines(page, (u) => u.length === 0, "silent: the site is not listed");
  await options.fill("#only-sites", "example.org\n127.0.0.1");
  await options.locator("#only-sites").blur();
  await waitStored((s) => s.onlySites.includes("127.0.0.1"), "the site listed");
  assert.equal(await options.isVisible("#only-sites-empty"), false);
  await page.bringToFront();
  await page.click("#editor");
  await page.keyboard.insertText(" ");
  await waitUnderlines(page, has(CODE_NAME, "internal_document"), "active again on a listed site");
  await options.close();
  await page.close();
});

test("the pre-share guard follows the options at once: off globally, off for one site, back on", async () => {
  await setSettings(env, { language: "vi", customPhrases: [{ phrase: CODE_NAME, category: "internal_document", severity: "high" }] });
  const page = await openFixture(env.ctx, server.origin, "textarea");
  const text = `Gửi kế hoạch ${CODE_NAME} cho cả nhóm`;
  await page.click("#editor");
  await page.keyboard.insertText(text);
  await waitUnderlines(page, (u) => u.some((x) => x.category === "internal_document"), "the high finding underlined");
  const posted = () => page.evaluate(() => window.posted.slice());
  const dialog = page.getByRole("dialog");
  const options = await openOptions(env);

  // Guard off: the post goes straight out.
  await options.uncheck("#guard");
  await waitStored((s) => s.guard === false, "guard off");
  await page.bringToFront();
  await page.click("#post-btn");
  await page.waitForFunction((n) => window.posted.length === n, 1);
  assert.equal(await dialog.count(), 0);

  // Guard on, but not on this site.
  await options.bringToFront();
  await options.check("#guard");
  await options.fill("#guard-disabled-sites", "127.0.0.1");
  await options.locator("#guard-disabled-sites").blur();
  await waitStored((s) => s.guard === true && s.guardDisabledSites.includes("127.0.0.1"), "guard off for the site");
  await page.bringToFront();
  await page.click("#post-btn");
  await page.waitForFunction((n) => window.posted.length === n, 2);
  assert.equal(await dialog.count(), 0);

  // Back on for the site: the guard asks, and nothing is posted.
  await options.bringToFront();
  await options.fill("#guard-disabled-sites", "");
  await options.locator("#guard-disabled-sites").blur();
  await waitStored((s) => s.guardDisabledSites.length === 0, "guard back on");
  await page.bringToFront();
  await page.click("#post-btn");
  await dialog.waitFor({ timeout: 5000 });
  assert.deepEqual(await posted(), [text, text]);
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await options.close();
  await page.close();
});

test("a phrase that would overflow chrome.storage.sync's item quota is refused with a reason", async () => {
  // Fill the settings to just under the quota.
  const phrases = [];
  let s = normalizeSettings({ language: "vi" });
  for (let i = 0; ; i++) {
    const next = normalizeSettings({ ...s, customPhrases: [...phrases, { phrase: `mật danh số ${i}`, category: "internal_document", severity: "high" }] });
    if (settingsSize(next) > SYNC_ITEM_LIMIT - 60) break;
    phrases.push(next.customPhrases.at(-1));
    s = next;
  }
  await setSettings(env, s);
  const stored = await getSettings(env);
  const options = await openOptions(env);
  await options.fill("#new-phrase", "một cụm từ rất dài để vượt quá hạn mức lưu trữ đồng bộ của trình duyệt");
  await options.click("#add-phrase-button");
  await options.waitForSelector("#new-phrase-error:not(:empty)");
  assert.match(await options.textContent("#new-phrase-error"), /quá lớn để đồng bộ/);
  assert.deepEqual(await getSettings(env), stored);
  assert.equal(await options.locator("#phrases tr").count(), phrases.length);
  await options.close();
});

test("a custom phrase with a * that is not between two words is refused with a reason", async () => {
  await setSettings(env, { language: "vi" });
  const stored = await getSettings(env);
  const options = await openOptions(env);
  // The engine would read "* abc" as "abc" and "abc * * def" as "abc * def".
  for (const bad of ["* abc", "abc * * def"]) {
    await options.fill("#new-phrase", bad);
    await options.click("#add-phrase-button");
    await options.waitForFunction((b) => document.querySelector("#new-phrase-error")?.textContent.includes(b), bad, { timeout: 5000 });
    const error = await options.textContent("#new-phrase-error");
    assert.match(error, /mỗi dấu \* phải đứng giữa hai từ/, error);
    assert.ok(error.startsWith("Cụm từ mới: "), error);
    assert.equal(await options.getAttribute("#new-phrase", "aria-invalid"), "true");
    assert.equal(await options.inputValue("#new-phrase"), bad, "the input keeps what was typed");
    assert.deepEqual(await getSettings(env), stored, `${bad} was stored`);
  }
  // A * between two words is accepted.
  await options.fill("#new-phrase", "abc * def");
  await options.click("#add-phrase-button");
  await waitStored((s) => s.customPhrases?.some((p) => p.phrase === "abc * def"), "abc * def");
  assert.equal(await options.textContent("#new-phrase-error"), "");
  assert.equal(await options.getAttribute("#new-phrase", "aria-invalid"), null);
  assert.equal(await options.locator('#phrases tr[data-phrase="abc * def"]').count(), 1);
  // An imported file with one is refused, with where it is.
  const file = JSON.stringify({ customPhrases: [{ phrase: "* abc", category: "internal_document", severity: "high" }] });
  await options.setInputFiles("#import-file", { name: "star.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await options.waitForFunction(() => document.querySelector("#import-errors")?.textContent.includes("star.json"));
  const items = await options.$$eval("#import-errors li", (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(items, ['Cụm từ riêng của đơn vị, mục 1, cột “Cụm từ”: trong "* abc", mỗi dấu * phải đứng giữa hai từ (không ở đầu, ở cuối hay hai lần liền nhau).']);
  assert.equal((await getSettings(env)).customPhrases.length, 1);
  await options.close();
});

test("a phrase's length limit is the same in the phrase input, the allow-list box and an import", async () => {
  // A tester's finding: a phrase with runs of spaces was counted after joining them by the phrase
  // input (197 characters: accepted), as typed by the allow-list box and by an import (202:
  // refused), so an accepted phrase could not be imported.
  await setSettings(env, { language: "vi" });
  const options = await openOptions(env);
  const spaced = "a".repeat(150) + "      " + "b".repeat(46);
  const stored = "a".repeat(150) + " " + "b".repeat(46);
  await options.fill("#new-phrase", spaced);
  await options.click("#add-phrase-button");
  await waitStored((s) => s.customPhrases?.some((p) => p.phrase === stored), "the phrase from the input");
  await options.fill("#allow", spaced);
  await options.locator("#allow").blur();
  await waitStored((s) => s.allow?.[0] === stored, "the phrase from the allow-list box").catch(async (e) => {
    throw new Error(`${e.message}; the box says ${JSON.stringify(await options.textContent("#allow-error"))}`);
  });
  // The same phrases, as typed, in a file.
  await setSettings(env, { language: "vi" });
  const file = JSON.stringify({ language: "vi", customPhrases: [{ phrase: spaced, category: "internal_document", severity: "high" }], allow: [spaced] });
  await options.setInputFiles("#import-file", { name: "spaced.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await waitStored((s) => s.customPhrases?.[0]?.phrase === stored && s.allow?.[0] === stored, "the imported phrases").catch(async (e) => {
    throw new Error(`${e.message}; the page says ${JSON.stringify(await options.textContent("#import-errors"))}`);
  });
  // One character more once joined: refused by all three, with the same reason.
  const long = "a".repeat(150) + "   " + "b".repeat(50);
  await options.fill("#new-phrase", long);
  await options.click("#add-phrase-button");
  await options.waitForSelector("#new-phrase-error:not(:empty)");
  assert.match(await options.textContent("#new-phrase-error"), /dài quá 200 ký tự/);
  await options.fill("#allow", long);
  await options.locator("#allow").blur();
  await options.waitForSelector("#allow-error:not(:empty)");
  assert.match(await options.textContent("#allow-error"), /dài quá 200 ký tự/);
  const longFile = JSON.stringify({ allow: [long] });
  await options.setInputFiles("#import-file", { name: "long.json", mimeType: "application/json", buffer: Buffer.from(longFile) });
  await options.waitForFunction(() => document.querySelector("#import-errors")?.textContent.includes("long.json"));
  assert.match(await options.textContent("#import-errors"), /dài quá 200 ký tự/);
  await options.close();
});

test("import of a malformed file shows an error and changes nothing", async () => {
  const before = {
    language: "vi",
    minSeverity: "warning",
    customPhrases: [{ phrase: CODE_NAME, category: "internal_document", severity: "high" }],
    allow: ["Nguyễn Văn A"],
  };
  await setSettings(env, before);
  const stored = await getSettings(env);
  const options = await openOptions(env);
  const cases = [
    ["broken.json", "{ this is not json", /không phải JSON hợp lệ/],
    ["array.json", "[1, 2, 3]", /một nhóm cài đặt/],
    [
      "bad-values.json",
      JSON.stringify({
        format: "cannhac-settings",
        version: 1,
        settings: {
          categories: ["inflammatory", "gossip"],
          minSeverity: "extreme",
          customPhrases: [{ phrase: "  ", category: "internal_document", severity: "high" }],
          disabledSites: ["not a site!"],
          colour: "red",
        },
      }),
      /Các loại rủi ro được kiểm tra, mục 2: "gossip" không hợp lệ/,
    ],
    ["wrong-format.json", JSON.stringify({ format: "something-else", settings: {} }), /"something-else"/],
  ];
  for (const [name, content, expected] of cases) {
    await options.setInputFiles("#import-file", { name, mimeType: "application/json", buffer: Buffer.from(content) });
    await options.waitForFunction((n) => document.querySelector("#import-errors")?.textContent.includes(n), name);
    const box = await options.textContent("#import-errors");
    assert.match(box, /cài đặt không thay đổi/, box);
    assert.match(box, expected, box);
    assert.equal(await options.isVisible("#import-errors"), true);
    assert.deepEqual(await getSettings(env), stored, `${name} changed the stored settings`);
  }
  // Every problem of the bad file is listed, each with where it is (named as the page names it).
  await options.setInputFiles("#import-file", { name: "bad-values.json", mimeType: "application/json", buffer: Buffer.from(cases[2][1]) });
  // The file is read asynchronously: wait for its report to replace the previous file's.
  await options.waitForFunction(() => document.querySelector("#import-errors")?.textContent.includes("bad-values.json"));
  const items = await options.$$eval("#import-errors li", (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 5, JSON.stringify(items));
  assert.ok(items.some((x) => x.startsWith("Mức thấp nhất được gạch chân: ")), JSON.stringify(items));
  assert.ok(items.some((x) => x.startsWith("Cụm từ riêng của đơn vị, mục 1, cột “Cụm từ”: ")), JSON.stringify(items));
  assert.ok(items.some((x) => x.startsWith("Các trang Cân Nhắc im lặng, mục 1: ")), JSON.stringify(items));
  assert.ok(items.some((x) => x.startsWith("“colour” không phải một cài đặt")), JSON.stringify(items));
  // The form still shows the unchanged settings.
  assert.equal(await options.inputValue("#min-severity"), "warning");
  assert.equal(await options.locator(`#phrases tr[data-phrase="${CODE_NAME}"]`).count(), 1);
  await options.close();
});

test("import errors name the setting as the page labels it and the kind expected in words, in both languages", async () => {
  // A tester's report: the errors read "customPhrases[2].phrase: phải là string" and
  // "x.y: khóa lạ", code paths and JSON type names.
  await setSettings(env, { language: "vi" });
  const stored = await getSettings(env);
  const options = await openOptions(env);
  const file = JSON.stringify({
    format: "cannhac-settings",
    version: 1,
    settings: {
      theme: "dark",
      guard: "yes",
      onlySites: "facebook.com",
      customPhrases: [
        { phrase: "Hoa Sen", category: "internal_document", severity: "high" },
        { phrase: "K-7", category: "gossip", severity: "high" },
        { phrase: 5, category: "insinuation", severity: "info", colour: "red" },
      ],
      allow: ["Nguyễn Văn A", "   "],
    },
  });
  const errorsOf = async (name, content) => {
    await options.setInputFiles("#import-file", { name, mimeType: "application/json", buffer: Buffer.from(content) });
    await options.waitForFunction((n) => document.querySelector("#import-errors")?.textContent.includes(n), name);
    return options.$$eval("#import-errors li", (lis) => lis.map((li) => li.textContent));
  };
  const vi = await errorsOf("office-vi.json", file);
  assert.deepEqual(vi, [
    "“theme” không phải một cài đặt của Cân Nhắc (tên viết sai?).",
    'Hỏi lại trước khi đăng bài có điều cần sửa: phải là đúng/sai (true hoặc false), không phải chữ "yes".',
    'Chỉ hoạt động trên các trang: phải là một danh sách [ … ], không phải chữ "facebook.com".',
    'Cụm từ riêng của đơn vị, mục 2, cột “Loại”: "gossip" không hợp lệ; chọn một trong: "internal_document" (Tài liệu nội bộ), "personal_data" (Thông tin cá nhân), "unverified_claim" (Tin chưa kiểm chứng), "inflammatory" (Lời lẽ gay gắt), "insinuation" (Úp mở, ám chỉ), "suspicious_link" (Liên kết đáng ngờ).',
    "Cụm từ riêng của đơn vị, mục 3: có “colour”, nhưng mỗi cụm từ chỉ có phrase, category và severity.",
    "Cụm từ riêng của đơn vị, mục 3, cột “Cụm từ”: phải là chữ, không phải số 5.",
    'Các cụm từ được phép, mục 2: "   " không có chữ hay số nào.',
  ]);
  // A JSON syntax error says where it is rather than quoting the browser's English.
  const broken = await errorsOf("broken-vi.json", '{\n  "guard": true,\n  "language" "en"\n}');
  assert.equal(broken.length, 1);
  assert.match(broken[0], /^Tệp không phải JSON hợp lệ: có chỗ sai ở dòng 3, cột \d+\.$/, broken[0]);
  // Mistakes V8 reports without a place ("Unexpected token 'h', …") get one too, never the
  // browser's English.
  assert.deepEqual(await errorsOf("words.json", "hello world"), ["Tệp không phải JSON hợp lệ: có chỗ sai ở dòng 1, cột 1."]);
  assert.deepEqual(await errorsOf("empty-value.json", '{"guard":}'), ["Tệp không phải JSON hợp lệ: có chỗ sai ở dòng 1, cột 10."]);
  assert.deepEqual(await errorsOf("comment.json", '// ghi chú\n{"guard": true}'), ["Tệp không phải JSON hợp lệ: có chỗ sai ở dòng 1, cột 1."]);

  await options.selectOption("#language", "en");
  await options.waitForFunction(() => document.documentElement.lang === "en");
  const en = await errorsOf("office-en.json", file);
  assert.deepEqual(en, [
    "“theme” is not one of Cân Nhắc's settings (a misspelt name?).",
    'Ask again before posting something that needs fixing: must be true or false, not the text "yes".',
    'Work only on these sites: must be a list [ … ], not the text "facebook.com".',
    'Your organisation\'s own phrases, item 2, column “Kind”: "gossip" is not allowed; use one of: "internal_document" (Internal documents), "personal_data" (Personal data), "unverified_claim" (Unverified claims), "inflammatory" (Inflammatory language), "insinuation" (Veiled insinuation), "suspicious_link" (Suspicious links).',
    "Your organisation's own phrases, item 3: has “colour”, but a phrase only has phrase, category and severity.",
    "Your organisation's own phrases, item 3, column “Phrase”: must be text, not the number 5.",
    'Allowed phrases, item 2: "   " has no letters or digits.',
  ]);
  // No code path or JSON type name is left in any of them.
  for (const x of [...vi, ...en]) assert.doesNotMatch(x, /settings\.|\[\d+\]|\b(string|boolean|array|object)\b|khóa lạ|unknown key/, x);
  assert.deepEqual(await getSettings(env), normalizeSettings({ ...stored, language: "en" }), "nothing imported");
  await options.close();
});

test("export → import round-trips, and a valid import applies at once", async () => {
  const custom = {
    version: 1,
    categories: ["internal_document", "personal_data", "insinuation"],
    minSeverity: "warning",
    guard: false,
    siteMode: "only",
    disabledSites: [],
    guardDisabledSites: ["facebook.com"],
    onlySites: ["chinhphu.vn", "zalo.me"],
    customPhrases: [
      { phrase: CODE_NAME, category: "internal_document", severity: "high" },
      { phrase: "Dự án K-7", category: "insinuation", severity: "info" },
    ],
    allow: ["Nguyễn Văn A"],
    language: "en",
  };
  await setSettings(env, custom);
  const options = await openOptions(env);
  assert.equal(await options.getAttribute("html", "lang"), "en");
  assert.equal(await options.isChecked("#site-mode-only"), true);
  assert.equal(await options.inputValue("#only-sites"), "chinhphu.vn\nzalo.me");
  const [download] = await Promise.all([options.waitForEvent("download"), options.click("#export")]);
  assert.equal(download.suggestedFilename(), "cannhac-settings.json");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cannhac-export-")), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(exported.format, "cannhac-settings");
  assert.deepEqual(exported.settings, custom);

  // Back to the defaults, then import the exported file.
  await setSettings(env, { language: "en" });
  await options.waitForFunction(() => !document.querySelector("#site-mode-only").checked);
  await options.setInputFiles("#import-file", file);
  await waitStored((s) => s.customPhrases?.length === 2, "the imported settings");
  assert.deepEqual(await getSettings(env), custom);
  await options.waitForFunction(() => /imported from cannhac-settings\.json/i.test(document.querySelector("#saved").textContent));
  assert.equal(await options.isVisible("#import-errors"), false);
  // The form shows what was imported.
  assert.equal(await options.isChecked("#guard"), false);
  assert.equal(await options.isChecked("#cat-inflammatory"), false);
  assert.equal(await options.inputValue("#min-severity"), "warning");
  assert.equal(await options.locator("#phrases tr").count(), 2);

  // "Restore defaults" asks first; dismissing changes nothing, accepting restores (keeping the language).
  options.once("dialog", (d) => d.dismiss());
  await options.click("#reset-defaults");
  await options.waitForTimeout(200);
  assert.deepEqual(await getSettings(env), custom);
  options.once("dialog", (d) => d.accept());
  await options.click("#reset-defaults");
  await waitStored((s) => s.customPhrases.length === 0, "the defaults");
  assert.deepEqual(await getSettings(env), { ...normalizeSettings({}), language: "en" });
  assert.equal(await options.locator("#phrases tr").count(), 0);
  assert.equal(await options.isChecked("#guard"), true);
  await options.close();
});

/**
 * Imports `content` as the file `name` (a name no earlier import in the page used) and waits
 * for its outcome: the import's error list (`errors`, [] when it went in) and the message the
 * page announced (`saved`).
 */
async function importOutcome(options, name, content) {
  await options.setInputFiles("#import-file", { name, mimeType: "application/json", buffer: Buffer.from(content) });
  await options.waitForFunction(
    (n) => document.querySelector("#import-errors")?.textContent.includes(n) || document.querySelector("#saved")?.textContent.includes(n),
    name,
    { timeout: 5000 },
  );
  return options.evaluate(() => ({
    errors: [...document.querySelectorAll("#import-errors:not([hidden]) li")].map((li) => li.textContent),
    saved: document.querySelector("#saved").textContent,
  }));
}

test("the version of an exported file's wrapper is checked: a wrong type or a newer version is refused in the page's language", async () => {
  // A tester's finding: only the version inside "settings" was checked; the file's own
  // {"format", "version", "settings"} wrapper could say "version": "1" or 2 and be imported.
  await setSettings(env, { language: "vi", minSeverity: "warning" });
  const stored = await getSettings(env);
  const options = await openOptions(env);
  const file = (version) => JSON.stringify({ format: "cannhac-settings", version, settings: { version: 1, minSeverity: "high" } });
  const cases = {
    vi: [
      [file("1"), 'Phiên bản cài đặt: phải là số, không phải chữ "1".'],
      [file(null), "Phiên bản cài đặt: phải là số, không phải giá trị trống (null)."],
      [file(2), "Phiên bản cài đặt: tệp này từ một bản Cân Nhắc mới hơn (phiên bản 2); bản này chỉ đọc phiên bản 1. Hãy cập nhật Cân Nhắc."],
      [file(0), "Phiên bản cài đặt: 0 không được hỗ trợ; bản Cân Nhắc này chỉ đọc phiên bản 1."],
    ],
    en: [
      [file("1"), 'Settings version: must be a number, not the text "1".'],
      [file(null), "Settings version: must be a number, not an empty value (null)."],
      [file(2), "Settings version: this file comes from a newer Cân Nhắc (version 2); this one reads version 1 only. Update Cân Nhắc."],
      [file(0), "Settings version: 0 is not supported; this Cân Nhắc reads version 1 only."],
    ],
  };
  for (const lang of ["vi", "en"]) {
    if (lang === "en") {
      await options.selectOption("#language", "en");
      await options.waitForFunction(() => document.documentElement.lang === "en");
    }
    const now = await getSettings(env);
    for (const [i, [content, want]] of cases[lang].entries()) {
      const out = await importOutcome(options, `version-${lang}-${i}.json`, content);
      assert.deepEqual(out.errors, [want], content);
      assert.deepEqual(await getSettings(env), now, `${content} changed the stored settings`);
    }
  }
  // The inner version is held to the same rules; a wrapper with version 1 imports.
  const inner = JSON.stringify({ format: "cannhac-settings", version: 1, settings: { version: "2" } });
  assert.deepEqual((await importOutcome(options, "inner.json", inner)).errors, ['Settings version: must be a number, not the text "2".']);
  const good = await importOutcome(options, "good.json", file(1));
  assert.deepEqual(good.errors, []);
  assert.deepEqual(await getSettings(env), normalizeSettings({ ...stored, language: "en", minSeverity: "high" }));
  await options.close();
});

test("a partial settings file changes only the settings it holds; an exported file replaces them all", async () => {
  // A tester's finding: importing {"guard": true} reset every other setting (the custom
  // phrases, the sites, the allow-list) to its default.
  const before = {
    language: "vi",
    minSeverity: "warning",
    guard: false,
    customPhrases: [{ phrase: CODE_NAME, category: "internal_document", severity: "high" }],
    allow: ["Nguyễn Văn A"],
    disabledSites: ["example.com"],
  };
  await setSettings(env, before);
  const options = await openOptions(env);
  let out = await importOutcome(options, "guard-only.json", '{"guard":true}');
  assert.deepEqual(out.errors, []);
  assert.deepEqual(await getSettings(env), normalizeSettings({ ...before, guard: true }));
  assert.equal(out.saved, "Đã nhập từ guard-only.json: Hỏi lại trước khi đăng bài có điều cần sửa. Các cài đặt khác giữ nguyên.");
  assert.equal(await options.isChecked("#guard"), true);
  assert.equal(await options.locator(`#phrases tr[data-phrase="${CODE_NAME}"]`).count(), 1);
  assert.equal(await options.inputValue("#min-severity"), "warning");

  // In an export's wrapper too; a list in the file replaces that list.
  out = await importOutcome(
    options,
    "two.json",
    JSON.stringify({ format: "cannhac-settings", version: 1, settings: { version: 1, minSeverity: "high", allow: ["Trần Thị B"] } }),
  );
  assert.deepEqual(out.errors, []);
  assert.deepEqual(await getSettings(env), normalizeSettings({ ...before, guard: true, minSeverity: "high", allow: ["Trần Thị B"] }));
  assert.equal(out.saved, "Đã nhập từ two.json: Mức thấp nhất được gạch chân; Các cụm từ được phép. Các cài đặt khác giữ nguyên.");

  // A file with no setting in it changes nothing, and says so.
  const now = await getSettings(env);
  for (const [name, content] of [["empty.json", "{}"], ["only-version.json", '{"version": 1}']]) {
    out = await importOutcome(options, name, content);
    assert.deepEqual(out.errors, []);
    assert.equal(out.saved, `${name} không có cài đặt nào để nhập; cài đặt không thay đổi.`);
    assert.deepEqual(await getSettings(env), now);
  }

  // An exported file holds every setting: it replaces them all.
  const other = normalizeSettings({ language: "vi", categories: ["inflammatory"], onlySites: ["chinhphu.vn"], siteMode: "only" });
  out = await importOutcome(options, "full.json", JSON.stringify(exportSettings(other)));
  assert.deepEqual(out.errors, []);
  assert.deepEqual(await getSettings(env), other);
  assert.equal(out.saved, "Đã nhập cài đặt từ full.json.");
  assert.equal(await options.locator("#phrases tr").count(), 0);
  await options.close();
});

test("a settings file holding __proto__, constructor or toString keys is refused cleanly: nothing logged, no prototype touched", async () => {
  // A tester's finding: the options page looked such a key up among its labels, found
  // Object.prototype's members, and threw ("key.toLowerCase is not a function"): no message,
  // an error in the console.
  await setSettings(env, { language: "vi", minSeverity: "warning" });
  const stored = await getSettings(env);
  const options = await openOptions(env);
  const logs = [];
  options.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  options.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
  const unknown = (k) => `“${k}” không phải một cài đặt của Cân Nhắc (tên viết sai?).`;
  const cases = [
    ['{"__proto__": {"polluted": "yes"}, "guard": false}', [unknown("__proto__")]],
    ['{"format": "cannhac-settings", "version": 1, "__proto__": {"polluted": "yes"}, "settings": {"guard": false}}', [unknown("__proto__")]],
    ['{"format": "cannhac-settings", "version": 1, "settings": {"__proto__": {"polluted": "yes"}, "guard": false}}', [unknown("__proto__")]],
    [
      '{"customPhrases": [{"phrase": "abc", "category": "inflammatory", "severity": "high", "__proto__": {"polluted": "yes"}}]}',
      ["Cụm từ riêng của đơn vị, mục 1: có “__proto__”, nhưng mỗi cụm từ chỉ có phrase, category và severity."],
    ],
    ['{"constructor": {"prototype": {"polluted": "yes"}}}', [unknown("constructor")]],
    ['{"toString": 1, "hasOwnProperty": "x"}', [unknown("toString"), unknown("hasOwnProperty")]],
    ['{"__proto__": []}', [unknown("__proto__")]],
  ];
  for (const [i, [content, want]] of cases.entries()) {
    const out = await importOutcome(options, `proto-${i}.json`, content);
    assert.deepEqual(out.errors, want, content);
    assert.deepEqual(await getSettings(env), stored, `${content} changed the stored settings`);
    assert.equal(await options.evaluate(() => ({}).polluted), undefined, content);
  }
  assert.deepEqual(logs, []);
  await options.close();
});

test("interface language, screenshots, accessibility scan", async () => {
  await setSettings(env, {
    language: "vi",
    customPhrases: [
      { phrase: CODE_NAME, category: "internal_document", severity: "high" },
      { phrase: RUDE, category: "inflammatory", severity: "warning" },
    ],
    allow: ["Nguyễn Văn A"],
    disabledSites: ["example.org"],
  });
  const options = await openOptions(env);
  assert.equal(await options.getAttribute("html", "lang"), "vi");
  assert.equal(await options.textContent("h1"), "Cài đặt Cân Nhắc");
  await screenshot(options, "options-vi");
  let violations = await axeSerious(options);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // Switching the language in the page re-labels it at once and is stored.
  await options.selectOption("#language", "en");
  await options.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await options.textContent("h1"), "Cân Nhắc settings");
  assert.equal(await options.textContent('label[for="cat-inflammatory"] span'), "Inflammatory language");
  assert.equal((await getSettings(env)).language, "en");
  // An error shown in English too.
  await options.setInputFiles("#import-file", { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await options.waitForSelector("#import-errors li");
  assert.match(await options.textContent("#import-errors"), /Could not import x\.json; nothing was changed/);
  await screenshot(options, "options-en");
  violations = await axeSerious(options);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // 200 % zoom on a 1280 px window: a 640 CSS px layout with nothing overflowing sideways.
  await options.setViewportSize({ width: 640, height: 900 });
  const overflow = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 200 % zoom`);
  await screenshot(options, "options-en-zoom200");
  violations = await axeSerious(options);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await options.close();
});

test("a settings file that is not UTF-8 (Latin-1, Windows-1258) is refused in the page's language; UTF-8 and UTF-16 with a byte order mark import", async () => {
  // A breaker's finding: a file saved in Latin-1 or Windows-1258 was decoded as UTF-8 with
  // replacement characters and imported as garbled phrases ("S� T�").
  await setSettings(env, { language: "vi", allow: ["Sở Tư pháp"] });
  const stored = await getSettings(env);
  const options = await openOptions(env);
  const latin1 = Buffer.concat([Buffer.from('{"allow":["S'), Buffer.from([0xf5, 0x20, 0x54, 0xe9]), Buffer.from('"]}')]);
  const cp1258 = Buffer.concat([
    Buffer.from('{"customPhrases":[{"phrase":"d'),
    Buffer.from([0xf2, 0x20, 0xe1, 0x6e]),
    Buffer.from(' Hoa Sen","category":"internal_document","severity":"high"}]}'),
  ]);
  const want = {
    vi: "Tệp không phải văn bản UTF-8 (có thể được lưu bằng một bảng mã khác, như Latin-1 hay Windows-1258): hãy lưu lại tệp ở dạng UTF-8.",
    en: "The file is not UTF-8 text (it may have been saved in another encoding, such as Latin-1 or Windows-1258): save it again as UTF-8.",
  };
  for (const lang of ["vi", "en"]) {
    if (lang === "en") {
      await options.selectOption("#language", "en");
      await options.waitForFunction(() => document.documentElement.lang === "en");
    }
    const now = await getSettings(env);
    for (const [name, content] of [["latin1", latin1], ["cp1258", cp1258]]) {
      const out = await importOutcome(options, `${name}-${lang}.json`, content);
      assert.deepEqual(out.errors, [want[lang]], `${name} (${lang})`);
      assert.deepEqual(await getSettings(env), now, `${name} (${lang}) changed the stored settings`);
    }
  }
  assert.deepEqual((await getSettings(env)).allow, stored.allow);
  // Byte order marks: UTF-8, UTF-16 big- and little-endian.
  const json = (v) => `{"allow":["Sở Tư pháp","${v}"]}`;
  const files = [
    ["utf8-bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json("Bộ Y tế"))]), "Bộ Y tế"],
    ["utf16be-bom.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json("Sở Y tế"), "utf16le").swap16()]), "Sở Y tế"],
    ["utf16le-bom.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json("Phòng Nội vụ"), "utf16le")]), "Phòng Nội vụ"],
  ];
  for (const [name, content, phrase] of files) {
    const out = await importOutcome(options, name, content);
    assert.deepEqual(out.errors, [], name);
    assert.deepEqual((await getSettings(env)).allow, ["Sở Tư pháp", phrase], name);
  }
  await options.close();
});
