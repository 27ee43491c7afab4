// The guard while a share waits for an analysis (a cold service worker), and what the
// extension does when the worker stops or the site is switched off and on: from a breaker's
// session on the built extension, each case failing on the code before its fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { childFrameEditor, openFixture, setSettings, TEST_SETTINGS, underlines, until, stopWorker, serviceWorker, T, suite } from "./harness.mjs";

const PHRASE = "dự án Hoa Sen"; // custom phrase → internal_document, high
const env = suite();
const posted = (page) => page.evaluate(() => window.posted.slice());
const dialog = (page) => page.getByRole("dialog");
/** Keeps the service worker's thread busy for `ms` (its answers wait), starting now. */
async function busyWorker(ms) {
  const sw = await serviceWorker(env.b.context);
  await sw.evaluate((ms) => {
    setTimeout(() => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    }, 0);
  }, ms);
}
/** Waits until the service worker's thread is free again (a busy loop of an earlier test). */
async function idleWorker() {
  const sw = await serviceWorker(env.b.context);
  await sw.evaluate(() => 0);
}
const total = async (page, cat) => {
  const u = await underlines(page, cat);
  return u.highlights.length + u.marks.length;
};

for (const kind of ["chat", "comment"]) {
  test(`${kind}: keys typed right after Enter while the worker starts stay for the next message`, T, async () => {
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click("#editor");
    const { cdp } = await stopWorker(env.b.context);
    const text = "Chào anh, mai gặp nhé";
    await page.keyboard.type(text, { delay: 0 });
    await page.keyboard.press("Enter");
    await page.keyboard.type("Ok", { delay: 0 });
    await until(async () => (await posted(page)).length === 1, "the message to be sent");
    await until(async () => (await page.evaluate(() => window.getText())) === "Ok", "the box to hold what was typed after Enter", 3000).catch(async (e) => {
      throw new Error(`${e.message}; sent ${JSON.stringify(await posted(page))}, box ${JSON.stringify(await page.evaluate(() => window.getText()))}`);
    });
    assert.deepEqual(await posted(page), [text], "exactly the message that was checked");
    await cdp.detach();
    await page.close();
  });
}

for (const kind of ["chat", "comment"]) {
  test(`${kind}: Ctrl+Backspace and Delete while a share is held do not edit the message being sent`, T, async () => {
    // A breaker's finding: only typed text and Backspace were kept apart, so Ctrl+Backspace
    // took a word off the message being sent ("Chào anh, mai gặp " was posted).
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click("#editor");
    const text = "Chào anh, mai gặp nhé";
    await page.keyboard.type(text, { delay: 0 });
    await busyWorker(1500);
    await page.keyboard.type("!", { delay: 0 }); // an edit whose analysis the busy worker holds
    await page.keyboard.press("Enter");
    await page.keyboard.type("Okk", { delay: 0 });
    await page.keyboard.press("Control+Backspace");
    await page.keyboard.press("Delete");
    await page.keyboard.type("Vâng", { delay: 0 });
    await until(async () => (await posted(page)).length === 1, "the message to be sent", 8000);
    await until(async () => (await page.evaluate(() => window.getText())) === "Vâng", "the box to hold what was typed after Enter", 3000).catch(async (e) => {
      throw new Error(`${e.message}; sent ${JSON.stringify(await posted(page))}, box ${JSON.stringify(await page.evaluate(() => window.getText()))}`);
    });
    assert.deepEqual(await posted(page), [`${text}!`], "exactly the message that was checked");
    await page.close();
  });
}

/** The caret in the focused editor: characters from the editor's start (field or rich). */
const caretOf = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (a?.tagName === "INPUT" || a?.tagName === "TEXTAREA") return { id: a.id, start: a.selectionStart, end: a.selectionEnd };
    const s = getSelection();
    const r = document.createRange();
    r.selectNodeContents(document.getElementById("editor"));
    r.setEnd(s.focusNode, s.focusOffset);
    return { id: a?.id, start: r.toString().length, collapsed: s.isCollapsed };
  });

for (const kind of ["chat", "comment"]) {
  for (const how of ["Escape", "Sửa lại"]) {
    test(`${kind}: keys held while a high finding's share waited, then ${how}: the draft and caret as they were, nothing posted, nothing typed back`, T, async () => {
      // A tester's report: Escape typed the keys the guard had held back into the draft. Going
      // back to edit (Escape or "Sửa lại") leaves the draft as it was shared: the keys were
      // typed for after the post, which did not happen.
      const page = await openFixture(env.b.context, env.srv.origin, kind);
      await page.click("#editor");
      const text = `Gửi ${PHRASE} cho cả nhóm`;
      await page.keyboard.type(text, { delay: 0 });
      await until(async () => (await total(page, "internal_document")) > 0, "the finding");
      await busyWorker(1500);
      await page.keyboard.type("!", { delay: 0 }); // an edit whose analysis the busy worker holds
      const before = await caretOf(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("ok", { delay: 0 }); // held: the share waits for the analysis
      await dialog(page).waitFor({ timeout: 8000 });
      assert.deepEqual(await posted(page), [], "nothing posted while the guard asks");
      if (how === "Escape") await page.keyboard.press("Escape");
      else await page.getByRole("button", { name: "Sửa lại" }).click();
      await until(async () => (await dialog(page).count()) === 0, "the dialog to close");
      await page.waitForTimeout(200); // a retype runs in a later task
      assert.equal(await page.evaluate(() => window.getText()), `${text}!`, "the draft as it was shared");
      assert.deepEqual(await caretOf(page), before, "the caret where it was");
      assert.deepEqual(await posted(page), []);
      await page.close();
    });
  }
}

// The worker's test hooks (self.cannhac.testHooks, background.js): `loseAnswers` analyses are
// answered by closing the port, as a worker stopped while it works does.
const SECRET = "Gửi anh em TÀI LIỆU MẬT, lưu hành nội bộ, đọc xong xóa nhé"; // a built-in high finding
async function workerHooks(t) {
  const sw = await serviceWorker(env.b.context);
  const hooks = (h) => sw.evaluate((h) => Object.assign(self.cannhac.testHooks, h || {}), h);
  t.after(() => hooks({ loseAnswers: 0 }).catch(() => {})); // whatever happens in the test
  return hooks;
}

for (const kind of ["textarea", "comment"]) {
  test(`${kind}: the first answers for the final text lost: the share still waits for an answer and the guard asks about the high finding`, T, async (t) => {
    const hooks = await workerHooks(t);
    const page = await openFixture(env.b.context, env.srv.origin, kind);
    await page.click("#editor");
    // The next two analyses are lost, whenever they are asked (at the frame after the input,
    // by its retry, or by the share): the share is decided by the third.
    await hooks({ loseAnswers: 2 });
    await page.keyboard.insertText(SECRET);
    if (kind === "textarea") await page.click("#post-btn");
    else await page.keyboard.press("Enter");
    await dialog(page).waitFor({ timeout: 8000 });
    assert.equal((await hooks()).loseAnswers, 0, "both answers were lost");
    assert.match(await dialog(page).innerText(), /TÀI LIỆU MẬT/, "the dialog names the finding");
    assert.deepEqual(await posted(page), [], "nothing posted while the guard asks");
    await page.getByRole("button", { name: "Sửa lại" }).click();
    assert.equal(await page.evaluate(() => window.getText()), SECRET);
    assert.deepEqual(await posted(page), []);
    await page.close();
  });
}

test("every answer for the final text lost: the guard says the post was not checked rather than posting it", T, async (t) => {
  const hooks = await workerHooks(t);
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await hooks({ loseAnswers: 1000 });
  await page.keyboard.insertText(SECRET);
  await page.click("#post-btn");
  await dialog(page).waitFor({ timeout: 8000 });
  assert.match(await dialog(page).innerText(), /Chưa kiểm tra được bài viết này/);
  assert.deepEqual(await posted(page), [], "nothing posted unchecked");
  // Answers come again: after "Sửa lại", the next share is asked about the finding itself.
  await hooks({ loseAnswers: 0 });
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await page.click("#post-btn");
  await until(async () => (await dialog(page).count()) === 1 && /TÀI LIỆU MẬT/.test(await dialog(page).innerText()), "the guard naming the finding");
  assert.deepEqual(await posted(page), []);
  await page.close();
});

test("a second click on Post while the first is held for a busy worker posts nothing more", T, async () => {
  // The test needs the first click held: the typed text's analysis still out at the clicks.
  // When the worker answered before them (a worker that was not the busy one, or typing slower
  // than the busy loop on a loaded machine: the clicks then post twice as on any plain form),
  // the scenario is tried again, up to three times; held once, exactly one post is asserted.
  let held = false;
  for (let attempt = 0; attempt < 3 && !held; attempt++) {
    const page = await openFixture(env.b.context, env.srv.origin, "textarea");
    await page.click("#editor");
    await idleWorker();
    await busyWorker(5000);
    await page.keyboard.type("Một bài đăng bình thường về chuyến đi Đà Lạt", { delay: 0 });
    await page.click("#post-btn", { clickCount: 2, delay: 10 });
    await page.waitForTimeout(300);
    if ((await posted(page)).length > 0) {
      await page.close(); // not held: posted at once, before the worker's answer
      continue;
    }
    held = true;
    await until(async () => (await posted(page)).length >= 1, "the post");
    await page.waitForTimeout(1000);
    assert.equal((await posted(page)).length, 1, `one post: ${JSON.stringify(await posted(page))}`);
    await page.close();
  }
  assert.ok(held, "the first click was held for the busy worker in one of three tries");
});

test("a chat box emptied by the page after \"Vẫn đăng\": the next message with the same finding is asked again", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "chat");
  await page.click("#editor");
  await page.keyboard.type(`${PHRASE}: kế hoạch họp chiều nay`, { delay: 2 });
  await until(async () => (await total(page, "internal_document")) > 0, "the finding");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  // Typed at once (the caret is back in the box), within the half second a value emptied by
  // script can go unseen.
  await page.keyboard.type(`${PHRASE}: danh sách cán bộ`, { delay: 0 });
  assert.equal((await posted(page)).length, 1, "the first message was sent");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor({ timeout: 5000 });
  assert.equal((await posted(page)).length, 1, "the second message waits for the answer");
  await page.close();
});

test("the next message's Enter reaching the page with the click on \"Vẫn đăng\" is asked about, not taken for the replay", T, async () => {
  // "Vẫn đăng" replays the share with the guard's bypass on until a timer; a busy page runs
  // queued input before timers, so the user's own next Enter came while it was still on and
  // was let through unasked (the flaky failure of the test above). Here the click, the next
  // message and its Enter are sent to the page at once, queued together (the old code let the
  // second message through in most runs).
  const page = await openFixture(env.b.context, env.srv.origin, "chat");
  await page.click("#editor");
  await page.keyboard.type(`${PHRASE}: kế hoạch họp chiều nay`, { delay: 2 });
  await until(async () => (await total(page, "internal_document")) > 0, "the finding");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  const box = await page.getByRole("button", { name: "Vẫn đăng" }).boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: "left", clickCount: 1 };
  const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, text: "\r", unmodifiedText: "\r" };
  const cdp = await page.context().newCDPSession(page);
  await Promise.all([
    cdp.send("Input.dispatchMouseEvent", { type: "mousePressed", ...at }),
    cdp.send("Input.dispatchMouseEvent", { type: "mouseReleased", ...at }),
    cdp.send("Input.insertText", { text: `${PHRASE}: danh sách cán bộ` }),
    cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...enter }),
    cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...enter }),
  ]);
  await dialog(page).waitFor({ timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}; posted ${JSON.stringify(await posted(page))}`);
  });
  assert.deepEqual(await posted(page), [`${PHRASE}: kế hoạch họp chiều nay`], "the second message waits for the answer");
  await cdp.detach();
  await page.close();
});

test("the worker stopped while an answer is out: the draft is analysed again, not left without underlines", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "lexical");
  await page.click("#editor");
  await page.keyboard.type("Đây là bài viết", { delay: 2 });
  await page.waitForTimeout(300);
  // Keep the worker busy, type, and stop it while the answer is out (the next request starts
  // a new worker: its absence is not waited for).
  await busyWorker(600);
  await page.keyboard.type(` về ${PHRASE}`, { delay: 0 });
  const cdp = await env.b.context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send("Target.getTargets");
  const target = targetInfos.find((t) => t.type === "service_worker" && t.url.endsWith("/background.js"));
  if (target) await cdp.send("Target.closeTarget", { targetId: target.targetId });
  await until(async () => (await total(page, "internal_document")) === 1, "the phrase underlined after the worker comes back", 8000);
  await cdp.detach();
  await page.close();
});

test("the site switched off and on again: drafts not in focus get their underlines back", T, async () => {
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await page.keyboard.type(`Gửi ${PHRASE} nhé`, { delay: 2 });
  await until(async () => (await total(page, "internal_document")) === 1, "the underline");
  await page.evaluate(() => document.activeElement.blur());
  await setSettings(env.b.context, { ...TEST_SETTINGS, disabledSites: ["127.0.0.1"] });
  await until(async () => (await total(page, "internal_document")) === 0, "the underline to go with the site switched off");
  await setSettings(env.b.context, TEST_SETTINGS);
  await until(async () => (await total(page, "internal_document")) === 1, "the underline back, without focusing the draft");
  await page.close();
});

test("a site switched off applies in its data: and sandboxed frames too", T, async () => {
  await setSettings(env.b.context, { ...TEST_SETTINGS, disabledSites: ["127.0.0.1"] });
  try {
    for (const kind of ["dataframe", "sandboxframe"]) {
      const page = await openFixture(env.b.context, env.srv.origin, kind);
      const frame = await childFrameEditor(page, kind);
      await frame.click("#editor");
      await page.keyboard.type(`Nội dung ${PHRASE}`);
      await page.waitForTimeout(800);
      assert.equal((await underlines(frame, "internal_document")).marks.length, 0, `${kind}: no mark on a site switched off`);
      await page.close();
    }
  } finally {
    await setSettings(env.b.context, TEST_SETTINGS);
  }
});

// The two tests that keep the worker busy longest run last: Chrome may stop and restart a
// worker busy that long, and a later test's handle to the worker may then be a stale one.
test("a worker that answers nothing for longer than the guard waits: the user is asked, nothing is posted unasked", T, async () => {
  // A loaded machine's worker starting again and again kept a share held for over 30 s (the
  // flaky "keys typed after Enter while a slow analysis runs" test): the guard now asks after
  // eight seconds that the draft was not checked.
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  await busyWorker(16000);
  await page.keyboard.insertText("Một bài đăng bình thường về chuyến đi Đà Lạt");
  const t0 = Date.now();
  await page.click("#post-btn");
  await dialog(page).waitFor({ timeout: 14000 });
  const waited = Date.now() - t0;
  assert.match(await dialog(page).innerText(), /Chưa kiểm tra được bài viết này/);
  assert.ok(waited >= 7000, `asked once the guard gave up, not at once (${waited} ms)`);
  assert.deepEqual(await posted(page), [], "nothing posted unchecked");
  await page.close();
  await idleWorker(); // the next test's busy loop must not run on after this one's
});

test("a worker busy past the guard's wait: a second Post at 5.5 s then \"Vẫn đăng\" posts once, and keys typed after Enter stay out of the message", T, async () => {
  // A breaker's findings: a five-second release of the held share let a second click start a
  // second hold, which posted the same text again when the worker answered; and it typed the
  // keys pressed after Enter back into the draft, so the dialog asked about (and sent) them.
  await idleWorker();
  const page = await openFixture(env.b.context, env.srv.origin, "textarea");
  await page.click("#editor");
  const text = "Một bài đăng bình thường về chuyến đi Đà Lạt";
  await page.keyboard.insertText(text);
  await busyWorker(13000);
  await page.keyboard.insertText(" nhé");
  await page.click("#post-btn");
  await page.waitForTimeout(5500);
  await page.click("#post-btn");
  await dialog(page).waitFor({ timeout: 10000 });
  await page.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(page)).length >= 1, "the post");
  await page.waitForTimeout(8000); // past the worker's answer
  assert.deepEqual(await posted(page), [`${text} nhé`], "posted once");
  await page.close();

  await idleWorker();
  const chat = await openFixture(env.b.context, env.srv.origin, "chat");
  await chat.click("#editor");
  await chat.keyboard.type("Chào anh, mai gặp nhé", { delay: 0 });
  await busyWorker(12000);
  await chat.keyboard.type("!", { delay: 0 });
  await chat.keyboard.press("Enter");
  await chat.keyboard.type("Ok", { delay: 0 });
  await dialog(chat).waitFor({ timeout: 12000 });
  assert.equal(await chat.evaluate(() => window.getText()), "Chào anh, mai gặp nhé!", "the draft asked about is the one sent with Enter");
  await chat.getByRole("button", { name: "Vẫn đăng" }).click();
  await until(async () => (await posted(chat)).length === 1, "the message");
  assert.deepEqual(await posted(chat), ["Chào anh, mai gặp nhé!"]);
  await until(async () => (await chat.evaluate(() => window.getText())) === "Ok", "the keys typed after Enter back in the box", 3000);
  await chat.close();
});

test("no page errors were thrown in any fixture", () => {
  assert.deepEqual(env.pageErrors, []);
});
