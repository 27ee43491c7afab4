// A <textarea> holding a long post dense with findings (150,000 characters, the limit being
// 200,000): a keystroke must not make the page lay the whole post out again, and the marks must
// still sit on their words, at the end of the post too, after edits in its middle. Checked
// without timing: what the overlay writes per keystroke, and where the marks are.
// (tests/browser/bench-dense.mjs measures the time.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { openFixture, serviceWorker, until, T, suite } from "./harness.mjs";

const env = suite();

const PARA =
  "TÀI LIỆU MẬT: Nghe nói sếp sắp bị bắt, thằng ngu nào làm rò rỉ thì biết tay, gọi ngay cho chị Lan 0912345678 hoặc anh Tuấn 0987654321 mà hỏi. Đồ chó má, lũ óc chó. Xem bit.ly/tin-mat nhé.\n";
const CHARS = 150_000;
/** The dense post: the paragraph repeated, on its own lines or run into one paragraph. */
const densePost = (oneParagraph) => {
  const p = oneParagraph ? PARA.replace("\n", " ") : PARA;
  return p.repeat(Math.ceil(CHARS / p.length)).slice(0, CHARS);
};
// A textarea 120 px high shows six lines: far fewer marks than that may ever be drawn at once.
const MAX_MARKS = 60;

/** The overlay's marks: index (into the findings, in text order) and viewport rect. */
const marks = (page) =>
  page.evaluate(() =>
    [...(document.querySelector("cannhac-overlay")?.shadowRoot?.querySelectorAll("[data-cannhac-category]") || [])].map((m) => {
      const r = m.getBoundingClientRect();
      return { index: Number(m.dataset.index), left: r.left, top: r.top, width: r.width, height: r.height };
    }),
  );

/** The findings' spans [start, end) as the content script gets them (the worker's answer, in text order). */
async function spans(text) {
  const sw = await serviceWorker(env.b.context);
  const res = await sw.evaluate((t) => self.cannhac.handle({ type: "analyze", text: t }), text);
  const out = [];
  for (let i = 0; i + 2 < res.spans.length; i += 3) out.push([res.spans[i], res.spans[i + 1]]);
  return out;
}

/** Opens the textarea fixture holding `text`, focused, and waits for its first marks. */
async function open(text) {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.evaluate(() => {
    // Each drawn answer is announced (main.js); counted here.
    document.documentElement.setAttribute("data-cannhac-bench", "");
    window.__drawn = 0;
    document.addEventListener("cannhac-rendered", () => window.__drawn++);
  });
  await page.click("#editor");
  await page.evaluate((t) => {
    const ta = document.getElementById("editor");
    ta.value = t;
    ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  await until(async () => (await marks(page)).length > 0, "the first marks", 30_000);
  return page;
}

/** Runs `act` (which changes the text), then waits for the answer for the new text to be drawn. */
async function edit(page, act) {
  const n = await page.evaluate(() => window.__drawn);
  await act();
  await until(() => page.evaluate((n) => window.__drawn > n, n), "the new text's marks", 30_000);
  // Several keys (twelve Backspaces) are several answers: wait until no more are drawn, or
  // the marks read may be an earlier text's (a loaded machine's flaky failure, 11 characters
  // off after twelve Backspaces).
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const now = await page.evaluate(() => window.__drawn);
    if (now === last) break;
    last = now;
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(150); // and the frame after it
}

/** Caret at text offset `at`, the field scrolled (by the browser) to show its line. */
async function caretAt(page, at) {
  await page.evaluate((at) => {
    const ta = document.getElementById("editor");
    ta.focus();
    ta.setSelectionRange(at + 1, at + 1);
  }, at);
  await page.keyboard.press("ArrowLeft"); // a caret moved by a key is scrolled into view
  await page.waitForTimeout(200);
}

/**
 * Clicking just inside a mark's left and right edges puts the caret at its finding's start
 * and end: the mark is on the finding's words.
 */
async function assertOnWords(page, mark, [start, end]) {
  // No tooltip left open over the mark (the pointer leaves, Escape closes a caret tooltip).
  await page.mouse.move(1, 1);
  await page.keyboard.press("Escape");
  const y = mark.top + mark.height / 2;
  await page.mouse.click(mark.left + 1.5, y);
  const a = await page.evaluate(() => document.getElementById("editor").selectionStart);
  await page.mouse.click(mark.left + mark.width - 1.5, y);
  const z = await page.evaluate(() => document.getElementById("editor").selectionStart);
  assert.deepEqual([a, z], [start, end], `mark ${mark.index} on the text [${start}, ${end})`);
}

/** The marks in view after scrolling the field to `top` (px; Infinity: the end). */
async function scrollTo(page, top) {
  await page.evaluate((top) => {
    const ta = document.getElementById("editor");
    ta.scrollTop = top === null ? ta.scrollHeight : top;
  }, Number.isFinite(top) ? top : null);
  await page.waitForTimeout(200);
  return marks(page);
}

for (const oneParagraph of [false, true]) {
  const what = oneParagraph ? "one paragraph of 150,000 characters" : "150,000 characters in 800 lines";
  test(`a dense post, ${what}: a keystroke in its middle rewrites a small part of the overlay, and no more than ${MAX_MARKS} marks are drawn`, T, async () => {
    const text = densePost(oneParagraph);
    const page = await open(text);
    assert.ok((await marks(page)).length <= MAX_MARKS);
    // Every text node the overlay changes or adds from now on.
    await page.evaluate(() => {
      window.__written = [];
      const root = document.querySelector("cannhac-overlay").shadowRoot;
      new MutationObserver((ms) => {
        for (const m of ms) {
          if (m.type === "characterData") window.__written.push(m.target.data.length);
          for (const n of m.addedNodes) window.__written.push(n.textContent.length);
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const mid = Math.floor(text.length / 2);
    await caretAt(page, mid);
    await edit(page, () => page.keyboard.type("x"));
    const written = await page.evaluate(() => window.__written);
    assert.ok(written.length > 0, "the overlay followed the edit");
    // The browser lays out again each text node written: one of 150,000 characters (the whole
    // post, as before) cost 30–90 ms per keystroke.
    assert.ok(Math.max(...written) <= 10_000, `text nodes written: ${JSON.stringify(written.slice(0, 20))}`);
    const after = await marks(page);
    assert.ok(after.length > 0 && after.length <= MAX_MARKS, `${after.length} marks`);
    await page.close();
  });

  test(`a dense post, ${what}: after edits in its middle, the marks there and at its end sit on their words`, T, async () => {
    let text = densePost(oneParagraph);
    const page = await open(text);
    // Edits in the middle: a word typed, a line broken and joined again, a phrase deleted.
    const mid = Math.floor(text.length / 2);
    await caretAt(page, mid);
    await edit(page, () => page.keyboard.type("xin chào "));
    await edit(page, () => page.keyboard.press("Enter"));
    await edit(page, () => page.keyboard.press("Backspace"));
    await edit(page, async () => {
      for (let i = 0; i < 12; i++) await page.keyboard.press("Backspace");
    });
    text = await page.evaluate(() => document.getElementById("editor").value);
    assert.equal(text.length, CHARS + "xin chào ".length - 12);
    const found = await spans(text);
    // Near the edit: the marks in view (the caret's line is).
    const here = await marks(page);
    assert.ok(here.length > 0, "marks next to the edit");
    for (const m of [here[0], here[here.length - 1]]) await assertOnWords(page, m, found[m.index]);
    // At the end: the last finding drawn is the last one sent (in text order), on its words.
    const end = await scrollTo(page, Infinity);
    assert.ok(end.length > 0 && end.length <= MAX_MARKS, `${end.length} marks at the end`);
    const last = end.reduce((x, y) => (y.index > x.index ? y : x));
    assert.equal(last.index, found.length - 1, "the last finding's mark is drawn");
    await assertOnWords(page, last, found[last.index]);
    // Back to the middle by scrolling: the marks there are drawn again, on their words.
    const top = await page.evaluate(() => document.getElementById("editor").scrollHeight / 2);
    const back = await scrollTo(page, top);
    assert.ok(back.length > 0, "marks after scrolling back");
    await assertOnWords(page, back[0], found[back[0].index]);
    await page.close();
  });
}
