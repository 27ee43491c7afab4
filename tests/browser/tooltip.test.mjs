// The tooltip: at most one on the page (across composers, frames and shadow roots), and it
// closes when its finding can no longer be pointed at (the pointer left its frame, the caret's
// composer lost focus, the composer was removed, the finding scrolled out of view, Escape, an
// edit that removed the finding).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openFixture, underlines, until, EDITOR, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // custom phrase → internal_document, high
// The demo page's sample post (tests/browser/fixtures/demo.js): "TÀI LIỆU MẬT" and "thằng ngu"
// are findings in every composer.
const SAMPLE =
  "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết tay. Share gấp trước khi bị xóa! Xem thêm bit.ly/tin-mat";
const env = suite();

/** Every open tooltip in the page and its frames: [{frame kind or "top", text}]. */
async function openTips(page) {
  const out = [];
  for (const f of page.frames()) {
    const tips = await f
      .evaluate(() =>
        [...document.querySelectorAll("cannhac-tooltip")]
          .map((h) => h.shadowRoot?.querySelector("[role=tooltip]"))
          .filter((t) => t && !t.hidden && t.getBoundingClientRect().width > 0)
          .map((t) => ({ where: window.editorKind || "top", text: t.textContent })),
      )
      .catch(() => []);
    out.push(...tips);
  }
  return out;
}

/** The demo page (one composer per frame), its frames by kind, each composer analysed. */
async function openDemo(kinds) {
  const page = await env.b.context.newPage();
  await page.setViewportSize({ width: 1260, height: 1120 });
  await page.goto(`${env.srv.origin}/fixtures/demo.html`);
  const frames = {};
  await until(async () => {
    for (const f of page.frames()) {
      if (!f.url().includes("/fixtures/page.html")) continue;
      const k = new URL(f.url()).searchParams.get("kind");
      frames[k] = f;
    }
    return kinds.every((k) => frames[k]);
  }, "the demo frames", 15000);
  for (const k of kinds) await frames[k].waitForFunction(() => window.editorReady === true);
  return { page, frames };
}

/** Page coordinates of the middle of `word`'s underline in a frame's rich composer. */
async function highlightPoint(page, frame, word) {
  const at = await until(
    () =>
      frame.evaluate((word) => {
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith("cannhac-")) continue;
          for (const r of h) {
            if (r.toString() !== word) continue;
            const x = r.getClientRects()[0];
            return { x: x.left + x.width / 2, y: x.top + x.height / 2 };
          }
        }
        return null;
      }, word),
    `the underline of ${word}`,
  );
  const off = await frameOffset(frame);
  return { x: off.x + at.x, y: off.y + at.y };
}

/** Page coordinates of the top-left of a frame's viewport. */
async function frameOffset(frame) {
  const el = await frame.frameElement();
  return el.evaluate((f) => {
    const r = f.getBoundingClientRect();
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
  });
}

/** Puts the textarea's caret at `offset` from the keyboard (the caret check opens its tooltip). */
async function caretInTextarea(page, frame, offset) {
  await frame.click("#editor", { position: { x: 500, y: 105 } }); // below the text: no finding
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < offset; i++) await page.keyboard.press("ArrowRight");
}

/** Waits until exactly the tooltips `where` are open, then checks they stay so a while. */
async function expectTips(page, where, what) {
  const ok = (tips) => tips.length === where.length && tips.every((t, i) => t.where === where[i]);
  await until(async () => ok(await openTips(page)), what, 4000).catch(async (e) => {
    throw new Error(`${e.message}; open: ${JSON.stringify(await openTips(page))}`);
  });
  await page.waitForTimeout(400);
  const tips = await openTips(page);
  assert.ok(ok(tips), `${what}: still so 400 ms later (open: ${JSON.stringify(tips)})`);
}

test("one tooltip on the page: a hover in another frame's composer closes the caret tooltip of the first", T, async () => {
  const { page, frames } = await openDemo(["textarea", "prosemirror"]);
  const pm = frames.prosemirror;
  const ta = frames.textarea;
  // Analyse the ProseMirror composer (caret at the end: not inside a finding).
  await pm.click(".ProseMirror");
  await page.keyboard.press("Control+End");
  const word = await highlightPoint(page, pm, "thằng ngu");
  // The caret inside "TÀI LIỆU MẬT" in the textarea: its tooltip opens, pinned to the caret.
  await caretInTextarea(page, ta, SAMPLE.indexOf("TÀI") + 2);
  await expectTips(page, ["textarea"], "the textarea's caret tooltip");
  // Hover an underline in the ProseMirror frame (focus stays in the textarea).
  await page.mouse.move(word.x, word.y);
  await expectTips(page, ["prosemirror"], "only the ProseMirror tooltip");
  // And back: hovering in the textarea frame closes the ProseMirror one.
  const mark = await until(async () => (await underlines(ta, "inflammatory")).marks[0], "a mark in the textarea");
  const off = await frameOffset(ta);
  await page.mouse.move(off.x + mark.left + mark.width / 2, off.y + mark.top + mark.height / 2);
  await expectTips(page, ["textarea"], "only the textarea's tooltip");
  await page.close();
});

test("a hover tooltip closes when the pointer leaves its frame", T, async () => {
  const { page, frames } = await openDemo(["prosemirror"]);
  const pm = frames.prosemirror;
  await pm.click(".ProseMirror");
  await page.keyboard.press("Control+End");
  const word = await highlightPoint(page, pm, "thằng ngu");
  await page.mouse.move(word.x, word.y);
  await expectTips(page, ["prosemirror"], "the hover tooltip");
  await page.mouse.move(600, 20); // the demo page's header, outside every frame
  await expectTips(page, [], "no tooltip once the pointer left the frame");
  await page.close();
});

for (const kind of ["textarea", "prosemirror"]) {
  test(`${kind}: a hover tooltip closes when the pointer leaves its words`, T, async () => {
    const text = `Tin ${PHRASE} nhé`;
    const page = await openFixture(env.b.context, env.srv.origin, kind, { text });
    await page.click(EDITOR[kind]);
    await page.keyboard.press("Control+End");
    const u = await until(async () => {
      const x = await underlines(page, "internal_document");
      return (x.marks[0] || x.highlights[0]?.rects[0]) ?? null;
    }, "the underline");
    await page.mouse.move(u.left + u.width / 2, u.top + u.height / 2);
    await expectTips(page, [kind], "the hover tooltip");
    await page.mouse.move(u.left + u.width / 2, u.top - 40); // above the words, same document
    await expectTips(page, [], "no tooltip once the pointer left the words");
    await page.close();
  });
}

test("a caret tooltip closes when focus moves to a composer in another frame", T, async () => {
  const { page, frames } = await openDemo(["textarea", "ce"]);
  await caretInTextarea(page, frames.textarea, SAMPLE.indexOf("TÀI") + 2);
  await expectTips(page, ["textarea"], "the textarea's caret tooltip");
  await frames.ce.click("#editor");
  await page.keyboard.press("Control+End"); // not inside a finding
  await page.mouse.move(600, 20);
  await expectTips(page, [], "no tooltip once the caret is in another frame's composer");
  await page.close();
});

/** A fixture page with `text`, the caret inside PHRASE: its tooltip open. */
async function caretTip(kind, text, { sel = "#editor" } = {}) {
  const page = await openFixture(env.b.context, env.srv.origin, kind, { text });
  await page.click(sel);
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < text.indexOf(PHRASE) + 3; i++) await page.keyboard.press("ArrowRight");
  await expectTips(page, [kind], `the caret tooltip in ${kind}`);
  return page;
}

for (const kind of ["textarea", "ce", "lexical"]) {
  test(`${kind}: the caret tooltip's buttons are reached with Alt+↓; Tab stays in them; Escape returns to the caret; Enter dismisses`, T, async () => {
    // A breaker's finding: no key reached "Bỏ qua trong bài này" (Tab is the page's).
    const text = `Tin ${PHRASE} nhé`;
    const page = await caretTip(kind, text);
    const inTip = () =>
      page.evaluate(() => {
        const h = document.querySelector("cannhac-tooltip");
        return h?.shadowRoot?.activeElement?.textContent || null;
      });
    const caret = () => page.evaluate(() => document.activeElement?.id === "editor" || !!document.activeElement?.closest?.("#editor"));
    await page.keyboard.press("Alt+ArrowDown");
    assert.match((await inTip()) || "", /Bỏ qua trong bài này/, `${kind}: focus on the tooltip's button`);
    await page.keyboard.press("Tab");
    assert.match((await inTip()) || "", /Bỏ qua trong bài này/, `${kind}: Tab stays in the tooltip`);
    await page.keyboard.press("Escape");
    await until(caret, `${kind}: focus back in the editor`);
    await page.keyboard.press("ArrowRight"); // the caret moves: the tooltip opens again
    await expectTips(page, [kind], "the tooltip again");
    await page.keyboard.press("Alt+ArrowDown");
    await page.keyboard.press("Enter");
    await until(async () => {
      const u = await underlines(page, "internal_document");
      return u.highlights.length + u.marks.length === 0;
    }, `${kind}: the dismissed finding's underline gone`);
    await until(caret, `${kind}: focus back in the editor after dismissing`);
    assert.equal(await page.evaluate(() => window.getText()), text, "the text is unchanged");
    await page.close();
  });
}

for (const kind of ["textarea", "ce"]) {
  test(`${kind}: Escape closes the caret tooltip and it stays closed until the caret moves`, T, async () => {
    const page = await caretTip(kind, `Tin ${PHRASE} nhé`);
    await page.keyboard.press("Escape");
    await expectTips(page, [], "no tooltip after Escape (nor after its keyup)");
    await page.keyboard.press("Shift"); // another key: the caret did not move
    await expectTips(page, [], "still none after another key");
    await page.keyboard.press("ArrowRight"); // the caret moves (still in the phrase): it opens again
    await expectTips(page, [kind], "the tooltip again once the caret moved");
    await page.close();
  });

  test(`${kind}: the tooltip closes when its composer is removed from the page`, T, async () => {
    const page = await caretTip(kind, `Tin ${PHRASE} nhé`);
    await page.evaluate(() => document.getElementById("editor").remove());
    await expectTips(page, [], "no tooltip once the composer is gone");
    await page.close();
  });

  test(`${kind}: the tooltip closes when the page scrolls its finding out of view`, T, async () => {
    const page = await caretTip(kind, `Tin ${PHRASE} nhé`);
    await page.mouse.wheel(0, 1500);
    await until(() => page.evaluate(() => scrollY > 1000), "the page to scroll");
    await expectTips(page, [], "no tooltip once its finding is out of view");
    await page.close();
  });

  test(`${kind}: the tooltip closes when an edit removes its finding`, T, async () => {
    const page = await caretTip(kind, `Tin ${PHRASE} nhé`);
    await page.keyboard.press("Backspace"); // "dự án Hoa Sen" is no longer whole
    await expectTips(page, [], "no tooltip once the finding is gone");
    await page.close();
  });
}

test("textarea: the tooltip closes when the page's script replaces the text (no input event)", T, async () => {
  const page = await caretTip("textarea", `Tin ${PHRASE} nhé`);
  await page.evaluate(() => (document.getElementById("editor").value = "Hôm nay trời đẹp."));
  await expectTips(page, [], "no tooltip once the finding is gone");
  await page.close();
});

test("a textarea scrolled inside itself: the tooltip closes when its finding leaves the field's box", T, async () => {
  const lines = Array.from({ length: 30 }, (_, i) => `dòng ${i + 1}`);
  lines[0] = `dòng 1 ${PHRASE}`;
  const page = await caretTip("scroll", lines.join("\n"));
  await page.evaluate(() => (document.getElementById("editor").scrollTop = 400));
  await expectTips(page, [], "no tooltip once its finding scrolled out of the field");
  await page.close();
});

test("no page errors were thrown", () => {
  assert.deepEqual(env.pageErrors, []);
});
