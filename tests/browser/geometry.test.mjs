// Overlay marks of <textarea>/<input> under CSS `zoom` and scaled ancestors: the mirror that
// measures the text must be laid out as the field is (zoom) and scaled as the field is
// (transforms), or the marks land beside the words. Rotated or skewed fields get no marks
// rather than misplaced ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { openFixture, underlines, until, near, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // custom phrase → internal_document, high
const TEXT = `Gửi mọi người: ${PHRASE} nhé`;
const env = suite();

/** The field's viewport box and the overlay marks of the phrase, once there is one. */
async function marksOn(page) {
  const u = await until(async () => {
    const x = await underlines(page, "internal_document");
    return x.marks.length > 0 && x;
  }, "an overlay mark");
  const field = await page.evaluate(() => {
    const r = document.getElementById("editor").getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  return { marks: u.marks, field };
}

/**
 * The caret offsets the browser itself puts at viewport points (x, y) of the real field: where
 * a click just inside each edge of the mark lands tells which characters it covers.
 */
async function caretsAt(page, points) {
  const out = [];
  for (const [x, y] of points) {
    await page.mouse.click(x, y);
    out.push(await page.evaluate(() => document.getElementById("editor").selectionStart));
  }
  return out;
}

async function openTyped(kind, css) {
  const page = await openFixture(env.b.context, env.srv.origin, kind);
  if (css) await page.addStyleTag({ content: css });
  await page.click("#editor");
  await page.keyboard.insertText(TEXT);
  return page;
}

// [name, style, the field's scale from its own CSS px to viewport px (x, y)]
const CASES = [
  ["body { zoom: 1.25 }", "body { zoom: 1.25 }", [1.25, 1.25]],
  ["html { zoom: 1.25 } (the overlay host is zoomed too)", "html { zoom: 1.25 }", [1.25, 1.25]],
  ["zoom: 1.5 on an ancestor", "#slot { zoom: 1.5 }", [1.5, 1.5]],
  ["transform: scale(1.3) on an ancestor", "#form { transform: scale(1.3); transform-origin: 0 0 }", [1.3, 1.3]],
  ["translate + scale(0.8) on an ancestor inside body { zoom: 1.1 }", "body { zoom: 1.1 } #slot { transform: translate(30px, 12px) scale(0.8); transform-origin: 40px 0 }", [0.88, 0.88]],
  ["non-uniform scale(1.2, 0.9) and the `scale` property", "#slot { transform: scaleX(1.2); scale: 1 0.9; transform-origin: 0 0 }", [1.2, 0.9]],
];

for (const kind of ["textarea", "input"]) {
  test(`${kind} under zoom and scaled ancestors: the mark lands on the phrase's rectangle`, T, async () => {
    // The reference: the same field, unzoomed and untransformed.
    const plain = await openTyped(kind, "");
    const ref = await marksOn(plain);
    await plain.close();
    assert.equal(ref.marks.length, 1);
    const start = TEXT.indexOf(PHRASE);
    for (const [name, css, [kx, ky]] of CASES) {
      const page = await openTyped(kind, css);
      const { marks, field } = await marksOn(page);
      assert.equal(marks.length, 1, `${name}: one mark`);
      const m = marks[0];
      // Where the mark must be: the reference mark's place in its field, scaled like the field
      // (and the caret checks below: the browser's own hit testing of the real field).
      const want = {
        left: field.left + (ref.marks[0].left - ref.field.left) * kx,
        top: field.top + (ref.marks[0].top - ref.field.top) * ky,
        width: ref.marks[0].width * kx,
        height: ref.marks[0].height * ky,
      };
      // The tests' usual tolerance: borders snap to whole device pixels under zoom.
      const tol = 1.5;
      for (const k of ["left", "top", "width", "height"])
        assert.ok(near(m[k], want[k], tol), `${name}: mark ${k} ${m[k].toFixed(1)} ≠ ${want[k].toFixed(1)} (${JSON.stringify(m)})`);
      const y = m.top + m.height / 2;
      const [a, z] = await caretsAt(page, [
        [m.left + 1.5, y],
        [m.left + m.width - 1.5, y],
      ]);
      assert.equal(a, start, `${name}: the mark's left edge is the phrase's first character`);
      assert.equal(z, start + PHRASE.length, `${name}: the mark's right edge is the phrase's last character`);
      await page.close();
    }
  });
}

test("a textarea scrolled inside itself under body { zoom: 1.25 } and a scaled ancestor: the mark follows its word", T, async () => {
  const lines = Array.from({ length: 30 }, (_, i) => `dòng ${i + 1}`);
  lines[14] = `dòng 15 ${PHRASE}`;
  const text = lines.join("\n");
  const start = text.indexOf(PHRASE);
  for (const css of ["body { zoom: 1.25 }", "#form { transform: scale(1.2); transform-origin: 0 0 }"]) {
    const page = await openFixture(env.b.context, env.srv.origin, "scroll", { text });
    await page.addStyleTag({ content: css });
    await page.click("#editor");
    await page.evaluate(() => (document.getElementById("editor").scrollTop = 320)); // line 15 in view
    const box = await page.evaluate(() => {
      const r = document.getElementById("editor").getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const m = await until(async () => {
      const x = (await underlines(page, "internal_document")).marks[0];
      return x && x.top >= box.top && x.top + x.height <= box.bottom && x;
    }, `${css}: a mark inside the scrolled field`);
    const y = m.top + m.height / 2;
    assert.deepEqual(await caretsAt(page, [[m.left + 1.5, y], [m.left + m.width - 1.5, y]]), [start, start + PHRASE.length], css);
    await page.close();
  }
});

test("a content-box textarea with a vertical scrollbar, left to right and right to left: each mark covers its word", T, async () => {
  // Chromium's computed width of a content box leaves out its scrollbar: measured from it, the
  // mirror wrapped about 15 px early and drew the last word of a line under the next line's
  // first one (a breaker's finding).
  const WORD = "đm"; // profanity, a short word that ends a line for some k
  for (const dir of ["ltr", "rtl"]) {
    for (const k of [20, 29, 30, 31, 32]) {
      const text = "ừ ".repeat(k) + WORD + "\n.".repeat(14);
      const start = text.indexOf(WORD);
      const page = await openFixture(env.b.context, env.srv.origin, "textarea", { text });
      await page.addStyleTag({ content: `#editor { box-sizing: content-box; overflow-y: scroll; direction: ${dir} }` });
      await page.click("#editor");
      await page.evaluate(() => (document.getElementById("editor").scrollTop = 0));
      const m = await until(async () => (await underlines(page, "inflammatory")).marks[0], `${dir} k=${k}: a mark`);
      const [c] = await caretsAt(page, [[m.left + m.width / 2, m.top + m.height / 2]]);
      assert.ok(c >= start && c <= start + WORD.length, `${dir} k=${k}: caret ${c} outside [${start}, ${start + WORD.length}]`);
      await page.close();
    }
  }
});

test("a rotated ancestor: no mark is drawn beside the words; once it is only scaled, the mark is back on them", T, async () => {
  const page = await openTyped("textarea", "#form { transform: rotate(3deg) }");
  // Time for the analysis to answer; nothing may be drawn (the same text is marked below as
  // soon as the rotation is gone, without another keystroke).
  await page.waitForTimeout(800);
  const u = await underlines(page, "internal_document");
  assert.equal(u.marks.length, 0, "no misplaced mark on a rotated field");
  // (`rotate: 0deg` turns nothing.)
  await page.addStyleTag({ content: "#form { transform: scale(1.2); transform-origin: 0 0; rotate: 0deg }" });
  const { marks } = await marksOn(page);
  assert.equal(marks.length, 1);
  const m = marks[0];
  const start = TEXT.indexOf(PHRASE);
  const y = m.top + m.height / 2;
  assert.deepEqual(await caretsAt(page, [[m.left + 1.5, y], [m.left + m.width - 1.5, y]]), [start, start + PHRASE.length]);
  await page.close();
});

test("html { zoom: 1.25 }: the hover tooltip opens just under its words", T, async () => {
  for (const css of ["", "html { zoom: 1.25 }"]) {
    const page = await openTyped("textarea", css);
    const { marks } = await marksOn(page);
    const m = marks[0];
    await page.mouse.click(5, 700); // the caret out of the phrase
    await page.mouse.move(m.left + m.width / 2, m.top + m.height / 2);
    const tip = await until(
      () =>
        page.evaluate(() => {
          const t = document.querySelector("cannhac-tooltip")?.shadowRoot?.querySelector(".tip");
          if (!t || t.hidden) return null;
          const r = t.getBoundingClientRect();
          return { left: r.left, top: r.top };
        }),
      "the hover tooltip",
    );
    assert.ok(near(tip.left, m.left, 1.5) && near(tip.top, m.top + m.height + 6, 2), `${css || "no zoom"}: tooltip at ${JSON.stringify(tip)}, mark ${JSON.stringify(m)}`);
    await page.close();
  }
});

test("a textarea restyled without its box changing (font size, spacing, padding): the mark moves with its words", T, async () => {
  // A breaker's finding: the marks were laid out again only when the field's box, scroll or
  // text changed, so a class that changed the font left them over other words.
  const page = await openTyped("textarea", "#editor { width: 420px; height: 160px; box-sizing: border-box }");
  const before = (await marksOn(page)).marks[0];
  await page.addStyleTag({ content: "#editor { font-size: 21px; letter-spacing: 1px; padding-left: 28px }" });
  const m = await until(async () => {
    const x = (await underlines(page, "internal_document")).marks[0];
    return x && !near(x.left, before.left, 2) && x;
  }, "the mark to move with the restyled text");
  const start = TEXT.indexOf(PHRASE);
  const y = m.top + m.height / 2;
  assert.deepEqual(await caretsAt(page, [[m.left + 1.5, y], [m.left + m.width - 1.5, y]]), [start, start + PHRASE.length]);
  await page.close();
});

test("a textarea realigned after the mark is drawn (text-align, direction): the mark moves with its words", T, async () => {
  // A breaker's finding: text-align and direction were not part of the field's layout key, so
  // the mark stayed where the words had been.
  const page = await openTyped("textarea", "#editor { width: 420px; height: 160px; box-sizing: border-box }");
  const start = TEXT.indexOf(PHRASE);
  for (const css of ["text-align: right", "text-align: center", "direction: rtl"]) {
    const before = (await marksOn(page)).marks[0];
    await page.evaluate((css) => (document.getElementById("editor").style.cssText = css), css);
    const m = await until(async () => {
      const x = (await underlines(page, "internal_document")).marks[0];
      return x && !near(x.left, before.left, 2) && x;
    }, `the mark to move with the text (${css})`);
    const y = m.top + m.height / 2;
    const carets = await caretsAt(page, [[m.left + 1.5, y], [m.left + m.width - 1.5, y]]);
    assert.deepEqual([...carets].sort((a, b) => a - b), [start, start + PHRASE.length], css);
  }
  await page.close();
});

test("a web font that arrives after the marks are drawn (font-display: swap): they move with the text", T, async (t) => {
  // Any installed font file with other metrics than the monospace fallback serves as the web
  // font, sent 4 s late (after the marks are drawn, however slow the machine).
  let file = "";
  try {
    file = execFileSync("fc-match", ["-f", "%{file}", "serif:bold"], { encoding: "utf8" }).trim();
  } catch {
    // No fc-match: any TrueType file of the system's fonts (Chromium's fontconfig brings some).
    const ttf = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) {
          const f = ttf(p);
          if (f) return f;
        } else if (/Bold\.ttf$/i.test(e.name)) return p;
      }
      return "";
    };
    try {
      file = ttf("/usr/share/fonts");
    } catch {}
  }
  if (!file || !fs.existsSync(file)) return t.skip("no font file on this machine");
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.route("**/late-font.ttf", async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.fulfill({ body: fs.readFileSync(file), contentType: "font/ttf" });
  });
  await page.addStyleTag({
    content: "@font-face { font-family: Late; src: url(/late-font.ttf); font-display: swap } #editor { font-family: Late, monospace !important; font-size: 18px !important; width: 420px; height: 160px; box-sizing: border-box }",
  });
  await page.click("#editor");
  await page.keyboard.insertText(TEXT);
  const before = (await marksOn(page)).marks[0];
  assert.equal(await page.evaluate(() => document.fonts.check("18px Late")), false, "the web font is not in yet");
  await page.waitForFunction(() => document.fonts.check("18px Late"), null, { timeout: 10_000 });
  const m = await until(async () => {
    const x = (await underlines(page, "internal_document")).marks[0];
    return x && !(near(x.left, before.left, 1) && near(x.width, before.width, 1)) && x;
  }, "the mark to follow the text set in the web font");
  const start = TEXT.indexOf(PHRASE);
  const y = m.top + m.height / 2;
  assert.deepEqual(await caretsAt(page, [[m.left + 1.5, y], [m.left + m.width - 1.5, y]]), [start, start + PHRASE.length]);
  await page.close();
});

test("a fixed-height contenteditable scrolling inside itself, restyled without its box or scroll offset changing: the findings that came into view are underlined without a scroll", T, async () => {
  // Underlines drawn through CSS.highlights are registered only for the findings near the
  // viewport (syncWindow); that window was chosen again only when the editor's box, its
  // scroll offset or the viewport changed, so text that reflowed inside the box (a smaller
  // font) left the findings it brought into view without underlines until a scroll.
  const N = 40;
  const page = await openFixture(env.b.context, env.srv.origin, "ce");
  await page.addStyleTag({ content: "#editor { height: 200px; overflow-y: auto; font-size: 60px }" });
  await page.click("#editor");
  await page.evaluate((t) => document.execCommand("insertText", false, t), `Xem ${PHRASE}. `.repeat(N).trim());
  // Back to the top (the caret's insertion scrolled to the end): at 8px the text fits the box,
  // so its scroll offset stays 0 when the font changes.
  await page.evaluate(() => {
    const el = document.getElementById("editor");
    el.scrollTop = 0;
  });
  const count = () => page.evaluate(() => [...(CSS.highlights.get("cannhac-internal_document") || [])].filter((r) => !r.collapsed).length);
  await until(async () => (await count()) > 0, "the first underlines");
  await page.waitForTimeout(400);
  const box = () => page.evaluate(() => {
    const el = document.getElementById("editor");
    const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height, el.scrollTop, window.scrollY].join();
  });
  const before = await count();
  const boxBefore = await box();
  assert.ok(before < N / 2, `only the findings near the viewport are registered at 60px (${before} of ${N})`);
  await page.addStyleTag({ content: "#editor { font-size: 8px }" });
  assert.equal(await box(), boxBefore, "the editor's box and scroll offset are unchanged");
  let now = before;
  await until(async () => (now = await count()) === N, `all ${N} findings registered once the text fits the viewport (${before} before)`).catch((e) => {
    throw new Error(`${e.message}; ${now} registered`);
  });
  assert.equal(await box(), boxBefore, "still no scroll");
  await page.close();
});

test("a contenteditable taller than the viewport holding short text, its font changed by a class (no change of its box, scroll offset or scrollHeight): every finding in view is underlined on its words", T, async () => {
  // The window of registered Ranges (syncWindow) was chosen again only when the editor's box,
  // scroll offsets, scrollHeight or the viewport changed: in an editor taller than its text,
  // text that reflows under a smaller font keeps all of these, and the findings it brought up
  // into view stayed without underlines.
  const N = 12;
  const page = await openFixture(env.b.context, env.srv.origin, "ce");
  await page.addStyleTag({ content: "#editor { height: 2400px; font-size: 60px } #editor.small { font-size: 16px }" });
  await page.click("#editor");
  await page.evaluate((t) => document.execCommand("insertText", false, t), `Xem ${PHRASE}. `.repeat(N).trim());
  await page.evaluate(() => window.scrollTo(0, 0));
  const registered = () => page.evaluate(() => [...(CSS.highlights.get("cannhac-internal_document") || [])].filter((r) => !r.collapsed).length);
  await until(async () => (await registered()) > 0, "the first underlines");
  await page.waitForTimeout(400);
  const box = () => page.evaluate(() => {
    const el = document.getElementById("editor");
    const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height, el.scrollTop, el.scrollHeight, window.scrollY].join();
  });
  // Each occurrence of the phrase in the viewport: whether a registered Range has its rects.
  const inView = () => page.evaluate((phrase) => {
    const el = document.getElementById("editor");
    const node = el.firstChild;
    const marks = [...(CSS.highlights.get("cannhac-internal_document") || [])].map((r) => [...r.getClientRects()]);
    const same = (a, b) => a.length === b.length && a.every((x, i) => ["left", "top", "width", "height"].every((k) => Math.abs(x[k] - b[i][k]) <= 1.5));
    const out = [];
    for (let at = node.data.indexOf(phrase); at >= 0; at = node.data.indexOf(phrase, at + 1)) {
      const r = new Range();
      r.setStart(node, at);
      r.setEnd(node, at + phrase.length);
      const want = [...r.getClientRects()];
      if (want[0].top < innerHeight) out.push(marks.some((m) => same(m, want)));
    }
    return out;
  }, PHRASE);
  const before = await registered();
  const boxBefore = await box();
  assert.ok(before < N, `only the findings near the viewport are registered at 60px (${before} of ${N})`);
  assert.ok((await inView()).every(Boolean), "at 60px, every phrase in view is underlined");
  await page.evaluate(() => document.getElementById("editor").classList.add("small"));
  assert.equal(await box(), boxBefore, "the editor's box, scroll offsets and scrollHeight are unchanged");
  let last = null;
  await until(async () => {
    last = await inView();
    return last.length === N && last.every(Boolean);
  }, "every phrase in view underlined on its words at 16px", 3000).catch((e) => {
    throw new Error(`${e.message}; underlined in view: ${JSON.stringify(last)}`);
  });
  assert.equal(await box(), boxBefore, "still no scroll");
  await page.close();
});

test('a dir="auto" textarea holding right-to-left and left-to-right lines: the mark covers its words', T, async () => {
  // Chromium gives `dir=auto` fields `unicode-bidi: plaintext` (each line its own direction);
  // the mirror that measures the text laid the Vietnamese line out right to left.
  for (const text of [`مرحبا بالجميع\nGửi mọi người: ${PHRASE} nhé`, `Gửi mọi người: ${PHRASE} nhé\nمرحبا بالجميع`]) {
    const page = await openFixture(env.b.context, env.srv.origin, "textarea", { text });
    await page.evaluate(() => document.getElementById("editor").setAttribute("dir", "auto"));
    await page.click("#editor");
    const { marks } = await marksOn(page);
    assert.equal(marks.length, 1);
    const m = marks[0];
    const start = text.indexOf(PHRASE);
    const [c] = await caretsAt(page, [[m.left + m.width / 2, m.top + m.height / 2]]);
    assert.ok(c > start && c < start + PHRASE.length, `caret ${c} outside the phrase [${start}, ${start + PHRASE.length}] (${JSON.stringify(m)})`);
    await page.close();
  }
});

/**
 * Where each occurrence of `word` is in the page's #editor, a field whose lines do not wrap (a
 * textarea with `wrap=off`, an <input>), worked out without any mirror: line n's text starts
 * at the field's border and padding, n line heights down, less the field's scroll; a word's
 * left edge is the width of the line's text before it and its box is the font's ascent and
 * descent centred in the line (a canvas measures both in the field's font). Viewport px.
 */
function wordBoxesNoWrap(page, word) {
  return page.evaluate((word) => {
    const el = document.getElementById("editor");
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = cs.font;
    const fm = ctx.measureText(word);
    const height = fm.fontBoundingBoxAscent + fm.fontBoundingBoxDescent;
    const lh = parseFloat(cs.lineHeight);
    const px = (v) => parseFloat(v) || 0;
    const x0 = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft) - el.scrollLeft;
    const lines = el.value.split("\n");
    // An <input>'s one line is centred in its box.
    const y0 = el.tagName === "INPUT" ? r.top + (r.height - lh) / 2 : r.top + px(cs.borderTopWidth) + px(cs.paddingTop) - el.scrollTop;
    const out = [];
    lines.forEach((line, n) => {
      for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1))
        out.push({ left: x0 + ctx.measureText(line.slice(0, i)).width, top: y0 + n * lh + (lh - height) / 2, width: fm.width, height });
    });
    // The field's visible text area (its padding box less its scrollbars).
    const view = { left: r.left + px(cs.borderLeftWidth), top: r.top + px(cs.borderTopWidth), width: el.clientWidth, height: el.clientHeight };
    return { boxes: out, view, scroll: [el.scrollLeft, el.scrollTop], max: [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight] };
  }, word);
}

/**
 * Every mark of `category` sits on an occurrence of `word` (within `tol` px on each side), and
 * every occurrence wholly in the field's view has its mark. Waits for the marks to settle.
 */
async function assertMarksOnWords(page, word, category, what, tol = 1.5) {
  let last = null;
  const ok = await until(async () => {
    const { boxes, view, scroll, max } = await wordBoxesNoWrap(page, word);
    const { marks } = await underlines(page, category);
    const inView = boxes.filter((b) => b.left >= view.left && b.left + b.width <= view.left + view.width && b.top >= view.top && b.top + b.height <= view.top + view.height);
    const on = (m, b) => ["left", "top", "width", "height"].every((k) => near(m[k], b[k], tol));
    last = { scroll, max, marks, inView };
    return (marks.length > 0 || inView.length === 0) && marks.every((m) => boxes.some((b) => on(m, b))) && inView.every((b) => marks.some((m) => on(m, b)));
  }, what, 3000).catch(() => null);
  const r = (x) => `(${x.left.toFixed(1)}, ${x.top.toFixed(1)}, ${x.width.toFixed(1)}×${x.height.toFixed(1)})`;
  assert.ok(ok, `${what}: scroll ${last?.scroll} of ${last?.max}; marks ${last?.marks.map(r).join(" ")}; words in view ${last?.inView.map(r).join(" ")}`);
}

/**
 * The browser's own hit testing of the field agrees: the caret it puts at the middle of each
 * mark in view is inside `word`. Returns how many marks were tested.
 */
async function hitTestMarks(page, word, category, what) {
  const { marks } = await underlines(page, category);
  const { view } = await wordBoxesNoWrap(page, word);
  const t = await page.evaluate(() => document.getElementById("editor").value);
  let n = 0;
  for (const m of marks) {
    const [x, y] = [m.left + m.width / 2, m.top + m.height / 2];
    if (x < view.left || x > view.left + view.width || y < view.top || y > view.top + view.height) continue;
    const c = await page.evaluate(([x, y]) => document.caretPositionFromPoint(x, y)?.offset, [x, y]);
    assert.equal(t.slice(c - 1, c + 1), word, `${what}: the caret at the middle of a mark (${c}) is not inside "${word}"`);
    n++;
  }
  return n;
}

test("a textarea with wrap=off scrolled to its bottom and sideways, and a scrolled <input>: each mark sits on its word", T, async () => {
  // A breaker's finding: the mirror that measures the text has no scrollbars, so it could not
  // scroll as far as a wrap=off textarea with a horizontal scrollbar: at the bottom the marks
  // were drawn up to a scrollbar's height too low, scrolled to the right as much too far right.
  const WORD = "đm";
  const wide = "chữ ".repeat(40);
  const texts = [
    // A horizontal scrollbar; a few lines more than the field shows (a vertical one too).
    Array.from({ length: 8 }, (_, i) => `dòng ${i + 1}: ${WORD} ${i % 2 ? wide : ""}${WORD} hết`).join("\n"),
    // A horizontal scrollbar, and lines just past the field's height with it (no vertical one).
    `${WORD} một ${wide}${WORD}\nhai ${WORD}\nba ${WORD}\nbốn ${WORD}\nnăm ${WORD} cuối`,
  ];
  for (const [n, text] of texts.entries()) {
    const page = await openFixture(env.b.context, env.srv.origin, "textarea", { text });
    await page.evaluate(() => document.getElementById("editor").setAttribute("wrap", "off"));
    await page.click("#editor");
    // The caret at the end, as after typing: the field scrolls to its bottom.
    await page.keyboard.press("Control+End");
    let hits = 0;
    await assertMarksOnWords(page, WORD, "inflammatory", `text ${n + 1}, caret at the end`);
    hits += await hitTestMarks(page, WORD, "inflammatory", `text ${n + 1}, caret at the end`);
    for (const [x, y] of [[0, 1e6], [37, 1e6], [1e6, 1e6], [1e6, 0], [120, 10]]) {
      await page.evaluate(([x, y]) => {
        const el = document.getElementById("editor");
        el.scrollLeft = x;
        el.scrollTop = y;
      }, [x, y]);
      await assertMarksOnWords(page, WORD, "inflammatory", `text ${n + 1}, scrolled to (${x}, ${y})`);
      hits += await hitTestMarks(page, WORD, "inflammatory", `text ${n + 1}, scrolled to (${x}, ${y})`);
    }
    assert.ok(hits > 0, `text ${n + 1}: marks in view were hit-tested`);
    await page.close();
  }
  // An <input> scrolled to its end (the caret there) and back part of the way.
  const page = await openFixture(env.b.context, env.srv.origin, "input", { text: `${WORD} ${"chữ ".repeat(12)}${WORD} ${"chữ ".repeat(30)}${WORD}` });
  await page.click("#editor");
  await page.keyboard.press("End");
  await assertMarksOnWords(page, WORD, "inflammatory", "input, caret at the end");
  await page.evaluate(() => (document.getElementById("editor").scrollLeft = 200));
  await assertMarksOnWords(page, WORD, "inflammatory", "input, scrolled to 200");
  assert.ok((await hitTestMarks(page, WORD, "inflammatory", "input, scrolled to 200")) > 0, "input: a mark in view");
  await page.close();
});

/**
 * The caret offsets the browser puts just inside the left and right edges of each mark of
 * `category` in the page's #editor, at the mark's vertical middle (caretPositionFromPoint, the
 * field's own hit testing): a mark on its phrase gives the phrase's start and end.
 */
function caretsAtMarkEdges(page, category) {
  return page.evaluate((category) => {
    const out = [];
    for (const host of document.querySelectorAll("cannhac-overlay"))
      for (const m of host.shadowRoot?.querySelectorAll(`[data-cannhac-category="${category}"]`) || []) {
        const x = m.getBoundingClientRect();
        const at = (px) => document.caretPositionFromPoint(px, x.top + x.height / 2)?.offset;
        out.push({ left: x.left, right: x.right, carets: [at(x.left + 2), at(x.right - 2)] });
      }
    return out;
  }, category);
}

test("an <input> aligned right, centre or end, right to left, and scrolled: each mark covers its phrase", T, async () => {
  // A breaker's finding: the <input> mirror (a flex box) kept its one line at its start
  // whatever the field's `text-align`, so on right-aligned or centred inputs the marks were
  // drawn where the phrase would be in left-aligned text, beside the words.
  const filler = (n) => Array.from({ length: n }, (_, i) => `chữ${i}`).join(" ");
  const long = `${filler(30)} ${PHRASE} ${filler(30)}`;
  const CASES = [
    ["text-align: right", TEXT],
    ["text-align: center", TEXT],
    ["text-align: end", TEXT],
    ["text-align: center; padding: 4px 24px 4px 60px", TEXT],
    ["direction: rtl", TEXT],
    ["direction: rtl; text-align: center", TEXT],
    ["direction: rtl; text-align: left", TEXT],
    ["text-align: right", long, "scrolled"],
    ["text-align: center; padding: 4px 24px", long, "scrolled"],
    ["direction: rtl", long, "scrolled"],
  ];
  for (const [css, text, scrolled] of CASES) {
    const what = `${css}${scrolled ? ", scrolled" : ""}`;
    const page = await openFixture(env.b.context, env.srv.origin, "input");
    await page.evaluate((css) => (document.getElementById("editor").style.cssText += css), css);
    await page.click("#editor");
    await page.keyboard.insertText(text);
    const start = text.indexOf(PHRASE);
    const offsets = scrolled ? [0, -120, 120] : [null];
    for (const d of offsets) {
      if (d !== null) {
        // The phrase near the middle of the field's view, then a little to either side.
        await page.evaluate(
          ([start, len, d]) => {
            const el = document.getElementById("editor");
            const ctx = document.createElement("canvas").getContext("2d");
            ctx.font = getComputedStyle(el).font;
            const x = ctx.measureText(el.value.slice(0, start)).width + ctx.measureText(el.value.slice(start, start + len)).width / 2;
            const rtl = getComputedStyle(el).direction === "rtl";
            // Right to left, scrollLeft is 0 at the end and negative towards the start.
            el.scrollLeft = rtl ? x - el.scrollWidth + el.clientWidth / 2 + d : x - el.clientWidth / 2 + d;
          },
          [start, PHRASE.length, d],
        );
      }
      let last = null;
      const ok = await until(async () => {
        last = await caretsAtMarkEdges(page, "internal_document");
        return last.length === 1 && last[0].carets[0] === start && last[0].carets[1] === start + PHRASE.length;
      }, what, 3000).catch(() => null);
      assert.ok(ok, `${what} (scroll ${d}): want carets [${start}, ${start + PHRASE.length}] at the mark's edges, got ${JSON.stringify(last)}`);
    }
    await page.close();
  }
});

test("an <input> with wide side padding scrolled sideways: a mark partly out of view is cut at the content box", T, async () => {
  // A breaker's finding: the marks of an <input> were clipped at its padding box, but the field
  // cuts its text at the content box: a phrase partly scrolled off at the left had its mark
  // drawn on under the empty padding.
  const filler = (n) => Array.from({ length: n }, (_, i) => `chữ${i}`).join(" ");
  const text = `${filler(20)} ${PHRASE} ${filler(20)}`;
  const start = text.indexOf(PHRASE);
  const page = await openFixture(env.b.context, env.srv.origin, "input");
  await page.evaluate(() => (document.getElementById("editor").style.padding = "4px 24px"));
  await page.click("#editor");
  await page.keyboard.insertText(text);
  // The phrase's middle at the content box's left edge, then at its right edge.
  for (const side of ["left", "right"]) {
    const box = await page.evaluate(
      ([start, len, side]) => {
        const el = document.getElementById("editor");
        const cs = getComputedStyle(el);
        const ctx = document.createElement("canvas").getContext("2d");
        ctx.font = cs.font;
        const x = ctx.measureText(el.value.slice(0, start)).width + ctx.measureText(el.value.slice(start, start + len)).width / 2;
        const pl = parseFloat(cs.paddingLeft);
        const pr = parseFloat(cs.paddingRight);
        const content = el.clientWidth - pl - pr;
        el.scrollLeft = side === "left" ? x : x - content;
        const r = el.getBoundingClientRect();
        const left = r.left + parseFloat(cs.borderLeftWidth) + pl;
        return { left, right: left + content, scroll: el.scrollLeft };
      },
      [start, PHRASE.length, side],
    );
    let last = null;
    const ok = await until(async () => {
      // What can be seen of each mark: its box within its clipping ancestors' (overflow) boxes.
      const marks = await page.evaluate(() => {
        const out = [];
        for (const host of document.querySelectorAll("cannhac-overlay"))
          for (const m of host.shadowRoot?.querySelectorAll('[data-cannhac-category="internal_document"]') || []) {
            let { left, right } = m.getBoundingClientRect();
            for (let p = m.parentElement; p; p = p.parentElement) {
              if (getComputedStyle(p).overflowX === "visible") continue;
              const c = p.getBoundingClientRect();
              left = Math.max(left, c.left);
              right = Math.min(right, c.right);
            }
            out.push({ left, width: right - left });
          }
        return out;
      });
      last = marks;
      if (marks.length !== 1) return false;
      const m = marks[0];
      // Cut at the content edge on this side, and about half the phrase left in view.
      return side === "left" ? near(m.left, box.left, 1) && m.width > 20 : near(m.left + m.width, box.right, 1) && m.width > 20;
    }, `the mark cut at the content box's ${side} edge`, 3000).catch(() => null);
    assert.ok(ok, `${side}: content box [${box.left}, ${box.right}] (scroll ${box.scroll}), marks ${JSON.stringify(last)}`);
  }
  await page.close();
});

test("no page errors were thrown in any fixture", () => {
  assert.deepEqual(env.pageErrors, []);
});
