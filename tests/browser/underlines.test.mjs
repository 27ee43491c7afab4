// Underlines in every composer kind, in a real Chromium with the built extension (dist/).
// Run: ./build.sh test   (or: ./build.sh && node --test tests/browser/)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { childFrameEditor, openFixture, underlines, wordRects, until, sameRect, EDITOR, isField, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // custom phrase → internal_document, high
const env = suite();

/** The frame holding the editor (the iframe fixture's inner frame). */
async function editorFrame(page, kind) {
  if (kind !== "iframe") return page;
  const f = await until(() => page.frames().find((x) => x.url().endsWith("/fixtures/frame.html")), "the iframe");
  await f.waitForSelector("#editor");
  return f;
}

/** For fields: clicking just inside a mark's left/right edge puts the caret at the span's start/end. */
async function assertFieldMarkOnSpan(page, frame, mark, start, end) {
  const off = frame === page ? { x: 0, y: 0 } : await page.evaluate(() => {
    const r = document.getElementById("frame").getBoundingClientRect();
    return { x: r.left + 1, y: r.top + 1 }; // + iframe border
  });
  const y = mark.top + mark.height / 2;
  await page.mouse.click(off.x + mark.left + 1.5, off.y + y);
  const a = await frame.evaluate(() => {
    const el = document.querySelector("#editor") || document.querySelector("x-composer").shadowRoot.querySelector("#editor");
    return el.selectionStart;
  });
  await page.mouse.click(off.x + mark.left + mark.width - 1.5, off.y + y);
  const z = await frame.evaluate(() => {
    const el = document.querySelector("#editor") || document.querySelector("x-composer").shadowRoot.querySelector("#editor");
    return el.selectionStart;
  });
  assert.equal(a, start, "the mark's left edge is the phrase's first character");
  assert.equal(z, end, "the mark's right edge is the phrase's last character");
}

async function assertUnderlined(page, frame, kind, text, phrase, category = "internal_document") {
  const u = await until(async () => {
    const x = await underlines(frame, category);
    return x.highlights.length + x.marks.length > 0 && x;
  }, `an underline in ${kind}`);
  if (isField(kind)) {
    assert.equal(u.highlights.length, 0);
    assert.equal(u.marks.length, 1, "one mark for a one-line phrase");
    const start = text.indexOf(phrase);
    await assertFieldMarkOnSpan(page, frame, u.marks[0], start, start + phrase.length);
  } else {
    assert.equal(u.highlights.length, 1, "one range per finding in CSS.highlights");
    assert.equal(u.highlights[0].text, phrase, "the highlighted range is exactly the phrase");
    const want = await wordRects(frame, EDITOR[kind], phrase);
    assert.ok(want?.length, "the phrase is in the editor");
    assert.equal(u.highlights[0].rects.length, want.length);
    u.highlights[0].rects.forEach((r, i) => assert.ok(sameRect(r, want[i]), `rect ${JSON.stringify(r)} ≠ ${JSON.stringify(want[i])}`));
  }
}

async function count(frame, category = "internal_document") {
  const x = await underlines(frame, category);
  return x.highlights.length + x.marks.length;
}

const KINDS = ["textarea", "input", "ce", "lexical", "draft", "prosemirror", "quill", "shadow-textarea", "shadow-ce", "iframe", "rerender"];

for (const kind of KINDS) {
  test(`${kind}: a flagged phrase is underlined on its exact rectangle; editing removes it; clean text gets none`, T, async () => {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    const frame = await editorFrame(page, kind);
    const sel = kind === "iframe" ? "#editor" : EDITOR[kind];
    await frame.click(sel);
    const text = `Gửi mọi người: ${PHRASE}`;
    await page.keyboard.type(text, { delay: 5 });
    await assertUnderlined(page, frame, kind, text, PHRASE);
    // Make it not match any more: the underline goes. (Escape closes the tooltip the caret
    // check opened, which may cover the small iframe's field.)
    await page.keyboard.press("Escape");
    // Click into the field, then go to the very end from the keyboard. The small iframe field
    // is clicked in a corner (the tooltip may cover its centre); elsewhere in the middle (a
    // corner click can land in Lexical's padding and leave the caret outside the paragraph).
    await frame.click(sel, kind === "iframe" ? { position: { x: 3, y: 3 } } : undefined);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Backspace");
    await until(async () => (await count(frame)) === 0, "the stale underline to go");
    // Clean sentence: nothing at all.
    await page.keyboard.press(process.platform === "darwin" ? "Meta+A" : "Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("Hôm nay trời đẹp, cả nhà đi dạo công viên.", { delay: 2 });
    await page.waitForTimeout(400);
    for (const c of ["internal_document", "inflammatory", "unverified_claim", "personal_data", "insinuation", "suspicious_link"])
      assert.equal(await count(frame, c), 0, `no ${c} underline on a clean sentence`);
    await page.close();
  });
}

test("an editor in a script-written about:blank iframe (match_about_blank)", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "blankframe");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.click("body");
  const text = `Nội dung ${PHRASE}`;
  await page.keyboard.type(text);
  const u = await until(async () => {
    const x = await underlines(frame, "internal_document");
    return x.highlights.length === 1 && x;
  }, "a highlight in the about:blank frame");
  assert.equal(u.highlights[0].text, PHRASE);
  const want = await wordRects(frame, "body", PHRASE);
  assert.ok(sameRect(u.highlights[0].rects[0], want[0]));
  await page.close();
});

test("a textarea in a blob:, a data: or a sandboxed srcdoc frame (match_origin_as_fallback)", T, async () => {
  // A breaker's finding: frames with no origin of their own got no content script at all.
  for (const kind of ["blobframe", "dataframe", "sandboxframe"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    const frame = await childFrameEditor(page, kind);
    await frame.click("#editor");
    await page.keyboard.type(`Nội dung ${PHRASE}`);
    await until(async () => (await underlines(frame, "internal_document")).marks.length === 1, `${kind}: a mark in the frame`);
    await page.close();
  }
});

test("strict CSP page (script-src 'self', no wasm-unsafe-eval, style-src 'self'): underlines still work", T, async () => {
  for (const kind of ["textarea", "ce"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind, { csp: true });
    await page.click(EDITOR[kind]);
    const text = `Tin nội bộ ${PHRASE}`;
    await page.keyboard.type(text);
    await assertUnderlined(page, page, kind, text, PHRASE);
    await page.close();
  }
});

test("emoji, skin-tone modifiers and NFD text before the finding: the underline stays on the phrase", T, async () => {
  const prefix = "😀👍🏽 Tie\u0323\u0302n ve\u0300 🇻🇳 — ";
  for (const kind of ["textarea", "lexical", "prosemirror"]) {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click(EDITOR[kind]);
    await page.keyboard.insertText(prefix + PHRASE + " nhé");
    await assertUnderlined(page, page, kind, prefix + PHRASE + " nhé", PHRASE);
    await page.close();
  }
});

test("a scrolled textarea: the underline follows its word", T, async () => {
  const lines = Array.from({ length: 30 }, (_, i) => `dòng ${i + 1}`);
  lines[14] = `dòng 15 ${PHRASE}`;
  const text = lines.join("\n");
  const page = await openFixture(env.b.context, env.srv.origin, "scroll", { text });
  await page.click("#editor");
  await page.evaluate(() => (document.getElementById("editor").scrollTop = 320)); // line 15 (top ≈ 342 px) in view
  const start = text.indexOf(PHRASE);
  const box = await page.evaluate(() => {
    const r = document.getElementById("editor").getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  const u1 = await until(async () => {
    const m = (await underlines(page, "internal_document")).marks[0];
    return m && m.top >= box.top && m.top + m.height <= box.bottom && m;
  }, "a mark inside the scrolled field");
  await assertFieldMarkOnSpan(page, page, u1, start, start + PHRASE.length);
  await page.evaluate(() => (document.getElementById("editor").scrollTop = 300));
  const u2 = await until(async () => {
    const m = (await underlines(page, "internal_document")).marks[0];
    return m && Math.abs(m.top - u1.top) > 10 && m;
  }, "the mark to move with the scroll");
  assert.ok(Math.abs(u2.top - u1.top - 20) <= 2, `moved by the scroll distance (${u2.top - u1.top})`);
  await assertFieldMarkOnSpan(page, page, u2, start, start + PHRASE.length);
  // Scrolled out of view: no mark is drawn outside the field.
  await page.evaluate(() => (document.getElementById("editor").scrollTop = 0));
  await until(async () => (await underlines(page, "internal_document")).marks.length === 0, "the mark to leave with its word");
  await page.close();
});

test("a composer in a position: fixed, transformed dialog: underlines stay on their words when the page scrolls", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "fixed");
  await page.click("#editor");
  const text = `Báo cáo ${PHRASE} quý 3`;
  await page.keyboard.type(text);
  const start = text.indexOf(PHRASE);
  const u1 = await until(async () => (await underlines(page, "internal_document")).marks[0], "a mark");
  await assertFieldMarkOnSpan(page, page, u1, start, start + PHRASE.length);
  await page.mouse.wheel(0, 600);
  await until(() => page.evaluate(() => scrollY > 300), "the page to scroll");
  await page.waitForTimeout(100);
  const u2 = (await underlines(page, "internal_document")).marks[0];
  assert.ok(sameRect(u1, u2), "the mark did not move with the page");
  await assertFieldMarkOnSpan(page, page, u2, start, start + PHRASE.length);
  // The dialog moves (transform changes, no event fires): the mark follows.
  await page.evaluate(() => (document.querySelector(".fixed-dialog").style.transform = "translate(60px, 30px)"));
  const u3 = await until(async () => {
    const m = (await underlines(page, "internal_document")).marks[0];
    return m && Math.abs(m.left - u2.left - 50) <= 1.5 && m;
  }, "the mark to follow the transformed dialog");
  assert.ok(Math.abs(u3.top - u2.top - 30) <= 1.5);
  await page.close();
});

test("no page errors were thrown in any fixture", () => {
  assert.deepEqual(env.pageErrors, []);
});
