// Suggestions and undo, no trace of the extension in what is posted, no network request of its
// own, the service worker restarting, bad input (1 MB paste, composer removed mid-request,
// extension reloaded under an open page), settings applied live, the popup's state message.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openFixture, setSettings, TEST_SETTINGS, underlines, wordRects, sameRect, until, stopWorker, EDITOR, serviceWorker, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen";
const env = suite();

/**
 * Pastes `text` into the fixture's #editor (its value set, caret at the end, then the input
 * event a paste fires) and returns the longest the page's task queue stalled during the next
 * `ms` milliseconds (gaps between setTimeout(0) ticks).
 */
function pasteStall(page, text, ms) {
  return page.evaluate(
    async ([text, ms]) => {
      const el = document.getElementById("editor");
      el.focus();
      let worst = 0;
      let last = performance.now();
      const stop = performance.now() + ms;
      const probe = new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
          if (now < stop) setTimeout(tick, 0);
          else resolve();
        };
        setTimeout(tick, 0);
      });
      el.value = text;
      el.setSelectionRange?.(text.length, text.length);
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      last = performance.now();
      await probe;
      return worst;
    },
    [text, ms],
  );
}

/** The content script's state for the active tab, asked as the popup does. */
async function state(page) {
  await page.bringToFront();
  const sw = await serviceWorker(env.b.context);
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: "cannhac:getState" });
  });
}

const total = async (page, cat) => {
  const u = await underlines(page, cat);
  return u.highlights.length + u.marks.length;
};

/**
 * The worker's test hooks (self.cannhac.testHooks, background.js: `loseSettings`, `loseAnswers`
 * and `failAnswers` count the requests it closes the port on, as a worker stopped while it
 * works does, or answers with an error). `hooks(h)` sets those in `h` and returns them all; the
 * hooks named in `reset` are set back to 0 when test `t` ends, whatever happens in it.
 */
async function workerHooks(t, reset) {
  const sw = await serviceWorker(env.b.context);
  const hooks = (h) => sw.evaluate((h) => Object.assign(self.cannhac.testHooks, h || {}), h);
  t.after(() => hooks(Object.fromEntries(reset.map((k) => [k, 0]))).catch(() => {}));
  return { sw, hooks };
}

/** A textarea fixture with `Tin ${PHRASE}` typed in it and underlined. */
async function underlinedTextarea() {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click(EDITOR.textarea);
  await page.keyboard.insertText(`Tin ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "the first underline");
  return page;
}

test("getState answers the popup with {hasComposer, findings, textLength, lastUsedAt}", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  const empty = await state(page);
  assert.deepEqual(empty, { hasComposer: false, findings: [], textLength: 0, lastUsedAt: null });
  await page.click("#editor");
  await page.keyboard.type(`Tin ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "the underline");
  const s = await state(page);
  assert.equal(s.hasComposer, true);
  assert.equal(s.textLength, `Tin ${PHRASE}`.length);
  assert.ok(Math.abs(s.lastUsedAt - Date.now()) < 60_000);
  const f = s.findings.find((x) => x.category === "internal_document");
  assert.deepEqual(
    { start: f.start, end: f.end, severity: f.severity },
    { start: 4, end: 4 + PHRASE.length, severity: "high" },
  );
  for (const k of ["rule_id", "message", "duties", "suggestion"]) assert.ok(k in f, `finding has ${k}`);
  await page.close();
});

for (const kind of ["textarea", "lexical", "prosemirror"]) {
  test(`${kind}: applying a suggestion replaces only its span (a removal takes one space with it), and Ctrl+Z restores the original`, T, async () => {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click(EDITOR[kind]);
    const text = "Bài này hay, thằng ngu kia nói sai rồi";
    await page.keyboard.type(text, { delay: 2 });
    await until(async () => (await total(page, "inflammatory")) > 0, "an inflammatory underline (built-in rules)");
    const f = (await state(page)).findings.find((x) => x.suggestion !== null && x.suggestion !== undefined);
    assert.ok(f, "a finding with a suggestion");
    // Hover the underlined words: the tooltip opens.
    const u = await underlines(page, f.category);
    const r = u.marks[0] || u.highlights.find((h) => h.text === text.slice(f.start, f.end))?.rects[0];
    await page.mouse.move(r.left + r.width / 2, r.top + r.height / 2);
    const tip = page.locator("cannhac-tooltip >> [role=tooltip]");
    await tip.waitFor({ state: "visible" });
    await tip.getByRole("button").first().click();
    // "hay, thằng ngu kia" → "hay, kia": not two spaces side by side.
    const end = f.suggestion === "" && text[f.end] === " " && text[f.start - 1] === " " ? f.end + 1 : f.end;
    const expected = text.slice(0, f.start) + f.suggestion + text.slice(end);
    if (f.suggestion === "") assert.ok(!expected.includes("  "), `one space left in ${JSON.stringify(expected)}`);
    await until(async () => (await page.evaluate(() => window.getText())) === expected, `the replaced text ${JSON.stringify(expected)}`);
    await page.keyboard.press("Control+Z");
    await until(async () => (await page.evaluate(() => window.getText())) === text, "undo to restore the original");
    await page.close();
  });
}

test("a dismissed finding stays hidden for this post", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type(`Xem ${PHRASE} nhé`);
  await until(async () => (await underlines(page, "internal_document")).marks[0], "a mark");
  await page.waitForTimeout(200); // the answers to the last keystrokes
  const m = (await underlines(page, "internal_document")).marks[0];
  await page.mouse.move(m.left + m.width / 2, m.top + m.height / 2);
  const tip = page.locator("cannhac-tooltip >> [role=tooltip]");
  await tip.waitFor({ state: "visible" });
  await tip.getByRole("button", { name: "Bỏ qua trong bài này" }).click();
  await until(async () => (await total(page, "internal_document")) === 0, "the dismissed underline to go");
  await page.click("#editor");
  await page.keyboard.type(" thêm chữ");
  await page.waitForTimeout(300);
  assert.equal(await total(page, "internal_document"), 0, "still dismissed after more typing");
  await page.close();
});

test("what is posted and the editor's HTML contain nothing of the extension", T, async () => {
  for (const kind of ["textarea", "lexical", "draft", "quill"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    const text = `Gửi cả nhà ${PHRASE} và đồ tồi`;
    await page.click(EDITOR[kind]);
    await page.keyboard.type(text, { delay: 2 });
    await until(async () => (await total(page, "internal_document")) === 1, "underlines");
    const html = await page.evaluate((sel) => document.querySelector(sel).outerHTML, EDITOR[kind]);
    assert.doesNotMatch(html, /cannhac|data-cannhac|<mark|\u200b/i, `${kind}: editor HTML untouched`);
    await page.click("#post-btn");
    await page.getByRole("button", { name: "Vẫn đăng" }).click();
    await until(async () => (await page.evaluate(() => window.posted.length)) === 1, "the post");
    assert.deepEqual(await page.evaluate(() => window.posted), [text], `${kind}: the exact text`);
    await page.close();
  }
});

test("a plain form post (real navigation) submits the exact textarea value", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "plainform");
  await page.click("#editor");
  const text = `Tin ${PHRASE}`;
  await page.keyboard.type(text);
  await until(async () => (await total(page, "internal_document")) === 1, "underline");
  const before = env.srv.posts.length;
  await page.click("#post-btn");
  await page.getByRole("button", { name: "Vẫn đăng" }).click({ noWaitAfter: true });
  await until(() => env.srv.posts.length === before + 1, "the browser's own form submission", 15000);
  assert.equal(new URLSearchParams(env.srv.posts.at(-1)).get("body"), text);
  // Not awaited: closing a page right after a POST navigation can take Chromium over a minute
  // here (seen: the test body done, page.close() pending); the context closes it at the end.
  page.close().catch(() => {});
});

test("the service worker stopped mid-session restarts and keeps answering", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type(`Một ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "underline before the stop");
  // An extension page asks the worker which instance it is (Playwright keeps no handle on a
  // restarted worker).
  const ext = await env.b.context.newPage();
  await ext.goto(`chrome-extension://${env.b.extensionId}/manifest.json`);
  const ping = () => ext.evaluate(() => chrome.runtime.sendMessage({ type: "ping" }));
  const before = await ping();
  assert.equal(before.ok, true);
  const { cdp } = await stopWorker(env.b.context);
  // Next keystrokes: the content script asks again; the worker starts cold and answers.
  await page.keyboard.press("End");
  await page.keyboard.type(` và ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 2, "underlines from the restarted worker");
  const after = await ping();
  assert.ok(after.bootedAt > before.bootedAt, "a new worker instance answered");
  await ext.close();
  await cdp.detach();
  await page.close();
});

test("a settings request lost at page load (the worker stopped while it answered) is asked again: the page gets its underlines", T, async (t) => {
  // A breaker's finding: the content script asked for its settings once, got no answer, and
  // left the page without underlines and without the guard until it was reloaded.
  const { hooks } = await workerHooks(t, ["loseSettings"]);
  await hooks({ loseSettings: 3 });
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click(EDITOR.textarea);
  await page.keyboard.insertText(`Tin ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "the underline once the settings came", 15000);
  assert.equal((await hooks()).loseSettings, 0, "every lost settings request was asked again");
  await page.close();
});

test("while answers are lost after an edit, a textarea's old underlines are hidden and the retries keep their pace", T, async (t) => {
  // Breakers' findings: the old marks stayed on the wrong words as long as answers were lost,
  // and the field's value check (twice a second) asked again past the retry's backoff.
  const { hooks } = await workerHooks(t, ["loseAnswers"]);
  const page = await underlinedTextarea();
  await hooks({ loseAnswers: 1000 });
  await page.keyboard.press("Home");
  await page.keyboard.insertText("Một dòng rất dài viết thêm ở đầu bài ");
  await until(async () => (await total(page, "internal_document")) === 0, "the old underline hidden");
  await page.waitForTimeout(8000);
  const lost = 1000 - (await hooks()).loseAnswers;
  assert.ok(lost <= 9, `${lost} requests in about 8 s with every answer lost (backoff up to 2 s)`);
  await hooks({ loseAnswers: 0 });
  await until(async () => (await total(page, "internal_document")) === 1, "the underline once answers come again", 15000);
  await page.close();
});

test("an edit whose answer is lost, then undone: the text is analysed again and its underline comes back", T, async (t) => {
  // A breaker's finding: the old underlines were hidden, but the text they belonged to still
  // counted as analysed, so going back to it showed no finding and the guard let it through.
  const { hooks } = await workerHooks(t, ["loseAnswers"]);
  const page = await underlinedTextarea();
  await hooks({ loseAnswers: 1 });
  await page.keyboard.insertText("x");
  await until(async () => (await hooks()).loseAnswers === 0 && (await total(page, "internal_document")) === 0, "the lost answer and the hidden underline");
  await page.keyboard.press("Backspace");
  await until(async () => (await total(page, "internal_document")) === 1, "the underline of the text gone back to", 10000);
  await page.close();
});

test("answers lost again and again (a worker-stop storm): the underlines come without another keystroke, and an engine error is not asked forever", T, async (t) => {
  // The old content script tried three times more, then left a Lexical or Draft.js composer
  // bare.
  const { sw, hooks } = await workerHooks(t, ["loseAnswers", "failAnswers"]);
  const analyses = () => sw.evaluate(() => self.cannhac.handle({ type: "ping" }).then((r) => r.analyses));
  const page = await openFixture(env.b.context, env.srv.origin, "lexical");
  await page.click(EDITOR.lexical);
  await page.waitForTimeout(300);
  // The old content script asked four times in all; this is six lost answers in a row.
  const LOST = 6;
  await hooks({ loseAnswers: LOST });
  await page.keyboard.insertText(`Tin ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "the underline once the worker answers", 15000);
  assert.equal((await hooks()).loseAnswers, 0, "every lost answer was asked again");
  // Analysed: no more requests.
  const n = await analyses();
  await page.waitForTimeout(2500);
  assert.equal(await analyses(), n, "nothing asked again once the text was analysed");

  // An engine error is asked again a few times at most, not in a loop.
  await hooks({ failAnswers: 1000 });
  await page.keyboard.press("End");
  await page.keyboard.insertText(` và đồ tồi`);
  await page.waitForTimeout(3000);
  const failed = 1000 - (await hooks()).failAnswers;
  assert.ok(failed >= 2 && failed <= 6, `${failed} failed analyses`);
  await page.waitForTimeout(2500);
  assert.equal(1000 - (await hooks()).failAnswers, failed, "no more tries after the error answers");
  await hooks({ failAnswers: 0 });
  // The next change is analysed.
  await page.keyboard.insertText(" nhé");
  await until(async () => (await total(page, "inflammatory")) === 1, "the next change analysed");
  assert.equal(await total(page, "internal_document"), 1);
  await page.close();
});

test("focusing an empty composer starts a stopped worker, which builds its engine and compiles the analysis (a warm-up) before the first keystroke", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.waitForTimeout(300); // the content script has read its settings (that woke the worker)
  const ext = await env.b.context.newPage();
  await ext.goto(`chrome-extension://${env.b.extensionId}/manifest.json`);
  const ping = () => ext.evaluate(() => chrome.runtime.sendMessage({ type: "ping" }));
  const first = await ping();
  const { cdp, worker } = await stopWorker(env.b.context);
  // Focus alone (nothing is sent by us, and the empty composer asks for no analysis).
  await page.click(EDITOR.textarea);
  await until(worker, "a worker started by the focus");
  const now = await until(async () => {
    const r = await ping();
    return typeof r?.engineNewMs === "number" && typeof r?.warmUpMs === "number" && r;
  }, "the engine built and warmed up by the started worker");
  assert.ok(now.bootedAt > first.bootedAt, "a new worker instance");
  assert.equal(now.analyses, 0, "no request was analysed: the engine was built on the worker's start");
  await ext.close();
  await cdp.detach();
  await page.close();
});

test("a worker woken by an analysis answers it before it runs the warm-up analysis", T, async () => {
  const ext = await env.b.context.newPage();
  await ext.goto(`chrome-extension://${env.b.extensionId}/manifest.json`);
  const ping = () => ext.evaluate(() => chrome.runtime.sendMessage({ type: "ping" }));
  // The order holds when the request reaches the worker before its engine is built (what
  // waking by a message does); a few tries in case one is dispatched late.
  let r = null;
  for (let i = 0; i < 4 && !(r && r.requestedAtMs < r.builtAtMs); i++) {
    const { cdp } = await stopWorker(env.b.context);
    const answer = await ext.evaluate(() => chrome.runtime.sendMessage({ type: "analyze", text: "Nghe nói ông ấy sắp bị bắt" }));
    assert.ok(answer && !answer.error && answer.spans?.length > 0, "the analysis is answered");
    r = await until(async () => {
      const p = await ping();
      return typeof p?.warmUpAtMs === "number" && p;
    }, "the warm-up ran");
    await cdp.detach();
  }
  assert.ok(r.requestedAtMs < r.builtAtMs, `the request came at ${r.requestedAtMs} ms, before the engine was built (${r.builtAtMs} ms)`);
  assert.ok(r.warmUpAtMs >= r.firstAnswerMs, `warm-up at ${r.warmUpAtMs} ms, first answer at ${r.firstAnswerMs} ms`);
  assert.equal(r.analyses, 1, "the warm-up is not counted as an analysis");
  await ext.close();
});

test("over the worker's limit of findings: a notice says how many are not underlined, and goes with them", T, async () => {
  // A breaker's finding: the worker keeps its first 1,000 findings and the rest of the post was
  // left without underlines, silently. In a rich editor (underlined through CSS highlights) the
  // notice was removed with the overlay right after it was put up (another breaker).
  for (const kind of ["textarea", "ce"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click("#editor");
    await page.evaluate((t) => document.execCommand("insertText", false, t), `Xem ${PHRASE}. `.repeat(1100));
    const notice = page.locator("cannhac-overlay >> [role=status]");
    await notice.waitFor();
    assert.match(await notice.innerText(), /1\.000|1,000/, kind);
    assert.match(await notice.innerText(), /\b100\b/, kind);
    // It stays when the composer loses and regains focus.
    await page.evaluate(() => document.activeElement.blur());
    await page.click("#editor");
    await page.waitForTimeout(300);
    assert.equal(await notice.count(), 1, `${kind}: the notice stays on refocus`);
    await page.evaluate(() => {
      const el = document.getElementById("editor");
      if (el.select) el.select();
      else document.getSelection().selectAllChildren(el);
      document.execCommand("insertText", false, "Ngắn thôi: dự án Hoa Sen");
    });
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: the short post's underline`);
    await until(async () => (await notice.count()) === 0, `${kind}: the notice to go`);
    await page.close();
  }
});

test("a 1 MB paste: a notice instead of analysis, and the page stays responsive", T, async () => {
  // Chromium's own layout of 1 MB in a textarea stalls the page for ~100–250 ms with or without
  // any extension (measured here), so the extension's share is measured against the same paste
  // on the same page with the extension switched off for the site.
  const big = (`Đoạn văn dài ${PHRASE} `.repeat(60) + "\n").repeat(1000).slice(0, 1_000_000);
  const paste = (page) => pasteStall(page, big, 700);
  // Alternate pages without and with the extension, three of each; compare the medians.
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const base = [];
  const withExt = [];
  let page = null;
  for (let i = 0; i < 3; i++) {
    await setSettings(env.b.context, { ...TEST_SETTINGS, disabledSites: ["127.0.0.1"] });
    const p0 = await openFixture(env.b.context, env.srv.origin, "textarea");
    await p0.waitForTimeout(150);
    base.push(await paste(p0));
    await p0.close();
    await setSettings(env.b.context, TEST_SETTINGS);
    if (page) await page.close();
    page = await openFixture(env.b.context, env.srv.origin, "textarea");
    await page.click("#editor");
    await page.waitForTimeout(150);
    withExt.push(await paste(page));
  }
  assert.ok(
    // Chromium's own layout of 1 MB varies by ±50 % on this shared two-core machine, and a busy
    // machine has doubled single stalls (a clean-clone run: 272/492/487 ms against 279/254/251
    // ms, quiet runs within 30 ms of each other); analysing the megabyte instead of the notice
    // would add over a second (the engine runs ≈ 1 MB/s), which this bound still catches.
    median(withExt) < median(base) * 1.5 + 400,
    `stall ${median(withExt).toFixed(0)} ms with the extension vs ${median(base).toFixed(0)} ms without (${withExt.map(Math.round)} / ${base.map(Math.round)})`,
  );
  const notice = page.locator("cannhac-overlay >> [role=status]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /quá dài|too long/);
  // The notice is text only: a click on it reaches the page (it may sit over the Post button).
  const box = await notice.boundingBox();
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [box.x + box.width / 2, box.y + box.height / 2]);
  assert.notEqual(hit, "CANNHAC-OVERLAY", "clicks pass through the notice");
  assert.equal(await total(page, "internal_document"), 0, "no analysis of the over-long text");
  // Nothing says an unchecked post is clean: sharing it asks once, and "Sửa lại" keeps it.
  await page.click("#post-btn");
  const guard = page.getByRole("dialog");
  await guard.waitFor();
  assert.match(await guard.innerText(), /chưa được kiểm tra|not checked/);
  assert.deepEqual(await page.evaluate(() => window.posted.slice()), [], "nothing posted while the guard asks");
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await until(async () => (await guard.count()) === 0, "the guard to close");
  // Once the notice is up, the page answers within 100 ms.
  const latency = await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }));
  assert.ok(latency < 100, `page task latency ${latency.toFixed(0)} ms`);
  // Back under the limit: analysis resumes and the notice goes.
  await page.evaluate(() => {
    const el = document.getElementById("editor");
    el.select();
    document.execCommand("insertText", false, "Ngắn thôi: dự án Hoa Sen");
  });
  await until(async () => (await total(page, "internal_document")) === 1, "analysis to resume");
  assert.equal(await notice.count(), 0);
  await page.close();
});

test("a composer detached for a moment and put back: its findings come back on focus, and the guard asks before a high finding is posted", T, async () => {
  for (const kind of ["textarea", "lexical"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
    await page.click(EDITOR[kind]);
    await page.keyboard.type(text, { delay: 3 });
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: the underline`);
    // A tab view kept alive while hidden, or a modal re-parented a frame later.
    await page.evaluate(async () => {
      const slot = document.getElementById("slot");
      const child = slot.firstElementChild;
      child.remove();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))));
      slot.appendChild(child);
    });
    await page.click("#post-btn");
    await page.getByRole("dialog").waitFor({ timeout: 5000 });
    assert.deepEqual(await page.evaluate(() => window.posted), [], `${kind}: nothing posted before the answer`);
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await page.click(EDITOR[kind]);
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: the underline back on focus`);
    assert.equal(await page.evaluate(() => window.getText()), text);
    await page.close();
  }
});

/** The phrase's underline where it must be: its range's rects (rich) or the same mark as before (fields). */
async function assertBackOnPhrase(page, kind, before) {
  const u = await until(async () => {
    const x = await underlines(page, "internal_document");
    return x.highlights.length + x.marks.length === 1 && !x.highlights.some((h) => h.collapsed) && x;
  }, `${kind}: the underline back on its phrase without focus or a keystroke`);
  if (kind === "textarea") {
    assert.ok(sameRect(u.marks[0], before.marks[0]), `${kind}: the mark is where it was (${JSON.stringify(u.marks[0])} vs ${JSON.stringify(before.marks[0])})`);
    return;
  }
  assert.equal(u.highlights[0].text, PHRASE);
  const want = await wordRects(page, EDITOR[kind], PHRASE);
  assert.equal(u.highlights[0].rects.length, want.length);
  u.highlights[0].rects.forEach((r, i) => assert.ok(sameRect(r, want[i]), `${kind}: rect ${JSON.stringify(r)} ≠ ${JSON.stringify(want[i])}`));
}

test("a composer removed and put back (a re-mount): its underlines come back by themselves, after one analysis at most", T, async () => {
  for (const kind of ["textarea", "lexical", "prosemirror"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
    await page.click(EDITOR[kind]);
    await page.keyboard.type(text, { delay: 3 });
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: the underline`);
    await page.waitForTimeout(300);
    const before = await underlines(page, "internal_document");
    // Count the analyses drawn from now on (the benchmark's hook: one event per drawn answer).
    await page.evaluate(() => {
      window.rendered = 0;
      document.addEventListener("cannhac-rendered", () => window.rendered++);
      document.documentElement.setAttribute("data-cannhac-bench", "");
    });
    // Focus elsewhere first: nothing but the re-mount may bring the underline back.
    await page.click("#title");
    // 1. Out of the page for a while (the extension notices and forgets it), then back.
    await page.evaluate(async () => {
      const slot = document.getElementById("slot");
      window.detached = slot.firstElementChild;
      window.detached.remove();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))));
    });
    assert.equal(await total(page, "internal_document"), 0, `${kind}: no underline while out of the page`);
    await page.evaluate(() => document.getElementById("slot").appendChild(window.detached));
    await assertBackOnPhrase(page, kind, before);
    // 2. Removed and put back in the same task (a framework re-mounting it synchronously).
    await page.evaluate(() => {
      const slot = document.getElementById("slot");
      const child = slot.firstElementChild;
      child.remove();
      slot.appendChild(child);
    });
    await page.waitForTimeout(300);
    await assertBackOnPhrase(page, kind, before);
    // No loop: at most one analysis per time out of the page, then nothing while nothing changes.
    const n = await page.evaluate(() => window.rendered);
    assert.ok(n <= 2, `${kind}: ${n} analyses drawn after two re-mounts`);
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => window.rendered), n, `${kind}: no analysis while nothing changes`);
    assert.equal(await page.evaluate(() => window.getText()), text);
    assert.equal(await page.evaluate(() => document.activeElement.id), "", `${kind}: focus was left alone`);
    await page.close();
  }
});

test("a rich composer removed and put back in one task: its underlines are back by the next frame, not at the next 100 ms poll (no flicker)", T, async () => {
  for (const kind of ["ce", "lexical"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click(EDITOR[kind]);
    await page.keyboard.type(`Chia sẻ ${PHRASE} cho cả nhóm`, { delay: 3 });
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: the underline`);
    await page.waitForTimeout(300);
    // Five re-mounts at different moments of the content script's 100 ms poll. After each, the
    // ranges of the phrase are counted in the first animation frame whose callback is asked for
    // after the re-mount's mutation records are delivered (the extension's observers run first:
    // their microtask was queued by the removal). A poll lands between the re-mount and that
    // frame now and then, but not before each of five.
    const seen = await page.evaluate(async (sel) => {
      const out = [];
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 37 + 23 * i));
        out.push(
          await new Promise((resolve) => {
            const slot = document.getElementById("slot");
            const child = slot.firstElementChild;
            child.remove();
            slot.appendChild(child);
            const el = document.querySelector(sel);
            queueMicrotask(() =>
              requestAnimationFrame(() => {
                const h = CSS.highlights.get("cannhac-internal_document");
                resolve([...(h || [])].filter((r) => !r.collapsed && el.contains(r.startContainer)).length);
              }),
            );
          }),
        );
      }
      return out;
    }, EDITOR[kind]);
    assert.deepEqual(seen, [1, 1, 1, 1, 1], `${kind}: the phrase's underline in the first frame after each re-mount`);
    assert.equal((await underlines(page, "internal_document")).highlights.filter((h) => !h.collapsed).length, 1, `${kind}: one underline at the end`);
    await page.close();
  }
});

/** Chromium's own trace of `page`'s renderer over `ms` milliseconds (the `devtools.timeline`
 * events: every animation-frame callback and timer it ran, the extension's isolated world's
 * included). */
async function traceTimeline(page, ms) {
  const cdp = await env.b.context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
  await page.waitForTimeout(ms);
  await cdp.send("Tracing.end");
  await done;
  await cdp.detach();
  return events;
}

test("DOM churn around a rich composer with underlines (children of its ancestors added and removed): no animation frame is asked for", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "ce");
  await page.click(EDITOR.ce);
  await page.keyboard.type(`Chia sẻ ${PHRASE} cho cả nhóm`, { delay: 3 });
  await until(async () => (await total(page, "internal_document")) === 1, "the underline");
  await page.waitForTimeout(300);
  // A toast appended to the body and one beside the editor, then removed, every 5 ms (timers,
  // no frame callback of the page's own).
  await page.evaluate(() => {
    const slot = document.getElementById("slot");
    window.churn = setInterval(() => {
      for (const parent of [document.body, slot, document.getElementById("form")]) {
        const n = document.createElement("div");
        parent.appendChild(n);
        n.remove();
      }
    }, 5);
  });
  const events = await traceTimeline(page, 1000);
  await page.evaluate(() => clearInterval(window.churn));
  const frames = events.filter((e) => e.name === "FireAnimationFrame").length;
  assert.ok(events.some((e) => e.name === "TimerFire"), "the trace holds the page's timers (the tracing worked)");
  assert.ok(frames <= 2, `${frames} animation-frame callbacks in one second of churn`);
  assert.equal((await underlines(page, "internal_document")).highlights.filter((h) => !h.collapsed).length, 1, "the underline stays");
  await page.close();
});

test("underlines drawn through CSS.highlights ask for no animation frame while nothing changes (a frame every 16 ms widened a Lexical race: End then Backspace at once deleted at the old caret)", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "lexical");
  await page.click(EDITOR.lexical);
  await page.keyboard.type(`Nghe nói thằng ngu có ${PHRASE}`);
  await until(async () => (await underlines(page, "internal_document")).highlights.length === 1, "the underline");
  await page.waitForTimeout(300);
  const events = await traceTimeline(page, 1000);
  const frames = events.filter((e) => e.name === "FireAnimationFrame").length;
  assert.ok(events.some((e) => e.name === "TimerFire"), "the trace holds the page's timers (the tracing worked)");
  assert.ok(frames <= 2, `${frames} animation-frame callbacks in one idle second`);
  await page.close();
});

test("a single line too long to underline (an input, a textarea with wrap=off): a notice, no stall per keystroke, the guard still asks", T, async () => {
  for (const kind of ["input", "textarea"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    if (kind === "textarea") await page.evaluate(() => document.getElementById("editor").setAttribute("wrap", "off"));
    await page.click("#editor");
    const text = `Đoạn văn về ${PHRASE} và thằng ngu kia, gọi 0912345678. `.repeat(1200); // ≈ 80,000 characters on one line
    const worst = await pasteStall(page, text, 2500);
    assert.ok(worst < 500, `${kind}: the paste blocked the page for ${worst.toFixed(0)} ms`);
    const notice = page.locator("cannhac-overlay >> [role=status]");
    await notice.waitFor();
    assert.match(await notice.innerText(), /dòng quá dài|line is too long/);
    assert.equal(await total(page, "internal_document"), 0, `${kind}: no marks on the long line`);
    // Each keystroke re-laid out the whole line in the mirror (0.3–0.7 s per key before).
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((l) => window.longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
    });
    await page.keyboard.press("End");
    for (let k = 0; k < 5; k++) await page.keyboard.type("a", { delay: 60 });
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => window.longTasks);
    assert.ok(Math.max(0, ...tasks) < 300, `${kind}: long tasks while typing: ${tasks.map(Math.round)} ms`);
    // The findings are still there for the guard.
    await page.click("#post-btn");
    await page.getByRole("dialog").waitFor();
    assert.deepEqual(await page.evaluate(() => window.posted.slice()), [], `${kind}: nothing posted while the guard asks`);
    await page.getByRole("button", { name: "Sửa lại" }).click();
    // Short again: the notice goes and the marks come back.
    await page.evaluate(() => {
      const el = document.getElementById("editor");
      el.select();
      document.execCommand("insertText", false, "Ngắn thôi: dự án Hoa Sen");
    });
    await until(async () => (await total(page, "internal_document")) === 1, `${kind}: marks on the short line`);
    assert.equal(await notice.count(), 0, `${kind}: the notice is gone`);
    await page.close();
  }
});

test("a composer removed while its request is in flight: no error, nothing left behind", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.evaluate((p) => {
    document.execCommand("insertText", false, "Tin " + p);
    requestAnimationFrame(() => setTimeout(() => document.getElementById("editor").remove(), 0));
  }, PHRASE);
  await page.waitForTimeout(500);
  assert.equal(await total(page, "internal_document"), 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll("cannhac-overlay").length), 0, "the overlay went with it");
  await page.close();
});

test("composers removed for good (a chat closed): their Ranges leave CSS.highlights, no overlay is left, and the elements can be garbage-collected", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  // A chat box with a rich editor and a textarea underlined, and a rich editor with nothing
  // found, each focused and filled once (through the DOM: the editing commands' undo steps
  // would hold the elements themselves), then closed: the user went back into the chat's rich
  // editor (the last used composer), then typed into the page's search box, not a composer
  // (Chromium itself holds the last focused editable element until another one is focused).
  // The page keeps only WeakRefs to them.
  await page.evaluate((phrase) => {
    const rich = Object.assign(document.createElement("div"), { contentEditable: "true", className: "editor" });
    const clean = Object.assign(document.createElement("div"), { contentEditable: "true", className: "editor" });
    const ta = document.createElement("textarea");
    // Each in a chat of its own (a node holds its whole tree: one kept would keep all three).
    for (const el of [rich, ta, clean]) {
      const chat = document.createElement("div");
      chat.className = "chat";
      chat.append(el);
      document.body.prepend(chat);
    }
    for (const [el, text] of [[rich, `Tin ${phrase}`], [ta, `Tin ${phrase}`], [clean, "Chào cả nhà"]]) {
      el.focus();
      if (el === ta) {
        ta.value = text;
        ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
      } else el.textContent = text;
    }
    window.refs = [rich, ta, clean].map((el) => new WeakRef(el));
  }, PHRASE);
  // Up to 15 s: after the test before (a request in flight when its composer went) the worker
  // may be restarting under a loaded machine's full run (a fresh clone's run timed out at 5 s;
  // the file alone passes).
  await until(
    async () => (await total(page, "internal_document")) === 2,
    "the rich editor's and the textarea's underlines",
    15000,
  );
  await page.waitForTimeout(300);
  // A hover tooltip on the rich editor's phrase (its buttons act on that composer).
  const at = await page.evaluate(() => {
    const r = [...CSS.highlights.get("cannhac-internal_document")][0].getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await until(() => page.evaluate(() => [...document.querySelectorAll("cannhac-tooltip")].some((h) => h.shadowRoot?.querySelector("[role=tooltip]:not([hidden])"))), "the hover tooltip");
  await page.evaluate(() => {
    window.refs[0].deref().focus();
    const search = document.createElement("input");
    search.type = "search";
    document.body.append(search);
    search.focus();
    for (const chat of document.querySelectorAll(".chat")) chat.remove();
  });
  await page.waitForTimeout(500);
  const left = () =>
    page.evaluate(() => ({
      ranges: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
      overlays: document.querySelectorAll("cannhac-overlay").length,
    }));
  assert.deepEqual(await left(), { ranges: 0, overlays: 0 }, "nothing of the closed chat's composers is left in the page");
  const cdp = await env.b.context.newCDPSession(page);
  let alive = null;
  await until(async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    // Read in a task of its own: a WeakRef read keeps its target until the end of the task.
    alive = await page.evaluate(() => window.refs.map((r) => !!r.deref()));
    return alive.every((a) => !a);
  }, "the closed chat's editors to be collected", 5000).catch((e) => {
    throw new Error(`${e.message}; still alive [rich, textarea, clean]: ${JSON.stringify(alive)}`);
  });
  await cdp.detach();
  await page.close();
});

test("settings apply live: a new custom phrase is underlined, an allow-listed one is not, a disabled site is silent", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type("Báo cáo dự án Sao Mai quý 3");
  await page.waitForTimeout(300);
  assert.equal(await total(page, "internal_document"), 0);
  await setSettings(env.b.context, { ...TEST_SETTINGS, customPhrases: [...TEST_SETTINGS.customPhrases, { phrase: "dự án Sao Mai", category: "internal_document", severity: "high" }] });
  await until(async () => (await total(page, "internal_document")) === 1, "the new phrase underlined without a reload");
  await setSettings(env.b.context, { ...TEST_SETTINGS, customPhrases: [...TEST_SETTINGS.customPhrases, { phrase: "dự án Sao Mai", category: "internal_document", severity: "high" }], allow: ["dự án Sao Mai"] });
  await until(async () => (await total(page, "internal_document")) === 0, "the allow-listed phrase to lose its underline");
  await setSettings(env.b.context, { ...TEST_SETTINGS, disabledSites: ["127.0.0.1"] });
  await page.click("#editor");
  await page.keyboard.type(` ${PHRASE}`);
  await page.waitForTimeout(400);
  assert.equal(await total(page, "internal_document"), 0, "silent on a disabled site");
  await setSettings(env.b.context, TEST_SETTINGS);
  await until(async () => (await total(page, "internal_document")) === 1, "back on");
  await page.close();
});

test("settings changed while analyses wait: no call into a freed engine (no failed warm-up, every answer right)", T, async () => {
  // A product breaker's case: an analysis, then a settings change at once. The change freed the
  // engine while its warm-up was queued ("warm-up analysis failed: null pointer passed to rust").
  const sw = await serviceWorker(env.b.context);
  const result = await sw.evaluate(async (base) => {
    const problems = [];
    const orig = console.warn;
    console.warn = (...a) => {
      const m = a.map(String).join(" ");
      if (/warm-up analysis failed|null pointer/.test(m)) problems.push(m);
      orig(...a);
    };
    const answers = [];
    try {
      for (let i = 0; i < 16; i++) {
        const phrase = { phrase: `dự án số ${i}`, category: "internal_document", severity: "high" };
        await chrome.storage.sync.set({ settings: { ...base, customPhrases: [...base.customPhrases, phrase] } });
        await new Promise((r) => setTimeout(r, 30 + (i % 4) * 20));
        const pending = self.cannhac.handle({ type: "analyze", text: "thằng ngu" });
        chrome.storage.sync.set({ settings: base });
        answers.push(await pending);
        await new Promise((r) => setTimeout(r, i % 3 === 0 ? 0 : 15));
      }
      await new Promise((r) => setTimeout(r, 400));
    } finally {
      console.warn = orig;
    }
    return { problems, answers: answers.map((a) => (a.error ? `error: ${a.error}` : (a.kinds || []).length)) };
  }, TEST_SETTINGS);
  assert.deepEqual(result.problems, [], "no call into a freed engine");
  for (const a of result.answers) assert.ok(typeof a === "number" && a > 0, `every analysis answered with its findings: ${JSON.stringify(result.answers)}`);
});

test("a custom phrase the engine cannot read ('!!!') leaves the other custom phrases and the allow-list working", T, async () => {
  // An extension breaker's case: the worker fell back to the built-in rules alone.
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await setSettings(env.b.context, {
    ...TEST_SETTINGS,
    customPhrases: [...TEST_SETTINGS.customPhrases, { phrase: "!!!", category: "inflammatory", severity: "info" }],
    allow: ["thằng ngu"],
  });
  await page.click("#editor");
  await page.keyboard.type("Xem dự án Hoa Sen nhé, thằng ngu");
  await until(async () => (await total(page, "internal_document")) === 1, "the readable custom phrase underlined");
  await page.waitForTimeout(300);
  assert.equal(await total(page, "inflammatory"), 0, "the allow-listed insult stays plain");
  await setSettings(env.b.context, TEST_SETTINGS);
  await page.close();
});

test("a textarea adopted into a same-origin iframe leaves no mark in the page it came from", T, async () => {
  // A breaker's finding: the composer stayed "connected" (it is, in the frame's document), so
  // the top page kept drawing its mark over the page's heading.
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type(`Tin về ${PHRASE} nhé`, { delay: 1 });
  await until(async () => (await total(page, "internal_document")) === 1, "the underline");
  await page.evaluate(() => new Promise((res) => {
    const f = document.createElement("iframe");
    f.src = "/fixtures/frame.html";
    f.onload = () => {
      const d = f.contentDocument;
      d.body.innerHTML = "";
      d.body.append(d.adoptNode(document.getElementById("editor")));
      res();
    };
    document.body.append(f);
  }));
  await until(async () => (await page.evaluate(() => [...document.querySelectorAll("cannhac-overlay")]
    .flatMap((h) => [...(h.shadowRoot?.querySelectorAll("[data-cannhac-category]") || [])]).length)) === 0,
  "no mark left in the top page", 3000);
  await page.close();
});


test("no request leaves the extension; no page error was thrown", T, async () => {
  const foreign = env.requests.filter((u) => !u.startsWith(env.srv.origin) && !u.startsWith("chrome-extension://") && !u.startsWith("data:") && u !== "about:blank");
  assert.deepEqual(foreign, []);
  assert.ok(env.requests.some((u) => u.startsWith(env.srv.origin)), "requests were being watched");
  assert.deepEqual(env.pageErrors, []);
});

test("the extension reloaded while a page is open: no error in the page, the composer keeps working without it", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "lexical");
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.click("#editor");
  await page.keyboard.type(`Tin ${PHRASE}`);
  await until(async () => (await total(page, "internal_document")) === 1, "underline");
  const sw = await serviceWorker(env.b.context);
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await page.waitForTimeout(500);
  await page.keyboard.type(" rồi gõ tiếp");
  await until(async () => (await total(page, "internal_document")) === 0, "the orphaned script to clean up", 6000);
  assert.equal(await page.evaluate(() => window.getText()), `Tin ${PHRASE} rồi gõ tiếp`);
  await page.click("#post-btn");
  assert.deepEqual(await page.evaluate(() => window.posted), [`Tin ${PHRASE} rồi gõ tiếp`], "posting works without the extension");
  assert.deepEqual(errors, []);
  await page.close();
});
