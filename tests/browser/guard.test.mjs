// The pre-share guard: a `high` finding stops the share action and asks; "Vẫn đăng" posts the
// exact draft; "Sửa lại" returns with text and caret unchanged; clean drafts post at once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openFixture, setSettings, TEST_SETTINGS, underlines, until, stopWorker, EDITOR , T } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // internal_document, high
let srv, b;
before(async () => {
  srv = await startServer();
  b = await launch();
  await setSettings(b.context, TEST_SETTINGS);
});
after(async () => {
  await b?.close();
  await srv?.close();
});

const posted = (page) => page.evaluate(() => window.posted.slice());
const dialog = (page) => page.getByRole("dialog");

async function typeAndWait(page, kind, text) {
  await page.click(EDITOR[kind]);
  await page.keyboard.type(text, { delay: 3 });
  await until(async () => {
    const u = await underlines(page, "internal_document");
    return u.highlights.length + u.marks.length > 0;
  }, "the high finding to be underlined");
}

for (const kind of ["textarea", "lexical", "prosemirror", "quill"]) {
  test(`${kind}: high finding + Post opens the guard, nothing is posted; "Vẫn đăng" posts the exact draft`, T, async () => {
    const page = await openFixture(b.context, srv.origin, kind);
    const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
    await typeAndWait(page, kind, text);
    await page.click("#post-btn");
    await dialog(page).waitFor();
    assert.equal(await dialog(page).count(), 1);
    assert.deepEqual(await posted(page), [], "nothing posted while the guard asks");
    // The dialog lives in an open shadow root and names the finding.
    const inShadow = await page.evaluate(() => !!document.querySelector("cannhac-guard")?.shadowRoot?.querySelector('[role="dialog"]'));
    assert.ok(inShadow);
    assert.match(await dialog(page).innerText(), /Hoa Sen/);
    await page.getByRole("button", { name: "Vẫn đăng" }).click();
    await until(async () => (await posted(page)).length === 1, "the post");
    assert.deepEqual(await posted(page), [text], "exactly the draft was posted");
    assert.equal(await dialog(page).count(), 0);
    await page.close();
  });
}

test(`"Sửa lại" returns to the composer with the text and caret unchanged`, T, async () => {
  for (const kind of ["textarea", "lexical"]) {
    const page = await openFixture(b.context, srv.origin, kind);
    const text = `Gửi ${PHRASE} đi các bạn`;
    await typeAndWait(page, kind, text);
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
    const caret = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (a?.tagName === "TEXTAREA") return { id: a.id, pos: a.selectionStart, end: a.selectionEnd };
        const s = getSelection();
        const r = document.createRange();
        r.selectNodeContents(document.getElementById("editor"));
        r.setEnd(s.focusNode, s.focusOffset);
        return { id: a?.id, pos: r.toString().length, collapsed: s.isCollapsed };
      });
    const before = await caret();
    assert.equal(before.pos, text.length - 5);
    await page.click("#post-btn");
    await dialog(page).waitFor();
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await until(async () => (await dialog(page).count()) === 0, "the dialog to close");
    assert.deepEqual(await caret(), before, "focus and caret are back where they were");
    assert.equal(await page.evaluate(() => window.getText()), text);
    assert.deepEqual(await posted(page), []);
    // And typing goes on at the caret.
    await page.keyboard.type("X");
    assert.equal(await page.evaluate(() => window.getText()), text.slice(0, -5) + "X" + text.slice(-5));
    await page.close();
  }
});

test(`"Sửa lại" keeps a backward selection backward in rich editors (Lexical, ProseMirror, Quill, Draft.js)`, T, async () => {
  for (const kind of ["lexical", "prosemirror", "quill", "draft"]) {
    const page = await openFixture(b.context, srv.origin, kind);
    const text = `Gửi ${PHRASE} đi các bạn`;
    await typeAndWait(page, kind, text);
    // Select the last five characters from the end leftwards: anchor at the end, focus before.
    for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+ArrowLeft");
    const selection = () =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel);
        const s = getSelection();
        const off = (n, o) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          r.setEnd(n, o);
          return r.toString().length;
        };
        return { anchor: off(s.anchorNode, s.anchorOffset), focus: off(s.focusNode, s.focusOffset), text: s.toString() };
      }, EDITOR[kind]);
    const before = await selection();
    assert.deepEqual(before, { anchor: text.length, focus: text.length - 5, text: text.slice(-5) }, `${kind}: a backward selection`);
    await page.click("#post-btn");
    await dialog(page).waitFor();
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await until(async () => (await dialog(page).count()) === 0, "the dialog to close");
    await page.waitForTimeout(100); // editors that re-apply their selection after focus do so by now
    assert.deepEqual(await selection(), before, `${kind}: the same range, still backward`);
    // The editor agrees: Shift+ArrowLeft extends it, typing replaces it.
    await page.keyboard.press("Shift+ArrowLeft");
    assert.deepEqual(await selection(), { anchor: text.length, focus: text.length - 6, text: text.slice(-6) }, `${kind}: extended leftwards`);
    await page.keyboard.type("X");
    await until(async () => (await page.evaluate(() => window.getText())) === text.slice(0, -6) + "X", `${kind}: the selection replaced`);
    assert.deepEqual(await posted(page), []);
    await page.close();
  }
});

test("Escape in the guard means edit; Tab stays inside the dialog", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await typeAndWait(page, "textarea", `Bản ${PHRASE}`);
  await page.click("#post-btn");
  await dialog(page).waitFor();
  const focused = () => page.evaluate(() => document.querySelector("cannhac-guard").shadowRoot.activeElement?.textContent);
  assert.equal(await focused(), "Sửa lại", "the safe choice has focus");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Vẫn đăng");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Sửa lại");
  await page.keyboard.press("Escape");
  await until(async () => (await dialog(page).count()) === 0, "the dialog to close");
  assert.deepEqual(await posted(page), []);
  assert.equal(await page.evaluate(() => document.activeElement.id), "editor");
  await page.close();
});

test("the page re-renders its Post button while the guard asks: \"Vẫn đăng\" posts through the new one", T, async () => {
  // A breaker's finding: the click went to the detached button and nothing was posted.
  const page = await openFixture(b.context, srv.origin, "textarea");
  const text = `Xin gửi ${PHRASE}`;
  await typeAndWait(page, "textarea", text);
  await page.click("#post-btn");
  await dialog(page).waitFor();
  await page.evaluate(() => {
    const old = document.getElementById("post-btn");
    old.replaceWith(old.cloneNode(true));
  });
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(page)).length === 1, "the post through the re-rendered button");
  assert.deepEqual(await posted(page), [text]);
  await page.close();
});

test("a clean post goes through at once, with no dialog", T, async () => {
  for (const kind of ["textarea", "lexical"]) {
    const page = await openFixture(b.context, srv.origin, kind);
    await page.click(EDITOR[kind]);
    const text = "Chúc mọi người cuối tuần vui vẻ!";
    await page.keyboard.type(text);
    await page.waitForTimeout(150);
    await page.click("#post-btn");
    assert.deepEqual(await posted(page), [text], "posted in the same click");
    assert.equal(await dialog(page).count(), 0);
    await page.close();
  }
});

test("typing a high phrase and posting within the same frame is still caught", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await page.click("#editor");
  // insert + click in one task: the analysis has not answered yet when the click comes.
  await page.evaluate((p) => {
    document.execCommand("insertText", false, "Nội dung " + p);
    document.getElementById("post-btn").click();
  }, PHRASE);
  await dialog(page).waitFor();
  assert.deepEqual(await posted(page), []);
  await page.close();
});

test("posting while the analysis of the last edit is still in flight is still caught", T, async () => {
  for (const kind of ["textarea", "ce"]) {
    const page = await openFixture(b.context, srv.origin, kind);
    await page.click(EDITOR[kind]);
    // A long draft makes each analysis take a while; then an edit, and Post a few ms later,
    // while the request for the edited text is out.
    await page.evaluate(() => document.execCommand("insertText", false, "Hôm nay trời đẹp, cả nhà đi chơi công viên. ".repeat(2000)));
    await page.waitForTimeout(1500);
    await page.evaluate(async (p) => {
      document.execCommand("insertText", false, " Gửi " + p);
      await new Promise((r) => setTimeout(r, 5));
      document.getElementById("post-btn").click();
    }, PHRASE);
    await dialog(page).waitFor();
    assert.deepEqual(await posted(page), [], `${kind}: nothing posted`);
    await page.close();
  }
});

/**
 * A bare message textarea (#msg) outside any form, on a page that does nothing on Enter; its
 * placeholder says it is a message box, so the guard takes it for Enter-to-post. A high
 * finding is typed, Enter asks, "Vẫn đăng" is clicked; returns once the user's new line is in.
 */
async function messageBoxPostedOnce() {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await page.evaluate(() => {
    const t = document.createElement("textarea");
    t.id = "msg";
    t.placeholder = "Tin nhắn của bạn";
    t.style.cssText = "width: 400px; height: 80px; display: block";
    document.body.prepend(t);
  });
  await page.click("#msg");
  await page.keyboard.type(`Gửi ${PHRASE}`, { delay: 3 });
  await until(async () => {
    const u = await underlines(page, "internal_document");
    return u.marks.length > 0;
  }, "the high finding to be underlined");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await page.inputValue("#msg")) === `Gửi ${PHRASE}\n`, "the new line the user typed");
  return page;
}

test("a message box we took for Enter-to-post keeps its new line after \"Vẫn đăng\", and is asked once", T, async () => {
  const page = await messageBoxPostedOnce();
  // The same finding does not ask again.
  await page.keyboard.press("Enter");
  await page.keyboard.type("dòng ba");
  await page.waitForTimeout(150);
  assert.equal(await dialog(page).count(), 0);
  assert.equal(await page.inputValue("#msg"), `Gửi ${PHRASE}\n\ndòng ba`);
  await page.close();
});

test("a new line held by a slow analysis goes where Enter was pressed, even if the user typed on", T, async () => {
  const page = await messageBoxPostedOnce();
  // Stop the worker: the next analysis waits for a cold start (tens of milliseconds or more).
  const { cdp } = await stopWorker(b.context);
  // A word, Enter while its analysis is out, and more words typed at once.
  // The words after Enter are typed over some time, so that they land while the analysis runs
  // and while the held Enter is replayed.
  const more = "tiếp theo mình gửi thêm mấy dòng nữa nhé";
  await page.keyboard.type("ok", { delay: 0 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(more, { delay: 4 });
  const want = `Gửi ${PHRASE}\nok\n${more}`;
  await until(async () => (await page.inputValue("#msg")) === want, `the text to be ${JSON.stringify(want)}`).catch(async (e) => {
    throw new Error(`${e.message}; it is ${JSON.stringify(await page.inputValue("#msg"))}`);
  });
  assert.equal(await dialog(page).count(), 0, "the accepted finding does not ask again");
  const caret = await page.evaluate(() => document.querySelector("#msg").selectionStart);
  assert.equal(caret, want.length, "the caret stays after what was typed");
  await cdp.detach();
  await page.close();
});

test("Enter in a comment box that posts on Enter: guarded; clean comments post at once", T, async () => {
  const page = await openFixture(b.context, srv.origin, "comment");
  await typeAndWait(page, "comment", `Bình luận về ${PHRASE}`);
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  assert.deepEqual(await posted(page), []);
  assert.equal(await page.evaluate(() => window.getText()), `Bình luận về ${PHRASE}`, "Enter did not reach the editor");
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(page)).length === 1, "the comment to post");
  assert.deepEqual(await posted(page), [`Bình luận về ${PHRASE}`]);
  // A clean comment: Enter posts immediately.
  await page.click("#editor");
  await page.keyboard.type("Hay quá, cảm ơn bạn");
  await page.waitForTimeout(100);
  await page.keyboard.press("Enter");
  assert.deepEqual((await posted(page))[1], "Hay quá, cảm ơn bạn");
  assert.equal(await dialog(page).count(), 0);
  await page.close();
});

test("a key held on \"Vẫn đăng\" in a comment box that posts on Enter types no repeats after the post", T, async () => {
  // A breaker's finding: "Vẫn đăng" replays the Enter that posts (a synthetic keydown), which
  // ended the hold of the answering key, so its auto-repeats were typed into the box.
  for (const key of ["Space", "Enter"]) {
    const page = await openFixture(b.context, srv.origin, "comment");
    const text = `Bình luận về ${PHRASE}`;
    await typeAndWait(page, "comment", text);
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.down(key);
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(40);
      await page.keyboard.down(key);
    }
    await page.keyboard.up(key);
    await page.waitForTimeout(300);
    assert.deepEqual(await posted(page), [text], `${key} held: posted once`);
    const left = await page.evaluate(() => window.getText());
    assert.ok(left === text || left === "", `${key} held: no repeat typed into the box (${JSON.stringify(left)})`);
    await page.close();
  }
});

test("keys typed after Enter while a slow analysis runs do not let a high finding post unasked", T, async () => {
  const page = await openFixture(b.context, srv.origin, "comment");
  await typeAndWait(page, "comment", `Bình luận về ${PHRASE}`);
  // A cold worker: the analysis of the last edit is slow, and the user types on after Enter.
  const { cdp } = await stopWorker(b.context);
  await page.keyboard.type("!", { delay: 0 });
  await page.keyboard.press("Enter");
  await page.keyboard.type("ok thanks", { delay: 0 });
  await dialog(page).waitFor();
  assert.deepEqual(await posted(page), [], "nothing posted while the guard asks");
  await cdp.detach();
  await page.close();
});

test("Ctrl+Enter posting: guarded, and \"Vẫn đăng\" posts through the page's own Ctrl+Enter handler", T, async () => {
  const page = await openFixture(b.context, srv.origin, "ctrlenter");
  const text = `Xin gửi ${PHRASE}`;
  await typeAndWait(page, "textarea", text);
  await page.keyboard.press("Control+Enter");
  await dialog(page).waitFor();
  assert.deepEqual(await posted(page), []);
  assert.equal(await page.evaluate(() => window.getText()), text, "the key did not reach the page");
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(page)).length === 1, "the post");
  assert.deepEqual(await posted(page), [text]);
  await page.close();
});

test("Ctrl+Shift+Enter and Ctrl+Alt+Enter are guarded like Ctrl+Enter; Alt+Enter in a box that posts on Enter too", T, async () => {
  // A breaker's finding: the key handler returned early on Shift or Alt, and these posted a
  // high finding unasked.
  for (const [kind, key] of [
    ["ctrlenter", "Control+Shift+Enter"],
    ["ctrlenter", "Control+Alt+Enter"],
    ["comment", "Alt+Enter"],
  ]) {
    const page = await openFixture(b.context, srv.origin, kind);
    await typeAndWait(page, kind === "comment" ? "comment" : "textarea", `Xin gửi ${PHRASE}`);
    await page.keyboard.press(key);
    await dialog(page).waitFor();
    assert.deepEqual(await posted(page), [], `${kind} ${key}: nothing posted while the guard asks`);
    await page.close();
  }
});

test("Enter in a text input submits its form: the submit is guarded, and \"Vẫn đăng\" submits it", T, async () => {
  const page = await openFixture(b.context, srv.origin, "input");
  const text = `Tiêu đề: ${PHRASE}`;
  await typeAndWait(page, "input", text);
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  assert.deepEqual(await posted(page), []);
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(page)).length === 1, "the form submission");
  assert.deepEqual(await posted(page), [text]);
  await page.close();
});

test("English interface: the guard's buttons are \"Edit\" and \"Post anyway\"", T, async () => {
  await setSettings(b.context, { ...TEST_SETTINGS, language: "en" });
  try {
    const page = await openFixture(b.context, srv.origin, "textarea");
    await typeAndWait(page, "textarea", `Report ${PHRASE}`);
    await page.click("#post-btn");
    await dialog(page).waitFor();
    assert.equal(await page.getByRole("button", { name: "Edit" }).count(), 1);
    assert.equal(await page.getByRole("button", { name: "Post anyway" }).count(), 1);
    await page.getByRole("button", { name: "Edit" }).click();
    assert.deepEqual(await posted(page), []);
    await page.close();
  } finally {
    await setSettings(b.context, TEST_SETTINGS);
  }
});

test("the guard can be turned off for a site", T, async () => {
  await setSettings(b.context, { ...TEST_SETTINGS, guardDisabledSites: ["127.0.0.1"] });
  try {
    const page = await openFixture(b.context, srv.origin, "textarea");
    await typeAndWait(page, "textarea", `Gửi ${PHRASE}`);
    await page.click("#post-btn");
    assert.deepEqual(await posted(page), [`Gửi ${PHRASE}`]);
    assert.equal(await dialog(page).count(), 0);
    await page.close();
  } finally {
    await setSettings(b.context, TEST_SETTINGS);
  }
});

test("a composer in a native modal <dialog>: the guard shows in the top layer, above the modal, and its buttons answer", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await page.evaluate(() => {
    const d = document.createElement("dialog");
    d.innerHTML = '<form><textarea id="modal-text" rows="4" cols="40"></textarea><button type="submit" id="modal-post">Đăng</button></form>';
    document.body.append(d);
    window.modalPosted = [];
    d.querySelector("form").addEventListener("submit", (e) => {
      e.preventDefault();
      window.modalPosted.push(d.querySelector("textarea").value);
    });
    d.showModal();
  });
  // The page's own <dialog> has the role too: the guard is the one in its shadow root.
  const guard = page.locator('cannhac-guard [role="dialog"]');
  const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
  await page.click("#modal-text");
  await page.keyboard.type(text, { delay: 3 });
  await until(async () => (await underlines(page, "internal_document")).marks.length > 0, "the underline in the modal");
  await page.click("#modal-post");
  await guard.waitFor();
  assert.deepEqual(await page.evaluate(() => window.modalPosted.slice()), [], "nothing posted while the guard asks");
  // Under the modal the guard's buttons could not be clicked: Playwright's click checks that the
  // button itself receives the pointer.
  await page.getByRole("button", { name: "Sửa lại" }).click({ timeout: 5000 });
  await until(async () => (await guard.count()) === 0, "the guard to close");
  assert.equal(await page.inputValue("#modal-text"), text, "the draft is unchanged");
  await page.click("#modal-post");
  await guard.waitFor();
  await page.getByRole("button", { name: "Vẫn đăng" }).click({ timeout: 5000 });
  await until(async () => (await page.evaluate(() => window.modalPosted.length)) === 1, "the post");
  assert.deepEqual(await page.evaluate(() => window.modalPosted.slice()), [text]);
  await page.close();
});

// ---- composers the user never focused, and which form a button posts ----

const guardDialog = (page) => page.locator('cannhac-guard [role="dialog"]');

/** Adds a form with a draft the page itself put there (as a site restoring a saved draft does). */
function addDraftForm(page, id, draft) {
  return page.evaluate(
    ([id, draft]) => {
      const f = document.createElement("form");
      f.id = id;
      f.innerHTML = `<textarea id="${id}-text" rows="3" cols="40"></textarea><button type="submit" id="${id}-post">Đăng</button>`;
      f.querySelector("textarea").value = draft;
      (window.sent ||= {})[id] = [];
      f.addEventListener("submit", (e) => {
        e.preventDefault();
        window.sent[id].push(f.querySelector("textarea").value);
      });
      document.body.append(f);
    },
    [id, draft],
  );
}
const sent = (page, id) => page.evaluate((id) => window.sent[id].slice(), id);

test("a draft the site restored and the user never focused is checked before it is posted", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
  await addDraftForm(page, "restored", text);
  await page.click("#restored-post"); // the first thing the user does on the page
  await guardDialog(page).waitFor();
  assert.match(await guardDialog(page).innerText(), /Hoa Sen/);
  assert.deepEqual(await sent(page, "restored"), [], "nothing posted while the guard asks");
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await sent(page, "restored")).length === 1, "the post");
  assert.deepEqual(await sent(page, "restored"), [text]);

  // A rich editor outside any form, posted by a button labelled with what it posts.
  await page.evaluate((draft) => {
    const box = document.createElement("div");
    box.innerHTML = '<div><div id="rich-draft" contenteditable="true" style="width: 400px; min-height: 40px"></div></div><div><button type="button" id="rich-post">Gửi bình luận</button></div>';
    box.querySelector("#rich-draft").textContent = draft;
    window.richSent = [];
    box.querySelector("#rich-post").addEventListener("click", () => window.richSent.push(document.getElementById("rich-draft").textContent));
    document.body.append(box);
  }, text);
  await page.click("#rich-post");
  await guardDialog(page).waitFor();
  assert.deepEqual(await page.evaluate(() => window.richSent.slice()), [], "nothing posted while the guard asks");
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await until(async () => (await guardDialog(page).count()) === 0, "the guard to close");
  assert.equal(await page.evaluate(() => document.getElementById("rich-draft").textContent), text, "the draft is unchanged");
  await page.close();
});

test("two forms: the guard checks the form whose button was pressed, not the composer last typed in", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const high = `Chia sẻ ${PHRASE} cho cả nhóm`;
  const clean = "Chiều nay lớp mình học bù tiết Toán nhé.";
  await addDraftForm(page, "a", "");
  await addDraftForm(page, "b", high);
  await page.click("#a-text");
  await page.keyboard.type(clean, { delay: 3 });
  await page.waitForTimeout(300);
  await page.click("#b-post");
  await guardDialog(page).waitFor();
  assert.deepEqual(await sent(page, "b"), [], "form b's high draft is not posted unasked");
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await until(async () => (await guardDialog(page).count()) === 0, "the guard to close");

  // The other way round: the composer typed in holds the high finding, the form posted is clean.
  await page.fill("#b-text", clean);
  await page.fill("#a-text", "");
  await page.click("#a-text");
  await page.keyboard.type(high, { delay: 3 });
  await until(async () => (await underlines(page, "internal_document")).marks.length > 0, "the underline in form a");
  await page.click("#b-post");
  await until(async () => (await sent(page, "b")).length === 1, "form b's clean post");
  assert.deepEqual(await sent(page, "b"), [clean]);
  assert.equal(await guardDialog(page).count(), 0, "no dialog for a clean form");
  await page.close();
});

test("share buttons labelled with what they post are guarded; \"Đăng nhập\" beside them is not", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = '<div id="ce" contenteditable="true" style="width: 400px; min-height: 40px"></div><div class="bar"><button type="button">Đăng nhập</button><button type="button">Đăng tin</button><span role="button" tabindex="0">Post comment</span></div>';
    window.clicked = [];
    for (const b of box.querySelectorAll("button, [role=button]")) b.addEventListener("click", () => window.clicked.push(b.textContent));
    document.body.append(box);
  });
  await page.click("#ce");
  await page.keyboard.type(`Gửi ${PHRASE} cho cả nhóm`, { delay: 3 });
  await until(async () => (await underlines(page, "internal_document")).highlights.length > 0, "the underline");
  for (const label of ["Đăng tin", "Post comment"]) {
    await page.getByText(label, { exact: true }).click();
    await guardDialog(page).waitFor();
    assert.deepEqual(await page.evaluate(() => window.clicked.slice()), [], `"${label}" waits for the answer`);
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await until(async () => (await guardDialog(page).count()) === 0, "the guard to close");
  }
  await page.getByText("Đăng nhập", { exact: true }).click();
  await until(async () => (await page.evaluate(() => window.clicked.length)) === 1, "the login click");
  assert.deepEqual(await page.evaluate(() => window.clicked.slice()), ["Đăng nhập"]);
  assert.equal(await guardDialog(page).count(), 0, "logging in is not sharing");
  await page.close();
});

test("an editor in a same-origin iframe, posted by its form's button in the page: guarded", T, async () => {
  const page = await openFixture(b.context, srv.origin, "textarea");
  const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
  await page.evaluate(() => {
    // As TinyMCE and CKEditor 4 do: an iframe whose body is the editor, a hidden textarea the
    // form posts, filled from the iframe on submit.
    const f = document.createElement("form");
    f.innerHTML = '<iframe id="rte" style="width: 420px; height: 80px" srcdoc="<body contenteditable=true></body>"></iframe><textarea name="body" hidden></textarea><button type="submit" id="rte-post">Gửi</button>';
    window.rteSent = [];
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      const body = f.querySelector("iframe").contentDocument.body.textContent;
      f.querySelector("textarea").value = body;
      window.rteSent.push(body);
    });
    document.body.append(f);
  });
  await until(() => page.evaluate(() => !!document.getElementById("rte").contentDocument?.body?.isContentEditable), "the iframe editor");
  await page.frameLocator("#rte").locator("body").click();
  await page.keyboard.type(text, { delay: 3 });
  await page.click("#rte-post");
  await guardDialog(page).waitFor();
  assert.deepEqual(await page.evaluate(() => window.rteSent.slice()), [], "nothing posted while the guard asks");
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await page.evaluate(() => window.rteSent.length)) === 1, "the post");
  assert.deepEqual(await page.evaluate(() => window.rteSent.slice()), [text]);
  await page.close();
});

test("typing on while the guard asks goes back to the composer: the characters land at the caret, nothing is posted", T, async () => {
  for (const kind of ["comment", "textarea"]) {
    const page = await openFixture(b.context, srv.origin, kind);
    const text = `Bình luận về ${PHRASE}`;
    await typeAndWait(page, kind, text);
    if (kind === "comment") await page.keyboard.press("Enter");
    else await page.keyboard.press("Control+Enter");
    await dialog(page).waitFor();
    // A space first (a breaker's finding: it pressed "Sửa lại" and was lost).
    await page.keyboard.type(" abc", { delay: 30 });
    await until(async () => (await dialog(page).count()) === 0, "the guard to close");
    const now = kind === "comment" ? await page.evaluate(() => window.getText()) : await page.inputValue("#editor");
    // After a plain Enter in a box that posts on Enter, typing on means the Enter was a new
    // line: it is kept before the characters.
    const want = kind === "comment" ? `${text}\n abc` : `${text} abc`;
    assert.equal(now.replace(/\n+/g, "\n"), want, `${kind}: the typed characters are in the draft, at the caret`);
    assert.deepEqual(await posted(page), [], `${kind}: nothing posted`);
    await page.close();
  }
});

// A composer in the site's own modal (focus-trap, Radix Dialog): the page takes focus back to
// its own elements and treats a click on the guard as a click outside its modal.
for (const mount of ["mountFocusTrap", "mountRadix"]) {
  test(`a composer in a site's modal (${mount}): keys and clicks answer the guard, never the page`, T, async () => {
    const page = await openFixture(b.context, srv.origin, "textarea");
    await page.evaluate(() => new Promise((r) => {
      const s = document.createElement("script");
      s.type = "module";
      s.src = "/build/modals.js";
      s.onload = r;
      document.head.append(s);
    }));
    await page.waitForFunction(() => window.modalsReady === true);
    const guard = page.locator('cannhac-guard [role="dialog"]');
    const sentNow = () => page.evaluate(() => window.modalSent.slice());
    const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
    await page.evaluate((m) => window[m](), mount);
    await page.click("#modal-text");
    await page.keyboard.type(text, { delay: 3 });
    await until(async () => (await underlines(page, "internal_document")).marks.length > 0, "the underline in the modal");
    // 1. Enter while the guard asks (the page may have focused its own "Đăng"): nothing posts.
    await page.click("#modal-post");
    await guard.waitFor();
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    assert.deepEqual(await sentNow(), [], "Enter did not post through the page's button");
    await until(async () => (await guard.count()) === 0, "Enter chose 'Sửa lại'");
    assert.equal(await page.inputValue("#modal-text"), text, "the modal and its draft are still there");
    // 2. A click on "Sửa lại": the modal stays (no click outside it), the draft is unchanged.
    await page.click("#modal-post");
    await guard.waitFor();
    await page.getByRole("button", { name: "Sửa lại" }).click({ timeout: 5000 });
    await until(async () => (await guard.count()) === 0, "the guard to close");
    assert.equal(await page.inputValue("#modal-text"), text, "the draft survived 'Sửa lại'");
    // 3. Escape is the guard's, not the modal's.
    await page.click("#modal-post");
    await guard.waitFor();
    await page.keyboard.press("Escape");
    await until(async () => (await guard.count()) === 0, "Escape closed the guard");
    assert.equal(await page.inputValue("#modal-text"), text, "Escape did not close the site's modal");
    // 4. "Vẫn đăng" posts the draft once.
    await page.click("#modal-post");
    await guard.waitFor();
    await page.getByRole("button", { name: "Vẫn đăng" }).click({ timeout: 5000 });
    await until(async () => (await sentNow()).length === 1, "the post");
    assert.deepEqual(await sentNow(), [text]);
    await page.close();
  });
}

test("text an input method commits while the guard asks never enters the draft; \"Vẫn đăng\" posts only the text that was checked", T, async () => {
  // A breaker's finding: text committed through an input method (CDP Input.insertText, a
  // composition) while the dialog was open went into the draft behind it, and "Vẫn đăng" then
  // posted text the dialog had never checked.
  for (const kind of ["textarea", "prosemirror"]) {
    for (const how of ["insertText", "composition"]) {
      const page = await openFixture(b.context, srv.origin, kind);
      const cdp = await page.context().newCDPSession(page);
      const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
      await typeAndWait(page, kind, text);
      await page.click("#post-btn");
      await dialog(page).waitFor();
      if (how === "insertText") await cdp.send("Input.insertText", { text: " Ừ được" });
      else {
        await cdp.send("Input.imeSetComposition", { text: "đươ", selectionStart: 3, selectionEnd: 3 });
        await page.waitForTimeout(100);
        await cdp.send("Input.insertText", { text: "được" });
      }
      await page.waitForTimeout(300);
      const what = `${kind}, ${how}`;
      assert.equal(await page.evaluate(() => window.getText()), text, `${what}: the draft is unchanged while the guard asks`);
      assert.equal(await dialog(page).count(), 1, `${what}: the guard still asks`);
      await page.getByRole("button", { name: "Vẫn đăng" }).click();
      await until(async () => (await posted(page)).length === 1, `${what}: the post`);
      assert.deepEqual(await posted(page), [text], `${what}: exactly the checked draft was posted`);
      await cdp.detach();
      await page.close();
    }
  }
});

test("Enter held down on a guard button: its auto-repeat adds nothing to the draft and posts nothing more", T, async () => {
  // A breaker's finding: Enter held on "Sửa lại" closed the dialog, and the keyboard's
  // auto-repeated keydowns then typed new lines into the draft.
  for (const button of ["Sửa lại", "Vẫn đăng"]) {
    for (const kind of ["textarea", "prosemirror"]) {
      const page = await openFixture(b.context, srv.origin, kind);
      const text = `Chia sẻ ${PHRASE} cho cả nhóm`;
      await typeAndWait(page, kind, text);
      await page.click("#post-btn");
      await dialog(page).waitFor();
      if (button === "Vẫn đăng") await page.keyboard.press("Tab");
      // Playwright marks the second and later keydowns of a key still down as auto-repeats.
      await page.keyboard.down("Enter");
      for (let i = 0; i < 4; i++) {
        await page.waitForTimeout(40);
        await page.keyboard.down("Enter");
      }
      await page.keyboard.up("Enter");
      await page.waitForTimeout(300);
      const what = `${kind}, Enter held on "${button}"`;
      assert.equal(await dialog(page).count(), 0, `${what}: the guard closed`);
      assert.deepEqual(await posted(page), button === "Vẫn đăng" ? [text] : [], `${what}: posts`);
      assert.equal(await page.evaluate(() => window.getText()), text, `${what}: no new line was added to the draft`);
      // The next press of Enter is the user's again.
      if (button === "Sửa lại") {
        await page.keyboard.press("End");
        await page.keyboard.press("Enter");
        await page.keyboard.type("x");
        assert.match(await page.evaluate(() => window.getText()), /\n+x$/, `${what}: a new Enter is typed`);
      }
      await page.close();
    }
  }
});
